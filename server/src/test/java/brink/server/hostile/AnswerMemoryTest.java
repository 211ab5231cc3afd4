package brink.server.hostile;

import static brink.server.testkit.Requests.start;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GetState;
import brink.protocol.v1.Hello;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.Heap;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by the fuzzer's heap check): every answer was remembered for idempotency, the largest
 * too. A player asking for the game's state with a fresh request id each time made the server keep up to
 * 1024 whole game views per session for 30 minutes (about 100 MB per session for the default scenario), and
 * sessions are cheap to make. Reads (GetState, GetReport, ListGames, PreviewInject) and JoinGame, which
 * recognise a repeat by themselves, are now answered again instead of remembered.
 */
class AnswerMemoryTest {
  @TempDir
  Path dir;

  @Test
  void getState_askedAThousandTimesWithFreshIds_doesNotMakeTheServerKeepTheViews() throws Exception {
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor();
        RawConnection c = RawConnection.open(server.port(), 10_000)) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      assertThat(teacher.request(start(g.getGameId())).hasAck()).isTrue();
      send(c, ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder().setProtocolVersion(1)));
      send(c, ClientMessage.newBuilder().setRequestId(2).setJoinGame(JoinGame.newBuilder()
          .setCode(TestServer.seatCode(g, "ukr")).setName("Asker")));
      int viewBytes = 0;
      long before = Heap.usedAfterGc();
      for (long id = 3; id < 1003; id++) {
        ServerMessage m = send(c, ClientMessage.newBuilder().setRequestId(id).setGetState(GetState.newBuilder()
            .setGameId(g.getGameId())));
        assertThat(m.hasGameState()).isTrue();
        viewBytes = m.getSerializedSize();
      }
      long kept = Heap.usedAfterGc() - before;
      System.out.printf("AnswerMemoryTest: 1000 views of %d bytes; heap kept %d KiB%n", viewBytes, kept >> 10);
      // Kept, the views cost about 8 MiB here (each about 8 KiB on the heap: they share the scenario's texts).
      assertThat(kept).isLessThan(1L << 20);
    }
  }

  /** Sends a request and returns its answer (pushes on the way are dropped). */
  private static ServerMessage send(RawConnection c, ClientMessage.Builder b) throws IOException {
    ClientMessage m = b.build();
    c.frame(m.toByteArray());
    c.flush();
    while (true) {
      byte[] f = c.read();
      assertThat(f).as("an answer to %s", m.getBodyCase()).isNotNull();
      ServerMessage s = ServerMessage.parseFrom(f);
      if (s.getRequestId() == m.getRequestId()) {
        return s;
      }
    }
  }
}
