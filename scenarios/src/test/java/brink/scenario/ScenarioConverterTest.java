package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Effect;
import brink.engine.def.MoveType;
import brink.engine.def.Objective;
import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import brink.engine.def.Visibility;
import com.google.protobuf.TextFormat;
import org.junit.jupiter.api.Test;

class ScenarioConverterTest {
  private static Scenario convert(String text) throws TextFormat.ParseException {
    brink.protocol.scenario.v1.Scenario.Builder b = brink.protocol.scenario.v1.Scenario.newBuilder();
    TextFormat.merge(text, b);
    return ScenarioConverter.toEngine(b.build());
  }

  @Test
  void toEngine_unsetFields_takeModelDefaults() throws Exception {
    Scenario s =
        convert(
            "id: 'x' actor { id: 'a' } actor { id: 'b' regime: AUTOCRACY alert: 3 }"
                + " dyad { from: 'a' to: 'b' hostility: 10 restraint: 0.3 reaction: 0.1 grievance: 1 }"
                + " dyad { from: 'b' to: 'a' hostility: 20 restraint: 0.3 reaction: 0.1 grievance: 1 }"
                + " primary_dyad { a: 'b' b: 'a' }");
    assertThat(s.turnLengthDays()).isEqualTo(7);
    assertThat(s.rules().maxTurns()).isEqualTo(12);
    assertThat(s.rules().incidentPMax()).isEqualTo(0.25);
    assertThat(s.rules().kMult(3)).isEqualTo(1.1);
    assertThat(s.rules().floorOfAlert(2)).isEqualTo(11);
    assertThat(s.actors().get(0).alert()).isEqualTo(5);
    assertThat(s.actors().get(0).stability()).isEqualTo(100);
    assertThat(s.actors().get(0).defaultBot()).isEqualTo("passive");
    assertThat(s.actors().get(0).name().en()).isEqualTo("a");
    assertThat(s.actors().get(1).regime()).isEqualTo(Regime.AUTOCRACY);
    assertThat(s.actors().get(1).alert()).isEqualTo(3);
    assertThat(s.dyads().get(0).trust()).isZero();
    assertThat(s.primaryDyads()).containsExactly(new Pair("a", "b"));
  }

  @Test
  void toEngine_rulesBlock_overridesOnlyWhatItSets() throws Exception {
    Scenario s =
        convert(
            "id: 'x' rules { incident_p_max: 0 max_turns: 0 alert_k_mult { key: 1 value: 2.0 }"
                + " alert_floor { key: 3 value: 6 } silent_seats_wait: true }");
    assertThat(s.rules().incidentPMax()).isZero();
    assertThat(s.rules().maxTurns()).isZero();
    assertThat(s.rules().kMult(1)).isEqualTo(2.0);
    assertThat(s.rules().kMult(2)).isEqualTo(1.25);
    assertThat(s.rules().floorOfAlert(3)).isEqualTo(6);
    assertThat(s.rules().floorOfAlert(2)).isEqualTo(11);
    assertThat(s.rules().silentSeatsWait()).isTrue();
    assertThat(s.rules().betaVerbal()).isEqualTo(0.3);
  }

  @Test
  void toEngine_injectsObjectivesHistoryAndVisibility_mapFieldForField() throws Exception {
    Scenario s =
        convert(
            "id: 'x'"
                + " inject { id: 'i1' turn: 2 headline { en: 'H' fr: 'T' } visibility: PARTIES audience: 'a'"
                + "   effect { hostility { from: 'a' to: 'b' delta: 2.5 } } effect { set_alert { actor: 'a' alert: 3 } } }"
                + " objective { actor: 'a' id: 'o1' outcome_in { outcome: FROZEN_CONFLICT outcome: SETTLEMENT_TACIT } }"
                + " objective { actor: 'a' id: 'o2' alert_never_below: 3 }"
                + " historical { turn: 3 actor: 'a' move { type: INVADE target: 'b' } date: '2022-02-24' }"
                + " visibility { move: CYBER_ATTACK visibility: PUBLIC }");
    assertThat(s.injects().get(0).headline().in("fr")).isEqualTo("T");
    assertThat(s.injects().get(0).visibility()).isEqualTo(Visibility.PARTIES);
    assertThat(s.injects().get(0).effects())
        .containsExactly(new Effect.Hostility("a", "b", 2.5), new Effect.SetAlert("a", 3));
    assertThat(s.objectives().get(0).test())
        .isEqualTo(new Objective.OutcomeIn(java.util.Set.of(Outcome.FROZEN_CONFLICT, Outcome.SETTLEMENT_TACIT)));
    assertThat(s.objectives().get(1).test()).isEqualTo(new Objective.AlertNeverBelow(3));
    assertThat(s.historical().get(0).move().type()).isEqualTo(MoveType.INVADE);
    assertThat(s.historical().get(0).move().target()).isEqualTo("b");
    assertThat(s.visibility()).containsEntry(MoveType.CYBER_ATTACK, Visibility.PUBLIC);
  }

  @Test
  void moveTypes_protoAndEngine_haveTheSameNames() {
    for (brink.protocol.scenario.v1.MoveType t : brink.protocol.scenario.v1.MoveType.values()) {
      if (t == brink.protocol.scenario.v1.MoveType.MOVE_UNSPECIFIED
          || t == brink.protocol.scenario.v1.MoveType.UNRECOGNIZED) {
        continue;
      }
      assertThat(ScenarioConverter.moveType(t).name()).isEqualTo(t.name());
    }
    assertThat(MoveType.values()).hasSize(brink.protocol.scenario.v1.MoveType.values().length - 2);
  }
}
