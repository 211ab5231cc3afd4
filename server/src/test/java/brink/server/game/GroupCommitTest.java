package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GetState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.StartGame;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.SubmitOrders;
import brink.scenario.Library;
import brink.server.game.JournalFailureTest.Recorder;
import brink.server.journal.JournalUnavailableException;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.session.SessionRegistry;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit: orders submissions (without ready) that wait for the same append are checked one after the
 * other and journaled in one append; once durable each is applied and answered in order, as if each had had
 * its own. Anything else waits for the group. The game runs on a direct executor with a journal whose appends
 * the test completes by hand, so what is journaled, and when each answer comes, is exact.
 */
class GroupCommitTest {
  /** A journal that keeps every append and completes it only when the test says. */
  static final class HeldJournal implements Journal {
    final List<List<JournalEntry>> appends = new ArrayList<>();
    final List<CompletableFuture<Void>> pending = new ArrayList<>();
    boolean hold;

    @Override
    public CompletableFuture<Void> append(String gameId, List<JournalEntry> change) {
      appends.add(List.copyOf(change));
      CompletableFuture<Void> f = new CompletableFuture<>();
      if (hold) {
        pending.add(f);
      } else {
        f.complete(null);
      }
      return f;
    }

    /** Completes the oldest held append (it may start the next one, held in turn). */
    void completeNext() {
      pending.remove(0).complete(null);
    }

    void failNext() {
      pending.remove(0).completeExceptionally(new JournalUnavailableException("disk full"));
    }
  }

  final HeldJournal journal = new HeldJournal();
  final ManualScheduler clock = new ManualScheduler(TestServer.START);
  final GameManager games = new GameManager(new GameManager.Options(journal, clock, id -> Runnable::run,
      new Secrets(new Random(1)), new ScenarioSource() {
        @Override
        public Optional<String> text(String id) {
          return Library.bundledText(id);
        }

        @Override
        public List<String> ids() {
          return Library.ids();
        }
      }, (scenario, entries) -> brink.protocol.v1.Report.getDefaultInstance(), "brink-server/test"));
  final SessionRegistry sessions = new SessionRegistry(new Secrets(new Random(2)), clock.clock());
  final Recorder teacherConnection = new Recorder();
  final Session teacher = sessions.open(teacherConnection);
  final Map<String, Session> players = new TreeMap<>();
  long nextId = 1;
  String game;

  /** Sends a request; its answer future (complete once the game answers). */
  private CompletableFuture<ServerMessage> send(Session s, ClientMessage.Builder b) {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    games.handle(new Request(nextId, b.setRequestId(nextId++).build(), s, s.connection(), answer));
    return answer;
  }

  private static ClientMessage.Builder orders(String game, int turn, MoveType type, String target) {
    return ClientMessage.newBuilder().setSubmitOrders(SubmitOrders.newBuilder().setGameId(game).setTurn(turn)
        .addMoves(Move.newBuilder().setType(type).setTarget(target)));
  }

  @BeforeEach
  void aGameWithFivePlayers() {
    ServerMessage created = send(teacher, ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022"))).getNow(null);
    GameCreated g = created.getGameCreated();
    game = g.getGameId();
    assertThat(send(teacher, ClientMessage.newBuilder().setStartGame(StartGame.newBuilder().setGameId(game)))
        .getNow(null).hasAck()).isTrue();
    for (String actor : List.of("blr", "nato", "rus", "ukr", "usa")) {
      Session s = sessions.open(new Recorder());
      ServerMessage joined = send(s, ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
          .setCode(TestServer.seatCode(g, actor)).setName("Player " + actor))).getNow(null);
      assertThat(joined.hasJoined()).as("%s", joined).isTrue();
      players.put(actor, s);
    }
    journal.appends.clear();
    journal.hold = true;
  }

  private Map<String, SubmissionStatus> submissions(ServerMessage state) {
    return state.getGameState().getSeatsList().stream()
        .collect(Collectors.toMap(SeatView::getActor, SeatView::getSubmission, (a, b) -> a, TreeMap::new));
  }

