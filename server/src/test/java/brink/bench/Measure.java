package brink.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The shape every run shares: warm up, then start the load afresh, read the server process and the
 * machine at both ends of the measured window, stop the load, wait for what is still in flight.
 *
 * <p>The warm-up plays the same load in rounds of {@value #ROUND_SECONDS} s for at least the asked time and
 * (unless the time asked is shorter than a round, as in the smoke tests) until the JIT is done: the compiler
 * threads of the server and of this generator together took under {@value #JIT_QUIET_CORES} core in the last
 * round (at most {@value #WARMUP_MAX_SECONDS} s in all). On these 2 cores the server's JIT alone takes about
 * 0.3 core for its first 50 s under the class's mix (25 s of CPU in all), so a fixed 10 s warm-up measured
 * the JIT as much as the server, and an open loop that fell behind while it compiled carried its backlog into
 * the window. Then the load stops and what is in flight is answered before the measured window starts: the
 * window sees the server as it runs for the rest of a class, and its own compiler time is printed beside the
 * figures.
 */
final class Measure {
  static final double ROUND_SECONDS = 5;
  static final double JIT_QUIET_CORES = 0.1;
  static final double WARMUP_MAX_SECONDS = 60;

  /** Starts and stops one kind of load. */
  interface Load {
    /** Starts sending at {@code t0}; requests intended at or after {@code endNanos} are not sent. */
    void start(long t0, long endNanos);

    /** Stops sending (idempotent). */
    void stop() throws InterruptedException;
  }

  private Measure() {}

  /**
   * @param serverPid the server's process id, or 0 when it is not on this machine or unknown
   * @param warmupSeconds the shortest warm-up (0: none)
   * @param inFlight how many requests are still unanswered (the drain waits for 0, up to 10 s)
   */
  static RunResult run(String name, Map<String, String> params, Recorder rec, long serverPid, double warmupSeconds,
      double seconds, Load load, LongSupplier inFlight, Map<String, String> notes) throws InterruptedException {
    Map<String, String> n = new LinkedHashMap<>(notes);
    if (warmupSeconds > 0) {
      n.putAll(warmUp(serverPid, warmupSeconds, load, inFlight));
    }
    long ws = System.nanoTime() + 20_000_000L;
    long we = ws + (long) (seconds * 1e9);
    rec.window(ws, we);
    load.start(ws, we);
    sleepUntil(ws);
    ProcStats.Process sb = serverPid > 0 ? ProcStats.process(serverPid) : null;
    Map<Long, Long> jitBefore = ProcStats.compilerCpuNanos(serverPid);
    ProcStats.Process cb = ProcStats.process(ProcessHandle.current().pid());
    ProcStats.Machine mb = ProcStats.machine();
    long peakRss = sb == null ? 0 : sb.rssBytes();
    while (System.nanoTime() < we) {
      sleepUntil(Math.min(we, System.nanoTime() + 500_000_000L));
      if (serverPid > 0) {
        peakRss = Math.max(peakRss, ProcStats.process(serverPid).rssBytes());
      }
    }
    ProcStats.Process sa = serverPid > 0 ? ProcStats.process(serverPid) : null;
    Map<Long, Long> jitAfter = ProcStats.compilerCpuNanos(serverPid);
    ProcStats.Process ca = ProcStats.process(ProcessHandle.current().pid());
    ProcStats.Machine ma = ProcStats.machine();
    load.stop();
    long lost = drain(inFlight, 10);
    if (lost > 0) {
      rec.count("unanswered", lost);
    }
    n.putAll(rec.notes());
    n.put("slow_requests_over_time", rec.timelineSummary());
    if (serverPid > 0) {
      n.put("server_peak_rss_mib", String.format(Locale.ROOT, "%.0f", peakRss / 1048576.0));
      n.put("server_jit_cores_in_window", String.format(Locale.ROOT, "%.3f",
          ProcStats.compilerCpuBetween(jitBefore, jitAfter) / (seconds * 1e9)));
    }
    return new RunResult(name, params, seconds, rec.latencies(), rec.counters(), sb, sa, cb, ca, mb, ma, n);
  }

  /** Plays the load in rounds until the JIT is done (see the class comment), then lets it drain. */
  private static Map<String, String> warmUp(long serverPid, double minSeconds, Load load, LongSupplier inFlight)
      throws InterruptedException {
    long self = ProcessHandle.current().pid();
    long start = System.nanoTime();
    // A warm-up shorter than a round (the smoke tests' fraction of a second) is played once, as asked.
    boolean untilJitDone = minSeconds >= ROUND_SECONDS;
    double round = Math.min(ROUND_SECONDS, minSeconds);
    double maxSeconds = Math.max(minSeconds, WARMUP_MAX_SECONDS);
    double elapsed;
    double jitCores;
    do {
      long t0 = System.nanoTime() + 20_000_000L;
      long end = t0 + (long) (round * 1e9);
      Map<Long, Long> server0 = ProcStats.compilerCpuNanos(serverPid);
      Map<Long, Long> self0 = ProcStats.compilerCpuNanos(self);
      load.start(t0, end);
      sleepUntil(end);
      load.stop();
      long jit = ProcStats.compilerCpuBetween(self0, ProcStats.compilerCpuNanos(self))
          + ProcStats.compilerCpuBetween(server0, ProcStats.compilerCpuNanos(serverPid));
      jitCores = jit / (double) (System.nanoTime() - t0);
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < minSeconds || (untilJitDone && jitCores >= JIT_QUIET_CORES && elapsed < maxSeconds));
    long drainStart = System.nanoTime();
    long left = drain(inFlight, 60);
    Map<String, String> n = new LinkedHashMap<>();
    n.put("warmup_seconds", String.format(Locale.ROOT, "%.0f", elapsed));
    n.put("warmup_last_round_jit_cores", String.format(Locale.ROOT, "%.3f", jitCores));
    n.put("warmup_drain_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - drainStart) / 1e9));
    if (left > 0) {
      n.put("warmup_unanswered", Long.toString(left));
    }
    return n;
  }

  /** Waits up to {@code seconds} for nothing to be in flight; returns how many still are. */
  private static long drain(LongSupplier inFlight, double seconds) throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (inFlight.getAsLong() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return inFlight.getAsLong();
  }

  static void sleepUntil(long deadline) {
    long wait;
    while ((wait = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
