package brink.engine;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one resolved turn (targets: under 20 µs for 5 actors, under 2 ms for 50). Every actor submits two
 * moves (CRITICIZE and NEGOTIATE toward a partner); incidents are on, so the draws happen; the state digest
 * is part of the turn. Not a unit test: run it with JMH (see engine/pom.xml).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
  /** Actors; every pair of actors forms a dyad. */
  @Param({"5", "50"})
  public int actors;

  private GameState start;
  private Orders orders;

  @Setup(Level.Trial)
  public void setUp() {
    start = Engine.initial(scenario(actors), 1L);
    Orders.Builder b = Orders.builder();
    for (String a : start.actorIds()) {
      List<String> partners = start.partners(a);
      String target = partners.get(partners.size() / 2);
      b.submit(a, Move.toward(MoveType.CRITICIZE, target), Move.toward(MoveType.NEGOTIATE, target));
    }
    orders = b.build();
  }

  static Scenario scenario(int n) {
    ScenarioBuilder b = new ScenarioBuilder("bench-" + n);
    for (int i = 0; i < n; i++) {
      b.actor(id(i), i % 2 == 0 ? Regime.DEMOCRACY : Regime.AUTOCRACY, i % 7 == 0, 4, 50);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        b.dyad(id(i), id(j), 30, 0.12, 0.08, 1, 5);
        b.dyad(id(j), id(i), 25, 0.1, 0.09, 1.2);
      }
    }
    b.primary(id(0), id(1)).alliance(id(0), id(2));
    b.rules.maxTurns(0);
    return b.build();
  }

  private static String id(int i) {
    return String.format(java.util.Locale.ROOT, "a%02d", i);
  }

  @Benchmark
  public TurnResult resolveOneTurn() {
    return Engine.resolve(start, orders);
  }
}