  @Test
  void submissionsWaitingTogether_shareOneAppend_andAreEachAnsweredWithTheirOwnOrders() {
    CompletableFuture<ServerMessage> first = send(players.get("rus"), orders(game, 1, MoveType.HOTLINE_CALL, "usa"));
    List<CompletableFuture<ServerMessage>> waiting = new ArrayList<>();
    for (String actor : List.of("ukr", "usa", "nato")) {
      waiting.add(send(players.get(actor), orders(game, 1, MoveType.PROPOSE_TALKS, "rus")));
    }
    CompletableFuture<ServerMessage> wrongTurn = send(players.get("blr"), orders(game, 3, MoveType.PROPOSE_TALKS,
        "rus"));
    CompletableFuture<ServerMessage> replaced = send(players.get("ukr"), orders(game, 1, MoveType.CRITICIZE, "rus"));
    CompletableFuture<ServerMessage> read = send(teacher, ClientMessage.newBuilder().setGetState(
        GetState.newBuilder().setGameId(game)));
    assertThat(journal.appends).as("the first submission's append, still in flight").hasSize(1);

    journal.completeNext();
    assertThat(first.getNow(null).hasOrdersAccepted()).isTrue();
    assertThat(journal.appends).as("one more append for the submissions that waited").hasSize(2);
    assertThat(journal.appends.get(1)).extracting(e -> e.getOrders().getActor())
        .containsExactly("ukr", "usa", "nato", "ukr");
    assertThat(wrongTurn.getNow(null).getError().getCode()).as("refused on its own, as it would have been")
        .isEqualTo(ErrorCode.FAILED_PRECONDITION);
    assertThat(waiting).as("not answered before the group is durable").noneMatch(CompletableFuture::isDone);
    assertThat(read.isDone()).as("a read waits for the group").isFalse();

    journal.completeNext();
    for (CompletableFuture<ServerMessage> f : waiting) {
      assertThat(f.getNow(null).hasOrdersAccepted()).as("%s", f.getNow(null)).isTrue();
    }
    assertThat(waiting.get(0).getNow(null).getOrdersAccepted().getOrders().getMoves(0).getType())
        .as("ukr's first answer shows the orders of that submission, not of the one that replaced it")
        .isEqualTo(MoveType.PROPOSE_TALKS);
    assertThat(replaced.getNow(null).getOrdersAccepted().getOrders().getMoves(0).getType())
        .isEqualTo(MoveType.CRITICIZE);
    assertThat(submissions(read.getNow(null))).as("the read sees the whole group applied")
        .containsEntry("rus", SubmissionStatus.SUBMITTED_MOVES)
        .containsEntry("ukr", SubmissionStatus.SUBMITTED_MOVES)
        .containsEntry("usa", SubmissionStatus.SUBMITTED_MOVES)
        .containsEntry("nato", SubmissionStatus.SUBMITTED_MOVES)
        .containsEntry("blr", SubmissionStatus.NOT_SUBMITTED);
    assertThat(journal.appends).as("the read wrote nothing").hasSize(2);
  }

  @Test
  void aGroupTheJournalCannotWrite_failsEachOfItsRequests_andAppliesNone() {
    CompletableFuture<ServerMessage> first = send(players.get("rus"), orders(game, 1, MoveType.HOTLINE_CALL, "usa"));
    CompletableFuture<ServerMessage> ukr = send(players.get("ukr"), orders(game, 1, MoveType.PROPOSE_TALKS, "rus"));
    CompletableFuture<ServerMessage> usa = send(players.get("usa"), orders(game, 1, MoveType.PROPOSE_TALKS, "rus"));
    journal.completeNext();
    assertThat(first.getNow(null).hasOrdersAccepted()).isTrue();
    journal.failNext();
    for (CompletableFuture<ServerMessage> f : List.of(ukr, usa)) {
      assertThat(f.getNow(null).getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(f.getNow(null).getError().getRetryable()).isTrue();
    }
    journal.hold = false;
    assertThat(submissions(send(teacher, ClientMessage.newBuilder().setGetState(GetState.newBuilder()
        .setGameId(game))).getNow(null)))
        .containsEntry("rus", SubmissionStatus.SUBMITTED_MOVES)
        .containsEntry("ukr", SubmissionStatus.NOT_SUBMITTED)
        .containsEntry("usa", SubmissionStatus.NOT_SUBMITTED);
  }
}
