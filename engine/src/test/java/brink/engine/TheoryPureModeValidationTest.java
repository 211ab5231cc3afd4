package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Part III C cases that run outside the fixture: C5 in pure mode with θ = 1, C7 on a dyad held at the cap. */
class TheoryPureModeValidationTest {

  private static ScenarioBuilder c5() {
    ScenarioBuilder b = ScenarioBuilder.pure("c5")
        .actor("x", Regime.DEMOCRACY, false, 5, 10)
        .actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 5, 0.3, 0.1, 1)
        .dyad("y", "x", 5, 0.3, 0.1, 1)
        .primary("x", "y");
    b.rules.theta(1);
    return b;
  }

  private static List<GameState> c5Run(Move firstMove) {
    return Runs.run(Engine.initial(c5().build(), 1L), 40, t -> t == 1
        ? Orders.builder().submit("x", firstMove).waitFor("y").build()
        : Orders.builder().waitFor("x").waitFor("y").build());
  }

  @Test
  void C5_mobilizationSinksCostsAndTiesHands() {
    List<GameState> deploy = c5Run(Move.troops(MoveType.DEPLOY_TROOPS, "y", 10));
    List<GameState> statement = c5Run(Move.toward(MoveType.THREATEN_FORCE, "y"));
    // The impulses: material 7.2·m(10) = 2.0813, verbal 0.3·7 = 2.1.
    assertThat(deploy.get(1).hostility("x", "y") - 5).isCloseTo(2.0813, within(0.00005));
    assertThat(statement.get(1).hostility("x", "y") - 5).isCloseTo(2.1, within(1e-12));
    for (int t = 1; t <= 40; t++) {
      assertThat(deploy.get(t).hostility("y", "x")).as("H_YX(D) > H_YX(S) at t=%d", t)
          .isGreaterThan(statement.get(t).hostility("y", "x"));
    }
    assertThat(deploy.get(1).hostility("y", "x")).isCloseTo(5.6931, within(0.00005));
    assertThat(statement.get(1).hostility("y", "x")).isCloseTo(5.0000, within(0.00005));
    assertThat(deploy.get(4).hostility("y", "x")).isCloseTo(7.0853, within(0.00005));
    assertThat(statement.get(4).hostility("y", "x")).isCloseTo(5.3108, within(0.00005));
    assertThat(deploy.get(40).hostility("x", "y")).isCloseTo(5.8664, within(1e-3));
    assertThat(deploy.get(40).hostility("y", "x")).isCloseTo(7.5992, within(1e-3));
    assertThat(statement.get(40).hostility("y", "x")).isCloseTo(5.0002, within(0.00005));
    assertThat(deploy.get(40).deployed("x", "y")).isEqualTo(10.0);
    assertThat(deploy.get(40).reserve("x")).isEqualTo(0.0);
  }

  @Test
  void C7_incidentRiskIsMonotoneInTension() {
    Rules r = Rules.defaults();
    assertThat(Engine.incidentProbability(r, 75)).isCloseTo(r.incidentPMax() / 2, within(1e-15));
    double previous = -1;
    for (int k = 0; k <= 1000; k++) {
      double p = Engine.incidentProbability(r, k / 10.0);
      assertThat(p).isGreaterThan(previous).isBetween(0.0, r.incidentPMax());
      previous = p;
    }
    Rules zero = r.toBuilder().incidentPMax(0).build();
    assertThat(Engine.incidentProbability(zero, 100)).isEqualTo(0.0);
    Rules one = r.toBuilder().incidentPMax(1).build();
    assertThat(Engine.incidentProbability(one, 100)).isCloseTo(0.99807, within(0.000005));
  }

  private static long incidentsAtTheCap(double pMax, long seed) {
    ScenarioBuilder b = new ScenarioBuilder("cap")
        .actor("x", Regime.DEMOCRACY, false, 5, 0)
        .actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 100, 0.1, 0.2, 50)
        .dyad("y", "x", 100, 0.1, 0.2, 50)
        .primary("x", "y");
    b.rules.incidentPMax(pMax).warPersistTurns(0).maxTurns(0);
    List<TurnRecord> records = Runs.records(Engine.initial(b.build(), seed), 200, t -> Orders.none());
    assertThat(records).hasSize(200);
    for (TurnRecord rec : records) {
      assertThat(rec.dyad("x", "y").tension()).isEqualTo(100.0);
      assertThat(rec.draws()).hasSize(1);
    }
    return records.stream().filter(rec -> rec.dyad("x", "y").incident()).count();
  }

  @Test
  void C7_aDyadHeldAtTheCapHasIncidentsAlmostEveryTurn() {
    assertThat(incidentsAtTheCap(1, 7L)).isGreaterThanOrEqualTo(195);
    assertThat(incidentsAtTheCap(0, 7L)).isZero();
  }
}
