package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.game.GameView;
import brink.cli.net.Address;
import brink.cli.net.Backoff;
import brink.cli.net.Client;
import brink.cli.net.LinkEvent;
import brink.cli.shell.InstructorShell;
import brink.cli.shell.Out;
import brink.cli.shell.PlayerShell;
import brink.cli.shell.Shell;
import brink.cli.text.I18n;
import brink.protocol.v1.Role;
import brink.protocol.v1.ServerMessage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A player's connection to the real server is cut while the game goes on: the screen says it is
 * reconnecting, the client retries, resumes its session, shows the turn report it missed, and the message
 * typed while offline is delivered exactly once.
 */
class ReconnectRealServerTest {
  @TempDir Path dir;

  /** A shell and its client, with what it printed and the connection events it saw. */
  static final class Party {
    final WatchedOutput screen = new WatchedOutput();
    final BlockingQueue<LinkEvent> links = new LinkedBlockingQueue<>();
    final Client client;
    final Shell shell;

    Party(String address, String key, Backoff backoff, String lang, boolean instructor) {
      AtomicReference<Shell> holder = new AtomicReference<>();
      client = new Client(Address.parse(address), key, backoff, new Client.Listener() {
        @Override
        public void push(ServerMessage m) {
          holder.get().push(m);
        }

        @Override
        public void link(LinkEvent e) {
          holder.get().link(e);
          links.add(e);
        }
      }, 10_000, 0);
      Out out = new Out.Text(new PrintWriter(screen, true));
      GameView view = new GameView(Clock.systemUTC());
      shell = instructor ? new InstructorShell(I18n.of(lang), client, view, out, 60_000, Path.of("."), address)
          : new PlayerShell(I18n.of(lang), client, view, out, 60_000);
      holder.set(shell);
    }

    String screen() {
      return screen.toString();
    }

    LinkEvent nextLink() throws InterruptedException {
      LinkEvent e = links.poll(30, TimeUnit.SECONDS);
      assertThat(e).as("a connection event; screen: %s", screen()).isNotNull();
      return e;
    }

    void awaitScreen(String text) throws InterruptedException {
      screen.await(text, 30);
      assertThat(screen()).contains(text);
    }
  }

  @Test
  void cutConnection_saysReconnecting_resumes_catchesUp_andSendsThePendingMessageOnce() throws Exception {
    try (RealServer server = RealServer.start(dir.resolve("data")); Proxy proxy = new Proxy(server.port())) {
      Party teacher = new Party(server.address(), server.key(), Backoff.standard(), "en", true);
      teacher.client.connect();
      assertThat(teacher.shell.execute("create eastern-flank-2022 --seed 3")).isTrue();
      String code = ((InstructorShell) teacher.shell).seatCodes().get("usa");
      assertThat(teacher.shell.execute("start")).isTrue();

      // Each wait between attempts takes a permit: the test decides when the client tries again. No jitter:
      // every wait is the whole 100 ms, which the screen shows.
      Semaphore attempts = new Semaphore(0);
      Party alice = new Party(proxy.address(), "", new Backoff(100, 100, millis -> attempts.acquire(),
          bound -> bound), "en", false);
      alice.client.connect();
      assertThat(alice.shell.join(code, "Alice", Role.PLAYER)).isTrue();
      assertThat(alice.shell.execute("negotiate rus")).isTrue();
      assertThat(alice.shell.execute("submit")).isTrue();
      teacher.awaitScreen("Seat usa: submitted, 1/1 connected");

      proxy.cut();
      LinkEvent lost = alice.nextLink();
      assertThat(lost.kind()).isEqualTo(LinkEvent.Kind.RECONNECTING);
      assertThat(lost.attempt()).isEqualTo(1);
      assertThat(alice.screen()).contains("Connection lost: reconnecting (attempt 1, in 0.1 s)...");
      assertThat(alice.shell.prompt()).startsWith("usa T1 reconnecting...");
      teacher.awaitScreen("Seat usa: submitted, 0/1 connected");

      // While Alice is away: she writes to everyone, and the teacher resolves the turn.
      CompletableFuture<Boolean> say = CompletableFuture.supplyAsync(() -> alice.shell.execute("say all Still here."));
      assertThat(teacher.shell.execute("force")).isTrue();
      teacher.awaitScreen("── Turn 1");

      attempts.release();
      assertThat(alice.nextLink().attempt()).as("the first retry is refused: the network is still down").isEqualTo(2);
      proxy.restore();
      attempts.release();
      assertThat(alice.nextLink().kind()).isEqualTo(LinkEvent.Kind.RESUMED);
      assertThat(say.get(30, TimeUnit.SECONDS)).isTrue();
      alice.awaitScreen("── Turn 1");
      alice.awaitScreen("Message sent to everyone.");
      String screen = alice.screen();
      assertThat(screen.indexOf("reconnecting")).isLessThan(screen.indexOf("Reconnected"));
      assertThat(screen.indexOf("Reconnected")).isLessThan(screen.indexOf("── Turn 1"));
      assertThat(screen).contains("United States negotiates with Russia.");
      teacher.awaitScreen("Seat usa: submitted, 1/1 connected");

      // The message typed while offline reached the game exactly once: one push, one line in the inbox.
      teacher.awaitScreen("Still here.");
      assertThat(teacher.shell.execute("inbox")).isTrue();
      assertThat(teacher.screen().split("Alice \\(usa\\) → everyone: Still here\\.", -1).length - 1)
          .as(teacher.screen()).isEqualTo(2);
      alice.client.close();
      teacher.client.close();
    }
  }
}
