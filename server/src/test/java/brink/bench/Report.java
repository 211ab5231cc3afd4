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
    String mix = mix(r);
    if (!mix.isEmpty()) {
      out.println("requests sent in the window: " + mix);
    }
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

  /**
   * The mix actually sent in the window ("submit 49 %, message 50 %, ready 1 %"), from the sent.* counters:
   * what the run offered may not be what its label says (a ready seat only talks, a saturated server slows
   * the turns down).
   */
  static String mix(RunResult r) {
    long total = 0;
    Map<String, Long> sent = new java.util.TreeMap<>();
    for (Map.Entry<String, Long> c : r.counters().entrySet()) {
      if (c.getKey().startsWith("sent.")) {
        sent.put(c.getKey().substring(5), c.getValue());
        total += c.getValue();
      }
    }
    if (total == 0 || sent.size() < 2) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : sent.entrySet()) {
      b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.0f %%", 100.0 * e.getValue() / total));
    }
    return b.append(" of ").append(total).toString();
  }
}
