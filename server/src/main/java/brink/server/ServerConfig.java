package brink.server;

import brink.server.journal.ChannelOpener;
import brink.server.journal.JournalOptions;
import brink.server.time.Scheduler;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Everything a {@link BrinkServer} can be told, with its defaults in one place ({@link #defaults()}) and
 * impossible combinations refused with a precise message. Tests inject the scheduler (clock and timers)
 * and the random source; production leaves them empty (system clock, SecureRandom).
 *
 * @param bind the address to listen on
 * @param port the port (0 = any free port)
 * @param dataDir where the journal and the instructor key live
 * @param scenarioDir extra scenario files (*.txtpb) offered by id besides the bundled ones
 * @param instructorKey the key instructors give in Hello; empty = read (or create) dataDir/instructor.key
 * @param helloTimeout how long a connection may stay without Hello
 * @param idleTimeout how long a connection may stay silent (clients Ping more often than this)
 * @param slowReaderGrace how long a connection may stay over the high water mark before it is dropped; also
 *     how long a connection told its final word stays open for the client to read it (the linger time)
 * @param writeBufferLow the low water mark of a connection's unsent bytes
 * @param writeBufferHigh the high water mark
 * @param socketSendBuffer the kernel's send buffer of each connection in bytes (SO_SNDBUF); 0 = the kernel's
 *     own sizing, which grows it up to net.ipv4.tcp_wmem's maximum (4 MiB on most machines, more on some)
 * @param rateBurst requests a connection may send at once
 * @param ratePerSecond requests a connection may send per second, sustained
 * @param floodRefusals requests a connection may send within {@link #FLOOD_WINDOW} before the time a rate
 *     limit refusal told it to wait (each is refused too); one more and it is disconnected
 *     (DISCONNECT_FLOODING)
 * @param gameThreads threads running games (each game still runs on one at a time)
 * @param fsync false only for benchmarks: acknowledged changes could be lost in a crash
 * @param journalPreallocation the journal grows in steps of this many bytes of zeros written ahead of its
 *     records, so that a change's fsync does not grow the file; 0 appends ({@link
 *     JournalOptions#preallocateBytes})
 * @param scheduler the clock and timers; empty = the system's
 * @param random the source of codes, tokens and seeds; empty = a SecureRandom
 * @param journalChannels how the journal file is opened; empty = the standard way. Tests pass one whose
 *     channel fails writes or fsyncs, to see the server on a full or failing disk.
 */
public record ServerConfig(
    String bind,
    int port,
    Path dataDir,
    Optional<Path> scenarioDir,
    String instructorKey,
    Duration helloTimeout,
    Duration idleTimeout,
    Duration slowReaderGrace,
    int writeBufferLow,
    int writeBufferHigh,
    int socketSendBuffer,
    int rateBurst,
    double ratePerSecond,
    int floodRefusals,
    int gameThreads,
    boolean fsync,
    int journalPreallocation,
    Optional<Scheduler> scheduler,
    Optional<Random> random,
    Optional<ChannelOpener> journalChannels) {

  /** The port Brink listens on by default. */
  public static final int DEFAULT_PORT = 7447;
  /**
   * Every interface: a classroom server exists to be reached from the students' machines, and nothing
   * beyond Hello and Ping is possible without a join code or the instructor key.
   */
  public static final String DEFAULT_BIND = "0.0.0.0";
  /**
   * Requests sent too early (before the retry_after_millis of a refusal) a connection may make within
   * {@link #FLOOD_WINDOW} by default. A client that waits as it is told makes none; one that pipelines makes
   * one per request already on its way when the first refusal came, far fewer than 100.
   */
  public static final int DEFAULT_FLOOD_REFUSALS = 100;
  /** The window of {@link #floodRefusals}: that many early requests are forgiven every 10 seconds. */
  public static final Duration FLOOD_WINDOW = Duration.ofSeconds(10);

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(scenarioDir, "scenarioDir");
    Objects.requireNonNull(instructorKey, "instructorKey");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(journalChannels, "journalChannels");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535 (0 = any free port), not " + port);
    }
    positive(helloTimeout, "the hello timeout");
    positive(idleTimeout, "the idle timeout");
    positive(slowReaderGrace, "the slow-reader grace");
    if (writeBufferLow < 1 || writeBufferHigh <= writeBufferLow) {
      throw new IllegalArgumentException("write buffer water marks need 0 < low < high, got " + writeBufferLow
          + " and " + writeBufferHigh);
    }
    if (socketSendBuffer < 0) {
      throw new IllegalArgumentException("the socket send buffer is 0 (the kernel's sizing) or a number of "
          + "bytes, not " + socketSendBuffer);
    }
    if (rateBurst < 1 || !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("the rate limit needs a burst >= 1 and a rate > 0");
    }
    if (floodRefusals < 1) {
      throw new IllegalArgumentException("the flood limit needs at least 1 refused request, not " + floodRefusals);
    }
    if (journalPreallocation < 0) {
      throw new IllegalArgumentException("the journal's preallocation is 0 (append) or a number of bytes, not "
          + journalPreallocation);
    }
    if (gameThreads < 1) {
      throw new IllegalArgumentException("at least one game thread is needed, not " + gameThreads);
    }
    if (!instructorKey.isEmpty() && instructorKey.length() < 8) {
      throw new IllegalArgumentException("an instructor key has at least 8 characters");
    }
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, not " + d);
    }
  }

  /**
   * The defaults: port 7447 on every interface, ./brink-data, 10 s hello, 90 s idle, fsync on, 1 MiB of zeros
   * ahead of the journal's records.
   */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, Path.of("brink-data"), Optional.empty(), "",
        Duration.ofSeconds(10), Duration.ofSeconds(90), Duration.ofSeconds(10), 1 << 20, 4 << 20, 0, 60, 20,
        DEFAULT_FLOOD_REFUSALS, Math.max(2, Runtime.getRuntime().availableProcessors()), true,
        JournalOptions.DEFAULT_PREALLOCATE_BYTES, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ServerConfig withAddress(String newBind, int newPort) {
    return new ServerConfig(newBind, newPort, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(bind, port, dir, scenarioDir, instructorKey, helloTimeout, idleTimeout, slowReaderGrace,
        writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals, gameThreads,
        fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withScenarioDir(Path dir) {
    return new ServerConfig(bind, port, dataDir, Optional.ofNullable(dir), instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withInstructorKey(String key) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, key, helloTimeout, idleTimeout, slowReaderGrace,
        writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals, gameThreads,
        fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withTimeouts(Duration hello, Duration idle, Duration slowReader) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, hello, idle, slowReader, writeBufferLow,
        writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals, gameThreads, fsync,
        journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withWriteBuffer(int low, int high) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, low, high, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals, gameThreads, fsync,
        journalPreallocation, scheduler, random, journalChannels);
  }

  /** The kernel send buffer of each connection (SO_SNDBUF), 0 for the kernel's own sizing. */
  public ServerConfig withSocketSendBuffer(int bytes) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, bytes, rateBurst, ratePerSecond, floodRefusals, gameThreads,
        fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withRateLimit(int burst, double perSecond) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, burst, perSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  /** Early requests within {@link #FLOOD_WINDOW} before a connection is disconnected for flooding. */
  public ServerConfig withFloodRefusals(int refusals) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, refusals,
        gameThreads, fsync, journalPreallocation, scheduler, random, journalChannels);
  }

  public ServerConfig withFsync(boolean value) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, value, journalPreallocation, scheduler, random, journalChannels);
  }

  /** The journal's zeros ahead of its records, in bytes; 0 appends. */
  public ServerConfig withJournalPreallocation(int bytes) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, bytes, scheduler, random, journalChannels);
  }

  public ServerConfig withScheduler(Scheduler s) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, Optional.of(s), random, journalChannels);
  }

  public ServerConfig withRandom(Random r) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, scheduler, Optional.of(r), journalChannels);
  }

  public ServerConfig withJournalChannels(ChannelOpener opener) {
    return new ServerConfig(bind, port, dataDir, scenarioDir, instructorKey, helloTimeout, idleTimeout,
        slowReaderGrace, writeBufferLow, writeBufferHigh, socketSendBuffer, rateBurst, ratePerSecond, floodRefusals,
        gameThreads, fsync, journalPreallocation, scheduler, random, Optional.of(opener));
  }

  /** The random source: the injected one, or a new SecureRandom. */
  Random randomOrSecure() {
    return random.orElseGet(SecureRandom::new);
  }
}
