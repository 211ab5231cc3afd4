package brink.bench;

import java.io.PrintStream;
import java.util.Map;

/** Prints runs the way docs/performance.md shows them. */
final class Report {
  private Report() {}

  static String ms(long nanos) {
    return String.format("%.3f", nanos / 1e6);
  }

  static String mib(long bytes) {
    return String.format("%.0f", bytes / 1048576.0);
  }

  static void print(PrintStream out, RunResult r) {
    StringBuilder head = new StringBuilder("== " + r.name() + ":");
    r.params().forEach((k, v) -> head.append(' ').append(k).append('=').append(v));
    out.println(head);
    out.printf("window %.1f s; load average %s before, %s after; machine CPUs busy %.0f %%%n", r.windowSeconds(),
        r.machineBefore().loadText(), r.machineAfter().loadText(), 100 * r.machineBusy());
    StringBuilder counts = new StringBuilder("counts:");
    for (Map.Entry<String, Long> c : r.counters().entrySet()) {
      counts.append(' ').append(c.getKey()).append('=').append(c.getValue());
    }
    out.println(counts);
    for (Map.Entry<String, LatencyHistogram> e : r.latencies().entrySet()) {
      LatencyHistogram h = e.getValue();
      out.printf("  %-14s n=%-8d %8.0f/s  p50 %s  p99 %s  p99.9 %s  max %s ms%n", e.getKey(), h.count(),
          h.count() / r.windowSeconds(), ms(h.percentile(50)), ms(h.percentile(99)), ms(h.percentile(99.9)),
          ms(h.max()));
    }
    if (r.serverAfter() != null) {
      out.printf("server: %.2f cores, RSS %s MiB (peak %s MiB in the window), %d threads; client: %.2f cores%n",
          r.serverCores(), mib(r.serverAfter().rssBytes()), r.notes().getOrDefault("server_peak_rss_mib", "?"),
          r.serverAfter().threads(), r.clientCores());
    }
    r.notes().forEach((k, v) -> {
      if (!k.equals("server_peak_rss_mib")) {
        out.println("  " + k + ": " + v);
      }
    });
    out.println();
  }
}
