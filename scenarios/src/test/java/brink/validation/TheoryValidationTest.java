package brink.validation;

import static brink.validation.Fixture.NATO;
import static brink.validation.Fixture.RUS;
import static brink.validation.Fixture.UKR;
import static brink.validation.Fixture.USA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.def.ActorDef;
import brink.engine.def.DyadDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Part III C cases on the feb2022-abstract fixture: directional predictions of the cited theories as the
 * model implements them, with the numbers engine-model.md computed from the spec.
 */
class TheoryValidationTest {
  @Test
  void C1_spiralModelRunsAwayToInadvertentWar() {
    List<GameState> run = Fixture.play(Fixture.start(), 12, t -> Fixture.allWait());
    double[] expected = {42.8414, 48.4164, 54.2563, 60.3904, 66.8463, 73.6504, 80.8291, 88.4087};
    for (int t = 1; t <= 8; t++) {
      assertThat(run.get(t).tension(RUS, UKR)).as("T_%d", t).isCloseTo(expected[t - 1], within(0.00005));
      assertThat(run.get(t).tension(RUS, UKR)).isGreaterThan(run.get(t - 1).tension(RUS, UKR));
    }
    assertThat(run).hasSize(9);
    assertThat(run.get(8).outcome()).isEqualTo(Outcome.WAR_INADVERTENT);
    assertThat(run.get(8).outcomeTurn()).isEqualTo(8);
    assertThat(run.get(7).outcome()).isEqualTo(Outcome.ONGOING);
    // Rung 7, 8, 9, 11 as T crosses 40, 45, 50, 55 and 60 between turns: 10 is skipped.
    assertThat(List.of(run.get(1).rung(RUS, UKR), run.get(2).rung(RUS, UKR), run.get(3).rung(RUS, UKR),
        run.get(4).rung(RUS, UKR))).containsExactly(7, 8, 9, 11);
  }

  /** Largest eigenvalue of the RUS–UKR linearisation at alerts (x, y), with or without mutual talks. */
  private static double largestEigenvalue(Scenario s, int alertRus, int alertUkr, boolean talks) {
    Rules r = s.rules();
    DyadDef ru = dyad(s, RUS, UKR);
    DyadDef ur = dyad(s, UKR, RUS);
    double mu = talks ? r.muTalks() : 0;
    double a11 = -(ru.restraint() + mu);
    double a12 = ru.reaction() * r.kMult(alertRus);
    double a21 = ur.reaction() * r.kMult(alertUkr);
    double a22 = -(ur.restraint() + mu);
    double tr = a11 + a22;
    double det = a11 * a22 - a12 * a21;
    return (tr + Math.sqrt(tr * tr - 4 * det)) / 2;
  }

  private static DyadDef dyad(Scenario s, String from, String to) {
    return s.dyads().stream().filter(d -> d.from().equals(from) && d.to().equals(to)).findFirst().orElseThrow();
  }

  @Test
  void C2_mutualTalksFlipTheSpiralsEigenvalue() {
    Scenario s = Fixture.scenario();
    assertThat(largestEigenvalue(s, 5, 5, false)).isCloseTo(0.0445, within(0.00005));
    assertThat(largestEigenvalue(s, 5, 5, true)).isCloseTo(-0.0155, within(0.00005));
    assertThat(largestEigenvalue(s, 3, 3, false)).isCloseTo(0.0579, within(0.00005));
    assertThat(largestEigenvalue(s, 3, 3, true)).isCloseTo(-0.0021, within(0.00005));
  }

  @Test
  void C2_talksRestrainTheSpiral() {
    List<GameState> quo = Fixture.play(Fixture.start(), 12, t -> Fixture.allWait());
    List<GameState> talks = Fixture.play(Fixture.start(), 12, t -> Fixture.everyoneWaits(Map.of(
        RUS, List.of(Move.toward(MoveType.NEGOTIATE, UKR)),
        UKR, List.of(Move.toward(MoveType.NEGOTIATE, RUS)))));
    for (int t = 1; t <= 8; t++) {
      assertThat(talks.get(t).tension(RUS, UKR)).as("T_%d", t).isLessThan(quo.get(t).tension(RUS, UKR));
    }
    assertThat(talks.get(1).tension(RUS, UKR)).isCloseTo(38.4317, within(0.00005));
    assertThat(talks).hasSize(13);
    assertThat(talks.get(12).tension(RUS, UKR)).isCloseTo(41.7210, within(0.00005));
    assertThat(talks.get(12).outcome()).isEqualTo(Outcome.FROZEN_CONFLICT);
    assertThat(talks.get(12).outcomeTurn()).isEqualTo(12);
  }

