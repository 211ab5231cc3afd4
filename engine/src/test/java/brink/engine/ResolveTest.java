package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.def.Condition;
import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.engine.def.PairState;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import brink.engine.def.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The turn pipeline's rules one by one (engine-model.md Part II §4, Part II-c §1–§10). */
class ResolveTest {
  private static final double EPS = 1e-12;

  /** x–y (primary) and y–z dyads, all at alert 5, no incidents. */
  private static ScenarioBuilder world() {
    ScenarioBuilder b = new ScenarioBuilder("mech")
        .actor("x", Regime.DEMOCRACY, true, 5, 20)
        .actor("y", Regime.AUTOCRACY, false, 5, 0)
        .actor("z", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 30, 0.1, 0.1, 1)
        .dyad("y", "x", 30, 0.1, 0.1, -1)
        .dyad("y", "z", 20, 0.2, 0.1, 1)
        .dyad("z", "y", 20, 0.2, 0.1, 1)
        .primary("x", "y");
    b.rules.incidentPMax(0);
    return b;
  }

  private static GameState start(ScenarioBuilder b) {
    return Engine.initial(b.build(), 1L);
  }

  private static TurnResult play(GameState s, Object... actorThenMoves) {
    Orders.Builder o = Orders.builder();
    for (String a : s.actorIds()) {
      o.waitFor(a);
    }
    String actor = null;
    for (Object x : actorThenMoves) {
      if (x instanceof String) {
        actor = (String) x;
      } else {
        o.submit(actor, (Move) x);
      }
    }
    return Engine.resolve(s, o.build());
  }

  @Test
  void resolve_mutualTalks_addRestraintAndBuildProgress() {
    GameState s = start(world());
    TurnResult r = play(s, "x", Move.toward(MoveType.NEGOTIATE, "y"), "y", Move.toward(MoveType.NEGOTIATE, "x"));
    Rules rules = Rules.defaults();
    GameState n = r.next();
    assertThat(n.talksActive("x", "y")).isTrue();
    assertThat(n.talksOpen("x", "y")).isTrue();
    assertThat(n.progress("x", "y")).isCloseTo(0.25 * (1 - 30.0 / 100), within(EPS));
    // τ_xy = ρ₊·c·w·m/10 = 0.1·0.3·7/10; U_xy = −β_V·w = −2.1; a_eff = a + μ.
    double tau = rules.rhoPlus() * 0.3 * 7 / 10;
    assertThat(n.trust("x", "y")).isCloseTo(tau, within(EPS));
    double expected = 30 + (0.1 * (1 - 0.5 * tau) * 30 - (0.1 + 0.06) * 30 + 1) - 2.1;
    assertThat(n.hostility("x", "y")).isCloseTo(expected, within(EPS));
    assertThat(r.record().dyad("x", "y").talksActive()).isTrue();
  }

  @Test
  void resolve_unilateralNegotiate_isTalkIntentOnly() {
    GameState n = play(start(world()), "x", Move.toward(MoveType.NEGOTIATE, "y")).next();
    assertThat(n.talksActive("x", "y")).isFalse();
    assertThat(n.talksOpen("x", "y")).isTrue();
    assertThat(n.progress("x", "y")).isZero();
  }

  private static GameState withPair(double progress, boolean talksOpen) {
    return start(world().pairState(new PairState(new Pair("x", "y"), talksOpen, progress, false, false)));
  }

