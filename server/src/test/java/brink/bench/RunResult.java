package brink.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured run found: its parameters, the measured window, latencies per metric, counters,
 * and the server process and the machine read at both ends of the window.
 */
public record RunResult(String name, Map<String, String> params, double windowSeconds,
    Map<String, LatencyHistogram> latencies, Map<String, Long> counters, ProcStats.Process serverBefore,
    ProcStats.Process serverAfter, ProcStats.Process clientBefore, ProcStats.Process clientAfter,
    ProcStats.Machine machineBefore, ProcStats.Machine machineAfter, Map<String, String> notes) {

  public RunResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    latencies = Collections.unmodifiableMap(new TreeMap<>(latencies));
    counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** {@code counter} per second of the measured window. */
  public double perSecond(String counter) {
    return windowSeconds <= 0 ? 0 : counter(counter) / windowSeconds;
  }

  public LatencyHistogram latency(String metric) {
    return latencies.getOrDefault(metric, new LatencyHistogram());
  }

  /** Cores of CPU the server used during the window (1.0 = one core busy all the time). */
  public double serverCores() {
    return serverBefore == null ? 0 : (serverAfter.cpuNanos() - serverBefore.cpuNanos()) / (windowSeconds * 1e9);
  }

  public double clientCores() {
    return clientBefore == null ? 0 : (clientAfter.cpuNanos() - clientBefore.cpuNanos()) / (windowSeconds * 1e9);
  }

  public double machineBusy() {
    return machineAfter.busySince(machineBefore);
  }
}
