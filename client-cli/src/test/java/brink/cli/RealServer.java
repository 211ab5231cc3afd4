package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Brink server, run from its shaded jar as its own process ({@code java -jar brink-server.jar
 * --port 0 --data DIR}), the way a teacher runs it. The client never links the server's classes: the jar is
 * found through the {@code brink.server.jar} system property (set by the client's pom to the server
 * module's target; the reactor builds the server before the client).
 */
public final class RealServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Brink server listening on (\\S+):(\\d+)");
  private static final Pattern KEY = Pattern.compile("Instructor key: (\\S+)");

  private final Process process;
  private final int port;
  private final String key;
  private final List<String> banner;

  private RealServer(Process process, int port, String key, List<String> banner) {
    this.process = process;
    this.port = port;
    this.key = key;
    this.banner = banner;
  }

  /** The server's jar; the test is skipped (with the reason) when it has not been built. */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("brink.server.jar", "../server/target/brink-server.jar"));
    Assumptions.assumeTrue(Files.isRegularFile(jar),
        "the server's jar " + jar + " is not built: run the whole reactor (mvn -B -ntp verify)");
    return jar;
  }

  /** The java launcher running these tests. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Starts a server on a free port of 127.0.0.1 with its data in {@code data}; waits (at most a minute) until it listens. */
  public static RealServer start(Path data) throws IOException, InterruptedException {
    return start(data, 0);
  }

  /** As {@link #start(Path)}, on {@code port} (0 = any free one). */
  public static RealServer start(Path data, int port) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(java(), "-jar", jar().toString(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--data", data.toString());
    pb.redirectError(data.resolveSibling(data.getFileName() + "-server.log").toFile());
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      } catch (IOException e) {
        // The process ended.
      }
    }, "real-server-stdout");
    reader.setDaemon(true);
    reader.start();
    List<String> banner = new ArrayList<>();
    int listening = -1;
    String key = null;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((listening < 0 || key == null) && System.nanoTime() < end) {
      String l = lines.poll(500, TimeUnit.MILLISECONDS);
      if (l == null) {
        if (!p.isAlive()) {
          break;
        }
        continue;
      }
      banner.add(l);
      Matcher m = LISTENING.matcher(l);
      if (m.find()) {
        listening = Integer.parseInt(m.group(2));
      }
      Matcher k = KEY.matcher(l);
      if (k.find()) {
        key = k.group(1);
      }
    }
    if (listening < 0 || key == null) {
      p.destroyForcibly();
      throw new IllegalStateException("the server did not start: " + banner);
    }
    return new RealServer(p, listening, key, banner);
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public String key() {
    return key;
  }

  public List<String> banner() {
    return banner;
  }

  /** Stops the server process (as Ctrl-C would) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(process.isAlive()).isFalse();
  }
}
