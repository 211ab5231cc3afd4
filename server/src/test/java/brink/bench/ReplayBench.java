package brink.bench;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Phase;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.StartGame;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restart target: a server whose journal holds many finished games must be back up quickly.
 * First plays the games to their end through a real server, as a class would (every seat submits
 * orders and a message each turn and says ready, the instructor continues after each report), so
 * the journal is exactly what the server writes; then stops it and times a restart on the same
 * data folder against a start on an empty one (the JVM's own start-up).
 */
public final class ReplayBench {
  private final Rig rig;
  private final BrinkServerOptions options;
  private final String key = "bench-instructor-key";

  public ReplayBench(Rig rig, BrinkServerOptions options) {
    this.rig = rig;
    this.options = options;
  }

  /** A player that answers each new ORDERS phase with a message and orders marked ready. */
  private static final class Scripted implements BrinkConn.Role {
    private final BrinkLoad.Player player;

    Scripted(BrinkLoad.Player player) {
      this.player = player;
    }

    @Override
    public void push(BrinkConn c, int body, ByteBuf frame, long now) {
      if (body != BrinkConn.PHASE_CHANGED) {
        return;
      }
      try {
        PhaseChanged pc = BrinkConn.parse(frame).getPhaseChanged();
        if (pc.getPhase() == Phase.ORDERS) {
          c.send(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(player.game.gameId)
              .addTo(player.partners.get(pc.getTurn() % player.partners.size()))
              .setText("Turn " + pc.getTurn() + ": we are ready to talk.")), "message", now, null);
          player.turn = pc.getTurn();
          ClientMessage.Builder orders = player.doveSubmit();
          orders.getSubmitOrdersBuilder().setReady(true);
          c.send(orders, "submit", now, null);
        }
      } catch (IOException e) {
        player.rec.count("unparsable_pushes");
      }
    }
  }

  /** An instructor that continues after each report and counts the games that end. */
  private static final class Finisher implements BrinkConn.Role {
    private final CountDownLatch ended;
    private final ConcurrentHashMap<String, Integer> lastTurn;

    Finisher(CountDownLatch ended, ConcurrentHashMap<String, Integer> lastTurn) {
      this.ended = ended;
      this.lastTurn = lastTurn;
    }

    @Override
    public void push(BrinkConn c, int body, ByteBuf frame, long now) {
      if (body != BrinkConn.PHASE_CHANGED) {
        return;
      }
      try {
        PhaseChanged pc = BrinkConn.parse(frame).getPhaseChanged();
        if (pc.getPhase() == Phase.REPORT) {
          c.send(ClientMessage.newBuilder().setContinueGame(brink.protocol.v1.ContinueGame.newBuilder()
              .setGameId(pc.getGameId())), "continue", now, null);
        } else if (pc.getPhase() == Phase.ENDED && lastTurn.putIfAbsent(pc.getGameId(), pc.getTurn()) == null) {
          ended.countDown();
        }
      } catch (IOException e) {
        // counted by the connection
      }
    }
  }

  /** What the replay measurement found. */
  public record Result(int games, long turns, double emptySeconds, double restartSeconds, long journalBytes) {}

  private static final Pattern RECOVERED = Pattern.compile("game \\S+ recovered: (\\w+) of turn (\\d+)");

  /**
   * Plays {@code games} games of {@code scenario} to their end into a new data folder under {@code
   * work}, {@code batch} at a time (or reuses {@code reuse}, a folder generated before, if it holds
   * a journal), then times the restart. Prints what it did and found to {@code out}.
   */
  public Result run(String scenario, int games, int batch, Path work, Path reuse, PrintStream out) throws Exception {
    Path data;
    if (reuse != null && Files.exists(reuse.resolve("journal.brj"))) {
      data = reuse;
      out.println("reusing the games in " + data);
    } else {
      data = reuse != null ? Files.createDirectories(reuse) : Files.createTempDirectory(work, "replay-data");
      generate(scenario, games, batch, data, work, out);
    }
    long journalBytes = Files.size(data.resolve("journal.brj"));
    Path empty = Files.createTempDirectory(work, "empty-data");
    ProcStats.Machine m0 = ProcStats.machine();
    double baseline;
    try (ServerProcess s = options.startOn(empty, work.resolve("replay-empty.log"), key)) {
      baseline = s.secondsToReady();
    }
    double restart;
    List<String> banner;
    long rss;
    Path log = work.resolve("replay-restart.log");
    try (ServerProcess s = options.startOn(data, log, key)) {
      restart = s.secondsToReady();
      banner = s.stdout();
      rss = ProcStats.process(s.pid()).rssBytes();
    }
    ProcStats.Machine m1 = ProcStats.machine();
    int recovered = 0;
    long turns = 0;
    long full = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = RECOVERED.matcher(line);
      if (m.find()) {
        recovered++;
        int t = Integer.parseInt(m.group(2));
        turns += t;
        full += t >= 12 ? 1 : 0;
      }
    }
    out.printf("journal: %s MiB, %d games recovered (%d turns; %d of them 12 turns long)%n", Report.mib(journalBytes),
        recovered, turns, full);
    out.printf("start on an empty data folder: %.2f s (the JVM and the server's own start)%n", baseline);
    out.printf("restart with the %d games: %.2f s to listening, %.2f s more than empty; server RSS then %s MiB%n",
        recovered, restart, restart - baseline, Report.mib(rss));
    banner.stream().filter(l -> l.startsWith("Games:")).forEach(l -> out.println("  server said: " + l));
    out.printf("load average %s before the starts, %s after; machine CPUs busy %.0f %%%n", m0.loadText(),
        m1.loadText(), 100 * m1.busySince(m0));
    out.println();
    return new Result(recovered, turns, baseline, restart, journalBytes);
  }

  private void generate(String scenario, int games, int batch, Path data, Path work, PrintStream out)
      throws Exception {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    ConcurrentHashMap<String, Integer> lastTurn = new ConcurrentHashMap<>();
    long genStart = System.nanoTime();
    // The journal's content does not depend on fsync; generating without it only saves time.
    try (ServerProcess gen = options.withFsync(false).startOn(data, work.resolve("replay-generate.log"), key)) {
      BrinkLoad load = new BrinkLoad(rig, gen.address(), gen.pid(), key);
      for (int from = 0; from < games; from += batch) {
        int n = Math.min(batch, games - from);
        BrinkLoad.Plan plan = new BrinkLoad.Plan(scenario, n, 0, 1, 0, 1, true);
        BrinkLoad.Setup s = load.setup(plan, rec, inFlight, Long.MAX_VALUE / 4);
        CountDownLatch ended = new CountDownLatch(n);
        for (BrinkConn c : s.instructors()) {
          c.role = new Finisher(ended, lastTurn);
        }
        for (BrinkConn c : s.players()) {
          c.role = new Scripted((BrinkLoad.Player) c.role);
        }
        List<CompletableFuture<ServerMessage>> starts = new ArrayList<>();
        for (int g = 0; g < n; g++) {
          starts.add(s.instructors().get(g).request(ClientMessage.newBuilder().setStartGame(
              StartGame.newBuilder().setGameId(s.games().get(g).gameId)), "start"));
        }
        BrinkLoad.awaitAll(starts, "StartGame");
        if (!ended.await(600, TimeUnit.SECONDS)) {
          throw new IllegalStateException("games of batch " + from + " did not end within 600 s");
        }
        Rig.closeAll(s.players());
        Rig.closeAll(s.instructors());
        out.printf("  played games %d..%d (%.0f s so far)%n", from + 1, from + n, (System.nanoTime() - genStart) / 1e9);
      }
    }
    long errors = rec.counters().entrySet().stream().filter(e -> e.getKey().startsWith("error."))
        .mapToLong(java.util.Map.Entry::getValue).sum();
    out.printf("generated %d finished games in %.0f s; %d requests refused%n", lastTurn.size(),
        (System.nanoTime() - genStart) / 1e9, errors);
    rec.notes().forEach((k, v) -> out.println("  " + k + ": " + v));
  }
}
