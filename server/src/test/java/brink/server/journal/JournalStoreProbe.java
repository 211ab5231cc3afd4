package brink.server.journal;

import brink.protocol.v1.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput of the real {@link FileJournalStore} on this machine (docs/journal.md): CLIENTS
 * threads each append an entry to their game (client i plays game i mod G) and wait until it is
 * durable, as the server's request/ack loop does. Not a unit test; run it from the test classpath:
 *
 * <pre>java -cp "$(cat server/target/test-classpath.txt):server/target/classes:server/target/test-classes" \
 *     brink.server.journal.JournalStoreProbe [DIR] [SECONDS]</pre>
 */
public final class JournalStoreProbe {
  private JournalStoreProbe() {}

  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("brink-store-probe");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
    System.out.printf("directory %s, %.1f s per run%n", root, seconds);
    for (int clients : new int[] {1, 8, 64}) {
      for (int games : new int[] {1, 64}) {
        if (games > clients) {
          continue;
        }
        for (boolean fsync : new boolean[] {true, false}) {
          run(Files.createTempDirectory(root, "run"), clients, games, fsync, seconds);
        }
      }
    }
  }

  private static void run(Path dir, int clients, int games, boolean fsync, double seconds) throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    JournalOptions options = JournalFixtures.observed(dir, channel).withFsync(fsync);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    try (FileJournalStore store = FileJournalStore.open(options)) {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String gameId = "game-" + (i % games);
        Thread t = new Thread(() -> {
          int n = 0;
          while (!stop.get()) {
            JournalEntry e = JournalFixtures.entry(gameId, ++n);
            try {
              store.append(gameId, e).get(30, TimeUnit.SECONDS);
            } catch (Exception ex) {
              throw new IllegalStateException(ex);
            }
            done.incrementAndGet();
          }
        });
        threads.add(t);
        t.start();
      }
      Thread.sleep(300);
      long r0 = done.get();
      int f0 = channel.get().forces.get();
      long t0 = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long records = done.get() - r0;
      int forces = channel.get().forces.get() - f0;
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      System.out.printf("clients=%3d games=%3d fsync=%-5s records/s=%8.0f fsyncs/s=%6.0f records/fsync=%6.1f%n",
          clients, games, fsync, records / elapsed, forces / elapsed,
          forces == 0 ? 0 : (double) records / forces);
    }
  }
}
