package brink.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Brink server in a JVM of its own, started the way {@code brink server} starts it ({@code
 * brink.server.ServerMain --port 0 --data DIR}) from this JVM's class path, and ended with SIGKILL: no
 * shutdown hook, no flush, no goodbye, exactly what a crash or {@code kill -9} does. Its standard output and
 * error are drained by two threads (pipes: a full pipe would stall the server), which also watch for the
 * line a test waits for.
 */
final class ServerProcess implements AutoCloseable {
  /** The instructor key every process of a test is started with. */
  static final String KEY = "hostile-test-instructor-key";
  /** How long a server may take to start on a slow, shared machine. */
  static final long START_SECONDS = 120;
  private static final Pattern LISTENING = Pattern.compile("^Brink server listening on (\\S+):(\\d+)$");
  private static final int KEPT_LINES = 400;

  private final Process process;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private volatile Watch watch;

  private record Watch(Predicate<String> line, CompletableFuture<String> seen) {}

  private ServerProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts a server on {@code data} (any free port, loopback only) without waiting for it.
   *
   * @param clockShift how far ahead of the system clock the server's clock runs: a server restarted with its
   *     clock hours ahead is one that was down for those hours. Zero runs {@code brink.server.ServerMain}
   *     itself; anything else the same server through {@link brink.server.ClockShiftedServerMain}.
   */
  static ServerProcess launch(Path data, Duration clockShift) throws IOException {
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start: the server of a few test games needs little, and C1 is enough.
    java.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    // The server's own log configuration (INFO lines), not the tests' (which shows warnings only): the crash
    // test waits for the line the journal prints when it has opened, to kill the server during recovery.
    java.net.URL config = ServerProcess.class.getClassLoader().getResource("logback.xml");
    if (config != null) {
      java.add("-Dlogback.configurationFile=" + config);
    }
    java.addAll(List.of("-cp", System.getProperty("java.class.path")));
    if (clockShift.isZero()) {
      java.add("brink.server.ServerMain");
    } else {
      java.addAll(List.of("brink.server.ClockShiftedServerMain", "--clock-shift-millis",
          Long.toString(clockShift.toMillis())));
    }
    java.addAll(List.of("--port", "0", "--bind", "127.0.0.1", "--data", data.toString(), "--instructor-key", KEY));
    ServerProcess p = new ServerProcess(new ProcessBuilder(java).start());
    p.drain(p.process.getInputStream(), "out", true);
    p.drain(p.process.getErrorStream(), "err", false);
    return p;
  }

  /** Starts a server on {@code data} and waits until it listens. */
  static ServerProcess start(Path data) throws IOException {
    return start(data, Duration.ZERO);
  }

  static ServerProcess start(Path data, Duration clockShift) throws IOException {
    ServerProcess p = launch(data, clockShift);
    p.port();
    return p;
  }

  private void drain(InputStream stream, String name, boolean stdout) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          keep(name + ": " + line);
          Matcher m = LISTENING.matcher(line);
          if (stdout && m.matches()) {
            port.complete(Integer.parseInt(m.group(2)));
          }
          Watch w = watch;
          if (w != null && w.line().test(line)) {
            w.seen().complete(line);
          }
        }
      } catch (IOException e) {
        keep(name + ": (stream closed: " + e + ")");
      }
      if (stdout) {
        port.completeExceptionally(new IllegalStateException("the server process ended before it listened"));
      }
    }, "server-process-" + name);
    t.setDaemon(true);
    t.start();
  }

  private void keep(String line) {
    synchronized (lines) {
      lines.add(line);
      if (lines.size() > KEPT_LINES) {
        lines.poll();
      }
    }
  }

  /** The port the server listens on (waits for the banner). */
  int port() {
    try {
      return port.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the server started", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the server did not start: " + e.getMessage() + "\n" + output(), e);
    }
  }

  /** Returns once the server prints (on either stream) a line that matches; lines printed before count not. */
  String awaitLine(Predicate<String> line) {
    Watch w = new Watch(line, new CompletableFuture<>());
    watch = w;
    try {
      return w.seen().get(START_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the server never printed the awaited line\n" + output(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** What the server printed lately, for a failure message. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * SIGKILL (what {@link Process#destroyForcibly} sends on Linux), then waits for the process to be gone.
   * Safe to call from any thread, and more than once.
   */
  void kill() {
    process.destroyForcibly();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the killed server is gone").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing the server", e);
    }
  }

  /** The exit status: 137 (128 + 9) after SIGKILL. */
  int exitValue() {
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