  private static GameState afterFourTurns(List<Move> rusMoves) {
    return Fixture.play(Fixture.start(), 4, t -> Fixture.everyoneWaits(Map.of(RUS, rusMoves))).get(4);
  }

  @Test
  void C3_costlySignalsBeatCheapTalk() {
    GameState material = afterFourTurns(List.of(Move.troops(MoveType.WITHDRAW_TROOPS, UKR, 10)));
    GameState verbal = afterFourTurns(List.of(Move.toward(MoveType.STATEMENT_REASSURE, UKR)));
    GameState baseline = afterFourTurns(List.of());
    assertThat(material.hostility(UKR, RUS)).isCloseTo(57.20, within(0.005));
    assertThat(verbal.hostility(UKR, RUS)).isCloseTo(59.87, within(0.005));
    assertThat(baseline.hostility(UKR, RUS)).isCloseTo(61.37, within(0.005));
    assertThat(material.hostility(UKR, RUS)).isLessThan(verbal.hostility(UKR, RUS));
    assertThat(verbal.hostility(UKR, RUS)).isLessThan(baseline.hostility(UKR, RUS));
    assertThat(material.trust(UKR, RUS)).isCloseTo(0.104, within(0.0005));
    assertThat(verbal.trust(UKR, RUS)).isCloseTo(0.048, within(0.0005));
    assertThat(baseline.trust(UKR, RUS)).isEqualTo(0.0);
  }

  /** The fixture with USA's sanctions on RUS in force (C4 lets EASE_SANCTIONS act without prior sanctions). */
  private static Scenario withUsaSanctions(Regime usaRegime) {
    Scenario s = Copies.withDyads(Fixture.scenario(), d -> d.from().equals(USA) && d.to().equals(RUS)
        ? new DyadDef(d.from(), d.to(), d.hostility(), d.restraint(), d.reaction(), d.grievance(), d.trust(),
            d.deployed(), true, d.rationale())
        : d);
    return Copies.withActors(s, a -> a.id().equals(USA)
        ? new ActorDef(a.id(), a.name(), usaRegime, a.nuclear(), a.alert(), a.defaultBot(), a.publicBriefing(),
            a.privateBriefing(), a.stability(), a.econ(), a.reserve(), a.audienceCost())
        : a);
  }

  private static double usaStabilityAfterBackDown(Regime regime, boolean backDown) {
    GameState s = Engine.initial(withUsaSanctions(regime), 1L);
    List<GameState> run = Fixture.play(s, 2, t -> Fixture.everyoneWaits(t == 1
        ? Map.of(USA, List.of(Move.toward(MoveType.THREATEN_SANCTIONS, RUS)))
        : backDown ? Map.of(USA, List.of(Move.toward(MoveType.EASE_SANCTIONS, RUS))) : Map.of()));
    return run.get(2).stability(USA);
  }

  @Test
  void C4_audienceCostsPunishBackingDown() {
    double democracy = usaStabilityAfterBackDown(Regime.DEMOCRACY, true);
    double autocracy = usaStabilityAfterBackDown(Regime.AUTOCRACY, true);
    assertThat(democracy).isCloseTo(94.78, within(0.005));
    assertThat(autocracy).isCloseTo(97.39, within(0.005));
    Rules r = Rules.defaults();
    assertThat((100 - democracy) / (100 - autocracy))
        .isCloseTo(r.audienceAlphaDemocracy() / r.audienceAlphaAutocracy(), within(1e-9))
        .isCloseTo(2.0, within(1e-9));
    assertThat(usaStabilityAfterBackDown(Regime.DEMOCRACY, false)).as("no back-down, no cost").isEqualTo(100.0);
  }

  @Test
  void C6_militaryAidIsPerceivedByTheRecipientsRival() {
    GameState aid = Fixture.play(Fixture.start(), 1, t -> Fixture.everyoneWaits(Map.of(
        USA, List.of(Move.toward(MoveType.MILITARY_AID, UKR))))).get(1);
    GameState none = Fixture.play(Fixture.start(), 1, t -> Fixture.allWait()).get(1);
    assertThat(none.hostility(RUS, USA)).isCloseTo(35.137, within(0.0005));
    assertThat(aid.hostility(RUS, USA)).isCloseTo(37.627, within(0.0005));
    assertThat(aid.hostility(RUS, USA) - none.hostility(RUS, USA)).isCloseTo(0.3 * 8.3, within(1e-9));
    // NATO is in the donor's bloc: the third-party rule spares it; RUS–NATO is unchanged.
    assertThat(aid.hostility(RUS, NATO)).isEqualTo(none.hostility(RUS, NATO));
  }
}
