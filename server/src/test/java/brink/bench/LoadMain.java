package brink.bench;

import brink.server.net.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load generator's command line (bench/run-load.sh builds the classpath and calls it).
 *
 * <pre>
 * echo   --mode open|closed|burst|idle [--connections 1000] [--frame-bytes 100] [--rate 5000]
 *        [--inflight 1] [--interval 0.05] [--warmup 3] [--seconds 10] [--client-threads 2]
 *        [--reply-bytes 0] [--connect HOST:PORT --server-pid PID]
 * brink  --mode open|closed|idle [--games 200] [--players 1000] [--games-per-instructor 1]
 *        [--rate 5000] [--turn-seconds 10] [--submit-share 0.5] [--dove-orders true] [--inflight 1] [--warmup 3]
 *        [--seconds 10] [--scenario eastern-flank-2022] [--journal-fsync true] [--rate-limit 60/20]
 *        [--server-heap SIZE] [--server-jar server/target/brink-server.jar]
 *        [--connect HOST:PORT --server-pid PID --instructor-key KEY]
 * suite  [--only all|latency,peak,broadcast,idle,replay] [--scale 1] [--warmup 10] [--seconds 20]
 *        [--inflight 1] [--replay-data DIR] [--server-jar ...]
 * replay [--games 1000] [--batch 100] [--data DIR (generated once, reused after)] [--scenario eastern-flank-2022] [--server-heap SIZE]
 * </pre>
 *
 * Without {@code --connect} it starts the server it measures as a process of its own and stops it
 * at the end.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv);
    List<String> words = args.words();
    if (words.isEmpty()) {
      System.err.println("usage: LoadMain echo|brink|idle|replay|suite [options]; see bench/run-load.sh");
      System.exit(2);
    }
    try {
      switch (words.get(0)) {
        case "echo":
          echo(args);
          break;
        case "brink":
          brink(args);
          break;
        case "replay":
          replay(args);
          break;
        case "suite":
          suite(args);
          break;
        default:
          throw new IllegalArgumentException("unknown command '" + words.get(0) + "'");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("load: " + e.getMessage());
      System.exit(2);
    }
    System.exit(0);
  }

  private static void echo(Args args) throws Exception {
    String mode = args.string("mode", "open");
    int connections = args.integer("connections", 1000);
    int frameBytes = args.integer("frame-bytes", 100);
    double warmup = args.number("warmup", 3);
    double seconds = args.number("seconds", 10);
    int threads = args.integer("client-threads", 2);
    int replyBytes = args.integer("reply-bytes", 0);
    String connect = args.string("connect", "");
    long pid = args.integer("server-pid", 0);
    double rate = args.number("rate", 5000);
    int inflight = args.integer("inflight", 1);
    double interval = args.number("interval", 0.05);
    String heap = args.string("server-heap", "");
    boolean durable = args.flag("durable", false);
    int zeroMib = args.integer("zero-mib", 0);
    args.requireAllUsed();
    Path work = Files.createTempDirectory("brink-bench");
    ServerProcess server = null;
    InetSocketAddress address;
    if (connect.isEmpty()) {
      server = startEcho(work, replyBytes, heap, durable, zeroMib);
      address = server.address();
      pid = server.pid();
    } else {
      address = parseAddress(connect);
    }
    try (Rig rig = new Rig(threads)) {
      EchoLoad load = new EchoLoad(rig, address, pid);
      RunResult r;
      switch (mode) {
        case "open":
          r = load.open(connections, frameBytes, rate, warmup, seconds);
          break;
        case "closed":
          r = load.closed(connections, frameBytes, inflight, warmup, seconds);
          break;
        case "burst":
          r = load.burst(connections, frameBytes, interval, warmup, seconds);
          break;
        case "idle":
          r = load.idle(connections, frameBytes, seconds);
          break;
        default:
          throw new IllegalArgumentException("--mode is open, closed, burst or idle, not '" + mode + "'");
      }
      if (durable) {
        System.out.println(DURABLE_NOTE);
      }
      Report.print(System.out, r);
    } finally {
      if (server != null) {
        server.stop();
      }
    }
  }

  private static void brink(Args args) throws Exception {
    String mode = args.string("mode", "open");
    BrinkLoad.Plan plan = new BrinkLoad.Plan(args.string("scenario", "eastern-flank-2022"),
        args.integer("games", 200), args.integer("players", 1000), args.integer("games-per-instructor", 1),
        args.number("turn-seconds", 10), args.number("submit-share", 0.5), args.flag("dove-orders", true));
    double warmup = args.number("warmup", 3);
    double seconds = args.number("seconds", 10);
    int threads = args.integer("client-threads", 2);
    double rate = args.number("rate", 5000);
    int inflight = args.integer("inflight", 1);
    String connect = args.string("connect", "");
    long pid = args.integer("server-pid", 0);
    String key = args.string("instructor-key", "bench-instructor-key");
    BrinkServerOptions server = BrinkServerOptions.from(args);
    args.requireAllUsed();
    Path work = Files.createTempDirectory("brink-bench");
    ServerProcess process = null;
    InetSocketAddress address;
    if (connect.isEmpty()) {
      process = server.start(work, key);
      address = process.address();
      pid = process.pid();
    } else {
      address = parseAddress(connect);
    }
    try (Rig rig = new Rig(threads)) {
      BrinkLoad load = new BrinkLoad(rig, address, pid, key);
      RunResult r;
      switch (mode) {
        case "open":
          r = load.open(plan, rate, warmup, seconds);
          break;
        case "closed":
          r = load.closed(plan, inflight, warmup, seconds);
          break;
        case "idle":
          r = load.idle(plan, seconds);
          break;
        default:
          throw new IllegalArgumentException("--mode is open, closed or idle, not '" + mode + "'");
      }
      Report.print(System.out, r);
    } finally {
      if (process != null) {
        process.stop();
      }
    }
  }

  private static void replay(Args args) throws Exception {
    int games = args.integer("games", 1000);
    int batch = args.integer("batch", 100);
    String reuse = args.string("data", "");
    String scenario = args.string("scenario", "eastern-flank-2022");
    int threads = args.integer("client-threads", 2);
    BrinkServerOptions server = BrinkServerOptions.from(args);
    args.requireAllUsed();
    Path work = Files.createTempDirectory("brink-bench");
    System.out.println("== replay: " + games + " games of " + scenario + " played to their end, then a restart");
    try (Rig rig = new Rig(threads)) {
      new ReplayBench(rig, server).run(scenario, games, batch, work, reuse.isEmpty() ? null : Path.of(reuse),
          System.out);
    }
    System.out.println("(data and logs in " + work + ")");
  }

  private static void suite(Args args) throws Exception {
    double scale = args.number("scale", 1);
    double warmup = args.number("warmup", 10);
    double seconds = args.number("seconds", 20);
    int inflight = args.integer("inflight", 1);
    int threads = args.integer("client-threads", 2);
    String only = args.string("only", "all");
    String replayData = args.string("replay-data", "");
    BrinkServerOptions server = BrinkServerOptions.from(args);
    args.requireAllUsed();
    Path work = Files.createTempDirectory("brink-bench");
    try (Rig rig = new Rig(threads)) {
      new Suite(rig, server, scale, warmup, seconds, inflight, work, System.out)
          .replayData(replayData.isEmpty() ? null : Path.of(replayData)).run(only);
    }
    System.out.println("(data and server logs in " + work + ")");
  }

  /** Printed above a run of the durable echo, whose report is headed like the raw echo's. */
  static final String DURABLE_NOTE = "(the durable echo: each frame written and fdatasync'd by one writer thread, "
      + "in groups, before its answer)";

  /**
   * Starts the echo server; {@code durable}: the durable echo, which makes each frame durable in a file of
   * {@code work} before its answer ({@link EchoJournal}), over {@code zeroMib} MiB of zeros written first if
   * above 0.
   */
  static ServerProcess startEcho(Path work, int replyBytes, String heap, boolean durable, int zeroMib)
      throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>();
    if (!heap.isEmpty()) {
      jvm.add("-Xmx" + heap);
    }
    // The echo runs on the generator's transport (-Dbrink.transport=nio on the generator measures NIO).
    String transport = System.getProperty(Transport.PROPERTY);
    if (transport != null) {
      jvm.add("-D" + Transport.PROPERTY + "=" + transport);
    }
    List<String> options = new ArrayList<>(List.of("--port", "0", "--reply-bytes", Integer.toString(replyBytes)));
    if (durable) {
      options.addAll(List.of("--journal", work.resolve("echo.journal").toString()));
      if (zeroMib > 0) {
        options.addAll(List.of("--zero-mib", Integer.toString(zeroMib)));
      }
    }
    return ServerProcess.start(ServerProcess.javaCommand(jvm, EchoServer.class.getName(), options),
        work.resolve(durable ? "durable-echo-server.log" : "echo-server.log"), 60);
  }

  static InetSocketAddress parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("--connect is HOST:PORT, not '" + hostPort + "'");
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
