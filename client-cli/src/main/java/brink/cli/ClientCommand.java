package brink.cli;

import brink.cli.game.GameView;
import brink.cli.net.Address;
import brink.cli.net.Client;
import brink.cli.net.LinkEvent;
import brink.cli.net.Server;
import brink.cli.shell.Out;
import brink.cli.shell.Repl;
import brink.cli.shell.Shell;
import brink.cli.text.Errors;
import brink.cli.text.I18n;
import brink.protocol.v1.ServerMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code play}, {@code instruct} and {@code observe} share: the server address, the language, and how
 * commands come in (typed at a terminal, or read from a script or standard input, with plain or JSON
 * output). Connects, enters the game, runs the shell, and always closes the connection.
 */
abstract class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "localhost:" + Address.DEFAULT_PORT,
      description = "The Brink server (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language of the client and of the scenario texts: en or fr (default: the system's).")
  String lang;

  @Option(names = "--script", paramLabel = "FILE",
      description = "Read the commands from FILE instead of the keyboard; stops at the first command that fails.")
  Path script;

  @Option(names = "--json", description = "Print one JSON object per line instead of text (for scripts).")
  boolean json;

  /** The shell of this mode. */
  abstract Shell shell(I18n i, Server server, GameView view, Out out, long answerWaitMillis);

  /** Enters the game once connected (join with a code); false when that failed (the sentence is shown). */
  abstract boolean enter(Shell shell) throws InterruptedException;

  /** The instructor key sent in Hello ("" for players and observers). */
  String instructorKey() {
    return "";
  }

  /** Runs the shell at an interactive terminal (the observer draws a board instead of a prompt). */
  int interactive(Shell shell, Terminal terminal, LineReader reader) throws IOException {
    return Repl.interactive(shell, reader);
  }

  /** True when the commands come from the keyboard of a terminal. */
  boolean isInteractive() {
    return script == null && !json && System.console() != null;
  }

  @Override
  public Integer call() throws Exception {
    I18n i = I18n.of(Languages.resolve(lang));
    Address address;
    try {
      address = Address.parse(server);
    } catch (IllegalArgumentException e) {
      throw new UserError(Errors.sentence(e.getMessage()));
    }
    BufferedReader scriptIn = null;
    if (script != null) {
      try {
        scriptIn = Files.newBufferedReader(script, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new UserError(i.t("script.missing", script));
      } catch (IOException e) {
        throw new UserError(i.t("script.unreadable", script));
      }
    }
    boolean interactive = isInteractive();
    AtomicReference<Shell> holder = new AtomicReference<>();
    Terminal terminal = null;
    LineReader reader = null;
    Out out;
    PrintWriter w = spec.commandLine().getOut();
    if (interactive) {
      terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
      reader = Repl.reader(terminal, holder);
      out = Repl.out(reader);
    } else {
      out = json ? new Out.JsonLines(w) : new Out.Text(w);
    }
    Client client = new Client(address, instructorKey(), new Client.Listener() {
      @Override
      public void push(ServerMessage m) {
        Shell s = holder.get();
        if (s != null) {
          s.push(m);
        }
      }

      @Override
      public void link(LinkEvent e) {
        Shell s = holder.get();
        if (s != null) {
          s.link(e);
        }
      }
    });
    Shell shell = shell(i, client, new GameView(Clock.systemUTC()), out, interactive ? 10_000 : 120_000);
    holder.set(shell);
    try {
      try {
        client.connect();
      } catch (UnknownHostException e) {
        throw new UserError(i.t("net.unknownHost", address.host()));
      } catch (IOException e) {
        throw new UserError(i.t("net.unreachable", address));
      } catch (Client.Refused e) {
        throw new UserError(Errors.describe(i, e.error()));
      }
      if (!enter(shell)) {
        return UserError.EXIT_CODE;
      }
      if (interactive) {
        return interactive(shell, terminal, reader);
      }
      BufferedReader in = scriptIn != null ? scriptIn
          : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return Repl.script(shell, in, out, !json);
    } finally {
      client.close();
      if (scriptIn != null) {
        scriptIn.close();
      }
      if (terminal != null) {
        terminal.close();
      }
    }
  }
}
