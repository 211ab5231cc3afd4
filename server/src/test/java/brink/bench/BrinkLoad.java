package brink.bench;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ContinueGame;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.EndGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Joined;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Ping;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SetReady;
import brink.protocol.v1.StartGame;
import brink.protocol.v1.SubmitOrders;
import com.google.protobuf.CodedInputStream;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running Brink server over brink.v1, as a class would put it: instructors create games
 * of a scenario and start them; players join with the seat codes and then, by the clock (open
 * loop), submit and replace orders, send messages, say ready once their turn has lasted its length;
 * each game's instructor continues as soon as a turn's report is out.
 *
 * <ul>
 *   <li>{@link #open}: the mix at a total offered rate; latencies of submit -> OrdersAccepted,
 *       message -> Ack, ready -> Ack, and of the turn broadcast (see {@link GameTracker}).
 *   <li>{@link #closed}: every player keeps K SubmitOrders in flight, nothing else: the peak
 *       durable submit throughput.
 *   <li>{@link #idle}: players that joined and only Ping (every 30 s, under the idle timeout).
 * </ul>
 */
public final class BrinkLoad {
  /** What a run asks for; {@code players} 0 = one player in every seat of every game. */
  public record Plan(String scenario, int games, int players, int gamesPerInstructor, double turnSeconds,
      double submitShare, boolean doveOrders) {
    public Plan {
      if (games < 1 || (players != 0 && players < games)) {
        throw new IllegalArgumentException("need at least one game and one player per game (games " + games
            + ", players " + players + "; 0 players = one per seat)");
      }
      if (gamesPerInstructor < 1) {
        throw new IllegalArgumentException("--games-per-instructor is at least 1");
      }
    }
  }

  /** Connections and games once set up. */
  record Setup(List<BrinkConn> instructors, List<BrinkConn> players, List<GameTracker> games, int seats) {}

  /** Moves any seat may always submit (a target it has a dyad with, nothing else needed). */
  private static final MoveType[] VERBAL = {MoveType.STATEMENT_REASSURE, MoveType.HOTLINE_CALL,
      MoveType.CRITICIZE, MoveType.PROPOSE_TALKS, MoveType.DEMAND_WITHDRAWAL};
  private static final String TEXT = "Our delegation proposes to meet at the border crossing tomorrow at 10:00; "
      + "please confirm. ";

  private final Rig rig;
  private final InetSocketAddress address;
  private final long serverPid;
  private final String instructorKey;

  public BrinkLoad(Rig rig, InetSocketAddress address, long serverPid, String instructorKey) {
    this.rig = rig;
    this.address = address;
    this.serverPid = serverPid;
    this.instructorKey = instructorKey;
  }

  // ================================================================== roles

  /** A player: one seat of one game. */
  static final class Player implements BrinkConn.Role {
    final GameTracker game;
    final String actor;
    final List<String> partners;
    /** Partners in a primary dyad, and the partner with the highest tension when the player joined. */
    final List<String> primaryPartners;
    final String hottest;
    final int maxMoves;
    final Recorder rec;
    private final SplittableRandom rnd;
    private final double submitShare;
    volatile Phase phase;
    volatile int turn;
    boolean readySent;
    /** Turns cycle (players say ready after the turn length); off for the peak-submit run. */
    boolean turnsCycle = true;
    /** Submit the dove's orders (games then run their full length) instead of random verbal ones. */
    boolean dove;
    /** Closed loop: an answered submit triggers the next while true. */
    volatile boolean closedLoop;

    Player(GameTracker game, Joined joined, Recorder rec, long seed, double submitShare) {
      this.game = game;
      this.actor = joined.getActor();
      this.rec = rec;
      this.rnd = new SplittableRandom(seed);
      this.submitShare = submitShare;
      GameState s = joined.getState();
      List<String> p = new ArrayList<>();
      List<String> primary = new ArrayList<>();
      String hot = null;
      double hotTension = -1;
      for (DyadView d : s.getDyadsList()) {
        String other = d.getA().equals(actor) ? d.getB() : d.getB().equals(actor) ? d.getA() : null;
        if (other == null) {
          continue;
        }
        p.add(other);
        if (d.getPrimary()) {
          primary.add(other);
        }
        if (d.getTension() > hotTension) {
          hotTension = d.getTension();
          hot = other;
        }
      }
      this.primaryPartners = List.copyOf(primary);
      this.hottest = hot;
      this.maxMoves = s.getMaxMovesPerTurn();
      if (p.isEmpty()) {
        throw new IllegalStateException("actor " + actor + " has no dyad to aim moves at");
      }
      this.partners = List.copyOf(p);
      this.phase = s.getPhase();
      this.turn = s.getTurn();
    }

    @Override
    public void fire(BrinkConn c, long intended) {
      if (game.isEnded() || phase == Phase.ENDED) {
        rec.countInWindow("skipped.game_ended", intended);
        return;
      }
      if (phase == Phase.ORDERS && !readySent) {
        if (turnsCycle && game.readyDue(turn, intended) && game.seatReady(turn, actor)) {
          readySent = true; // a teammate said it for the seat
        } else if (turnsCycle && game.readyDue(turn, intended)) {
          readySent = true;
          game.readySent(turn, actor, intended);
          c.send(ClientMessage.newBuilder().setSetReady(SetReady.newBuilder().setGameId(game.gameId).setTurn(turn)
              .setReady(true)), "ready", intended, null);
          return;
        }
        // A teammate's SetReady froze the seat's orders: talk instead.
        if (rnd.nextDouble() < submitShare && !game.seatReady(turn, actor)) {
          c.send(dove ? doveSubmit() : submit(), "submit", intended, null);
          return;
        }
      }
      c.send(message(), "message", intended, null);
    }

    ClientMessage.Builder submit() {
      return submit(VERBAL);
    }

    /**
     * The dove bot's orders (engine-model.md II-c §11), written by the player: NEGOTIATE toward each
     * primary partner, LOWER_ALERT, STATEMENT_REASSURE toward the hottest partner. Games played this
     * way run their full length (the default scenario's other doctrines end in a war by turn 3 to 8).
     */
    ClientMessage.Builder doveSubmit() {
      SubmitOrders.Builder so = SubmitOrders.newBuilder().setGameId(game.gameId).setTurn(turn);
      for (String j : primaryPartners) {
        so.addMoves(Move.newBuilder().setType(MoveType.NEGOTIATE).setTarget(j));
      }
      so.addMoves(Move.newBuilder().setType(MoveType.LOWER_ALERT));
      so.addMoves(Move.newBuilder().setType(MoveType.STATEMENT_REASSURE).setTarget(hottest));
      while (maxMoves > 0 && so.getMovesCount() > maxMoves) {
        so.removeMoves(so.getMovesCount() - 1);
      }
      return ClientMessage.newBuilder().setSubmitOrders(so);
    }

    /** Orders of one or two moves of different types from {@code types}, at random partners. */
    ClientMessage.Builder submit(MoveType[] types) {
      SubmitOrders.Builder so = SubmitOrders.newBuilder().setGameId(game.gameId).setTurn(turn);
      int first = rnd.nextInt(types.length);
      so.addMoves(Move.newBuilder().setType(types[first]).setTarget(partners.get(rnd.nextInt(partners.size()))));
      if (rnd.nextBoolean()) {
        int second = (first + 1 + rnd.nextInt(types.length - 1)) % types.length;
        so.addMoves(Move.newBuilder().setType(types[second])
            .setTarget(partners.get(rnd.nextInt(partners.size()))));
      }
      return ClientMessage.newBuilder().setSubmitOrders(so);
    }

    private ClientMessage.Builder message() {
      SendMessage.Builder m = SendMessage.newBuilder().setGameId(game.gameId).setText(TEXT);
      if (rnd.nextInt(5) != 0) {
        m.addTo(partners.get(rnd.nextInt(partners.size())));
      }
      return ClientMessage.newBuilder().setSendMessage(m);
    }

    @Override
    public void push(BrinkConn c, int body, ByteBuf frame, long now) {
      try {
        if (body == BrinkConn.PHASE_CHANGED) {
          PhaseChanged pc = BrinkConn.parse(frame).getPhaseChanged();
          phaseChanged(pc.getPhase(), pc.getTurn(), now);
        } else if (body == BrinkConn.TURN_REPORT) {
          game.reportArrived(turnOfReport(frame), now);
        } else if (body == BrinkConn.GAME_STATE) {
          GameState s = BrinkConn.parse(frame).getGameState();
          phaseChanged(s.getPhase(), s.getTurn(), now);
        }
      } catch (IOException e) {
        rec.count("unparsable_pushes");
      }
    }

    private void phaseChanged(Phase p, int t, long now) {
      if (p == Phase.ORDERS && (t != turn || phase != Phase.ORDERS)) {
        readySent = false;
        game.opened(t, now);
      }
      if (p == Phase.ENDED) {
        game.ended();
      }
      turn = t;
      phase = p;
    }

    @Override
    public void answered(BrinkConn c, String kind, boolean error, long now) {
      if (closedLoop && kind.equals("submit")) {
        c.send(submit(), "submit", System.nanoTime(), null);
      }
    }
  }

  /** The instructor of one or more games: continues each as soon as a turn's report is out. */
  static final class Instructor implements BrinkConn.Role {
    final Map<String, GameTracker> games = new HashMap<>();
    final Recorder rec;

    Instructor(Recorder rec) {
      this.rec = rec;
    }

    @Override
    public void push(BrinkConn c, int body, ByteBuf frame, long now) {
      if (body != BrinkConn.PHASE_CHANGED) {
        return;
      }
      try {
        PhaseChanged pc = BrinkConn.parse(frame).getPhaseChanged();
        GameTracker g = games.get(pc.getGameId());
        if (pc.getPhase() == Phase.REPORT) {
          c.send(ClientMessage.newBuilder().setContinueGame(ContinueGame.newBuilder().setGameId(pc.getGameId())),
              "continue", now, null);
        } else if (pc.getPhase() == Phase.ENDED && g != null) {
          g.ended();
        }
      } catch (IOException e) {
        rec.count("unparsable_pushes");
      }
    }
  }

  /** A participant that only pings (idle connections). */
  static final class Pinger implements BrinkConn.Role {
    @Override
    public void fire(BrinkConn c, long intended) {
      c.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTimeEpochMillis(System.currentTimeMillis())),
          "ping", intended, null);
    }
  }

  /** The turn of a TurnReport push, read without parsing the report. */
  static int turnOfReport(ByteBuf frame) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(frame.nioBuffer());
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag >>> 3 == BrinkConn.TURN_REPORT) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (!in.isAtEnd()) {
          int t = in.readTag();
          if (t >>> 3 == 2) {
            return in.readInt32();
          }
          in.skipField(t);
        }
        in.popLimit(limit);
        return 0;
      }
      in.skipField(tag);
    }
    throw new IOException("not a TurnReport");
  }

  // ================================================================== setup

  Setup setup(Plan plan, Recorder rec, AtomicLong inFlight, long turnNanos) throws Exception {
    int instructorCount = (plan.games() + plan.gamesPerInstructor() - 1) / plan.gamesPerInstructor();
    List<BrinkConn> instructors = rig.connect(address, instructorCount, i -> new BrinkConn(rec, inFlight));
    List<CompletableFuture<ServerMessage>> hellos = new ArrayList<>();
    for (BrinkConn c : instructors) {
      c.role = new Instructor(rec);
      hellos.add(c.hello(instructorKey));
    }
    awaitAll(hellos, "Hello (instructors)");
    List<GameCreated> created = new ArrayList<>();
    List<GameTracker> games = new ArrayList<>();
    for (int from = 0; from < plan.games(); from += 20) {
      List<CompletableFuture<ServerMessage>> batch = new ArrayList<>();
      for (int g = from; g < Math.min(plan.games(), from + 20); g++) {
        batch.add(instructors.get(g / plan.gamesPerInstructor()).request(ClientMessage.newBuilder().setCreateGame(
            CreateGame.newBuilder().setScenarioId(plan.scenario()).setSeed(g + 1).setLabel("bench " + g)),
            "create"));
      }
      for (ServerMessage m : awaitAll(batch, "CreateGame")) {
        created.add(m.getGameCreated());
      }
    }
    int seats = created.get(0).getSeatCodesCount();
    for (int g = 0; g < created.size(); g++) {
      GameTracker t = new GameTracker(created.get(g).getGameId(), g, rec, turnNanos);
      games.add(t);
      BrinkConn ic = instructors.get(g / plan.gamesPerInstructor());
      ((Instructor) ic.role).games.put(t.gameId, t);
    }

    int playerCount = plan.players() == 0 ? plan.games() * seats : plan.players();
    // Connect, Hello and join 100 at a time: a connection must say Hello within 10 s of connecting.
    List<BrinkConn> players = new ArrayList<>(playerCount);
    for (int from = 0; from < playerCount; from += 100) {
      int to = Math.min(playerCount, from + 100);
      List<BrinkConn> chunk = rig.connect(address, to - from, i -> new BrinkConn(rec, inFlight));
      players.addAll(chunk);
      List<CompletableFuture<ServerMessage>> batch = new ArrayList<>();
      for (BrinkConn c : chunk) {
        batch.add(c.hello(""));
      }
      awaitAll(batch, "Hello (players)");
      batch.clear();
      for (int i = from; i < to; i++) {
        int g = i % plan.games();
        int seat = (i / plan.games()) % seats;
        batch.add(players.get(i).request(ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
            .setCode(created.get(g).getSeatCodes(seat).getCode()).setName("player " + i)), "join"));
      }
      List<ServerMessage> joined = awaitAll(batch, "JoinGame");
      for (int k = 0; k < joined.size(); k++) {
        int i = from + k;
        GameTracker g = games.get(i % plan.games());
        g.addPlayer();
        Player p = new Player(g, joined.get(k).getJoined(), rec, i, plan.submitShare());
        p.dove = plan.doveOrders();
        players.get(i).role = p;
      }
    }
    return new Setup(instructors, players, games, seats);
  }

  /** Starts every game and waits until every player knows its turn 1 takes orders. */
  void startGames(Setup s, int gamesPerInstructor) throws Exception {
    List<CompletableFuture<ServerMessage>> starts = new ArrayList<>();
    for (GameTracker g : s.games()) {
      starts.add(s.instructors().get(g.index / gamesPerInstructor).request(ClientMessage.newBuilder()
          .setStartGame(StartGame.newBuilder().setGameId(g.gameId)), "start"));
    }
    awaitAll(starts, "StartGame");
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (BrinkConn c : s.players()) {
      while (((Player) c.role).phase != Phase.ORDERS) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a player never heard that its game started");
        }
        Thread.sleep(5);
      }
    }
  }

  /** Ends every game still running (so a server taking several runs stays under its live-game limit). */
  void endGames(Setup s, int gamesPerInstructor) {
    List<CompletableFuture<ServerMessage>> ends = new ArrayList<>();
    for (GameTracker g : s.games()) {
      if (!g.isEnded()) {
        ends.add(s.instructors().get(g.index / gamesPerInstructor).request(ClientMessage.newBuilder()
            .setEndGame(EndGame.newBuilder().setGameId(g.gameId).setReason("end of the load test")), "end"));
      }
    }
    for (CompletableFuture<ServerMessage> f : ends) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // The game may have ended on its own meanwhile; nothing to do.
      }
    }
  }

  static List<ServerMessage> awaitAll(List<CompletableFuture<ServerMessage>> fs, String what) throws Exception {
    List<ServerMessage> out = new ArrayList<>();
    for (CompletableFuture<ServerMessage> f : fs) {
      ServerMessage m;
      try {
        m = f.get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(what + ": no answer within 60 s");
      }
      if (m.hasError()) {
        throw new IllegalStateException(what + " failed: " + m.getError().getCode() + " " + m.getError().getMessage());
      }
      out.add(m);
    }
    return out;
  }

  private static void closeAll(Setup s) {
    Rig.closeAll(s.players());
    Rig.closeAll(s.instructors());
  }

  private static Map<String, String> params(Plan p, String load) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("scenario", p.scenario());
    m.put("games", Integer.toString(p.games()));
    m.put("players", Integer.toString(p.players()));
    m.put("load", load);
    return m;
  }

  // ================================================================== runs

  /** The class's mix at {@code rate} requests per second over all players (open loop). */
  public RunResult open(Plan plan, double rate, double warmup, double seconds) throws Exception {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    long turnNanos = (long) (plan.turnSeconds() * 1e9);
    Setup s = setup(plan, rec, inFlight, turnNanos);
    startGames(s, plan.gamesPerInstructor());
    try {
      Thread[] pacer = new Thread[1];
      return Measure.run("brink open", params(plan, "offered " + (long) rate + "/s, turns of "
          + plan.turnSeconds() + " s, a seat taking orders submits " + Math.round(plan.submitShare() * 100)
          + "% of its requests and talks the rest, a ready seat only talks"
          + (plan.doveOrders() ? " (dove orders)" : "")), rec, serverPid,
          warmup, seconds, new Measure.Load() {
            boolean started;

            @Override
            public void start(long t0, long end) {
              // Stagger the games' turns evenly over one turn length, once: the warm-up's rounds and the
              // measured window go on with the turns as they stand (staggering again at every round would
              // make a turn due at once in half of the games, and run them through their 12 turns).
              if (!started) {
                started = true;
                for (GameTracker g : s.games()) {
                  g.restartTurnClock(1, t0 - g.index * turnNanos / s.games().size());
                }
              }
              pacer[0] = new Thread(() -> Rig.pace(new OpenLoopSchedule(t0, rate), s.players(), end), "pacer");
              pacer[0].start();
            }

            @Override
            public void stop() throws InterruptedException {
              pacer[0].join();
            }
          }, inFlight::get, Map.of());
    } finally {
      endGames(s, plan.gamesPerInstructor());
      closeAll(s);
    }
  }

  /** Every player keeps {@code inflight} SubmitOrders outstanding: the peak durable submit rate. */
  public RunResult closed(Plan plan, int inflight, double warmup, double seconds) throws Exception {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    Setup s = setup(plan, rec, inFlight, Long.MAX_VALUE / 4);
    startGames(s, plan.gamesPerInstructor());
    try {
      return Measure.run("brink closed", params(plan, inflight + " SubmitOrders in flight per player"), rec,
          serverPid, warmup, seconds, new Measure.Load() {
            @Override
            public void start(long t0, long end) {
              for (BrinkConn c : s.players()) {
                Player p = (Player) c.role;
                p.turnsCycle = false;
                p.closedLoop = true;
                c.channel().eventLoop().execute(() -> {
                  for (int k = 0; k < inflight; k++) {
                    c.send(p.submit(), "submit", System.nanoTime(), null);
                  }
                });
              }
            }

            @Override
            public void stop() {
              for (BrinkConn c : s.players()) {
                ((Player) c.role).closedLoop = false;
              }
            }
          }, inFlight::get, Map.of());
    } finally {
      endGames(s, plan.gamesPerInstructor());
      closeAll(s);
    }
  }

  /**
   * {@code plan.players()} players join {@code plan.games()} games and stay, pinging every 30 s,
   * for {@code holdSeconds}; then the server's heap is read after a full GC (jcmd).
   */
  public RunResult idle(Plan plan, double holdSeconds) throws Exception {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    ProcStats.Process before = ProcStats.process(serverPid);
    Setup s = setup(plan, rec, inFlight, Long.MAX_VALUE / 4);
    for (BrinkConn c : s.players()) {
      c.role = new Pinger();
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("server_rss_before_connect_mib", Report.mib(before.rssBytes()));
    try {
      RunResult r = Measure.run("brink idle", params(plan, "joined and idle, a Ping every 30 s, held "
          + (long) holdSeconds + " s"), rec, serverPid, 0, holdSeconds, new Measure.Load() {
            Thread pacer;

            @Override
            public void start(long t0, long end) {
              pacer = new Thread(() -> Rig.pace(new OpenLoopSchedule(t0, s.players().size() / 30.0), s.players(),
                  end), "pinger");
              pacer.start();
            }

            @Override
            public void stop() throws InterruptedException {
              pacer.join();
            }
          }, inFlight::get, notes);
      Map<String, String> n = new LinkedHashMap<>(r.notes());
      n.put("server_heap_after_full_gc", Jcmd.heapAfterFullGc(serverPid));
      n.put("connections_still_open", Long.toString(s.players().stream().filter(c -> c.channel().isActive()).count()));
      return new RunResult(r.name(), r.params(), r.windowSeconds(), r.latencies(), r.counters(), r.serverBefore(),
          r.serverAfter(), r.clientBefore(), r.clientAfter(), r.machineBefore(), r.machineAfter(), n);
    } finally {
      closeAll(s);
    }
  }
}
