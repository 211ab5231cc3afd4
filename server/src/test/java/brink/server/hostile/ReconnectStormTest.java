package brink.server.hostile;

import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Ping;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network cut of every client at once, then every client back at once: 200 players in 40 games have
 * orders and messages acknowledged, each has one more message on its way, and all 200 connections go at
 * the same moment (half closed, so the server sees them end; half simply abandoned, as a cut cable leaves
 * them, so the server learns of it only when the session comes back elsewhere). While they are away each
 * game's instructor posts a message. Then all 200 reconnect at the same instant (no backoff spreads them:
 * the worst case), say Hello, ResumeSession with their last seq, and send their unanswered message again
 * with the same request id. Every one resumes; every acknowledged order is still there; every message
 * is in its game exactly once and reached every player of the game (before the cut, replayed, or live);
 * the instructor's connection answers throughout; and the games play on.
 */
class ReconnectStormTest {
  static final int GAMES = 40;
  static final String[] SEATS = {"rus", "blr", "ukr", "usa", "nato"};
  static final int PLAYERS = GAMES * SEATS.length;

  @TempDir
  Path dir;

  /** One player: its game, its seat, its connection before the cut and after. */
  static final class Player {
    final String game;
    final String actor;
    final String code;
    TestClient before;
    TestClient after;
    long inFlightId;
    long resumedNanos;

    Player(String game, String actor, String code) {
      this.game = game;
      this.actor = actor;
      this.code = code;
    }

    /** Every message text this player was sent, on either connection, before {@code untilId}'s answer. */
    Set<String> messagesSeen(long untilId) {
      Set<String> seen = new TreeSet<>();
      before.frames().forEach(m -> note(m, seen));
      for (ServerMessage m : after.frames()) {
        if (m.getRequestId() == untilId) {
          break;
        }
        note(m, seen);
      }
      return seen;
    }

    private static void note(ServerMessage m, Set<String> seen) {
      if (m.hasPress()) {
        seen.add(m.getPress().getText());
      }
      GameState s = m.hasGameState() ? m.getGameState() : m.hasJoined() ? m.getJoined().getState() : null;
      if (s != null) {
        s.getMessagesList().forEach(p -> seen.add(p.getText()));
      }
    }

    void close() throws Exception {
      if (before != null) {
        before.close();
      }
      if (after != null) {
        after.close();
      }
    }
  }

  @Test
  void everyClientCutAtOnce_allResumeAtOnce_noAcknowledgedOrderOrMessageLost() throws Exception {
    List<Player> players = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor()) {
      List<String> games = new ArrayList<>();
      for (int gi = 0; gi < GAMES; gi++) {
        GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
            .setLabel("group " + gi));
        games.add(g.getGameId());
        for (String seat : SEATS) {
          players.add(new Player(g.getGameId(), seat, TestServer.seatCode(g, seat)));
        }
        assertThat(teacher.request(start(g.getGameId())).hasAck()).isTrue();
      }
      // Acknowledged before the cut: each seat's orders and a message.
      eachAtOnce(pool, players, p -> {
        p.before = server.player(p.code, "Student " + p.actor + " of " + p.game);
        ServerMessage accepted = p.before.request(orders(p.game, 1, false, move(MoveType.CRITICIZE,
            target(p.actor))));
        assertThat(accepted.hasOrdersAccepted()).as("%s's orders accepted, got %s", p.actor, accepted).isTrue();
        assertThat(p.before.request(message(p.game, "before the cut: " + p.actor)).hasAck()).isTrue();
      });
      // On its way at the cut: one more message each, whose answer nobody reads.
      for (Player p : players) {
        p.inFlightId = p.before.nextRequestId();
        p.before.sendRaw(message(p.game, "in flight: " + p.actor).setRequestId(p.inFlightId).build());
      }
      // The cut, every connection at the same moment: the even ones closed, the odd ones abandoned.
      for (int i = 0; i < PLAYERS; i += 2) {
        players.get(i).before.close();
      }
      for (String game : games) {
        assertThat(teacher.request(message(game, "while you were away")).hasAck()).isTrue();
      }

