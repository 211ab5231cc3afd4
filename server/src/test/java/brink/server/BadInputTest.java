package brink.server;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static brink.server.testkit.Requests.unitMove;
import static brink.server.testkit.Requests.waitOrders;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Hello;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Ping;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind gets its typed error (or, for a repeated request id, the first answer); the
 * connection survives semantic errors and is closed after garbage; the server stays up and another game,
 * played alongside, is untouched.
 */
class BadInputTest {
  @TempDir
  Path dir;
  TestServer server;
  TestClient teacher;
  TestClient bystander;
  String game;
  String otherGame;
  GameState otherBefore;
  GameCreated created;

  @BeforeEach
  void openServerWithTwoGames() throws Exception {
    server = new TestServer(dir);
    teacher = server.instructor();
    created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022").setSeed(3));
    game = created.getGameId();
    GameCreated other = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
        .setSeed(4));
    otherGame = other.getGameId();
    assertThat(teacher.request(start(otherGame)).hasAck()).isTrue();
    bystander = server.player(TestServer.seatCode(other, "nato"), "Nadia");
    assertThat(bystander.request(orders(otherGame, 1, false, move(MoveType.CRITICIZE, "rus"))).hasOrdersAccepted())
        .isTrue();
    otherBefore = bystander.request(state(otherGame)).getGameState();
  }

  @AfterEach
  void otherGameIsUntouched_andTheServerStillServes() throws Exception {
    GameState after = bystander.request(state(otherGame)).getGameState();
    assertThat(after.getSeq()).isEqualTo(otherBefore.getSeq());
    assertThat(after.getOwnOrders()).isEqualTo(otherBefore.getOwnOrders());
    try (TestClient late = server.client()) {
      assertThat(late.hello().hasWelcome()).isTrue();
    }
    bystander.close();
    teacher.close();
    server.close();
  }

  private static byte[] frame(int length, byte[] body) {
    return ByteBuffer.allocate(4 + body.length).putInt(length).put(body).array();
  }

  @Test
  void frameOverTheCap_getsAFinalResourceExhaustedAndAClose() throws Exception {
    try (TestClient c = server.client()) {
      c.writeBytes(ByteBuffer.allocate(4).putInt(64 * 1024 + 1).array());
      ServerMessage m = c.next();
      assertThat(TestClient.error(m, ErrorCode.RESOURCE_EXHAUSTED).getDetailsMap())
          .containsEntry("limit_bytes", "65536");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void instructorSession_mayUploadAScenarioOverTheClientCap_andGetsItsErrorsWithLineAndColumn()
      throws Exception {
    StringBuilder text = new StringBuilder("id: \"big\"\n");
    while (text.length() < 100_000) {
      text.append("# padding to pass the 64 KiB client limit\n");
    }
    text.append("actor { id: \"a\" alert: 9 }\n");
    ServerMessage m = teacher.request(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioText(text.toString())));
    brink.protocol.v1.Error e = TestClient.error(m, ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getDetailsMap()).containsKeys("line", "column", "errors");
    assertThat(e.getMessage()).as("every error, each at its line and column")
        .containsPattern("scenario_text:\\d{4}:\\d+: .*alert");
  }

  @Test
  void garbageBytes_getAFinalInvalidArgumentAndAClose() throws Exception {
    try (TestClient c = server.client()) {
      c.writeBytes(frame(5, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
      TestClient.error(c.next(), ErrorCode.INVALID_ARGUMENT);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void truncatedFrame_thenEndOfInput_getsAFinalInvalidArgument() throws Exception {
    try (TestClient c = server.client()) {
      c.writeBytes(frame(100, new byte[10]));
      c.shutdownOutput();
      brink.protocol.v1.Error e = TestClient.error(c.next(), ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("10 bytes into a frame of 100 bytes");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void unknownRequestType_isUnimplemented_andEmptyBodyIsInvalid_andTheConnectionStays() throws Exception {
    try (TestClient c = server.client()) {
      c.hello();
      ClientMessage unknown = ClientMessage.newBuilder().setRequestId(50).setUnknownFields(UnknownFieldSet
          .newBuilder().addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
      c.sendRaw(unknown);
      TestClient.error(c.answer(50), ErrorCode.UNIMPLEMENTED);
      c.sendRaw(ClientMessage.newBuilder().setRequestId(51).build());
      TestClient.error(c.answer(51), ErrorCode.INVALID_ARGUMENT);
      assertThat(c.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong()).isTrue();
    }
  }

  @Test
  void requestBeforeHello_isUnauthenticated_andHelloStillWorksAfter() throws Exception {
    try (TestClient c = server.client()) {
      TestClient.error(c.request(state(game)), ErrorCode.UNAUTHENTICATED);
      assertThat(c.hello().hasWelcome()).isTrue();
    }
  }

  @Test
  void wrongProtocolVersion_getsTheSupportedRangeAndAClose() throws Exception {
    try (TestClient c = server.client()) {
      ServerMessage m = c.request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(7)));
      assertThat(TestClient.error(m, ErrorCode.FAILED_PRECONDITION).getDetailsMap())
          .containsEntry("supported_versions", "1-1");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void wrongInstructorKey_isUnauthenticatedAndClosed() throws Exception {
    try (TestClient c = server.client()) {
      ServerMessage m = c.request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(1)
          .setInstructorKey("not-the-key")));
      TestClient.error(m, ErrorCode.UNAUTHENTICATED);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void orderForAUnitNotYours_isInvalidAndNamesTheReasonAndTheUnit() throws Exception {
    assertThat(teacher.request(start(game)).hasAck()).isTrue();
    try (TestClient ukr = server.player(TestServer.seatCode(created, "ukr"), "Olena")) {
      ServerMessage m = ukr.request(orders(game, 1, false,
          unitMove(MoveType.DEPLOY_TROOPS, "us-82nd-poland", "romania")));
      brink.protocol.v1.Error e = TestClient.error(m, ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getDetailsMap()).containsEntry("reason", "NOT_YOUR_UNIT").containsEntry("unit", "us-82nd-poland")
          .containsEntry("field", "moves[0]");
      assertThat(ukr.request(state(game)).getGameState().getOwnOrders().getMovesList()).as("nothing kept").isEmpty();
    }
  }

  @Test
  void orderInTheWrongPhase_isAPreconditionFollowedByAFreshView() throws Exception {
    try (TestClient rus = server.player(TestServer.seatCode(created, "rus"), "Ivan")) {
      ServerMessage m = rus.request(waitOrders(game, 1, false));
      assertThat(TestClient.error(m, ErrorCode.FAILED_PRECONDITION).getDetailsMap())
          .containsEntry("phase", "LOBBY");
      ServerMessage fresh = rus.awaitPush(ServerMessage::hasGameState);
      assertThat(fresh.getGameState().getPhase()).isEqualTo(Phase.LOBBY);
      assertThat(fresh.getSeq()).as("a view, not part of the stream").isZero();
    }
  }

  @Test
  void orderForAPastTurn_isAPreconditionFollowedByAFreshView() throws Exception {
    assertThat(teacher.request(start(game)).hasAck()).isTrue();
    assertThat(teacher.request(brink.server.testkit.Requests.force(game, 1)).hasAck()).isTrue();
    assertThat(teacher.request(proceed(game)).hasAck()).isTrue();
    try (TestClient rus = server.player(TestServer.seatCode(created, "rus"), "Ivan")) {
      ServerMessage m = rus.request(waitOrders(game, 1, false));
      assertThat(TestClient.error(m, ErrorCode.FAILED_PRECONDITION).getDetailsMap()).containsEntry("turn", "2");
      assertThat(rus.awaitPush(ServerMessage::hasGameState).getGameState().getTurn()).isEqualTo(2);
    }
  }

  @Test
  void repeatedRequestId_getsTheFirstAnswerAndDoesNothingTwice() throws Exception {
    try (TestClient rus = server.player(TestServer.seatCode(created, "rus"), "Ivan")) {
      long id = rus.nextRequestId() + 100;
      ServerMessage first = rus.requestWithId(message(game, "first words"), id);
      ServerMessage again = rus.requestWithId(message(game, "other words"), id);
      assertThat(first.hasAck()).isTrue();
      assertThat(again).isEqualTo(first);
      GameState s = rus.request(state(game)).getGameState();
      assertThat(s.getMessagesList()).extracting(p -> p.getText()).containsExactly("first words");
    }
  }

  @Test
  void semanticErrors_keepTheConnection() throws Exception {
    try (TestClient rus = server.player(TestServer.seatCode(created, "rus"), "Ivan")) {
      TestClient.error(rus.request(message(game, " ")), ErrorCode.INVALID_ARGUMENT);
      TestClient.error(rus.request(message(game, "hi", "nobody")), ErrorCode.INVALID_ARGUMENT);
      TestClient.error(rus.request(state("NOGAME")), ErrorCode.NOT_FOUND);
      assertThat(rus.request(message(game, "still here")).hasAck()).isTrue();
    }
  }
}
