package brink.validation;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.TurnRecord;
import brink.engine.bot.Bots;
import brink.engine.def.ActorDef;
import brink.engine.def.Outcome;
import brink.engine.def.Scenario;
import brink.engine.sim.Simulation;
import brink.engine.sim.SimulationJson;
import brink.engine.sim.SimulationResult;
import brink.scenario.Library;
import brink.scenario.LoadResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled default scenario {@code eastern-flank-2022}, played headless with every seat on one doctrine
 * (engine-model.md Part II-b "Bots" and "Batch simulation"): nobody acting spirals into war, doves keep the
 * peace, the historical timeline invades on turn 3 (24 February 2022). Incidents are on (p_max 0.25), so
 * each claim is checked over several seeds.
 */
class DefaultScenarioSimulationTest {
  private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 42L, 2022L, 0xC0FFEEL, -7L);
  private static Scenario scenario;

  @BeforeAll
  static void load() {
    LoadResult r = Library.bundled("eastern-flank-2022");
    assertThat(r.errors()).as(r.errorText()).isEmpty();
    scenario = r.scenario();
  }

  private static Map<String, String> everySeat(String bot) {
    Map<String, String> out = new TreeMap<>();
    for (ActorDef a : scenario.actors()) {
      out.put(a.id(), bot);
    }
    return out;
  }

  private static SimulationResult run(String bot, long seed) {
    SimulationResult r = Simulation.run(scenario, seed, Map.of(), everySeat(bot), 0);
    for (TurnRecord t : r.turns()) {
      assertThat(t.rejections()).as(bot + " seed " + seed + " turn " + t.turn()).isEmpty();
    }
    return r;
  }

  @Test
  void everySeatPassive_endsInWar() {
    for (long seed : SEEDS) {
      SimulationResult r = run("passive", seed);
      assertThat(r.outcome().isWar()).as("seed " + seed + ": " + r.outcome()).isTrue();
      // The unstable primary dyad spirals with nobody acting (III C1 on the real scenario).
      assertThat(r.outcome()).as("seed " + seed).isEqualTo(Outcome.WAR_INADVERTENT);
    }
  }

  @Test
  void everySeatDove_endsWithoutWar() {
    for (long seed : SEEDS) {
      SimulationResult r = run("dove", seed);
      assertThat(r.outcome().isWar()).as("seed " + seed + ": " + r.outcome()).isFalse();
      assertThat(r.outcome()).as("seed " + seed).isNotEqualTo(Outcome.ONGOING);
      // Tension in the primary dyad ends lower than it started (37.5, rung 6 "Significant mobilization").
      assertThat(r.last().dyad("rus", "ukr").tension()).as("seed " + seed).isLessThan(37.5);
    }
  }

  @Test
  void everySeatHistorical_endsWarDeliberateOnTurn3() {
    for (long seed : SEEDS) {
      SimulationResult r = run("historical", seed);
      assertThat(r.outcome()).as("seed " + seed).isEqualTo(Outcome.WAR_DELIBERATE);
      assertThat(r.outcomeTurn()).as("seed " + seed).isEqualTo(3);
      assertThat(r.turns()).hasSize(3);
    }
  }

  @Test
  void withoutBotAssignments_everySeatPlaysItsDefaultBot_historical() {
    SimulationResult r = Simulation.run(scenario, 1L, Map.of(), Map.of(), 0);
    for (TurnRecord t : r.turns()) {
      assertThat(t.defaulted()).hasSize(scenario.actors().size()).containsValue("historical")
          .doesNotContainValue("passive");
    }
    assertThat(r.outcome()).isEqualTo(Outcome.WAR_DELIBERATE);
    assertThat(r.outcomeTurn()).isEqualTo(3);
    // The same game as when the simulation submits the historical bot's moves itself: same states, only
    // the seats' submission status differs.
    SimulationResult submitted = run("historical", 1L);
    assertThat(r.digest()).isEqualTo(submitted.digest());
    assertThat(submitted.turns()).allSatisfy(t -> assertThat(t.defaulted()).isEmpty());
  }

  @Test
  void everyDoctrine_isDeterministicAndLocaleIndependentOnTheDefaultScenario() {
    Locale saved = Locale.getDefault();
    try {
      for (String bot : Bots.NAMES) {
        Locale.setDefault(Locale.ROOT);
        String root = SimulationJson.write(run(bot, 42L));
        Locale.setDefault(Locale.FRANCE);
        String fr = SimulationJson.write(run(bot, 42L));
        assertThat(fr).as(bot).isEqualTo(root);
      }
    } finally {
      Locale.setDefault(saved);
    }
  }
}
