package brink.server;

import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.resume;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Phase;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found while checking deadlines in the crash test): a deadline that passed while the server was
 * down was re-armed through the timer thread, so for a moment after the restart (with a test clock, until the
 * clock next moved) the game still took orders for a turn past its deadline, and the turn then resolved with
 * them. An overdue deadline is now acted on first thing, before any request reaches the game. Deadlines are
 * absolute times in the journal (architecture.md): one still ahead is the same after a restart, and a paused
 * game keeps its time left however long the server was down. Each server here has its own clock, set to the
 * moment it (re)starts.
 */
class DeadlinePassedWhileServerWasDownTest {
  @TempDir
  Path dir;

  TestServer server;
  String game;
  TestClient teacher;
  TestClient rus;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private GameState setUp(int ordersSeconds, int reportSeconds) throws IOException {
    server = at(TestServer.START);
    teacher = server.instructor();
    GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
        .setOrdersSeconds(ordersSeconds).setReportSeconds(reportSeconds));
    game = g.getGameId();
    assertThat(teacher.request(start(game)).hasAck()).isTrue();
    rus = server.player(TestServer.seatCode(g, "rus"), "Rus");
    return rus.request(state(game)).getGameState();
  }

  private TestServer at(Instant now) throws IOException {
    return new TestServer(dir, new ManualScheduler(now), c -> c);
  }

  /** Stops the server and starts another on the same data, its clock at {@code now}; rus comes back. */
  private void restartAt(Instant now) throws IOException {
    server.close();
    server = at(now);
    TestClient back = server.client();
    back.hello();
    assertThat(back.request(resumeSession(rus.token, game, 0)).hasResumed()).isTrue();
    back.token = rus.token;
    rus = back;
  }

  private TestClient instructorBack(TestClient teacherBefore) throws IOException {
    TestClient t = server.client();
    t.hello(TestServer.KEY);
    assertThat(t.request(resumeSession(teacherBefore.token, game, 0)).hasResumed()).isTrue();
    return t;
  }

  @Test
  void ordersDeadlinePassedWhileTheServerWasDown_turnResolvesBeforeAnyRequest_soLateOrdersAreRefused()
      throws IOException {
    GameState before = setUp(60, 0);
    assertThat(before.getDeadlineEpochMillis()).isEqualTo(TestServer.START.plusSeconds(60).toEpochMilli());

    restartAt(TestServer.START.plus(Duration.ofMinutes(2)));
    // The very first request after the restart already finds the turn resolved.
    TestClient.error(rus.request(orders(game, 1, false, move(MoveType.HOTLINE_CALL, "usa"))),
        ErrorCode.FAILED_PRECONDITION);
    GameState after = rus.request(state(game)).getGameState();
    assertThat(after.getPhase()).isEqualTo(Phase.REPORT);
    assertThat(after.getTurn()).isEqualTo(1);
    assertThat(after.getReportsCount()).isEqualTo(1);
  }

  @Test
  void reportDeadlinePassedWhileTheServerWasDown_nextTurnOpensOnRestart_withItsDeadlineFromTheRestart()
      throws IOException {
    setUp(60, 30);
    assertThat(teacher.request(force(game, 1)).hasAck()).isTrue();
    assertThat(rus.request(state(game)).getGameState().getPhase()).isEqualTo(Phase.REPORT);

    Instant restart = TestServer.START.plus(Duration.ofHours(1));
    restartAt(restart);
    GameState after = rus.request(state(game)).getGameState();
    assertThat(after.getPhase()).isEqualTo(Phase.ORDERS);
    assertThat(after.getTurn()).isEqualTo(2);
    assertThat(after.getDeadlineEpochMillis()).as("turn 2's deadline counts from when it opened")
        .isEqualTo(restart.plusSeconds(60).toEpochMilli());
  }

  @Test
  void deadlineStillAheadAtTheRestart_isTheSameAbsoluteTime_andResolvesThen() throws IOException {
    GameState before = setUp(60, 0);
    restartAt(TestServer.START.plusSeconds(30));
    GameState after = rus.request(state(game)).getGameState();
    assertThat(after.getPhase()).isEqualTo(Phase.ORDERS);
    assertThat(after.getDeadlineEpochMillis()).isEqualTo(before.getDeadlineEpochMillis());
    assertThat(rus.request(orders(game, 1, false, move(MoveType.HOTLINE_CALL, "usa"))).hasOrdersAccepted())
        .isTrue();
    server.clock.advance(Duration.ofSeconds(29));
    assertThat(rus.request(state(game)).getGameState().getPhase()).isEqualTo(Phase.ORDERS);
    server.clock.advance(Duration.ofSeconds(1));
    assertThat(rus.request(state(game)).getGameState().getPhase()).isEqualTo(Phase.REPORT);
  }

  @Test
  void pausedGame_keepsItsTimeLeftAcrossARestart_howeverLongTheServerWasDown() throws IOException {
    setUp(60, 0);
    server.clock.advance(Duration.ofSeconds(10));
    assertThat(teacher.request(pause(game)).hasAck()).isTrue();

    Instant restart = TestServer.START.plus(Duration.ofDays(1));
    restartAt(restart);
    GameState after = rus.request(state(game)).getGameState();
    assertThat(after.getPaused()).isTrue();
    assertThat(after.getPhase()).isEqualTo(Phase.ORDERS);
    assertThat(after.getRemainingMillis()).isEqualTo(50_000);
    TestClient t = instructorBack(teacher);
    assertThat(t.request(resume(game)).hasAck()).isTrue();
    assertThat(rus.request(state(game)).getGameState().getDeadlineEpochMillis())
        .isEqualTo(restart.plusSeconds(50).toEpochMilli());
  }
}
