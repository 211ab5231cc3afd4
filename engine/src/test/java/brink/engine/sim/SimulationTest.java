package brink.engine.sim;

import static brink.engine.testkit.TestScenario.BLR;
import static brink.engine.testkit.TestScenario.NATO;
import static brink.engine.testkit.TestScenario.RUS;
import static brink.engine.testkit.TestScenario.UKR;
import static brink.engine.testkit.TestScenario.USA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.DyadRecord;
import brink.engine.Ladder;
import brink.engine.TurnRecord;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Outcome;
import brink.engine.def.Scenario;
import brink.engine.testkit.TestScenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static Scenario passive() {
    return TestScenario.feb2022("passive").build();
  }

  /** A run that exercises incidents, covert detection, bots and a script. */
  private static SimulationResult busyRun(long seed) {
    Scenario sc = TestScenario.feb2022("tit-for-tat").rules(r -> r.incidentPMax(0.25)).build();
    Map<Integer, Map<String, List<Move>>> script = Map.of(
        1, Map.of(RUS, List.of(Move.toward(MoveType.CYBER_ATTACK, UKR), Move.toward(MoveType.THREATEN_FORCE, UKR))),
        2, Map.of(UKR, List.of(Move.toward(MoveType.CYBER_ATTACK, RUS), Move.toward(MoveType.NUCLEAR_THREAT, RUS))));
    return Simulation.run(sc, seed, script, Map.of(USA, "hawk", NATO, "dove"), 0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> arr(Object o) {
    return (List<Object>) o;
  }

  @Test
  void passiveFixture_spiralsIntoInadvertentWarOnTurn8() {
    // engine-model.md III C1: with no moves the fixture's primary dyad reaches WAR_INADVERTENT at turn 8.
    SimulationResult r = Simulation.run(passive(), 1L, Map.of(), Map.of(), 0);
    assertThat(r.outcome()).isEqualTo(Outcome.WAR_INADVERTENT);
    assertThat(r.outcomeTurn()).isEqualTo(8);
    assertThat(r.turns()).hasSize(8);
    assertThat(r.scenarioId()).isEqualTo("feb2022-abstract");
    assertThat(r.digest()).hasSize(64).isEqualTo(Simulation.digest(r.turns()));
  }

  @Test
  void json_isOneDocumentWithTheDocumentedKeysInOrder() {
    SimulationResult r = busyRun(5L);
    String json = SimulationJson.write(r);
    assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
    Map<String, Object> doc = obj(MiniJson.parse(json));
    assertThat(doc.keySet()).containsExactly("scenario", "seed", "outcome", "turns", "digest");
    assertThat(doc.get("scenario")).isEqualTo("feb2022-abstract");
    assertThat(doc.get("seed")).isEqualTo("5");
    assertThat(obj(doc.get("outcome")).keySet()).containsExactly("type", "turn");
    assertThat(obj(doc.get("outcome")).get("type")).isEqualTo(r.outcome().name());
    assertThat(obj(doc.get("outcome")).get("turn")).isEqualTo(Integer.toString(r.outcomeTurn()));
    assertThat(doc.get("digest")).isEqualTo(r.digest());

    List<Object> turns = arr(doc.get("turns"));
    assertThat(turns).hasSize(r.turns().size());
    for (int k = 0; k < turns.size(); k++) {
      Map<String, Object> t = obj(turns.get(k));
      TurnRecord rec = r.turns().get(k);
      assertThat(t.keySet()).containsExactly("turn", "dyads", "actors", "events", "rejections", "defaulted");
      assertThat(t.get("turn")).isEqualTo(Integer.toString(rec.turn()));
      List<Object> dyads = arr(t.get("dyads"));
      assertThat(dyads).hasSize(rec.dyads().size());
      for (int d = 0; d < dyads.size(); d++) {
        Map<String, Object> dy = obj(dyads.get(d));
        DyadRecord dr = rec.dyads().get(d);
        assertThat(dy.keySet()).containsExactly("a", "b", "tension", "hostility_ab", "hostility_ba", "rung",
            "rung_name", "ladder_group", "progress", "signed");
        assertThat(dy.get("tension"))
            .isEqualTo(new BigDecimal(dr.tension()).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
        assertThat((String) dy.get("hostility_ab")).matches("-?\\d+\\.\\d{6}");
        assertThat(dy.get("rung_name")).isEqualTo(Ladder.name(dr.rung()).en());
        assertThat(dy.get("ladder_group")).isEqualTo(dr.ladderGroup().name());
        assertThat(dy.get("signed")).isEqualTo(dr.signed());
      }
      for (Object a : arr(t.get("actors"))) {
        assertThat(obj(a).keySet()).containsExactly("id", "alert", "escalation_score", "stability");
      }
      assertThat(arr(t.get("events"))).hasSize(rec.events().size());
      for (Object e : arr(t.get("events"))) {
        assertThat(obj(e).keySet()).containsExactly("actor", "type", "target", "target_b", "unit", "region",
            "quantity", "cameo", "goldstein", "magnitude", "verbal", "es", "visibility", "detected", "effect");
      }
      assertThat(arr(t.get("rejections"))).hasSize(rec.rejections().size());
      for (Object x : arr(t.get("rejections"))) {
        assertThat(obj(x).keySet()).containsExactly("actor", "move", "reason", "detail");
      }
      assertThat(arr(t.get("defaulted"))).hasSize(rec.defaulted().size());
    }
    // UKR's scripted NUCLEAR_THREAT on turn 2 is rejected (not nuclear) and shows with its move.
    Map<String, Object> rejection = obj(arr(obj(turns.get(1)).get("rejections")).get(0));
    assertThat(rejection.get("reason")).isEqualTo("NOT_NUCLEAR");
    assertThat(obj(rejection.get("move")).keySet())
        .containsExactly("type", "target", "target_b", "unit", "region", "quantity");
    assertThat(obj(arr(obj(turns.get(0)).get("defaulted")).get(0)).keySet()).containsExactly("actor", "bot");
  }

  @Test
  void sameSeedAndScript_giveByteIdenticalJson() {
    String first = SimulationJson.write(busyRun(11L));
    String second = SimulationJson.write(busyRun(11L));
    assertThat(second).isEqualTo(first);
    assertThat(busyRun(11L).digest()).isEqualTo(busyRun(11L).digest());
  }

  @Test
  void json_sameBytesUnderFrenchAndRootLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = SimulationJson.write(busyRun(3L));
      String rootTable = SimulationTable.write(busyRun(3L), "fr");
      Locale.setDefault(Locale.FRANCE);
      String fr = SimulationJson.write(busyRun(3L));
      String frTable = SimulationTable.write(busyRun(3L), "fr");
      assertThat(fr).isEqualTo(root);
      assertThat(frTable).isEqualTo(rootTable);
      assertThat(root).contains(".").doesNotContain("\"tension\":4,"); // decimals with a point
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void differentSeed_changesOnlyTheRandomDraws() {
    // No incidents and no covert move: nothing depends on the seed but the draws themselves.
    Scenario sc = TestScenario.feb2022("tit-for-tat").build();
    Map<Integer, Map<String, List<Move>>> script =
        Map.of(1, Map.of(RUS, List.of(Move.toward(MoveType.THREATEN_FORCE, UKR))));
    SimulationResult a = Simulation.run(sc, 1L, script, Map.of(USA, "hawk"), 0);
    SimulationResult b = Simulation.run(sc, 2L, script, Map.of(USA, "hawk"), 0);
    assertThat(a.turns()).hasSameSizeAs(b.turns());
    for (int k = 0; k < a.turns().size(); k++) {
      TurnRecord x = a.turns().get(k);
      TurnRecord y = b.turns().get(k);
      assertThat(y.draws()).extracting(d -> d.value()).isNotEqualTo(x.draws().stream().map(d -> d.value()).toList());
      assertThat(y.draws()).extracting(d -> d.subject()).isEqualTo(x.draws().stream().map(d -> d.subject()).toList());
      TurnRecord yWithXDraws = new TurnRecord(y.turn(), y.dyads(), y.actors(), y.events(), y.rejections(),
          y.defaulted(), y.injectsFired(), x.draws(), y.flows(), y.outcome(), x.stateDigest());
      assertThat(yWithXDraws).isEqualTo(x);
    }
    String ja = SimulationJson.write(a).replace("\"seed\":1,", "\"seed\":N,").replace(a.digest(), "D");
    String jb = SimulationJson.write(b).replace("\"seed\":2,", "\"seed\":N,").replace(b.digest(), "D");
    assertThat(jb).isEqualTo(ja);

    // With incidents on, the draws decide incidents, so two seeds may part ways; the draw schedule stays.
    SimulationResult c = busyRun(1L);
    SimulationResult d = busyRun(2L);
    assertThat(c.turns().get(0).draws()).extracting(x -> x.subject())
        .isEqualTo(d.turns().get(0).draws().stream().map(x -> x.subject()).toList());
    assertThat(c.digest()).isNotEqualTo(d.digest());
  }

  @Test
  void seats_scriptWinsOverBotAssignment_whichWinsOverTheDefaultBot() {
    Scenario sc = TestScenario.feb2022("dove").build();
    Map<Integer, Map<String, List<Move>>> script = Map.of(
        1, Map.of(RUS, List.of(Move.toward(MoveType.CRITICIZE, UKR)), UKR, List.of()));
    SimulationResult r = Simulation.run(sc, 4L, script, Map.of(RUS, "hawk", USA, "passive"), 2);
    TurnRecord t1 = r.turns().get(0);
    assertThat(t1.events()).filteredOn(e -> e.actor().equals(RUS)).extracting(e -> e.type())
        .containsExactly(MoveType.CRITICIZE);
    assertThat(t1.events()).noneMatch(e -> e.actor().equals(UKR) || e.actor().equals(USA));
    assertThat(t1.defaulted()).containsOnlyKeys(BLR, NATO).containsValue("dove");
    // Turn 2: RUS is no longer scripted and plays hawk (answering nothing, raising its alert).
    TurnRecord t2 = r.turns().get(1);
    assertThat(t2.events()).filteredOn(e -> e.actor().equals(RUS)).extracting(e -> e.type())
        .contains(MoveType.RAISE_ALERT);
    assertThat(t2.defaulted()).containsOnlyKeys(BLR, NATO, UKR);
  }

  @Test
  void silentSeatsWaitScenario_stillPlaysTheDefaultBotInASimulation() {
    Scenario sc = TestScenario.feb2022("dove").rules(r -> r.silentSeatsWait(true)).build();
    TurnRecord t1 = Simulation.run(sc, 4L, Map.of(), Map.of(), 1).turns().get(0);
    assertThat(t1.defaulted()).isEmpty();
    assertThat(t1.events()).anyMatch(e -> e.actor().equals(RUS) && e.type() == MoveType.NEGOTIATE);
  }

  @Test
  void turnLimit_stopsEarly_outcomeOngoingWithNullTurn() {
    SimulationResult r = Simulation.run(passive(), 1L, Map.of(), Map.of(), 3);
    assertThat(r.turns()).hasSize(3);
    assertThat(r.outcome()).isEqualTo(Outcome.ONGOING);
    assertThat(r.outcomeTurn()).isZero();
    assertThat(SimulationJson.write(r)).contains("\"outcome\":{\"type\":\"ONGOING\",\"turn\":null}");
  }

  @Test
  void badArguments_areRejectedWithAMessageSayingWhatToDo() {
    Scenario sc = passive();
    assertThatThrownBy(() -> Simulation.run(sc, 1L, Map.of(), Map.of("chn", "hawk"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chn").hasMessageContaining("blr, nato, rus, ukr, usa");
    assertThatThrownBy(() -> Simulation.run(sc, 1L, Map.of(), Map.of(RUS, "berserk"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'berserk' for actor 'rus'")
        .hasMessageContaining("valid bots are: passive, historical, dove, hawk, tit-for-tat");
    assertThatThrownBy(() -> Simulation.run(sc, 1L, Map.of(0, Map.of(RUS, List.of())), Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("turns start at 1");
    assertThatThrownBy(() -> Simulation.run(sc, 1L, Map.of(1, Map.of("xyz", List.of())), Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xyz");
    Scenario endless = TestScenario.feb2022("passive").rules(r -> r.maxTurns(0)).build();
    assertThatThrownBy(() -> Simulation.run(endless, 1L, Map.of(), Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--turns");
  }

  @Test
  void table_turnByTurnWithRungNamesInEnglishOrFrench() {
    SimulationResult r = Simulation.run(passive(), 1L, Map.of(), Map.of(), 0);
    String en = SimulationTable.write(r, "en");
    String fr = SimulationTable.write(r, "fr");
    int rung = r.last().dyad(RUS, UKR).rung();
    assertThat(en).contains("Turn 1\n").contains("Turn 8\n").contains(Ladder.name(rung).en())
        .contains("Outcome: inadvertent war on turn 8").contains(r.digest());
    assertThat(fr).contains("Tour 1\n").contains(Ladder.name(rung).fr())
        .contains("Issue : guerre par inadvertance au tour 8");
    assertThat(en).contains("rus-ukr").contains(SimulationTable.num(r.last().dyad(RUS, UKR).tension()));
    assertThatThrownBy(() -> SimulationTable.write(r, "de"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("en or fr");
  }
}
