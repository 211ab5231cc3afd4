package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnResult;
import brink.engine.def.DyadDef;
import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.scenario.Calibration;
import brink.scenario.CalibrationReport;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The benchmark cases are what the benchmarks claim: the synthetic scenario is large, calibrated stable and
 * unending, and both cases reach turn 1,000 with every order accepted.
 */
class BenchCasesTest {
  @Test
  void fiftyActors_everyPairIsADyad_stableParameters() {
    var sc = GeneratedScenario.fiftyActors();
    assertThat(sc.actors()).hasSize(50);
    assertThat(sc.dyads()).hasSize(50 * 49);
    for (DyadDef d : sc.dyads()) {
      // ab > kl: a stable node (engine-model.md I.1); the Euler map's eigenvalues 1 - a +- 1.5k stay in (0, 1).
      assertThat(d.restraint() * d.restraint()).isGreaterThan(d.reaction() * d.reaction());
      assertThat(1 - d.restraint() + 1.5 * d.reaction()).isLessThan(1);
      assertThat(1 - d.restraint() - 1.5 * d.reaction()).isGreaterThan(0);
    }
    assertThat(sc.rules().maxTurns()).isZero();
    CalibrationReport report = Calibration.report(sc);
    assertThat(report.discretisationStable()).isTrue();
    assertThat(report.dyads()).hasSize(1225).allMatch(CalibrationReport.DyadCalibration::stable);
  }

  @Test
  void fiftyActors_benchmarkOrders_neverEndAndStayBetweenSettlementAndWar() {
    // 150 turns keep the unit tests fast; the benchmark's setup goes to turn 1,000 and fails if the game ends.
    GameState state = Engine.initial(GeneratedScenario.fiftyActors(), 1);
    Orders orders = new Orders(new TreeMap<>(GeneratedScenario.orders()));
    for (int t = 1; t <= 150; t++) {
      TurnResult r = Engine.resolve(state, orders);
      assertThat(r.record().rejections()).as("turn %d rejections", t).isEmpty();
      state = r.next();
    }
    assertThat(state.turn()).isEqualTo(150);
    assertThat(state.tension("a00", "a01")).as("a ring pair, in talks").isBetween(0.0, 80.0);
    assertThat(state.outcome()).isEqualTo(Outcome.ONGOING);
    for (Pair p : state.primaryPairs()) {
      assertThat(state.tension(p.a(), p.b())).isBetween(25.0, 80.0);
    }
  }

  @Test
  void defaultWithTalks_runsOnWithEveryOrderAccepted_talksHoldTheSpiralDown() {
    BenchCases.Case c = BenchCases.defaultWithTalks();
    GameState state = Engine.initial(c.scenario(), 1);
    double start = state.tension("rus", "ukr");
    for (int t = 1; t <= 200; t++) {
      TurnResult r = Engine.resolve(state, c.orders());
      assertThat(r.record().rejections()).as("turn %d rejections", t).isEmpty();
      assertThat(r.record().defaulted()).as("turn %d: every seat submitted", t).isEmpty();
      state = r.next();
    }
    assertThat(state.outcome()).isEqualTo(Outcome.ONGOING);
    assertThat(state.tension("rus", "ukr")).isLessThan(start);
  }
}
