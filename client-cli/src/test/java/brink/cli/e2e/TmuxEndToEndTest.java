package brink.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.Proxy;
import brink.cli.RealServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real interactive client, in tmux, against the real server: a teacher and two students play a short
 * game by typing keys (with Tab completion), one student's network is cut and comes back, and at each step
 * the screens show what a person would expect. Screens are saved under target/tmux-e2e/.
 */
class TmuxEndToEndTest {
  static final String CODE = "([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})";

  @TempDir Path dir;

  /** {@code java -cp <this test's classpath> brink.cli.Main ARGS}: the client as built, in its own process. */
  static List<String> brink(String... args) {
    List<String> cmd = new ArrayList<>(List.of(RealServer.java(), "-cp", System.getProperty("java.class.path"),
        "brink.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void teacherAndTwoStudents_playByKeystrokes_oneIsCutAndComesBack() throws Exception {
    try (RealServer server = RealServer.start(dir.resolve("data"));
        Proxy net = new Proxy(server.port());
        Tmux tmux = new Tmux(Path.of("target", "tmux-e2e"))) {
      // The teacher creates the game; the screen lists every code.
      tmux.start("teacher", brink("instruct", "--server", server.address(), "--key", server.key(), "--lang", "en"));
      tmux.await("teacher", "brink> ");
      tmux.type("teacher", "create eastern-flank-2022 --seed 5");
      tmux.await("teacher", "Hand out these codes");
      String usa = tmux.find("teacher", "^  usa +United States +" + CODE + "\\s*$");
      String rus = tmux.find("teacher", "^  rus +Russia +" + CODE + "\\s*$");
      tmux.await("teacher", "lobby> ");

      // Alice (United States, in English) connects directly; Bob (Russia, in French) through a network we can cut.
      tmux.start("alice", brink("play", "--server", server.address(), "--code", usa, "--name", "Alice", "--lang", "en"));
      tmux.start("bob", brink("play", "--server", net.address(), "--code", rus, "--name", "Bob", "--lang", "fr"));
      tmux.await("alice", "Your private briefing (for your team only):");
      tmux.await("alice", "usa T0 lobby> ");
      tmux.await("bob", "Votre dossier confidentiel (pour votre équipe seulement) :");
      tmux.await("bob", "rus T0 salle d'attente> ");
      tmux.type("teacher", "seats");
      tmux.await("teacher", "Alice [P");
      tmux.await("teacher", "Bob [P");

      tmux.type("teacher", "start");
      tmux.await("alice", "Turn 1: orders are open");
      tmux.await("bob", "Tour 1 : les ordres sont ouverts");
      tmux.await("alice", "usa T1> ");

      // Alice writes a deployment with Tab completion: the move, her unit, the region.
      tmux.typeOnly("alice", "dep");
      tmux.press("alice", "Tab");
      tmux.await("alice", "usa T1> deploy ");
      tmux.typeOnly("alice", "us-101");
      tmux.press("alice", "Tab");
      tmux.await("alice", "usa T1> deploy us-101st-campbell ");
      tmux.typeOnly("alice", "pol");
      tmux.press("alice", "Tab");
      tmux.await("alice", "usa T1> deploy us-101st-campbell poland");
      tmux.press("alice", "Enter");
      tmux.await("alice", "United States deploys 101st Airborne Division (elements) to Poland.");
      tmux.await("alice", "Added as move 1.");
      tmux.type("alice", "negotiate rus");
      tmux.await("alice", "Added as move 2.");
      tmux.type("alice", "submit");
      tmux.await("alice", "Orders for turn 1 sent: 2 move(s).");
      tmux.await("teacher", "Seat usa: submitted, 1/1 connected");

      // Bob mistypes, is told what to do, then orders and talks.
      tmux.type("bob", "dploy");
      tmux.await("bob", "« dploy » n'est pas une commande ; vouliez-vous dire deploy ?");
      tmux.type("bob", "deploy us-82nd-poland belarus");
      tmux.await("bob", "us-82nd-poland appartient à usa : vous ne pouvez déplacer que vos propres unités");
      tmux.type("bob", "negotiate usa");
      tmux.await("bob", "Ajouté comme coup 1.");
      tmux.type("bob", "submit");
      tmux.await("bob", "Ordres du tour 1 envoyés : 1 coup(s).");
      tmux.type("alice", "say @rus Let us talk in Geneva.");
      tmux.await("alice", "Message sent to rus.");
      tmux.await("bob", "Alice (usa) → rus : Let us talk in Geneva.");

      // Bob's network drops: his screen says so, the teacher sees his seat offline, Alice gets ready meanwhile.
      net.cut();
      tmux.await("bob", "Connexion perdue : reconnexion (tentative 1");
      tmux.await("bob", "rus T1 reconnexion...");
      tmux.await("teacher", "Seat rus: submitted, 0/1 connected");
      tmux.type("alice", "ready");
      tmux.await("alice", "Your seat is ready");

      // The network comes back: Bob is back in the game where he was.
      net.restore();
      tmux.await("bob", "Reconnecté : vous êtes de retour dans la partie");
      tmux.await("teacher", "Seat rus: submitted, 1/1 connected");
      tmux.type("bob", "orders");
      tmux.await("bob", "1. negotiate usa");

      // Bob is ready too: the turn resolves and everyone gets the report without asking.
      tmux.type("bob", "ready");
      String bobReport = tmux.await("bob", "── Tour 1 (du 2022-02-03 au 2022-02-09) ──");
      String aliceReport = tmux.await("alice", "── Turn 1 (2022-02-03 to 2022-02-09) ──");
      tmux.await("teacher", "── Turn 1 (2022-02-03 to 2022-02-09) ──");
      tmux.await("alice", "Russia and United States held talks.");
      tmux.await("bob", "Russie et États-Unis ont tenu des pourparlers.");
      assertThat(aliceReport).contains("• United States deploys 101st Airborne Division (elements) to Poland.");
      assertThat(bobReport).contains("échelon");

      // Alice's status (the second one on her screen; the first came with her briefing): tension bars with
      // their Kahn rung names, her alert level, her units.
      tmux.type("alice", "status");
      String status = tmux.await("alice", "Tension between actors (0-100) and Kahn's escalation ladder", 2, 60);
      status = status.substring(status.lastIndexOf("> status"));
      assertThat(status).containsPattern("  rus–usa +█+░* +\\d+\\.\\d +rung \\d+ ");
      assertThat(status).contains("Your alert level:", "report · waiting for the instructor to continue");
      assertThat(status).containsPattern("us-101st-campbell +101st Airborne Division \\(elements\\) — Poland");

      // The teacher moves on, then ends the game.
      tmux.type("teacher", "continue");
      tmux.await("alice", "Turn 2: orders are open");
      tmux.await("bob", "Tour 2 : les ordres sont ouverts");
      tmux.type("teacher", "end");
      tmux.await("alice", "The game is over.");
      tmux.await("bob", "La partie est terminée.");

      for (String who : List.of("alice", "bob", "teacher")) {
        tmux.type(who, "quit");
        tmux.await(who, "[exited 0]");
      }
      for (String who : List.of("alice", "bob", "teacher")) {
        assertThat(tmux.history(who)).doesNotContain("Exception").doesNotContain("\tat ");
      }
    }
  }
}
