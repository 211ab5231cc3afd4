package brink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Linux says about a process and about the machine (/proc), read before and after a measured
 * window: the server's CPU time and memory, the machine's load average and how busy its CPUs were
 * (other work on a shared machine shows up there).
 */
public final class ProcStats {
  /** Clock ticks per second of /proc's CPU times (USER_HZ); 100 on every mainstream Linux. */
  private static final long TICKS = ticksPerSecond();

  private ProcStats() {}

  /** One reading of a process. */
  public record Process(long pid, long cpuNanos, long rssBytes, long peakRssBytes, int threads) {}

  /** One reading of the machine. */
  public record Machine(double load1, double load5, double load15, long busyTicks, long totalTicks) {
    /** The share of CPU time spent busy between {@code before} and this reading, 0..1. */
    public double busySince(Machine before) {
      long total = totalTicks - before.totalTicks;
      return total <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / total;
    }

    public String loadText() {
      return String.format("%.2f, %.2f, %.2f", load1, load5, load15);
    }
  }

  public static Process process(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    // The command name (field 2) is in parentheses and may contain spaces: fields follow the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
    int threads = Integer.parseInt(f[17]); // num_threads (field 20)
    long rss = 0;
    long hwm = 0;
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line);
      } else if (line.startsWith("VmHWM:")) {
        hwm = kib(line);
      }
    }
    return new Process(pid, ticks * (1_000_000_000L / TICKS), rss, hwm, threads);
  }

  /**
   * CPU time (user + system) of each JIT compiler thread of a process (HotSpot names them "C1 CompilerThre..."
   * and "C2 CompilerThre..."), in nanoseconds by thread id; empty if the process is gone or {@code pid} is not positive. While the JIT still
   * compiles the hot paths, it takes a large share of 2 cores (up to 0.5 core for a minute after the server
   * starts under load), so the runs warm up until it is done. By thread, because HotSpot starts and stops
   * compiler threads as its queue grows and shrinks: a sum over the threads alive would drop when one ends.
   */
  public static Map<Long, Long> compilerCpuNanos(long pid) {
    Map<Long, Long> out = new HashMap<>();
    if (pid <= 0) {
      return out; // no process to read (a server on another machine)
    }
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(t.resolve("comm"));
          if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            continue;
          }
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          out.put(Long.parseLong(t.getFileName().toString()), ticks * (1_000_000_000L / TICKS));
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /**
   * The compiler CPU time between two readings of {@link #compilerCpuNanos}: what each thread alive in
   * {@code after} used since {@code before} (all of it if it started since); a thread that ended in between
   * counts for nothing more than it had at {@code before}, an underestimate of at most one thread's share.
   */
  public static long compilerCpuBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
    }
    return sum;
  }

  public static Machine machine() {
    String[] load = read(Path.of("/proc/loadavg")).trim().split("\\s+");
    String cpu = read(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("/proc/stat has no 'cpu' line"));
    String[] t = cpu.substring(4).trim().split("\\s+");
    long total = 0;
    // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
    for (int i = 0; i < Math.min(8, t.length); i++) {
      total += Long.parseLong(t[i]);
    }
    long idle = Long.parseLong(t[3]) + Long.parseLong(t[4]);
    return new Machine(Double.parseDouble(load[0]), Double.parseDouble(load[1]), Double.parseDouble(load[2]),
        total - idle, total);
  }

  /** The machine's description for a report: CPUs, model, kernel, JDK. */
  public static List<String> describeMachine() {
    String model = read(Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    return List.of(
        "cpus: " + Runtime.getRuntime().availableProcessors() + " (" + model + ")",
        "kernel: " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
        "jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  private static long kib(String line) {
    String[] p = line.split("\\s+");
    return Long.parseLong(p[1]) * 1024;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + " (is the process still running?)", e);
    }
  }

  private static long ticksPerSecond() {
    try {
      java.lang.Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
