package brink.server;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Role;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first steps of every conversation over real TCP: Hello, CreateGame, JoinGame. */
class HandshakeTest {
  @TempDir
  Path dir;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void hello_withTheInstructorKey_welcomesAnInstructorWithTheLargerFrameLimit() throws Exception {
    try (TestClient c = server.client()) {
      ServerMessage w = c.hello(TestServer.KEY);
      assertThat(w.getWelcome().getInstructor()).isTrue();
      assertThat(w.getWelcome().getMaxFrameBytes()).isEqualTo(4 * 1024 * 1024);
      assertThat(w.getWelcome().getProtocolVersion()).isEqualTo(1);
      assertThat(w.getWelcome().getSessionToken()).hasSizeGreaterThan(40);
      assertThat(w.getWelcome().getServerTimeEpochMillis()).isEqualTo(TestServer.START.toEpochMilli());
    }
  }

  @Test
  void hello_withoutKey_welcomesAParticipantWith64KiB() throws Exception {
    try (TestClient c = server.client()) {
      ServerMessage w = c.hello();
      assertThat(w.getWelcome().getInstructor()).isFalse();
      assertThat(w.getWelcome().getMaxFrameBytes()).isEqualTo(65536);
    }
  }

  @Test
  void createThenJoin_givesCodesThatSeatPlayersAndObservers() throws Exception {
    try (TestClient teacher = server.instructor()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(42).setOrdersSeconds(600));
      assertThat(g.getGameId()).hasSize(6);
      assertThat(g.getSeatCodesList()).extracting(s -> s.getActor())
          .containsExactly("blr", "nato", "rus", "ukr", "usa");
      assertThat(g.getState().getPhase()).isEqualTo(Phase.LOBBY);
      assertThat(g.getState().getViewerRole()).isEqualTo(Role.INSTRUCTOR);

      try (TestClient rus = server.player(TestServer.seatCode(g, "rus"), "Alice");
          TestClient obs = server.player(g.getObserverCode(), "Projector")) {
        ServerMessage state = rus.request(ClientMessage.newBuilder().setGetState(
            brink.protocol.v1.GetState.newBuilder().setGameId(g.getGameId())));
        assertThat(state.getGameState().getViewerActor()).isEqualTo("rus");
        assertThat(state.getGameState().getPrivateBriefing().getEn()).isNotEmpty();
        ServerMessage os = obs.request(ClientMessage.newBuilder().setGetState(
            brink.protocol.v1.GetState.newBuilder().setGameId(g.getGameId())));
        assertThat(os.getGameState().getViewerRole()).isEqualTo(Role.OBSERVER);
        assertThat(os.getGameState().hasPrivateBriefing()).isFalse();
      }
    }
  }
}
