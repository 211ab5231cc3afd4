package brink.server.hostile;

import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.waitOrders;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ServerMessage;
import brink.scenario.Library;
import brink.server.testkit.Requests;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A class that keeps playing on its own thread while a test does something hostile to the server: one
 * teacher and five players (one per seat of the default scenario, stretched to 1,000 turns) who, turn after
 * turn, submit orders and say ready, wait for the turn's report, and go on when the teacher continues. Every
 * request's round trip and every turn's resolution (last ready to every player's report) is timed. Any
 * error or unexpected answer stops the class and is reported by {@link #stop}. It plays as many turns as
 * the test allows ({@link #allowTurns}).
 *
 * <p>The test can hold the class between two turns ({@link #hold}), so that its own measurements (a full
 * garbage collection) do not count as the server's latency.
 */
final class Classroom implements Runnable, AutoCloseable {
  static final String[] SEATS = {"rus", "blr", "ukr", "usa", "nato"};

  private final TestServer server;
  private final Thread thread;
  private final List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
  /** When each timed request started (System.nanoTime), in the order of {@link #requestNanos}. */
  private final List<Long> requestStarts = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> turnNanos = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stopping;
  private volatile Throwable failure;
  private boolean holdAsked;
  private boolean holding;
  /** Turns the class may play in all; it waits between turns once it has played them. */
  private int allowed;
  private int turns;

  Classroom(TestServer server) {
    this.server = server;
    this.thread = new Thread(this, "classroom");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void run() {
    try (TestClient teacher = server.instructor()) {
      while (!stopping) {
        playOneGame(teacher);
      }
    } catch (Throwable t) {
      failure = t;
    }
    synchronized (this) {
      holding = false;
      notifyAll();
    }
  }

  private void playOneGame(TestClient teacher) throws IOException, InterruptedException {
    String text = Library.bundledText("eastern-flank-2022").orElseThrow()
        .replace("max_turns: 12", "max_turns: 1000");
    ServerMessage created = timed(teacher, ClientMessage.newBuilder().setCreateGame(
        CreateGame.newBuilder().setScenarioText(text).setLabel("the class")));
    GameCreated g = created.getGameCreated();
    String game = g.getGameId();
    List<TestClient> players = new ArrayList<>();
    try {
      for (String seat : SEATS) {
        players.add(server.player(TestServer.seatCode(g, seat), "Student " + seat));
      }
      expect(timed(teacher, Requests.start(game)).hasAck(), "StartGame acknowledged");
      int turn = 1;
      while (!stopping) {
        betweenTurns();
        for (TestClient p : players) {
          ServerMessage a = timed(p, waitOrders(game, turn, true));
          expect(a.hasOrdersAccepted(), "orders of turn " + turn + " accepted, got " + a);
        }
        long lastReady = System.nanoTime();
        Phase phase = Phase.REPORT;
        for (TestClient p : players) {
          int t = turn;
          ServerMessage pc = p.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getTurn() == t
              && (m.getPhaseChanged().getPhase() == Phase.REPORT
                  || m.getPhaseChanged().getPhase() == Phase.ENDED));
          phase = pc.getPhaseChanged().getPhase();
        }
        turnNanos.add(System.nanoTime() - lastReady);
        synchronized (this) {
          turns++;
          notifyAll();
        }
        for (TestClient p : players) {
          p.clearPushes();
          p.forgetFrames();
        }
        if (phase == Phase.ENDED) {
          return;
        }
        expect(timed(teacher, proceed(game)).hasAck(), "ContinueGame acknowledged");
        turn++;
        teacher.clearPushes();
        teacher.forgetFrames();
      }
    } finally {
      for (TestClient p : players) {
        p.close();
      }
    }
  }

  private ServerMessage timed(TestClient c, ClientMessage.Builder b) throws IOException {
    long t0 = System.nanoTime();
    ServerMessage m = c.request(b);
    synchronized (requestNanos) {
      requestNanos.add(System.nanoTime() - t0);
      requestStarts.add(t0);
    }
    return m;
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("the class expected: " + what);
    }
  }

  private synchronized void betweenTurns() throws InterruptedException {
    while ((holdAsked || turns >= allowed) && !stopping) {
      holding = true;
      notifyAll();
      wait();
    }
    holding = false;
  }

  /**
   * Lets the class play {@code n} more turns. It plays them as fast as the server lets it and then waits
   * between turns: the test decides how many turns fall into each of its phases, so what the class adds to
   * the server's heap does not depend on the machine's speed.
   */
  synchronized void allowTurns(int n) {
    allowed += n;
    notifyAll();
  }

  /** Turns allowed so far. */
  synchronized int allowedTurns() {
    return allowed;
  }

  /** Waits until the class is between two turns and keeps it there until {@link #release}. */
  synchronized void hold() throws InterruptedException {
    holdAsked = true;
    while (!holding && failure == null && thread.isAlive()) {
      wait(1000);
    }
    failIfFailed();
  }

  synchronized void release() {
    holdAsked = false;
    notifyAll();
  }

  /** Waits until the class has played {@code n} turns in all (or has failed). */
  synchronized void awaitTurns(int n) throws InterruptedException {
    while (turns < n && failure == null && thread.isAlive()) {
      wait(1000);
    }
    failIfFailed();
  }

  private void failIfFailed() {
    if (failure != null) {
      throw new AssertionError("the class failed while playing", failure);
    }
  }

  synchronized int turns() {
    return turns;
  }

  /** Stops the class after its current turn; rethrows what went wrong, if anything did. */
  void stop() throws Exception {
    stopping = true;
    release();
    thread.join(30_000);
    failIfFailed();
    if (thread.isAlive()) {
      throw new AssertionError("the class did not stop within 30 s");
    }
  }

  /** Forgets the timings so far (the warm-up's: class loading, the first game's creation). */
  void resetTimings() {
    synchronized (requestNanos) {
      requestNanos.clear();
      requestStarts.clear();
    }
    turnNanos.clear();
  }

  List<Long> requestNanos() {
    synchronized (requestNanos) {
      return List.copyOf(requestNanos);
    }
  }

  /** The slowest requests: "+offset ms: duration ms" from {@code since}, slowest first. */
  List<String> slowest(int n, long since) {
    List<long[]> all = new ArrayList<>();
    synchronized (requestNanos) {
      for (int i = 0; i < requestNanos.size(); i++) {
        all.add(new long[] {requestStarts.get(i) - since, requestNanos.get(i)});
      }
    }
    all.sort((a, b) -> Long.compare(b[1], a[1]));
    List<String> out = new ArrayList<>();
    for (long[] r : all.subList(0, Math.min(n, all.size()))) {
      out.add(String.format("at +%d ms: %.1f ms", r[0] / 1_000_000, r[1] / 1e6));
    }
    return out;
  }

  List<Long> turnNanos() {
    synchronized (turnNanos) {
      return List.copyOf(turnNanos);
    }
  }

  /** The q-quantile (0..1) of some durations, in milliseconds. */
  static double quantileMillis(List<Long> nanos, double q) {
    if (nanos.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  @Override
  public void close() throws Exception {
    stopping = true;
    release();
    thread.join(30_000);
  }
}
