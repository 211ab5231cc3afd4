package brink.server;

import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.TurnResolvedEntry;
import brink.server.journal.FileJournalStore;
import brink.server.journal.JournalOptions;
import brink.server.testkit.LogCapture;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart replays every game's journal through the engine: the games come back as they were, their
 * deadlines fire at the same absolute times, old session tokens resume, and a damaged game stops only its
 * own recovery.
 */
class RecoveryTest {
  @TempDir
  Path dir;

  @Test
  void restart_rebuildsTheGame_reArmsItsDeadline_andTakesOldTokensBack() throws Exception {
    try (TestServer server = new TestServer(dir)) {
      TestClient teacher = server.instructor();
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(21).setOrdersSeconds(600));
      String id = g.getGameId();
      TestClient alice = server.player(TestServer.seatCode(g, "rus"), "Alice");
      assertThat(teacher.request(start(id)).hasAck()).isTrue();
      assertThat(alice.request(orders(id, 1, false, move(MoveType.CRITICIZE, "usa"))).hasOrdersAccepted()).isTrue();
      assertThat(teacher.request(force(id, 1)).hasAck()).isTrue();
      assertThat(teacher.request(proceed(id)).hasAck()).isTrue();
      assertThat(alice.request(orders(id, 2, false, move(MoveType.HOTLINE_CALL, "usa"))).hasOrdersAccepted())
          .isTrue();
      assertThat(teacher.request(message(id, "before the restart")).hasAck()).isTrue();
      alice.awaitPush(m -> m.hasPress());
      long aliceSeq = alice.lastSeq;
      assertThat(teacher.request(message(id, "while you were away")).hasAck()).isTrue();
      GameState before = teacher.request(state(id)).getGameState();
      String aliceToken = alice.token;
      String teacherToken = teacher.token;
      alice.close();
      teacher.close();

      server.stop();
      server.start();
      assertThat(server.server().recoveredGames()).isEqualTo(1);

      TestClient teacherBack = server.client();
      teacherBack.hello(TestServer.KEY);
      teacherBack.continueNumberingFrom(teacher);
      assertThat(teacherBack.request(resumeSession(teacherToken, id, before.getSeq())).hasResumed()).isTrue();
      GameState after = teacherBack.request(state(id)).getGameState();
      assertThat(after.getPhase()).isEqualTo(Phase.ORDERS);
      assertThat(after.getTurn()).isEqualTo(2);
      assertThat(after.getDeadlineEpochMillis()).isEqualTo(before.getDeadlineEpochMillis());
      assertThat(after.getSeq()).as("the stream goes on where it was").isEqualTo(before.getSeq());
      assertThat(after.getMessagesList()).isEqualTo(before.getMessagesList());
      assertThat(after.getReportsList()).isEqualTo(before.getReportsList());
      assertThat(after.getDyadsList()).isEqualTo(before.getDyadsList());

      TestClient aliceBack = server.client();
      aliceBack.hello();
      aliceBack.continueNumberingFrom(alice);
      ServerMessage resumed = aliceBack.request(resumeSession(aliceToken, id, aliceSeq));
      assertThat(resumed.getResumed().getReplaying()).as("the stream was rebuilt from the journal").isTrue();
      assertThat(aliceBack.awaitPush(m -> m.hasPress()).getPress().getText()).isEqualTo("while you were away");
      assertThat(aliceBack.request(state(id)).getGameState().getOwnOrders().getMovesList())
          .containsExactly(move(MoveType.HOTLINE_CALL, "usa"));

      server.clock.advance(Duration.ofMillis(before.getDeadlineEpochMillis() - server.clock.millis()));
      ServerMessage report = aliceBack.awaitPush(m -> m.hasTurnReport());
      assertThat(report.getTurnReport().getTurn()).isEqualTo(2);
      assertThat(report.getTurnReport().getEventsList())
          .anyMatch(e -> e.getActor().equals("rus") && e.getMove() == MoveType.HOTLINE_CALL);
      teacherBack.close();
      aliceBack.close();
    }
  }

  @Test
  void restart_recoversManyGamesAtOnce_eachAsItWas() throws Exception {
    Map<String, GameState> before = new TreeMap<>();
    String teacherToken;
    TestClient firstTeacher;
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor()) {
      firstTeacher = teacher;
      for (int i = 0; i < 8; i++) {
        GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
            .setSeed(100 + i).setOrdersSeconds(600));
        String id = g.getGameId();
        if (i % 2 == 0) {
          // Half of the games have played turns, each its own way: their digests are checked on the restart.
          TestClient player = server.player(TestServer.seatCode(g, "rus"), "Player " + i);
          assertThat(teacher.request(start(id)).hasAck()).isTrue();
          for (int turn = 1; turn <= 1 + i / 2; turn++) {
            assertThat(player.request(orders(id, turn, false, move(i % 4 == 0 ? MoveType.CRITICIZE
                : MoveType.HOTLINE_CALL, "usa"))).hasOrdersAccepted()).isTrue();
            assertThat(teacher.request(force(id, turn)).hasAck()).isTrue();
            assertThat(teacher.request(proceed(id)).hasAck()).isTrue();
          }
          player.close();
        }
        before.put(id, teacher.request(state(id)).getGameState());
      }
      teacherToken = teacher.token;
    }
    try (TestServer server = new TestServer(dir); TestClient teacher = server.client()) {
      assertThat(server.server().recoveredGames()).isEqualTo(8);
      assertThat(server.server().unrecoveredGames()).isZero();
      teacher.hello(TestServer.KEY);
      teacher.continueNumberingFrom(firstTeacher);
      for (Map.Entry<String, GameState> e : before.entrySet()) {
        assertThat(teacher.request(resumeSession(teacherToken, e.getKey(), e.getValue().getSeq())).hasResumed())
            .isTrue();
        GameState after = teacher.request(state(e.getKey())).getGameState();
        assertThat(withoutPresence(after)).as("game %s after the restart", e.getKey())
            .isEqualTo(withoutPresence(e.getValue()));
      }
    }
  }

  /**
   * A game's state without who is connected at the moment: presence is not journaled, and a player who just
   * closed may still count as connected until the server has read the close.
   */
  private static GameState withoutPresence(GameState s) {
    GameState.Builder b = s.toBuilder();
    for (SeatView.Builder seat : b.getSeatsBuilderList()) {
      seat.clearConnected();
      seat.getParticipantsBuilderList().forEach(p -> p.clearConnected());
    }
    b.getParticipantsBuilderList().forEach(p -> p.clearConnected());
    return b.build();
  }

  @Test
  void aGameWhoseJournalDoesNotReplay_isLeftOut_andTheOthersRun() throws Exception {
    String damaged;
    String healthy;
    String teacherToken;
    TestClient firstTeacher;
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor()) {
      firstTeacher = teacher;
      damaged = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")).getGameId();
      healthy = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")).getGameId();
      assertThat(teacher.request(start(healthy)).hasAck()).isTrue();
      teacherToken = teacher.token;
    }
    // A turn the engine cannot have produced: its digest is all zeros.
    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(dir).withFsync(false))) {
      store.append(damaged, JournalEntry.newBuilder().setGameId(damaged).setTurnResolved(TurnResolvedEntry
          .newBuilder().setTurn(1).setStateDigest(ByteString.copyFrom(new byte[32]))).build()).join();
    }
    try (LogCapture log = new LogCapture(); TestServer server = new TestServer(dir);
        TestClient teacher = server.client()) {
      assertThat(server.server().recoveredGames()).isEqualTo(1);
      assertThat(server.server().unrecoveredGames()).isEqualTo(1);
      assertThat(log.lines()).anyMatch(l -> l.startsWith("game " + damaged + " NOT recovered (the other games run): "
          + "turn 1 replays to state digest ") && l.contains("but the journal recorded 0000"));
      teacher.hello(TestServer.KEY);
      // Request ids are unique per session across restarts: a resumed session keeps counting.
      teacher.continueNumberingFrom(firstTeacher);
      assertThat(teacher.request(resumeSession(teacherToken, healthy, 0)).hasResumed()).isTrue();
      ServerMessage healthyState = teacher.request(state(healthy));
      assertThat(healthyState.hasGameState()).as("answer to GetState: %s", healthyState).isTrue();
      assertThat(healthyState.getGameState().getPhase()).isEqualTo(Phase.ORDERS);
      TestClient.error(teacher.request(state(damaged)), ErrorCode.NOT_FOUND);
    }
  }
}
