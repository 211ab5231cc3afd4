package brink.cli;

import brink.cli.game.GameView;
import brink.cli.net.Server;
import brink.cli.shell.Out;
import brink.cli.shell.PlayerShell;
import brink.cli.shell.Shell;
import brink.cli.text.I18n;
import brink.protocol.v1.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brink play}: take an actor's seat with the join code the instructor handed out. */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Play an actor's seat: read your briefing, watch the tensions, write and submit orders, talk to the others.",
      "Type help at the prompt for every command with an example; Tab completes moves, units, regions and actors."
    })
final class PlayCommand extends ClientCommand {
  @Option(names = "--code", required = true, paramLabel = "CODE", description = "Your seat's join code.")
  String code;

  @Option(names = "--name", paramLabel = "NAME", description = "Your name, shown to your team and the instructor "
      + "(default: your login name).")
  String name;

  @Override
  Shell shell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    return new PlayerShell(i, server, view, out, answerWaitMillis);
  }

  @Override
  boolean enter(Shell shell) throws InterruptedException {
    return shell.join(code, displayName(name), Role.PLAYER);
  }

  /** The name given, else the login name, cut to the protocol's 40 characters. */
  static String displayName(String given) {
    String n = given != null && !given.isBlank() ? given.strip() : System.getProperty("user.name", "player");
    if (n.isBlank()) {
      n = "player";
    }
    return n.length() > 40 ? n.substring(0, 40) : n;
  }
}
