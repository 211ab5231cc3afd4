package brink.server.journal;

import static brink.server.journal.JournalFixtures.appendDurably;
import static brink.server.journal.JournalFixtures.entry;
import static brink.server.journal.JournalFixtures.journalFile;
import static brink.server.journal.JournalFixtures.journalWith;
import static brink.server.journal.JournalFixtures.observed;
import static brink.server.journal.JournalFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.JournalEntry;
import brink.server.journal.RecoveryReport.CorruptGame;
import brink.server.journal.RecoveryReport.TornTail;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class JournalRecoveryTest {
  private static final List<String> GAMES = List.of("a", "b", "c");
  private static final int ROUNDS = 4;

  @TempDir Path root;
  private Path dir;
  /** Byte offset of each record, keyed "b2" = game b's second record. */
  private final Map<String, Long> offsets = new LinkedHashMap<>();
  private final Map<String, List<JournalEntry>> written = new TreeMap<>();
  private byte[] bytes;

  /** Games a, b, c interleaved (a1 b1 c1 a2 ...), each record durable before the next: one batch each. */
  @BeforeEach
  void writeJournal() throws Exception {
    dir = Files.createDirectories(root.resolve("journal"));
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      for (int i = 1; i <= ROUNDS; i++) {
        for (String g : GAMES) {
          offsets.put(g + i, Files.size(journalFile(dir)));
          JournalEntry e = entry(g, i);
          written.computeIfAbsent(g, k -> new ArrayList<>()).add(e);
          appendDurably(store, e);
        }
      }
    }
    bytes = Files.readAllBytes(journalFile(dir));
  }

  private Map<String, List<JournalEntry>> writtenWithout(String game, int... numbers) {
    Map<String, List<JournalEntry>> expected = new TreeMap<>();
    written.forEach((g, entries) -> expected.put(g, new ArrayList<>(entries)));
    for (int n : numbers) {
      expected.get(game).remove(entry(game, n));
    }
    return expected;
  }

  private static Map<String, List<JournalEntry>> readAll(JournalStore store) {
    Map<String, List<JournalEntry>> read = new TreeMap<>();
    for (GameJournal j : store.readAll()) {
      read.put(j.gameId(), j.entries());
    }
    return read;
  }

  @Test
  void open_lastRecordCutAtEveryByteOffset_cutsItOffAndKeepsEveryEarlierRecord() throws Exception {
    long lastStart = offsets.get("c" + ROUNDS);
    Map<String, List<JournalEntry>> expected = writtenWithout("c", ROUNDS);
    for (long cut = lastStart; cut < bytes.length; cut++) {
      Path torn = journalWith(root, "cut-" + cut, bytes, (int) cut);
      try (FileJournalStore store = FileJournalStore.open(options(torn))) {
        RecoveryReport report = store.recovery();
        if (cut == lastStart) {
          assertThat(report.clean()).as("cut at a record boundary").isTrue();
        } else {
          TornTail tail = report.tornTail().orElseThrow(() -> new AssertionError("no torn tail reported"));
          assertThat(tail.offset()).isEqualTo(lastStart);
          // Counted up to the last byte that is not zero: zeros at the end are read as zeros left ahead.
          assertThat(tail.bytesRemoved()).isEqualTo(nonZeroEnd(bytes, lastStart, cut) - lastStart);
          assertThat(tail.recordsDiscarded()).isZero();
          assertThat(tail.reason()).contains("byte offset " + lastStart);
          assertThat(report.corruptGames()).isEmpty();
        }
        assertThat(Files.size(journalFile(torn))).isEqualTo(lastStart);
        assertThat(report.records()).isEqualTo(GAMES.size() * ROUNDS - 1);
        assertThat(readAll(store)).isEqualTo(expected);
        // The journal goes on from the cut.
        appendDurably(store, entry("c", 99));
      }
      try (FileJournalStore again = FileJournalStore.open(options(torn))) {
        assertThat(again.recovery().clean()).isTrue();
        assertThat(again.read("c").orElseThrow().entries()).endsWith(entry("c", 99));
      }
    }
  }

  /**
   * Zeros after the last record are what the writer leaves ahead of the records (or what a crash leaves of an
   * append whose data never reached the disk, never acknowledged): the records end there, with no warning, and
   * the next record goes right after the last one, even in a store that appends.
   */
  @Test
  void open_zerosAfterTheLastRecord_areTheEndOfTheRecords_notAWarning() throws Exception {
    byte[] withZeros = Arrays.copyOf(bytes, bytes.length + 4096);
    Path zeros = journalWith(root, "zeros", withZeros, withZeros.length);
    Logger logger = (Logger) LoggerFactory.getLogger(FileJournalStore.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try (FileJournalStore store = FileJournalStore.open(options(zeros))) {
      assertThat(store.recovery().clean()).as("%s", store.recovery()).isTrue();
      assertThat(readAll(store)).isEqualTo(written);
      appendDurably(store, entry("c", 99));
    } finally {
      logger.detachAppender(logged);
    }
    assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    assertThat(Files.size(journalFile(zeros))).isEqualTo(
        bytes.length + RecordFormat.recordBytes(1, entry("c", 99).getSerializedSize()));
    try (FileJournalStore again = FileJournalStore.open(options(zeros))) {
      assertThat(again.recovery().clean()).isTrue();
      assertThat(again.read("c").orElseThrow().entries()).endsWith(entry("c", 99));
    }
  }

  @Test
  void open_fileHeaderItselfTorn_startsAnEmptyJournalAndSaysSo() throws Exception {
    Path torn = journalWith(root, "torn-magic", bytes, 3);
    try (FileJournalStore store = FileJournalStore.open(options(torn))) {
      assertThat(store.recovery().tornTail()).get().extracting(TornTail::reason).asString()
          .contains("file header");
      assertThat(store.gameIds()).isEmpty();
      appendDurably(store, entry("a", 1));
    }
    try (FileJournalStore again = FileJournalStore.open(options(torn))) {
      assertThat(again.recovery().clean()).isTrue();
      assertThat(again.read("a").orElseThrow().entries()).containsExactly(entry("a", 1));
    }
  }

  @Test
  void open_payloadCrcFailsInTheMiddle_marksOnlyThatGameCorrupt_withOffsetAndGameId() throws Exception {
    long b2 = offsets.get("b2");
    byte[] damaged = bytes.clone();
    damaged[(int) (b2 + RecordFormat.headerBytes(1) + 2)] ^= 0x40;
    Path broken = journalWith(root, "payload", damaged, damaged.length);
    try (FileJournalStore store = FileJournalStore.open(options(broken))) {
      RecoveryReport report = store.recovery();
      assertThat(report.tornTail()).isEmpty();
      assertThat(report.corruptGames()).hasSize(1);
      CorruptGame corrupt = report.corruptGames().get(0);
      assertThat(corrupt.gameId()).isEqualTo("b");
      assertThat(corrupt.offset()).isEqualTo(b2);
      assertThat(corrupt.message()).contains("game b").contains("byte offset " + b2).contains("checksum");

      Map<String, List<JournalEntry>> read = readAll(store);
      assertThat(read.get("a")).isEqualTo(written.get("a"));
      assertThat(read.get("c")).isEqualTo(written.get("c"));
      GameJournal b = store.read("b").orElseThrow();
      assertThat(b.isCorrupt()).isTrue();
      assertThat(b.corruption()).contains(corrupt.message());
      assertThat(b.entries()).isEqualTo(writtenWithout("b", 2).get("b"));

      assertThatThrownBy(() -> store.export("b")).isInstanceOf(CorruptGameException.class)
          .hasMessageContaining("byte offset " + b2);
      CompletableFuture<Void> refused = store.append("b", entry("b", 5));
      assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause()
          .isInstanceOf(CorruptGameException.class);
      appendDurably(store, entry("a", 5));
      assertThat(FileJournalStore.readExport(store.export("a")).entries()).endsWith(entry("a", 5));
    }
  }

  @Test
  void open_headerUnreadableInTheMiddle_findsTheNextRecord_andMarksTheGameWithTheGapCorrupt() throws Exception {
    long b2 = offsets.get("b2");
    byte[] damaged = bytes.clone();
    damaged[(int) (b2 + RecordFormat.FIXED_HEADER_BYTES)] ^= 0x01; // the game id "b" becomes "c"
    Path broken = journalWith(root, "header", damaged, damaged.length);
    try (FileJournalStore store = FileJournalStore.open(options(broken))) {
      RecoveryReport report = store.recovery();
      assertThat(report.tornTail()).isEmpty();
      assertThat(report.corruptGames()).extracting(CorruptGame::gameId).containsExactly("b");
      CorruptGame corrupt = report.corruptGames().get(0);
      assertThat(corrupt.offset()).isEqualTo(b2);
      assertThat(corrupt.message()).contains("records 2..2 are missing")
          .contains("byte offset " + offsets.get("b3"));
      assertThat(report.warnings()).singleElement().asString()
          .contains("bytes " + b2 + ".." + offsets.get("c2"));

      Map<String, List<JournalEntry>> read = readAll(store);
      assertThat(read.get("a")).isEqualTo(written.get("a"));
      assertThat(read.get("c")).isEqualTo(written.get("c"));
      assertThat(read.get("b")).isEqualTo(writtenWithout("b", 2).get("b"));
    }
  }

  @Test
  void open_payloadDamagedInTheLastBatch_isTreatedAsAnUnfinishedWriteAndCutOff() throws Exception {
    long last = offsets.get("c" + ROUNDS);
    byte[] damaged = bytes.clone();
    damaged[damaged.length - 6] ^= 0x10;
    Path broken = journalWith(root, "last", damaged, damaged.length);
    try (FileJournalStore store = FileJournalStore.open(options(broken))) {
      assertThat(store.recovery().corruptGames()).isEmpty();
      assertThat(store.recovery().tornTail()).get().extracting(TornTail::offset).isEqualTo(last);
      assertThat(readAll(store)).isEqualTo(writtenWithout("c", ROUNDS));
    }
  }

  /**
   * A batch of three records (b5, c5, a5) written with one fsync, after a lone record d1. Cutting
   * inside the batch, or just before its last record, drops the whole batch.
   */
  @Test
  void open_lastBatchOfSeveralRecordsTorn_dropsTheWholeBatch() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    long batchStart;
    List<Long> recordEnds = new ArrayList<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel))) {
      CountDownLatch held = channel.get().holdNextForce();
      CompletableFuture<Void> lone = store.append("d", entry("d", 1));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      batchStart = Files.size(journalFile(dir));
      List<CompletableFuture<Void>> batch = new ArrayList<>();
      long end = batchStart;
      for (String g : List.of("b", "c", "a")) {
        JournalEntry e = entry(g, 5);
        end += RecordFormat.recordBytes(1, e.getSerializedSize());
        recordEnds.add(end);
        batch.add(store.append(g, e));
      }
      channel.get().releaseForce();
      lone.get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(batch.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    }
    byte[] full = Files.readAllBytes(journalFile(dir));
    assertThat((long) full.length).isEqualTo(recordEnds.get(2));
    Map<String, List<JournalEntry>> expected = new TreeMap<>(written);
    expected.put("d", List.of(entry("d", 1)));

    // Cut in the middle of c5: b5 is complete but its batch is not.
    Path middle = journalWith(root, "middle", full, (int) (recordEnds.get(0) + 10));
    try (FileJournalStore store = FileJournalStore.open(options(middle))) {
      TornTail tail = store.recovery().tornTail().orElseThrow();
      assertThat(tail.offset()).isEqualTo(batchStart);
      assertThat(tail.recordsDiscarded()).isEqualTo(1);
      assertThat(readAll(store)).isEqualTo(expected);
    }
    // Cut exactly before a5: no damaged byte, but the batch's end mark never arrived.
    Path noEnd = journalWith(root, "no-end", full, (int) (long) recordEnds.get(1));
    try (FileJournalStore store = FileJournalStore.open(options(noEnd))) {
      TornTail tail = store.recovery().tornTail().orElseThrow();
      assertThat(tail.offset()).isEqualTo(batchStart);
      assertThat(tail.recordsDiscarded()).isEqualTo(2);
      assertThat(tail.reason()).contains("end mark");
      assertThat(readAll(store)).isEqualTo(expected);
    }
    // The whole batch: nothing to cut.
    Path whole = journalWith(root, "whole", full, full.length);
    try (FileJournalStore store = FileJournalStore.open(options(whole))) {
      assertThat(store.recovery().clean()).isTrue();
      assertThat(store.recovery().records()).isEqualTo(GAMES.size() * ROUNDS + 4);
    }
  }

  /** The offset after the last byte of {@code bytes[from, to)} that is not zero, or {@code from}. */
  private static long nonZeroEnd(byte[] bytes, long from, long to) {
    for (long i = to; i > from; i--) {
      if (bytes[(int) i - 1] != 0) {
        return i;
      }
    }
    return from;
  }
}