  @Test
  void resolve_haltTalks_halvesProgressAndClosesTalks() {
    GameState one = play(withPair(1.0, true), "x", Move.toward(MoveType.HALT_TALKS, "y")).next();
    assertThat(one.progress("x", "y")).isEqualTo(0.5);
    assertThat(one.talksOpen("x", "y")).isFalse();
    assertThat(one.floor("x", "y")).isEqualTo(4);
    GameState both = play(withPair(1.0, true), "x", Move.toward(MoveType.HALT_TALKS, "y"),
        "y", Move.toward(MoveType.HALT_TALKS, "x")).next();
    assertThat(both.progress("x", "y")).isEqualTo(0.25);
    GameState rejected = play(withPair(1.0, true), "y", Move.toward(MoveType.REJECT_TALKS, "x"),
        "x", Move.toward(MoveType.PROPOSE_TALKS, "y")).next();
    assertThat(rejected.talksOpen("x", "y")).as("refusal wins over a proposal in the same turn").isFalse();
    assertThat(rejected.progress("x", "y")).isEqualTo(1.0);
  }

  @Test
  void resolve_mutualSign_signsHalvesGrievancesAndAddsTrust() {
    GameState s = withPair(1.0, true);
    TurnResult r = play(s, "x", Move.toward(MoveType.SIGN_AGREEMENT, "y"), "y", Move.toward(MoveType.SIGN_AGREEMENT, "x"));
    GameState n = r.next();
    assertThat(n.signed("x", "y")).isTrue();
    assertThat(n.grievance("x", "y")).isEqualTo(0.5);
    assertThat(n.grievance("y", "x")).as("goodwill is not halved").isEqualTo(-1.0);
    double signTrust = 0.1 * 0.3 * 8 / 10;
    assertThat(n.trust("x", "y")).isCloseTo(signTrust + 0.3, within(EPS));
    assertThat(n.trust("y", "x")).isCloseTo(signTrust + 0.3, within(EPS));
    // Step 5 used this turn's trust before the agreement bonus: H_xy with τ = signTrust only, g0 = 1.
    double expected = 30 + (0.1 * (1 - 0.5 * signTrust) * 30 - 0.1 * 30 + 1) - 0.3 * 8;
    assertThat(n.hostility("x", "y")).isCloseTo(expected, within(EPS));
    GameState lone = play(s, "x", Move.toward(MoveType.SIGN_AGREEMENT, "y")).next();
    assertThat(lone.signed("x", "y")).isFalse();
    assertThat(lone.grievance("x", "y")).isEqualTo(1.0);
    assertThat(lone.trust("y", "x")).isCloseTo(signTrust, within(EPS));
  }

  @Test
  void resolve_breakRelations_blocksTalksUntilRestored() {
    GameState s = withPair(0.5, true);
    TurnResult broken = play(s, "x", Move.toward(MoveType.BREAK_RELATIONS, "y"));
    assertThat(broken.next().relationsBroken("x", "y")).isTrue();
    assertThat(broken.next().talksOpen("x", "y")).isFalse();
    assertThat(broken.next().floor("x", "y")).isEqualTo(10);
    TurnResult tryTalk = play(broken.next(), "y", Move.toward(MoveType.NEGOTIATE, "x"));
    assertThat(tryTalk.record().rejections()).extracting(Rejection::reason)
        .containsExactly(RejectionReason.RELATIONS_BROKEN);
    GameState restored = play(tryTalk.next(), "y", Move.toward(MoveType.RESTORE_RELATIONS, "x")).next();
    assertThat(restored.relationsBroken("x", "y")).isFalse();
    assertThat(Engine.validateSubmission(restored, "y", List.of(Move.toward(MoveType.NEGOTIATE, "x")))).isEmpty();
  }

  @Test
  void resolve_sanctions_costBothEconomiesAndSetTheFlag() {
    TurnResult r = play(start(world()), "x", Move.toward(MoveType.IMPOSE_SANCTIONS, "y"));
    assertThat(r.next().econ("y")).isEqualTo(95.0);
    assertThat(r.next().econ("x")).isEqualTo(99.0);
    assertThat(r.next().sanctions("x", "y")).isTrue();
    assertThat(r.next().floor("x", "y")).isEqualTo(7);
    GameState eased = play(r.next(), "x", Move.toward(MoveType.EASE_SANCTIONS, "y")).next();
    assertThat(eased.sanctions("x", "y")).isFalse();
    assertThat(eased.progress("x", "y")).as("a yield adds progress").isCloseTo(0.2, within(EPS));
  }

