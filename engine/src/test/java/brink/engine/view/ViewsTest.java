package brink.engine.view;

import static brink.engine.testkit.TestScenario.BLR;
import static brink.engine.testkit.TestScenario.NATO;
import static brink.engine.testkit.TestScenario.RUS;
import static brink.engine.testkit.TestScenario.UKR;
import static brink.engine.testkit.TestScenario.USA;
import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.ActorRecord;
import brink.engine.DyadRecord;
import brink.engine.Engine;
import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.Rng;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.bot.Bots;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import brink.engine.def.Visibility;
import brink.engine.testkit.TestScenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
  private static final long SEED = 7L;

  private static TurnResult turn(GameState s, Map<String, List<Move>> moves) {
    Orders.Builder b = Orders.builder();
    for (String a : s.actorIds()) {
      b.submit(a, moves.getOrDefault(a, List.of()));
    }
    TurnResult r = Engine.resolve(s, b.build());
    assertThat(r.record().rejections()).as("setup moves must be legal").isEmpty();
    return r;
  }

  private static Scenario feb(double detection) {
    return TestScenario.feb2022("passive").rules(r -> r.detectionProbability(detection)).build();
  }

  // ------------------------------------------------------------------ what a view carries

  @Test
  void actorView_trueTensionAndRungOfEveryDyad_hostilityOfOwnDyadsOnly() {
    GameState s = Engine.initial(feb(0.5), SEED);
    ActorView usa = Views.actor(s, USA);
    DyadView rusUkr = usa.dyads().stream().filter(d -> d.contains(RUS) && d.contains(UKR)).findFirst().get();
    assertThat(rusUkr.tension()).isEqualTo(s.tension(RUS, UKR));
    assertThat(rusUkr.rung()).isEqualTo(s.rung(RUS, UKR));
    assertThat(rusUkr.own()).isFalse();
    assertThat(rusUkr.hostilityAB()).isNull();
    assertThat(rusUkr.hostilityBA()).isNull();
    assertThat(rusUkr.progress()).isNull();
    assertThat(rusUkr.talksOpen()).isNull();
    // Deployments are PUBLIC by default: satellites see the 100k facing Ukraine.
    assertThat(rusUkr.deployedFrom(RUS)).isEqualTo(100.0);

    DyadView own = usa.dyadWith(RUS);
    assertThat(own.own()).isTrue();
    assertThat(own.hostilityFrom(USA)).isEqualTo(s.hostility(USA, RUS));
    assertThat(own.hostilityFrom(RUS)).isEqualTo(s.hostility(RUS, USA));
    assertThat(usa.trust()).containsOnlyKeys(RUS);
    assertThat(usa.alert()).isEqualTo(4);
    assertThat(usa.alerts()).containsEntry(RUS, 3).containsEntry(UKR, 3).hasSize(5);
    assertThat(usa.reserve()).isEqualTo(8.5);
    assertThat(usa.partners()).containsExactly(RUS);
    assertThat(usa.allies()).containsExactly(NATO);
    assertThat(usa.primaryPartners()).isEmpty();
    assertThat(usa.turn()).isEqualTo(1);

    ObserverView obs = Views.observer(s);
    assertThat(obs.dyads()).allSatisfy(d -> {
      assertThat(d.hostilityAB()).isNull();
      assertThat(d.hostilityBA()).isNull();
      assertThat(d.own()).isFalse();
    });
    assertThat(obs.dyads()).extracting(DyadView::tension)
        .containsExactly(s.tension(BLR, UKR), s.tension(NATO, RUS), s.tension(RUS, UKR), s.tension(RUS, USA));
  }

  @Test
  void covertUndetectedCyberAttack_isVisibleOnlyToItsMover() {
    GameState s = Engine.initial(feb(0.0), SEED);
    TurnResult r = turn(s, Map.of(RUS, List.of(Move.toward(MoveType.CYBER_ATTACK, UKR))));
    Event cyber = r.record().events().get(0);
    assertThat(cyber.visibility()).isEqualTo(Visibility.COVERT);
    assertThat(cyber.detected()).isFalse();

    ActorView ukr = Views.actor(r.next(), UKR);
    assertThat(ukr.lastEvents()).isEmpty();
    assertThat(ukr.lastFlow(RUS, UKR)).isZero();
    assertThat(ukr.lastEscalation()).containsEntry(RUS, 0);
    assertThat(Views.actor(r.next(), USA).lastEvents()).isEmpty();
    assertThat(Views.observer(r.next()).lastEvents()).isEmpty();
    ActorView rus = Views.actor(r.next(), RUS);
    assertThat(rus.lastEvents()).containsExactly(cyber);
    assertThat(rus.lastFlow(RUS, UKR)).isEqualTo(-9.2 * 0.6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rus.lastEscalation()).containsEntry(RUS, 12);

    for (Viewer v : List.of(Viewer.actor(UKR), Viewer.actor(USA), Viewer.OBSERVER)) {
      TurnRecord rep = Views.report(r.record(), v);
      assertThat(rep.events()).as(v.toString()).isEmpty();
      assertThat(rep.flows()).as(v.toString()).allSatisfy(f -> assertThat(f.value()).isZero());
      assertThat(rep.actors()).as(v.toString()).filteredOn(a -> a.id().equals(RUS))
          .extracting(ActorRecord::escalationScore).containsExactly(0);
      assertThat(rep.draws()).as(v.toString()).allSatisfy(d -> assertThat(d.stream()).isZero());
      assertThat(rep.stateDigest()).isEmpty();
    }
    TurnRecord truth = Views.report(r.record(), Viewer.INSTRUCTOR);
    assertThat(truth).isSameAs(r.record());
    assertThat(truth.draws()).anyMatch(d -> d.stream() == Rng.STREAM_COVERT);
  }

  @Test
  void covertDetectedCyberAttack_isVisibleToItsTarget_notToThirdParties() {
    GameState s = Engine.initial(feb(1.0), SEED);
    TurnResult r = turn(s, Map.of(RUS, List.of(Move.toward(MoveType.CYBER_ATTACK, UKR))));
    ActorView ukr = Views.actor(r.next(), UKR);
    assertThat(ukr.lastEvents()).extracting(Event::type).containsExactly(MoveType.CYBER_ATTACK);
    assertThat(ukr.lastFlow(RUS, UKR)).isEqualTo(r.next().visibleFlow(RUS, UKR));
    assertThat(ukr.lastFlow(RUS, UKR)).isNegative();
    assertThat(Views.actor(r.next(), USA).lastEvents()).isEmpty();
    assertThat(Views.report(r.record(), Viewer.actor(NATO)).events()).isEmpty();
  }

  @Test
  void partiesNegotiation_isShownToOthersAsContactOnly() {
    GameState s = Engine.initial(feb(0.5), SEED);
    TurnResult r = turn(s, Map.of(RUS, List.of(Move.toward(MoveType.NEGOTIATE, UKR))));
    Event negotiate = r.record().events().get(0);
    assertThat(negotiate.visibility()).isEqualTo(Visibility.PARTIES);

    ActorView ukr = Views.actor(r.next(), UKR);
    assertThat(ukr.lastEvents()).containsExactly(negotiate);
    assertThat(ukr.lastFlow(RUS, UKR)).isEqualTo(7.0);
    assertThat(ukr.lastEscalation()).containsEntry(RUS, -2);

    ActorView usa = Views.actor(r.next(), USA);
    assertThat(usa.lastEvents()).hasSize(1);
    Event contact = usa.lastEvents().get(0);
    assertThat(Views.isContact(contact)).isTrue();
    assertThat(contact.actor()).isEqualTo(RUS);
    assertThat(contact.target()).isEqualTo(UKR);
    assertThat(contact.type()).isEqualTo(MoveType.WAIT);
    assertThat(contact.cameo()).isEmpty();
    assertThat(contact.goldstein()).isZero();
    assertThat(contact.esPoints()).isZero();
    assertThat(usa.lastFlow(RUS, UKR)).isZero();
    assertThat(usa.lastEscalation()).containsEntry(RUS, 0);
    assertThat(Views.observer(r.next()).lastEvents()).containsExactly(contact);

    TurnRecord rep = Views.report(r.record(), Viewer.actor(USA));
    assertThat(rep.events()).containsExactly(contact);
    DyadRecord rusUkr = rep.dyad(RUS, UKR);
    assertThat(rusUkr.tension()).isEqualTo(r.record().dyad(RUS, UKR).tension());
    assertThat(rusUkr.hostilityAB()).isNaN();
    assertThat(rusUkr.hostilityBA()).isNaN();
    assertThat(rusUkr.progress()).isNaN();
    assertThat(rusUkr.floor()).isEqualTo(Views.UNKNOWN);
    assertThat(rep.dyad(RUS, USA).hostilityAB()).isEqualTo(r.record().dyad(RUS, USA).hostilityAB());
  }

  @Test
  void report_ownRejectionsOnly_othersPrivateNumbersHidden_historySumsVisibleScores() {
    GameState s = Engine.initial(feb(0.0), SEED);
    Orders orders = Orders.builder()
        .submit(UKR, Move.toward(MoveType.NUCLEAR_THREAT, RUS)) // rejected: not nuclear
        .submit(RUS, Move.toward(MoveType.CYBER_ATTACK, UKR), Move.toward(MoveType.THREATEN_FORCE, UKR))
        .build();
    TurnResult r1 = Engine.resolve(s, orders);
    TurnResult r2 = Engine.resolve(r1.next(), Orders.builder()
        .submit(RUS, Move.toward(MoveType.CRITICIZE, UKR)).build());
    assertThat(r1.record().rejections()).extracting(x -> x.actor()).containsExactly(UKR);

    TurnRecord forUkr = Views.report(r1.record(), Viewer.actor(UKR));
    TurnRecord forUsa = Views.report(r1.record(), Viewer.actor(USA));
    assertThat(forUkr.rejections()).hasSize(1);
    assertThat(forUsa.rejections()).isEmpty();
    ActorRecord rusSeenByUkr = forUkr.actor(RUS);
    // THREATEN_FORCE (12) is public, the undetected cyber attack (12) is not.
    assertThat(r1.record().actor(RUS).escalationScore()).isEqualTo(24);
    assertThat(rusSeenByUkr.escalationScore()).isEqualTo(12);
    assertThat(rusSeenByUkr.escalationTotal()).isEqualTo(Views.UNKNOWN);
    assertThat(rusSeenByUkr.stability()).isNaN();
    assertThat(rusSeenByUkr.alert()).isEqualTo(r1.record().actor(RUS).alert());
    assertThat(forUkr.actor(UKR)).isEqualTo(r1.record().actor(UKR));
    assertThat(forUkr.defaulted()).isEqualTo(r1.record().defaulted());

    List<TurnRecord> hist = Views.history(s.scenario(), List.of(r1.record(), r2.record()), Viewer.actor(UKR));
    assertThat(hist.get(0).actor(RUS).escalationTotal()).isEqualTo(12);
    assertThat(hist.get(1).actor(RUS).escalationTotal()).isEqualTo(24);
    assertThat(r2.next().escalationTotal(RUS)).isEqualTo(36);
  }

  @Test
  void seenScores_areTheScoresTheViewerSaw_soTheirSumsAreTheHistorysTotals() {
    GameState s = Engine.initial(feb(0.0), SEED);
    TurnRecord r1 = Engine.resolve(s, Orders.builder()
        .submit(RUS, Move.toward(MoveType.CYBER_ATTACK, UKR), Move.toward(MoveType.THREATEN_FORCE, UKR))
        .build()).record();
    assertThat(r1.actor(RUS).escalationScore()).isEqualTo(24);
    // THREATEN_FORCE (12) is public; the cyber attack (12) is covert and undetected.
    assertThat(Views.seenScores(r1, Viewer.actor(UKR))).containsEntry(RUS, 12).containsEntry(UKR, 0);
    assertThat(Views.seenScores(r1, Viewer.actor(RUS))).as("its own score is the true one").containsEntry(RUS, 24);
    assertThat(Views.seenScores(r1, Viewer.INSTRUCTOR)).containsEntry(RUS, 24);
    assertThat(Views.seenScores(r1, Viewer.actor(USA)).keySet()).as("every actor listed")
        .containsExactlyElementsOf(r1.actors().stream().map(ActorRecord::id).sorted().toList());
  }

  @Test
  void injects_partiesAudienceOnly_headlineOnlyInjectsNeedTheScenario() {
    InjectDef leak = new InjectDef("leak", 1, null, Text.of("Intelligence leak"), null, "", Visibility.PARTIES,
        List.of(USA), List.of(new brink.engine.def.Effect.Trust(USA, RUS, -0.1)));
    InjectDef news = new InjectDef("news", 1, null, Text.of("Headline"), null, "", Visibility.PUBLIC, List.of(),
        List.of());
    Scenario sc = TestScenario.feb2022("passive").inject(leak).inject(news).build();
    TurnRecord rec = turn(Engine.initial(sc, SEED), Map.of()).record();
    assertThat(rec.injectsFired()).containsExactly("leak", "news");

    assertThat(Views.report(rec, Viewer.actor(USA)).events()).hasSize(1);
    assertThat(Views.report(rec, Viewer.actor(RUS)).events()).isEmpty();
    assertThat(Views.report(sc, rec, Viewer.actor(USA)).injectsFired()).containsExactly("leak", "news");
    assertThat(Views.report(sc, rec, Viewer.actor(RUS)).injectsFired()).containsExactly("news");
    assertThat(Views.report(rec, Viewer.actor(RUS)).injectsFired()).isEmpty();
    assertThat(Views.report(sc, rec, Viewer.OBSERVER).injectsFired()).containsExactly("news");
  }

  @Test
  void units_ownAlwaysVisible_othersOnlyWhenDeployedFacingSomeone() {
    Scenario sc = new TestScenario("units")
        .actor("x", Regime.DEMOCRACY, false, 5, 0, "passive")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "passive")
        .dyad("x", "y", 20, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .region("x-home", List.of(), List.of())
        .region("front", List.of("y"), List.of())
        .unit("x1", "x", 1000, "x-home", true)
        .unit("x2", "x", 2000, "front", false)
        .build();
    GameState s = Engine.initial(sc, SEED);
    assertThat(Views.actor(s, "x").units()).extracting(UnitView::id).containsExactly("x1", "x2");
    assertThat(Views.actor(s, "y").units()).extracting(UnitView::id).containsExactly("x2");
    assertThat(Views.observer(s).units()).extracting(UnitView::id).containsExactly("x2");

    Scenario hidden = new TestScenario("units-covert")
        .actor("x", Regime.DEMOCRACY, false, 5, 0, "passive")
        .actor("y", Regime.DEMOCRACY, false, 5, 0, "passive")
        .dyad("x", "y", 20, 0.3, 0.1, 1, 0)
        .dyad("y", "x", 20, 0.3, 0.1, 1, 0)
        .primary("x", "y")
        .region("x-home", List.of(), List.of())
        .region("front", List.of("y"), List.of())
        .unit("x2", "x", 2000, "front", false)
        .visibility(MoveType.DEPLOY_TROOPS, Visibility.COVERT)
        .build();
    GameState h = Engine.initial(hidden, SEED);
    assertThat(Views.actor(h, "y").units()).isEmpty();
    assertThat(Views.actor(h, "y").dyadWith("x").deployedFrom("x")).isNull();
    assertThat(Views.actor(h, "x").dyadWith("y").deployedFrom("x")).isEqualTo(2.0);
  }

  // ------------------------------------------------------------------ bots see only their view

  /**
   * Two games that differ only in what UKR and BLR keep to themselves: in game B, UKR made an undetected
   * cyber attack on BLR and BLR's trust, UKR's escalation total and the dyad's hidden hostility and floor
   * differ; tensions do not (H_ukr→blr is held at the cap of 100 either way). RUS's view is identical, so
   * every doctrine gives RUS the same orders.
   */
  @Test
  void bots_seeOnlyTheirView_sameOrdersWhenHiddenPartsOfTheStateDiffer() {
    Scenario sc = TestScenario.feb2022("passive")
        .rules(r -> r.detectionProbability(0))
        .build();
    // Replace UKR→BLR so that its hostility sits at the cap whatever UKR does (H0 100, grievance 30), and
    // give BLR some trust in UKR to lose (with no reaction coefficient, so trust does not move its H).
    List<brink.engine.def.DyadDef> dyads = new java.util.ArrayList<>();
    for (brink.engine.def.DyadDef d : sc.dyads()) {
      if (d.from().equals(UKR) && d.to().equals(BLR)) {
        dyads.add(new brink.engine.def.DyadDef(UKR, BLR, 100, 0.1, 0.05, 30, 0, 0, false, ""));
      } else if (d.from().equals(BLR) && d.to().equals(UKR)) {
        dyads.add(new brink.engine.def.DyadDef(BLR, UKR, 30, 0.1, 0, 2.4, 0.5, 0, false, ""));
      } else {
        dyads.add(d);
      }
    }
    Scenario capped = new Scenario(sc.id(), sc.title(), sc.summary(), sc.startDate(), sc.turnLengthDays(),
        sc.rules(), sc.actors(), dyads, sc.primaryDyads(), sc.alliances(), sc.pairStates(), sc.regions(),
        sc.units(), sc.injects(), sc.historical(), sc.timeline(), sc.objectives(), sc.visibility(),
        sc.background(), sc.notes(), sc.sources());
    GameState s = Engine.initial(capped, SEED);
    Map<String, List<Move>> common = Map.of(RUS, List.of(Move.toward(MoveType.THREATEN_FORCE, UKR)),
        USA, List.of(Move.toward(MoveType.CRITICIZE, RUS)));
    GameState a = turn(s, common).next();
    Map<String, List<Move>> withCyber = new java.util.HashMap<>(common);
    withCyber.put(UKR, List.of(Move.toward(MoveType.CYBER_ATTACK, BLR)));
    GameState b = turn(s, withCyber).next();

    // The games really differ, in hidden places only.
    assertThat(b.trust(BLR, UKR)).isLessThan(a.trust(BLR, UKR));
    assertThat(b.escalationTotal(UKR)).isGreaterThan(a.escalationTotal(UKR));
    assertThat(b.floor(BLR, UKR)).isGreaterThan(a.floor(BLR, UKR));
    assertThat(b.digest()).isNotEqualTo(a.digest());
    assertThat(b.tension(BLR, UKR)).isEqualTo(a.tension(BLR, UKR));

    assertThat(Views.actor(b, RUS)).isEqualTo(Views.actor(a, RUS));
    assertThat(Views.observer(b)).isEqualTo(Views.observer(a));
    for (String bot : Bots.NAMES) {
      for (String seat : List.of(RUS, USA, NATO)) {
        assertThat(Bots.play(b, seat, bot)).as(bot + " for " + seat).isEqualTo(Bots.play(a, seat, bot));
      }
    }
    // UKR and BLR themselves can tell: UKR saw its own move.
    assertThat(Views.actor(b, UKR)).isNotEqualTo(Views.actor(a, UKR));
  }
}
