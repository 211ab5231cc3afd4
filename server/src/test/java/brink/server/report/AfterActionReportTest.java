package brink.server.report;

import static brink.engine.def.MoveType.CYBER_ATTACK;
import static brink.engine.def.MoveType.HOTLINE_CALL;
import static brink.engine.def.MoveType.MILITARY_EXERCISE;
import static brink.engine.def.MoveType.NUCLEAR_THREAT;
import static brink.engine.def.MoveType.STATEMENT_REASSURE;
import static brink.engine.def.MoveType.THREATEN_FORCE;
import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.Ladder;
import brink.engine.MoveCatalogue;
import brink.engine.Objectives;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.Pair;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import brink.engine.def.Visibility;
import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.ActorScore;
import brink.protocol.v1.Divergence;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.InjectRecord;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.ObjectiveResult;
import brink.protocol.v1.Press;
import brink.protocol.v1.Report;
import brink.protocol.v1.TensionSeries;
import brink.protocol.v1.TurnReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a short game of the default scenario (three turns: free play, free play with an inject of
 * the instructor's, then every seat historical) checked against the oracle game's own engine run.
 */
class AfterActionReportTest {
  static final Scenario S = TestGames.eastern();
  static TestGames.Game game;
  static Report report;

  /** The instructor's inject of turn 2, as journaled and as it must enter the scenario. */
  static final brink.protocol.scenario.v1.Inject CYBER = brink.protocol.scenario.v1.Inject.newBuilder()
      .setHeadline(brink.protocol.scenario.v1.Text.newBuilder().setEn("Banks in Kyiv hit by a cyber attack")
          .setFr("Des banques de Kyiv victimes d'une cyberattaque"))
      .setSource("instructor")
      .addEffect(brink.protocol.scenario.v1.Effect.newBuilder()
          .setHostility(DyadChange.newBuilder().setFrom("ukr").setTo("rus").setDelta(10)))
      .build();
  static final InjectDef CYBER_AS_FIRED = new InjectDef("instructor-1", 2, null,
      new Text("Banks in Kyiv hit by a cyber attack", "Des banques de Kyiv victimes d'une cyberattaque"),
      Text.EMPTY, "instructor", Visibility.PUBLIC, List.of(), List.of(new Effect.Hostility("ukr", "rus", 10)));

  static TestGames.Game shortGame() {
    TestGames.Game g = new TestGames.Game("short-1", S, 7, TestGames.allPassive(S));
    g.orders("rus", Move.toward(THREATEN_FORCE, "ukr"))
        .orders("ukr", Move.toward(CYBER_ATTACK, "rus"), Move.toward(NUCLEAR_THREAT, "rus"))
        .orders("usa", Move.toward(HOTLINE_CALL, "rus"))
        .orders("nato")
        .message("usa", "Let's talk before it is too late.", "rus")
        .message("rus", "Russia has no intention of invading anyone.");
    g.resolve();
    g.orders("rus", Move.toward(STATEMENT_REASSURE, "ukr"))
        .customInject(CYBER, CYBER_AS_FIRED)
        .orders("rus", Move.toward(MILITARY_EXERCISE, "ukr"))
        .message("ukr", "We see the exercise. Stand down.", "blr", "rus");
    g.resolve();
    g.resolveHistorical();
    return g;
  }

  @BeforeAll
  static void play() {
    game = shortGame();
    report = AfterActionReport.build(S, game.entries);
  }

  @Test
  void build_shortGame_replaysWithoutIssue() {
    assertThat(report.getReplayIssuesList()).isEmpty();
    assertThat(report.getReplayVerified()).isTrue();
    assertThat(report.getGameId()).isEqualTo("short-1");
    assertThat(report.getScenarioId()).isEqualTo(TestGames.DEFAULT_ID);
    assertThat(report.getSeed()).isEqualTo(7);
    assertThat(report.getTurnsPlayed()).isEqualTo(3);
    assertThat(report.getTurnsList()).extracting(TurnReport::getTurn).containsExactly(1, 2, 3);
    assertThat(report.getTurns(2).getStartDate()).isEqualTo("2022-02-18");
    assertThat(report.getTurns(2).getEndDate()).isEqualTo("2022-02-24");
  }

  @Test
  void build_tensionSeries_matchIndependentEngineReplay() {
    List<Pair> pairs = game.states.get(0).pairs();
    assertThat(report.getTensionList()).extracting(s -> new Pair(s.getA(), s.getB())).containsExactlyElementsOf(pairs);
    for (TensionSeries s : report.getTensionList()) {
      assertThat(s.getTensionCount()).isEqualTo(4);
      for (int t = 0; t <= 3; t++) {
        GameState st = game.states.get(t);
        assertThat(s.getTension(t)).as("%s-%s tension after turn %d", s.getA(), s.getB(), t)
            .isEqualTo(st.tension(s.getA(), s.getB()));
        assertThat(s.getRung(t)).isEqualTo(st.rung(s.getA(), s.getB()));
        assertThat(s.getRungName(t).getEn()).isEqualTo(Ladder.name(s.getRung(t)).en());
        assertThat(s.getRungName(t).getFr()).isEqualTo(Ladder.name(s.getRung(t)).fr());
      }
      assertThat(s.getPrimary()).isEqualTo(S.primaryDyads().contains(new Pair(s.getA(), s.getB())));
    }
    // The instructor's inject (+10 on ukr→rus) entered turn 2: the primary dyad's tension includes it.
    TensionSeries rusUkr = report.getTensionList().stream()
        .filter(s -> s.getA().equals("rus") && s.getB().equals("ukr")).findFirst().orElseThrow();
    assertThat(rusUkr.getPrimary()).isTrue();
    assertThat(rusUkr.getRung(3)).isEqualTo(Ladder.WAR_RUNG);
  }

  @Test
  void build_escalationScores_perTurnAndTotal_matchTheEngine() {
    assertThat(report.getScoresList()).extracting(ActorScore::getActor)
        .containsExactly("blr", "nato", "rus", "ukr", "usa");
    for (ActorScore s : report.getScoresList()) {
      List<Double> expected = new ArrayList<>();
      for (TurnResult r : game.results) {
        expected.add((double) r.record().actor(s.getActor()).escalationScore());
      }
      assertThat(s.getEscalationByTurnList()).isEqualTo(expected);
      assertThat(s.getEscalationScore()).isEqualTo(game.state().escalationTotal(s.getActor()));
      assertThat(s.getFinalStability()).isEqualTo(game.state().stability(s.getActor()));
    }
    // Turn 1: Russia's THREATEN_FORCE is Rivera's non-violent escalation, 12 points.
    ActorScore rus = report.getScores(2);
    assertThat(rus.getEscalationByTurn(0)).isEqualTo(12.0);
    assertThat(rus.getName().getEn()).isEqualTo("Russia");
  }

  @Test
  void build_everyMoveAppearsWithCameoGoldsteinAndVisibility() {
    for (TurnResult r : game.results) {
      TurnRecord rec = r.record();
      TurnReport t = report.getTurns(rec.turn() - 1);
      List<brink.protocol.v1.Event> moves = new ArrayList<>();
      t.getEventsList().stream().filter(e -> e.getKind() == EventKind.EVENT_MOVE).forEach(moves::add);
      List<Event> engineMoves = rec.events().stream().filter(e -> !e.fromInject()).toList();
      assertThat(moves).hasSameSizeAs(engineMoves);
      for (int k = 0; k < engineMoves.size(); k++) {
        Event e = engineMoves.get(k);
        brink.protocol.v1.Event p = moves.get(k);
        assertThat(p.getActor()).isEqualTo(e.actor());
        assertThat(p.getMove().name()).isEqualTo(e.type().name());
        assertThat(p.getTarget()).isEqualTo(e.target());
        assertThat(p.getCameoCode()).isEqualTo(MoveCatalogue.of(e.type()).cameo()).isNotEmpty();
        assertThat(p.getGoldstein()).isEqualTo(MoveCatalogue.of(e.type()).goldstein());
        assertThat(p.getVisibility().name()).isEqualTo(e.visibility().name());
        assertThat(p.getDetected()).isEqualTo(e.detected());
        assertThat(p.getTurn()).isEqualTo(rec.turn());
      }
    }
    List<brink.protocol.v1.Event> turn1 = report.getTurns(0).getEventsList();
    // CAMEO 138 "Threaten to use military force", Goldstein −7.0 (GDELT scale).
    assertThat(turn1).anySatisfy(e -> {
      assertThat(e.getActor()).isEqualTo("rus");
      assertThat(e.getMove()).isEqualTo(brink.protocol.scenario.v1.MoveType.THREATEN_FORCE);
      assertThat(e.getCameoCode()).isEqualTo("138");
      assertThat(e.getGoldstein()).isEqualTo(-7.0);
      assertThat(e.getVisibility()).isEqualTo(brink.protocol.scenario.v1.Visibility.PUBLIC);
    });
    // Cyber attacks are covert by default (engine-model.md II-c §9), revealed here.
    assertThat(turn1).anySatisfy(e -> {
      assertThat(e.getActor()).isEqualTo("ukr");
      assertThat(e.getMove()).isEqualTo(brink.protocol.scenario.v1.MoveType.CYBER_ATTACK);
      assertThat(e.getVisibility()).isEqualTo(brink.protocol.scenario.v1.Visibility.COVERT);
    });
    // Turn 3: Russia's invasion, CAMEO 192.
    assertThat(report.getTurns(2).getEventsList()).anySatisfy(e -> {
      assertThat(e.getMove()).isEqualTo(brink.protocol.scenario.v1.MoveType.INVADE);
      assertThat(e.getCameoCode()).isEqualTo("192");
      assertThat(e.getTarget()).isEqualTo("ukr");
    });
  }

  @Test
  void build_rejectionsAndDefaultedSeats_areListed() {
    TurnReport t1 = report.getTurns(0);
    assertThat(t1.getRejectionsList()).singleElement().satisfies(r -> {
      assertThat(r.getActor()).isEqualTo("ukr");
      assertThat(r.getReason()).isEqualTo("NOT_NUCLEAR");
      assertThat(r.getMove().getType()).isEqualTo(brink.protocol.scenario.v1.MoveType.NUCLEAR_THREAT);
      assertThat(r.getWholeSubmission()).isFalse();
      assertThat(r.getMessage()).isNotEmpty();
    });
    // Belarus sent nothing in turn 1 (NATO deliberately waited): the passive bot played it.
    assertThat(t1.getDefaultedList()).singleElement().satisfies(d -> {
      assertThat(d.getActor()).isEqualTo("blr");
      assertThat(d.getBot()).isEqualTo("passive");
    });
    assertThat(report.getTurns(1).getDefaultedList()).extracting(d -> d.getActor())
        .containsExactly("blr", "nato", "ukr", "usa");
    assertThat(report.getTurns(2).getDefaultedList()).isEmpty();
  }

  @Test
  void build_messages_appearWithSenderRecipientsAndPrivacy() {
    assertThat(report.getMessagesList()).extracting(Press::getMessageId).containsExactly(1L, 2L, 3L);
    Press p1 = report.getMessages(0);
    assertThat(p1.getFromActor()).isEqualTo("usa");
    assertThat(p1.getToList()).containsExactly("rus");
    assertThat(p1.getTurn()).isEqualTo(1);
    assertThat(p1.getText()).isEqualTo("Let's talk before it is too late.");
    assertThat(p1.getSentAtEpochMillis()).isPositive();
    assertThat(report.getMessages(1).getToList()).as("public").isEmpty();
    assertThat(report.getMessages(2).getToList()).containsExactly("blr", "rus");
    assertThat(report.getMessages(2).getTurn()).isEqualTo(2);
  }

  @Test
  void build_injects_scriptedAndInstructors_appearInTheirTurn() {
    assertThat(report.getInjectsList()).anySatisfy(r -> {
      assertThat(r.getTurn()).isEqualTo(1);
      assertThat(r.getInject().getId()).isEqualTo("maxar-images");
      assertThat(r.getScripted()).isTrue();
      assertThat(r.getByInstructor()).isFalse();
      assertThat(r.getFired()).isTrue();
    });
    InjectRecord cyber = report.getInjectsList().stream().filter(InjectRecord::getByInstructor)
        .findFirst().orElseThrow();
    assertThat(cyber.getTurn()).isEqualTo(2);
    assertThat(cyber.getInject().getId()).isEqualTo("instructor-1");
    assertThat(cyber.getInject().getEffect(0).getHostility().getDelta()).isEqualTo(10.0);
    assertThat(cyber.getScripted()).isFalse();
    assertThat(cyber.getFired()).isTrue();
    assertThat(cyber.getByParticipantId()).isEqualTo("instructor");
    // Each fired inject is an EVENT_INJECT of its turn; the instructor's own carries no scenario id.
    assertThat(report.getTurns(1).getEventsList()).filteredOn(e -> e.getKind() == EventKind.EVENT_INJECT)
        .extracting(e -> e.getHeadline().getEn())
        .contains("Banks in Kyiv hit by a cyber attack");
    assertThat(report.getTurns(1).getEventsList()).filteredOn(e -> e.getKind() == EventKind.EVENT_INJECT)
        .extracting(brink.protocol.v1.Event::getInjectId)
        .containsExactlyInAnyOrder("invasion-any-day", "");
    List<Integer> turns = report.getInjectsList().stream().map(InjectRecord::getTurn).toList();
    assertThat(turns).isSorted();
    // Every scripted inject the engine fired is listed exactly once.
    int fired = 0;
    for (TurnResult r : game.results) {
      fired += r.record().injectsFired().size();
    }
    assertThat(report.getInjectsList()).hasSize(fired);
  }

  @Test
  void build_outcome_isTheEnginesWithItsTurnAndDyad() {
    assertThat(report.getComplete()).isTrue();
    assertThat(report.getOutcome().getType()).isEqualTo(OutcomeType.WAR_DELIBERATE);
    assertThat(report.getOutcome().getTurn()).isEqualTo(3);
    assertThat(report.getOutcome().getEndedByInstructor()).isFalse();
    assertThat(report.getOutcome().getDyadsList())
        .extracting(p -> p.getA() + "-" + p.getB()).containsExactly("rus-ukr");
    assertThat(report.getTurns(2).getOutcome().getType()).isEqualTo(OutcomeType.WAR_DELIBERATE);
    assertThat(report.getTurns(1).hasOutcome()).isFalse();
  }

  @Test
  void build_objectives_matchObjectivesEvaluate() {
    List<Objectives.Score> expected = Objectives.evaluate(game.state());
    assertThat(report.getScoresList()).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      Objectives.Score e = expected.get(k);
      ActorScore a = report.getScores(k);
      assertThat(a.getActor()).isEqualTo(e.actor());
      assertThat(a.getObjectivesMet()).isEqualTo(e.met());
      assertThat(a.getObjectivesTotal()).isEqualTo(e.total()).isEqualTo(3);
      assertThat(a.getObjectivesList()).extracting(ObjectiveResult::getId)
          .containsExactlyElementsOf(e.results().stream().map(r -> r.objective().id()).toList());
      assertThat(a.getObjectivesList()).extracting(ObjectiveResult::getMet)
          .containsExactlyElementsOf(e.results().stream().map(Objectives.Result::met).toList());
    }
    // A war: Ukraine's "no invasion" objective is not met.
    ActorScore ukr = report.getScores(3);
    assertThat(ukr.getObjectivesList()).filteredOn(o -> o.getId().equals("ukr-no-invasion"))
        .singleElement().extracting(ObjectiveResult::getMet).isEqualTo(false);
  }

  @Test
  void build_divergence_listsTheTurnsWhereTheClassLeftHistory() {
    assertThat(report.getDivergenceList()).hasSize(3 * 5);
    List<String> diverged = report.getDivergenceList().stream().filter(Divergence::getDiverged)
        .map(d -> d.getTurn() + ":" + d.getActor()).toList();
    // Turn 1: every seat did something else (Belarus's bot waited); turn 2: Belarus has no historical move
    // and its bot waited, the others did not do what history did; turn 3: every seat played history.
    assertThat(diverged).containsExactly(
        "1:blr", "1:nato", "1:rus", "1:ukr", "1:usa", "2:nato", "2:rus", "2:ukr", "2:usa");
    Divergence rus2 = report.getDivergenceList().stream()
        .filter(d -> d.getTurn() == 2 && d.getActor().equals("rus")).findFirst().orElseThrow();
    // The last orders before resolution win: the exercise replaced the reassurance.
    assertThat(rus2.getPlayedList()).singleElement()
        .isEqualTo(ProtoMapping.move(Move.toward(MILITARY_EXERCISE, "ukr")));
    assertThat(rus2.getHistoricalCount()).isEqualTo(TestGames.historical(S, 2, "rus").size());
    assertThat(rus2.getDatesList()).hasSize(rus2.getHistoricalCount()).allMatch(d -> d.startsWith("2022-02-"));
    assertThat(rus2.getNotesList()).hasSize(rus2.getHistoricalCount());
    assertThat(rus2.getDefaulted()).isFalse();
    Divergence ukr1 = report.getDivergenceList().stream()
        .filter(d -> d.getTurn() == 1 && d.getActor().equals("ukr")).findFirst().orElseThrow();
    // Only the accepted move counts as played: the refused nuclear threat is not.
    assertThat(ukr1.getPlayedList()).singleElement().isEqualTo(ProtoMapping.move(Move.toward(CYBER_ATTACK, "rus")));
    Divergence blr2 = report.getDivergenceList().stream()
        .filter(d -> d.getTurn() == 2 && d.getActor().equals("blr")).findFirst().orElseThrow();
    assertThat(blr2.getDefaulted()).isTrue();
    assertThat(blr2.getBot()).isEqualTo("passive");
  }

  @Test
  void build_historicalOutcome_isTheInvasionOf24February() {
    assertThat(report.getHistoricalOutcome().getType()).isEqualTo(OutcomeType.WAR_DELIBERATE);
    assertThat(report.getHistoricalOutcome().getTurn()).isEqualTo(3);
    assertThat(report.getHistoricalOutcome().getDate()).isEqualTo("2022-02-24");
    assertThat(report.getHistoricalOutcome().getNotesList()).isNotEmpty();
    assertThat(report.getTimelineList()).hasSameSizeAs(S.timeline());
  }

  @Test
  void build_briefings_revealedForEveryActorSortedById() {
    assertThat(report.getBriefingsList()).extracting(b -> b.getActor())
        .containsExactly("blr", "nato", "rus", "ukr", "usa");
    String rusBriefing = S.actors().stream().filter(a -> a.id().equals("rus")).findFirst().orElseThrow()
        .privateBriefing().en();
    assertThat(rusBriefing).isNotEmpty();
    assertThat(report.getBriefings(2).getPrivateBriefing().getEn()).isEqualTo(rusBriefing);
  }

  @Test
  void build_turnViews_carryTheTrueStateAfterEachTurn() {
    for (int t = 1; t <= 3; t++) {
      GameState st = game.states.get(t);
      TurnReport r = report.getTurns(t - 1);
      assertThat(r.getDyadsList()).hasSize(st.pairs().size());
      r.getDyadsList().forEach(d -> {
        assertThat(d.getHostilityAb()).isEqualTo(st.hostility(d.getA(), d.getB()));
        assertThat(d.getTrustBa()).isEqualTo(st.trust(d.getB(), d.getA()));
        assertThat(d.getDeployedAb()).isEqualTo(st.deployed(d.getA(), d.getB()));
      });
      r.getActorsList().forEach(a -> {
        assertThat(a.getAlert()).isEqualTo(st.alert(a.getId()));
        assertThat(a.getEscalationScore()).isEqualTo(st.escalationTotal(a.getId()));
      });
    }
  }

  @Test
  void build_isDeterministic() {
    assertThat(AfterActionReport.build(S, game.entries)).isEqualTo(report);
  }
}
