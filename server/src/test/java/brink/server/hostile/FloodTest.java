package brink.server.hostile;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Ping;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.LogCapture;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends as fast as it can: refused with RESOURCE_EXHAUSTED (retryable, retry_after_millis)
 * once its bucket is empty, then, as it keeps sending before the time it was given, disconnected
 * (DISCONNECT_FLOODING) past the flood limit; what it sent after is dropped unanswered. The clock stands
 * still, so which requests get a token is exact: the bucket's burst, and not one more.
 */
class FloodTest {
  static final int BURST = 20;
  static final int FLOOD_LIMIT = 50;
  static final int FLOOD = 500;
  static final long FIRST_ID = 100;

  @TempDir
  Path dir;

  /** The flood's request i: mostly public messages, with a GetState, a Ping and a SetReady among them. */
  private static ClientMessage flood(String game, int i) {
    ClientMessage.Builder b;
    switch (i % 5) {
      case 2:
        b = state(game);
        break;
      case 3:
        b = ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTimeEpochMillis(i));
        break;
      case 4:
        b = ready(game, 1, i % 2 == 0);
        break;
      default:
        b = message(game, "flood " + i);
    }
    return b.setRequestId(FIRST_ID + i).build();
  }

  @Test
  void aClientThatFloods_isRefusedThenDisconnected_othersUnaffected_nothingAcceptedLost() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    try (TestServer server = new TestServer(dir, clock,
            c -> c.withRateLimit(BURST, 5).withFloodRefusals(FLOOD_LIMIT));
        TestClient teacher = server.instructor();
        LogCapture log = new LogCapture()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      String game = g.getGameId();
      assertThat(teacher.request(start(game)).hasAck()).isTrue();
      try (TestClient flooder = server.player(TestServer.seatCode(g, "rus"), "Flooder");
          TestClient polite = server.player(TestServer.seatCode(g, "ukr"), "Polite")) {
        // Hello and JoinGame took two tokens: BURST - 2 requests of the flood get through.
        int accepted = BURST - 2;
        // The polite player talks meanwhile, on its own connection (within its own bucket).
        CompletableFuture<List<ServerMessage>> politeAnswers = CompletableFuture.supplyAsync(() -> {
          List<ServerMessage> answers = new ArrayList<>();
          try {
            for (int i = 0; i < 10; i++) {
              answers.add(polite.request(message(game, "polite " + i)));
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return answers;
        });
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < FLOOD; i++) {
          byte[] payload = flood(game, i).toByteArray();
          all.write(ByteBuffer.allocate(4).putInt(payload.length).array());
          all.write(payload);
        }
        flooder.writeBytes(all.toByteArray());

        List<ServerMessage> received = new ArrayList<>();
        try {
          while (flooder.readOne()) {
            received.add(flooder.lastRead());
          }
        } catch (SocketException e) {
          // A reset instead of an end of input: the server closed with some of the flood still unread.
        }
        ServerMessage last = received.get(received.size() - 1);
        assertThat(last.hasDisconnect()).as("the last frame says why, got %s", last).isTrue();
        assertThat(last.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_FLOODING);
        assertThat(last.getDisconnect().getMayReconnect()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.contains(":" + flooder.localPort() + " disconnected: it went on "
            + "sending after being told to wait"));

        // Refused: the first request past the bucket, then FLOOD_LIMIT more sent before their time; the
        // next one ended the connection.
        List<ServerMessage> refused = received.stream().filter(m -> m.hasError()).collect(Collectors.toList());
        assertThat(refused).hasSize(FLOOD_LIMIT + 1).allSatisfy(m -> {
          assertThat(m.getError().getCode()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
          assertThat(m.getError().getRetryable()).isTrue();
          assertThat(Long.parseLong(m.getError().getDetailsOrThrow("retry_after_millis"))).isPositive();
        });
        assertThat(refused).extracting(ServerMessage::getRequestId).containsExactlyElementsOf(
            ids(accepted, accepted + FLOOD_LIMIT + 1));
        // Answered otherwise: only requests that had a token (an Ack that was still on its way when the
        // Disconnect was written is dropped with the connection; the request itself was done).
        TreeSet<Long> answered = received.stream().filter(m -> m.getRequestId() != 0 && !m.hasError())
            .map(ServerMessage::getRequestId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(answered).isSubsetOf(ids(0, accepted));

        // Nothing accepted is lost: every message among the accepted requests is in the game, once, in
        // order; nothing sent after the bucket ran dry is.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < accepted; i++) {
          ClientMessage m = flood(game, i);
          if (m.hasSendMessage()) {
            expected.add(m.getSendMessage().getText());
          }
        }
        List<String> inGame = teacher.request(state(game)).getGameState().getMessagesList().stream()
            .filter(p -> p.getFromName().equals("Flooder")).map(Press::getText).collect(Collectors.toList());
        assertThat(inGame).containsExactlyElementsOf(expected);

        // Others are unaffected: the polite player's ten messages were all taken, and it saw the flooder's
        // accepted messages, in order.
        assertThat(politeAnswers.get()).hasSize(10).allSatisfy(m -> assertThat(m.hasAck()).as("%s", m).isTrue());
        for (String text : expected) {
          polite.awaitPush(m -> m.hasPress() && m.getPress().getText().equals(text));
        }
        assertThat(polite.request(message(game, "still here")).hasAck()).isTrue();
        assertThat(teacher.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong())
            .isTrue();
      }
    }
  }

  @Test
  void aClientThatWaitsAsToldWhenRefused_isNeverDisconnected_howeverLongItRunsAtTheLimit() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    // A flood limit of 3: a client that did not wait would be gone after its fourth early request.
    try (TestServer server = new TestServer(dir, clock, c -> c.withRateLimit(5, 1).withFloodRefusals(3));
        TestClient teacher = server.instructor()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      try (TestClient player = server.player(TestServer.seatCode(g, "rus"), "Patient")) {
        int refusals = 0;
        for (int i = 0; i < 100; i++) {
          ClientMessage.Builder m = message(g.getGameId(), "patient " + i);
          long id = player.nextRequestId();
          ServerMessage answer = player.request(m);
          while (answer.hasError()) {
            brink.protocol.v1.Error e = TestClient.error(answer, ErrorCode.RESOURCE_EXHAUSTED);
            refusals++;
            clock.advance(Duration.ofMillis(Long.parseLong(e.getDetailsOrThrow("retry_after_millis"))));
            answer = player.requestWithId(m, id);
          }
          assertThat(answer.hasAck()).as("%s", answer).isTrue();
        }
        assertThat(refusals).as("refused again and again, far more than the flood limit").isGreaterThan(90);
        assertThat(teacher.request(state(g.getGameId())).getGameState().getMessagesList())
            .filteredOn(p -> p.getFromName().equals("Patient")).hasSize(100);
      }
    }
  }

  private static List<Long> ids(int from, int to) {
    List<Long> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(FIRST_ID + i);
    }
    return ids;
  }
}
