package brink.server;

import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static brink.server.testkit.Requests.waitOrders;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Phase;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seat's push (SeatChanged) reaches a participant only when what that participant sees of the seat
 * changed: orders replaced by other orders of the same kind change nothing anyone sees (members, readiness
 * and submission status are the same), so they push nothing; a change of status, of readiness, or the first
 * submission of a new turn does push, to everyone.
 */
class SeatPushTest {
  TestServer server;
  TestClient teacher;
  TestClient alice; // rus
  TestClient bogdan; // ukr
  TestClient carol; // usa
  TestClient dan; // usa too
  TestClient projector; // observer
  String game;
  GameCreated created;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestServer(Files.createTempDirectory("brink-seatpush"));
    teacher = server.instructor();
    created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
        .setSeed(7).setOrdersSeconds(600));
    game = created.getGameId();
    alice = server.player(TestServer.seatCode(created, "rus"), "Alice");
    bogdan = server.player(TestServer.seatCode(created, "ukr"), "Bogdan");
    carol = server.player(TestServer.seatCode(created, "usa"), "Carol");
    dan = server.player(TestServer.seatCode(created, "usa"), "Dan");
    projector = server.player(created.getObserverCode(), "Projector");
    ok(teacher.request(start(game)));
    for (TestClient c : everyone()) {
      c.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ORDERS);
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (TestClient c : everyone()) {
      c.close();
    }
    server.close();
  }

  private List<TestClient> everyone() {
    return Arrays.asList(teacher, alice, bogdan, carol, dan, projector);
  }

  private static void ok(ServerMessage m) {
    assertThat(m.hasError()).as("no error, got %s", m).isFalse();
  }

  /** The seat views of {@code actor} each client is sent while {@code step} runs (read up to a barrier). */
  private Map<TestClient, List<SeatView>> seatPushesDuring(String actor, Step step) throws Exception {
    Map<TestClient, Integer> before = new LinkedHashMap<>();
    for (TestClient c : everyone()) {
      c.request(state(game)); // everything sent before now is read
      before.put(c, c.frames().size());
    }
    step.run();
    Map<TestClient, List<SeatView>> out = new LinkedHashMap<>();
    for (TestClient c : everyone()) {
      // A request through the game's executor is answered after every push the game sent before it.
      c.request(state(game));
      List<ServerMessage> frames = c.frames();
      List<SeatView> seats = new ArrayList<>();
      for (ServerMessage m : frames.subList(before.get(c), frames.size())) {
        if (m.hasSeatChanged() && m.getSeq() > 0 && m.getSeatChanged().getSeat().getActor().equals(actor)) {
          seats.add(m.getSeatChanged().getSeat());
        }
      }
      out.put(c, seats);
    }
    return out;
  }

  interface Step {
    void run() throws Exception;
  }

  @Test
  void firstSubmission_pushesTheSeatToEveryone() throws Exception {
    Map<TestClient, List<SeatView>> seen = seatPushesDuring("rus",
        () -> ok(alice.request(orders(game, 1, false, move(MoveType.CRITICIZE, "ukr")))));

    for (TestClient c : everyone()) {
      assertThat(seen.get(c)).as("seat pushes to %s", c).hasSize(1);
      assertThat(seen.get(c).get(0).getSubmission()).isEqualTo(SubmissionStatus.SUBMITTED_MOVES);
    }
    // Who sits in the seat stays with the seat's players and the instructor.
    assertThat(seen.get(alice).get(0).getParticipantsCount()).isEqualTo(1);
    assertThat(seen.get(teacher).get(0).getParticipantsCount()).isEqualTo(1);
    assertThat(seen.get(bogdan).get(0).getParticipantsCount()).isZero();
    assertThat(seen.get(projector).get(0).getParticipantsCount()).isZero();
  }

  @Test
  void ordersReplacedByOtherOrders_pushNothing_butAChangeOfKindDoes() throws Exception {
    ok(alice.request(orders(game, 1, false, move(MoveType.CRITICIZE, "ukr"))));

    Map<TestClient, List<SeatView>> replaced = seatPushesDuring("rus", () -> {
      ok(alice.request(orders(game, 1, false, move(MoveType.HOTLINE_CALL, "usa"))));
      ok(alice.request(orders(game, 1, false, move(MoveType.STATEMENT_REASSURE, "ukr"))));
    });
    for (TestClient c : everyone()) {
      assertThat(replaced.get(c)).as("seat pushes to %s", c).isEmpty();
    }

    Map<TestClient, List<SeatView>> waited = seatPushesDuring("rus",
        () -> ok(alice.request(waitOrders(game, 1, false))));
    for (TestClient c : everyone()) {
      assertThat(waited.get(c)).as("seat pushes to %s", c).hasSize(1);
      assertThat(waited.get(c).get(0).getSubmission()).isEqualTo(SubmissionStatus.SUBMITTED_WAIT);
    }

    Map<TestClient, List<SeatView>> ready = seatPushesDuring("rus",
        () -> ok(alice.request(brink.server.testkit.Requests.ready(game, 1, true))));
    for (TestClient c : everyone()) {
      assertThat(ready.get(c)).as("seat pushes to %s", c).hasSize(1);
      assertThat(ready.get(c).get(0).getReady()).isTrue();
    }
  }

  @Test
  void aSharedSeat_seesNoPushWhenATeammateReplacesTheOrders() throws Exception {
    ok(carol.request(orders(game, 1, false, move(MoveType.CRITICIZE, "rus"))));

    Map<TestClient, List<SeatView>> seen = seatPushesDuring("usa",
        () -> ok(dan.request(orders(game, 1, false, move(MoveType.HOTLINE_CALL, "rus")))));

    for (TestClient c : everyone()) {
      assertThat(seen.get(c)).as("seat pushes to %s", c).isEmpty();
    }
    // The orders did change: the seat's players read them in the full view.
    assertThat(carol.request(state(game)).getGameState().getOwnOrders().getMoves(0).getType())
        .isEqualTo(MoveType.HOTLINE_CALL);
  }

  @Test
  void aNewTurnsFirstSubmission_pushesEvenWhenItLooksLikeTheLastTurnsLast() throws Exception {
    ok(alice.request(waitOrders(game, 1, false)));
    ok(teacher.request(force(game, 1)));
    ok(teacher.request(proceed(game)));
    for (TestClient c : everyone()) {
      c.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ORDERS
          && m.getPhaseChanged().getTurn() == 2);
    }

    // Turn 2 starts with every seat NOT_SUBMITTED; the same wait as turn 1's last push is news again.
    Map<TestClient, List<SeatView>> seen = seatPushesDuring("rus", () -> ok(alice.request(waitOrders(game, 2, false))));
    for (TestClient c : everyone()) {
      assertThat(seen.get(c)).as("seat pushes to %s", c).hasSize(1);
      assertThat(seen.get(c).get(0).getSubmission()).isEqualTo(SubmissionStatus.SUBMITTED_WAIT);
    }
  }

  @Test
  void pushesThatAreNotNews_stillTakeTheirPlaceInTheStream_soSeqsMatchAReplayedJournal() throws Exception {
    ok(alice.request(orders(game, 1, false, move(MoveType.CRITICIZE, "ukr"))));
    long before = teacher.request(state(game)).getGameState().getSeq();
    ok(alice.request(orders(game, 1, false, move(MoveType.HOTLINE_CALL, "usa"))));
    ok(alice.request(message(game, "hello all")));
    long after = teacher.request(state(game)).getGameState().getSeq();

    // One seq for the replaced orders (sent to nobody), one for the message.
    assertThat(after - before).isEqualTo(2);
    server.stop();
    server.start();
    TestClient again = server.instructor();
    try {
      ServerMessage joined = again.join(created.getInstructorCode(), "Second teacher");
      ok(joined);
      assertThat(joined.getJoined().getState().getSeq()).as("seq of the game recovered from its journal")
          .isEqualTo(after);
    } finally {
      again.close();
    }
  }
}
