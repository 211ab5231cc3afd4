package brink.server.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Settings of a {@link FileJournalStore}. Start from {@link #defaults(Path)} and change what
 * differs with the {@code with...} methods; the constructor rejects impossible values.
 *
 * @param directory the data directory; the journal is {@code directory/journal.brj}
 * @param fsync true (the default) to make each batch durable with one fsync before acknowledging
 *     it. False only for benchmarks: acknowledged records can then be lost in a crash.
 * @param maxBatchRecords most records written by one fsync
 * @param maxBatchBytes most bytes written by one fsync (a single larger record is still written,
 *     alone)
 * @param preallocateBytes the journal grows in steps of this many bytes, written as zeros ahead of
 *     the records, so that a batch's fsync overwrites bytes the file already has instead of
 *     growing it (docs/journal.md, "Zeros ahead of the records"); 0 appends each batch to the
 *     end of the file
 * @param writerThreads makes the one writer thread
 * @param channelOpener opens the journal file
 */
public record JournalOptions(Path directory, boolean fsync, int maxBatchRecords, int maxBatchBytes,
    int preallocateBytes, ThreadFactory writerThreads, ChannelOpener channelOpener) {

  public static final int DEFAULT_MAX_BATCH_RECORDS = 1024;
  public static final int DEFAULT_MAX_BATCH_BYTES = 8 << 20;
  /**
   * 1 MiB: on the machine of docs/performance.md writing 1 MiB of zeros and its fdatasync took 3.5 ms
   * (256 KiB: 1.1 ms; 4 MiB: 16 ms), done while no batch waits.
   */
  public static final int DEFAULT_PREALLOCATE_BYTES = 1 << 20;

  public JournalOptions {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(writerThreads, "writerThreads");
    Objects.requireNonNull(channelOpener, "channelOpener");
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException("maxBatchRecords must be at least 1, got " + maxBatchRecords);
    }
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("maxBatchBytes must be at least 1, got " + maxBatchBytes);
    }
    if (preallocateBytes < 0) {
      throw new IllegalArgumentException("preallocateBytes must be 0 (append) or more, got " + preallocateBytes);
    }
  }

  /**
   * fsync on, batches of up to 1024 records or 8 MiB, 1 MiB of zeros ahead of the records, a daemon
   * thread "brink-journal-writer".
   */
  public static JournalOptions defaults(Path directory) {
    return new JournalOptions(directory, true, DEFAULT_MAX_BATCH_RECORDS, DEFAULT_MAX_BATCH_BYTES,
        DEFAULT_PREALLOCATE_BYTES, runnable -> {
          Thread thread = new Thread(runnable, "brink-journal-writer");
          thread.setDaemon(true);
          return thread;
        },
        ChannelOpener.standard());
  }

  public JournalOptions withFsync(boolean value) {
    return new JournalOptions(directory, value, maxBatchRecords, maxBatchBytes, preallocateBytes, writerThreads,
        channelOpener);
  }

  public JournalOptions withMaxBatch(int records, int bytes) {
    return new JournalOptions(directory, fsync, records, bytes, preallocateBytes, writerThreads, channelOpener);
  }

  public JournalOptions withWriterThreads(ThreadFactory value) {
    return new JournalOptions(directory, fsync, maxBatchRecords, maxBatchBytes, preallocateBytes, value,
        channelOpener);
  }

  public JournalOptions withChannelOpener(ChannelOpener value) {
    return new JournalOptions(directory, fsync, maxBatchRecords, maxBatchBytes, preallocateBytes, writerThreads,
        value);
  }

  /** Zeros ahead of the records in steps of {@code bytes}; 0 appends each batch to the end of the file. */
  public JournalOptions withPreallocation(int bytes) {
    return new JournalOptions(directory, fsync, maxBatchRecords, maxBatchBytes, bytes, writerThreads,
        channelOpener);
  }
}
