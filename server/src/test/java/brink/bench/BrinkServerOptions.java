package brink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the load generator starts the Brink server it measures: the shaded jar in its own JVM, as
 * {@code ./brink server} runs it, on loopback, with a fresh data folder per run.
 *
 * @param jar the server's jar (server/target/brink-server.jar)
 * @param fsync the journal's fsync (--journal-fsync)
 * @param rateLimit --rate-limit BURST/PER_SECOND, or empty for the server's default (60/20)
 * @param heap -Xmx for the server's JVM, or empty for the JVM's default
 */
record BrinkServerOptions(Path jar, boolean fsync, String rateLimit, String heap) {

  static BrinkServerOptions from(Args args) {
    return new BrinkServerOptions(Path.of(args.string("server-jar", "server/target/brink-server.jar")),
        args.flag("journal-fsync", true), args.string("rate-limit", ""), args.string("server-heap", ""));
  }

  BrinkServerOptions withFsync(boolean value) {
    return new BrinkServerOptions(jar, value, rateLimit, heap);
  }

  BrinkServerOptions withRateLimit(String value) {
    return new BrinkServerOptions(jar, fsync, value, heap);
  }

  BrinkServerOptions withHeap(String value) {
    return new BrinkServerOptions(jar, fsync, rateLimit, value);
  }

  List<String> command(Path data, String instructorKey) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath() + "; build it with "
          + "mvn -o package -pl server -am -DskipTests (bench/run-load.sh does)");
    }
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!heap.isEmpty()) {
      c.add("-Xmx" + heap);
    }
    // Extra JVM options for the measured server, e.g. a flight recording:
    // BENCH_SERVER_JAVA_OPTS="-XX:StartFlightRecording=duration=30s,filename=/tmp/s.jfr,settings=profile"
    String extra = System.getenv().getOrDefault("BENCH_SERVER_JAVA_OPTS", "").strip();
    if (!extra.isEmpty()) {
      c.addAll(List.of(extra.split("\\s+")));
    }
    c.add("-jar");
    c.add(jar.toString());
    c.addAll(List.of("--port", "0", "--bind", "127.0.0.1", "--data", data.toString(), "--instructor-key",
        instructorKey, "--journal-fsync=" + fsync));
    if (!rateLimit.isEmpty()) {
      c.add("--rate-limit=" + rateLimit);
    }
    // Extra flags for the measured server, e.g. the journal appending instead of writing zeros ahead:
    // BENCH_SERVER_ARGS="--journal-preallocate-kib=0"
    String flags = System.getenv().getOrDefault("BENCH_SERVER_ARGS", "").strip();
    if (!flags.isEmpty()) {
      c.addAll(List.of(flags.split("\\s+")));
    }
    return c;
  }

  /** Starts a server on a fresh data folder under {@code work}. */
  ServerProcess start(Path work, String instructorKey) throws IOException, InterruptedException {
    Path data = Files.createTempDirectory(work, "data");
    return startOn(data, work.resolve(data.getFileName() + ".log"), instructorKey);
  }

  /** Starts a server on {@code data} (a restart, for recovery), its log in {@code log}. */
  ServerProcess startOn(Path data, Path log, String instructorKey) throws IOException, InterruptedException {
    return ServerProcess.start(command(data, instructorKey), log, 600);
  }
}
