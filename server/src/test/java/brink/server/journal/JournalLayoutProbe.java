package brink.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurement behind the journal's layout (docs/journal.md): how many records per second one
 * group-commit writer makes durable with one shared log, and with one file per game, on this
 * machine. Not a unit test (it takes seconds and its numbers depend on the disk); it uses only the
 * JDK, so it runs as a single source file:
 *
 * <pre>java server/src/test/java/brink/server/journal/JournalLayoutProbe.java [DIR] [SECONDS]</pre>
 *
 * <p>Each of 64 client threads appends one 200-byte record to its game (client i plays game i mod
 * G) and waits until the writer says it is durable, then appends the next: the request/ack loop of
 * the server. The writer drains everything queued, writes it, then calls {@code force} once on the
 * shared log, or once on every game file the batch touched.
 */
public final class JournalLayoutProbe {
  private static final int CLIENTS = 64;
  private static final int RECORD_BYTES = 200;

  private JournalLayoutProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("brink-journal-probe");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
    Files.createDirectories(dir);
    System.out.printf("directory %s, %.1f s per run, %d clients, %d-byte records%n",
        dir, seconds, CLIENTS, RECORD_BYTES);
    System.out.printf("raw fsync rate (write 64 B + force, one file): %.0f /s%n", fsyncRate(dir, seconds));
    for (int games : new int[] {1, 8, 64}) {
      for (boolean shared : new boolean[] {true, false}) {
        Result r = run(dir, shared, games, seconds);
        System.out.printf("%-9s games=%3d  records/s=%8.0f  forces/s=%6.0f  records/batch=%5.1f%n",
            shared ? "shared" : "per-game", games, r.recordsPerSecond, r.forcesPerSecond,
            r.recordsPerBatch);
      }
    }
  }

  static double fsyncRate(Path dir, double seconds) throws IOException {
    Path file = dir.resolve("fsync-probe.bin");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.allocate(64);
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      long n = 0;
      while (System.nanoTime() < end) {
        buf.clear();
        ch.write(buf);
        ch.force(false);
        n++;
      }
      return n / ((System.nanoTime() - start) / 1e9);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Pending(int game, CompletableFuture<Void> done) {}

  private record Result(double recordsPerSecond, double forcesPerSecond, double recordsPerBatch) {}

  static Result run(Path dir, boolean shared, int games, double seconds) throws Exception {
    Path runDir = Files.createTempDirectory(dir, shared ? "shared" : "per-game");
    LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong records = new AtomicLong();
    AtomicLong forces = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    Map<Integer, FileChannel> channels = new HashMap<>();
    Thread writer = new Thread(() -> {
      List<Pending> batch = new ArrayList<>();
      ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES);
      try {
        while (!stop.get()) {
          Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch);
          List<FileChannel> touched = new ArrayList<>();
          for (Pending p : batch) {
            int key = shared ? 0 : p.game();
            FileChannel ch = channels.get(key);
            if (ch == null) {
              ch = FileChannel.open(runDir.resolve("g" + key + ".log"), StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE, StandardOpenOption.APPEND);
              channels.put(key, ch);
            }
            record.clear();
            ch.write(record);
            if (!touched.contains(ch)) {
              touched.add(ch);
            }
          }
          for (FileChannel ch : touched) {
            ch.force(false);
            forces.incrementAndGet();
          }
          batches.incrementAndGet();
          for (Pending p : batch) {
            p.done().complete(null);
          }
          records.addAndGet(batch.size());
          batch.clear();
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, "probe-writer");
    writer.start();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int game = i % games;
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          CompletableFuture<Void> done = new CompletableFuture<>();
          queue.add(new Pending(game, done));
          done.join();
        }
      }, "probe-client-" + i);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
    // Warm up, then count.
    Thread.sleep(300);
    long r0 = records.get();
    long f0 = forces.get();
    long b0 = batches.get();
    long t0 = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long r = records.get() - r0;
    long f = forces.get() - f0;
    long b = batches.get() - b0;
    stop.set(true);
    writer.join();
    // Release clients still waiting on a record the writer will never write.
    for (Pending p; (p = queue.poll()) != null; ) {
      p.done().complete(null);
    }
    for (FileChannel ch : channels.values()) {
      ch.close();
    }
    try (var files = Files.list(runDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(runDir);
    return new Result(r / elapsed, f / elapsed, b == 0 ? 0 : (double) r / b);
  }
}
