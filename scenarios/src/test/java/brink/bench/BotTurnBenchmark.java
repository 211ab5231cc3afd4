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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Turn 1 of the bundled default scenario exactly as a game plays it when nobody submits: every seat
 * defaults to its scenario bot (historical), which the engine runs inside the turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BotTurnBenchmark {
  private GameState before;

  @Setup(Level.Trial)
  public void setUp() {
    before = Engine.initial(BenchCases.bundledDefault(), 1);
  }

  @Benchmark
  public TurnResult defaultScenarioTurn1WithDefaultBots() {
    return Engine.resolve(before, Orders.none());
  }
}
