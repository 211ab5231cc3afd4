package brink.server.hostile;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.state;
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

  /**
   * Regression (found by measuring what a slow reader costs when it also asks): a player who asks for the
   * whole game view at the rate limit (a burst of 60, then 20 a second) and reads nothing made the server
   * execute every request and hold every answer until the grace ended: about 250 views of 100 KB, some 25 MB
   * of Netty buffers for one connection. The server now stops reading a connection while it is over its
   * mark: its requests wait unread in the kernel, and only those read before it went over are answered.
   */
  @Test
  void aPlayerWhoKeepsAskingButNeverReads_isNotReadFromWhileOverTheMark() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    // A mark above one view (the Joined answer passes) and far below ten. A bucket of 40 requests and a
    // flood limit of 5: had the server read the 190 requests sent once it was over the mark, it would have
    // refused all but a few and disconnected the player for flooding.
    try (TestServer server = new TestServer(dir, clock, c -> c.withWriteBuffer(128 * 1024, 256 * 1024)
            .withSocketSendBuffer(16 * 1024).withRateLimit(40, 1).withFloodRefusals(5));
        TestClient teacher = server.instructor();
        LogCapture log = new LogCapture()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      for (int i = 0; i < 20; i++) {
        assertThat(teacher.request(message(g.getGameId(), i + "x".repeat(3990))).hasAck()).isTrue();
      }
      try (TestClient asker = TestClient.connectSmallBuffer(server.port(), 4096)) {
        asker.hello();
        asker.join(TestServer.seatCode(g, "rus"), "Asker");
        log.expect(l -> l.contains(":" + asker.localPort() + " is not reading what it is sent"));
        asker.writeBytes(frames(g.getGameId(), 1000, 10));
        assertThat(log.await()).as("ten views took the connection over its mark").isTrue();
        asker.writeBytes(frames(g.getGameId(), 2000, 190));
        // The client starts reading only once the server has decided the Disconnect: read earlier, the
        // backlog would drain and reading rightly resume (the check at the end of the grace runs on the event
        // loop, after the clock has moved).
        log.expect(l -> l.contains(":" + asker.localPort() + " disconnected: it did not read"));
        clock.advance(GRACE);
        assertThat(log.await()).as("the Disconnect is decided at the end of the grace").isTrue();
        int answers = 0;
        int errors = 0;
        long lastAnswered = 0;
        ServerMessage last = null;
        while (asker.readOne()) {
          last = asker.lastRead();
          answers += last.hasGameState() ? 1 : 0;
          errors += last.hasError() ? 1 : 0;
          lastAnswered = Math.max(lastAnswered, last.getRequestId());
        }
        System.out.printf("SlowReadersTest: a player asked for 200 views of ~100 KB without reading; %d were "
            + "answered before its Disconnect (%s), %d refused%n", answers, last.getDisconnect().getReason(),
            errors);
        assertThat(errors).as("requests read (and refused) while the connection was over its mark").isZero();
        assertThat(last.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_TOO_SLOW);
        // Of the ten read before, those the game answered before the Disconnect (the rest are dropped: nothing
        // follows a final word); at least the three (100 KB each) that took it over its 256 KiB mark.
        assertThat(answers).as("views answered of the 200 asked").isBetween(3, 10);
        assertThat(lastAnswered).as("the last request answered: one of the ten sent before the connection went "
            + "over its mark (ids 1000 to 1009), none of the 190 sent after (ids from 2000)").isLessThan(2000);
      }
      assertThat(teacher.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong())
          .isTrue();
    }
  }

  /** {@code n} GetState frames in one write, request ids from {@code firstId}. */
  private static byte[] frames(String game, long firstId, int n) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      byte[] payload = state(game).setRequestId(firstId + i).build().toByteArray();
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(payload.length).array());
      out.writeBytes(payload);
    }
    return out.toByteArray();
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
