package brink.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Scenario;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.InjectRecord;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.Participant;
import brink.protocol.v1.ReplayIssue;
import brink.protocol.v1.ReplayIssueKind;
import brink.protocol.v1.Report;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatChange;
import brink.protocol.v1.SeatChangedEntry;
import brink.protocol.v1.TurnResolvedEntry;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Journals that do not replay cleanly, and the other paths through a game: history, an early end, seats. */
class ReplayIssuesTest {
  static final Scenario S = TestGames.eastern();

  @Test
  void build_digestMismatch_isReportedAndTheReportStillComesOut() {
    TestGames.Game g = AfterActionReportTest.shortGame();
    List<JournalEntry> entries = new ArrayList<>(g.entries);
    int k = indexOfTurnResolved(entries, 2);
    byte[] wrong = new byte[32];
    wrong[0] = 1;
    JournalEntry tampered = entries.get(k).toBuilder()
        .setTurnResolved(entries.get(k).getTurnResolved().toBuilder().setStateDigest(ByteString.copyFrom(wrong)))
        .build();
    entries.set(k, tampered);

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getReplayVerified()).isFalse();
    assertThat(r.getReplayIssuesList()).singleElement().satisfies(i -> {
      assertThat(i.getTurn()).isEqualTo(2);
      assertThat(i.getKind()).isEqualTo(ReplayIssueKind.REPLAY_DIGEST_MISMATCH);
      assertThat(i.getJournal()).isEqualTo(HexFormat.of().formatHex(wrong));
      assertThat(i.getReplay()).isEqualTo(g.results.get(1).record().stateDigest());
      assertThat(i.getMessage()).contains("Turn 2");
    });
    assertThat(r.getTurnsPlayed()).isEqualTo(3);
    assertThat(r.getOutcome().getType()).isEqualTo(OutcomeType.WAR_DELIBERATE);
    assertThat(AfterActionReport.markdown(r, "en")).contains("REPLAY_DIGEST_MISMATCH");
  }

  @Test
  void build_journaledOutcomeDefaultedAndInjectsDisagreeing_areReported() {
    TestGames.Game g = new TestGames.Game("g", S, 3, TestGames.allPassive(S));
    g.orders("rus");
    g.resolve();
    List<JournalEntry> entries = new ArrayList<>(g.entries);
    int k = indexOfTurnResolved(entries, 1);
    TurnResolvedEntry wrong = entries.get(k).getTurnResolved().toBuilder()
        .setOutcome(OutcomeType.FROZEN_CONFLICT)
        .clearDefaulted()
        .clearFiredInjects()
        .build();
    entries.set(k, entries.get(k).toBuilder().setTurnResolved(wrong).build());

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getReplayIssuesList()).extracting(ReplayIssue::getKind).containsExactly(
        ReplayIssueKind.REPLAY_OUTCOME_MISMATCH, ReplayIssueKind.REPLAY_DEFAULTED_MISMATCH,
        ReplayIssueKind.REPLAY_INJECTS_MISMATCH);
    assertThat(r.getReplayIssues(0).getJournal()).isEqualTo("FROZEN_CONFLICT");
    assertThat(r.getReplayIssues(0).getReplay()).isEqualTo("OUTCOME_UNSPECIFIED");
    assertThat(r.getReplayIssues(2).getReplay()).contains("maxar-images");
  }

  @Test
  void build_historicalPath_endsInInvasionOnTurn3LikeHistoryWithNoDivergence() {
    TestGames.Game g = new TestGames.Game("hist", S, 2022, Map.of());
    for (int t = 1; t <= 3; t++) {
      g.resolveHistorical();
    }
    assertThat(g.state().isOver()).isTrue();

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getReplayVerified()).isTrue();
    assertThat(r.getOutcome().getType()).isEqualTo(OutcomeType.WAR_DELIBERATE);
    assertThat(r.getOutcome().getTurn()).isEqualTo(3);
    assertThat(r.getHistoricalOutcome().getType()).isEqualTo(r.getOutcome().getType());
    assertThat(r.getHistoricalOutcome().getTurn()).isEqualTo(r.getOutcome().getTurn());
    assertThat(r.getHistoricalOutcome().getDate()).isEqualTo("2022-02-24");
    assertThat(r.getDivergenceList()).hasSize(15).noneMatch(d -> d.getDiverged());
    assertThat(r.getDivergenceList()).allSatisfy(d -> assertThat(d.getPlayedList())
        .containsExactlyInAnyOrderElementsOf(d.getHistoricalList()));
    assertThat(r.getTurnsList()).allSatisfy(t -> assertThat(t.getRejectionsList()).isEmpty());
    assertThat(AfterActionReport.markdown(r, "en"))
        .contains("The class followed the historical record in every turn played.");
  }

  @Test
  void build_silentSeatsPlayedByTheScenariosHistoricalBot_followHistory() {
    TestGames.Game g = new TestGames.Game("bots", S, 2022, Map.of());
    while (!g.state().isOver()) {
      g.resolve();
    }

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getReplayVerified()).isTrue();
    assertThat(r.getOutcome().getType()).isEqualTo(r.getHistoricalOutcome().getType());
    assertThat(r.getOutcome().getTurn()).isEqualTo(r.getHistoricalOutcome().getTurn());
    assertThat(r.getTurnsList()).allSatisfy(t -> assertThat(t.getDefaultedList())
        .hasSize(5).allSatisfy(d -> assertThat(d.getBot()).isEqualTo("historical")));
    assertThat(r.getDivergenceList()).allSatisfy(d -> {
      assertThat(d.getDefaulted()).isTrue();
      assertThat(d.getDiverged()).isFalse();
    });
  }

  @Test
  void build_instructorEndsTheGame_completeWithoutEngineOutcome() {
    TestGames.Game g = new TestGames.Game("end", S, 5, TestGames.allPassive(S));
    g.orders("rus");
    g.resolve();
    g.action(InstructorAction.ACTION_PAUSE, "").action(InstructorAction.ACTION_END, "out of time");

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getComplete()).isTrue();
    assertThat(r.getOutcome().getEndedByInstructor()).isTrue();
    assertThat(r.getOutcome().getType()).isEqualTo(OutcomeType.OUTCOME_UNSPECIFIED);
    assertThat(r.getOutcome().getTurn()).isZero();
    assertThat(r.getInstructorActionsList()).extracting(a -> a.getAction())
        .containsExactly(InstructorAction.ACTION_PAUSE, InstructorAction.ACTION_END);
    assertThat(r.getInstructorActions(1).getReason()).isEqualTo("out of time");
    assertThat(r.getInstructorActions(1).getAtEpochMillis()).isPositive();
    // Objectives are scored on the state the game stopped in.
    assertThat(r.getScoresList()).hasSize(5).allSatisfy(s -> assertThat(s.getObjectivesTotal()).isEqualTo(3));
  }

  @Test
  void build_gameStillGoing_isNotComplete() {
    TestGames.Game g = new TestGames.Game("going", S, 5, TestGames.allPassive(S));
    g.resolve();
    g.orders("rus", brink.engine.def.Move.toward(brink.engine.def.MoveType.CRITICIZE, "ukr"));

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getComplete()).isFalse();
    assertThat(r.getTurnsPlayed()).isEqualTo(1);
    assertThat(r.getOutcome().getType()).isEqualTo(OutcomeType.OUTCOME_UNSPECIFIED);
    assertThat(r.getReplayVerified()).isTrue();
  }

  @Test
  void build_scriptedInjectFiredEarlyByTheInstructor_firesInThatTurnOnly() {
    TestGames.Game g = new TestGames.Game("early", S, 11, TestGames.allPassive(S));
    g.scriptedInject("donbas-shelling");
    g.resolve();
    g.resolve();
    g.resolve();
    assertThat(g.results.get(0).record().injectsFired()).contains("donbas-shelling");
    assertThat(g.results.get(2).record().injectsFired()).doesNotContain("donbas-shelling");

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getReplayIssuesList()).isEmpty();
    assertThat(r.getInjectsList()).filteredOn(i -> i.getInject().getId().equals("donbas-shelling"))
        .singleElement().satisfies(i -> {
          assertThat(i.getTurn()).isEqualTo(1);
          assertThat(i.getByInstructor()).isTrue();
          assertThat(i.getScripted()).isTrue();
          assertThat(i.getFired()).isTrue();
          assertThat(i.getInject().getTurn()).isEqualTo(1);
        });
    for (int t = 0; t < 3; t++) {
      assertThat(r.getTension(2).getTension(t + 1)).isEqualTo(g.states.get(t + 1).tension("rus", "ukr"));
    }
  }

  @Test
  void build_injectForATurnThatNeverResolved_isListedAsNotFired() {
    TestGames.Game g = new TestGames.Game("pending", S, 11, TestGames.allPassive(S));
    g.resolve();
    g.customInject(AfterActionReportTest.CYBER, AfterActionReportTest.CYBER_AS_FIRED);

    Report r = AfterActionReport.build(S, g.entries);

    assertThat(r.getInjectsList()).filteredOn(InjectRecord::getByInstructor).singleElement().satisfies(i -> {
      assertThat(i.getTurn()).isEqualTo(2);
      assertThat(i.getFired()).isFalse();
    });
    assertThat(r.getReplayIssuesList()).isEmpty();
  }

  @Test
  void build_injectOfUnknownOrAlreadyFiredScriptedId_isReportedAndIgnored() {
    TestGames.Game g = new TestGames.Game("bad-inject", S, 11, TestGames.allPassive(S));
    g.resolve();
    List<JournalEntry> entries = new ArrayList<>(g.entries);
    entries.add(inject("bad-inject", 2, "no-such-inject"));
    entries.add(inject("bad-inject", 2, "maxar-images"));

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getReplayIssuesList()).extracting(ReplayIssue::getMessage).satisfiesExactly(
        m -> assertThat(m).contains("no-such-inject").contains("does not have"),
        m -> assertThat(m).contains("maxar-images").contains("already fired"));
    assertThat(r.getInjectsList()).noneMatch(InjectRecord::getByInstructor);
  }

  @Test
  void build_seatWithAnUnknownBot_reportsReplayFailedAndKeepsTheRest() {
    Map<String, String> bots = new TreeMap<>(TestGames.allPassive(S));
    bots.put("blr", "no-such-bot");
    List<JournalEntry> entries = new ArrayList<>();
    entries.add(JournalEntry.newBuilder().setGameId("b").setGameCreated(GameCreatedEntry.newBuilder()
        .setScenarioId(S.id()).setSeed(1).putAllBots(bots)).build());
    entries.add(JournalEntry.newBuilder().setGameId("b").setMessage(MessageEntry.newBuilder()
        .setMessageId(1).setTurn(1).setFromActor("rus").setText("hello")).build());
    entries.add(turnResolved("b", 1));
    entries.add(turnResolved("b", 2));

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getReplayIssuesList()).singleElement().satisfies(i -> {
      assertThat(i.getKind()).isEqualTo(ReplayIssueKind.REPLAY_FAILED);
      assertThat(i.getTurn()).isEqualTo(1);
      assertThat(i.getMessage()).contains("no-such-bot").contains("Later turns are not replayed");
    });
    assertThat(r.getTurnsPlayed()).isZero();
    assertThat(r.getMessagesList()).hasSize(1);
    assertThat(r.getTensionList()).hasSize(4).allSatisfy(s -> assertThat(s.getTensionCount()).isEqualTo(1));
  }

  @Test
  void build_journalOutOfSequence_isReportedAsInconsistent() {
    List<JournalEntry> entries = new ArrayList<>();
    entries.add(turnResolved("x", 1));
    entries.add(JournalEntry.newBuilder().setGameId("x").setGameCreated(GameCreatedEntry.newBuilder()
        .setScenarioId("another-scenario").setSeed(1).putAllBots(TestGames.allPassive(S))).build());
    entries.add(turnResolved("x", 2));
    entries.add(JournalEntry.newBuilder().setGameId("y").setMessage(MessageEntry.newBuilder().setText("stray"))
        .build());

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getReplayIssuesList()).extracting(ReplayIssue::getKind)
        .containsOnly(ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT);
    assertThat(r.getReplayIssuesList()).extracting(ReplayIssue::getMessage).satisfiesExactly(
        m -> assertThat(m).contains("before any game_created"),
        m -> assertThat(m).contains("another-scenario"),
        m -> assertThat(m).contains("turn 2 when turn 1 was next"),
        m -> assertThat(m).contains("game y"));
    assertThat(r.getTurnsPlayed()).isZero();
    assertThat(r.getMessagesList()).isEmpty();
    assertThat(r.getReplayVerified()).isFalse();
  }

  @Test
  void build_emptyJournal_givesAnEmptyReportNotAnException() {
    Report r = AfterActionReport.build(S, List.of());
    assertThat(r.getTurnsPlayed()).isZero();
    assertThat(r.getReplayVerified()).isFalse();
    assertThat(r.getScenarioId()).isEqualTo(S.id());
    assertThat(AfterActionReport.markdown(r, "fr")).contains("# Débriefing");
  }

  @Test
  void build_participants_fromSeatChanges_sortedAndKickedKeepTheirSeat() {
    TestGames.Game g = new TestGames.Game("seats", S, 1, TestGames.allPassive(S));
    List<JournalEntry> entries = new ArrayList<>(g.entries);
    entries.add(seat("seats", SeatChange.SEAT_CHANGE_JOINED, "p2", "Bea", Role.PLAYER, "ukr", Role.ROLE_UNSPECIFIED, ""));
    entries.add(seat("seats", SeatChange.SEAT_CHANGE_JOINED, "p1", "Ali", Role.PLAYER, "rus", Role.ROLE_UNSPECIFIED, ""));
    entries.add(seat("seats", SeatChange.SEAT_CHANGE_JOINED, "i0", "Prof", Role.INSTRUCTOR, "", Role.ROLE_UNSPECIFIED, ""));
    entries.add(seat("seats", SeatChange.SEAT_CHANGE_ASSIGNED, "p1", "", Role.PLAYER, "blr", Role.PLAYER, "rus"));
    entries.add(seat("seats", SeatChange.SEAT_CHANGE_KICKED, "p2", "", Role.ROLE_UNSPECIFIED, "", Role.PLAYER, "ukr"));

    Report r = AfterActionReport.build(S, entries);

    assertThat(r.getParticipantsList()).extracting(Participant::getParticipantId).containsExactly("i0", "p1", "p2");
    assertThat(r.getParticipants(1).getActor()).isEqualTo("blr");
    assertThat(r.getParticipants(1).getName()).isEqualTo("Ali");
    assertThat(r.getParticipants(2).getActor()).isEqualTo("ukr");
    assertThat(r.getParticipants(2).getRole()).isEqualTo(Role.PLAYER);
    assertThat(r.getParticipants(0).getRole()).isEqualTo(Role.INSTRUCTOR);
  }

  static int indexOfTurnResolved(List<JournalEntry> entries, int turn) {
    for (int k = 0; k < entries.size(); k++) {
      if (entries.get(k).hasTurnResolved() && entries.get(k).getTurnResolved().getTurn() == turn) {
        return k;
      }
    }
    throw new IllegalArgumentException("no turn " + turn);
  }

  static JournalEntry turnResolved(String game, int turn) {
    return JournalEntry.newBuilder().setGameId(game).setTurnResolved(TurnResolvedEntry.newBuilder()
        .setTurn(turn).setStateDigest(ByteString.copyFrom(new byte[32]))).build();
  }

  static JournalEntry inject(String game, int turn, String scriptedId) {
    return JournalEntry.newBuilder().setGameId(game).setInject(brink.protocol.v1.InjectEntry.newBuilder()
        .setTurn(turn).setScriptedId(scriptedId).setByParticipantId("i0")).build();
  }

  static JournalEntry seat(String game, SeatChange change, String id, String name, Role role, String actor,
      Role previousRole, String previousActor) {
    return JournalEntry.newBuilder().setGameId(game).setSeatChanged(SeatChangedEntry.newBuilder()
        .setChange(change).setParticipantId(id).setName(name).setRole(role).setActor(actor)
        .setPreviousRole(previousRole).setPreviousActor(previousActor)).build();
  }
}
