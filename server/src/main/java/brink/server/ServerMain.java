package brink.server;

import brink.server.game.ReportSource;
import brink.server.journal.JournalOptions;
import brink.server.report.AfterActionReport;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brink server}: starts a Brink server and says how to reach it. Standard output gets the lines a
 * person or a script needs (the first one is always {@code Brink server listening on HOST:PORT}); the log
 * goes to standard error.
 */
@Command(name = "brink-server", mixinStandardHelpOptions = true, version = BrinkServer.NAME,
    description = "Runs a Brink server: games for a class, kept in a journal under the data folder.")
public final class ServerMain implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on; 0 = any free port "
      + "(default: ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: "
      + "${DEFAULT-VALUE}, every interface, so that students' machines can connect; use 127.0.0.1 to stay "
      + "on this machine).")
  String bind = ServerConfig.DEFAULT_BIND;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder: the journal of every game and the "
      + "instructor key (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("brink-data");

  @Option(names = "--scenarios", paramLabel = "DIR", description = "A folder of extra scenario files "
      + "(*.txtpb) instructors may start games from, besides the bundled ones.")
  Path scenarios;

  @Option(names = "--instructor-key", paramLabel = "KEY", description = "The key instructors give to create "
      + "games (default: the one saved in the data folder, made on the first start).")
  String instructorKey = "";

  @Option(names = "--journal-fsync", arity = "1", paramLabel = "true|false", description = "Make each batch of "
      + "the journal durable (fsync) before answering (default: ${DEFAULT-VALUE}). false is for benchmarks "
      + "only: a crash could then lose changes the server had acknowledged.")
  boolean journalFsync = true;

  @Option(names = "--journal-preallocate-kib", paramLabel = "KIB", description = "Grow the journal in steps of "
      + "this many KiB of zeros written ahead of its records, so that saving a change does not grow the file "
      + "(default: ${DEFAULT-VALUE}). 0 appends each change to the end of the file instead.")
  int journalPreallocateKib = JournalOptions.DEFAULT_PREALLOCATE_BYTES / 1024;

  @Option(names = "--rate-limit", paramLabel = "BURST/PER_SECOND", description = "Requests one connection may "
      + "send at once, and per second sustained (default: 60/20). Raise it only for load tests.")
  String rateLimit = "";

  private static final int MAX_PREALLOCATE_KIB = 1 << 20;

  private final ReportSource reports;
  private final PrintStream out;

  ServerMain(ReportSource reports, PrintStream out) {
    this.reports = reports;
    this.out = out;
  }

  public static void main(String[] args) {
    ServerMain main = new ServerMain(AfterActionReport::build, System.out);
    int code = new CommandLine(main).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    BrinkServer server;
    try {
      ServerConfig config = ServerConfig.defaults().withAddress(bind, port).withDataDir(data)
          .withScenarioDir(scenarios).withInstructorKey(instructorKey).withFsync(journalFsync);
      if (journalPreallocateKib < 0 || journalPreallocateKib > MAX_PREALLOCATE_KIB) {
        throw new IllegalArgumentException("--journal-preallocate-kib is 0 (append) to " + MAX_PREALLOCATE_KIB
            + " (1 GiB), not " + journalPreallocateKib);
      }
      config = config.withJournalPreallocation(journalPreallocateKib * 1024);
      if (!rateLimit.isEmpty()) {
        double[] limit = rateLimit(rateLimit);
        config = config.withRateLimit((int) limit[0], limit[1]);
      }
      server = BrinkServer.start(config, reports);
    } catch (java.io.IOException | IllegalArgumentException e) {
      System.err.println("brink server: " + e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "brink-shutdown"));
    for (String line : banner(server, data)) {
      out.println(line);
    }
    out.flush();
    server.awaitClose();
    return 0;
  }

  /** {@code --rate-limit BURST/PER_SECOND}: {burst, per second}, or a message saying what is wrong. */
  static double[] rateLimit(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        int burst = Integer.parseInt(parts[0].trim());
        double perSecond = Double.parseDouble(parts[1].trim());
        if (burst >= 1 && perSecond > 0 && !Double.isInfinite(perSecond)) {
          return new double[] {burst, perSecond};
        }
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw new IllegalArgumentException("--rate-limit is BURST/PER_SECOND with a whole burst of at least 1 and a "
        + "positive rate, e.g. 60/20; not '" + text + "'");
  }

  /** What the server prints when it is up: where it listens, how instructors and students connect. */
  static List<String> banner(BrinkServer server, Path data) {
    String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
    int port = server.port();
    String reach = server.address().getAddress().isAnyLocalAddress() ? lanAddress() : host;
    List<String> lines = new ArrayList<>();
    lines.add("Brink server listening on " + host + ":" + port);
    lines.add("Games: " + server.recoveredGames() + " recovered from " + data.resolve("journal.brj")
        + (server.unrecoveredGames() > 0 ? ", " + server.unrecoveredGames() + " NOT recovered (see the log)" : ""));
    lines.add("Instructor key: " + server.instructorKey() + " (kept in " + data.resolve(BrinkServer.KEY_FILE) + ")");
    lines.add("Instructors connect with: ./brink instruct --server " + reach + ":" + port + " --key "
        + server.instructorKey());
    lines.add("Students join with:       ./brink play --server " + reach + ":" + port
        + " --code <their seat's code>");
    return lines;
  }

  /** An address of this machine other machines can use (the first site-local IPv4 one), else localhost. */
  private static String lanAddress() {
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp() || ni.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // Fall back to this machine only.
    }
    return "localhost";
  }
}
