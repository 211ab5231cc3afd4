package brink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server run as its own process (the Brink server's jar or the echo server), as in production:
 * the load generator never shares a JVM with what it measures. Started with {@link #start}, which
 * returns once the process prints its {@code ... listening on HOST:PORT} line; standard error goes
 * to a log file; {@link #close} sends SIGTERM (the servers' shutdown hooks run) and waits.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

  private final Process process;
  private final InetSocketAddress address;
  private final List<String> stdout;
  private final long startNanos;
  private final long readyNanos;

  private ServerProcess(Process process, InetSocketAddress address, List<String> stdout, long startNanos,
      long readyNanos) {
    this.process = process;
    this.address = address;
    this.stdout = stdout;
    this.startNanos = startNanos;
    this.readyNanos = readyNanos;
  }

  /**
   * Starts {@code command} and waits up to {@code timeoutSeconds} for its listening line.
   *
   * @param stderrLog where the process's standard error (its log) goes
   */
  public static ServerProcess start(List<String> command, Path stderrLog, double timeoutSeconds)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<InetSocketAddress> ready = new CompletableFuture<>();
    long[] readyAt = new long[1];
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
          Matcher m = LISTENING.matcher(line);
          if (!ready.isDone() && m.find()) {
            readyAt[0] = System.nanoTime();
            String host = m.group(1).equals("0.0.0.0") ? "127.0.0.1" : m.group(1);
            ready.complete(new InetSocketAddress(host, Integer.parseInt(m.group(2))));
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IOException("the server exited before it was listening"));
    }, "server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      InetSocketAddress a = ready.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
      return new ServerProcess(p, a, lines, t0, readyAt[0]);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      p.destroyForcibly();
      throw new IOException("the server did not say it was listening within " + timeoutSeconds + " s ("
          + e.getMessage() + "); command " + String.join(" ", command) + "; its log: " + stderrLog, e);
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  public long pid() {
    return process.pid();
  }

  /** Seconds from starting the process to its listening line. */
  public double secondsToReady() {
    return (readyNanos - startNanos) / 1e9;
  }

  /** Everything it printed on standard output so far. */
  public List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then waits up to 30 s (and kills it if it has not exited). Returns the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  /** The command that runs {@code mainClass} from the test classpath of this JVM, with {@code jvmArgs}. */
  public static List<String> javaCommand(List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.addAll(jvmArgs);
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(mainClass);
    c.addAll(args);
    return c;
  }
}
