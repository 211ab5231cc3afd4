package brink.server.hostile;

import static brink.server.testkit.Requests.message;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Ping;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.Heap;
import brink.server.testkit.LogCapture;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty players who join and then stop reading while the game keeps broadcasting: each goes over its
 * connection's mark, is disconnected with DISCONNECT_TOO_SLOW when the grace ends (the clock moved by hand)
 * and reads that as its last frame; the players who read get every message and stay; once the slow
 * connections are gone the server's heap is back where it was.
 *
 * <p>The server side of each connection has a fixed 16 KiB kernel send buffer, so the sizes do not depend
 * on the machine's autotuning: a slow connection holds at most about 40 KB in the kernels (server send
 * buffer, client receive buffer) and the 16 KB mark in Netty before it counts as not reading.
 */
class SlowReadersTest {
  static final int SLOW = 50;
  static final int WARM_UP = 10;
  static final int BROADCASTS = 60;
  static final String[] SEATS = {"rus", "blr", "ukr", "usa", "nato"};
  static final Duration GRACE = Duration.ofSeconds(10);
  /**
   * What the heap may keep after a round: the game's 60 new messages (~120 KB, in the game, its journal
   * entries and its push log) and the 50 new participants' sessions, which stay resumable.
   */
  static final long HEAP_BOUND = 2L << 20;

  @TempDir
  Path dir;

  @Test
  void fiftyPlayersWhoStopReading_areEachDisconnectedTooSlow_othersGetEverything_heapFlat() throws Exception {
    try (TestServer server = new TestServer(dir, new ManualScheduler(TestServer.START),
            c -> c.withWriteBuffer(8 * 1024, 16 * 1024).withSocketSendBuffer(16 * 1024));
        TestClient teacher = server.instructor();
        LogCapture log = new LogCapture()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      List<TestClient> healthy = new ArrayList<>();
      try {
        for (String seat : SEATS) {
          healthy.add(server.player(TestServer.seatCode(g, seat), "Healthy " + seat));
        }
        round(server, teacher, healthy, log, g, WARM_UP, "warm-up");
        long base = Heap.usedAfterGc();
        long directBase = Heap.nettyDirect();
        Round r = round(server, teacher, healthy, log, g, SLOW, "measured");
        long after = Heap.usedAfterGc();
        System.out.printf("SlowReadersTest: %d slow readers, %d broadcasts of ~2 KB; heap after GC: before %d KiB, "
            + "while backlogged %+d KiB, after %+d KiB; Netty direct memory: before %d KiB, while backlogged %d "
            + "KiB, after %d KiB%n", SLOW, BROADCASTS, base >> 10, (r.heapBacklogged - base) >> 10,
            (after - base) >> 10, directBase >> 10, r.directBacklogged >> 10, Heap.nettyDirect() >> 10);
        assertThat(after - base).as("heap kept once the slow readers are gone").isLessThan(HEAP_BOUND);
      } finally {
        for (TestClient c : healthy) {
          c.close();
        }
      }
    }
  }

  /** Drops what the test's own long-lived clients recorded, so that the heap shows the server's. */
  private static void forget(TestClient teacher, List<TestClient> healthy) {
    for (TestClient c : healthy) {
      c.clearPushes();
      c.forgetFrames();
    }
    teacher.clearPushes();
    teacher.forgetFrames();
  }

  /** What a round measured while every slow connection was over its mark. */
  record Round(long heapBacklogged, long directBacklogged) {}

  private static Round round(TestServer server, TestClient teacher, List<TestClient> healthy, LogCapture log,
      GameCreated g, int slowCount, String label) throws Exception {
    String game = g.getGameId();
    List<TestClient> slow = new ArrayList<>();
    try {
      List<String> ports = new ArrayList<>();
      for (int i = 0; i < slowCount; i++) {
        TestClient c = TestClient.connectSmallBuffer(server.port(), 4096);
        slow.add(c);
        ports.add(":" + c.localPort() + " is not reading what it is sent");
      }
      log.expect(l -> ports.stream().anyMatch(l::contains), slowCount);
      for (int i = 0; i < slowCount; i++) {
        slow.get(i).hello();
        slow.get(i).join(TestServer.seatCode(g, SEATS[i % SEATS.length]), "Slow " + label + " " + i);
        slow.get(i).forgetFrames();
      }
      // From here on the slow players read nothing. The healthy ones read every message as it comes.
      List<String> texts = new ArrayList<>();
      for (int k = 0; k < BROADCASTS; k++) {
        texts.add(label + " broadcast " + k + " " + "x".repeat(2000));
      }
      List<CompletableFuture<Void>> readers = new ArrayList<>();
      for (TestClient h : healthy) {
        readers.add(CompletableFuture.runAsync(() -> {
          try {
            for (String t : texts) {
              h.awaitPush(m -> m.hasPress() && m.getPress().getText().equals(t));
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (String t : texts) {
        assertThat(teacher.request(message(game, t)).hasAck()).isTrue();
      }
      for (CompletableFuture<Void> r : readers) {
        r.get();
      }
      assertThat(log.await()).as("every slow connection went over its mark").isTrue();
      forget(teacher, healthy);
      long heapBacklogged = Heap.usedAfterGc();
      long directBacklogged = Heap.nettyDirect();

      server.clock.advance(GRACE);
      for (TestClient c : slow) {
        ServerMessage last = null;
        List<String> presses = new ArrayList<>();
        try {
          while (c.readOne()) {
            last = c.lastRead();
            if (last.hasPress()) {
              presses.add(last.getPress().getText());
            }
          }
        } catch (SocketException e) {
          throw new AssertionError("the server reset a slow connection instead of closing it after the "
              + "Disconnect", e);
        }
        assertThat(last).isNotNull();
        assertThat(last.hasDisconnect()).as("the last frame says why, got %s", last.getBodyCase()).isTrue();
        assertThat(last.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_TOO_SLOW);
        assertThat(presses).as("fed every message in order, none skipped, until the Disconnect").isNotEmpty()
            .isEqualTo(texts.subList(0, presses.size()));
        c.forgetFrames();
      }
      // The healthy players and the teacher are still connected and answered.
      for (TestClient h : healthy) {
        assertThat(h.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong()).isTrue();
      }
      assertThat(teacher.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong())
          .isTrue();
      forget(teacher, healthy);
      // The force-close timers of the disconnected connections were cancelled when they closed.
      server.clock.advance(GRACE);
      return new Round(heapBacklogged, directBacklogged);
    } finally {
      for (TestClient c : slow) {
        c.close();
      }
    }
  }
}