  @Test
  void resolve_mediate_addsProgressToTheMediatedDyad() {
    GameState s = start(world());
    TurnResult r = play(s, "z", Move.mediate("x", "y"));
    assertThat(r.next().progress("x", "y")).isCloseTo(0.05, within(EPS));
    // z has a dyad with y only: impulse and trust there, nothing toward x.
    assertThat(r.next().trust("y", "z")).isCloseTo(0.1 * 0.3 * 5 / 10, within(EPS));
    double expected = 20 + (0.1 * 20 - 0.2 * 20 + 1) - 0.3 * 5;
    assertThat(r.next().hostility("z", "y")).isCloseTo(expected, within(EPS));
    assertThat(r.record().events()).singleElement().satisfies(e -> {
      assertThat(e.visibility()).isEqualTo(Visibility.PARTIES);
      assertThat(e.parties()).containsExactly("x", "y", "z");
    });
  }

  @Test
  void resolve_raiseAlert_actsOnEveryDyadOfTheMover() {
    TurnResult r = play(start(world()), "y", Move.of(MoveType.RAISE_ALERT));
    GameState quiet = play(start(world())).next();
    GameState n = r.next();
    assertThat(n.alert("y")).isEqualTo(4);
    // Impulse −β_M·w·m = 7.2·0.5 on both of y's hostilities; kMult(4) = 1.
    assertThat(n.hostility("y", "x") - quiet.hostility("y", "x")).isCloseTo(3.6, within(EPS));
    assertThat(n.hostility("y", "z") - quiet.hostility("y", "z")).isCloseTo(3.6, within(EPS));
    assertThat(n.floor("x", "y")).isEqualTo(5);
    assertThat(n.floor("y", "z")).isEqualTo(5);
    assertThat(r.record().actor("y").escalationScore()).isEqualTo(4);
    assertThat(r.record().events()).hasSize(1);
  }

  @Test
  void resolve_floorDecaysOneRungPerTurn() {
    GameState s = play(start(world()), "x", Move.toward(MoveType.ULTIMATUM, "y")).next();
    assertThat(s.floor("x", "y")).isEqualTo(4);
    int[] expected = {3, 2, 1, 0, 0};
    for (int f : expected) {
      s = play(s).next();
      assertThat(s.floor("x", "y")).isEqualTo(f);
    }
  }

  @Test
  void resolve_incidents_followTheirDrawAndAddImpulseAndFloor() {
    int hits = 0;
    int misses = 0;
    for (long seed = 1; seed <= 40; seed++) {
      ScenarioBuilder b = world();
      b.dyads.clear();
      b.dyad("x", "y", 72, 0.1, 0.1, 0).dyad("y", "x", 72, 0.1, 0.1, 0)
          .dyad("y", "z", 20, 0.2, 0.1, 1).dyad("z", "y", 20, 0.2, 0.1, 1);
      b.rules.incidentPMax(1);
      GameState s = Engine.initial(b.build(), seed);
      TurnResult r = play(s);
      // Without the incident H stays at 72 (k = a, g = 0), so T = 72 and p = 1/(1 + e^{3/4}).
      double p = Engine.incidentProbability(b.build().rules(), 72);
      double u = Rng.u(seed, Rng.STREAM_INCIDENTS, 1, 0);
      boolean hit = u < p;
      assertThat(r.record().dyad("x", "y").incident()).isEqualTo(hit);
      assertThat(r.record().draws().get(0).value()).isEqualTo(u);
      if (hit) {
        hits++;
        assertThat(r.next().hostility("x", "y")).isCloseTo(77, within(EPS));
        assertThat(r.next().floor("x", "y")).isEqualTo(8);
      } else {
        misses++;
        assertThat(r.next().hostility("x", "y")).isCloseTo(72, within(EPS));
      }
    }
    assertThat(hits).isPositive();
    assertThat(misses).isPositive();
  }

