package brink.server.hostile;

import static brink.server.testkit.Requests.customInject;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.resume;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Orders;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.server.hostile.CrashLedger.Kind;
import brink.server.hostile.CrashLedger.Member;
import brink.server.hostile.CrashLedger.Sent;
import brink.server.hostile.CrashLedger.Status;
import brink.server.hostile.CrashLedger.Table;
import brink.server.journal.FileJournalStore;
import brink.server.journal.GameJournal;
import brink.server.journal.JournalOptions;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue "The game server", must-hold; issue "Hostile and faulty conditions"): a server in its
 * own process is killed with SIGKILL while two classes play, and restarted on the same data folder; every
 * acknowledged change must be there exactly once, nothing refused may be, every game must be exactly where
 * it was, and every deadline where the design puts it.
 *
 * <p>Round i plays with seed SEED + i. It plays a few requests one at a time (each answered), checks the games
 * live, then ends the server one of three ways, in turn: right after the last answer (AFTER_ACKS, with class
 * B's turn running against its one-hour deadline); while every client pipelines orders, messages, readiness
 * and instructor controls (MID_LOAD, killed after a random number of answers); or while a forced turn
 * resolution is being journaled (DURING_RESOLUTION), followed by a second kill while the restarting server
 * recovers its journal. Every other restart comes after a long downtime: the server restarts with its clock
 * {@link #DOWNTIME} further ahead ({@link brink.server.ClockShiftedServerMain}), longer than B's orders phase.
 * After each restart every client takes its session back with its old token (ResumeSession), half of them
 * send again (same request_id) what was never answered, and the games are checked against what the clients
 * were told:
 *
 * <ul>
 *   <li>phase, turn and pause: explained by the instructor's acknowledged controls plus any of its unanswered
 *       ones; after a long downtime, a turn that was running against its deadline has resolved (the design:
 *       deadlines are absolute times in the journal, re-armed on restart, an overdue one acted on at once);
 *       otherwise a deadline and the time left on a pause are the same absolute values as before;
 *   <li>each seat's orders and readiness: the last acknowledged submission, or one sent after it whose answer
 *       the crash swallowed;
 *   <li>messages: every acknowledged one present once, refused ones absent, unanswered ones at most once,
 *       earlier ones still there.
 * </ul>
 *
 * At the end the journal itself is read: each client's entries (orders, readiness, messages, injects,
 * instructor actions) are exactly its requests minus the refused ones and some unanswered ones, in the order
 * sent, none twice. {@code -Dbrink.crash.rounds=N} plays N rounds (4 by default: each kind of kill, short
 * and long downtimes), {@code -Dbrink.crash.seed=S} another script.
 */
class CrashSafetyTest {
  static final int ROUNDS = Integer.getInteger("brink.crash.rounds", 4);
  static final long SEED = Long.getLong("brink.crash.seed", 20261126L);
  /** Requests a client keeps in flight under load. */
  static final int WINDOW = 4;
  /** Requests a client sends at most in one burst (below the server's rate-limit burst of 60). */
  static final int BURST = 40;
  static final String SCENARIO = "eastern-flank-2022";
  static final List<String> ACTORS = List.of("blr", "nato", "rus", "ukr", "usa");

  enum Mode { AFTER_ACKS, MID_LOAD, DURING_RESOLUTION }

  /** How long the server is down every other round: longer than class B's orders phase. */
  static final Duration DOWNTIME = Duration.ofHours(2);

  @TempDir
  Path dir;
  ServerProcess server;
  final List<Table> tables = new ArrayList<>();
  /** Classes whose game ended during the soak (replaced by a new game): their journals are checked too. */
  final List<Table> finished = new ArrayList<>();
  final Map<String, Integer> counts = new LinkedHashMap<>();
  Random rng;
  /** How far ahead of the system clock the server runs: the hours it was down, in total. */
  Duration clockShift = Duration.ZERO;
  /** The checks after a restart that followed {@link #DOWNTIME}: every running deadline has passed. */
  boolean longDowntime;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sigkill_afterAcksMidLoadAndDuringRecovery_keepsEveryAcknowledgedChangeExactlyOnce_andEveryDeadline()
      throws Exception {
    long t0 = System.nanoTime();
    rng = new Random(SEED);
    Path data = dir.resolve("data");
    server = ServerProcess.start(data);
    setUp();
    for (int round = 0; round < ROUNDS; round++) {
      long roundSeed = SEED + round;
      rng = new Random(roundSeed);
      Mode mode = Mode.values()[round % Mode.values().length];
      // Every other restart follows a downtime longer than class B's orders phase; over six rounds each
      // kind of kill comes once with a short and once with a long downtime.
      boolean downLong = round % 2 == 1;
      replaceEndedGames();
      quiet(4 + rng.nextInt(8));
      if (mode == Mode.AFTER_ACKS) {
        // Class B's turn runs against its deadline when the server dies: after a short downtime the deadline
        // must be the same absolute time, after a long one the turn must have resolved on restart.
        deadlineRunning(tables.get(1));
      }
      checkAll("round " + round + ", live before the kill");
      int answersBefore = counted("acknowledged") + counted("refused");
      switch (mode) {
        case AFTER_ACKS:
          server.kill();
          break;
        case MID_LOAD:
          load(roundSeed, false);
          break;
        default:
          load(roundSeed, true);
          break;
      }
      assertThat(server.exitValue()).as("SIGKILL ended the server").isEqualTo(137);
      count("kills");
      if (downLong) {
        // The server stays down for hours: it restarts with its clock that much further ahead.
        clockShift = clockShift.plus(DOWNTIME);
        count("restarts after " + DOWNTIME.toHours() + " hours down");
      }
      if (mode == Mode.DURING_RESOLUTION) {
        ServerProcess recovering = ServerProcess.launch(data, clockShift);
        recovering.awaitLine(line -> line.contains("records of"));
        recovering.kill();
        count("kills during recovery");
      }
      server = ServerProcess.start(data, clockShift);
      reconnectAll();
      retryUnanswered(downLong);
      longDowntime = downLong;
      checkAll("round " + round + " (seed " + roundSeed + "), after a kill " + mode + (downLong ? " and "
          + DOWNTIME.toHours() + " hours down" : ""));
      longDowntime = false;
      System.out.printf("CrashSafetyTest round %d (seed %d): killed %s after %d answers%s; checked%n", round,
          roundSeed, mode, counted("acknowledged") + counted("refused") - answersBefore, downLong ? ", down "
          + DOWNTIME.toHours() + " hours" : "");
    }
    goOn();
    checkAll("after the last restart, games played on");
    server.kill();
    journalMatchesRequests(data);
    System.out.printf("CrashSafetyTest seed %d: %d rounds (seeds %d..%d), %d SIGKILLs, in %.1f s: %s%n", SEED,
        ROUNDS, SEED, SEED + ROUNDS - 1, counted("kills") + counted("kills during recovery") + 1,
        (System.nanoTime() - t0) / 1e9, counts);
  }

  // ================================================================== setting up two classes

  private void setUp() throws IOException {
    // Class A without deadlines; class B with 1-hour orders phases, so that pauses keep a time left and the
    // absolute deadline must survive the crash.
    tables.add(table("A", 0));
    tables.add(table("B", 3600));
  }

  /**
   * A class whose game has ended (its last turn, or war) starts a new game, so that a long soak always has
   * two games to load; the ended one's journal is still checked at the end.
   */
  private void replaceEndedGames() throws IOException {
    for (int i = 0; i < tables.size(); i++) {
      Table t = tables.get(i);
      if (!t.open()) {
        finished.add(t);
        tables.set(i, table(t.label.charAt(0) + String.valueOf(finished.size() + 1), t.ordersSeconds));
        count("games ended and replaced by a new one");
      }
    }
  }

  private Table table(String label, int ordersSeconds) throws IOException {
    Table t = new Table(label);
    t.ordersSeconds = ordersSeconds;
    t.instructor = new Member("teacher" + label, "", false);
    t.instructor.conn = TestClient.connect(server.port());
    t.instructor.token = t.instructor.conn.hello(ServerProcess.KEY).getWelcome().getSessionToken();
    CreateGame.Builder cg = CreateGame.newBuilder().setScenarioId(SCENARIO).setSeed(SEED + label.hashCode())
        .setOrdersSeconds(ordersSeconds).setLabel("crash " + label);
    for (String a : ACTORS) {
      cg.putBots(a, "dove"); // seats rarely go silent here, but a war would end the game early
    }
    ServerMessage created = call(t.instructor, Kind.JOIN, 0, "join", ClientMessage.newBuilder().setCreateGame(cg));
    assertThat(created.hasGameCreated()).as("GameCreated, got %s", created).isTrue();
    GameCreated g = created.getGameCreated();
    t.gameId = g.getGameId();
    t.instructor.participantId = g.getState().getViewerParticipantId();
    for (String actor : ACTORS) {
      // Ukraine's seat never says ready, so a turn resolves only when the instructor forces it.
      Member p = new Member(actor + label, actor, !actor.equals("ukr"));
      p.conn = TestClient.connect(server.port());
      p.token = p.conn.hello().getWelcome().getSessionToken();
      ServerMessage j = call(p, Kind.JOIN, 0, "join", ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
          .setCode(TestServer.seatCode(g, actor)).setName(p.name)));
      assertThat(j.hasJoined()).as("Joined, got %s", j).isTrue();
      p.participantId = j.getJoined().getParticipantId();
      t.players.add(p);
    }
    assertThat(call(t.instructor, Kind.START, 0, "start", start(t.gameId)).hasAck()).isTrue();
    checkTable(t, "set up");
    return t;
  }

  // ================================================================== requests

  /** Sends one request and waits for its answer (pushes on the way are dropped). */
  private ServerMessage call(Member m, Kind kind, int turn, String key, ClientMessage.Builder b) throws IOException {
    Sent s = m.record(kind, turn, key, b);
    m.conn.sendRaw(b.setRequestId(s.id).build());
    while (true) {
      ServerMessage answer = m.conn.next();
      if (answer.getRequestId() == s.id) {
        s.answered(answer);
        count(s.status == Status.ACKED ? "acknowledged" : "refused");
        return answer;
      }
      m.lastSeq = Math.max(m.lastSeq, m.conn.lastSeq);
    }
  }

  /** The next request a member makes, or null when it has nothing sensible to do. */
  private Next next(Member m, Table t, Random r, boolean allowForce) {
    double x = r.nextDouble();
    if (m.instructor()) {
      if (t.phase == Phase.REPORT && allowForce) {
        return new Next(Kind.CONTINUE, t.turn + 1, "continue|" + (t.turn + 1), proceed(t.gameId));
      }
      if (x < 0.35) {
        return messageFrom(m, t, r);
      }
      if (x < 0.55) {
        String headline = "Crash drill " + t.label + " " + m.made++;
        return new Next(Kind.INJECT, t.turn, "inject|" + headline, customInject(t.gameId,
            brink.protocol.scenario.v1.Inject.newBuilder().setHeadline(Text.newBuilder().setEn(headline))
                .setVisibility(Visibility.PUBLIC).build()));
      }
      if (x < 0.85 && (t.phase == Phase.ORDERS || t.phase == Phase.REPORT)) {
        m.believedPaused = !m.believedPaused;
        return m.believedPaused ? new Next(Kind.PAUSE, t.turn, "pause", pause(t.gameId))
            : new Next(Kind.RESUME, t.turn, "resume", resume(t.gameId));
      }
      if (allowForce && t.phase == Phase.ORDERS && t.turn < 10) {
        return new Next(Kind.FORCE, t.turn, "force|" + t.turn, force(t.gameId, t.turn));
      }
      return messageFrom(m, t, r);
    }
    if (t.phase != Phase.ORDERS) {
      return messageFrom(m, t, r);
    }
    if (m.ordersTurn != t.turn) {
      m.ordersTurn = t.turn;
      m.ordersThisTurn = 0;
      m.believedReady = false;
    }
    List<List<Move>> combos = CrashLedger.combos(m.actor);
    if (x < 0.5 && m.ordersThisTurn < combos.size() && !m.believedReady) {
      List<Move> moves = combos.get(m.ordersThisTurn++);
      return new Next(Kind.ORDERS, t.turn, CrashLedger.ordersKey(t.turn, moves),
          orders(t.gameId, t.turn, false, moves.toArray(new Move[0])));
    }
    if (x < 0.65 && m.mayReady) {
      m.believedReady = !m.believedReady;
      return new Next(Kind.READY, t.turn, "ready|" + t.turn + "|" + m.believedReady,
          ready(t.gameId, t.turn, m.believedReady));
    }
    return messageFrom(m, t, r);
  }

  private Next messageFrom(Member m, Table t, Random r) {
    String text = "crash-" + t.label + "-" + m.name + "-" + m.made++;
    List<String> to = new ArrayList<>();
    if (r.nextDouble() < 0.6) {
      for (String a : ACTORS) {
        if (!a.equals(m.actor) && r.nextDouble() < 0.3) {
          to.add(a);
        }
      }
    }
    return new Next(Kind.MESSAGE, t.turn, CrashLedger.messageKey(text), message(t.gameId, text,
        to.toArray(new String[0])));
  }

  private record Next(Kind kind, int turn, String key, ClientMessage.Builder body) {}

  /** Requests one at a time, each answered: the live part of a round. */
  private void quiet(int steps) throws IOException {
    for (int i = 0; i < steps; i++) {
      List<Table> open = tables.stream().filter(Table::open).toList();
      if (open.isEmpty()) {
        return;
      }
      Table t = open.get(rng.nextInt(open.size()));
      List<Member> everyone = t.everyone();
      Member m = everyone.get(rng.nextInt(everyone.size()));
      Next n = next(m, t, rng, true);
      ServerMessage answer = call(m, n.kind(), n.turn(), n.key(), n.body());
      if (m.instructor() && answer.hasAck() && n.kind() != Kind.MESSAGE && n.kind() != Kind.INJECT) {
        checkTable(t, "after " + n.key());
      }
    }
  }

  // ================================================================== load, and the kill

  /**
   * Every member of every game in ORDERS pipelines requests ({@link #WINDOW} in flight); the server is
   * killed after a random number of answers, or, with {@code resolving}, just after class A's instructor has
   * sent a forced resolution (and 0 to 11 answers more).
   */
  private void load(long roundSeed, boolean resolving) throws Exception {
    for (Table t : tables) {
      if (t.phase == Phase.REPORT) {
        call(t.instructor, Kind.CONTINUE, t.turn + 1, "continue|" + (t.turn + 1), proceed(t.gameId));
        checkTable(t, "before the load");
      }
    }
    List<Table> playing = tables.stream().filter(t -> t.phase == Phase.ORDERS).toList();
    if (playing.isEmpty()) {
      // Both games ended in this round's quiet part (a long soak): nothing to load, the kill comes now.
      server.kill();
      count("kills with no game taking orders");
      return;
    }
    CountDownLatch killNow = new CountDownLatch(1);
    AtomicInteger answers = new AtomicInteger();
    int killAfter = resolving ? -1 : 5 + rng.nextInt(60);
    AtomicInteger afterForce = new AtomicInteger(resolving ? rng.nextInt(12) : -1);
    int forceAt = rng.nextInt(10);
    List<Thread> threads = new ArrayList<>();
    List<Member> loaders = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    for (Table t : playing) {
      for (Member m : t.everyone()) {
        loaders.add(m);
        boolean forcer = resolving && t == playing.get(0) && m.instructor();
        Random r = new Random(roundSeed * 31 + loaders.size());
        running.incrementAndGet();
        Thread th = new Thread(() -> {
          try {
            pipeline(m, t, r, forcer ? forceAt : -1, () -> {
              int n = answers.incrementAndGet();
              if (n == killAfter) {
                killNow.countDown();
              }
            }, () -> {
              if (afterForce.get() >= 0 && afterForce.getAndDecrement() == 0) {
                killNow.countDown();
              }
            });
          } finally {
            if (running.decrementAndGet() == 0) {
              killNow.countDown();
            }
          }
        }, "load-" + m.name);
        threads.add(th);
      }
    }
    threads.forEach(Thread::start);
    assertThat(killNow.await(120, TimeUnit.SECONDS)).as("the load reached its kill point").isTrue();
    server.kill();
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(th.isAlive()).as("%s ended after the kill", th.getName()).isFalse();
    }
    for (Member m : loaders) {
      m.lastSeq = Math.max(m.lastSeq, m.conn.lastSeq);
      for (Sent s : m.pending) {
        if (s.status == Status.UNKNOWN) {
          count("unanswered at the kill");
        }
      }
    }
  }

  /**
   * One member's pipelined requests until the server dies or the burst is spent. {@code onAnswer} runs per
   * answer; with {@code forceAt >= 0} the member sends a forced resolution as that request and runs {@code
   * afterForce} on each send and answer from then on.
   */
  private void pipeline(Member m, Table t, Random r, int forceAt, Runnable onAnswer, Runnable afterForce) {
    Map<Long, Sent> inFlight = new HashMap<>();
    boolean forced = false;
    int made = 0;
    try {
      while (made < BURST || !inFlight.isEmpty()) {
        if (made < BURST && inFlight.size() < WINDOW) {
          Next n = made == forceAt ? new Next(Kind.FORCE, t.turn, "force|" + t.turn, force(t.gameId, t.turn))
              : next(m, t, r, false);
          Sent s = m.record(n.kind(), n.turn(), n.key(), n.body());
          inFlight.put(s.id, s);
          made++;
          m.conn.sendRaw(n.body().setRequestId(s.id).build());
          if (n.kind() == Kind.FORCE) {
            forced = true;
            afterForce.run();
          }
          continue;
        }
        ServerMessage answer = m.conn.next();
        Sent s = inFlight.remove(answer.getRequestId());
        if (s != null) {
          s.answered(answer);
          count(s.status == Status.ACKED ? "acknowledged" : "refused");
          onAnswer.run();
          if (forced) {
            afterForce.run();
          }
        }
      }
    } catch (IOException e) {
      // The server was killed: what is still in flight stays UNKNOWN.
    }
  }

  // ================================================================== after a restart

  private void reconnectAll() throws IOException {
    for (Table t : tables) {
      for (Member m : t.everyone()) {
        m.conn = TestClient.connect(server.port());
        m.conn.hello(m.instructor() ? ServerProcess.KEY : "");
        m.conn.lastSeq = m.lastSeq;
        ServerMessage r = call(m, Kind.OTHER, 0, "", resumeSession(m.token, t.gameId, m.lastSeq));
        assertThat(r.hasResumed()).as("%s resumes its session with its old token, got %s", m, r).isTrue();
        assertThat(r.getResumed().getParticipantId()).as("%s keeps its participant id", m).isEqualTo(m.participantId);
        assertThat(r.getResumed().getActor()).isEqualTo(m.actor);
        count("sessions resumed");
      }
    }
  }

  /**
   * Half the members, drawn at random, do what a client should after a reconnect: send again, with the same
   * request_id, each request whose answer never came. One that was journaled before the crash must be
   * answered again without being done twice; one that was not is done now. The others leave theirs unknown.
   */
  private void retryUnanswered(boolean afterLongDowntime) throws IOException {
    for (Table t : tables) {
      for (Member m : t.everyone()) {
        if (!rng.nextBoolean()) {
          continue;
        }
        for (Sent s : List.copyOf(m.pending)) {
          if (s.status != Status.UNKNOWN) {
            continue;
          }
          if (afterLongDowntime && clockOp(s)) {
            // Done before the deadlines the downtime passed, or after them: the check could not tell which
            // order to expect, so a clock control is not sent again after a long downtime.
            continue;
          }
          m.conn.sendRaw(s.message.toBuilder().setRequestId(s.id).build());
          while (true) {
            ServerMessage answer = m.conn.next();
            if (answer.getRequestId() == s.id) {
              s.answered(answer);
              count(s.status == Status.ACKED ? "retried after the restart and acknowledged"
                  : "retried after the restart and refused");
              break;
            }
          }
        }
      }
    }
  }

  private static boolean clockOp(Sent s) {
    return s.kind == Kind.START || s.kind == Kind.PAUSE || s.kind == Kind.RESUME || s.kind == Kind.FORCE
        || s.kind == Kind.CONTINUE;
  }

  /** Puts a class with deadlines in its ORDERS phase with the clock running (acknowledged controls only). */
  private void deadlineRunning(Table t) throws IOException {
    if (!t.open()) {
      return;
    }
    if (t.phase == Phase.REPORT) {
      assertThat(call(t.instructor, Kind.CONTINUE, t.turn + 1, "continue|" + (t.turn + 1), proceed(t.gameId))
          .hasAck()).isTrue();
      checkTable(t, "continued before a long downtime");
    }
    if (t.open() && t.paused) {
      assertThat(call(t.instructor, Kind.RESUME, t.turn, "resume", resume(t.gameId)).hasAck()).isTrue();
      checkTable(t, "resumed before a long downtime");
    }
    assertThat(t.deadline).as("game %s runs against a deadline before the long downtime", t.label)
        .isGreaterThan(0);
  }

  /** The games go on: a class in REPORT continues, one in ORDERS takes a submission and a forced turn. */
  private void goOn() throws IOException {
    for (Table t : tables) {
      if (!t.open()) {
        continue;
      }
      if (t.phase == Phase.REPORT) {
        assertThat(call(t.instructor, Kind.CONTINUE, t.turn + 1, "continue|" + (t.turn + 1), proceed(t.gameId))
            .hasAck()).isTrue();
        checkTable(t, "continued after the last restart");
      }
      Member p = t.players.get(0);
      Next n = next(p, t, rng, false);
      ServerMessage a = call(p, n.kind(), n.turn(), n.key(), n.body());
      assertThat(a.hasError()).as("%s after the last restart: %s, got %s", p, n.key(), a).isFalse();
      if (t.paused) {
        assertThat(call(t.instructor, Kind.RESUME, t.turn, "resume", resume(t.gameId)).hasAck()).isTrue();
        t.instructor.believedPaused = false;
      }
      ServerMessage f = call(t.instructor, Kind.FORCE, t.turn, "force|" + t.turn, force(t.gameId, t.turn));
      assertThat(f.hasAck()).as("a forced turn after the last restart, got %s", f).isTrue();
      checkTable(t, "resolved after the last restart");
    }
  }

  // ================================================================== checks

  private void checkAll(String when) throws IOException {
    for (Table t : tables) {
      checkTable(t, when);
    }
  }

  /** Checks one game against what its members were told, then takes what it holds as the new baseline. */
  private void checkTable(Table t, String when) throws IOException {
    String where = "game " + t.label + " (" + t.gameId + "), " + when;
    GameState seen = stateOf(t, t.instructor);
    checkPhase(t, seen, where);
    for (Member p : t.players) {
      checkSeat(p, stateOf(t, p).getOwnOrders(), where);
    }
    checkMessages(t, seen, where);
    for (Member m : t.everyone()) {
      m.pending.clear();
    }
    settle(t, seen);
  }

  private static void settle(Table t, GameState seen) {
    t.phase = seen.getPhase();
    t.turn = seen.getTurn();
    t.paused = seen.getPaused();
    t.deadline = seen.getDeadlineEpochMillis();
    t.remaining = seen.getRemainingMillis();
    t.instructor.believedPaused = t.paused;
  }

  private GameState stateOf(Table t, Member m) throws IOException {
    ServerMessage s = call(m, Kind.OTHER, 0, "", state(t.gameId));
    assertThat(s.hasGameState()).as("GameState for %s, got %s", m, s).isTrue();
    return s.getGameState();
  }

  private record Clock(Phase phase, int turn, boolean paused) {}

  /** Phase, turn and pause must be what the instructor's answered controls, plus any unanswered ones, give. */
  private void checkPhase(Table t, GameState seen, String where) {
    Set<Clock> possible = new HashSet<>();
    possible.add(new Clock(t.phase, t.turn, t.paused));
    boolean clockOps = false;
    for (Sent s : t.instructor.pending) {
      if (s.status == Status.REFUSED || s.kind == Kind.MESSAGE || s.kind == Kind.INJECT || s.key.isEmpty()) {
        continue;
      }
      clockOps = true;
      Set<Clock> next = new HashSet<>();
      for (Clock c : possible) {
        List<Clock> after = apply(c, s);
        if (s.status == Status.UNKNOWN) {
          next.add(c);
        }
        next.addAll(after);
      }
      possible = next;
    }
    if (longDowntime && t.ordersSeconds > 0) {
      // The server was down longer than an orders phase: a turn running against its deadline resolved when
      // the server came back (a report without deadline, a paused game or one without deadline wait).
      Set<Clock> later = new HashSet<>();
      for (Clock c : possible) {
        if (c.phase() == Phase.ORDERS && !c.paused()) {
          later.add(new Clock(Phase.REPORT, c.turn(), false));
          later.add(new Clock(Phase.ENDED, c.turn(), false));
        } else {
          later.add(c);
        }
      }
      Clock now = new Clock(seen.getPhase(), seen.getTurn(), seen.getPaused());
      if (!possible.contains(now) && later.contains(now)) {
        count("turns whose deadline passed while the server was down, resolved on restart");
      }
      possible = later;
    }
    Clock actual = new Clock(seen.getPhase(), seen.getTurn(), seen.getPaused());
    for (Sent s : t.instructor.pending) {
      if (s.kind == Kind.FORCE && s.status == Status.UNKNOWN) {
        count(actual.turn() > t.turn || actual.phase() != t.phase
            ? "unanswered forced resolutions found done" : "unanswered forced resolutions found undone");
      }
    }
    assertThat(possible).as("%s: phase, turn and pause explained by the instructor's requests %s", where,
        t.instructor.pending).contains(actual);
    if (!clockOps && t.phase == actual.phase() && t.turn == actual.turn()) {
      assertThat(seen.getDeadlineEpochMillis()).as("%s: the absolute deadline", where).isEqualTo(t.deadline);
      assertThat(seen.getRemainingMillis()).as("%s: the time left on a pause", where).isEqualTo(t.remaining);
      if (t.deadline > 0 || t.remaining > 0) {
        count(where.contains("after a kill") ? "deadlines and times left checked unchanged across a restart"
            : "deadlines and times left checked unchanged");
      }
    }
    count("phase checks");
  }

  /** What an instructor control does to a clock: nothing if it is not allowed then (the server refuses it). */
  private static List<Clock> apply(Clock c, Sent s) {
    switch (s.kind) {
      case START:
        return c.phase() == Phase.LOBBY ? List.of(new Clock(Phase.ORDERS, 1, false)) : List.of();
      case PAUSE:
        return (c.phase() == Phase.ORDERS || c.phase() == Phase.REPORT) && !c.paused()
            ? List.of(new Clock(c.phase(), c.turn(), true)) : List.of();
      case RESUME:
        return c.paused() ? List.of(new Clock(c.phase(), c.turn(), false)) : List.of();
      case FORCE:
        return c.phase() == Phase.ORDERS && c.turn() == s.turn
            ? List.of(new Clock(Phase.REPORT, c.turn(), false), new Clock(Phase.ENDED, c.turn(), false)) : List.of();
      case CONTINUE:
        return c.phase() == Phase.REPORT ? List.of(new Clock(Phase.ORDERS, c.turn() + 1, false)) : List.of();
      default:
        return List.of(c);
    }
  }

  /** A seat's orders and readiness: the last answered submission, or an unanswered later one. */
  private void checkSeat(Member p, Orders own, String where) {
    int turn = own.getTurn();
    Set<Optional<String>> orders = new HashSet<>();
    orders.add(p.settledTurn == turn ? p.settledOrders : Optional.empty());
    Set<Boolean> ready = new HashSet<>();
    ready.add(p.settledTurn == turn && p.settledReady);
    for (Sent s : p.pending) {
      if (s.turn != turn || s.status == Status.REFUSED) {
        continue;
      }
      if (s.kind == Kind.ORDERS) {
        if (s.status == Status.ACKED) {
          orders.clear();
        }
        orders.add(Optional.of(s.key));
      } else if (s.kind == Kind.READY) {
        if (s.status == Status.ACKED) {
          ready.clear();
        }
        ready.add(s.key.endsWith("true"));
      }
    }
    Optional<String> actual = own.getStatus() == SubmissionStatus.SUBMITTED_MOVES
        ? Optional.of(CrashLedger.ordersKey(turn, own.getMovesList())) : Optional.empty();
    assertThat(orders).as("%s: %s's orders for turn %d (requests %s)", where, p, turn, p.pending).contains(actual);
    assertThat(ready).as("%s: %s's readiness for turn %d (requests %s)", where, p, turn, p.pending)
        .contains(own.getReady());
    p.settledTurn = turn;
    p.settledOrders = actual;
    p.settledReady = own.getReady();
    p.believedReady = own.getReady();
    if (p.ordersTurn != turn) {
      p.ordersTurn = turn;
      p.ordersThisTurn = 0;
    }
    count("seat checks");
  }

  /** Messages: answered ones once, refused ones never, unanswered ones at most once, old ones kept. */
  private void checkMessages(Table t, GameState seen, String where) {
    Map<String, Integer> present = new HashMap<>();
    for (Press p : seen.getMessagesList()) {
      present.merge(p.getText(), 1, Integer::sum);
    }
    present.forEach((text, n) -> assertThat(n).as("%s: message %s appears once", where, text).isEqualTo(1));
    assertThat(present.keySet()).as("%s: every message seen before is still there", where)
        .containsAll(t.messages);
    Set<String> explained = new HashSet<>(t.messages);
    for (Member m : t.everyone()) {
      for (Sent s : m.pending) {
        if (s.kind != Kind.MESSAGE) {
          continue;
        }
        String text = s.key.substring("message|".length());
        if (s.status == Status.ACKED) {
          assertThat(present).as("%s: acknowledged message %s", where, s).containsKey(text);
        } else if (s.status == Status.REFUSED) {
          assertThat(present).as("%s: refused message %s", where, s).doesNotContainKey(text);
        } else if (present.containsKey(text)) {
          count("unanswered messages that had been journaled");
        }
        explained.add(text);
      }
    }
    assertThat(explained).as("%s: no message from nowhere", where).containsAll(present.keySet());
    t.messages.clear();
    t.messages.addAll(present.keySet());
    count("message checks");
  }

  /** The journal, read after the last kill: each client's entries are exactly what its requests allow. */
  private void journalMatchesRequests(Path data) throws IOException {
    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(data))) {
      assertThat(store.recovery().corruptGames()).isEmpty();
      List<Table> all = new ArrayList<>(finished);
      all.addAll(tables);
      for (Table t : all) {
        GameJournal gj = store.read(t.gameId).orElseThrow();
        assertThat(gj.isCorrupt()).isFalse();
        Map<String, List<String>> byParticipant = new HashMap<>();
        for (JournalEntry e : gj.entries()) {
          Optional<String> key = CrashLedger.keyOf(e);
          Optional<String> who = CrashLedger.participantOf(e);
          if (key.isPresent() && who.isPresent()) {
            byParticipant.computeIfAbsent(who.get(), k -> new ArrayList<>()).add(key.get());
          }
        }
        for (Member m : t.everyone()) {
          List<String> keys = byParticipant.getOrDefault(m.participantId, List.of());
          Optional<String> problem = CrashLedger.matches(keys, m.sent);
          if (problem.isPresent()) {
            fail("game " + t.label + ", " + m + ": " + problem.get());
          }
          for (Sent s : m.sent) {
            if (s.status == Status.UNKNOWN && !s.key.isEmpty() && keys.contains(s.key)) {
              count("unanswered requests found in the journal");
            }
          }
          count("journal sequences checked");
        }
      }
    }
  }

  private synchronized void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private synchronized int counted(String what) {
    return counts.getOrDefault(what, 0);
  }
}
