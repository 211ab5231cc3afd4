package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GetState;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.StartGame;
import brink.server.journal.JournalUnavailableException;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.session.SessionRegistry;
import brink.server.testkit.BundledScenarios;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.RecordingConnection;
import brink.server.testkit.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A change is answered only once durable: when the journal cannot write, the request gets UNAVAILABLE
 * (retryable) and nothing is applied; a deadline that cannot be journaled is tried again later. Games run
 * here on a direct executor with a journal the test controls, so everything happens in the calling thread.
 */
class JournalFailureTest {
  /**
   * A journal that keeps entries, or fails every append while {@code down}, or while {@code slow} leaves each
   * append in flight ({@link #inFlight}) for the test to complete or fail, as a disk that is still syncing.
   */
  static final class FlakyJournal implements Journal {
    final List<JournalEntry> entries = new ArrayList<>();
    boolean down;
    boolean slow;
    CompletableFuture<Void> inFlight;

    @Override
    public CompletableFuture<Void> append(String gameId, List<JournalEntry> change) {
      if (down) {
        return CompletableFuture.failedFuture(new JournalUnavailableException("disk full"));
      }
      if (slow) {
        inFlight = new CompletableFuture<>();
        return inFlight.thenRun(() -> entries.addAll(change));
      }
      entries.addAll(change);
      return CompletableFuture.completedFuture(null);
    }
  }

  final FlakyJournal journal = new FlakyJournal();
  final ManualScheduler clock = new ManualScheduler(TestServer.START);
  final GameManager games = new GameManager(new GameManager.Options(journal, clock, id -> Runnable::run,
      new Secrets(new Random(1)), new BundledScenarios(), (scenario, entries) -> brink.protocol.v1.Report.getDefaultInstance(), "brink-server/test"));
  final RecordingConnection connection = new RecordingConnection();
  final Session session = new SessionRegistry(new Secrets(new Random(2)), clock.clock()).open(connection);
  long nextId = 1;

  private ServerMessage ask(ClientMessage.Builder b) {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    Request r = new Request(nextId, b.setRequestId(nextId++).build(), session, connection, answer);
    games.handle(r);
    return answer.getNow(null);
  }