      // Everyone back at once: Hello, ResumeSession, the unanswered message again with its request id.
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<?>> back = new ArrayList<>();
      for (Player p : players) {
        back.add(pool.submit(() -> {
          gate.await();
          TestClient c = server.client();
          p.after = c;
          c.hello();
          c.continueNumberingFrom(p.before);
          ServerMessage resumed = c.request(resumeSession(p.before.token, p.game, p.before.lastSeq));
          assertThat(resumed.hasResumed()).as("%s resumed, got %s", p.actor, resumed).isTrue();
          p.resumedNanos = System.nanoTime();
          ServerMessage again = c.requestWithId(message(p.game, "in flight: " + p.actor), p.inFlightId);
          assertThat(again.hasAck()).as("the message on its way at the cut, sent again: %s", again).isTrue();
          return null;
        }));
      }
      long t0 = System.nanoTime();
      gate.countDown();
      // The instructor's connection answers throughout the storm.
      List<Long> pingMillis = new ArrayList<>();
      while (!back.stream().allMatch(Future::isDone)) {
        long p0 = System.nanoTime();
        assertThat(teacher.request(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance())).hasPong())
            .isTrue();
        pingMillis.add((System.nanoTime() - p0) / 1_000_000);
      }
      for (Future<?> f : back) {
        f.get(60, TimeUnit.SECONDS);
      }
      long stormNanos = System.nanoTime() - t0;
      long lastResumed = players.stream().mapToLong(p -> p.resumedNanos).max().orElseThrow() - t0;
      System.out.printf("ReconnectStormTest: %d players in %d games cut at once and back at once: all resumed "
          + "%d ms after the gate opened, all unanswered requests answered after %d ms; instructor pings "
          + "meanwhile: %d, slowest %d ms%n", PLAYERS, GAMES, lastResumed / 1_000_000, stormNanos / 1_000_000,
          pingMillis.size(), pingMillis.stream().mapToLong(Long::longValue).max().orElse(0));

      // Nothing acknowledged or sent was lost.
      Set<String> expected = new TreeSet<>();
      for (String seat : SEATS) {
        expected.add("before the cut: " + seat);
        expected.add("in flight: " + seat);
      }
      expected.add("while you were away");
      eachAtOnce(pool, players, p -> {
        ServerMessage s = p.after.request(state(p.game));
        GameState view = s.getGameState();
        assertThat(view.getOwnOrders().getMovesList()).as("%s's orders of turn 1", p.actor)
            .containsExactly(move(MoveType.CRITICIZE, target(p.actor)));
        assertThat(p.messagesSeen(s.getRequestId())).as("messages %s of game %s was sent", p.actor, p.game)
            .containsAll(expected);
        assertThat(view.getMessagesList()).extracting(Press::getText).as("each message once in the game")
            .containsExactlyInAnyOrderElementsOf(expected);
      });
      // The games play on: every seat ready, every game resolves its turn.
      eachAtOnce(pool, players, p -> assertThat(p.after.request(ready(p.game, 1, true)).hasAck()).isTrue());
      eachAtOnce(pool, players, p -> p.after.awaitPush(m -> m.hasPhaseChanged()
          && m.getPhaseChanged().getTurn() == 1 && m.getPhaseChanged().getPhase() == Phase.REPORT));
      // The abandoned connections were ended when their sessions came back elsewhere.
      for (int i = 1; i < PLAYERS; i += 2) {
        TestClient old = players.get(i).before;
        ServerMessage last = null;
        while (old.readOne()) {
          last = old.lastRead();
        }
        assertThat(last).isNotNull();
        assertThat(last.getDisconnect().getReason()).isEqualTo(DisconnectReason.DISCONNECT_SESSION_REPLACED);
      }
    } finally {
      pool.shutdownNow();
      for (Player p : players) {
        p.close();
      }
    }
  }

  /** A step every player takes on its own thread, all at once. */
  @FunctionalInterface
  interface Step {
    void take(Player p) throws Exception;
  }

  private static void eachAtOnce(ExecutorService pool, List<Player> players, Step step) throws Exception {
    List<Future<?>> all = new ArrayList<>();
    for (Player p : players) {
      all.add(pool.submit(() -> {
        step.take(p);
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  /** An actor the seat forms a dyad with. */
  private static String target(String actor) {
    return actor.equals("rus") ? "usa" : actor.equals("blr") ? "ukr" : "rus";
  }
}
