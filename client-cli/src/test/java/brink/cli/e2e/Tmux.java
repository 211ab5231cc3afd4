package brink.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A private tmux server (its own socket) whose windows run real clients at 160x50: keys are typed with
 * {@code send-keys}, screens read with {@code capture-pane}, and every wait is a bounded poll for the text
 * a person would look for. Each checked screen is saved under {@code target/tmux-e2e/} for people to read.
 */
final class Tmux implements AutoCloseable {
  private final String socket = "brink-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
  private final Path shots;
  private int shot;

  Tmux(Path shots) throws IOException {
    Assumptions.assumeTrue(available(), "tmux is not installed (.ci/run installs it)");
    this.shots = Files.createDirectories(shots);
  }

  static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code command} in a new detached session {@code name}; the pane stays after it exits, saying its code. */
  void start(String name, List<String> command) throws IOException, InterruptedException {
    StringBuilder sh = new StringBuilder();
    for (String arg : command) {
      sh.append('\'').append(arg.replace("'", "'\\''")).append("' ");
    }
    sh.append("; echo \"[exited $?]\"; sleep 3600");
    run("new-session", "-d", "-s", name, "-x", "160", "-y", "50", sh.toString());
  }

  /** Types {@code text} literally, then Enter. */
  void type(String name, String text) throws IOException, InterruptedException {
    run("send-keys", "-t", name, "-l", text);
    run("send-keys", "-t", name, "Enter");
  }

  /** Types {@code text} literally, without Enter. */
  void typeOnly(String name, String text) throws IOException, InterruptedException {
    run("send-keys", "-t", name, "-l", text);
  }

  /** Presses named keys (Tab, Enter, C-c). */
  void press(String name, String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** The visible screen of {@code name}. */
  String screen(String name) throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-J", "-t", name);
  }

  /** The screen with its scrollback (everything the client printed, up to tmux's history limit). */
  String history(String name) throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-J", "-S", "-", "-t", name);
  }

  /**
   * Waits (at most {@code seconds}) until {@code name}'s history holds {@code text} at least {@code times}
   * times; saves the screen as the next numbered shot and returns the history.
   */
  String await(String name, String text, int times, int seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String h = history(name);
    while (count(h, text) < times && System.nanoTime() < end) {
      Thread.sleep(100);
      h = history(name);
    }
    save(name, text);
    assertThat(count(h, text)).as("%s should show \"%s\" (x%d); its screen:%n%s", name, text, times, h)
        .isGreaterThanOrEqualTo(times);
    return h;
  }

  String await(String name, String text) throws IOException, InterruptedException {
    return await(name, text, 1, 60);
  }

  /** The first group of {@code regex} in {@code name}'s history. */
  String find(String name, String regex) throws IOException, InterruptedException {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(history(name));
    assertThat(m.find()).as("%s should match %s", name, regex).isTrue();
    return m.group(1);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int k = haystack.indexOf(needle); k >= 0; k = haystack.indexOf(needle, k + needle.length())) {
      n++;
    }
    return n;
  }

  private void save(String name, String step) throws IOException, InterruptedException {
    String slug = step.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
    slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
    Files.writeString(shots.resolve(String.format("%02d-%s-%s.txt", ++shot, name, slug)), screen(name),
        StandardCharsets.UTF_8);
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Ends this test's tmux server and every client it runs. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      run("kill-server");
    } catch (IOException e) {
      // The server had already gone (no session left).
    }
  }
}
