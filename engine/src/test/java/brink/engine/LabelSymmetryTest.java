package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Part III D3: renaming the actors renames the output, nothing else (no incidents, no covert moves). */
class LabelSymmetryTest {
  private static final Map<String, String> RENAME = Map.of("a", "zulu", "b", "alpha", "c", "mike");

  private static Scenario scenario(UnaryOperator<String> id) {
    ScenarioBuilder b = new ScenarioBuilder("d3")
        .actor(id.apply("a"), Regime.DEMOCRACY, true, 4, 30)
        .actor(id.apply("b"), Regime.AUTOCRACY, false, 3, 20)
        .actor(id.apply("c"), Regime.DEMOCRACY, false, 5, 10)
        .dyad(id.apply("a"), id.apply("b"), 40, 0.1, 0.12, 2, 5)
        .dyad(id.apply("b"), id.apply("a"), 30, 0.09, 0.15, 1.5)
        .dyad(id.apply("a"), id.apply("c"), 20, 0.2, 0.05, 1)
        .dyad(id.apply("c"), id.apply("a"), 25, 0.15, 0.07, 0.5)
        .dyad(id.apply("b"), id.apply("c"), 15, 0.3, 0.1, 1.2)
        .dyad(id.apply("c"), id.apply("b"), 10, 0.25, 0.1, 0.8)
        .alliance(id.apply("b"), id.apply("c"))
        .primary(id.apply("a"), id.apply("b"));
    b.rules.incidentPMax(0).kappa(0.3);
    return b.build();
  }

  private static Orders orders(int turn, UnaryOperator<String> id) {
    Orders.Builder o = Orders.builder();
    switch (turn % 3) {
      case 1:
        o.submit(id.apply("a"), Move.troops(MoveType.DEPLOY_TROOPS, id.apply("b"), 10), Move.of(MoveType.RAISE_ALERT),
            Move.toward(MoveType.NEGOTIATE, id.apply("b")));
        o.submit(id.apply("b"), Move.toward(MoveType.NEGOTIATE, id.apply("a")),
            Move.toward(MoveType.MILITARY_AID, id.apply("c")));
        o.submit(id.apply("c"), Move.mediate(id.apply("a"), id.apply("b")), Move.toward(MoveType.CRITICIZE, id.apply("a")));
        break;
      case 2:
        o.submit(id.apply("a"), Move.toward(MoveType.THREATEN_FORCE, id.apply("c")),
            Move.toward(MoveType.IMPOSE_SANCTIONS, id.apply("b")));
        o.submit(id.apply("b"), Move.of(MoveType.LOWER_ALERT), Move.toward(MoveType.HUMANITARIAN_AID, id.apply("a")));
        o.submit(id.apply("c"));
        break;
      default:
        o.submit(id.apply("a"), Move.troops(MoveType.WITHDRAW_TROOPS, id.apply("b"), 5),
            Move.toward(MoveType.EASE_SANCTIONS, id.apply("b")));
        o.submit(id.apply("b"), Move.toward(MoveType.ULTIMATUM, id.apply("a")));
        o.submit(id.apply("c"), Move.toward(MoveType.HOTLINE_CALL, id.apply("b")));
        break;
    }
    return o.build();
  }

  @Test
  void D3_labelPermutationPermutesTheOutput() {
    UnaryOperator<String> same = UnaryOperator.identity();
    UnaryOperator<String> renamed = RENAME::get;
    List<GameState> a = Runs.run(Engine.initial(scenario(same), 5L), 12, t -> orders(t, same));
    List<GameState> b = Runs.run(Engine.initial(scenario(renamed), 5L), 12, t -> orders(t, renamed));
    assertThat(b).hasSameSizeAs(a).hasSize(13);
    List<String> ids = List.of("a", "b", "c");
    for (int t = 0; t < a.size(); t++) {
      GameState x = a.get(t);
      GameState y = b.get(t);
      assertThat(y.outcome()).isEqualTo(x.outcome());
      for (String i : ids) {
        String ri = RENAME.get(i);
        assertThat(y.alert(ri)).isEqualTo(x.alert(i));
        assertThat(y.stability(ri)).isEqualTo(x.stability(i));
        assertThat(y.audienceCost(ri)).isEqualTo(x.audienceCost(i));
        assertThat(y.escalationTotal(ri)).isEqualTo(x.escalationTotal(i));
        assertThat(y.reserve(ri)).isEqualTo(x.reserve(i));
        assertThat(y.econ(ri)).isEqualTo(x.econ(i));
        for (String j : ids) {
          if (i.equals(j)) {
            continue;
          }
          String rj = RENAME.get(j);
          assertThat(y.hostility(ri, rj)).as("t=%d H %s→%s", t, i, j).isEqualTo(x.hostility(i, j));
          assertThat(y.trust(ri, rj)).as("t=%d τ %s→%s", t, i, j).isEqualTo(x.trust(i, j));
          assertThat(y.deployed(ri, rj)).isEqualTo(x.deployed(i, j));
          assertThat(y.progress(ri, rj)).isEqualTo(x.progress(i, j));
          assertThat(y.rung(ri, rj)).isEqualTo(x.rung(i, j));
          assertThat(y.floor(ri, rj)).isEqualTo(x.floor(i, j));
          assertThat(y.sanctions(ri, rj)).isEqualTo(x.sanctions(i, j));
          assertThat(y.talksActive(ri, rj)).isEqualTo(x.talksActive(i, j));
        }
      }
    }
    assertThat(a.get(1).hostility("a", "b")).as("the scenario is not trivial").isNotEqualTo(40.0);
    assertThat(Runs.records(Engine.initial(scenario(same), 5L), 6, t -> orders(t, same)))
        .as("every move of the first two cycles is accepted")
        .allSatisfy(r -> assertThat(r.rejections()).as("turn %d", r.turn()).isEmpty());
  }
}
