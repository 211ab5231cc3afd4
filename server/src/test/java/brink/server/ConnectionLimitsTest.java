package brink.server;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Ping;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.LogCapture;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits of a connection: the hello timeout, the idle timeout, the rate limit, the slow reader. */
class ConnectionLimitsTest {
  @TempDir
  Path dir;

  private static ClientMessage.Builder ping() {
    return ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTimeEpochMillis(1));
  }

  private static ServerMessage disconnect(TestClient c) throws Exception {
    ServerMessage m = c.awaitPush(ServerMessage::hasDisconnect);
    assertThat(c.closedByServer()).isTrue();
    return m;
  }

  @Test
  void noHelloWithinTenSeconds_isDisconnectedWithThatReason() throws Exception {
    try (TestServer server = new TestServer(dir); TestClient c = server.client();
        TestClient polite = server.client()) {
      polite.hello();
      // Answered only once the server has made the connection active, which arms its hello clock: moving the
      // clock before that armed it 9 s late, and the test timed out (seen once in a full run of the suite).
      assertThat(c.request(ping()).getError().getCode()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      server.clock.advance(Duration.ofSeconds(9));
      assertThat(c.request(ping()).getError().getCode()).as("still open, still not welcomed")
          .isEqualTo(ErrorCode.UNAUTHENTICATED);
      server.clock.advance(Duration.ofSeconds(1));
      ServerMessage m = disconnect(c);
      assertThat(m.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_HELLO_TIMEOUT);
      assertThat(m.getDisconnect().getMayReconnect()).isTrue();
      assertThat(polite.request(ping()).hasPong()).as("a welcomed connection stays").isTrue();
    }
  }

  @Test
  void silenceLongerThanTheIdleTimeout_isDisconnected_butPingsKeepAConnection() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    try (TestServer server = new TestServer(dir, clock, c -> c.withTimeouts(Duration.ofSeconds(10),
        Duration.ofSeconds(60), Duration.ofSeconds(10)));
        TestClient quiet = server.client(); TestClient chatty = server.client()) {
      quiet.hello();
      chatty.hello();
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofSeconds(40));
        assertThat(chatty.request(ping()).hasPong()).isTrue();
      }
      ServerMessage m = disconnect(quiet);
      assertThat(m.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_IDLE_TIMEOUT);
      assertThat(chatty.request(ping()).hasPong()).isTrue();
    }
  }

  @Test
  void requestsBeyondTheBucket_areRefusedRetryably_andTheConnectionStays() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    try (TestServer server = new TestServer(dir, clock, c -> c.withRateLimit(3, 1));
        TestClient c = server.client()) {
      c.hello();
      assertThat(c.request(ping()).hasPong()).isTrue();
      assertThat(c.request(ping()).hasPong()).isTrue();
      ServerMessage refused = c.request(ping());
      brink.protocol.v1.Error e = TestClient.error(refused, ErrorCode.RESOURCE_EXHAUSTED);
      assertThat(e.getRetryable()).isTrue();
      assertThat(e.getDetailsMap()).containsEntry("retry_after_millis", "1000");
      clock.advance(Duration.ofSeconds(1));
      assertThat(c.request(ping()).hasPong()).isTrue();
    }
  }

  /**
   * Deterministic whatever the machine's kernel buffers: the server side of each connection gets a fixed
   * 64 KiB SO_SNDBUF (the kernel doubles it) instead of autotuning up to net.ipv4.tcp_wmem's maximum, which
   * is 4 MiB here but larger on some machines, large enough there to take all 8 MB of answers so that the
   * channel was writable again when the grace ended. The clock moves only once the server has reported the
   * connection over its mark (the grace starts then, on the event loop), and the Disconnect is the last
   * frame even if a push races it (see LastWordTest).
   */
  private static void frame(java.io.ByteArrayOutputStream out, ClientMessage m) {
    byte[] payload = m.toByteArray();
    out.write(payload.length >>> 24);
    out.write(payload.length >>> 16);
    out.write(payload.length >>> 8);
    out.write(payload.length);
    out.write(payload, 0, payload.length);
  }

  @Test
  void aReaderThatCannotKeepUp_isDisconnectedWithAReason_neverFedLess() throws Exception {
    ManualScheduler clock = new ManualScheduler(TestServer.START);
    try (TestServer server = new TestServer(dir, clock,
            c -> c.withWriteBuffer(8 * 1024, 16 * 1024).withSocketSendBuffer(64 * 1024));
        TestClient teacher = server.instructor();
        LogCapture log = new LogCapture()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022"));
      // Twenty long public messages make every full view of the game about 100 KB.
      for (int i = 0; i < 20; i++) {
        assertThat(teacher.request(message(g.getGameId(), i + "x".repeat(3990))).hasAck()).isTrue();
      }
      // 80 answers of 100 KB: 8 MB, far more than the kernel holds (128 KiB sent, 8 KiB received) and the
      // 16 KB mark.
      try (TestClient slow = TestClient.connectSmallBuffer(server.port(), 4096)) {
        // The grace starts when the connection first goes over the mark: with the 100 KB view of Joined.
        log.expect(l -> l.contains(":" + slow.localPort() + " is not reading what it is sent"));
        slow.hello();
        slow.join(TestServer.seatCode(g, "rus"), "Slow reader");
        // The 80 requests and a barrier in one write: they reach the server's kernel together and are read
        // in one go, before the answers take the connection over its mark (from then on the server reads
        // nothing more from it until it reads what it was sent).
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        long sent = 0;
        for (int i = 0; i < 80; i++) {
          frame(batch, state(g.getGameId()).setRequestId(1000 + i).build());
          sent++;
        }
        // The barrier: the game runs one connection's requests in order, so when the teacher sees this message
        // the game has handed all 80 answers to the slow connection's outbox, which the event loop writes out
        // before it runs the check the clock queues below.
        frame(batch, message(g.getGameId(), "after the eighty").setRequestId(2000).build());
        assertThat(log.await()).as("the server saw the connection go over its mark (with Joined)").isTrue();
        slow.writeBytes(batch.toByteArray());
        teacher.awaitPush(m -> m.hasPress() && m.getPress().getText().equals("after the eighty"));
        clock.advance(Duration.ofSeconds(10));
        int answers = 0;
        ServerMessage last = null;
        while (slow.readOne()) {
          last = slow.lastRead();
          if (last.hasGameState()) {
            answers++;
          }
        }
        assertThat(last).isNotNull();
        assertThat(last.hasDisconnect()).as("the last frame says why, got %s", last.getBodyCase()).isTrue();
        assertThat(log.lines()).anyMatch(l -> l.contains("disconnected: it did not read what it was sent"));
        assertThat(last.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_TOO_SLOW);
        assertThat(answers).as("whatever was answered arrived whole before the Disconnect").isPositive()
            .isLessThanOrEqualTo((int) sent);
      }
      assertThat(teacher.request(ping()).hasPong()).as("others are unaffected").isTrue();
    }
  }
}
