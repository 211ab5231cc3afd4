package brink.server.journal;

import static brink.server.journal.JournalFixtures.appendDurably;
import static brink.server.journal.JournalFixtures.entry;
import static brink.server.journal.JournalFixtures.journalFile;
import static brink.server.journal.JournalFixtures.journalWith;
import static brink.server.journal.JournalFixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.JournalEntry;
import brink.server.journal.RecoveryReport.TornTail;
import brink.server.testkit.FaultyDisk;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal with zeros written ahead of its records (the default; docs/journal.md, "Zeros ahead of the
 * records"): the file grows in steps, a batch inside the zeros only overwrites them, a crash leaves a zero tail
 * that a reopen reads as the end of the records, and a write torn inside the zeros is found and cut off as an
 * append's would be.
 */
class PreallocatedJournalTest {
  /** A small step, so that a few records cross it. */
  private static final int STEP = 4096;

  @TempDir Path root;

  private static JournalOptions zerosAhead(Path dir) {
    return JournalOptions.defaults(dir).withPreallocation(STEP);
  }

  private static long recordBytes(JournalEntry e) {
    return RecordFormat.recordBytes(RecordFormat.gameIdBytes(e.getGameId()).length, e.getSerializedSize());
  }

  private static List<JournalEntry> entries(String game, int from, int to) {
    List<JournalEntry> list = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      list.add(entry(game, i));
    }
    return list;
  }

  /** Appends each entry durably (one batch each); returns where the records end. */
  private static long appendEach(JournalStore store, List<JournalEntry> entries, long end) throws Exception {
    for (JournalEntry e : entries) {
      appendDurably(store, e);
      end += recordBytes(e);
    }
    return end;
  }

  private static void encode(ByteBuffer dst, boolean endOfBatch, long batch, long seq, JournalEntry e) {
    byte[] payload = e.toByteArray();
    RecordFormat.encode(dst, endOfBatch, batch, seq, RecordFormat.gameIdBytes(e.getGameId()), payload,
        RecordFormat.crc(payload, 0, payload.length));
  }

  /** One step of a journal: its magic, then record a1 (batch 1, ended), then zeros. */
  private static ByteBuffer stepWithA1() {
    ByteBuffer file = ByteBuffer.allocate(STEP);
    file.put(RecordFormat.FILE_MAGIC);
    encode(file, true, 1, 1, entry("a", 1));
    return file;
  }

  @Test
  void append_growsTheFileInStepsOfZeros_andAfterACrashTheNextRecordGoesRightAfterTheLastOne() throws Exception {
    Path dir = root.resolve("journal");
    List<JournalEntry> written = entries("a", 1, 5);
    long end;
    byte[] crashed;
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      end = appendEach(store, written, RecordFormat.FILE_MAGIC.length);
      crashed = Files.readAllBytes(journalFile(dir)); // what a crash would leave on disk
    }
    assertThat(crashed.length % STEP).as("the file grows in whole steps").isZero();
    assertThat((long) crashed.length).isGreaterThan(end);
    assertThat(Arrays.copyOfRange(crashed, (int) end, crashed.length)).as("zeros after the records")
        .containsOnly((byte) 0);
    assertThat(Files.size(journalFile(dir))).as("a clean close cuts the zeros off").isEqualTo(end);

    Path after = journalWith(root, "crashed", crashed, crashed.length);
    JournalEntry sixth = entry("a", 6);
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(after))) {
      assertThat(store.recovery().clean()).as("the zeros are not damage: %s", store.recovery()).isTrue();
      assertThat(store.read("a").orElseThrow().entries()).isEqualTo(written);
      appendDurably(store, sixth);
    }
    assertThat(Files.size(journalFile(after))).as("the sixth record went right after the fifth, not after the zeros")
        .isEqualTo(end + recordBytes(sixth));
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(after))) {
      assertThat(store.recovery().clean()).isTrue();
      assertThat(store.read("a").orElseThrow().entries()).endsWith(written.get(4), sixth).hasSize(6);
    }
  }

  @Test
  void append_whileIdle_writesTheNextZerosAhead_soTheBatchesThatFollowOnlyOverwrite() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    Path dir = root.resolve("journal");
    try (FileJournalStore store = FileJournalStore.open(observed(zerosAhead(dir), channel))) {
      long end = RecordFormat.FILE_MAGIC.length;
      int n = 0;
      while (end <= STEP / 2) {
        n++;
        end = appendEach(store, List.of(entry("a", n)), end);
      }
      // Fewer than half a step of zeros is left ahead: with nothing queued the writer writes the next step
      // (4,096 bytes of zeros at 4,096) and makes it durable.
      ObservedChannel c = channel.get();
      int zeros = c.awaitEvent("write:" + STEP, 0);
      c.awaitEvent("force", zeros + 1);
      assertThat(Files.size(journalFile(dir))).isEqualTo(2L * STEP);

      int before = c.events.size();
      JournalEntry next = entry("a", n + 1);
      appendDurably(store, next);
      assertThat(c.events.subList(before, c.events.size()))
          .as("a batch inside the zeros is one write of its records and one fsync")
          .containsExactly("write:" + recordBytes(next), "force");
      assertThat(Files.size(journalFile(dir))).isEqualTo(2L * STEP);
    }
  }

  @Test
  void append_zerosAheadFailToSync_everyLaterAppendIsRefusedUntilReopened_andNothingAcknowledgedIsLost()
      throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    Path dir = root.resolve("journal");
    List<JournalEntry> acknowledged = new ArrayList<>();
    try (FileJournalStore store = FileJournalStore.open(observed(zerosAhead(dir), channel))) {
      long end = RecordFormat.FILE_MAGIC.length;
      int n = 1;
      while (end + recordBytes(entry("a", n)) <= STEP / 2) {
        acknowledged.add(entry("a", n));
        end = appendEach(store, List.of(entry("a", n)), end);
        n++;
      }
      // The writer is idle with more than half a step of zeros ahead. The next record crosses the half:
      // its own fsync works, the fsync of the zeros written after it fails.
      ObservedChannel c = channel.get();
      c.failForceCall = c.forceCalls.get() + 2;
      acknowledged.add(entry("a", n));
      appendEach(store, List.of(entry("a", n)), end);
      c.awaitEvent("force-failed", 0);
      CompletableFuture<Void> refused = store.append("a", entry("a", n + 1));
      assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause()
          .isInstanceOf(JournalUnavailableException.class)
          .satisfies(e -> assertThat(((JournalUnavailableException) e).untilRestart()).isTrue());
    }
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      assertThat(store.read("a").orElseThrow().entries()).isEqualTo(acknowledged);
      appendDurably(store, entry("a", 99));
    }
  }

  @Test
  void open_lastRecordTornInsideTheZeros_atEveryByteOffset_isCutOff_andTheJournalGoesOn() throws Exception {
    Path dir = root.resolve("journal");
    List<JournalEntry> kept = new ArrayList<>();
    byte[] crashed;
    long lastStart;
    long lastEnd;
    JournalEntry last = entry("c", 1);
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      for (int i = 1; i <= 2; i++) {
        kept.add(entry("a", i));
        kept.add(entry("b", i));
      }
      lastStart = appendEach(store, kept, RecordFormat.FILE_MAGIC.length);
      lastEnd = appendEach(store, List.of(last), lastStart);
      crashed = Files.readAllBytes(journalFile(dir));
    }
    assertThat((long) crashed.length).isGreaterThan(lastEnd);
    // The disk kept the record's first bytes and not the rest ("tail"), or the rest and not its first bytes
    // ("head"): pages of one write reach the disk in any order.
    for (String lost : List.of("tail", "head")) {
      for (long at = lastStart; at < lastEnd; at++) {
        byte[] torn = crashed.clone();
        if (lost.equals("tail")) {
          Arrays.fill(torn, (int) at, (int) lastEnd, (byte) 0);
        } else {
          Arrays.fill(torn, (int) lastStart, (int) at + 1, (byte) 0);
        }
        String name = lost + "-" + at;
        boolean intact = Arrays.equals(torn, crashed); // the bytes lost were zeros already
        boolean nothingLeft = isZero(torn, lastStart, lastEnd);
        Path dirOfTorn = journalWith(root, name, torn, torn.length);
        List<JournalEntry> expected = new ArrayList<>(kept);
        if (intact) {
          expected.add(last);
        }
        try (FileJournalStore store = FileJournalStore.open(zerosAhead(dirOfTorn))) {
          RecoveryReport report = store.recovery();
          if (intact || nothingLeft) {
            assertThat(report.clean()).as("%s: the record is whole, or none of it reached the disk", name).isTrue();
          } else {
            TornTail tail = report.tornTail().orElseThrow(() -> new AssertionError(name + ": no torn tail"));
            assertThat(tail.offset()).as(name).isEqualTo(lastStart);
            assertThat(tail.bytesRemoved()).as(name).isBetween(1L, lastEnd - lastStart);
            assertThat(tail.recordsDiscarded()).as(name).isZero();
            assertThat(report.corruptGames()).as(name).isEmpty();
            assertThat(report.warnings()).as(name).isEmpty();
          }
          List<JournalEntry> read = new ArrayList<>();
          store.readAll().forEach(j -> read.addAll(j.entries()));
          assertThat(read).as(name).containsExactlyInAnyOrderElementsOf(expected);
          appendDurably(store, entry("c", 99));
        }
        assertThat(Files.size(journalFile(dirOfTorn))).as("%s: the next record went where the torn one was", name)
            .isEqualTo((intact ? lastEnd : lastStart) + recordBytes(entry("c", 99)));
      }
    }
  }

  private static boolean isZero(byte[] bytes, long from, long to) {
    for (long i = from; i < to; i++) {
      if (bytes[(int) i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void open_lastBatchWithoutItsEndMark_insideTheZeros_isDroppedWhole() throws Exception {
    ByteBuffer file = stepWithA1();
    long batchStart = file.position();
    // Batch 2 was b1 then c1; c1, which carried the end mark, never reached the disk.
    encode(file, false, 2, 1, entry("b", 1));
    Path dir = journalWith(root, "torn-batch", file.array(), STEP);
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      TornTail tail = store.recovery().tornTail().orElseThrow();
      assertThat(tail.offset()).isEqualTo(batchStart);
      assertThat(tail.recordsDiscarded()).isEqualTo(1);
      assertThat(tail.reason()).contains("end mark is missing");
      assertThat(store.gameIds()).containsExactly("a");
    }
    assertThat(Files.size(journalFile(dir))).isEqualTo(batchStart);
  }

  @Test
  void open_zerosFollowedByALaterBatch_areDamageInTheMiddle_notTheEndOfTheRecords() throws Exception {
    ByteBuffer file = stepWithA1();
    long hole = file.position();
    file.position(file.position() + 64);
    encode(file, true, 2, 2, entry("a", 2));
    encode(file, true, 3, 1, entry("b", 1));
    Path dir = journalWith(root, "hole", file.array(), STEP);
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      RecoveryReport report = store.recovery();
      assertThat(report.tornTail()).isEmpty();
      assertThat(report.warnings()).singleElement().asString().contains("bytes " + hole + ".." + (hole + 64));
      assertThat(store.read("a").orElseThrow().entries()).containsExactly(entry("a", 1), entry("a", 2));
      assertThat(store.read("b").orElseThrow().entries()).containsExactly(entry("b", 1));
    }
  }

  @Test
  void open_bytesThatAreNoRecordBetweenZeros_areATornTail_endingAtTheirLastByte() throws Exception {
    ByteBuffer file = stepWithA1();
    long end = file.position();
    file.position(file.position() + 32);
    file.put("garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Path dir = journalWith(root, "garbage", file.array(), STEP);
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      TornTail tail = store.recovery().tornTail().orElseThrow();
      assertThat(tail.offset()).isEqualTo(end);
      assertThat(tail.bytesRemoved()).as("up to the last byte that is not zero").isEqualTo(32 + 8);
      assertThat(tail.reason()).contains("bad record marker");
      assertThat(store.read("a").orElseThrow().entries()).containsExactly(entry("a", 1));
    }
    assertThat(Files.size(journalFile(dir))).isEqualTo(end);
  }

  @Test
  void diskFull_recordsStillGoIntoTheZerosAhead_thenOneThatNeedsMoreFailsAndIsUndone() throws Exception {
    Path dir = root.resolve("journal");
    FaultyDisk disk = new FaultyDisk();
    List<JournalEntry> acknowledged = new ArrayList<>(entries("a", 1, 1));
    JournalEntry refused = null;
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir).withChannelOpener(disk))) {
      long end = appendEach(store, acknowledged, RecordFormat.FILE_MAGIC.length);
      assertThat(Files.size(journalFile(dir))).isEqualTo(STEP);
      disk.free(0);
      for (int i = 2; refused == null; i++) {
        JournalEntry e = entry("a", i);
        CompletableFuture<Void> done = store.append("a", e);
        if (end + recordBytes(e) <= STEP) {
          done.get(30, TimeUnit.SECONDS);
          acknowledged.add(e);
          end += recordBytes(e);
        } else {
          assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS)).cause()
              .isInstanceOf(JournalUnavailableException.class).hasMessageContaining(FaultyDisk.ENOSPC);
          refused = e;
        }
      }
      assertThat(acknowledged).as("records written into the zeros while the disk was full").hasSizeGreaterThan(10);
      assertThat(disk.fullWrites.get()).isPositive();
      disk.emptied();
      JournalEntry again = entry("a", 500);
      appendDurably(store, again);
      acknowledged.add(again);
    }
    try (FileJournalStore store = FileJournalStore.open(zerosAhead(dir))) {
      assertThat(store.recovery().clean()).as("%s", store.recovery()).isTrue();
      assertThat(store.read("a").orElseThrow().entries()).isEqualTo(acknowledged).doesNotContain(refused);
    }
  }
}
