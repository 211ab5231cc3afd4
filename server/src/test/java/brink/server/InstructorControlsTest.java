package brink.server;

import static brink.server.testkit.Requests.end;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static brink.server.testkit.Requests.waitOrders;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.AssignSeat;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.DyadForecast;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.ExtendDeadline;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.GameSummary;
import brink.protocol.v1.Kick;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PreviewInject;
import brink.protocol.v1.Role;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the instructor's controls do, beyond being allowed: clocks, previews, seats, the list, the end. */
class InstructorControlsTest {
  @TempDir
  Path dir;
  TestServer server;
  TestClient teacher;

  @BeforeEach
  void open() throws Exception {
    server = new TestServer(dir);
    teacher = server.instructor();
  }

  @AfterEach
  void close() throws Exception {
    teacher.close();
    server.close();
  }

  private GameCreated game(int ordersSeconds, int reportSeconds) throws Exception {
    return TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022").setSeed(8)
        .setOrdersSeconds(ordersSeconds).setReportSeconds(reportSeconds));
  }

  @Test
  void extendDeadline_movesTheDeadline_andWhilePausedAddsToTheTimeLeft() throws Exception {
    String id = game(600, 0).getGameId();
    assertThat(teacher.request(start(id)).hasAck()).isTrue();
    long deadline = teacher.request(state(id)).getGameState().getDeadlineEpochMillis();
    ClientMessage.Builder extend = ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder()
        .setGameId(id).setSeconds(120));
    assertThat(teacher.request(extend).hasAck()).isTrue();
    assertThat(teacher.request(state(id)).getGameState().getDeadlineEpochMillis()).isEqualTo(deadline + 120_000);
    assertThat(teacher.request(pause(id)).hasAck()).isTrue();
    assertThat(teacher.request(extend).hasAck()).isTrue();
    GameState paused = teacher.request(state(id)).getGameState();
    assertThat(paused.getRemainingMillis()).isEqualTo(720_000 + 120_000);
    assertThat(paused.getDeadlineEpochMillis()).isZero();
    TestClient.error(teacher.request(ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder()
        .setGameId(id).setSeconds(0))), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void reportTimer_continuesToTheNextTurnOnItsOwn() throws Exception {
    String id = game(300, 60).getGameId();
    assertThat(teacher.request(start(id)).hasAck()).isTrue();
    assertThat(teacher.request(force(id, 1)).hasAck()).isTrue();
    ServerMessage report = teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.REPORT);
    assertThat(report.getPhaseChanged().getDeadlineEpochMillis()).isEqualTo(server.clock.millis() + 60_000);
    server.clock.advance(Duration.ofSeconds(60));
    ServerMessage next = teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ORDERS
        && m.getPhaseChanged().getTurn() == 2);
    assertThat(next.getPhaseChanged().getDeadlineEpochMillis()).isEqualTo(server.clock.millis() + 300_000);
  }

  @Test
  void previewInject_forecastsWithAndWithout_andChangesNothing() throws Exception {
    String id = game(0, 0).getGameId();
    assertThat(teacher.request(start(id)).hasAck()).isTrue();
    GameState before = teacher.request(state(id)).getGameState();
    ServerMessage m = teacher.request(ClientMessage.newBuilder().setPreviewInject(PreviewInject.newBuilder()
        .setGameId(id).setCustom(brink.protocol.scenario.v1.Inject.newBuilder()
            .setHeadline(Text.newBuilder().setEn("Border incident"))
            .addEffect(Effect.newBuilder().setHostility(DyadChange.newBuilder().setFrom("rus").setTo("ukr")
                .setDelta(20))))));
    assertThat(m.hasInjectPreview()).as("%s", m).isTrue();
    DyadForecast rusUkr = m.getInjectPreview().getDyadsList().stream()
        .filter(d -> d.getA().equals("rus") && d.getB().equals("ukr")).findFirst().orElseThrow();
    assertThat(rusUkr.getTensionWith()).isGreaterThan(rusUkr.getTensionWithout());
    assertThat(m.getInjectPreview().getEventsWithList()).anyMatch(e -> e.getKind() == EventKind.EVENT_INJECT
        && e.getHeadline().getEn().equals("Border incident"));
    GameState after = teacher.request(state(id)).getGameState();
    assertThat(after.getSeq()).isEqualTo(before.getSeq());
    assertThat(after.getDyadsList()).isEqualTo(before.getDyadsList());
    TestClient.error(teacher.request(ClientMessage.newBuilder().setPreviewInject(PreviewInject.newBuilder()
        .setGameId(id).setCustom(brink.protocol.scenario.v1.Inject.newBuilder()
            .setHeadline(Text.newBuilder().setEn("Nonsense"))
            .addEffect(Effect.newBuilder().setHostility(DyadChange.newBuilder().setFrom("rus").setTo("mars")
                .setDelta(1)))))), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void assignSeat_movesAPlayer_andKickDisconnectsWithTheReason() throws Exception {
    GameCreated g = game(0, 0);
    String id = g.getGameId();
    try (TestClient eve = server.player(g.getObserverCode(), "Eve");
        TestClient mallory = server.player(TestServer.seatCode(g, "ukr"), "Mallory")) {
      String eveId = eve.request(state(id)).getGameState().getViewerParticipantId();
      assertThat(teacher.request(ClientMessage.newBuilder().setAssignSeat(AssignSeat.newBuilder().setGameId(id)
          .setParticipantId(eveId).setRole(Role.PLAYER).setActor("usa"))).hasAck()).isTrue();
      GameState moved = eve.awaitPush(ServerMessage::hasGameState).getGameState();
      assertThat(moved.getViewerRole()).isEqualTo(Role.PLAYER);
      assertThat(moved.getViewerActor()).isEqualTo("usa");
      assertThat(moved.getPrivateBriefing().getEn()).isNotEmpty();

      String malloryId = mallory.request(state(id)).getGameState().getViewerParticipantId();
      assertThat(teacher.request(ClientMessage.newBuilder().setKick(Kick.newBuilder().setGameId(id)
          .setParticipantId(malloryId).setReason("disrupting the class"))).hasAck()).isTrue();
      ServerMessage bye = mallory.awaitPush(ServerMessage::hasDisconnect);
      assertThat(bye.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_KICKED);
      assertThat(bye.getDisconnect().getMessage()).contains("disrupting the class");
      assertThat(mallory.closedByServer()).isTrue();
      GameState now = teacher.request(state(id)).getGameState();
      assertThat(now.getParticipantsList()).extracting(p -> p.getName()).containsExactly("instructor", "Eve");
    }
  }

  @Test
  void kickAndAssignSeat_changeWhichSeatsAnEarlyResolutionWaitsFor() throws Exception {
    GameCreated g = game(600, 0);
    String id = g.getGameId();
    try (TestClient eve = server.player(TestServer.seatCode(g, "usa"), "Eve");
        TestClient mallory = server.player(TestServer.seatCode(g, "ukr"), "Mallory");
        TestClient bob = server.player(TestServer.seatCode(g, "rus"), "Bob")) {
      assertThat(teacher.request(start(id)).hasAck()).isTrue();
      assertThat(eve.request(waitOrders(id, 1, true)).hasOrdersAccepted()).isTrue();
      assertThat(mallory.request(waitOrders(id, 1, true)).hasOrdersAccepted()).isTrue();
      assertThat(teacher.request(state(id)).getGameState().getPhase()).as("Russia is not ready").isEqualTo(Phase.ORDERS);
      String bobId = bob.request(state(id)).getGameState().getViewerParticipantId();
      assertThat(teacher.request(ClientMessage.newBuilder().setKick(Kick.newBuilder().setGameId(id)
          .setParticipantId(bobId).setReason("left the class"))).hasAck()).isTrue();
      teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.REPORT);
      assertThat(teacher.request(proceed(id)).hasAck()).isTrue();

      // Turn 2: the United States is ready; Ukraine's only player moves to the United States' seat.
      assertThat(eve.request(waitOrders(id, 2, true)).hasOrdersAccepted()).isTrue();
      assertThat(teacher.request(state(id)).getGameState().getPhase()).isEqualTo(Phase.ORDERS);
      String malloryId = mallory.request(state(id)).getGameState().getViewerParticipantId();
      assertThat(teacher.request(ClientMessage.newBuilder().setAssignSeat(AssignSeat.newBuilder().setGameId(id)
          .setParticipantId(malloryId).setRole(Role.PLAYER).setActor("usa"))).hasAck()).isTrue();
      teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.REPORT
          && m.getPhaseChanged().getTurn() == 2);
      assertThat(listed(id).getSeatsTaken()).isEqualTo(1);
    }
  }

  /** The list's line for game {@code id}, as the instructor's ListGames shows it now. */
  private GameSummary listed(String id) throws Exception {
    return teacher.request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance())).getGameList()
        .getGamesList().stream().filter(s -> s.getGameId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void listGames_followsSeatsConnectionsPhasesAndPauses() throws Exception {
    GameCreated g = game(0, 0);
    String id = g.getGameId();
    assertThat(listed(id).getSeatsTaken()).isZero();
    assertThat(listed(id).getConnected()).isEqualTo(1);
    TestClient ukraine = server.player(TestServer.seatCode(g, "ukr"), "Mallory");
    assertThat(listed(id).getSeatsTaken()).isEqualTo(1);
    assertThat(listed(id).getConnected()).isEqualTo(2);
    assertThat(teacher.request(start(id)).hasAck()).isTrue();
    assertThat(listed(id).getPhase()).isEqualTo(Phase.ORDERS);
    assertThat(listed(id).getTurn()).isEqualTo(1);
    GameSummary ordering = listed(id);
    assertThat(ukraine.request(waitOrders(id, 1, false)).hasOrdersAccepted()).isTrue();
    assertThat(ukraine.request(message(id, "talks?", "usa")).hasError()).isFalse();
    assertThat(listed(id)).isEqualTo(ordering);
    assertThat(teacher.request(force(id, 1)).hasAck()).isTrue();
    assertThat(listed(id).getPhase()).isEqualTo(Phase.REPORT);
    assertThat(teacher.request(pause(id)).hasAck()).isTrue();
    assertThat(listed(id).getPaused()).isTrue();
    teacher.clearPushes(); // the join's own seat push said "connected 0" too: it was rendered before the bind
    ukraine.close();
    teacher.awaitPush(m -> m.hasSeatChanged() && m.getSeatChanged().getSeat().getActor().equals("ukr")
        && m.getSeatChanged().getSeat().getConnected() == 0);
    assertThat(listed(id).getConnected()).isEqualTo(1);
    assertThat(listed(id).getSeatsTaken()).isEqualTo(1);
  }

  @Test
  void listGames_newestFirst_endedOnlyWhenAsked() throws Exception {
    String first = game(0, 0).getGameId();
    server.clock.advance(Duration.ofMinutes(1));
    String second = game(0, 0).getGameId();
    assertThat(teacher.request(end(first, "")).hasAck()).isTrue();
    ClientMessage.Builder all = ClientMessage.newBuilder().setListGames(ListGames.newBuilder().setIncludeEnded(true));
    assertThat(teacher.request(all).getGameList().getGamesList()).extracting(GameSummary::getGameId)
        .containsExactly(second, first);
    assertThat(teacher.request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()))
        .getGameList().getGamesList()).extracting(GameSummary::getGameId).containsExactly(second);
  }

  @Test
  void afterTheEnd_aFullViewRevealsEverythingToEveryone() throws Exception {
    GameCreated g = game(0, 0);
    String id = g.getGameId();
    try (TestClient ann = server.player(TestServer.seatCode(g, "ukr"), "Ann")) {
      GameState during = ann.request(state(id)).getGameState();
      assertThat(during.getActorsList()).filteredOn(a -> !a.getId().equals("ukr")).noneMatch(a -> a.hasStability());
      assertThat(teacher.request(start(id)).hasAck()).isTrue();
      assertThat(teacher.request(force(id, 1)).hasAck()).isTrue();
      assertThat(teacher.request(end(id, "debrief")).hasAck()).isTrue();
      GameState after = ann.request(state(id)).getGameState();
      assertThat(after.getPhase()).isEqualTo(Phase.ENDED);
      assertThat(after.getOutcome().getEndedByInstructor()).isTrue();
      assertThat(after.getActorsList()).allMatch(a -> a.hasStability());
      assertThat(after.getDyadsList()).allMatch(d -> d.hasHostilityAb() && d.hasHostilityBa());
      assertThat(after.getParticipantsList()).as("the instructor's lists stay the instructor's").isEmpty();
    }
  }
}
