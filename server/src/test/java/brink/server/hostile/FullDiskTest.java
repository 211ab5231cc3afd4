package brink.server.hostile;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.server.journal.FileJournalStore;
import brink.server.journal.JournalOptions;
import brink.server.journal.RecoveryReport;
import brink.server.testkit.FaultyDisk;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a full or failing disk (issue "Hostile and faulty conditions"): a server whose journal file
 * is opened through a {@link FaultyDisk}, with fsync on as in production. A change the journal cannot write
 * is answered UNAVAILABLE (retryable, in words a teacher can act on) and is never acknowledged; games stay
 * readable; writes work again once space returns; a failed fsync says the server must be restarted; and a
 * restart after a torn write cuts it off and keeps every acknowledged change. Each check at the end reads the
 * journal itself, so "not acknowledged" is checked against what is on disk.
 */
class FullDiskTest {
  static final String SCENARIO = "eastern-flank-2022";

  @TempDir
  Path dir;

  final FaultyDisk disk = new FaultyDisk();
  TestServer server;
  TestClient teacher;
  TestClient rus;
  String game;
  GameCreated created;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void setUp() throws IOException {
    // Appending, so that every change grows the file and meets the full disk at once. With zeros ahead (the
    // default) changes go on into them: PreallocatedJournalTest.diskFull_recordsStillGoIntoTheZerosAhead...
    server = new TestServer(dir, new ManualScheduler(TestServer.START),
        c -> c.withFsync(true).withJournalPreallocation(0).withJournalChannels(disk));
    teacher = server.instructor();
    created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId(SCENARIO).setOrdersSeconds(600));
    game = created.getGameId();
    assertThat(teacher.request(start(game)).hasAck()).isTrue();
    rus = server.player(TestServer.seatCode(created, "rus"), "Rus");
    assertThat(rus.request(message(game, "before the disk filled", "usa")).hasAck()).isTrue();
  }

  @Test
  void diskFull_changesAnswerUnavailableAndAreNotKept_readsGoOn_andEverythingWorksAgainWhenSpaceReturns()
      throws Exception {
    setUp();
    // 40 bytes left: the next write is cut short, the one after fails with ENOSPC (as a real disk does).
    disk.free(40);
    long ordersId = 100;
    long messageId = 101;
    long lostId = 102;
    long pauseId = 200;
    long createId = 201;
    ClientMessage.Builder ordersReq = orders(game, 1, false, move(MoveType.HOTLINE_CALL, "usa"));
    ClientMessage.Builder messageReq = message(game, "sent while the disk was full", "usa");
    ClientMessage.Builder createReq = ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId(SCENARIO).setLabel("made while the disk was full"));
    fullDisk(rus.requestWithId(ordersReq, ordersId));
    fullDisk(rus.requestWithId(messageReq, messageId));
    fullDisk(rus.requestWithId(message(game, "never sent again", "usa"), lostId));
    fullDisk(teacher.requestWithId(pause(game), pauseId));
    fullDisk(teacher.requestWithId(createReq, createId));
    TestClient ukr = server.client();
    ukr.hello();
    ClientMessage.Builder joinReq = ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
        .setCode(TestServer.seatCode(created, "ukr")).setName("Ukr"));
    fullDisk(ukr.requestWithId(joinReq, 10));
    assertThat(disk.shortWrites.get()).as("a write was cut short by the full disk").isPositive();
    assertThat(disk.fullWrites.get()).as("writes failed with ENOSPC").isPositive();

    // Reads go on, and show none of the refused changes.
    GameState seen = rus.request(state(game)).getGameState();
    assertThat(seen.getPhase()).isEqualTo(Phase.ORDERS);
    assertThat(seen.getPaused()).isFalse();
    assertThat(seen.getOwnOrders().getStatus()).isNotEqualTo(SubmissionStatus.SUBMITTED_MOVES);
    assertThat(seen.getMessagesList()).extracting(Press::getText).containsExactly("before the disk filled");
    assertThat(members(seen, "ukr")).as("nobody joined Ukraine's seat").isZero();
    assertThat(teacher.request(ClientMessage.newBuilder().setListGames(ListGames.newBuilder())).getGameList()
        .getGamesList()).as("no game was made while the disk was full").hasSize(1);

    // Space returns: the same requests, sent again with the same ids, are done now (and only now).
    disk.emptied();
    assertThat(rus.requestWithId(ordersReq, ordersId).hasOrdersAccepted()).isTrue();
    assertThat(rus.requestWithId(messageReq, messageId).hasAck()).isTrue();
    assertThat(teacher.requestWithId(pause(game), pauseId).hasAck()).isTrue();
    assertThat(teacher.requestWithId(createReq, createId).hasGameCreated()).isTrue();
    assertThat(ukr.requestWithId(joinReq, 10).hasJoined()).isTrue();
    seen = rus.request(state(game)).getGameState();
    assertThat(seen.getMessagesList()).extracting(Press::getText)
        .containsExactly("before the disk filled", "sent while the disk was full");
    assertThat(seen.getPaused()).isTrue();
    assertThat(members(seen, "ukr")).isEqualTo(1);

    // A deadline reached while the disk is full waits for space, then the turn resolves.
    assertThat(teacher.request(brink.server.testkit.Requests.resume(game)).hasAck()).isTrue();
    disk.free(0);
    server.clock.advance(Duration.ofSeconds(600));
    assertThat(rus.request(state(game)).getGameState().getPhase()).as("not resolved while the disk is full")
        .isEqualTo(Phase.ORDERS);
    disk.emptied();
    server.clock.advance(Duration.ofSeconds(5));
    assertThat(rus.request(state(game)).getGameState().getPhase()).as("resolved once space returned")
        .isEqualTo(Phase.REPORT);

    server.stop();
    server = null;
    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(dir).withPreallocation(0))) {
      assertThat(store.recovery().clean()).as("every short write was undone: %s", store.recovery()).isTrue();
      List<JournalEntry> entries = store.read(game).orElseThrow().entries();
      assertThat(entries.stream().filter(JournalEntry::hasMessage).map(e -> e.getMessage().getText()))
          .containsExactly("before the disk filled", "sent while the disk was full");
      assertThat(entries.stream().filter(JournalEntry::hasOrders)).hasSize(1);
      assertThat(entries.stream().filter(e -> e.hasInstructorAction() && e.getRequestId() == pauseId)).hasSize(1);
      assertThat(entries.stream().filter(JournalEntry::hasTurnResolved)).hasSize(1);
      assertThat(store.gameIds()).hasSize(2);
    }
  }

  @Test
  void fsyncFails_everyChangeIsRefusedSayingTheServerMustBeRestarted_readsGoOn_andARestartKeepsWhatWasAcknowledged()
      throws Exception {
    setUp();
    disk.failForces(true);
    brink.protocol.v1.Error first = untilRestart(rus.request(message(game, "written, then its fsync failed")));
    assertThat(first.getMessage()).contains("its disk failed");
    disk.failForces(false);
    // The disk seems fine again, but after a failed fsync nothing written since can be trusted.
    untilRestart(rus.request(message(game, "after the failed fsync")));
    untilRestart(teacher.request(pause(game)));
    GameState seen = teacher.request(state(game)).getGameState();
    assertThat(seen.getMessagesList()).extracting(Press::getText).containsExactly("before the disk filled");
    assertThat(seen.getPaused()).isFalse();

    server.stop();
    server.start();
    try (TestClient back = server.client()) {
      back.hello();
      assertThat(back.request(resumeSession(rus.token, game, 0)).hasResumed()).isTrue();
      assertThat(back.request(message(game, "after the restart", "usa")).hasAck()).isTrue();
      assertThat(back.request(state(game)).getGameState().getMessagesList()).extracting(Press::getText)
          .containsExactly("before the disk filled", "after the restart");
    }
  }

  @Test
  void tornWriteLeftByAFullDisk_isCutOffWhenTheServerRestarts_andOnlyAcknowledgedChangesAreThere()
      throws Exception {
    setUp();
    // The disk fills in the middle of a write, and the write cannot even be undone: part of a record stays
    // at the end of the file, as after a crash.
    disk.free(30);
    disk.failTruncates(true);
    untilRestart(rus.request(message(game, "half written", "usa")));
    assertThat(disk.shortWrites.get()).isPositive();
    assertThat(rus.request(state(game)).getGameState().getMessagesList()).hasSize(1);

    server.stop();
    disk.emptied();
    disk.failTruncates(false);
    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(dir).withPreallocation(0))) {
      RecoveryReport r = store.recovery();
      assertThat(r.tornTail()).as("the torn write is found and cut off").isPresent();
      assertThat(r.tornTail().get().bytesRemoved()).isEqualTo(30);
      assertThat(r.corruptGames()).isEmpty();
      assertThat(store.read(game).orElseThrow().entries().stream().filter(JournalEntry::hasMessage)
          .map(e -> e.getMessage().getText())).containsExactly("before the disk filled");
    }
    server.start();
    try (TestClient back = server.client()) {
      back.hello();
      assertThat(back.request(resumeSession(rus.token, game, 0)).hasResumed()).isTrue();
      assertThat(back.request(message(game, "after the restart", "usa")).hasAck()).isTrue();
      assertThat(back.request(state(game)).getGameState().getMessagesList()).extracting(Press::getText)
          .containsExactly("before the disk filled", "after the restart");
    }
  }

  private static int members(GameState g, String actor) {
    return g.getSeatsList().stream().filter(s -> s.getActor().equals(actor)).findFirst().orElseThrow()
        .getMembers();
  }

  /** UNAVAILABLE, retryable, saying the disk is full and that nothing changed. */
  private static void fullDisk(ServerMessage m) {
    brink.protocol.v1.Error e = TestClient.error(m, ErrorCode.UNAVAILABLE);
    assertThat(e.getRetryable()).isTrue();
    assertThat(e.getMessage()).contains("disk is full").contains("nothing was changed")
        .doesNotContain("Exception").doesNotContain("journal.brj");
    assertThat(e.getDetailsMap()).containsKey("retry_after_millis");
  }

  /** UNAVAILABLE, retryable, saying the server must be restarted. */
  private static brink.protocol.v1.Error untilRestart(ServerMessage m) {
    brink.protocol.v1.Error e = TestClient.error(m, ErrorCode.UNAVAILABLE);
    assertThat(e.getRetryable()).isTrue();
    assertThat(e.getMessage()).contains("until it is restarted").contains("nothing was changed")
        .doesNotContain("Exception");
    assertThat(e.getDetailsMap()).containsEntry("until", "restart");
    return e;
  }
}
