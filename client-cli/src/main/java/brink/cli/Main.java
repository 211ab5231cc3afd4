package brink.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code brink} command (what {@code ./brink} runs from the client's jar).
 *
 * <p>Exit codes: 0 success; 2 the user's input is wrong (a bad flag, an unknown bot or actor, an unreadable
 * or invalid file) and one sentence says what to do; 1 an internal error, also reported as a sentence. No
 * stack trace ever reaches the user.
 */
@Command(
    name = "brink",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Brink: a classroom crisis-diplomacy simulation.",
    subcommands = {PlayCommand.class, InstructCommand.class, ObserveCommand.class, SimulateCommand.class,
      ScenarioCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Run 'brink help COMMAND' for the options of a command."})
public final class Main implements Runnable {
  /** The exit code of an unexpected failure (a bug): picocli's SOFTWARE code. */
  static final int INTERNAL_ERROR = 1;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    quietLogging();
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
    PrintWriter err = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code;
    try {
      code = run(out, err, args);
    } finally {
      out.flush();
      err.flush();
    }
    System.exit(code);
  }

  /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(Main::onBadArguments);
    cmd.setExecutionExceptionHandler(Main::onFailure);
    cmd.registerConverter(Long.class, Main::wholeNumber);
    cmd.registerConverter(Long.TYPE, Main::wholeNumber);
    cmd.registerConverter(Integer.class, Main::smallWholeNumber);
    cmd.registerConverter(Integer.TYPE, Main::smallWholeNumber);
    try {
      return cmd.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** {@code brink} alone prints the list of commands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The client prints results, not logs: nothing of ours logs, and if a library brings SLF4J or uses
   * java.util.logging, neither may write to the terminal.
   */
  static void quietLogging() {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    LogManager.getLogManager().reset();
  }

  /** A bad flag, a missing value, an unknown command: one sentence and the way to the options. */
  private static int onBadArguments(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = qualifiedName(cmd);
    boolean hasCommands = !cmd.getSubcommands().isEmpty();
    StringBuilder line = new StringBuilder(name).append(": ");
    if (ex instanceof UnmatchedArgumentException) {
      UnmatchedArgumentException u = (UnmatchedArgumentException) ex;
      List<String> unmatched = u.getUnmatched();
      if (hasCommands && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        line.append("Unknown command '").append(unmatched.get(0)).append("'.");
      } else {
        line.append(sentence(ex.getMessage()));
      }
      if (!u.getSuggestions().isEmpty()) {
        line.append(" Did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
      }
    } else {
      line.append(sentence(ex.getMessage()));
    }
    line.append(" Run '").append(name).append(" --help' for the ").append(hasCommands ? "commands" : "options")
        .append('.');
    cmd.getErr().println(line);
    return UserError.EXIT_CODE;
  }

  /** A user error prints its details and its sentence; anything else is a bug, said as a sentence too. */
  private static int onFailure(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof UserError) {
      UserError user = (UserError) ex;
      user.details().forEach(err::println);
      err.println(qualifiedName(cmd) + ": " + user.getMessage());
      return user.exitCode();
    }
    err.println(qualifiedName(cmd) + ": internal error (" + ex.getClass().getSimpleName()
        + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + "). This is a bug in Brink; please report it with the command you ran.");
    return INTERNAL_ERROR;
  }

  /** Numbers as people type them; picocli would otherwise say "is not a long". */
  private static Long wholeNumber(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + s + "' is not a whole number");
    }
  }

  private static Integer smallWholeNumber(String s) {
    long n = wholeNumber(s);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new TypeConversionException("'" + s + "' is too large");
    }
    return (int) n;
  }

  /** "brink scenario validate" for the validate subcommand. */
  static String qualifiedName(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName(" ");
  }

  private static String sentence(String message) {
    String m = message == null || message.isBlank() ? "invalid arguments" : message.strip();
    m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
    return m.endsWith(".") || m.endsWith("?") ? m : m + ".";
  }

  /** {@code brink --version}: the project version (filtered into version.properties) and the JVM's. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/brink/cli/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "brink " + p.getProperty("version", "unknown"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
      };
    }
  }
}
