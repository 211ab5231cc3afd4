package brink.server.hostile;

import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Hello;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Ping;
import brink.protocol.v1.Press;
import brink.protocol.v1.RegionView;
import brink.protocol.v1.ResumeSession;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.UnitView;
import brink.server.hostile.HostileFrames.Case;
import brink.server.hostile.HostileFrames.Shape;
import brink.server.testkit.Heap;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing of everything a client can send (issue "Hostile and faulty conditions"): {@link HostileFrames}
 * makes, from a seed, well-formed requests with hostile values, the same requests mutated byte by byte, and
 * frames whose length prefix lies. They are sent by a player of Ukraine in a game where four other seats
 * have orders and private messages, in batches on one connection (a Ping closes each batch, so an answer
 * proves the connection survived it; a batch's one doubtful frame comes last), reconnecting and resuming the
 * session whenever the server closes the connection, as it must after garbage.
 *
 * <p>Asserted throughout: every frame the server sends parses, carries no other actor's private briefing,
 * private message, orders or seat members, nothing of another game, no INTERNAL error and no stack trace;
 * the server answers every batch or closes with a final error; a class playing another game meanwhile gets
 * no error at all. Asserted at the end: the server still welcomes, the attacked game is as its other players
 * left it, and the heap (after a full GC, in this JVM, measured before, halfway and after) grew by less than
 * {@link #HEAP_BUDGET_BYTES} in all and {@link #HALF_HEAP_BUDGET_BYTES} in the second half: what grows with
 * the number of cases is a leak. The clients of this test keep no frame they received, so the heap measured
 * is the server's. One line in the log gives the cases of each shape, the connections and the seconds.
 *
 * <p>{@code -Dbrink.fuzz.cases=N} (default 100,000: about 70 s on the 2-core machine, two attackers),
 * {@code -Dbrink.fuzz.seed=S}, {@code -Dbrink.fuzz.threads=T} attackers, {@code -Dbrink.fuzz.histogram=true}
 * prints the heap's biggest classes halfway and at the end.
 */
class ClientFuzzTest {
  static final int CASES = Integer.getInteger("brink.fuzz.cases", 100_000);
  /** Attackers fuzzing at once, each on its own connection and session (all in Ukraine's seat). */
  static final int THREADS = Integer.getInteger("brink.fuzz.threads", 2);
  static final long SEED = Long.getLong("brink.fuzz.seed", 20261126L);
  /** Heap the server may keep after the fuzz: the accepted orders and messages of the attacked game. */
  static final long HEAP_BUDGET_BYTES = 16L << 20;
  /** Heap the second half of the fuzz may add: what grows with the number of cases is a leak. */
  static final long HALF_HEAP_BUDGET_BYTES = 4L << 20;
  /** Cases per step of the class playing the other game. */
  static final int CASES_PER_PLAYER_STEP = 50;
  static final String ME = "ukr";
  static final List<String> VICTIMS = List.of("blr", "nato", "rus", "usa");

  @TempDir
  Path dir;

  TestServer server;
  String victimGame;
  String otherGame;
  final List<String> attackerTokens = new ArrayList<>();
  List<String> units;
  List<String> regions;
  final List<byte[]> secrets = new ArrayList<>();
  final List<String> secretNames = new ArrayList<>();
  /** The secrets' UTF-8 bytes as ISO-8859-1 strings, to search frames with String.indexOf. */
  final List<String> secretPatterns = new ArrayList<>();
  final Map<String, Integer> counts = new TreeMap<>();
  final List<String> problems = new ArrayList<>();
  final Map<String, String> victimTokens = new TreeMap<>();
  final Map<String, GameState> victimViews = new TreeMap<>();
  OtherClass other;
  volatile long maxSeq;
  final java.util.concurrent.atomic.AtomicLong sentinel = new java.util.concurrent.atomic.AtomicLong(1L << 62);
  /**
   * Taken (shared) by an attacker from connect to Welcome, and (exclusive) to move the clock: a jump past the
   * hello timeout would otherwise end another attacker's connection before its Hello was read.
   */
  final java.util.concurrent.locks.ReentrantReadWriteLock clockLock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  @Test
  void fuzz_hostileFrames_neverCrashLeakOrGrowAndAnotherGamePlaysOnUndisturbed() throws Exception {
    server = new TestServer(dir);
    try {
      run();
    } finally {
      server.close();
    }
  }

  private void run() throws Exception {
    setUpOtherGame();
    setUpAttackedGame();

    long heapBefore = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    long[] heapHalfway = new long[1];
    int otherSteps = fuzzWhileTheOtherClassPlays(() -> {
      heapHalfway[0] = Heap.usedAfterGc();
      histogram("halfway");
    });
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(problems).as("problems found by the fuzz (first ones)").isEmpty();
    attackedGameIsAsItsPlayersLeftIt();

    long heapAfter = Heap.usedAfterGc();
    int cases = counts.get("cases");
    // The line the CI log shows: how many cases of each shape, how long, what the heap did.
    System.out.printf("ClientFuzzTest seed %d: %d cases (%d hostile requests, %d doubtful frames, %d broken "
        + "framings) in %.1f s (%.0f/s) on %d connections; heap after GC %d KiB before, %d KiB halfway, %d KiB "
        + "after; the other class played %d steps without an error%n", SEED, cases,
        counted("REQUEST cases"), counted("FRAME cases"), counted("BROKEN cases"), millis / 1000.0,
        cases * 1000.0 / Math.max(1, millis), counted("connections"), heapBefore >> 10, heapHalfway[0] >> 10,
        heapAfter >> 10, otherSteps);
    System.out.println("ClientFuzzTest counts: " + counts);
    histogram("at the end");
    assertThat(cases).as("cases run").isEqualTo(CASES);
    assertThat(heapAfter - heapBefore).as("heap kept by the server after the fuzz (bytes)")
        .isLessThan(HEAP_BUDGET_BYTES);
    assertThat(heapAfter - heapHalfway[0]).as("heap the second half of the fuzz added (bytes): it must not grow "
        + "with the number of cases").isLessThan(HALF_HEAP_BUDGET_BYTES);
  }

  /** With {@code -Dbrink.fuzz.histogram=true}, the heap's biggest classes (to find what a leak keeps). */
  private static void histogram(String when) {
    if (!Boolean.getBoolean("brink.fuzz.histogram")) {
      return;
    }
    try {
      String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {null}, new String[] {String[].class.getName()});
      System.out.println("ClientFuzzTest heap " + when + ":\n" + h.lines().limit(40)
          .collect(java.util.stream.Collectors.joining("\n")));
    } catch (javax.management.JMException e) {
      System.out.println("ClientFuzzTest: no class histogram (" + e + ")");
    }
  }

  /** One attacker: its connection and session, its seeded cases and choices (they go on across halves). */
  private final class Attacker {
    final int index;
    final HostileFrames frames;
    final Random r;

    Attacker(int index) {
      this.index = index;
      this.frames = new HostileFrames(SEED + index, List.of("blr", "nato", "rus", "ukr", "usa", "xx"), units,
          regions, List.of(victimGame, victimGame, otherGame, "AAAAAA", ""));
      this.r = new Random((SEED + index) ^ 0x5DEECE66DL);
    }
  }

  /**
   * The fuzz in two halves (the heap is measured between them by {@code halfway}), with the other class
   * playing all through; returns the other class's steps (its clients are gone by then).
   */
  private int fuzzWhileTheOtherClassPlays(Runnable halfway) throws Exception {
    Semaphore steps = new Semaphore(0);
    AtomicReference<Throwable> otherFailure = new AtomicReference<>();
    OtherClass o = other;
    other = null;
    Thread otherThread = new Thread(() -> o.play(steps, otherFailure), "other-class");
    otherThread.start();
    List<Attacker> attackers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      attackers.add(new Attacker(t));
    }
    try {
      int first = CASES / 2;
      attack(attackers, steps, first);
      halfway.run();
      attack(attackers, steps, CASES - first);
    } finally {
      o.done = true;
      otherThread.join(60_000);
      o.close();
    }
    if (otherFailure.get() != null) {
      throw new AssertionError("the class playing the other game was disturbed", otherFailure.get());
    }
    assertThat(o.steps).as("the other class played all through").isGreaterThan(CASES / CASES_PER_PLAYER_STEP / 2);
    assertThat(o.errorsSeen()).as("errors the other class saw").isEmpty();
    return o.steps;
  }

  /** {@code cases} cases shared among the attackers, each on its own thread. */
  private void attack(List<Attacker> attackers, Semaphore steps, int cases) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (Attacker a : attackers) {
      int share = cases / attackers.size() + (a.index < cases % attackers.size() ? 1 : 0);
      threads.add(new Thread(() -> {
        try {
          fuzz(a, steps, share);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "attacker-" + a.index));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("an attacker failed", failure.get());
    }
  }

  /**
   * The attacked game: four other seats with orders and private messages (their clients then leave, their
   * sessions and seats stay), and the attacker's session in Ukraine's seat. Returns the case source.
   */
  private void setUpAttackedGame() throws IOException {
    TestClient teacher = server.instructor();
    GameCreated v = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
        .setSeed(11));
    victimGame = v.getGameId();
    assertThat(teacher.request(start(victimGame)).hasAck()).isTrue();
    Map<String, TestClient> victims = new TreeMap<>();
    for (String actor : VICTIMS) {
      TestClient c = server.player(TestServer.seatCode(v, actor), "Victim " + actor);
      victims.put(actor, c);
      assertThat(c.request(orders(victimGame, 1, false, victimMoves(actor))).hasOrdersAccepted()).isTrue();
    }
    secret("rus to usa", victims.get("rus"), "SECRET-V-rus-usa-7f3a", "usa");
    secret("usa to nato", victims.get("usa"), "SECRET-V-usa-nato-91c2", "nato");
    secret("blr to rus", victims.get("blr"), "SECRET-V-blr-rus-0d4e", "rus");
    secret("instructor to rus", teacher, "SECRET-V-teacher-rus-55aa", "rus");
    for (String actor : VICTIMS) {
      TestClient c = victims.get(actor);
      GameState gs = c.request(state(victimGame)).getGameState();
      victimViews.put(actor, gs);
      victimTokens.put(actor, c.token);
      String en = gs.getPrivateBriefing().getEn();
      String fr = gs.getPrivateBriefing().getFr();
      secretText(actor + "'s private briefing (en)", en.substring(en.length() / 3, en.length() / 3 + 48));
      secretText(actor + "'s private briefing (fr)", fr.substring(fr.length() / 3, fr.length() / 3 + 48));
    }
    assertThat(contains(victims.get("rus").request(state(victimGame)).toByteArray(),
        secrets.get(secretNames.indexOf("rus's private briefing (en)"))))
        .as("the scanner finds rus's briefing in rus's own view").isTrue();
    // The victims and their instructor leave: the fuzz must not be slowed by pushes to clients that do not
    // read them. They come back at the end.
    for (TestClient c : victims.values()) {
      c.close();
    }
    teacher.close();
    for (int t = 0; t < THREADS; t++) {
      try (TestClient me = server.client()) {
        attackerTokens.add(me.hello().getWelcome().getSessionToken());
        me.join(TestServer.seatCode(v, ME), "Mallory " + t);
        ServerMessage mine = me.request(state(victimGame));
        maxSeq = mine.getGameState().getSeq();
        // The scanner must find nothing in what Ukraine may see.
        inspect(mine.toByteArray(), "the attacker's own view before the fuzz");
        assertThat(problems).as("the secrets are distinctive").isEmpty();
        GameState myView = mine.getGameState();
        units = myView.getUnitsList().stream().map(UnitView::getId).toList();
        regions = myView.getRegionsList().stream().map(RegionView::getId).toList();
      }
    }
  }

  /** The other game, played by its own class all through the fuzz. */
  private void setUpOtherGame() throws IOException {
    Member teacherW = Member.instructor(server.port());
    ServerMessage created = teacherW.request(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
        .setScenarioId("eastern-flank-2022").setSeed(12).putBots("rus", "dove").putBots("ukr", "dove")
        .putBots("usa", "dove").putBots("nato", "dove").putBots("blr", "dove")));
    assertThat(created.hasGameCreated()).as("GameCreated, got %s", created).isTrue();
    GameCreated w = created.getGameCreated();
    otherGame = w.getGameId();
    assertThat(teacherW.request(start(otherGame)).hasAck()).isTrue();
    other = new OtherClass(otherGame, teacherW, Member.player(server.port(), TestServer.seatCode(w, "rus"), "Olga"),
        Member.player(server.port(), TestServer.seatCode(w, "ukr"), "Oksana"));
    secretText("the other game's messages", OtherClass.SECRET);
    for (int i = 0; i < 3; i++) {
      other.step(i); // messages of the other game exist before the fuzz, as secrets
    }
  }


  /** The server still welcomes; the attacked game is as its players left it. */
  private void attackedGameIsAsItsPlayersLeftIt() throws IOException {
    try (TestClient fresh = server.client()) {
      assertThat(fresh.hello().hasWelcome()).isTrue();
    }
    for (String actor : VICTIMS) {
      try (TestClient back = server.client()) {
        back.hello();
        assertThat(back.request(resumeSession(victimTokens.get(actor), victimGame, 0)).hasResumed()).isTrue();
        GameState now = back.request(state(victimGame)).getGameState();
        assertThat(now.getOwnOrders()).as("%s's orders", actor).isEqualTo(victimViews.get(actor).getOwnOrders());
        assertThat(now.getPhase()).isEqualTo(Phase.ORDERS);
        assertThat(now.getTurn()).isEqualTo(1);
        assertThat(now.getPaused()).isFalse();
        assertThat(now.getMessagesList()).as("%s's messages", actor)
            .containsAll(victimViews.get(actor).getMessagesList());
      }
    }
    victimViews.clear();
  }

  private static Move[] victimMoves(String actor) {
    switch (actor) {
      case "rus":
        return new Move[] {move(MoveType.CYBER_ATTACK, "ukr"), move(MoveType.HOTLINE_CALL, "usa")};
      case "usa":
        return new Move[] {move(MoveType.THREATEN_SANCTIONS, "rus")};
      case "nato":
        return new Move[] {move(MoveType.CRITICIZE, "rus")};
      default:
        return new Move[] {move(MoveType.STATEMENT_REASSURE, "ukr")};
    }
  }

  private void secret(String name, TestClient from, String text, String to) throws IOException {
    assertThat(from.request(message(victimGame, text, to)).hasAck()).isTrue();
    secretText("the private message " + name, text);
  }

  private void secretText(String name, String text) {
    secrets.add(text.getBytes(StandardCharsets.UTF_8));
    secretPatterns.add(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    secretNames.add(name);
  }

  // ================================================================== the fuzz

  private void fuzz(Attacker a, Semaphore steps, int quota) throws IOException {
    int attacker = a.index;
    HostileFrames frames = a.frames;
    Random r = a.r;
    RawConnection c = null;
    int cases = 0;
    int nextStep = CASES_PER_PLAYER_STEP;
    int batches = 0;
    List<String> batch = new ArrayList<>();
    while (cases < quota) {
      if (c == null) {
        boolean beforeHello = r.nextInt(10) == 0;
        // The clock does not jump past the hello timeout while a connection is on its way to Welcome.
        clockLock.readLock().lock();
        try {
          c = RawConnection.open(server.port(), 15_000);
          count("connections");
          if (beforeHello) {
            count("connections fuzzed before Hello");
          } else {
            handshake(c, attackerTokens.get(attacker));
          }
        } finally {
          clockLock.readLock().unlock();
        }
      }
      batch.clear();
      boolean ended = false;
      long id = 0;
      // A batch: hostile requests, then (most of the time) one frame that may end the connection, last.
      int n = 1 + r.nextInt(12);
      try {
        for (int i = 0; i < n && cases < quota; i++) {
          Case k = i < n - 1 || r.nextInt(5) == 0 ? frames.hostileRequest() : frames.doubtful();
          cases++;
          batch.add(k.shape() == Shape.REQUEST ? k.what() : k.what() + " (" + k.bytes().length + " bytes: "
              + java.util.HexFormat.of().formatHex(k.bytes(), 0, Math.min(48, k.bytes().length)) + ")");
          count("cases");
          count(k.shape() + " cases");
          if (k.shape() == Shape.BROKEN) {
            c.raw(k.bytes());
            c.endOutput();
            ended = true;
            break;
          }
          c.frame(k.bytes());
          if (k.shape() == Shape.FRAME) {
            break;
          }
        }
        if (!ended) {
          id = sentinel.incrementAndGet();
          c.frame(ClientMessage.newBuilder().setRequestId(id).setPing(Ping.newBuilder()
              .setClientTimeEpochMillis(id)).build().toByteArray());
          c.flush();
        }
      } catch (IOException e) {
        // The server closed the connection while the batch was written (after a Hello it refused): read
        // what it said before closing.
        count("batches cut short by a close");
        id = 0;
      }
      if (!drain(c, id, batch)) {
        c.close();
        c = null;
        count("connections closed by the server");
      }
      if (++batches % 500 == 0 && attacker == 0) {
        // Past the hello timeout: the server's timers for closed connections run and let them go (the
        // manual clock never moves on its own), and a connection fuzzed before Hello may be told goodbye.
        clockLock.writeLock().lock();
        try {
          server.clock.advance(Duration.ofSeconds(11));
        } finally {
          clockLock.writeLock().unlock();
        }
      }
      while (cases >= nextStep) {
        steps.release();
        nextStep += CASES_PER_PLAYER_STEP;
      }
      if (problemCount() >= 5) {
        break;
      }
    }
    if (c != null) {
      c.close();
    }
  }

  /** Hello, then ResumeSession into the attacked game as Ukraine's player. */
  private void handshake(RawConnection c, String token) throws IOException {
    count("handshakes");
    c.frame(ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder().setProtocolVersion(1)
        .setClient("fuzzer/1")).build().toByteArray());
    c.frame(ClientMessage.newBuilder().setRequestId(2).setResumeSession(ResumeSession.newBuilder()
        .setToken(token).setGameId(victimGame).setLastSeq(maxSeq)).build().toByteArray());
    c.flush();
    List<String> what = List.of("the handshake");
    while (true) {
      byte[] f = c.read();
      if (f == null) {
        throw new AssertionError("the server closed the connection during the handshake");
      }
      ServerMessage m = inspect(f, what);
      if (m.getRequestId() == 2) {
        if (!m.hasResumed()) {
          throw new AssertionError("the attacker's session does not resume: " + m);
        }
        return;
      }
    }
  }

  /**
   * Reads until the sentinel's answer (true: the connection lives on) or the end of the connection (false).
   * A connection may only end after a final Error or Disconnect, or after our own end of input.
   */
  private boolean drain(RawConnection c, long sentinelId, List<String> batch) throws IOException {
    ServerMessage last = null;
    while (true) {
      byte[] f;
      try {
        f = c.read();
      } catch (SocketTimeoutException e) {
        problem("no answer within 15 s after " + batch);
        return false;
      }
      if (f == null) {
        if (sentinelId != 0 && (last == null || !(last.hasError() || last.hasDisconnect()))) {
          problem("the server closed connection :" + c.localPort() + " without a final Error after " + batch
              + " (last frame: " + (last == null
              ? "none" : "request " + Long.toUnsignedString(last.getRequestId()) + " " + last.getBodyCase()) + ")");
        }
        if (last != null && last.hasError()) {
          count("closed with a final " + last.getError().getCode());
        }
        return false;
      }
      last = inspect(f, batch);
      if (sentinelId != 0 && last.getRequestId() == sentinelId) {
        return true;
      }
    }
  }

  private ServerMessage inspect(byte[] frame, List<String> batch) {
    return inspect(frame, String.valueOf(batch));
  }

  /** Everything checked on every frame the attacker receives. */
  private ServerMessage inspect(byte[] frame, String after) {
    count("frames received");
    // Byte for byte, through String.indexOf (one byte per char in ISO-8859-1: fast, and exact on bytes).
    String bytes = new String(frame, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < secrets.size(); i++) {
      if (bytes.contains(secretPatterns.get(i))) {
        problem("LEAK of " + secretNames.get(i) + " after " + after);
      }
    }
    ServerMessage m;
    try {
      m = ServerMessage.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      problem("a frame that is not a ServerMessage after " + after);
      return ServerMessage.getDefaultInstance();
    }
    if (m.getSeq() > maxSeq && (m.hasPress() || m.hasPhaseChanged() || m.hasSeatChanged())) {
      maxSeq = m.getSeq();
    }
    if (m.hasError()) {
      count("error " + m.getError().getCode());
      String text = m.getError().getMessage();
      if (m.getError().getCode() == ErrorCode.INTERNAL) {
        problem("INTERNAL error after " + after + ": " + text);
      }
      if (text.contains("Exception") || text.contains("\tat ") || text.contains("java.")) {
        problem("a stack trace or Java internals in an error after " + after + ": " + text);
      }
    } else {
      count("answer " + m.getBodyCase());
    }
    GameState gs = m.hasGameState() ? m.getGameState() : m.hasJoined() ? m.getJoined().getState()
        : m.hasGameCreated() ? m.getGameCreated().getState() : null;
    if (gs != null) {
      view(gs, after);
    }
    if (m.hasSeatChanged()) {
      seat(m.getSeatChanged().getSeat(), after);
    }
    if (m.hasTurnReport() || m.hasReport() || m.hasGameList() || m.hasGameCreated() || m.hasInjectPreview()) {
      problem("a " + m.getBodyCase() + " reached the attacker after " + after);
    }
    if (m.hasPress() && !m.getPress().getFromActor().equals(ME) && m.getPress().getToCount() > 0
        && !m.getPress().getToList().contains(ME)) {
      problem("another seat's private message reached the attacker after " + after);
    }
    return m;
  }

  private void view(GameState gs, String after) {
    if (!gs.getGameId().equals(victimGame)) {
      problem("a view of game " + gs.getGameId() + " reached the attacker after " + after);
    }
    if (gs.getViewerRole() != Role.PLAYER || !gs.getViewerActor().equals(ME)) {
      problem("a view for " + gs.getViewerRole() + " " + gs.getViewerActor() + " after " + after);
    }
    if (gs.hasOwnOrders() && gs.getOwnOrders().getMovesList().stream().anyMatch(mv ->
        mv.getType() == MoveType.CYBER_ATTACK && mv.getTarget().equals(ME))) {
      problem("Russia's covert orders in the attacker's view after " + after);
    }
    if (gs.getParticipantsCount() > 0 || gs.getScriptedInjectsCount() > 0) {
      problem("instructor-only lists in the attacker's view after " + after);
    }
    for (SeatView s : gs.getSeatsList()) {
      seat(s, after);
    }
    for (Press p : gs.getMessagesList()) {
      if (p.getToCount() > 0 && !p.getToList().contains(ME) && !p.getFromActor().equals(ME)) {
        problem("another seat's private message in the attacker's view after " + after);
      }
    }
  }

  private void seat(SeatView s, String after) {
    if (!s.getActor().equals(ME) && s.getParticipantsCount() > 0) {
      problem("the members of seat " + s.getActor() + " shown to the attacker after " + after);
    }
  }

  private synchronized int problemCount() {
    return problems.size();
  }

  private synchronized void problem(String p) {
    if (problems.size() < 20) {
      problems.add(p);
    }
  }

  private synchronized void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private synchronized int counted(String what) {
    return counts.getOrDefault(what, 0);
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  // ================================================================== the other class

  /**
   * A member of the class playing the other game: one connection that keeps nothing it receives (so that the
   * heap measured in this JVM is the server's), but notes every Error it is sent, answer or push.
   */
  static final class Member implements AutoCloseable {
    final RawConnection c;
    final List<String> errors = new ArrayList<>();
    long nextId = 1;

    private Member(int port) throws IOException {
      this.c = RawConnection.open(port, 15_000);
    }

    static Member instructor(int port) throws IOException {
      Member m = new Member(port);
      m.hello(TestServer.KEY);
      return m;
    }

    static Member player(int port, String code, String name) throws IOException {
      Member m = new Member(port);
      m.hello("");
      ServerMessage j = m.request(ClientMessage.newBuilder().setJoinGame(brink.protocol.v1.JoinGame.newBuilder()
          .setCode(code).setName(name)));
      assertThat(j.hasJoined()).as("Joined, got %s", j).isTrue();
      return m;
    }

    private void hello(String key) throws IOException {
      ServerMessage w = request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(1)
          .setClient("other-class/1").setInstructorKey(key)));
      assertThat(w.hasWelcome()).as("Welcome, got %s", w).isTrue();
    }

    /** Sends a request and reads until its answer, noting every Error on the way. */
    ServerMessage request(ClientMessage.Builder b) throws IOException {
      long id = nextId++;
      c.frame(b.setRequestId(id).build().toByteArray());
      c.flush();
      while (true) {
        byte[] f = c.read();
        if (f == null) {
          throw new AssertionError("the server closed a connection of the class playing the other game");
        }
        ServerMessage m = ServerMessage.parseFrom(f);
        if (m.hasError()) {
          errors.add(m.toString());
        }
        if (m.getRequestId() == id) {
          return m;
        }
      }
    }

    @Override
    public void close() throws IOException {
      request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())); // reads every push before it
      c.close();
    }
  }

  /** A class playing another game through the fuzz: orders, private messages, turns; it must see no error. */
  static final class OtherClass {
    static final String SECRET = "SECRET-W-";
    final String game;
    final Member teacher;
    final Member olga;
    final Member oksana;
    volatile boolean done;
    volatile int steps;
    int turn = 1;
    Phase phase = Phase.ORDERS;

    OtherClass(String game, Member teacher, Member olga, Member oksana) {
      this.game = game;
      this.teacher = teacher;
      this.olga = olga;
      this.oksana = oksana;
    }

    void play(Semaphore permits, AtomicReference<Throwable> failure) {
      try {
        int i = 3;
        while (!done) {
          if (permits.tryAcquire(200, TimeUnit.MILLISECONDS)) {
            step(i++);
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }

    void step(int i) throws IOException {
      steps++;
      if (i % 20 == 19 && turn < 10 && phase == Phase.ORDERS) {
        ok(teacher.request(force(game, turn)));
        phase = teacher.request(state(game)).getGameState().getPhase();
        if (phase == Phase.REPORT) {
          ok(teacher.request(proceed(game)));
          turn++;
          phase = Phase.ORDERS;
        }
        return;
      }
      if (phase != Phase.ORDERS) {
        ok(teacher.request(state(game)));
        return;
      }
      switch (i % 4) {
        case 0:
          ok(olga.request(orders(game, turn, false, move(MoveType.HOTLINE_CALL, "usa"))));
          break;
        case 1:
          ok(oksana.request(orders(game, turn, false, move(MoveType.PROPOSE_TALKS, "rus"))));
          break;
        case 2:
          ok(olga.request(message(game, SECRET + i, "ukr")));
          break;
        default:
          ok(oksana.request(state(game)));
          break;
      }
    }

    private static void ok(ServerMessage m) {
      assertThat(m.hasError()).as("the other class's request answered without error, got %s", m).isFalse();
    }

    List<String> errorsSeen() {
      List<String> errors = new ArrayList<>();
      for (Member c : List.of(teacher, olga, oksana)) {
        errors.addAll(c.errors);
      }
      return errors;
    }

    void close() throws IOException {
      teacher.close();
      olga.close();
      oksana.close();
    }
  }
}
