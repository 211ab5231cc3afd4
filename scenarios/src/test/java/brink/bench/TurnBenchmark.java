package brink.bench;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call of {@link Engine#resolve} (one turn), on the default scenario and on a generated 50-actor one,
 * from the state before turn 1, 100 and 1,000. The engine is pure, so resolving the same
 * (state, orders) again and again measures one turn each time. Run with {@code -prof gc}: the allocation per
 * turn ({@code gc.alloc.rate.norm}) must not grow with the length of the history (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TurnBenchmark {
  @Param({BenchCases.DEFAULT, BenchCases.GENERATED})
  public String scenario;

  /** 100 as well as 1: the default scenario's injects fire in its first turns, so turn 1 does extra work. */
  @Param({"1", "100", "1000"})
  public int turn;

  private GameState before;
  private Orders orders;

  @Setup(Level.Trial)
  public void setUp() {
    BenchCases.Case c = BenchCases.of(scenario);
    before = c.before(turn);
    orders = c.orders();
  }

  @Benchmark
  public TurnResult resolve() {
    return Engine.resolve(before, orders);
  }
}