  @Test
  void resolve_covertMoves_drawDetectionOnStreamOne() {
    int detected = 0;
    int hidden = 0;
    for (long seed = 1; seed <= 30; seed++) {
      GameState s = Engine.initial(world().build(), seed);
      TurnResult r = play(s, "x", Move.toward(MoveType.CYBER_ATTACK, "y"), Move.toward(MoveType.CRITICIZE, "y"));
      double u = Rng.u(seed, Rng.STREAM_COVERT, 1, 0);
      boolean seen = u < 0.5;
      Draw draw = r.record().draws().stream().filter(d -> d.stream() == Rng.STREAM_COVERT).findFirst().orElseThrow();
      assertThat(draw.index()).isZero();
      assertThat(draw.value()).isEqualTo(u);
      assertThat(draw.hit()).isEqualTo(seen);
      Event cyber = r.record().events().stream().filter(e -> e.type() == MoveType.CYBER_ATTACK).findFirst().orElseThrow();
      assertThat(cyber.visibility()).isEqualTo(Visibility.COVERT);
      assertThat(cyber.detected()).isEqualTo(seen);
      double criticize = -2.0;
      double cyberFlow = -9.2 * 0.6;
      assertThat(r.next().visibleFlow("x", "y")).isCloseTo(seen ? criticize + cyberFlow : criticize, within(EPS));
      assertThat(r.record().flows().get(0).value()).as("true flow").isCloseTo(criticize + cyberFlow, within(EPS));
      if (seen) {
        detected++;
      } else {
        hidden++;
      }
    }
    assertThat(detected).isPositive();
    assertThat(hidden).isPositive();
  }

