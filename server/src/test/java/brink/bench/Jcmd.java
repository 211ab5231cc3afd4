package brink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's jcmd, for what /proc cannot say about a JVM: its heap after a full collection. */
final class Jcmd {
  private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private Jcmd() {}

  /** Runs a full GC in process {@code pid}, then reads its heap: "used X MiB of Y MiB committed". */
  static String heapAfterFullGc(long pid) throws IOException, InterruptedException {
    run(pid, "GC.run");
    String info = run(pid, "GC.heap_info");
    Matcher m = USED.matcher(info);
    if (!m.find()) {
      return "unknown (jcmd GC.heap_info said: " + info.strip().replace('\n', ' ') + ")";
    }
    long total = Long.parseLong(m.group(1));
    long used = Long.parseLong(m.group(2));
    return String.format("used %.0f MiB of %.0f MiB committed", used / 1024.0, total / 1024.0);
  }

  private static String run(long pid, String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
