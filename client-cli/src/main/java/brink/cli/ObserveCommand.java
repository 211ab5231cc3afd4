package brink.cli;

import brink.cli.game.GameView;
import brink.cli.net.Server;
import brink.cli.shell.Board;
import brink.cli.shell.ObserverShell;
import brink.cli.shell.Out;
import brink.cli.shell.Shell;
import brink.cli.text.I18n;
import brink.protocol.v1.Role;
import java.io.IOException;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brink observe}: the public board for a projector, redrawn as the game goes. */
@Command(
    name = "observe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show the public board of a game full-screen (for a projector): tension per dyad, headlines, the deadline.",
      "Press q to quit. With --script or --json, or when input is not a terminal, read commands instead."
    })
final class ObserveCommand extends ClientCommand {
  @Option(names = "--code", required = true, paramLabel = "CODE", description = "The game's observer code.")
  String code;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "projector",
      description = "The name shown to the instructor (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--once", description = "Print the board once and exit.")
  boolean once;

  @Override
  Shell shell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    return new ObserverShell(i, server, view, out, answerWaitMillis);
  }

  @Override
  boolean enter(Shell shell) throws InterruptedException {
    if (!shell.join(code, PlayCommand.displayName(name), Role.OBSERVER)) {
      return false;
    }
    if (once) {
      shell.execute("status");
      shell.execute("quit");
    }
    return true;
  }

  @Override
  boolean isInteractive() {
    return !once && super.isInteractive();
  }

  @Override
  int interactive(Shell shell, Terminal terminal, LineReader reader) throws IOException {
    return new Board((ObserverShell) shell, terminal).run();
  }
}
