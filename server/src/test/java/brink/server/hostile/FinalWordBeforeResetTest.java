package brink.server.hostile;

import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.Await;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by ClientFuzzTest, in about one CI run in three): a client sent a batch with a frame over
 * its size limit and went on writing the rest of the batch; the server wrote its final Error and closed at
 * once. Data still arriving at a closed socket makes the kernel answer with a reset and throw away whatever
 * it had not sent yet, the final Error included: the client saw the connection end without a reason. The
 * server now ends a connection in two steps: the final word, the end of its output, and it reads on (and
 * throws away) until the client closes or the linger time ends.
 *
 * <p>Here the final Error is made to wait in the kernel: the client asks for three game views (about 100 KB
 * each) and reads nothing until after its bad frame, so the Error sits behind them; and it keeps writing from
 * another thread while it reads, as the fuzzer's batch did.
 */
class FinalWordBeforeResetTest {
  @TempDir
  Path dir;

  @Test
  void aClientStillWritingAfterItsBadFrame_readsTheFinalErrorBeforeTheEnd() throws Exception {
    try (TestServer server = new TestServer(dir, new ManualScheduler(TestServer.START),
            c -> c.withSocketSendBuffer(16 * 1024));
        TestClient teacher = server.instructor()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      for (int round = 0; round < 5; round++) {
        try (TestClient c = TestClient.connectSmallBuffer(server.port(), 8 * 1024)) {
          c.hello();
          c.join(TestServer.seatCode(g, "rus"), "Round " + round);
          for (int i = 0; i < 3; i++) {
            c.sendRaw(state(g.getGameId()).setRequestId(100 + i).build());
          }
          // The first view is being written (its first bytes fill this client's receive buffer): from here on
          // whatever the server writes waits behind about 100 KB of it.
          long until = System.nanoTime() + 10_000_000_000L;
          while (c.available() < 4096 && System.nanoTime() < until) {
            Thread.onSpinWait(); // the kernel's buffer has no event to wait on
          }
          assertThat(c.available()).as("bytes of the first view received").isGreaterThanOrEqualTo(4096);
          c.writeBytes(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // 2 GiB: over the limit
          AtomicLong written = new AtomicLong();
          Thread writer = new Thread(() -> {
            byte[] junk = new byte[512];
            try {
              while (true) {
                c.writeBytes(junk);
                written.addAndGet(junk.length);
              }
            } catch (IOException e) {
              // the server (or this test) closed the connection: the writer is done
            }
          }, "still-writing");
          writer.start();
          ServerMessage last = null;
          int views = 0;
          try {
            while (c.readOne()) {
              last = c.lastRead();
              views += last.hasGameState() ? 1 : 0;
            }
          } catch (SocketException reset) {
            // a reset instead of the end of the stream: what the fix prevents; the assertion below says so
          }
          c.close();
          writer.join(10_000);
          // Answers a game finishes after the bad frame are dropped (nothing follows a final word): up to 3.
          assertThat(views).as("round %d: views of the 3 asked before the bad frame", round).isBetween(1, 3);
          assertThat(last).as("round %d: a last frame", round).isNotNull();
          assertThat(last.hasError()).as("round %d: the last frame is the final Error, got %s (the client "
              + "wrote %d bytes after its bad frame)", round, last, written.get()).isTrue();
          assertThat(last.getError().getCode()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
        }
      }
      assertThat(teacher.request(state(g.getGameId())).hasGameState()).as("the server plays on").isTrue();
    }
  }

  /**
   * The second step: after its final word the server waits for the client to close, but not forever. A client
   * that read the word and the end of the stream and keeps its end open is closed after the linger time (the
   * slow-reader grace), on the server's clock.
   */
  @Test
  void aClientThatNeverClosesAfterTheFinalWord_isClosedAfterTheLingerTime() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    Duration linger = Duration.ofSeconds(7);
    try (TestServer server = new TestServer(dir, clock, c -> c.withTimeouts(c.helloTimeout(), c.idleTimeout(),
            linger));
        TestClient c = TestClient.connect(server.port())) {
      c.hello();
      int open = server.server().connectionCount();
      c.writeBytes(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
      assertThat(c.readOne()).isTrue();
      assertThat(c.lastRead().getError().getCode()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
      assertThat(c.readOne()).as("the end of the stream follows the final Error").isFalse();
      c.writeBytes(new byte[4096]); // read and thrown away: no reset
      assertThat(server.server().connectionCount()).as("still open: the client has not closed").isEqualTo(open);
      clock.advance(linger.minusMillis(1));
      c.writeBytes(new byte[4096]);
      assertThat(server.server().connectionCount()).as("open until the linger time ends").isEqualTo(open);
      clock.advance(Duration.ofMillis(1));
      Await.until(() -> server.server().connectionCount() == open - 1,
          Duration.ofSeconds(10), "the server closes the connection at the end of the linger time");
    }
  }
}
