package brink.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Hello;
import brink.protocol.v1.ResumeSession;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.Heap;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by the fuzzer's heap check): every Hello made a session that the server kept for 12
 * hours, holding its last connection (the closed channel and its whole pipeline), even when the session
 * could never be used again: one that joined no game cannot be resumed, and a connection that resumed an
 * older session left its own Hello session behind; a ResumeSession with a made-up token registered a session
 * too. Reconnecting in a loop grew the heap by a few KiB per connection, up to 100,000 sessions. Sessions in
 * no game are now forgotten when their connection closes, when their connection takes another session back,
 * and when a resume with their token fails.
 */
class SessionMemoryTest {
  static final int CONNECTIONS = 800;

  @TempDir
  Path dir;

  @Test
  void connectionsThatSayHelloResumeAndLeave_leaveNothingBehind() throws Exception {
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      String token;
      try (TestClient player = server.player(TestServer.seatCode(g, "ukr"), "Returning")) {
        token = player.token;
      }
      // Warm up once (class loading, pools), then measure.
      churn(server, g.getGameId(), token, 200);
      long before = Heap.usedAfterGc();
      churn(server, g.getGameId(), token, CONNECTIONS);
      long kept = Heap.usedAfterGc() - before;
      System.out.printf("SessionMemoryTest: %d connections; heap kept %d KiB%n", CONNECTIONS * 3, kept >> 10);
      // Kept, each costs about 3.5 KiB (about 8 MiB for these 2,400 connections).
      assertThat(kept).isLessThan(2L << 20);
    }
  }

  /** {@code n} times: a Hello and goodbye; a Hello and a resume of the player's session; a made-up resume. */
  private static void churn(TestServer server, String game, String token, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      try (RawConnection c = RawConnection.open(server.port(), 10_000)) {
        answer(c, 1, ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder().setProtocolVersion(1)));
      }
      try (RawConnection c = RawConnection.open(server.port(), 10_000)) {
        answer(c, 1, ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder().setProtocolVersion(1)));
        assertThat(answer(c, 2, ClientMessage.newBuilder().setRequestId(2).setResumeSession(ResumeSession
            .newBuilder().setToken(token).setGameId(game).setLastSeq(Long.MAX_VALUE))).hasResumed()).isTrue();
      }
      try (RawConnection c = RawConnection.open(server.port(), 10_000)) {
        answer(c, 1, ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder().setProtocolVersion(1)));
        assertThat(answer(c, 2, ClientMessage.newBuilder().setRequestId(2).setResumeSession(ResumeSession
            .newBuilder().setToken("made-up-" + i).setGameId(game))).hasError()).isTrue();
      }
    }
    // Past the hello timeout, so that the server's timers of the closed connections have run (the test's
    // clock moves only by hand).
    server.clock.advance(Duration.ofSeconds(11));
  }

  private static ServerMessage answer(RawConnection c, long id, ClientMessage.Builder b) throws IOException {
    c.frame(b.build().toByteArray());
    c.flush();
    while (true) {
      byte[] f = c.read();
      assertThat(f).isNotNull();
      ServerMessage m = ServerMessage.parseFrom(f);
      if (m.getRequestId() == id) {
        return m;
      }
    }
  }
}
