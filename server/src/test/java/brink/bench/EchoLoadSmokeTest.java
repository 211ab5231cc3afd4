package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of each echo load against an in-process echo server: the tools work, not how fast. */
class EchoLoadSmokeTest {
  private static EchoServer server;
  private static Rig rig;

  @BeforeAll
  static void start() {
    server = EchoServer.start("127.0.0.1", 0, 0, 1);
    rig = new Rig(1);
  }

  @AfterAll
  static void stop() {
    rig.close();
    server.close();
  }

  @Test
  void open_sendsExactlyTheScheduledRequestsAndHearsEveryAnswer() throws Exception {
    RunResult r = new EchoLoad(rig, server.address(), 0).open(4, 100, 200, 0.2, 1.0);
    // 200/s for 1 s: the requests intended inside the window are fixed by the clock, not by answers.
    assertThat(r.counter("sent")).isBetween(199L, 201L);
    assertThat(r.counter("answered")).isEqualTo(r.counter("sent"));
    assertThat(r.latency("round_trip").count()).isEqualTo(r.counter("answered"));
    assertThat(r.counter("unanswered")).isZero();
    assertThat(r.counter("errors")).isZero();
  }

  @Test
  void closed_keepsRequestsInFlightAndCountsThem() throws Exception {
    RunResult r = new EchoLoad(rig, server.address(), 0).closed(3, 64, 2, 0.2, 0.5);
    assertThat(r.counter("answered")).isPositive();
    assertThat(r.latency("round_trip").count()).isEqualTo(r.counter("answered"));
    assertThat(r.counter("unanswered")).isZero();
  }

  @Test
  void durableEcho_overZeros_writesEachFrameOverTheZerosBeforeItsAnswer(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("echo.journal");
    int zeros = 1 << 20;
    try (EchoServer durable = EchoServer.start("127.0.0.1", 0, 0, 1, journal, zeros)) {
      echoThreeFrames(durable, sent -> {
        byte[] file = Files.readAllBytes(journal);
        assertThat(file).as("the file keeps its size: the frames overwrite its zeros").hasSize(zeros);
        assertThat(Arrays.copyOf(file, sent.length)).isEqualTo(sent);
        assertThat(Arrays.copyOfRange(file, sent.length, zeros)).containsOnly((byte) 0);
      });
    }
  }

  @Test
  void durableEcho_answersEachFrameOnlyOnceItIsInTheJournal(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("echo.journal");
    try (EchoServer durable = EchoServer.start("127.0.0.1", 0, 0, 1, journal)) {
      // Each answer came: its frame is in the file already (written and synced before the answer left).
      echoThreeFrames(durable, sent -> assertThat(Files.readAllBytes(journal)).isEqualTo(sent));
      RunResult r = new EchoLoad(rig, durable.address(), 0).open(2, 50, 100, 0.1, 0.5);
      assertThat(r.counter("answered")).isPositive().isEqualTo(r.counter("sent"));
      assertThat(r.counter("errors")).isZero();
    }
  }

  /** What a test checks after each answer, given every byte sent so far. */
  interface SentCheck {
    void check(byte[] sent) throws IOException;
  }

  /**
   * Sends three frames of 10, 20 and 30 bytes one after the other, checks each comes back as it went, then
   * runs {@code check} with every byte sent so far.
   */
  private static void echoThreeFrames(EchoServer server, SentCheck check) throws IOException {
    try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      for (int i = 1; i <= 3; i++) {
        byte[] frame = ByteBuffer.allocate(4 + 10 * i).putInt(10 * i).put(new byte[10 * i]).array();
        frame[4] = (byte) i;
        out.write(frame);
        out.flush();
        byte[] answer = new byte[frame.length];
        in.readFully(answer);
        sent.write(frame);
        assertThat(answer).isEqualTo(frame);
        check.check(sent.toByteArray());
      }
    }
  }

  @Test
  void burst_measuresUntilTheLastConnectionsAnswer() throws Exception {
    RunResult r = new EchoLoad(rig, server.address(), 0).burst(5, 100, 0.1, 0.1, 0.5);
    assertThat(r.counter("bursts")).isBetween(4L, 6L);
    assertThat(r.latency("burst").count()).isEqualTo(r.counter("bursts"));
    assertThat(r.counter("sent")).isEqualTo(5 * r.counter("bursts"));
  }
}
