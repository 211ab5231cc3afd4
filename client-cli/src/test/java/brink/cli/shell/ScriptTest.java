package brink.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.TestViews;
import brink.cli.game.GameView;
import brink.cli.text.I18n;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Commands read from a script: comments skipped, each echoed, the first failure stops with exit code 2. */
class ScriptTest {
  static GameView view() {
    GameView v = new GameView(Clock.fixed(Instant.ofEpochMilli(TestViews.NOW), ZoneOffset.UTC));
    v.replace(TestViews.player("usa"));
    return v;
  }

  @Test
  void script_runsEachLine_andStopsAtTheFirstFailure() throws Exception {
    StringWriter w = new StringWriter();
    Out out = new Out.Text(new PrintWriter(w));
    PlayerShell shell = new PlayerShell(I18n.of("en"), PlayerPromptTest.acceptingOrders(), view(), out, 1_000);
    int code = Repl.script(shell, new BufferedReader(new StringReader(
        "# my orders\n\nnegotiate rus\nnegotiate moscow\nsubmit\n")), out, true);
    assertThat(code).isEqualTo(2);
    assertThat(w.toString()).contains("> negotiate rus", "1. negotiate rus", "> negotiate moscow",
        "'moscow' is not an actor", "The script stopped at line 4 because that command failed.")
        .doesNotContain("> submit").doesNotContain("# my orders");
  }

  @Test
  void scriptInJson_printsOneObjectPerLine() throws Exception {
    StringWriter w = new StringWriter();
    Out out = new Out.JsonLines(new PrintWriter(w));
    PlayerShell shell = new PlayerShell(I18n.of("en"), PlayerPromptTest.acceptingOrders(), view(), out, 1_000);
    int code = Repl.script(shell, new BufferedReader(new StringReader("negotiate rus\nsubmit\nquit\nstatus\n")),
        out, false);
    assertThat(code).isZero();
    assertThat(w.toString().lines()).allMatch(l -> l.startsWith("{\"type\":\"") && l.endsWith("}"));
    assertThat(w.toString()).contains("{\"type\":\"draft\",\"data\":{", "{\"type\":\"orders_accepted\",\"data\":{\"turn\":1,")
        .doesNotContain("\"type\":\"status\"");
  }
}
