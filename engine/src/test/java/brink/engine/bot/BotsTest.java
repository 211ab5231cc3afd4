package brink.engine.bot;

import static brink.engine.testkit.TestScenario.BLR;
import static brink.engine.testkit.TestScenario.NATO;
import static brink.engine.testkit.TestScenario.RUS;
import static brink.engine.testkit.TestScenario.UKR;
import static brink.engine.testkit.TestScenario.USA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.Engine;
import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.PairState;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import brink.engine.sim.Simulation;
import brink.engine.sim.SimulationResult;
import brink.engine.testkit.TestScenario;
import brink.engine.view.Views;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BotsTest {
  private static final long SEED = 2022L;

  private static GameState start(Scenario s) {
    return Engine.initial(s, SEED);
  }

  /** Everybody waits except the given submissions. */
  private static GameState after(GameState s, Map<String, List<Move>> moves) {
    Orders.Builder b = Orders.builder();
    for (String a : s.actorIds()) {
      b.submit(a, moves.getOrDefault(a, List.of()));
    }
    TurnResult r = Engine.resolve(s, b.build());
    assertThat(r.record().rejections()).as("setup moves must be legal").isEmpty();
    return r.next();
  }

  private static List<Move> play(GameState s, String actor, String bot) {
    return Bots.play(s, actor, bot);
  }

  // ------------------------------------------------------------------ byName

  @Test
  void byName_knowsTheFiveDoctrines_unknownNameListsValidOnes() {
    for (String name : Bots.NAMES) {
      assertThat(Bots.byName(name).name()).isEqualTo(name);
    }
    assertThat(Bots.byName(" Tit-For-Tat ").name()).isEqualTo("tit-for-tat");
    assertThatThrownBy(() -> Bots.byName("kamikaze"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kamikaze")
        .hasMessageContaining("passive, historical, dove, hawk, tit-for-tat");
  }

  // ------------------------------------------------------------------ passive

  @Test
  void passive_submitsWaitEveryTurn_andTheEngineRecordsTheSeatAsDefaulted() {
    GameState s = start(TestScenario.feb2022("passive").build());
    for (int turn = 1; turn <= 3; turn++) {
      for (String a : s.actorIds()) {
        assertThat(play(s, a, "passive")).isEmpty();
      }
      TurnResult r = Engine.resolve(s, Orders.none());
      assertThat(r.record().defaulted()).containsOnlyKeys(s.actorIds().toArray(new String[0]))
          .containsValue("passive");
      assertThat(r.record().events()).isEmpty();
      s = r.next();
    }
  }

  // ------------------------------------------------------------------ historical

  @Test
  void historical_playsTheTimelineForThatTurn_thenWaits_droppingIllegalMoves() {
    Scenario sc = TestScenario.feb2022("historical")
        .historical(1, RUS, Move.toward(MoveType.MILITARY_EXERCISE, UKR))
        .historical(1, RUS, Move.toward(MoveType.THREATEN_FORCE, UKR))
        .historical(1, USA, Move.troops(MoveType.DEPLOY_TROOPS, RUS, 3))
        // Ukraine has no nuclear weapons: the validator rejects it, so the bot drops it.
        .historical(2, UKR, Move.toward(MoveType.NUCLEAR_THREAT, RUS))
        .historical(2, UKR, Move.toward(MoveType.CRITICIZE, RUS))
        .historical(3, RUS, Move.toward(MoveType.INVADE, UKR))
        .build();
    GameState s = start(sc);
    assertThat(play(s, RUS, "historical")).containsExactly(
        Move.toward(MoveType.MILITARY_EXERCISE, UKR), Move.toward(MoveType.THREATEN_FORCE, UKR));
    assertThat(play(s, USA, "historical")).containsExactly(Move.troops(MoveType.DEPLOY_TROOPS, RUS, 3));
    assertThat(play(s, UKR, "historical")).isEmpty();

    TurnResult t1 = Engine.resolve(s, Orders.none());
    assertThat(t1.record().defaulted()).containsEntry(RUS, "historical");
    assertThat(t1.record().events()).extracting(Event::type)
        .containsExactly(MoveType.MILITARY_EXERCISE, MoveType.THREATEN_FORCE, MoveType.DEPLOY_TROOPS);
    GameState s1 = t1.next();
    assertThat(play(s1, RUS, "historical")).isEmpty();
    assertThat(play(s1, UKR, "historical")).containsExactly(Move.toward(MoveType.CRITICIZE, RUS));

    GameState s2 = Engine.resolve(s1, Orders.none()).next();
    assertThat(play(s2, RUS, "historical")).containsExactly(Move.toward(MoveType.INVADE, UKR));
    TurnResult t3 = Engine.resolve(s2, Orders.none());
    assertThat(t3.next().outcome()).hasToString("WAR_DELIBERATE");
    assertThat(t3.record().rejections()).isEmpty();
  }

  @Test
  void historical_cutAtMaxMovesPerTurn() {
    Scenario sc = TestScenario.feb2022("historical")
        .rules(r -> r.maxMovesPerTurn(2))
        .historical(1, RUS, Move.toward(MoveType.CRITICIZE, UKR))
        .historical(1, RUS, Move.toward(MoveType.THREATEN_FORCE, UKR))
        .historical(1, RUS, Move.toward(MoveType.MILITARY_EXERCISE, UKR))
        .build();
    assertThat(play(start(sc), RUS, "historical")).containsExactly(
        Move.toward(MoveType.CRITICIZE, UKR), Move.toward(MoveType.THREATEN_FORCE, UKR));
  }

  // ------------------------------------------------------------------ dove

  @Test
  void dove_negotiatesWithPrimaryPartner_lowersAlert_reassuresHighestTension() {
    GameState s = start(TestScenario.feb2022("dove").build());
    // RUS: primary partner UKR; alert 3 < 5; highest T among UKR 37.5, NATO 32.5, USA 30 is UKR.
    assertThat(play(s, RUS, "dove")).containsExactly(Move.toward(MoveType.NEGOTIATE, UKR),
        Move.of(MoveType.LOWER_ALERT), Move.toward(MoveType.STATEMENT_REASSURE, UKR));
    // USA has no primary dyad: rule (1) gives nothing; alert 4; its only partner is RUS.
    assertThat(play(s, USA, "dove")).containsExactly(
        Move.of(MoveType.LOWER_ALERT), Move.toward(MoveType.STATEMENT_REASSURE, RUS));
  }

  @Test
  void dove_atAlertFive_doesNotLower_andDropsNegotiationWhenRelationsAreBroken() {
    Scenario sc = TestScenario.feb2022("dove")
        .pairState(new PairState(new Pair(RUS, UKR), false, 0, false, true))
        .build();
    GameState s = start(sc);
    // Relations broken: NEGOTIATE is illegal (RELATIONS_BROKEN) and is dropped; REASSURE is still legal.
    assertThat(Engine.validateSubmission(s, RUS, List.of(Move.toward(MoveType.NEGOTIATE, UKR)))).isNotEmpty();
    assertThat(play(s, RUS, "dove")).containsExactly(
        Move.of(MoveType.LOWER_ALERT), Move.toward(MoveType.STATEMENT_REASSURE, UKR));

    Scenario calm = new TestScenario("calm")
        .actor("x", Regime.DEMOCRACY, false, 5, 0, "dove")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "dove")
        .dyad("x", "y", 20, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .build();
    assertThat(play(start(calm), "x", "dove")).containsExactly(
        Move.toward(MoveType.NEGOTIATE, "y"), Move.toward(MoveType.STATEMENT_REASSURE, "y"));
  }

  @Test
  void dove_cutAtMaxMovesPerTurn() {
    GameState s = start(TestScenario.feb2022("dove").rules(r -> r.maxMovesPerTurn(2)).build());
    assertThat(play(s, RUS, "dove")).containsExactly(
        Move.toward(MoveType.NEGOTIATE, UKR), Move.of(MoveType.LOWER_ALERT));
  }

  // ------------------------------------------------------------------ hawk

  @Test
  void hawk_answersHostileMoveInKind_raisesAlert_deploysTowardHighestTension() {
    Scenario sc = TestScenario.feb2022("hawk").rules(r -> r.maxMovesPerTurn(5)).build();
    GameState s1 = after(start(sc), Map.of(
        UKR, List.of(Move.toward(MoveType.CRITICIZE, RUS), Move.toward(MoveType.IMPOSE_SANCTIONS, RUS)),
        // Friendly moves are not answered.
        USA, List.of(Move.toward(MoveType.HOTLINE_CALL, RUS))));
    // Rival with the highest T: RUS–UKR (well above RUS–NATO and RUS–USA); BLR is an ally, not a rival.
    assertThat(s1.tension(RUS, UKR)).isGreaterThan(s1.tension(RUS, NATO)).isGreaterThan(s1.tension(RUS, USA));
    assertThat(play(s1, RUS, "hawk")).containsExactly(
        Move.toward(MoveType.CRITICIZE, UKR),
        Move.toward(MoveType.IMPOSE_SANCTIONS, UKR),
        Move.of(MoveType.RAISE_ALERT),
        Move.troops(MoveType.DEPLOY_TROOPS, UKR, 10));
  }

  @Test
  void hawk_fallsBackToThreatenForce_whenTheSameMoveIsIllegal() {
    GameState s1 = after(start(TestScenario.feb2022("hawk").build()),
        Map.of(RUS, List.of(Move.toward(MoveType.NUCLEAR_THREAT, UKR))));
    // UKR is not nuclear: NUCLEAR_THREAT back is illegal, so THREATEN_FORCE; alert 3 > 2 so RAISE_ALERT;
    // UKR has no reserve, so nothing to deploy.
    assertThat(play(s1, UKR, "hawk")).containsExactly(
        Move.toward(MoveType.THREATEN_FORCE, RUS), Move.of(MoveType.RAISE_ALERT));
  }

  @Test
  void hawk_atAlertTwo_doesNotRaise_andCapsTheDeploymentAtItsReserve() {
    Scenario sc = new TestScenario("two")
        .actor("x", Regime.DEMOCRACY, false, 2, 4, "hawk")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .dyad("x", "y", 20, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .build();
    assertThat(play(start(sc), "x", "hawk")).containsExactly(Move.troops(MoveType.DEPLOY_TROOPS, "y", 4));
  }

  @Test
  void hawk_withUnits_deploysAUnitOnAlertToARegionFacingTheRival() {
    Scenario sc = new TestScenario("units")
        .actor("x", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .dyad("x", "y", 20, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .region("home", List.of(), List.of())
        .region("a-front", List.of("y"), List.of("x"))
        .region("b-front", List.of("y"), List.of())
        .unit("u1", "x", 5000, "home", false)
        .unit("u2", "x", 5000, "home", true)
        .build();
    // u1 is not on alert; a-front is barred for x: the first legal pair is (u2, b-front).
    assertThat(play(start(sc), "x", "hawk"))
        .containsExactly(Move.of(MoveType.RAISE_ALERT), Move.unit(MoveType.DEPLOY_TROOPS, "u2", "b-front"));
  }

  @Test
  void hawk_withUnits_prefersOwnSoilThenAlliesAndFewestFacedActors_neverRepositionsNorEntersThirdCountries() {
    Scenario sc = new TestScenario("soil")
        .actor("x", Regime.DEMOCRACY, false, 2, 0, "hawk")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .actor("z", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .actor("w", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .dyad("x", "y", 40, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 40, 0.3, 0.1, 1, 0)
        .dyad("x", "z", 20, 0.3, 0.1, 1, 0)
        .dyad("z", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .alliance("x", "w")
        .region("home", "x", List.of(), List.of())
        .region("a-neutral", "z", List.of("y"), List.of())  // a third country's soil: never
        .region("b-ally-wide", "w", List.of("y", "z"), List.of())
        .region("c-ally-narrow", "w", List.of("y"), List.of())
        .region("d-border", "x", List.of("y", "z"), List.of())
        .unit("u0", "x", 5000, "d-border", true)  // already faces y: moving it would only reposition
        .unit("u1", "x", 5000, "home", true)
        .build();
    GameState s = start(sc);
    // Alert 2: no RAISE_ALERT. Rival with the highest T is y; u0 is skipped; u1 goes to x's own d-border.
    assertThat(play(s, "x", "hawk")).containsExactly(Move.unit(MoveType.DEPLOY_TROOPS, "u1", "d-border"));

    Scenario noOwn = new TestScenario("soil2")
        .actor("x", Regime.DEMOCRACY, false, 2, 0, "hawk")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .actor("z", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .actor("w", Regime.DEMOCRACY, false, 5, 0, "hawk")
        .dyad("x", "y", 40, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 40, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .alliance("x", "w")
        .region("home", "x", List.of(), List.of())
        .region("a-neutral", "z", List.of("y"), List.of())
        .region("b-ally-wide", "w", List.of("y", "z"), List.of())
        .region("c-ally-narrow", "w", List.of("y"), List.of())
        .unit("u1", "x", 5000, "home", true)
        .build();
    assertThat(play(start(noOwn), "x", "hawk"))
        .containsExactly(Move.unit(MoveType.DEPLOY_TROOPS, "u1", "c-ally-narrow"));
  }

  // ------------------------------------------------------------------ tit-for-tat

  @Test
  void titForTat_cooperatesFirst_thenMirrorsFlow() {
    GameState s = start(TestScenario.feb2022("tit-for-tat").build());
    // Turn 1: NEGOTIATE toward each partner in descending T: UKR 37.5, NATO 32.5, USA 30.
    assertThat(play(s, RUS, "tit-for-tat")).containsExactly(Move.toward(MoveType.NEGOTIATE, UKR),
        Move.toward(MoveType.NEGOTIATE, NATO), Move.toward(MoveType.NEGOTIATE, USA));

    GameState s1 = after(s, Map.of(
        UKR, List.of(Move.toward(MoveType.NEGOTIATE, RUS)),        // F = +7 ≥ 4
        NATO, List.of(Move.toward(MoveType.HOTLINE_CALL, RUS)),    // F = +1
        USA, List.of(Move.toward(MoveType.THREATEN_FORCE, RUS)))); // F = −7
    List<String> byTension = Bots.partnersByTension(Views.actor(s1, RUS), List.of(NATO, UKR, USA));
    assertThat(byTension.get(0)).isEqualTo(UKR);
    Map<String, Move> expected = new TreeMap<>(Map.of(
        UKR, Move.toward(MoveType.NEGOTIATE, UKR),
        NATO, Move.toward(MoveType.HOTLINE_CALL, NATO),
        USA, Move.toward(MoveType.THREATEN_FORCE, USA)));
    assertThat(play(s1, RUS, "tit-for-tat")).containsExactly(
        expected.get(byTension.get(0)), expected.get(byTension.get(1)), expected.get(byTension.get(2)));
    // BLR made no move toward UKR: F = 0, nothing; UKR made none toward BLR either.
    assertThat(play(s1, BLR, "tit-for-tat")).isEmpty();
  }

  @Test
  void titForTat_flowThresholds_areThoseOfTheRules() {
    assertThat(TitForTatBot.answer(7.0)).isEqualTo(MoveType.NEGOTIATE);
    assertThat(TitForTatBot.answer(4.0)).isEqualTo(MoveType.NEGOTIATE);
    assertThat(TitForTatBot.answer(3.99)).isEqualTo(MoveType.HOTLINE_CALL);
    assertThat(TitForTatBot.answer(0.01)).isEqualTo(MoveType.HOTLINE_CALL);
    assertThat(TitForTatBot.answer(0.0)).isNull();
    assertThat(TitForTatBot.answer(-0.01)).isEqualTo(MoveType.CRITICIZE);
    assertThat(TitForTatBot.answer(-5.0)).isEqualTo(MoveType.CRITICIZE);
    assertThat(TitForTatBot.answer(-5.01)).isEqualTo(MoveType.DEMAND_WITHDRAWAL);
    assertThat(TitForTatBot.answer(-6.99)).isEqualTo(MoveType.DEMAND_WITHDRAWAL);
    assertThat(TitForTatBot.answer(-7.0)).isEqualTo(MoveType.THREATEN_FORCE);
    assertThat(TitForTatBot.answer(-20.0)).isEqualTo(MoveType.THREATEN_FORCE);
  }

  // ------------------------------------------------------------------ every doctrine, a whole game

  @Test
  void everyBot_onlyEverSubmitsLegalMoves_overAWholeGame() {
    for (String bot : Bots.NAMES) {
      Scenario sc = TestScenario.feb2022(bot).rules(r -> r.incidentPMax(0.25)).build();
      SimulationResult r = Simulation.run(sc, 99L, Map.of(), Map.of(), 0);
      for (TurnRecord t : r.turns()) {
        assertThat(t.rejections()).as(bot + " turn " + t.turn()).isEmpty();
        assertThat(t.defaulted()).as(bot).containsValue(bot);
      }
    }
  }

  @Test
  void engineResolve_usesTheScenarioDefaultBotForSeatsAbsentFromTheOrders() {
    GameState s = start(TestScenario.feb2022("dove").build());
    TurnRecord r = Engine.resolve(s, Orders.builder().waitFor(UKR).build()).record();
    assertThat(r.defaulted()).doesNotContainKey(UKR).containsEntry(RUS, "dove");
    assertThat(r.events()).anyMatch(e -> e.actor().equals(RUS) && e.type() == MoveType.NEGOTIATE);
    assertThat(r.events()).noneMatch(e -> e.actor().equals(UKR));
  }

  @Test
  void botRandom_isStreamTwoPlusRank_counterBased() {
    BotRandom a = new BotRandom(SEED, 3, 4);
    BotRandom b = new BotRandom(SEED, 3, 4);
    assertThat(a.stream()).isEqualTo(5);
    double first = a.next();
    assertThat(first).isEqualTo(brink.engine.Rng.u(SEED, 5, 4, 0)).isEqualTo(b.next());
    assertThat(a.next()).isEqualTo(brink.engine.Rng.u(SEED, 5, 4, 1));
    assertThat(a.drawn()).isEqualTo(2);
    for (int k = 0; k < 100; k++) {
      assertThat(a.nextInt(3)).isBetween(0, 2);
    }
  }
}
