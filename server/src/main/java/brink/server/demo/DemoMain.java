package brink.server.demo;

import brink.engine.Ladder;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ContinueGame;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Event;
import brink.protocol.v1.ForceResolve;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.GetReport;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Report;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.StartGame;
import brink.protocol.v1.TurnReport;
import brink.server.BrinkServer;
import brink.server.ServerConfig;
import brink.server.report.AfterActionReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brink demo}: a whole game with bots in every seat, on a Brink server of its own. It starts a server
 * in this process (on a free port of 127.0.0.1, its journal in a temporary folder), creates a game as an
 * instructor, watches it as an observer, resolves every turn (no seat has a player, so every actor's
 * default bot plays), prints each turn's public report as it arrives, and ends by saving the after-action
 * report and saying where it is.
 */
@Command(name = "brink demo", mixinStandardHelpOptions = true, version = BrinkServer.NAME,
    description = "Plays a scenario with bots in every seat on a server of its own, turn by turn, then saves "
        + "the after-action report.")
public final class DemoMain implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "ID", defaultValue = "eastern-flank-2022",
      description = "A bundled scenario (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The game's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lang", paramLabel = "LANG", description = "Language of the report: en or fr (default: the system's).")
  String lang;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Where to save the after-action report (default: the current folder).")
  Path out;

  private final PrintStream print;
  private final PrintStream err;

  DemoMain(PrintStream print, PrintStream err) {
    this.print = print;
    this.err = err;
  }

  public static void main(String[] args) {
    // The demo prints the game, not the server's log: only warnings and errors reach the terminal.
    org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger) {
      ((ch.qos.logback.classic.Logger) root).setLevel(ch.qos.logback.classic.Level.WARN);
    }
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the demo with these arguments; returns the exit code: 0, 2 for a wrong argument, 1 when the demo
   * could not run (the reason in one sentence on {@code err}).
   */
  static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cmd = new CommandLine(new DemoMain(out, err));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("brink demo: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      return 1;
    });
    cmd.setParameterExceptionHandler((ex, a) -> {
      err.println("brink demo: " + ex.getMessage() + ". Run 'brink demo --help' for the options.");
      return 2;
    });
    return cmd.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    String language = lang != null ? lang.toLowerCase(Locale.ROOT)
        : "fr".equals(Locale.getDefault().getLanguage()) ? "fr" : "en";
    if (!language.equals("en") && !language.equals("fr")) {
      err.println("brink demo: --lang must be en or fr (it was '" + lang + "').");
      return 2;
    }
    long started = System.nanoTime();
    Path data = Files.createTempDirectory("brink-demo-");
    try (BrinkServer server = BrinkServer.start(ServerConfig.defaults().withAddress("127.0.0.1", 0)
        .withDataDir(data).withFsync(false), AfterActionReport::build)) {
      print.println("Brink demo: a server of its own on " + server.host() + ":" + server.port()
          + ", bots in every seat.");
      Path saved = play(server, language);
      print.printf("The after-action report is saved in %s (and its data in %s); the demo took %.1f s.%n",
          saved.toAbsolutePath(), saved.resolveSibling(saved.getFileName().toString().replace(".md", ".json"))
              .toAbsolutePath(), (System.nanoTime() - started) / 1e9);
      return 0;
    } finally {
      deleteTree(data);
    }
  }

  private Path play(BrinkServer server, String language) throws IOException {
    try (DemoClient teacher = DemoClient.connect(server.address(), server.instructorKey())) {
      GameCreated created = teacher.call(ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
          .setScenarioId(scenario).setSeed(seed).setLabel("demo"))).getGameCreated();
      String game = created.getGameId();
      GameState state = created.getState();
      print.println(text(state.getTitle(), language) + " — game " + game + ", seed " + seed + ", "
          + state.getActorsCount() + " actors, at most " + state.getMaxTurns() + " turns.");
      try (DemoClient projector = DemoClient.connect(server.address(), "")) {
        GameState publicView = projector.call(ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
            .setCode(created.getObserverCode()).setName("demo"))).getJoined().getState();
        teacher.call(ClientMessage.newBuilder().setStartGame(StartGame.newBuilder().setGameId(game)));
        List<DyadView> before = publicView.getDyadsList();
        for (int turn = 1; ; turn++) {
          teacher.call(ClientMessage.newBuilder().setForceResolve(ForceResolve.newBuilder().setGameId(game)
              .setTurn(turn)));
          final int t = turn;
          TurnReport report = projector.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == t)
              .getTurnReport();
          printReport(report, publicView, before, language);
          before = report.getDyadsList();
          ServerMessage phase = projector.awaitPush(m -> m.hasPhaseChanged()
              && (m.getPhaseChanged().getPhase() == Phase.REPORT || m.getPhaseChanged().getPhase() == Phase.ENDED));
          if (phase.getPhaseChanged().getPhase() == Phase.ENDED || report.getOutcome().getTypeValue() != 0) {
            break;
          }
          teacher.call(ClientMessage.newBuilder().setContinueGame(ContinueGame.newBuilder().setGameId(game)));
          projector.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ORDERS
              && m.getPhaseChanged().getTurn() == t + 1);
        }
      }
      Report aar = teacher.call(ClientMessage.newBuilder().setGetReport(GetReport.newBuilder().setGameId(game)))
          .getReport();
      print.println("Outcome: " + aar.getOutcome().getType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + (aar.getOutcome().getTurn() > 0 ? " (turn " + aar.getOutcome().getTurn() + ")" : "") + "; "
          + aar.getTurnsPlayed() + " turns played.");
      Files.createDirectories(out);
      Path md = out.resolve("brink-demo-" + game + ".md");
      Files.writeString(md, AfterActionReport.markdown(aar, language), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("brink-demo-" + game + ".json"), AfterActionReport.json(aar),
          StandardCharsets.UTF_8);
      return md;
    }
  }

  /** One turn's public report: its events, the seats bots played, every dyad's tension and Kahn rung. */
  private void printReport(TurnReport r, GameState names, List<DyadView> before, String language) {
    print.println();
    print.println("── Turn " + r.getTurn() + " (" + r.getStartDate() + " to " + r.getEndDate() + ") ──");
    for (Event e : r.getEventsList()) {
      print.println("  • " + describe(e, names, language));
    }
    List<String> bots = new ArrayList<>();
    for (DefaultedSeat d : r.getDefaultedList()) {
      bots.add(d.getActor() + (d.getBot().isEmpty() ? " (waited)" : " (" + d.getBot() + ")"));
    }
    if (!bots.isEmpty()) {
      print.println("  Played by bots: " + String.join(", ", bots));
    }
    for (DyadView d : r.getDyadsList()) {
      double was = before.stream().filter(x -> x.getA().equals(d.getA()) && x.getB().equals(d.getB()))
          .mapToDouble(DyadView::getTension).findFirst().orElse(d.getTension());
      print.printf(Locale.ROOT, "  %-9s %5.1f (%+5.1f)  rung %d %s%n", d.getA() + "–" + d.getB(), d.getTension(),
          d.getTension() - was, d.getRung(), Ladder.name(Math.min(Ladder.RUNGS, Math.max(0, d.getRung()))).in(language));
    }
  }

  private static String describe(Event e, GameState names, String language) {
    switch (e.getKind()) {
      case EVENT_INJECT:
        return "News: " + text(e.getHeadline(), language) + (e.getSource().isEmpty() ? "" : " (" + e.getSource() + ")");
      case EVENT_CONTACT:
        return name(names, e.getActor(), language) + " and " + name(names, e.getTarget(), language) + " were in contact";
      case EVENT_INCIDENT:
        return "Incident between " + name(names, e.getActor(), language) + " and " + name(names, e.getTarget(), language);
      case EVENT_AGREEMENT:
        return name(names, e.getActor(), language) + " and " + name(names, e.getTarget(), language) + " signed an agreement";
      case EVENT_TALKS:
        return name(names, e.getActor(), language) + " and " + name(names, e.getTarget(), language) + " held talks";
      default:
        StringBuilder sb = new StringBuilder(name(names, e.getActor(), language)).append(": ")
            .append(e.getMove().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (!e.getTarget().isEmpty()) {
          sb.append(" → ").append(name(names, e.getTarget(), language));
        }
        if (!e.getTargetB().isEmpty()) {
          sb.append(" and ").append(name(names, e.getTargetB(), language));
        }
        if (!e.getUnit().isEmpty()) {
          sb.append(" ").append(e.getUnit());
        }
        if (!e.getRegion().isEmpty()) {
          sb.append(" → ").append(e.getRegion());
        }
        return sb.toString();
    }
  }

  private static String name(GameState s, String actor, String language) {
    for (ActorView a : s.getActorsList()) {
      if (a.getId().equals(actor)) {
        return text(a.getName(), language);
      }
    }
    return actor;
  }

  private static String text(Text t, String language) {
    return "fr".equals(language) && !t.getFr().isEmpty() ? t.getFr() : t.getEn();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the system cleans it.
    }
  }
}
