package brink.bench;

import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.start;

import brink.protocol.scenario.v1.Move;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Joined;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ServerMessage;
import brink.server.game.GameManager;
import brink.server.game.Journal;
import brink.server.game.Request;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.session.SessionRegistry;
import brink.server.testkit.BundledScenarios;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.RecordingConnection;
import brink.server.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a 30-player game's turn costs its game thread, without the network or the disk: the last seat's
 * SetReady, which resolves the turn, journals it (a journal that answers at once), applies it, renders one
 * view per audience and hands the 30 players their TurnReport (to connections that only keep it). The other
 * seats' orders and readiness, the instructor's ContinueGame and a new game every twelve turns are set up
 * outside the measured call. As the load's broadcast run: the default scenario, six players per seat, the
 * dove's orders (the game runs its twelve turns).
 *
 * <pre>bench/run-codec.sh TurnBroadcastBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TurnBroadcastBenchmark {
  static final String SCENARIO = "eastern-flank-2022";
  static final int PLAYERS_PER_SEAT = 6;
  /**
   * Games are never removed, so the manager is replaced (with the sessions, which keep their connections)
   * before it reaches its live-game limit.
   */
  private static final int GAMES_PER_MANAGER = GameManager.MAX_LIVE_GAMES / 2;

  /** One seat: its players' connections and the first player's session, which gives the seat's orders. */
  private record SeatPlayers(Session speaker, List<Move> dove) {}

  private final ManualScheduler clock = new ManualScheduler(TestServer.START);
  private final RecordingConnection teacherLine = new RecordingConnection();
  private SessionRegistry sessions;
  private Session teacher;
  private final List<RecordingConnection> lines = new ArrayList<>();
  private GameManager games;
  private int gamesInManager;
  private String gameId;
  private List<SeatPlayers> seats = List.of();
  private int turn;
  private int reportsBefore;
  private long nextId = 1;

  @Setup(Level.Invocation)
  public void everyOtherSeatReady() {
    if (gameId != null) {
      int delivered = turnReports() - reportsBefore;
      if (delivered != seats.size() * PLAYERS_PER_SEAT) {
        throw new IllegalStateException("turn " + turn + " handed " + delivered + " TurnReports to "
            + seats.size() * PLAYERS_PER_SEAT + " players");
      }
    }
    Phase phase = gameId == null ? Phase.ENDED : ask(teacher, state()).getGameState().getPhase();
    if (phase == Phase.ENDED) {
      newGame();
    } else {
      ask(teacher, proceed(gameId));
      turn++;
    }
    for (int i = 0; i < seats.size(); i++) {
      SeatPlayers s = seats.get(i);
      boolean last = i == seats.size() - 1;
      ServerMessage a = ask(s.speaker(), orders(gameId, turn, !last, s.dove().toArray(Move[]::new)));
      if (!a.hasOrdersAccepted()) {
        throw new IllegalStateException("orders refused on turn " + turn + ": " + a);
      }
    }
    reportsBefore = turnReports();
  }

  /** The last seat says ready: the turn resolves and is broadcast. */
  @Benchmark
  public ServerMessage lastSeatReady_resolvesAndBroadcasts() {
    return ask(seats.get(seats.size() - 1).speaker(), ready(gameId, turn, true));
  }

  private void newGame() {
    if (games == null || gamesInManager == GAMES_PER_MANAGER) {
      sessions = new SessionRegistry(new Secrets(new Random(2)), clock.clock());
      teacher = sessions.open(teacherLine);
      games = new GameManager(new GameManager.Options(new Forgetful(), clock, id -> Runnable::run,
          new Secrets(new Random(1)), new BundledScenarios(), (scenario, entries) -> brink.protocol.v1.Report
          .getDefaultInstance(), "brink-server/bench"));
      gamesInManager = 0;
    }
    gamesInManager++;
    GameCreated created = ask(teacher, ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId(SCENARIO).setOrdersSeconds(0).setReportSeconds(0))).getGameCreated();
    gameId = created.getGameId();
    for (RecordingConnection done : lines) {
      done.sent.clear(); // the last game's sessions still hold these connections
    }
    lines.clear();
    teacherLine.sent.clear();
    List<SeatPlayers> joined = new ArrayList<>();
    for (int seat = 0; seat < created.getSeatCodesCount(); seat++) {
      Session speaker = null;
      List<Move> dove = null;
      for (int k = 0; k < PLAYERS_PER_SEAT; k++) {
        RecordingConnection line = new RecordingConnection();
        lines.add(line);
        Session s = sessions.open(line);
        Joined j = ask(s, ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
            .setCode(created.getSeatCodes(seat).getCode()).setName("player " + seat + "." + k))).getJoined();
        if (k == 0) {
          speaker = s;
          dove = CodecFrames.dove(j);
        }
      }
      joined.add(new SeatPlayers(speaker, dove));
    }
    seats = joined;
    ask(teacher, start(gameId));
    turn = 1;
  }

  private int turnReports() {
    int n = 0;
    for (RecordingConnection c : lines) {
      for (ServerMessage m : c.sent) {
        n += m.hasTurnReport() ? 1 : 0;
      }
    }
    return n;
  }

  private ClientMessage.Builder state() {
    return ClientMessage.newBuilder().setGetState(brink.protocol.v1.GetState.newBuilder().setGameId(gameId));
  }

  private ServerMessage ask(Session s, ClientMessage.Builder b) {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    long id = nextId++;
    games.handle(new Request(id, b.setRequestId(id).build(), s, s.connection(), answer));
    ServerMessage m = answer.getNow(null);
    if (m == null || m.hasError()) {
      throw new IllegalStateException("request " + b.build() + " answered " + m);
    }
    return m;
  }

  /** A journal that makes everything durable at once and keeps nothing. */
  private static final class Forgetful implements Journal {
    @Override
    public CompletableFuture<Void> append(String gameId, List<brink.protocol.v1.JournalEntry> change) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
