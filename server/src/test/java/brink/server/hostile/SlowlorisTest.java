package brink.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.Hello;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.Await;
import brink.server.testkit.Heap;
import brink.server.testkit.TestServer;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: 5,000 connections at once that never say Hello; half send nothing, half send a Hello one byte
 * a second and never finish its frame. A class keeps playing meanwhile (orders, ready, reports, continue).
 * Nothing a slowloris connection sends moves its deadline: at the hello timeout (the clock moved by hand)
 * every one of them gets Disconnect HELLO_TIMEOUT and is closed, and not a second earlier; the class never
 * sees an error and its requests stay fast; the server's heap goes back to where it was.
 *
 * <p>Both ends of every connection live in this JVM: it needs 10,000 file descriptors and more. The JVM
 * raises its soft limit to the hard limit by itself; .ci/run raises the hard limit where it may.
 */
class SlowlorisTest {
  static final int SLOWLORIS = 5_000;
  /** Send a Hello byte by byte; the others send nothing at all. */
  static final int DRIBBLERS = SLOWLORIS / 2;
  /** Bytes of the Hello frame each dribbler sends, one a second: its length prefix and four more. */
  static final int DRIBBLED = 8;
  static final long FILE_DESCRIPTORS_NEEDED = 2L * SLOWLORIS + 1_000;
  /**
   * The slowest a class request or a turn may be while the slowloris connections come and go: the moment
   * all 5,000 time out together (the clock jumps for all of them at once) costs the event loops a few
   * hundred milliseconds to a second and a half on a busy 2-core machine; a blocked loop would cost the
   * whole 10 s hello timeout or the client's own 10 s read timeout.
   */
  static final long MAX_LATENCY_MILLIS = 5_000;
  /** The median class request, as usual when nothing is happening. */
  static final long MEDIAN_LATENCY_MILLIS = 250;
  /** Turns the class plays before the slowloris connections come (class loading, the first game). */
  static final int WARM_UP_TURNS = 3;
  /**
   * What the heap may keep once they are gone: the class's 23 new turns (about 50 KiB each, in the game's
   * entries and push log) and noise. 5,000 closed connections kept would be 10 MiB and more.
   */
  static final long HEAP_KEPT_BOUND = 4L << 20;
  /** What an open slowloris connection may cost, both ends together, while it is open. */
  static final long HEAP_PER_OPEN_CONNECTION_BOUND = 8L << 10;

  @TempDir
  Path dir;

  @Test
  void fiveThousandConnectionsThatNeverSayHello_areClosedAtTheHelloTimeout_whileAClassPlaysOn() throws Exception {
    long fds = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getMaxFileDescriptorCount();
    assertThat(fds).as("this test holds both ends of %d connections: it needs %d file descriptors, and this "
        + "JVM may open %d; raise the hard limit (ulimit -Hn, as root) as .ci/run does", SLOWLORIS,
        FILE_DESCRIPTORS_NEEDED, fds).isGreaterThanOrEqualTo(FILE_DESCRIPTORS_NEEDED);
    byte[] hello = frame(ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
        .setProtocolVersion(1).setClient("slowloris/1")).build());

