package brink.bench;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.Ack;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Joined;
import brink.protocol.v1.Phase;
import brink.protocol.v1.SeatCode;
import brink.protocol.v1.ServerMessage;
import brink.scenario.Library;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real frames for the codec benchmark, taken from a whole game of the default scenario played over
 * TCP against an in-process server: every seat submits three moves, sends a message and says ready
 * each turn, for its twelve turns. Kept: the largest frame the server sends (the instructor's full
 * GameState at the end), the last TurnReport a player received, and the most frequent frames
 * (SubmitOrders, its OrdersAccepted, an Ack), plus the largest a client sends (CreateGame with the
 * scenario's text).
 *
 * <pre>java -cp TEST_CLASSPATH brink.bench.CodecFrames   (prints each frame's size)</pre>
 */
public final class CodecFrames {
  public final ServerMessage gameState;
  public final ServerMessage turnReport;
  public final ServerMessage ordersAccepted;
  public final ServerMessage ack;
  public final ClientMessage submitOrders;
  public final ClientMessage createGameWithText;
  public final int turns;

  private CodecFrames(ServerMessage gameState, ServerMessage turnReport, ServerMessage ordersAccepted,
      ClientMessage submitOrders, int turns) {
    this.gameState = gameState;
    this.turnReport = turnReport;
    this.ordersAccepted = ordersAccepted;
    this.ack = ServerMessage.newBuilder().setRequestId(4711).setAck(Ack.getDefaultInstance()).build();
    this.submitOrders = submitOrders;
    this.createGameWithText = ClientMessage.newBuilder().setRequestId(2).setCreateGame(CreateGame.newBuilder()
        .setScenarioText(Library.bundledText("eastern-flank-2022").orElseThrow()).setSeed(42)).build();
    this.turns = turns;
  }

  /** Plays the game and keeps its frames (a few seconds). */
  public static CodecFrames play() throws Exception {
    Path dir = Files.createTempDirectory("brink-codec-frames");
    try (TestServer server = new TestServer(dir)) {
      TestClient teacher = server.instructor();
      GameCreated created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(42));
      String game = created.getGameId();
      List<TestClient> players = new ArrayList<>();
      Map<TestClient, List<Move>> doveOrders = new LinkedHashMap<>();
      Map<TestClient, String> partner = new LinkedHashMap<>();
      for (SeatCode sc : created.getSeatCodesList()) {
        TestClient p = server.client();
        p.hello();
        Joined joined = p.join(sc.getCode(), "student " + sc.getActor()).getJoined();
        players.add(p);
        doveOrders.put(p, dove(joined));
        partner.put(p, doveOrders.get(p).get(doveOrders.get(p).size() - 1).getTarget());
      }
      teacher.request(start(game));
      ServerMessage accepted = null;
      ClientMessage submitted = null;
      int turn = 1;
      while (true) {
        for (TestClient p : players) {
          p.request(message(game, "Turn " + turn + ": our delegation proposes to meet at the border crossing "
              + "tomorrow at 10:00; please confirm.", partner.get(p)));
          ClientMessage.Builder o = orders(game, turn, true, doveOrders.get(p).toArray(new Move[0]));
          ServerMessage a = p.request(o);
          if (accepted == null && a.hasOrdersAccepted()) {
            accepted = a;
            submitted = o.build();
          }
        }
        int t = turn;
        ServerMessage next = teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getTurn() == t
            && (m.getPhaseChanged().getPhase() == Phase.REPORT || m.getPhaseChanged().getPhase() == Phase.ENDED));
        if (next.getPhaseChanged().getPhase() == Phase.ENDED) {
          break;
        }
        teacher.request(proceed(game));
        turn++;
      }
      ServerMessage full = teacher.request(state(game));
      TestClient first = players.get(0);
      first.request(state(game)); // every push of the game reached it before this answer
      ServerMessage report = null;
      for (ServerMessage m : first.frames()) {
        if (m.hasTurnReport()) {
          report = m;
        }
      }
      for (TestClient c : players) {
        c.close();
      }
      teacher.close();
      if (accepted == null || report == null || !full.hasGameState()) {
        throw new IllegalStateException("the game did not produce the frames the benchmark needs");
      }
      return new CodecFrames(full, report, accepted, submitted, turn);
    }
  }

  /** The dove bot's orders for the player's actor (the game then runs its twelve turns). */
  static List<Move> dove(Joined joined) {
    String me = joined.getActor();
    List<Move> moves = new ArrayList<>();
    String hottest = null;
    double tension = -1;
    for (DyadView d : joined.getState().getDyadsList()) {
      String other = d.getA().equals(me) ? d.getB() : d.getB().equals(me) ? d.getA() : null;
      if (other == null) {
        continue;
      }
      if (d.getPrimary()) {
        moves.add(move(MoveType.NEGOTIATE, other));
      }
      if (d.getTension() > tension) {
        tension = d.getTension();
        hottest = other;
      }
    }
    moves.add(Move.newBuilder().setType(MoveType.LOWER_ALERT).build());
    moves.add(move(MoveType.STATEMENT_REASSURE, hottest));
    return moves;
  }

  public static void main(String[] args) throws Exception {
    CodecFrames f = play();
    GameState s = f.gameState.getGameState();
    System.out.printf("a game of %d turns; frame bytes (without the 4-byte prefix):%n", f.turns);
    System.out.printf("  GameState, instructor, game ended: %,d (%d reports, %d messages)%n",
        f.gameState.getSerializedSize(), s.getReportsCount(), s.getMessagesCount());
    System.out.printf("  TurnReport of turn %d, a player: %,d%n", f.turnReport.getTurnReport().getTurn(),
        f.turnReport.getSerializedSize());
    System.out.printf("  SubmitOrders (%d moves): %,d%n", f.submitOrders.getSubmitOrders().getMovesCount(),
        f.submitOrders.getSerializedSize());
    System.out.printf("  OrdersAccepted: %,d%n", f.ordersAccepted.getSerializedSize());
    System.out.printf("  Ack: %,d%n", f.ack.getSerializedSize());
    System.out.printf("  CreateGame with the scenario's text: %,d%n", f.createGameWithText.getSerializedSize());
  }
}
