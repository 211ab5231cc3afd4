package brink.bench;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The same turns as {@link TurnBenchmark} (and the default case without its injects), timed in CPU time of the
 * measuring thread rather than in wall-clock time, with the bytes the thread allocated per turn. On a machine shared with other work, wall-clock time per turn includes the time the thread waited for
 * a core; CPU time does not (caches and frequency are still shared). A complement to JMH, not a replacement:
 * no forks, no blackhole beyond a checksum. Run with the bench profile and {@code -Dbench.main=} this class
 * (docs/performance.md).
 */
public final class CpuTimePerTurn {
  private CpuTimePerTurn() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean alloc = mx instanceof com.sun.management.ThreadMXBean
        ? (com.sun.management.ThreadMXBean) mx : null;
    if (!mx.isCurrentThreadCpuTimeSupported()) {
      System.out.println("this JVM cannot measure thread CPU time");
      return;
    }
    mx.setThreadCpuTimeEnabled(true);
    System.out.printf(Locale.ROOT, "%-30s %6s %12s %12s %12s%n", "scenario", "turn", "CPU us/turn", "wall us/turn",
        "B/turn");
    long checksum = 0;
    for (String name : new String[] {BenchCases.DEFAULT, BenchCases.DEFAULT_NO_INJECTS, BenchCases.GENERATED}) {
      BenchCases.Case c = BenchCases.of(name);
      for (int turn : new int[] {1, 100, 1000}) {
        GameState before = c.before(turn);
        Orders orders = c.orders();
        // Enough calls for about a second of work per batch on one core.
        int calls = BenchCases.GENERATED.equals(name) ? 1_000 : 50_000;
        for (int w = 0; w < 3; w++) {
          checksum += run(before, orders, calls);
        }
        double[] cpu = new double[7];
        double[] wall = new double[7];
        double[] bytes = new double[7];
        for (int b = 0; b < cpu.length; b++) {
          long a0 = alloc == null ? 0 : alloc.getThreadAllocatedBytes(Thread.currentThread().getId());
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          checksum += run(before, orders, calls);
          cpu[b] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / calls;
          wall[b] = (System.nanoTime() - w0) / 1e3 / calls;
          long a1 = alloc == null ? 0 : alloc.getThreadAllocatedBytes(Thread.currentThread().getId());
          bytes[b] = (double) (a1 - a0) / calls;
        }
        System.out.printf(Locale.ROOT, "%-30s %6d %12.2f %12.2f %12.0f%n", name, turn, median(cpu), median(wall),
            median(bytes));
      }
    }
    System.out.println("(median of 7 batches after 3 warm-up batches; checksum " + (checksum & 0xff) + ")");
  }

  private static long run(GameState before, Orders orders, int calls) {
    long sum = 0;
    for (int i = 0; i < calls; i++) {
      TurnResult r = Engine.resolve(before, orders);
      sum += r.record().events().size();
    }
    return sum;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
