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
 * The same turns as {@link TurnBenchmark}, timed in CPU time of the measuring thread rather than in wall-clock
 * time. On a machine shared with other work, wall-clock time per turn includes the time the thread waited for
 * a core; CPU time does not (caches and frequency are still shared). A complement to JMH, not a replacement:
 * no forks, no blackhole beyond a checksum. Run with the bench profile and {@code -Dbench.main=} this class
 * (docs/performance.md).
 */
public final class CpuTimePerTurn {
  private CpuTimePerTurn() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (!mx.isCurrentThreadCpuTimeSupported()) {
      System.out.println("this JVM cannot measure thread CPU time");
      return;
    }
    mx.setThreadCpuTimeEnabled(true);
    System.out.printf(Locale.ROOT, "%-20s %6s %16s %16s%n", "scenario", "turn", "CPU us/turn", "wall us/turn");
    long checksum = 0;
    for (String name : new String[] {BenchCases.DEFAULT, BenchCases.GENERATED}) {
      BenchCases.Case c = BenchCases.of(name);
      for (int turn : new int[] {1, 100, 1000}) {
        GameState before = c.before(turn);
        Orders orders = c.orders();
        // Enough calls for about a second of work per batch on one core.
        int calls = BenchCases.DEFAULT.equals(name) ? 50_000 : 1_000;
        for (int w = 0; w < 3; w++) {
          checksum += run(before, orders, calls);
        }
        double[] cpu = new double[7];
        double[] wall = new double[7];
        for (int b = 0; b < cpu.length; b++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          checksum += run(before, orders, calls);
          cpu[b] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / calls;
          wall[b] = (System.nanoTime() - w0) / 1e3 / calls;
        }
        System.out.printf(Locale.ROOT, "%-20s %6d %16.2f %16.2f%n", name, turn, median(cpu), median(wall));
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
