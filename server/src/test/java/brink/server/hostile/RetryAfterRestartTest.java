package brink.server.hostile;

import static brink.server.testkit.Requests.customInject;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ExtendDeadline;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.server.journal.FileJournalStore;
import brink.server.journal.JournalOptions;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by the crash test's model): a request whose answer a crash swallowed was done a second
 * time when the client retried it, as the protocol invites, with the same request_id after the restart. The
 * session's memory of answers dies with the process, so a message was sent twice, an inject fired twice, a
 * deadline extended twice, a game created twice. Now every journal entry a request makes carries its
 * request_id; a restarted server recognises the retry and answers it again without doing it again.
 *
 * <p>Each test acknowledges a request, restarts the server (the in-memory answers are gone, exactly as after
 * a crash: the journal is all that is left), resumes the session and sends the same request with the same
 * id.
 */
class RetryAfterRestartTest {
  @TempDir
  Path dir;
  TestServer server;
  TestClient teacher;
  GameCreated game;

  @BeforeEach
  void setUp() throws IOException {
    server = new TestServer(dir);
    teacher = server.instructor();
    game = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022").setSeed(1)
        .setOrdersSeconds(600));
    assertThat(teacher.request(start(game.getGameId())).hasAck()).isTrue();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Restarts the server and resumes {@code c}'s session on a new connection. */
  private TestClient restartAndResume(TestClient c, boolean instructor) throws IOException {
    server.stop();
    server.start();
    return resume(c, instructor);
  }

  private TestClient resume(TestClient c, boolean instructor) throws IOException {
    TestClient again = server.client();
    again.hello(instructor ? TestServer.KEY : "");
    again.continueNumberingFrom(c);
    assertThat(again.request(resumeSession(c.token, game.getGameId(), 0)).hasResumed()).isTrue();
    return again;
  }

  private List<JournalEntry> journal() throws IOException {
    server.stop();
    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(dir))) {
      return store.read(game.getGameId()).orElseThrow().entries();
    }
  }

  @Test
  void sendMessage_retriedWithItsRequestIdAfterARestart_isAnsweredAgainAndSentOnce() throws Exception {
    TestClient alice = server.player(TestServer.seatCode(game, "rus"), "Alice");
    assertThat(alice.requestWithId(message(game.getGameId(), "only once", "usa"), 77).hasAck()).isTrue();

    TestClient again = restartAndResume(alice, false);
    assertThat(again.requestWithId(message(game.getGameId(), "only once", "usa"), 77).hasAck()).isTrue();

    assertThat(again.request(state(game.getGameId())).getGameState().getMessagesList()).extracting(Press::getText)
        .containsOnlyOnce("only once");
  }

  @Test
  void inject_retriedAfterARestart_firesOnce() throws Exception {
    ClientMessage.Builder inject = customInject(game.getGameId(), brink.protocol.scenario.v1.Inject.newBuilder()
        .setHeadline(Text.newBuilder().setEn("Pipeline explosion")).build());
    assertThat(teacher.requestWithId(inject, 90).hasAck()).isTrue();

    TestClient again = restartAndResume(teacher, true);
    assertThat(again.requestWithId(inject, 90).hasAck()).isTrue();

    assertThat(journal().stream().filter(JournalEntry::hasInject)).hasSize(1);
  }

  @Test
  void extendDeadline_retriedAfterARestart_extendsOnce() throws Exception {
    long before = teacher.request(state(game.getGameId())).getGameState().getDeadlineEpochMillis();
    ClientMessage.Builder extend = ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder()
        .setGameId(game.getGameId()).setSeconds(300));
    assertThat(teacher.requestWithId(extend, 91).hasAck()).isTrue();

    TestClient again = restartAndResume(teacher, true);
    assertThat(again.requestWithId(extend, 91).hasAck()).isTrue();

    assertThat(again.request(state(game.getGameId())).getGameState().getDeadlineEpochMillis())
        .isEqualTo(before + 300_000);
  }

  @Test
  void submitOrders_retriedAfterARestart_getsOrdersAcceptedAgainWithoutASecondEntry() throws Exception {
    TestClient alice = server.player(TestServer.seatCode(game, "rus"), "Alice");
    ClientMessage.Builder o = orders(game.getGameId(), 1, false, move(MoveType.HOTLINE_CALL, "usa"));
    ServerMessage first = alice.requestWithId(o, 60);
    assertThat(first.hasOrdersAccepted()).isTrue();

    TestClient again = restartAndResume(alice, false);
    ServerMessage retry = again.requestWithId(o, 60);

    assertThat(retry.hasOrdersAccepted()).as("got %s", retry).isTrue();
    assertThat(retry.getOrdersAccepted().getTurn()).isEqualTo(1);
    assertThat(retry.getOrdersAccepted().getOrders().getMovesList())
        .isEqualTo(first.getOrdersAccepted().getOrders().getMovesList());
    assertThat(journal().stream().filter(JournalEntry::hasOrders)).hasSize(1);
  }

  @Test
  void createGame_retriedAfterARestart_answersTheSameGameInsteadOfASecondOne() throws Exception {
    ClientMessage.Builder create = ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022").setSeed(5).setLabel("Group C"));
    ServerMessage first = teacher.requestWithId(create, 500);
    assertThat(first.hasGameCreated()).isTrue();

    TestClient again = restartAndResume(teacher, true);
    ServerMessage retry = again.requestWithId(create, 500);

    assertThat(retry.hasGameCreated()).as("got %s", retry).isTrue();
    assertThat(retry.getGameCreated().getGameId()).isEqualTo(first.getGameCreated().getGameId());
    assertThat(retry.getGameCreated().getSeatCodesList()).isEqualTo(first.getGameCreated().getSeatCodesList());
    assertThat(again.request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()))
        .getGameList().getGamesList()).extracting(g -> g.getLabel()).containsOnlyOnce("Group C");
  }

  @Test
  void aReusedIdForAnotherRequest_afterARestart_isDoneNotAnsweredFromTheOldOne() throws Exception {
    // A client that restarted and counts its ids from 1 again: id 2 made the game and id 3 started it; now id 2
    // creates another game and id 3 asks for the state.
    server.stop();
    server.start();
    TestClient again = server.client();
    again.hello(TestServer.KEY);
    assertThat(again.requestWithId(resumeSession(teacher.token, game.getGameId(), 0), 1).hasResumed()).isTrue();
    ServerMessage s = again.requestWithId(state(game.getGameId()), 3);
    assertThat(s.hasGameState()).as("got %s", s).isTrue();
    ServerMessage created = again.requestWithId(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022").setLabel("another class")), 2);
    assertThat(created.hasGameCreated()).isTrue();
    assertThat(created.getGameCreated().getGameId()).isNotEqualTo(game.getGameId());
  }

  @Test
  void aNewRequestWithAnotherId_afterARestart_isStillDone() throws Exception {
    TestClient alice = server.player(TestServer.seatCode(game, "rus"), "Alice");
    assertThat(alice.requestWithId(message(game.getGameId(), "twice on purpose"), 10).hasAck()).isTrue();

    TestClient again = restartAndResume(alice, false);
    assertThat(again.requestWithId(message(game.getGameId(), "twice on purpose"), 11).hasAck()).isTrue();

    assertThat(again.request(state(game.getGameId())).getGameState().getMessagesList()).extracting(Press::getText)
        .containsExactly("twice on purpose", "twice on purpose");
  }
}
