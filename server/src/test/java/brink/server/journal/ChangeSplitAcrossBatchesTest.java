package brink.server.journal;

import static brink.server.journal.JournalFixtures.entry;
import static brink.server.journal.JournalFixtures.observed;
import static brink.server.journal.JournalFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found while testing the journal on a full disk): a game appended the entries of one change one
 * by one, and the writer could put the first ones in one batch and the rest in the next. A crash or a failed
 * write between the two then kept half a change: a forced resolution without its result, a start without its
 * phase, a game without its instructor's seat. Worse, a retry of that forced resolution was answered from the
 * half-written entry (already journaled: acknowledged) and the turn never resolved. The entries of one change
 * are now appended together and always written in one batch: all or none.
 */
class ChangeSplitAcrossBatchesTest {
  @TempDir Path dir;

  @Test
  void appendAll_entriesOfOneChange_areWrittenInOneBatch_evenWhenBatchesHoldOneRecord() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    List<JournalEntry> change = List.of(entry("g", 1), entry("g", 2), entry("g", 3));
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel).withMaxBatch(1, 64))) {
      int forcesBefore = channel.get().forces.get();
      long writesBefore = writes(channel.get());
      store.appendAll("g", change).get(30, TimeUnit.SECONDS);
      assertThat(channel.get().forces.get() - forcesBefore).as("one fsync for the whole change").isEqualTo(1);
      assertThat(writes(channel.get()) - writesBefore).as("one write for the whole change").isEqualTo(1);
      store.append("g", entry("g", 4)).get(30, TimeUnit.SECONDS);
      assertThat(store.read("g").orElseThrow().entries()).containsExactly(entry("g", 1), entry("g", 2),
          entry("g", 3), entry("g", 4));
    }
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.recovery().clean()).isTrue();
      assertThat(reopened.read("g").orElseThrow().entries()).hasSize(4);
    }
  }

  @Test
  void appendAll_writeFailsHalfWayThroughAChange_noneOfItsEntriesIsKept() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel).withMaxBatch(1, 64))) {
      store.append("g", entry("g", 1)).get(30, TimeUnit.SECONDS);
      channel.get().failHalfWay = true;
      CompletableFuture<Void> change = store.appendAll("g", List.of(entry("g", 2), entry("g", 3), entry("g", 4)));
      assertThatThrownBy(() -> change.get(30, TimeUnit.SECONDS)).cause()
          .isInstanceOf(JournalUnavailableException.class);
      assertThat(store.read("g").orElseThrow().entries()).containsExactly(entry("g", 1));
      channel.get().failHalfWay = false;
      store.append("g", entry("g", 5)).get(30, TimeUnit.SECONDS);
    }
    try (FileJournalStore reopened = FileJournalStore.open(options(dir))) {
      assertThat(reopened.recovery().clean()).isTrue();
      assertThat(reopened.read("g").orElseThrow().entries()).containsExactly(entry("g", 1), entry("g", 5));
    }
  }

  @Test
  void appendAll_manyChangesQueuedAtOnce_neverSplitOne_andKeepTheirOrder() throws Exception {
    AtomicReference<ObservedChannel> channel = new AtomicReference<>();
    try (FileJournalStore store = FileJournalStore.open(observed(dir, channel).withMaxBatch(4, 1 << 20))) {
      // Hold the first fsync so that every later change queues up behind it; batches of 4 records then
      // take changes of 3 records one at a time (3 + 3 > 4), never 3 + 1 of the next.
      long writesBefore = writes(channel.get());
      var held = channel.get().holdNextForce();
      CompletableFuture<Void> first = store.append("g", entry("g", 0));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<?>[] changes = new CompletableFuture<?>[10];
      for (int c = 0; c < changes.length; c++) {
        int n = 1 + 3 * c;
        changes[c] = store.appendAll("g", List.of(entry("g", n), entry("g", n + 1), entry("g", n + 2)));
      }
      channel.get().releaseForce();
      first.get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(changes).get(30, TimeUnit.SECONDS);
      assertThat(writes(channel.get()) - writesBefore).as("the first record, then one write per change")
          .isEqualTo(1 + changes.length);
      List<JournalEntry> read = store.read("g").orElseThrow().entries();
      assertThat(read).hasSize(31);
      for (int n = 0; n < 31; n++) {
        assertThat(read.get(n)).isEqualTo(entry("g", n));
      }
    }
  }

  private static long writes(ObservedChannel channel) {
    return channel.events.stream().filter(e -> e.startsWith("write:")).count();
  }

  @Test
  void appendAll_noEntries_isACallerBug() throws Exception {
    try (FileJournalStore store = FileJournalStore.open(options(dir))) {
      assertThatThrownBy(() -> store.appendAll("g", List.of())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one entry");
    }
  }
}
