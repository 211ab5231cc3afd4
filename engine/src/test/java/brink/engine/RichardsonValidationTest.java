package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Part III A cases: in pure mode the engine is exactly the discrete Richardson system, so the classical
 * analytic results are hard oracles (engine-model.md §I.1, Part III A).
 */
class RichardsonValidationTest {
  private static final double EXACT = 1e-9;

  private static GameState start(ScenarioBuilder b) {
    return Engine.initial(b.build(), 1L);
  }

  private static double x(GameState s) {
    return s.hostility("x", "y");
  }

  private static double y(GameState s) {
    return s.hostility("y", "x");
  }

  @Test
  void A1_stableEquilibrium() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 2, 1.5, 40, 20)), 300);
    GameState last = run.get(300);
    // x* = (bg + kh)/(ab − kl), y* = (lg + ah)/(ab − kl)
    assertThat(x(last)).isCloseTo((0.3 * 2 + 0.1 * 1.5) / (0.09 - 0.01), within(EXACT)).isCloseTo(9.375, within(EXACT));
    assertThat(y(last)).isCloseTo(8.125, within(EXACT));
  }

  @Test
  void A2_exactDiscretePath() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 2, 1.5, 40, 20)), 10);
    assertThat(x(run.get(10))).isCloseTo(11.713388416, within(EXACT));
    assertThat(y(run.get(10))).isCloseTo(10.350014336, within(EXACT));
    // The same from the closed form H_t = H* + M^t (H0 − H*), M = I + Δt·A.
    double[][] m = {{1 - 0.3, 0.1}, {0.1, 1 - 0.3}};
    double[] v = {40 - 9.375, 20 - 8.125};
    for (int t = 1; t <= 10; t++) {
      v = new double[] {m[0][0] * v[0] + m[0][1] * v[1], m[1][0] * v[0] + m[1][1] * v[1]};
      assertThat(x(run.get(t))).isCloseTo(9.375 + v[0], within(EXACT));
      assertThat(y(run.get(t))).isCloseTo(8.125 + v[1], within(EXACT));
    }
  }

  @Test
  void A3_runawayWhenReactionExceedsRestraint() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, 1, 1, 10, 10)), 20);
    for (int t = 1; t <= 17; t++) {
      double expected = -10 + 20 * Math.pow(1.1, t);
      assertThat(x(run.get(t))).as("x_%d", t).isCloseTo(expected, within(EXACT));
      assertThat(y(run.get(t))).as("y_%d", t).isCloseTo(expected, within(EXACT));
    }
    assertThat(x(run.get(1))).isCloseTo(12, within(EXACT));
    assertThat(x(run.get(10))).isCloseTo(41.874849202, within(EXACT));
    assertThat(x(run.get(16))).isCloseTo(81.899459727, within(EXACT));
    assertThat(x(run.get(17))).isCloseTo(91.089405700, within(EXACT));
    assertThat(x(run.get(18))).isEqualTo(100.0);
    assertThat(y(run.get(18))).isEqualTo(100.0);
  }

  @Test
  void A3_runawayEndsInInadvertentWarAtTurn17() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, 1, 1, 10, 10);
    b.rules.warThreshold(80).warPersistTurns(2).maxTurns(20);
    List<GameState> run = Runs.waiting(start(b), 20);
    GameState last = run.get(run.size() - 1);
    assertThat(last.outcome()).isEqualTo(Outcome.WAR_INADVERTENT);
    assertThat(last.outcomeTurn()).isEqualTo(17);
    assertThat(last.turn()).isEqualTo(17);
    assertThat(run.get(16).outcome()).isEqualTo(Outcome.ONGOING);
    assertThat(last.rung("x", "y")).isGreaterThanOrEqualTo(Ladder.WAR_RUNG);
  }

  @Test
  void A4_saddleStaysAtTheUnstableEquilibrium() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, -1, -1, 10, 10)), 20);
    for (GameState s : run) {
      assertThat(x(s)).isEqualTo(10.0);
      assertThat(y(s)).isEqualTo(10.0);
    }
  }

  @Test
  void A4_saddleBelowTheSeparatrixDisarms() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, -1, -1, 5, 5)), 20);
    double[] expected = {4.5, 3.95, 3.345, 2.6795, 1.94745, 1.142195, 0.2564145};
    for (int t = 1; t <= 7; t++) {
      assertThat(x(run.get(t))).as("x_%d", t).isCloseTo(expected[t - 1], within(EXACT));
      assertThat(y(run.get(t))).as("y_%d", t).isCloseTo(expected[t - 1], within(EXACT));
    }
    for (int t = 8; t <= 20; t++) {
      assertThat(x(run.get(t))).as("x_%d", t).isEqualTo(0.0);
      assertThat(y(run.get(t))).as("y_%d", t).isEqualTo(0.0);
    }
  }

  @Test
  void A4_saddleAboveTheSeparatrixRunsAway() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, -1, -1, 15, 15)), 20);
    double[] expected = {15.5, 16.05, 16.655, 17.3205};
    for (int t = 1; t <= 4; t++) {
      assertThat(x(run.get(t))).isCloseTo(expected[t - 1], within(EXACT));
    }
    for (int t = 1; t <= 20; t++) {
      assertThat(x(run.get(t))).isGreaterThan(x(run.get(t - 1)));
      assertThat(y(run.get(t))).isGreaterThan(y(run.get(t - 1)));
    }
  }

  @Test
  void A5_stableWithNegativeGrievanceDisarms() {
    assertZeroFrom(100, 100, 14);
    assertZeroFrom(50, 50, 11);
    assertZeroFrom(100, 0, 11);
    assertZeroFrom(0, 100, 11);
  }

  private static void assertZeroFrom(double x0, double y0, int firstZeroTurn) {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, -1, -1, x0, y0)), 40);
    GameState before = run.get(firstZeroTurn - 1);
    assertThat(x(before) + y(before)).as("not yet zero at t=%d from (%s,%s)", firstZeroTurn - 1, x0, y0)
        .isGreaterThan(0);
    for (int t = firstZeroTurn; t <= 40; t++) {
      assertThat(x(run.get(t))).as("x_%d from (%s,%s)", t, x0, y0).isEqualTo(0.0);
      assertThat(y(run.get(t))).as("y_%d from (%s,%s)", t, x0, y0).isEqualTo(0.0);
    }
  }

  @Test
  void A6_symmetricDyadStaysSymmetric() {
    List<GameState> run = Runs.waiting(start(ScenarioBuilder.pureDyad(0.2, 0.2, 0.15, 0.15, 1, 1, 30, 30)), 50);
    for (int t = 0; t <= 50; t++) {
      assertThat(x(run.get(t))).isEqualTo(y(run.get(t)));
      assertThat(x(run.get(t))).isCloseTo(20 + 10 * Math.pow(0.95, t), within(EXACT));
    }
    assertThat(x(run.get(50))).isCloseTo(20.769, within(0.0005));
  }

  @Test
  void A7_discretisationGuardTrajectoriesConvergeAtSmallSteps() {
    for (double dt : new double[] {0.1, 0.25}) {
      // Brown's case I: dx = 2y − 5x + 5, dy = 2x − 3y + 5.
      ScenarioBuilder b = ScenarioBuilder.pureDyad(5, 3, 2, 2, 5, 5, 100, 0);
      b.rules.dt(dt);
      GameState last = Runs.waiting(start(b), 400).get(400);
      assertThat(x(last)).as("x at dt=%s", dt).isCloseTo(25.0 / 11, within(EXACT));
      assertThat(y(last)).as("y at dt=%s", dt).isCloseTo(35.0 / 11, within(EXACT));
    }
  }

  @Test
  void A7_impulsesAreNotMultipliedByDt() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(5, 3, 2, 2, 5, 5, 25.0 / 11, 35.0 / 11);
    b.rules.dt(0.1);
    GameState s = start(b);
    GameState next = Engine.resolve(s, Orders.builder()
        .submit("x", brink.engine.def.Move.toward(brink.engine.def.MoveType.CRITICIZE, "y")).waitFor("y").build())
        .next();
    // At the fixed point the Richardson term is 0, so H moves by exactly U = −β_V·w·m = −0.3·(−2)·1 = 0.6.
    assertThat(x(next) - 25.0 / 11).isCloseTo(0.6, within(EXACT));
  }

  @Test
  void A8_comparativeStaticsOfOffenseDominance() {
    GameState raisedK = Runs.waiting(start(ScenarioBuilder.pureDyad(0.3, 0.3, 0.15, 0.1, 2, 1.5, 40, 20)), 400)
        .get(400);
    assertThat(x(raisedK)).isCloseTo(11.0, within(0.05));
    assertThat(y(raisedK)).isCloseTo(8.667, within(0.0005));
    GameState both = Runs.waiting(start(ScenarioBuilder.pureDyad(0.3, 0.3, 0.15, 0.15, 2, 1.5, 40, 20)), 400)
        .get(400);
    assertThat(x(both)).isCloseTo(12.222, within(0.0005));
    assertThat(y(both)).isCloseTo(11.111, within(0.0005));

    double base = x(equilibrium(0.3, 0.1, 2));
    assertThat(x(equilibrium(0.3, 0.12, 2))).as("∂x*/∂k > 0").isGreaterThan(base);
    assertThat(x(equilibrium(0.3, 0.1, 2.5))).as("∂x*/∂g > 0").isGreaterThan(base);
    assertThat(x(equilibrium(0.35, 0.1, 2))).as("∂x*/∂a < 0").isLessThan(base);
  }

  private static GameState equilibrium(double a, double k, double g) {
    return Runs.waiting(start(ScenarioBuilder.pureDyad(a, 0.3, k, 0.1, g, 1.5, 40, 20)), 400).get(400);
  }

  @Test
  void A9_additiveFormOfTheSum() {
    for (double dt : new double[] {1.0, 0.5}) {
      double a = 0.3;
      double k = 0.1;
      double g = 2;
      double h = 1.5;
      ScenarioBuilder b = ScenarioBuilder.pureDyad(a, a, k, k, g, h, 40, 20);
      b.rules.dt(dt);
      List<GameState> run = Runs.waiting(start(b), 60);
      for (int t = 0; t < 60; t++) {
        double sum = x(run.get(t)) + y(run.get(t));
        double nextSum = x(run.get(t + 1)) + y(run.get(t + 1));
        assertThat(nextSum).as("S_%d at dt=%s", t + 1, dt)
            .isCloseTo(sum + dt * ((k - a) * sum + (g + h)), within(EXACT));
      }
    }
  }

  private static Scenario threeNations(double kappa) {
    ScenarioBuilder b = ScenarioBuilder.pure("a10")
        .actor("x", Regime.DEMOCRACY, false, 5, 0)
        .actor("y", Regime.DEMOCRACY, false, 5, 0)
        .actor("z", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 20, 0.3, 0.1, 1)
        .dyad("y", "x", 10, 0.3, 0.1, 1)
        .dyad("x", "z", 30, 0.3, 0.1, 1)
        .dyad("z", "x", 40, 0.3, 0.1, 1)
        .alliance("y", "z")
        .primary("x", "y");
    b.rules.kappa(kappa);
    return b.build();
  }

  @Test
  void A10_nNationReductionWithAllianceCoupling() {
    GameState last = Runs.waiting(Engine.initial(threeNations(0.5), 1L), 400).get(400);
    assertThat(last.hostility("x", "y")).isCloseTo(6.0, within(EXACT));
    assertThat(last.hostility("x", "z")).isCloseTo(6.0, within(EXACT));
    assertThat(last.hostility("y", "x")).isCloseTo(16.0 / 3, within(EXACT));
    assertThat(last.hostility("z", "x")).isCloseTo(16.0 / 3, within(EXACT));
  }

  @Test
  void A10_withoutCouplingTheDyadsAreIndependent() {
    GameState last = Runs.waiting(Engine.initial(threeNations(0), 1L), 400).get(400);
    for (String[] d : new String[][] {{"x", "y"}, {"y", "x"}, {"x", "z"}, {"z", "x"}}) {
      assertThat(last.hostility(d[0], d[1])).isCloseTo(5.0, within(EXACT));
    }
  }
}