    try (TestServer server = new TestServer(dir); Classroom cls = new Classroom(server)) {
      cls.allowTurns(WARM_UP_TURNS);
      cls.start();
      cls.awaitTurns(WARM_UP_TURNS);
      cls.hold();
      long base = Heap.usedAfterGc();
      int turnsBefore = cls.turns();
      cls.resetTimings();
      long started = System.nanoTime();
      cls.release();

      List<SocketChannel> lorises = new ArrayList<>(SLOWLORIS);
      Selector selector = Selector.open();
      try {
        int classConnections = server.server().connectionCount();
        long t0 = System.nanoTime();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        for (int i = 0; i < SLOWLORIS; i++) {
          SocketChannel ch = SocketChannel.open(address);
          ch.configureBlocking(false);
          lorises.add(ch);
          if (i % 500 == 0) {
            cls.allowTurns(1); // the class plays on while the connections pour in
          }
        }
        // The hello timeout runs from when the server accepts a connection: all must be accepted before the
        // clock moves, or the clock would give the late ones a later deadline.
        Await.until(() -> server.server().connectionCount() >= classConnections + SLOWLORIS, Duration.ofSeconds(30),
            () -> "the server accepts all " + SLOWLORIS + " connections (it has " + server.server()
                .connectionCount() + ", " + classConnections + " of them the class's)");
        long connectMillis = (System.nanoTime() - t0) / 1_000_000;

        // One byte a second of the Hello frame from each dribbler: bytes that never finish a frame are not
        // a Hello, and do not move the deadline.
        for (int k = 0; k < DRIBBLED; k++) {
          cls.allowTurns(1);
          server.clock.advance(Duration.ofSeconds(1));
          for (int i = 0; i < DRIBBLERS; i++) {
            assertThat(lorises.get(i).write(ByteBuffer.wrap(hello, k, 1))).isEqualTo(1);
          }
        }
        server.clock.advance(Duration.ofSeconds(1));
        // Nine seconds in: every connection is open and has been sent nothing.
        ByteBuffer probe = ByteBuffer.allocate(64);
        for (SocketChannel ch : lorises) {
          probe.clear();
          assertThat(ch.read(probe)).as("open and silent before the hello timeout").isZero();
        }
        cls.hold();
        long open = Heap.usedAfterGc();
        cls.release();

        // Ten seconds: the hello timeout, for all 5,000 at once.
        cls.allowTurns(3); // the class plays while all 5,000 are closed
        long t1 = System.nanoTime();
        server.clock.advance(Duration.ofSeconds(1));
        for (SocketChannel ch : lorises) {
          ch.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(512));
        }
        int closed = 0;
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (closed < SLOWLORIS && System.nanoTime() < giveUp) {
          selector.select(1000);
          for (SelectionKey key : selector.selectedKeys()) {
            ByteBuffer got = (ByteBuffer) key.attachment();
            int n;
            try {
              n = ((SocketChannel) key.channel()).read(got);
            } catch (IOException e) {
              n = -1;
            }
            if (n < 0 || !got.hasRemaining()) {
              key.cancel();
              closed++;
            }
          }
          selector.selectedKeys().clear();
        }
        long closeMillis = (System.nanoTime() - t1) / 1_000_000;
        assertThat(closed).as("slowloris connections closed by the server").isEqualTo(SLOWLORIS);
        for (SelectionKey key : selector.keys()) {
          ByteBuffer got = (ByteBuffer) key.attachment();
          assertThat(onlyFrame(got).getDisconnect().getReason())
              .isEqualTo(DisconnectReason.DISCONNECT_HELLO_TIMEOUT);
        }
        for (SocketChannel ch : lorises) {
          ch.close();
        }
        lorises.clear();
        selector.close();
        // The server closes its end when the client's end of input reaches it (its side's output was shut
        // down after the Disconnect): the heap below is measured once every one of them is gone.
        Await.until(() -> server.server().connectionCount() <= classConnections, Duration.ofSeconds(30),
            () -> "the server let the slowloris connections go (" + server.server().connectionCount()
                + " still open, " + classConnections + " of them the class's)");

        cls.allowTurns(2);
        cls.awaitTurns(cls.allowedTurns());
        cls.hold();
        long after = Heap.usedAfterGc();
        int turnsDuring = cls.turns() - turnsBefore;
        cls.release();
        cls.stop();

        List<Long> requests = cls.requestNanos();
        List<Long> turns = cls.turnNanos();
        System.out.printf("SlowlorisTest: %d connections (%d dribbling a Hello) opened in %d ms, all closed "
            + "%d ms after the hello timeout; the class played %d turns meanwhile (%d requests: p50 %.1f ms, "
            + "p99 %.1f ms, max %.1f ms; turns: p50 %.1f ms, max %.1f ms); heap after GC: %d KiB before, %+d "
            + "KiB with all open (%.1f KiB each, both ends), %+d KiB after%n", SLOWLORIS, DRIBBLERS,
            connectMillis, closeMillis, turnsDuring, requests.size(), Classroom.quantileMillis(requests, 0.5),
            Classroom.quantileMillis(requests, 0.99), Classroom.quantileMillis(requests, 1),
            Classroom.quantileMillis(turns, 0.5), Classroom.quantileMillis(turns, 1), base >> 10,
            (open - base) >> 10, (open - base) / 1024.0 / SLOWLORIS, (after - base) >> 10);
        System.out.printf("SlowlorisTest: the hello timeout fired at +%d ms; the slowest class requests: %s%n",
            (t1 - started) / 1_000_000, cls.slowest(5, started));
        assertThat(turnsDuring).as("the class kept playing").isEqualTo(cls.allowedTurns() - WARM_UP_TURNS);
        assertThat(Classroom.quantileMillis(requests, 1)).as("slowest class request, ms")
            .isLessThan(MAX_LATENCY_MILLIS);
        assertThat(Classroom.quantileMillis(requests, 0.5)).as("median class request, ms")
            .isLessThan(MEDIAN_LATENCY_MILLIS);
        assertThat(Classroom.quantileMillis(turns, 1)).as("slowest turn, ms").isLessThan(MAX_LATENCY_MILLIS);
        assertThat(open - base).as("heap with every slowloris connection open")
            .isLessThan(SLOWLORIS * HEAP_PER_OPEN_CONNECTION_BOUND);
        assertThat(after - base).as("heap kept once they are gone").isLessThan(HEAP_KEPT_BOUND);
      } finally {
        for (SocketChannel ch : lorises) {
          ch.close();
        }
        selector.close();
      }
    }
  }

  private static byte[] frame(ClientMessage m) {
    byte[] payload = m.toByteArray();
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  /** The one frame a slowloris connection was sent before its end. */
  private static ServerMessage onlyFrame(ByteBuffer got) throws IOException {
    got.flip();
    assertThat(got.remaining()).as("a frame was sent").isGreaterThan(4);
    int length = got.getInt();
    assertThat(got.remaining()).as("exactly one whole frame").isEqualTo(length);
    byte[] payload = Arrays.copyOfRange(got.array(), got.position(), got.position() + length);
    ServerMessage m = ServerMessage.parseFrom(payload);
    assertThat(m.hasDisconnect()).as("a Disconnect, got %s", m).isTrue();
    assertThat(m.getDisconnect().getMayReconnect()).isTrue();
    return m;
  }
}