  @Test
  void resolve_visibilityOverride_makesAMoveCovert() {
    GameState s = start(world().visibility(MoveType.CRITICIZE, Visibility.COVERT));
    TurnResult r = play(s, "x", Move.toward(MoveType.CRITICIZE, "y"), "z", Move.toward(MoveType.CRITICIZE, "y"));
    assertThat(r.record().draws()).filteredOn(d -> d.stream() == Rng.STREAM_COVERT)
        .extracting(Draw::index, Draw::subject).containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "x:CRITICIZE:y:"),
            org.assertj.core.groups.Tuple.tuple(1, "z:CRITICIZE:y:"));
  }

  @Test
  void resolve_fixedTurnInject_appliesItsEffectsAtTheStartOfStep3() {
    InjectDef inject = new InjectDef("news", 2, null, null, null, "", Visibility.PUBLIC, List.of(), List.of(
        new Effect.Hostility("x", "y", 5),
        new Effect.Trust("y", "x", 0.4),
        new Effect.SetAlert("y", 2),
        new Effect.Deployed("x", "y", 7),
        new Effect.TalksOpen("x", "y", true),
        new Effect.Sanctions("y", "x", true)));
    GameState s = start(world().inject(inject));
    GameState t1 = play(s).next();
    assertThat(t1.injectFired("news")).isFalse();
    GameState w1 = play(start(world())).next();
    GameState plain = play(w1, "y", Move.of(MoveType.RAISE_ALERT)).next();
    TurnResult r = play(t1, "y", Move.of(MoveType.RAISE_ALERT));
    GameState n = r.next();
    assertThat(r.record().injectsFired()).containsExactly("news");
    assertThat(n.injectFired("news")).isTrue();
    assertThat(n.alert("y")).as("set to 2, then raised one step").isEqualTo(1);
    assertThat(n.deployed("x", "y")).isEqualTo(7.0);
    assertThat(n.talksOpen("x", "y")).isTrue();
    assertThat(n.sanctions("y", "x")).isTrue();
    assertThat(n.trust("y", "x")).isCloseTo(0.4, within(EPS));
    assertThat(n.trust("x", "y")).as("y's alert move costs x's trust").isCloseTo(0, within(EPS));
    // +5 on U_xy; x's own reaction is unchanged (same τ_xy, alert, D_yx).
    assertThat(n.hostility("x", "y")).isCloseTo(plain.hostility("x", "y") + 5, within(1e-9));
    assertThat(r.record().events()).first().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("inject:news");
      assertThat(e.fromInject()).isTrue();
      assertThat(e.effect()).isEqualTo("hostility +5.0");
    });
    assertThat(r.record().events()).filteredOn(Event::fromInject).hasSize(6);
    assertThat(play(n).record().injectsFired()).isEmpty();
  }

  @Test
  void resolve_conditionalInject_firesOnceOnTheFirstTurnItsPredicateHolds() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(0.1, 0.1, 0.2, 0.2, 1, 1, 10, 10);
    b.inject(new InjectDef("crisis", 0, new Condition("x", "y", 14.0, null, 1), null, null, "", Visibility.PUBLIC,
        List.of(), List.of(new Effect.Hostility("y", "x", 1))));
    GameState s = Engine.initial(b.build(), 1L);
    // x_t = y_t = −10 + 20·1.1^t: T_1 = 12, T_2 = 14.2 → the inject's predicate holds on S_2, so it fires in turn 3.
    int firedOn = -1;
    for (int t = 1; t <= 8; t++) {
      TurnResult r = Engine.resolve(s, Orders.none());
      if (!r.record().injectsFired().isEmpty()) {
        assertThat(firedOn).as("fires once").isEqualTo(-1);
        firedOn = t;
      }
      s = r.next();
    }
    assertThat(firedOn).isEqualTo(3);
  }

  @Test
  void resolve_injectMovesAUnit() {
    ScenarioBuilder b = world().region("home", List.of(), List.of()).region("front", List.of("y"), List.of())
        .unit("u", "x", 10_000, "home", false)
        .inject(new InjectDef("move", 1, null, null, null, "", Visibility.PARTIES, List.of("y", "x"),
            List.of(new Effect.MoveUnit("u", "front"))));
    TurnResult r = play(start(b));
    assertThat(r.next().unitLocation("u")).isEqualTo("front");
    assertThat(r.next().deployed("x", "y")).isEqualTo(10.0);
    assertThat(r.record().events()).singleElement().satisfies(e -> {
      assertThat(e.visibility()).isEqualTo(Visibility.PARTIES);
      assertThat(e.parties()).containsExactly("x", "y");
      assertThat(e.unit()).isEqualTo("u");
    });
  }

  @Test
  void end_formalSettlement() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 1, 1, 10, 10)
        .pairState(new PairState(new Pair("x", "y"), true, 1.0, false, false));
    b.rules.settleThreshold(25).warPersistTurns(2);
    TurnResult r = play(Engine.initial(b.build(), 1L), "x", Move.toward(MoveType.SIGN_AGREEMENT, "y"),
        "y", Move.toward(MoveType.SIGN_AGREEMENT, "x"));
    assertThat(r.next().outcome()).isEqualTo(Outcome.SETTLEMENT_FORMAL);
    assertThat(r.record().outcome()).isEqualTo(Outcome.SETTLEMENT_FORMAL);
    assertThat(r.next().outcomeTurn()).isEqualTo(1);
  }

  @Test
  void end_tacitSettlementAfterThreeCalmTurnsWithTroopsHalved() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 1, 1, 10, 10);
    b.dyads.set(0, new brink.engine.def.DyadDef("x", "y", 10, 0.3, 0.1, 1, 0, 10, false, ""));
    b.rules.settleThreshold(25).settlePersistTurns(3).maxTurns(20);
    GameState s = Engine.initial(b.build(), 1L);
    // Calm, but the 10k stay: no settlement.
    assertThat(Runs.waiting(s, 5).get(5).outcome()).isEqualTo(Outcome.ONGOING);
    List<GameState> run = Runs.run(s, 10, t -> t == 1
        ? Orders.builder().submit("x", Move.troops(MoveType.WITHDRAW_TROOPS, "y", 5)).build()
        : Orders.none());
    assertThat(run.get(2).tacitStreak()).isEqualTo(2);
    assertThat(run).hasSize(4);
    assertThat(run.get(3).outcome()).isEqualTo(Outcome.SETTLEMENT_TACIT);
  }

  @Test
  void end_frozenConflictAtTheLastTurnOrEarlyWhenEnabled() {
    ScenarioBuilder b = ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 10, 10, 50, 50);
    b.rules.maxTurns(6).settleThreshold(25).warPersistTurns(2);
    List<GameState> run = Runs.waiting(Engine.initial(b.build(), 1L), 10);
    assertThat(run).hasSize(7);
    assertThat(run.get(6).outcome()).isEqualTo(Outcome.FROZEN_CONFLICT);
    b.rules.earlyFrozen(true).maxTurns(0);
    List<GameState> early = Runs.waiting(Engine.initial(b.build(), 1L), 10);
    assertThat(early).hasSize(5);
    assertThat(early.get(4).outcome()).isEqualTo(Outcome.FROZEN_CONFLICT);
  }

  @Test
  void objectives_areEvaluatedOnTheFinalState() {
    ScenarioBuilder b = world()
        .objective(new brink.engine.def.Objective("x", "no-war", null,
            new brink.engine.def.Objective.OutcomeIn(java.util.Set.of(Outcome.FROZEN_CONFLICT))))
        .objective(new brink.engine.def.Objective("x", "calm", null,
            new brink.engine.def.Objective.TensionAtMost("x", "y", 20)))
        .objective(new brink.engine.def.Objective("x", "pressure", null,
            new brink.engine.def.Objective.TensionAtLeast("x", "y", 20)))
        .objective(new brink.engine.def.Objective("x", "cool", null,
            new brink.engine.def.Objective.AlertNeverBelow(4)))
        .objective(new brink.engine.def.Objective("x", "stable", null,
            new brink.engine.def.Objective.StabilityAtLeast(90)))
        .objective(new brink.engine.def.Objective("x", "light", null,
            new brink.engine.def.Objective.DeployedAtMost("x", "y", 5)));
    b.rules.maxTurns(3);
    List<GameState> run = Runs.run(start(b), 3, t -> {
      Orders.Builder o = Orders.builder();
      if (t == 1) {
        o.submit("x", Move.of(MoveType.RAISE_ALERT), Move.troops(MoveType.DEPLOY_TROOPS, "y", 10));
      } else if (t == 2) {
        o.submit("x", Move.of(MoveType.RAISE_ALERT));
      } else {
        o.submit("x", Move.of(MoveType.LOWER_ALERT));
      }
      return o.build();
    });
    GameState last = run.get(3);
    assertThat(last.outcome()).isEqualTo(Outcome.FROZEN_CONFLICT);
    assertThat(last.alert("x")).isEqualTo(4);
    assertThat(last.minAlert("x")).isEqualTo(3);
    Objectives.Score score = Objectives.evaluate(last).stream().filter(x -> x.actor().equals("x")).findFirst()
        .orElseThrow();
    assertThat(score.results()).extracting(r -> r.objective().id() + "=" + r.met()).containsExactly(
        "no-war=true", "calm=false", "pressure=true", "cool=false", "stable=true", "light=false");
    assertThat(score.met()).isEqualTo(3);
    assertThat(score.total()).isEqualTo(6);
    assertThat(score.escalationTotal()).isEqualTo(last.escalationTotal("x")).isEqualTo(4 + 12 + 4 - 2);
    assertThat(Objectives.evaluate(last)).extracting(Objectives.Score::actor).containsExactly("x", "y", "z");
  }
}
