package brink.server.journal;

import static brink.server.journal.JournalFixtures.appendDurably;
import static brink.server.journal.JournalFixtures.entry;
import static brink.server.journal.JournalFixtures.journalFile;
import static brink.server.journal.JournalFixtures.observed;
import static brink.server.journal.JournalFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalStoreTest {
  @TempDir Path dir;

  @Test
  void append_manyRecordsAcrossGamesFromManyThreads_readBackInOrderPerGameBeforeAndAfterReopen()
      throws Exception {
    int games = 8;
    int perGame = 200;
    AtomicInteger threadsMade = new AtomicInteger();
    JournalOptions opts = options(dir).withWriterThreads(r -> {
      threadsMade.incrementAndGet();
      Thread t = new Thread(r, "test-journal-writer");
      t.setDaemon(true);
      return t;
    });
    Map<String, List<JournalEntry>> expected = new TreeMap<>();
    ExecutorService gameThreads = Executors.newFixedThreadPool(games);
    try (FileJournalStore store = FileJournalStore.open(opts)) {
      List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
      for (int g = 0; g < games; g++) {
        String gameId = "game-" + g;
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 1; i <= perGame; i++) {
          entries.add(entry(gameId, i));
        }
        expected.put(gameId, entries);
        // One thread per game, as the server's game executors do; appends do not wait for each other.
        submitted.add(gameThreads.submit(() -> {
          List<CompletableFuture<Void>> futures = new ArrayList<>();
          for (JournalEntry e : entries) {
            futures.add(store.append(gameId, e));
          }
          return futures;
        }));
      }
      for (Future<List<CompletableFuture<Void>>> f : submitted) {
        CompletableFuture.allOf(f.get(30, TimeUnit.SECONDS).toArray(new CompletableFuture[0]))
            .get(30, TimeUnit.SECONDS);
      }
      assertThat(store.gameIds()).containsExactlyElementsOf(expected.keySet());
      assertReadsBack(store, expected);
    } finally {
      gameThreads.shutdown();
    }
    assertThat(threadsMade).hasValue(1);

    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.recovery().clean()).isTrue();
      assertThat(reopened.recovery().records()).isEqualTo(games * perGame);
      assertThat(reopened.recovery().games()).isEqualTo(games);
      assertReadsBack(reopened, expected);
    }
  }

  private static void assertReadsBack(JournalStore store, Map<String, List<JournalEntry>> expected) {
    List<GameJournal> all = store.readAll();
    assertThat(all).extracting(GameJournal::gameId).containsExactlyElementsOf(expected.keySet());
    for (GameJournal journal : all) {
      assertThat(journal.isCorrupt()).isFalse();
      assertThat(journal.entries()).containsExactlyElementsOf(expected.get(journal.gameId()));
      assertThat(store.read(journal.gameId())).contains(journal);
    }
  }

  @Test
  void append_futureCompletesOnlyAfterTheForceThatCoversIt() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      ObservedChannel ch = channel.get();
      ch.events.clear();
      CountDownLatch forceReached = ch.holdNextForce();
      CompletableFuture<Void> done = store.append("g1", entry("g1", 1));
      CompletableFuture<Void> seen = done.thenRun(() -> ch.events.add("completed"));

      assertThat(forceReached.await(30, TimeUnit.SECONDS)).isTrue();
      // The record is written and its fsync has started but not returned: not durable yet.
      assertThat(done).isNotDone();
      assertThat(ch.events).hasSize(1).first().asString().startsWith("write:");
      assertThat(store.read("g1")).isEmpty();

      ch.releaseForce();
      seen.get(30, TimeUnit.SECONDS);
      assertThat(ch.events).hasSize(3);
      assertThat(ch.events.get(1)).isEqualTo("force");
      assertThat(ch.events.get(2)).isEqualTo("completed");
      assertThat(store.read("g1").orElseThrow().entries()).containsExactly(entry("g1", 1));
    }
  }

  @Test
  void append_manyConcurrentAppendsDuringOneForce_shareTheNextForce() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      ObservedChannel ch = channel.get();
      int forcesBefore = ch.forces.get();
      CountDownLatch forceReached = ch.holdNextForce();
      CompletableFuture<Void> first = store.append("g0", entry("g0", 1));
      assertThat(forceReached.await(30, TimeUnit.SECONDS)).isTrue();

      // While the writer waits on that fsync, 4 threads queue 25 appends each to their own game.
      int threads = 4;
      int each = 25;
      List<CompletableFuture<Void>> queued = new CopyOnWriteArrayList<>();
      List<Thread> appenders = new ArrayList<>();
      for (int t = 1; t <= threads; t++) {
        String gameId = "g" + t;
        Thread appender = new Thread(() -> {
          for (int i = 1; i <= each; i++) {
            queued.add(store.append(gameId, entry(gameId, i)));
          }
        });
        appenders.add(appender);
        appender.start();
      }
      for (Thread appender : appenders) {
        appender.join();
      }
      assertThat(queued).hasSize(threads * each).noneMatch(CompletableFuture::isDone);
      ch.releaseForce();
      first.get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(queued.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);

      int appends = 1 + threads * each;
      int forces = ch.forces.get() - forcesBefore;
      assertThat(forces).as("fsyncs for %d appends", appends).isEqualTo(2).isLessThan(appends);
      for (int t = 1; t <= threads; t++) {
        assertThat(store.read("g" + t).orElseThrow().entries()).hasSize(each);
      }
    }
  }

  @Test
  void append_writeFails_futureFailsUnavailable_nothingIsReadable_andLaterAppendsSucceed() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      appendDurably(store, entry("g", 1));
      channel.get().failWrites = true;
      CompletableFuture<Void> failed = store.append("g", entry("g", 2));
      assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(JournalUnavailableException.class)
          .hasMessageContaining("could not write")
          .hasRootCauseMessage("injected write failure");
      assertThat(store.read("g").orElseThrow().entries()).containsExactly(entry("g", 1));

      channel.get().failWrites = false;
      appendDurably(store, entry("g", 3));
      assertThat(store.read("g").orElseThrow().entries()).containsExactly(entry("g", 1), entry("g", 3));
    }
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.recovery().clean()).isTrue();
      assertThat(reopened.read("g").orElseThrow().entries()).containsExactly(entry("g", 1), entry("g", 3));
    }
  }

  @Test
  void append_writeFailsHalfWay_partialBytesAreCutOff_andTheFileStaysClean() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    long sizeBefore;
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      appendDurably(store, entry("g", 1));
      sizeBefore = Files.size(journalFile(dir));
      channel.get().failHalfWay = true;
      CompletableFuture<Void> failed = store.append("g", entry("g", 2));
      assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(JournalUnavailableException.class);
      assertThat(channel.get().events).contains("truncate:" + sizeBefore);
      assertThat(Files.size(journalFile(dir))).isEqualTo(sizeBefore);

      channel.get().failHalfWay = false;
      appendDurably(store, entry("g", 3));
    }
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.recovery().clean()).isTrue();
      assertThat(reopened.read("g").orElseThrow().entries()).containsExactly(entry("g", 1), entry("g", 3));
    }
  }

  @Test
  void append_fsyncFails_futureFails_andEveryLaterAppendIsRefusedUntilReopen() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      appendDurably(store, entry("g", 1));
      channel.get().failForces = true;
      CompletableFuture<Void> failed = store.append("g", entry("g", 2));
      assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(JournalUnavailableException.class)
          .hasMessageContaining("fsync");

      channel.get().failForces = false;
      int writesBefore = countWrites(channel.get());
      CompletableFuture<Void> refused = store.append("other", entry("other", 1));
      assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(JournalUnavailableException.class)
          .hasMessageContaining("accepts no more writes");
      assertThat(countWrites(channel.get())).isEqualTo(writesBefore);
      assertThat(store.read("g").orElseThrow().entries()).containsExactly(entry("g", 1));
      assertThat(store.read("other")).isEmpty();
    }
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.read("g").orElseThrow().entries()).containsExactly(entry("g", 1));
      appendDurably(reopened, entry("g", 3));
    }
  }

  private static int countWrites(ObservedChannel channel) {
    return (int) channel.events.stream().filter(e -> e.startsWith("write")).count();
  }

  @Test
  void export_oneGame_roundTripsThroughReadExportAndThroughAStoreOfItsOwn() throws Exception {
    List<JournalEntry> wanted = new ArrayList<>();
    byte[] exported;
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      for (int i = 1; i <= 10; i++) {
        appendDurably(store, entry("other", i));
        JournalEntry e = entry("wanted", i);
        wanted.add(e);
        appendDurably(store, e);
      }
      exported = store.export("wanted");
    }
    GameJournal read = FileJournalStore.readExport(exported);
    assertThat(read.gameId()).isEqualTo("wanted");
    assertThat(read.isCorrupt()).isFalse();
    assertThat(read.entries()).containsExactlyElementsOf(wanted);

    Path colleague = Files.createDirectories(dir.resolve("colleague"));
    Files.write(journalFile(colleague), exported);
    try (FileJournalStore theirs = FileJournalStore.open(options(colleague))) {
      assertThat(theirs.recovery().clean()).isTrue();
      assertThat(theirs.gameIds()).containsExactly("wanted");
      assertThat(theirs.read("wanted").orElseThrow().entries()).containsExactlyElementsOf(wanted);
      // The imported game goes on where it stopped.
      JournalEntry next = entry("wanted", 11);
      appendDurably(theirs, next);
      assertThat(theirs.read("wanted").orElseThrow().entries()).endsWith(next).hasSize(11);
    }
  }

  @Test
  void export_unknownGame_saysSo() throws Exception {
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      assertThatThrownBy(() -> store.export("nope"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("nope");
    }
  }

  @Test
  void readExport_bytesThatAreNotAnExport_areRefusedWithAReason() throws Exception {
    assertThatThrownBy(() -> FileJournalStore.readExport("hello".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Brink journal export");
    byte[] twoGames;
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      appendDurably(store, entry("a", 1));
      appendDurably(store, entry("b", 1));
    }
    twoGames = Files.readAllBytes(journalFile(dir));
    assertThatThrownBy(() -> FileJournalStore.readExport(twoGames))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one game")
        .hasMessageContaining("a, b");
    byte[] cut = java.util.Arrays.copyOf(twoGames, twoGames.length - 3);
    assertThatThrownBy(() -> FileJournalStore.readExport(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void open_fileThatIsNotAJournal_isRefusedWithWhatToDo() throws Exception {
    Files.writeString(journalFile(dir), "this is somebody's notes file, not a journal");
    assertThatThrownBy(() -> FileJournalStore.open(options(dir)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Brink journal")
        .hasMessageContaining("choose another data directory");
    assertThat(Files.readString(journalFile(dir))).startsWith("this is somebody's notes");
  }

  @Test
  void open_journalAlreadyOpen_isRefusedAsInUse() throws Exception {
    try (FileJournalStore first = FileJournalStore.open(options(dir))) {
      assertThatThrownBy(() -> FileJournalStore.open(options(dir)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another Brink server");
      appendDurably(first, entry("g", 1));
    }
  }

  @Test
  void append_entryOfAnotherGame_isRejectedAsACallerBug() throws Exception {
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      assertThatThrownBy(() -> store.append("a", entry("b", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'b'").hasMessageContaining("'a'");
      assertThatThrownBy(() -> store.append("", entry("", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("non-empty game id");
      String longId = "x".repeat(256);
      assertThatThrownBy(() -> store.append(longId, entry(longId, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most 255");
    }
  }

  @Test
  void close_writesWhatWasAcceptedBeforeIt_andRefusesAppendsAfterIt() throws Exception {
    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    FileJournalStore store = FileJournalStore.open(options(dir));
    for (int i = 1; i <= 50; i++) {
      accepted.add(store.append("g", entry("g", i)));
    }
    store.close();
    CompletableFuture.allOf(accepted.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> store.append("g", entry("g", 51)).get(30, TimeUnit.SECONDS))
        .cause().isInstanceOf(JournalUnavailableException.class).hasMessageContaining("closed");
    store.close();
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.read("g").orElseThrow().entries()).hasSize(50);
    }
  }

  @Test
  void open_withFsyncOff_writesWithoutForcing() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel).withFsync(false))) {
      int forcesAfterOpen = channel.get().forces.get();
      for (int i = 1; i <= 20; i++) {
        appendDurably(store, entry("g", i));
      }
      assertThat(channel.get().forces.get()).isEqualTo(forcesAfterOpen);
      assertThat(store.read("g").orElseThrow().entries()).hasSize(20);
    }
  }
}
