package brink.server;

import static brink.server.testkit.Requests.customInject;
import static brink.server.testkit.Requests.end;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.report;
import static brink.server.testkit.Requests.resume;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.scriptedInject;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static brink.server.testkit.Requests.unitMove;
import static brink.server.testkit.Requests.waitOrders;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Event;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.TurnReport;
import brink.scenario.Library;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole game of the default scenario over TCP, from CreateGame to GetReport, played once by scripted
 * clients: a turn that resolves at its deadline (the clock moved by hand), one that resolves early when
 * every seat is ready, a pause that stops the clock, a scripted and an instructor's own inject, a player who
 * drops and resumes, a forced resolution, then turns until the game ends. The tests below check what
 * happened (a) and that no player was ever sent what its actor may not know (b).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullGameTest {
  static final String SECRET = "rus-secret-0451: the northern axis moves first";
  static final String PUBLIC_NOTE = "Press conference at noon";

  Path dir;
  TestServer server;
  TestClient teacher;
  TestClient alice; // rus
  TestClient bogdan; // ukr
  TestClient carol; // usa (drops out and comes back as carolAgain)
  TestClient carolAgain;
  TestClient dan; // usa too: a seat shared by two students
  TestClient projector; // observer
  String game;
  GameCreated created;

  /** What each step of the script saw, for the tests to check. */
  final Map<String, Object> seen = new TreeMap<>();
  final List<TurnReport> teacherReports = new ArrayList<>();
  ServerMessage finalReport;
  Phase phaseWhilePaused;
  long deadlineAfterResume;
  long resumeTime;

  @BeforeAll
  void playTheGame() throws Exception {
    dir = Files.createTempDirectory("brink-fullgame");
    server = new TestServer(dir);
    teacher = server.instructor();
    created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
        .setSeed(42).setOrdersSeconds(600).setLabel("Group B, Tuesday"));
    game = created.getGameId();
    alice = server.player(TestServer.seatCode(created, "rus"), "Alice");
    bogdan = server.player(TestServer.seatCode(created, "ukr"), "Bogdan");
    carol = server.player(TestServer.seatCode(created, "usa"), "Carol");
    dan = server.player(TestServer.seatCode(created, "usa"), "Dan");
    projector = server.player(created.getObserverCode(), "Projector");

    ok(teacher.request(start(game)));
    ServerMessage started = alice.awaitPush(pc(Phase.ORDERS, 1));
    seen.put("turn1.deadline", started.getPhaseChanged().getDeadlineEpochMillis());

    // Turn 1: orders, a private message, then the deadline passes.
    seen.put("turn1.rus.accepted", alice.request(orders(game, 1, false,
        move(MoveType.CYBER_ATTACK, "ukr"), move(MoveType.HOTLINE_CALL, "usa"))));
    ok(seen("turn1.rus.accepted"));
    ok(alice.request(message(game, SECRET, "blr")));
    seen.put("turn1.usa.accepted", carol.request(orders(game, 1, false,
        unitMove(MoveType.DEPLOY_TROOPS, "us-101st-campbell", "poland"))));
    ok(seen("turn1.usa.accepted"));
    ok(bogdan.request(waitOrders(game, 1, false)));
    server.clock.advance(Duration.ofSeconds(600));
    seen.put("turn1.report", teacher.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 1));
    seen.put("turn1.phase", teacher.awaitPush(pc(Phase.REPORT, 1)));
    ok(teacher.request(proceed(game)));
    teacher.awaitPush(pc(Phase.ORDERS, 2));

    // Turn 2: a scripted inject fired ahead of its turn; every seat with players says ready.
    ok(teacher.request(scriptedInject(game, "donbas-shelling")));
    ok(alice.request(orders(game, 2, true, move(MoveType.THREATEN_FORCE, "ukr"))));
    ok(bogdan.request(waitOrders(game, 2, true)));
    seen.put("turn2.stillOrders", teacher.request(state(game)).getGameState().getPhase());
    ok(dan.request(orders(game, 2, true, move(MoveType.CRITICIZE, "rus"))));
    seen.put("turn2.phase", teacher.awaitPush(pc(Phase.REPORT, 2)));
    seen.put("turn2.report", teacher.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 2));
    ok(teacher.request(proceed(game)));
    teacher.awaitPush(pc(Phase.ORDERS, 3));

    // Turn 3: a pause stops the clock; an inject written now; a player drops and resumes; forced resolution.
    ok(teacher.request(pause(game)));
    seen.put("turn3.paused", teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPaused()));
    server.clock.advance(Duration.ofSeconds(3600));
    GameState whilePaused = teacher.request(state(game)).getGameState();
    phaseWhilePaused = whilePaused.getPhase();
    seen.put("turn3.pausedTurn", whilePaused.getTurn());
    ok(teacher.request(customInject(game, brink.protocol.scenario.v1.Inject.newBuilder()
        .setHeadline(Text.newBuilder().setEn("Gas pipeline explosion near Kharkiv"))
        .setVisibility(Visibility.PUBLIC)
        .addEffect(Effect.newBuilder().setHostility(DyadChange.newBuilder().setFrom("ukr").setTo("rus").setDelta(5)))
        .build())));
    resumeTime = server.clock.millis();
    ok(teacher.request(resume(game)));
    deadlineAfterResume = teacher.awaitPush(m -> m.hasPhaseChanged() && "resumed".equals(
        m.getPhaseChanged().getReason())).getPhaseChanged().getDeadlineEpochMillis();

    ok(carol.request(orders(game, 3, false, move(MoveType.CRITICIZE, "rus"))));
    long carolSeq = carol.lastSeq;
    String carolToken = carol.token;
    carol.close();
    ok(teacher.request(message(game, PUBLIC_NOTE)));
    ok(alice.request(orders(game, 3, false, move(MoveType.STATEMENT_REASSURE, "usa"))));
    carolAgain = server.client();
    carolAgain.hello();
    // Request ids are unique per session, across its connections: the resumed session goes on counting.
    carolAgain.continueNumberingFrom(carol);
    seen.put("turn3.resumed", carolAgain.request(resumeSession(carolToken, game, carolSeq)));
    seen.put("turn3.replayedPress", carolAgain.awaitPush(m -> m.hasPress()));
    seen.put("turn3.carolState", carolAgain.request(state(game)));
    ok(teacher.request(force(game, 3)));
    seen.put("turn3.report", teacher.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 3));
    seen.put("turn3.phase", teacher.awaitPush(pc(Phase.REPORT, 3)));
    seen.put("midgame.report", teacher.request(report(game)));

    // The rest: every seat waits and says ready, the instructor continues, until an end condition.
    Phase phase = Phase.REPORT;
    int turn = 3;
    while (phase != Phase.ENDED) {
      ok(teacher.request(proceed(game)));
      turn++;
      teacher.awaitPush(pc(Phase.ORDERS, turn));
      ok(alice.request(waitOrders(game, turn, true)));
      ok(bogdan.request(waitOrders(game, turn, true)));
      ok(carolAgain.request(waitOrders(game, turn, true)));
      int t = turn;
      ServerMessage next = teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getTurn() == t
          && (m.getPhaseChanged().getPhase() == Phase.REPORT || m.getPhaseChanged().getPhase() == Phase.ENDED));
      phase = next.getPhaseChanged().getPhase();
    }
    seen.put("lastTurn", turn);
    seen.put("ended", teacher.request(state(game)));
    finalReport = bogdan.request(report(game));
    // Read whatever each client has not read yet: a request through the game's executor comes after
    // every push the game sent it.
    for (TestClient c : new TestClient[] {alice, carolAgain, dan, projector}) {
      c.request(state(game));
    }
    for (ServerMessage m : teacher.frames()) {
      if (m.hasTurnReport()) {
        teacherReports.add(m.getTurnReport());
      }
    }
  }

  @AfterAll
  void close() throws Exception {
    for (TestClient c : new TestClient[] {teacher, alice, bogdan, carolAgain, dan, projector}) {
      if (c != null) {
        c.close();
      }
    }
    server.close();
  }

  private static Predicate<ServerMessage> pc(Phase phase, int turn) {
    return m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == phase
        && m.getPhaseChanged().getTurn() == turn;
  }

  private static void ok(ServerMessage m) {
    assertThat(m.hasError()).as("no error, got %s", m).isFalse();
  }

  private ServerMessage seen(String key) {
    return (ServerMessage) seen.get(key);
  }

  // ================================================================== (a) the game

  @Test
  void deadline_resolvesTheTurnWhenTheClockPassesIt() {
    assertThat((long) seen.get("turn1.deadline")).isEqualTo(TestServer.START.toEpochMilli() + 600_000);
    assertThat(seen("turn1.phase").getPhaseChanged().getReason()).isEqualTo("deadline");
    TurnReport r = seen("turn1.report").getTurnReport();
    assertThat(r.getDefaultedList()).extracting(d -> d.getActor() + ":" + d.getBot())
        .containsExactly("blr:historical", "nato:historical");
    assertThat(r.getStartDate()).isEqualTo("2022-02-03");
    assertThat(r.getEndDate()).isEqualTo("2022-02-09");
  }

  @Test
  void turnReports_leaveOutTheBriefings_thatTheFullViewCarries() throws Exception {
    TurnReport r = seen("turn1.report").getTurnReport();
    assertThat(r.getActorsList()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.hasPublicBriefing()).as("%s's briefing in the report", a.getId()).isFalse();
      assertThat(a.getName().getEn()).isNotEmpty();
    });
    brink.protocol.v1.GameState full = bogdan.request(state(game)).getGameState();
    assertThat(full.getActorsList()).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getPublicBriefing().getEn()).as(a.getId()).isNotEmpty());
    assertThat(full.getReportsList()).isNotEmpty()
        .allSatisfy(t -> assertThat(t.getActorsList()).noneMatch(ActorView::hasPublicBriefing));
  }

  @Test
  void allSeatsReady_resolvesEarlyOnlyWhenTheLastSeatWithPlayersIsReady() {
    assertThat(seen.get("turn2.stillOrders")).isEqualTo(Phase.ORDERS);
    assertThat(seen("turn2.phase").getPhaseChanged().getReason()).isEqualTo("all seats ready");
  }

  @Test
  void scriptedInject_firedAheadOfItsTurn_entersTheNextResolution() {
    assertThat(seen("turn2.report").getTurnReport().getEventsList())
        .anySatisfy(e -> {
          assertThat(e.getKind()).isEqualTo(EventKind.EVENT_INJECT);
          assertThat(e.getInjectId()).isEqualTo("donbas-shelling");
        });
    assertThat(seen("turn3.report").getTurnReport().getEventsList())
        .noneMatch(e -> "donbas-shelling".equals(e.getInjectId()));
  }

  @Test
  void pause_stopsTheClockAndResumeGivesBackTheTimeThatWasLeft() {
    assertThat(seen("turn3.paused").getPhaseChanged().getRemainingMillis()).isEqualTo(600_000);
    assertThat(phaseWhilePaused).as("an hour passed while paused").isEqualTo(Phase.ORDERS);
    assertThat(seen.get("turn3.pausedTurn")).isEqualTo(3);
    assertThat(deadlineAfterResume).isEqualTo(resumeTime + 600_000);
  }

  @Test
  void customInject_appearsWithItsHeadlineInTheForcedTurn() {
    assertThat(seen("turn3.phase").getPhaseChanged().getReason()).isEqualTo("forced by the instructor");
    assertThat(seen("turn3.report").getTurnReport().getEventsList()).anySatisfy(e -> {
      assertThat(e.getKind()).isEqualTo(EventKind.EVENT_INJECT);
      assertThat(e.getHeadline().getEn()).isEqualTo("Gas pipeline explosion near Kharkiv");
      assertThat(e.getInjectId()).as("an instructor's own inject has no scenario id").isEmpty();
    });
  }

  @Test
  void resume_replaysTheMissedPushesAndKeepsTheSeatsOrders() {
    ServerMessage resumed = seen("turn3.resumed");
    assertThat(resumed.hasResumed()).as("%s", resumed).isTrue();
    assertThat(resumed.getResumed().getReplaying()).isTrue();
    assertThat(resumed.getResumed().getActor()).isEqualTo("usa");
    assertThat(seen("turn3.replayedPress").getPress().getText()).isEqualTo(PUBLIC_NOTE);
    assertThat(seen("turn3.replayedPress").getSeq()).isGreaterThan(0);
    GameState s = seen("turn3.carolState").getGameState();
    assertThat(s.getOwnOrders().getMovesList()).containsExactly(move(MoveType.CRITICIZE, "rus"));
    assertThat(s.getOwnOrders().getTurn()).isEqualTo(3);
  }

  @Test
  void game_endsAndTheReportIsOpenToPlayersThen() {
    GameState end = seen("ended").getGameState();
    assertThat(end.getPhase()).isEqualTo(Phase.ENDED);
    assertThat(end.getOutcome().getType()).isNotEqualTo(brink.protocol.scenario.v1.OutcomeType.OUTCOME_UNSPECIFIED);
    assertThat(end.getOutcome().getTurn()).isEqualTo(seen.get("lastTurn"));
    assertThat(end.getReportsCount()).isEqualTo((int) seen.get("lastTurn"));
    assertThat(finalReport.hasReport()).as("%s", finalReport.hasError() ? finalReport.getError() : "").isTrue();
    assertThat(finalReport.getReport().getComplete()).isTrue();
    assertThat(finalReport.getReport().getTurnsPlayed()).isEqualTo((int) seen.get("lastTurn"));
    assertThat(finalReport.getReport().getMessagesList()).extracting(Press::getText).contains(SECRET);
    assertThat(seen("midgame.report").hasReport()).as("the instructor may read it mid-game").isTrue();
    assertThat(seen("midgame.report").getReport().getComplete()).isFalse();
  }

  @Test
  void journal_replaysExactly_injectsIncluded() {
    assertThat(finalReport.getReport().getReplayIssuesList()).as("every journaled digest replays").isEmpty();
    assertThat(finalReport.getReport().getReplayVerified()).isTrue();
  }

  @Test
  void sequenceNumbers_increaseStrictlyForEveryRecipient() {
    for (TestClient c : new TestClient[] {teacher, alice, bogdan, dan, projector}) {
      long last = 0;
      for (ServerMessage m : c.frames()) {
        if (m.getSeq() != 0) {
          assertThat(m.getSeq()).isGreaterThan(last);
          last = m.getSeq();
        }
      }
      assertThat(last).isGreaterThan(0);
    }
  }

  // ================================================================== (b) no leak

  /** Every frame a client received before the game ended (after ENDED, full views reveal everything). */
  private static List<ServerMessage> beforeEnd(TestClient c) {
    List<ServerMessage> out = new ArrayList<>();
    for (ServerMessage m : c.frames()) {
      if (m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ENDED) {
        break;
      }
      out.add(m);
    }
    return out;
  }

  private static List<byte[]> rawBeforeEnd(TestClient c) {
    List<ServerMessage> parsed = beforeEnd(c);
    return c.rawFrames().subList(0, parsed.size());
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Each player client with its actor. */
  private Map<TestClient, String> players() {
    Map<TestClient, String> out = new java.util.LinkedHashMap<>();
    out.put(alice, "rus");
    out.put(bogdan, "ukr");
    out.put(carol, "usa");
    out.put(carolAgain, "usa");
    out.put(dan, "usa");
    return out;
  }

  private static List<Event> events(List<ServerMessage> frames) {
    List<Event> out = new ArrayList<>();
    for (ServerMessage m : frames) {
      if (m.hasTurnReport()) {
        out.addAll(m.getTurnReport().getEventsList());
      }
      for (GameState s : states(m)) {
        for (TurnReport r : s.getReportsList()) {
          out.addAll(r.getEventsList());
        }
      }
    }
    return out;
  }

  private static List<GameState> states(ServerMessage m) {
    List<GameState> out = new ArrayList<>();
    if (m.hasGameState()) {
      out.add(m.getGameState());
    }
    if (m.hasJoined()) {
      out.add(m.getJoined().getState());
    }
    if (m.hasGameCreated()) {
      out.add(m.getGameCreated().getState());
    }
    return out;
  }

  @Test
  void noPlayer_isEverSentAnotherActorsPrivateBriefing() throws Exception {
    brink.engine.def.Scenario sc = Library.bundled("eastern-flank-2022").scenario();
    int checked = 0;
    for (Map.Entry<TestClient, String> p : players().entrySet()) {
      for (brink.engine.def.ActorDef a : sc.actors()) {
        byte[] briefing = a.privateBriefing().en().getBytes(StandardCharsets.UTF_8);
        assertThat(briefing.length).isGreaterThan(40);
        boolean own = a.id().equals(p.getValue());
        boolean found = rawBeforeEnd(p.getKey()).stream().anyMatch(f -> contains(f, briefing));
        assertThat(found).as("%s's briefing in frames to a player of %s", a.id(), p.getValue()).isEqualTo(own);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(25);
    assertThat(rawBeforeEnd(projector).stream().anyMatch(f -> contains(f,
        sc.actors().get(0).privateBriefing().en().getBytes(StandardCharsets.UTF_8)))).isFalse();
  }

  @Test
  void privateMessages_reachOnlyTheirSenderRecipientsAndTheInstructor() {
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    assertThat(rawBeforeEnd(alice).stream().anyMatch(f -> contains(f, secret))).as("the sender's seat").isTrue();
    assertThat(rawBeforeEnd(teacher).stream().anyMatch(f -> contains(f, secret))).as("the instructor").isTrue();
    for (TestClient c : new TestClient[] {bogdan, carol, carolAgain, dan, projector}) {
      assertThat(rawBeforeEnd(c).stream().anyMatch(f -> contains(f, secret))).isFalse();
    }
    byte[] note = PUBLIC_NOTE.getBytes(StandardCharsets.UTF_8);
    assertThat(rawBeforeEnd(projector).stream().anyMatch(f -> contains(f, note))).as("public reaches all").isTrue();
  }

  @Test
  void covertMoves_reachOnlyTheMoverAndATargetThatDetectedThem() {
    TurnReport truth = seen("turn1.report").getTurnReport();
    Event cyber = truth.getEventsList().stream().filter(e -> e.getMove() == MoveType.CYBER_ATTACK
        && e.getActor().equals("rus")).findFirst().orElseThrow();
    assertThat(cyber.getVisibility()).isEqualTo(Visibility.COVERT);
    Predicate<Event> isCyber = e -> e.getMove() == MoveType.CYBER_ATTACK && e.getActor().equals("rus");
    assertThat(events(beforeEnd(alice))).as("the mover sees its move").anyMatch(isCyber);
    for (TestClient c : new TestClient[] {carol, carolAgain, dan, projector}) {
      assertThat(events(beforeEnd(c))).noneMatch(isCyber);
    }
    assertThat(events(beforeEnd(bogdan)).stream().anyMatch(isCyber)).as("the target, if it detected it")
        .isEqualTo(cyber.getDetected());
  }

  @Test
  void partiesMoves_reachThirdPartiesOnlyAsContact() {
    Predicate<Event> hotline = e -> e.getActor().equals("rus") && e.getTarget().equals("usa")
        && (e.getKind() == EventKind.EVENT_CONTACT || e.getMove() == MoveType.HOTLINE_CALL);
    for (TestClient c : new TestClient[] {bogdan, projector}) {
      List<Event> seenByThem = events(beforeEnd(c)).stream().filter(hotline).toList();
      assertThat(seenByThem).isNotEmpty().allSatisfy(e -> {
        assertThat(e.getKind()).isEqualTo(EventKind.EVENT_CONTACT);
        assertThat(e.getMove()).isEqualTo(MoveType.MOVE_UNSPECIFIED);
      });
    }
    for (TestClient c : new TestClient[] {alice, carol, dan}) {
      assertThat(events(beforeEnd(c))).as("the parties see the call").filteredOn(hotline)
          .isNotEmpty().allSatisfy(e -> assertThat(e.getMove()).isEqualTo(MoveType.HOTLINE_CALL));
    }
  }

  @Test
  void orders_rejectionsAndHiddenNumbers_ofOtherActorsNeverReachAPlayer() {
    for (Map.Entry<TestClient, String> p : players().entrySet()) {
      String me = p.getValue();
      for (ServerMessage m : beforeEnd(p.getKey())) {
        for (GameState s : states(m)) {
          assertThat(s.getViewerActor()).isEqualTo(me);
          for (ActorView a : s.getActorsList()) {
            assertThat(a.hasStability()).as("%s's stability to %s", a.getId(), me).isEqualTo(a.getId().equals(me));
            assertThat(a.getDefaultBot()).isEmpty();
          }
          for (DyadView d : s.getDyadsList()) {
            boolean mine = d.getA().equals(me) || d.getB().equals(me);
            assertThat(d.hasHostilityAb()).isEqualTo(mine);
            assertThat(d.getTalks().hasProgress()).isEqualTo(mine);
          }
          assertThat(s.getParticipantsList()).isEmpty();
          assertThat(s.getScriptedInjectsList()).isEmpty();
          s.getReportsList().forEach(r -> assertThat(r.getRejectionsList()).allMatch(x -> x.getActor().equals(me)));
        }
        if (m.hasTurnReport()) {
          assertThat(m.getTurnReport().getRejectionsList()).allMatch(x -> x.getActor().equals(me));
          for (ActorView a : m.getTurnReport().getActorsList()) {
            assertThat(a.hasStability()).isEqualTo(a.getId().equals(me));
          }
        }
        if (m.hasSeatChanged() && !m.getSeatChanged().getSeat().getActor().equals(me)) {
          assertThat(m.getSeatChanged().getSeat().getParticipantsList()).as("other seats' members").isEmpty();
        }
        assertThat(m.hasOrdersAccepted() && !ownMoves(me).containsAll(m.getOrdersAccepted().getOrders()
            .getMovesList())).as("orders that are not %s's", me).isFalse();
      }
    }
  }

  /** Every move a seat's players submitted in the script. */
  private static List<Move> ownMoves(String actor) {
    switch (actor) {
      case "rus":
        return List.of(move(MoveType.CYBER_ATTACK, "ukr"), move(MoveType.HOTLINE_CALL, "usa"),
            move(MoveType.THREATEN_FORCE, "ukr"), move(MoveType.STATEMENT_REASSURE, "usa"));
      case "usa":
        return List.of(unitMove(MoveType.DEPLOY_TROOPS, "us-101st-campbell", "poland"),
            move(MoveType.CRITICIZE, "rus"));
      default:
        return List.of();
    }
  }

  @Test
  void instructor_seesEverything() {
    TurnReport t1 = seen("turn1.report").getTurnReport();
    assertThat(t1.getEventsList()).anyMatch(e -> e.getMove() == MoveType.CYBER_ATTACK);
    assertThat(t1.getEventsList()).anyMatch(e -> e.getMove() == MoveType.HOTLINE_CALL);
    assertThat(t1.getActorsList()).allMatch(ActorView::hasStability);
    assertThat(teacherReports).hasSizeGreaterThanOrEqualTo(3);
  }
}
