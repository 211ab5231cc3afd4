package brink.cli;

import brink.cli.game.GameView;
import brink.cli.net.Server;
import brink.cli.shell.InstructorShell;
import brink.cli.shell.Out;
import brink.cli.shell.Shell;
import brink.cli.text.I18n;
import brink.protocol.v1.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brink instruct}: create and run games. */
@Command(
    name = "instruct",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Create a game from a bundled scenario or a file, hand out the codes, and run it: start, pause, resume,",
      "extend, force, inject, kick or reassign, end, and save the after-action report. Type help at the prompt."
    })
final class InstructCommand extends ClientCommand {
  /** The environment variable that may carry the instructor key. */
  static final String KEY_ENV = "BRINK_INSTRUCTOR_KEY";

  /** Where a server started in the same folder keeps its key (its default --data folder). */
  static final Path LOCAL_KEY_FILE = Path.of("brink-data", "instructor.key");

  @Option(names = "--key", paramLabel = "KEY",
      description = "The server's instructor key, printed when the server starts (default: the " + KEY_ENV
          + " environment variable, else the key of a server started in this folder, " + "brink-data/instructor.key).")
  String key;

  @Option(names = "--code", paramLabel = "CODE",
      description = "Join an existing game with its instructor code instead of creating one.")
  String code;

  @Override
  String instructorKey() {
    if (key != null) {
      return key.strip();
    }
    String env = System.getenv(KEY_ENV);
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return Files.isRegularFile(LOCAL_KEY_FILE) ? Files.readString(LOCAL_KEY_FILE, StandardCharsets.UTF_8).strip() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  @Override
  Shell shell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    return new InstructorShell(i, server, view, out, answerWaitMillis, Path.of("").toAbsolutePath(),
        this.server);
  }

  @Override
  boolean enter(Shell shell) throws InterruptedException {
    if (code != null) {
      return shell.join(code, InstructorShell.NAME, Role.INSTRUCTOR);
    }
    shell.greet();
    return true;
  }
}
