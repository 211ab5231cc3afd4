package brink.bench;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The shape every run shares: start the load, let it warm up, read the server process and the
 * machine at both ends of the measured window, stop the load, wait for what is still in flight.
 */
final class Measure {
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
   * @param inFlight how many requests are still unanswered (the drain waits for 0, up to 10 s)
   */
  static RunResult run(String name, Map<String, String> params, Recorder rec, long serverPid, double warmupSeconds,
      double seconds, Load load, LongSupplier inFlight, Map<String, String> notes) throws InterruptedException {
    long t0 = System.nanoTime() + 20_000_000L;
    long ws = t0 + (long) (warmupSeconds * 1e9);
    long we = ws + (long) (seconds * 1e9);
    rec.window(ws, we);
    load.start(t0, we);
    sleepUntil(ws);
    ProcStats.Process sb = serverPid > 0 ? ProcStats.process(serverPid) : null;
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
    ProcStats.Process ca = ProcStats.process(ProcessHandle.current().pid());
    ProcStats.Machine ma = ProcStats.machine();
    load.stop();
    long drainEnd = System.nanoTime() + 10_000_000_000L;
    while (inFlight.getAsLong() > 0 && System.nanoTime() < drainEnd) {
      Thread.sleep(20);
    }
    long lost = inFlight.getAsLong();
    if (lost > 0) {
      rec.count("unanswered", lost);
    }
    java.util.Map<String, String> n = new java.util.LinkedHashMap<>(notes);
    n.putAll(rec.notes());
    if (serverPid > 0) {
      n.put("server_peak_rss_mib", String.format("%.0f", peakRss / 1048576.0));
    }
    return new RunResult(name, params, seconds, rec.latencies(), rec.counters(), sb, sa, cb, ca, mb, ma, n);
  }

  static void sleepUntil(long deadline) {
    long wait;
    while ((wait = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
