package brink.cli.shell;

import brink.cli.TestViews;
import brink.cli.game.GameView;
import brink.cli.text.I18n;
import brink.protocol.v1.GameState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.LineReader;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A player's or instructor's prompt on a JLine {@link DumbTerminal}: what is typed comes from {@code keys},
 * what is shown is captured; the clock is fixed at {@link TestViews#NOW}.
 */
final class Prompt implements AutoCloseable {
  final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  final DumbTerminal terminal;
  final LineReader reader;
  final GameView view = new GameView(Clock.fixed(Instant.ofEpochMilli(TestViews.NOW), ZoneOffset.UTC));
  final FakeServer server;
  final Shell shell;

  interface ShellMaker {
    Shell make(I18n i, FakeServer server, GameView view, Out out);
  }

  Prompt(String lang, GameState state, FakeServer server, String keys, ShellMaker maker) throws IOException {
    this.server = server;
    terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
        screen, StandardCharsets.UTF_8);
    AtomicReference<Shell> holder = new AtomicReference<>();
    reader = Repl.reader(terminal, holder);
    if (state != null) {
      view.replace(state);
    }
    shell = maker.make(I18n.of(lang), server, view, Repl.out(reader));
    holder.set(shell);
  }

  static Prompt player(String lang, String actor, FakeServer server) throws IOException {
    return player(lang, actor, server, "");
  }

  static Prompt player(String lang, String actor, FakeServer server, String keys) throws IOException {
    return new Prompt(lang, TestViews.player(actor), server, keys,
        (i, s, v, o) -> new PlayerShell(i, s, v, o, 1_000));
  }

  /** Everything shown so far. */
  String screen() {
    terminal.flush();
    return screen.toString(StandardCharsets.UTF_8);
  }

  /** What was shown since {@code mark} (a length of {@link #screen()}). */
  String since(int mark) {
    return screen().substring(mark);
  }

  /** Types one line (runs it as the prompt would) and returns what it printed. */
  String type(String line) {
    int mark = screen().length();
    shell.execute(line);
    return since(mark);
  }

  @Override
  public void close() throws IOException {
    terminal.close();
  }
}