  private String newGame(int ordersSeconds) {
    ServerMessage m = ask(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022").setOrdersSeconds(ordersSeconds)));
    assertThat(m.hasGameCreated()).as("%s", m).isTrue();
    return m.getGameCreated().getGameId();
  }

  @Test
  void journalDown_answersUnavailableRetryably_andAppliesNothing() {
    String id = newGame(0);
    journal.down = true;
    ServerMessage refused = ask(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(id)
        .setText("lost?")));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(refused.getError().getRetryable()).isTrue();
    journal.down = false;
    ServerMessage state = ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id)));
    assertThat(state.getGameState().getMessagesList()).as("nothing was applied").isEmpty();
    assertThat(ask(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(id)
        .setText("saved"))).hasAck()).isTrue();
    assertThat(ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id))).getGameState()
        .getMessagesList()).extracting(p -> p.getText()).containsExactly("saved");
  }

  @Test
  void aChangeStillBeingWritten_isNeitherAnsweredNorPushed_untilDurable() {
    String id = newGame(0);
    long seqBefore = stateSeq(id);
    int sentBefore = connection.sent.size();
    CompletableFuture<ServerMessage> answer = sendWhileWriting(id, "on its way");
    assertThat(answer).as("answered before durable").isNotDone();
    assertThat(connection.sent).as("pushed before durable").hasSize(sentBefore);

    journal.inFlight.complete(null);
    assertThat(answer.getNow(null).hasAck()).isTrue();
    assertThat(connection.sent.subList(sentBefore, connection.sent.size())).singleElement()
        .satisfies(push -> assertThat(push.getSeq()).isEqualTo(seqBefore + 1))
        .satisfies(push -> assertThat(push.getPress().getText()).isEqualTo("on its way"));
  }

  @Test
  void aChangeTheJournalFailsWhileWriting_isUndone_andTheGameGoesOnFromWhatIsDurable() {
    String id = newGame(0);
    long seqBefore = stateSeq(id);
    int sentBefore = connection.sent.size();
    CompletableFuture<ServerMessage> refused = sendWhileWriting(id, "lost?");
    journal.inFlight.completeExceptionally(new JournalUnavailableException("disk full"));

    assertThat(refused.getNow(null).getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(connection.sent.subList(sentBefore, connection.sent.size())).as("nothing pushed")
        .noneMatch(ServerMessage::hasPress);
    ServerMessage state = ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id)));
    assertThat(state.getGameState().getMessagesList()).as("undone").isEmpty();
    assertThat(state.getGameState().getSeq()).as("the undone push's seq is free again").isEqualTo(seqBefore);

    assertThat(ask(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(id)
        .setText("saved"))).hasAck()).isTrue();
    assertThat(connection.sent).filteredOn(ServerMessage::hasPress).extracting(ServerMessage::getSeq)
        .as("the next push takes the seq the undone one had").containsExactly(seqBefore + 1);
    assertThat(ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id))).getGameState()
        .getMessagesList()).extracting(p -> p.getText()).containsExactly("saved");
    assertThat(journal.entries).filteredOn(JournalEntry::hasMessage).hasSize(1);
  }

  @Test
  void aTurnTheJournalFailsWhileWriting_isUndone_andResolvedOnceLater() {
    String id = newGame(60);
    assertThat(ask(ClientMessage.newBuilder().setStartGame(StartGame.newBuilder().setGameId(id))).hasAck()).isTrue();
    int sentBefore = connection.sent.size();
    journal.slow = true;
    clock.advance(Duration.ofSeconds(60));
    journal.slow = false;
    journal.inFlight.completeExceptionally(new JournalUnavailableException("disk full"));
    assertThat(connection.sent.subList(sentBefore, connection.sent.size())).noneMatch(ServerMessage::hasTurnReport);
    brink.protocol.v1.GameState undone = ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder()
        .setGameId(id))).getGameState();
    assertThat(undone.getReportsCount()).as("the resolved turn was undone").isZero();
    assertThat(undone.getPhase()).isEqualTo(brink.protocol.v1.Phase.ORDERS);

    clock.advance(GameRoom.RETRY);
    assertThat(journal.entries).filteredOn(JournalEntry::hasTurnResolved).hasSize(1);
    assertThat(connection.sent).filteredOn(ServerMessage::hasTurnReport).hasSize(1);
    assertThat(ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id))).getGameState()
        .getReportsCount()).isEqualTo(1);
  }

  @Test
  void aChangesPushes_leaveFromTheThreadThatMadeItDurable_beforeTheGameThreadAnswers() {
    java.util.ArrayDeque<Runnable> gameThread = new java.util.ArrayDeque<>();
    GameManager queued = new GameManager(new GameManager.Options(journal, clock, id -> gameThread::add,
        new Secrets(new Random(1)), new BundledScenarios(), (scenario, entries) -> brink.protocol.v1.Report
            .getDefaultInstance(), "brink-server/test"));
    CompletableFuture<ServerMessage> created = new CompletableFuture<>();
    queued.handle(new Request(nextId, ClientMessage.newBuilder().setRequestId(nextId++).setCreateGame(
        CreateGame.newBuilder().setScenarioId("eastern-flank-2022")).build(), session, connection, created));
    runAll(gameThread);
    String id = created.getNow(null).getGameCreated().getGameId();
    int sentBefore = connection.sent.size();

    journal.slow = true;
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    queued.handle(new Request(nextId, ClientMessage.newBuilder().setRequestId(nextId++).setSendMessage(
        SendMessage.newBuilder().setGameId(id).setText("straight out")).build(), session, connection, answer));
    runAll(gameThread);
    journal.slow = false;
    assertThat(connection.sent).as("pushed before durable").hasSize(sentBefore);

    journal.inFlight.complete(null); // the journal's thread: the change is durable
    assertThat(connection.sent.subList(sentBefore, connection.sent.size())).as("pushed by the journal's thread")
        .singleElement().satisfies(push -> assertThat(push.getPress().getText()).isEqualTo("straight out"));
    assertThat(answer).as("the answer waits for the game's thread").isNotDone();
    assertThat(gameThread).isNotEmpty();

    runAll(gameThread);
    assertThat(answer.getNow(null).hasAck()).isTrue();
  }

  private static void runAll(java.util.ArrayDeque<Runnable> tasks) {
    for (Runnable t = tasks.poll(); t != null; t = tasks.poll()) {
      t.run();
    }
  }

  /** Sends a message to the game without waiting for its answer. */
  private CompletableFuture<ServerMessage> send(String id, String text) {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    games.handle(new Request(nextId, ClientMessage.newBuilder().setRequestId(nextId++).setSendMessage(
        SendMessage.newBuilder().setGameId(id).setText(text)).build(), session, connection, answer));
    return answer;
  }

  /** Sends a message whose append the journal leaves in flight ({@link FlakyJournal#inFlight}). */
  private CompletableFuture<ServerMessage> sendWhileWriting(String id, String text) {
    journal.slow = true;
    CompletableFuture<ServerMessage> answer = send(id, text);
    journal.slow = false;
    return answer;
  }

  private long stateSeq(String id) {
    return ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id))).getGameState().getSeq();
  }

  @Test
  void journalDownAnswers_sayWhetherTheDiskIsFullAndWhetherARestartIsNeeded() {
    java.io.IOException enospc = new java.io.IOException("No space left on device");
    GameError full = GameRoom.journalDown(new java.util.concurrent.CompletionException(
        new JournalUnavailableException("the journal could not write: " + enospc, enospc, false)));
    assertThat(full.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(full.retryable()).isTrue();
    assertThat(full.getMessage()).contains("disk is full").contains("nothing was changed")
        .contains("free disk space").doesNotContain("restart");
    assertThat(full.details()).containsEntry("retry_after_millis", "5000");

    GameError fullForGood = GameRoom.journalDown(new JournalUnavailableException("an fsync failed", enospc, true));
    assertThat(fullForGood.retryable()).isTrue();
    assertThat(fullForGood.getMessage()).contains("its disk is full").contains("until it is restarted")
        .contains("free disk space and restart it");
    assertThat(fullForGood.details()).containsEntry("until", "restart").doesNotContainKey("retry_after_millis");

    GameError failed = GameRoom.journalDown(new JournalUnavailableException("an fsync failed",
        new java.io.IOException("Input/output error"), true));
    assertThat(failed.getMessage()).contains("its disk failed").contains("check the disk and restart it");

    GameError other = GameRoom.journalDown(new JournalUnavailableException("the journal is busy"));
    assertThat(other.getMessage()).isEqualTo("the server cannot save games right now; nothing was changed, try "
        + "again in a moment");
  }

  @Test
  void journalDown_whenCreatingAGame_createsNothing() {
    journal.down = true;
    ServerMessage m = ask(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022")));
    assertThat(m.getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(games.rooms()).isEmpty();
  }

  @Test
  void deadlineThatCannotBeJournaled_isTriedAgainLater() {
    String id = newGame(60);
    assertThat(ask(ClientMessage.newBuilder().setStartGame(StartGame.newBuilder().setGameId(id))).hasAck()).isTrue();
    journal.down = true;
    clock.advance(Duration.ofSeconds(60));
    assertThat(journal.entries).noneMatch(JournalEntry::hasTurnResolved);
    journal.down = false;
    clock.advance(GameRoom.RETRY);
    assertThat(journal.entries).filteredOn(JournalEntry::hasTurnResolved).hasSize(1);
    assertThat(ask(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(id))).getGameState()
        .getReportsCount()).isEqualTo(1);
  }
}
