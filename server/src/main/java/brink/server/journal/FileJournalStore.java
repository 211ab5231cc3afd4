package brink.server.journal;

import brink.protocol.v1.JournalEntry;
import brink.server.journal.RecordFormat.Header;
import brink.server.journal.RecoveryReport.CorruptGame;
import brink.server.journal.RecoveryReport.TornTail;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded journal: one append-only file shared by every game ({@code journal.brj} in the
 * data directory), written by one thread that batches the records of all games and makes each
 * batch durable with one fsync (group commit). Why one shared file rather than one per game, the
 * format and the recovery rules: docs/journal.md.
 *
 * <p>Each game's record offsets are indexed in memory (rebuilt on open), so reading a game costs
 * only its own records. Opening the store recovers the file: an unfinished last batch is cut off
 * and reported; damage in the middle marks only the games it touches as corrupt.
 *
 * <p>The records of one {@link #appendAll} always go into the same batch (one write, one fsync), so
 * a crash or a failed write keeps all of them or none.
 *
 * <p>The file grows ahead of its records in steps of {@link JournalOptions#preallocateBytes} bytes
 * of zeros, written and made durable while no batch waits, so that a batch's fsync overwrites bytes
 * the file already has rather than growing it (on ext4 that saves a journal commit per fsync). The
 * records end where the zeros begin; a clean close cuts the zeros off. See docs/journal.md, "Zeros
 * ahead of the records".
 *
 * <p>A failed write (a full disk) is undone (the file is truncated back to its last durable end) and
 * its futures fail; the store goes on, and accepts writes again once space returns. A failed fsync
 * is different: the kernel may have dropped the written pages, so nothing written since can be
 * trusted; the store fails that batch and refuses every later append until it is reopened (which
 * recovers the file). Either way the failure says which ({@link
 * JournalUnavailableException#untilRestart()}), so the server can tell people what to do.
 */
public final class FileJournalStore implements JournalStore {
  /** The journal's file name inside the data directory. */
  public static final String FILE_NAME = "journal.brj";

  private static final Logger log = LoggerFactory.getLogger(FileJournalStore.class);
  private static final Pending CLOSE = new Pending(null, null, new byte[0][], new int[0], null);
  /** Zeros to write ahead of the records (read-only; each write takes a duplicate). */
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

  private final Path file;
  private final JournalOptions options;
  private final FileChannel channel;
  private final FileLock lock;
  private final RecoveryReport recovery;
  /** Games found damaged on open, with why; fixed for the store's life. */
  private final Map<String, String> corrupt;
  /** Offsets of each game's durable records, in order. Written by the writer thread only. */
  private final ConcurrentHashMap<String, GameIndex> index = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object appendLock = new Object();
  private final Thread writer;

  /** Guarded by appendLock. */
  private boolean closed;
  /** Set once an fsync failed: from then on every append fails with it. */
  private volatile JournalUnavailableException failure;

  // Writer thread state (set before the thread starts, then touched by it alone).
  /** Where the records end and the next batch goes. */
  private long end;
  /** The file's size: from {@code end} to here it holds zeros. */
  private long allocated;
  /** Set when growing ahead failed (a full disk): batches grow the file as they need until one succeeds. */
  private boolean growAheadFailed;
  private long nextBatch;
  private final Map<String, Long> nextSeq = new HashMap<>();
  private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);

  /** The entries of one append: written together in one batch, durable together or not at all. */
  private record Pending(String gameId, byte[] gameIdBytes, byte[][] payloads, int[] payloadCrcs,
      CompletableFuture<Void> done) {
    int records() {
      return payloads.length;
    }

    int recordBytes() {
      int n = 0;
      for (byte[] p : payloads) {
        n += RecordFormat.recordBytes(gameIdBytes.length, p.length);
      }
      return n;
    }
  }

  /** Append-only list of offsets, readable while the writer appends. */
  private static final class GameIndex {
    private long[] offsets = new long[8];
    private int size;

    synchronized void add(long offset) {
      if (size == offsets.length) {
        offsets = Arrays.copyOf(offsets, size * 2);
      }
      offsets[size++] = offset;
    }

    synchronized long[] snapshot() {
      return Arrays.copyOf(offsets, size);
    }
  }

  private FileJournalStore(Path file, JournalOptions options, FileChannel channel, FileLock lock,
      RecoveryReport recovery, Map<String, String> corrupt) {
    this.file = file;
    this.options = options;
    this.channel = channel;
    this.lock = lock;
    this.recovery = recovery;
    this.corrupt = Map.copyOf(corrupt);
    this.writer = options.writerThreads().newThread(this::runWriter);
    if (writer == null) {
      throw new IllegalStateException("the journal's thread factory returned no thread");
    }
  }

  /**
   * Opens (or creates) the journal in {@code options.directory()}, recovers it and starts the
   * writer thread.
   *
   * @throws IOException when the directory cannot be used, the file is not a Brink journal, or
   *     another server holds it
   */
  public static FileJournalStore open(JournalOptions options) throws IOException {
    Path directory = options.directory();
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    boolean created = !Files.exists(file);
    FileChannel channel = options.channelOpener().open(file);
    try {
      FileLock lock = lockOrExplain(channel, file);
      Optional<TornTail> tornHeader = prepareFileHeader(channel, file);
      if (created) {
        syncDirectory(directory);
      }
      JournalScanner.Scan scan = JournalScanner.scan(ByteSource.of(channel), RecordFormat.FILE_MAGIC.length);
      if (scan.tornTail().isPresent()) {
        // The zeros after the torn write go too: they are written again ahead of the next batch.
        channel.truncate(scan.cut());
        channel.force(true);
      }
      Optional<TornTail> torn = scan.tornTail().isPresent() ? scan.tornTail() : tornHeader;
      Map<String, String> corrupt = new TreeMap<>();
      for (CorruptGame c : scan.corrupt().values()) {
        corrupt.put(c.gameId(), c.message());
      }
      TreeSet<String> games = new TreeSet<>(corrupt.keySet());
      scan.kept().forEach(h -> games.add(h.gameId()));
      RecoveryReport report = new RecoveryReport(file, scan.kept().size(), games.size(), torn,
          List.copyOf(scan.corrupt().values()), scan.warnings());
      FileJournalStore store = new FileJournalStore(file, options, channel, lock, report, corrupt);
      long lastBatch = 0;
      for (Header h : scan.kept()) {
        store.index.computeIfAbsent(h.gameId(), g -> new GameIndex()).add(h.offset());
        store.nextSeq.put(h.gameId(), h.gameSeq() + 1);
        lastBatch = Math.max(lastBatch, h.batch());
      }
      store.end = scan.cut();
      store.allocated = scan.tornTail().isPresent() ? scan.cut() : scan.size();
      store.nextBatch = lastBatch + 1;
      logRecovery(report, options);
      store.writer.start();
      return store;
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static FileLock lockOrExplain(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IOException("the journal " + file + " is in use by another Brink server; stop it or "
          + "choose another data directory");
    }
    return lock;
  }

  /** Writes the magic into a new (or torn-at-birth) file, or checks it is there. */
  private static Optional<TornTail> prepareFileHeader(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    byte[] magic = new byte[RecordFormat.FILE_MAGIC.length];
    int n = ByteSource.of(channel).readAt(0, magic, (int) Math.min(magic.length, size));
    if (size >= magic.length) {
      if (!RecordFormat.isFileMagic(magic)) {
        throw new IOException(file + " is not a Brink journal (it does not start with the journal's "
            + "magic bytes); move it away or choose another data directory");
      }
      return Optional.empty();
    }
    if (!RecordFormat.isMagicPrefix(magic, n)) {
      throw new IOException(file + " is not a Brink journal (" + size + " bytes that are not the "
          + "journal's header); move it away or choose another data directory");
    }
    channel.truncate(0);
    ByteBuffer header = ByteBuffer.wrap(RecordFormat.FILE_MAGIC);
    long pos = 0;
    while (header.hasRemaining()) {
      pos += channel.write(header, pos);
    }
    channel.force(true);
    return size == 0
        ? Optional.empty()
        : Optional.of(new TornTail(0, size, 0, "the file header itself was incomplete"));
  }

  private static void syncDirectory(Path directory) {
    // Makes the new file's name durable. Not every platform can open a directory (Windows).
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("could not fsync directory {}: {}", directory, e.toString());
    }
  }

  private static void logRecovery(RecoveryReport report, JournalOptions options) {
    log.info("journal {}: {} records of {} games", report.file(), report.records(), report.games());
    report.tornTail().ifPresent(t -> log.warn(
        "journal {}: cut off an unfinished last write at byte offset {} ({} bytes, {} complete records "
            + "of that batch): {}",
        report.file(), t.offset(), t.bytesRemoved(), t.recordsDiscarded(), t.reason()));
    for (CorruptGame c : report.corruptGames()) {
      log.warn("journal {}: game {} is corrupt: {}", report.file(), c.gameId(), c.message());
    }
    for (String w : report.warnings()) {
      log.warn("journal {}: {}", report.file(), w);
    }
    if (!options.fsync()) {
      log.warn("journal {}: fsync is OFF (benchmarks only): acknowledged records can be lost in a crash",
          report.file());
    }
  }

  @Override
  public CompletableFuture<Void> append(String gameId, JournalEntry entry) {
    return appendAll(gameId, List.of(entry));
  }

  @Override
  public CompletableFuture<Void> appendAll(String gameId, List<JournalEntry> entries) {
    byte[] gameIdBytes = RecordFormat.gameIdBytes(gameId);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one entry");
    }
    byte[][] payloads = new byte[entries.size()][];
    int[] crcs = new int[entries.size()];
    for (int i = 0; i < payloads.length; i++) {
      JournalEntry entry = entries.get(i);
      if (!gameId.equals(entry.getGameId())) {
        throw new IllegalArgumentException("an entry of game '" + entry.getGameId()
            + "' cannot be appended to game '" + gameId + "'");
      }
      byte[] payload = entry.toByteArray();
      if (payload.length > RecordFormat.MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException("a journal entry of " + payload.length + " bytes is larger than "
            + "the journal's limit of " + RecordFormat.MAX_PAYLOAD_BYTES + " bytes");
      }
      payloads[i] = payload;
      crcs[i] = RecordFormat.crc(payload, 0, payload.length);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    String damaged = corrupt.get(gameId);
    if (damaged != null) {
      done.completeExceptionally(new CorruptGameException(gameId, damaged));
      return done;
    }
    synchronized (appendLock) {
      if (closed) {
        done.completeExceptionally(new JournalUnavailableException("the journal is closed", null, true));
      } else if (failure != null) {
        done.completeExceptionally(copyOfFailure());
      } else {
        queue.add(new Pending(gameId, gameIdBytes, payloads, crcs, done));
      }
    }
    return done;
  }

  private JournalUnavailableException copyOfFailure() {
    return new JournalUnavailableException(failure.getMessage(), failure.getCause(), true);
  }

  private void runWriter() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      growAheadWhileIdle();
      Pending first = takeUninterruptibly();
      if (first == CLOSE) {
        return;
      }
      batch.add(first);
      long bytes = first.recordBytes();
      int records = first.records();
      // Whole appends only: the entries of one append are never split across two batches (an append
      // larger than the limits is written alone).
      while (true) {
        Pending next = queue.peek();
        if (next == null || next == CLOSE || records + next.records() > options.maxBatchRecords()
            || bytes + next.recordBytes() > options.maxBatchBytes()) {
          break;
        }
        queue.poll();
        batch.add(next);
        bytes += next.recordBytes();
        records += next.records();
      }
      try {
        writeBatch(batch, (int) bytes);
      } catch (Throwable t) {
        // A bug or an Error (out of memory): refuse everything from now on rather than leave a
        // future hanging or report durable what may not be.
        if (failure == null) {
          failure = new JournalUnavailableException("the journal writer failed (" + t
              + "); the journal accepts no more writes until the server restarts and recovers it", t, true);
        }
        log.error("journal {}: writer failed", file, t);
        failAll(batch, copyOfFailure());
      }
      batch.clear();
    }
  }

  private Pending takeUninterruptibly() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          // Only close() stops the writer: queued records must be written or failed, never dropped.
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void writeBatch(List<Pending> batch, int bytes) {
    if (failure != null) {
      failAll(batch, copyOfFailure());
      return;
    }
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Math.max(bytes, buffer.capacity() * 2));
    }
    buffer.clear();
    Map<String, Long> seqs = new HashMap<>();
    List<long[]> offsets = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      long seq = seqs.computeIfAbsent(p.gameId(), g -> nextSeq.getOrDefault(g, 1L));
      long[] at = new long[p.records()];
      for (int k = 0; k < at.length; k++) {
        at[k] = end + buffer.position();
        boolean last = i == batch.size() - 1 && k == at.length - 1;
        RecordFormat.encode(buffer, last, nextBatch, seq++, p.gameIdBytes(), p.payloads()[k],
            p.payloadCrcs()[k]);
      }
      offsets.add(at);
      seqs.put(p.gameId(), seq);
    }
    buffer.flip();
    long dataEnd = end + bytes;
    // A batch that goes past the zeros writes the next step of zeros after itself, under the same fsync.
    long zerosFrom = Math.max(dataEnd, allocated);
    long grownTo = dataEnd > allocated && options.preallocateBytes() > 0 ? stepAfter(dataEnd) : zerosFrom;
    try {
      long pos = end;
      while (buffer.hasRemaining()) {
        pos += channel.write(buffer, pos);
      }
      writeZeros(zerosFrom, grownTo);
    } catch (IOException | RuntimeException e) {
      undoWrite();
      log.error("journal {}: a write of {} records failed{}: {}", file, records(batch),
          failure == null ? " and was undone; the journal goes on" : "", e.toString());
      failAll(batch, failure != null ? copyOfFailure()
          : new JournalUnavailableException("the journal could not write to " + file + ": " + e, e, false));
      return;
    }
    if (!syncOrFail()) {
      failAll(batch, copyOfFailure());
      return;
    }
    end = dataEnd;
    if (grownTo > allocated) {
      allocated = grownTo;
      growAheadFailed = false;
    }
    nextBatch++;
    nextSeq.putAll(seqs);
    for (int i = 0; i < batch.size(); i++) {
      GameIndex gameIndex = index.computeIfAbsent(batch.get(i).gameId(), g -> new GameIndex());
      for (long offset : offsets.get(i)) {
        gameIndex.add(offset);
      }
    }
    for (Pending p : batch) {
      p.done().complete(null);
    }
  }

  /**
   * Makes what was written durable (when fsync is on). A failed fsync means nothing written since can be
   * trusted: the store then refuses every later append, and this returns false.
   */
  private boolean syncOrFail() {
    if (!options.fsync()) {
      return true;
    }
    try {
      channel.force(false);
      return true;
    } catch (IOException | RuntimeException e) {
      failure = new JournalUnavailableException("an fsync of the journal " + file + " failed (" + e
          + "); nothing written since can be trusted, so the journal accepts no more writes until "
          + "the server restarts and recovers it", e, true);
      undoWrite();
      log.error("journal {}: {}", file, failure.getMessage());
      return false;
    }
  }

  /** The first multiple of the preallocation step after {@code offset}. */
  private long stepAfter(long offset) {
    long step = options.preallocateBytes();
    return (offset / step + 1) * step;
  }

  private void writeZeros(long from, long to) throws IOException {
    long pos = from;
    while (pos < to) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), to - pos));
      while (zeros.hasRemaining()) {
        pos += channel.write(zeros, pos);
      }
    }
  }

  /**
   * When no batch waits and fewer than half a step of zeros are left ahead of the records, writes
   * the next step of zeros (and fsyncs them), so that the coming batches need not grow the file.
   */
  private void growAheadWhileIdle() {
    long step = options.preallocateBytes();
    if (step == 0 || growAheadFailed || failure != null || allocated - end >= step / 2 || !queue.isEmpty()) {
      return;
    }
    long to = stepAfter(end + step / 2);
    try {
      writeZeros(allocated, to);
    } catch (IOException | RuntimeException e) {
      // Not a batch: nothing fails. Batches grow the file themselves, and fail if the disk stays full.
      growAheadFailed = true;
      log.warn("journal {}: could not write {} bytes of zeros ahead of the records ({}); batches grow the "
          + "file as they need", file, to - allocated, e.toString());
      try {
        channel.truncate(allocated);
      } catch (IOException | RuntimeException again) {
        log.debug("journal {}: could not cut the zeros back: {}", file, again.toString());
      }
      return;
    }
    if (!syncOrFail()) {
      return;
    }
    allocated = to;
  }

  /** Cuts off what a failed write may have left, so the next batch starts at the durable end. */
  private void undoWrite() {
    try {
      channel.truncate(end);
      allocated = end;
    } catch (IOException | RuntimeException e) {
      if (failure == null) {
        failure = new JournalUnavailableException("the journal " + file + " could not undo a failed "
            + "write (" + e + "); it accepts no more writes until the server restarts and recovers it", e, true);
        log.error("journal {}: {}", file, failure.getMessage());
      }
    }
  }

  private static int records(List<Pending> batch) {
    int n = 0;
    for (Pending p : batch) {
      n += p.records();
    }
    return n;
  }

  private static void failAll(List<Pending> batch, JournalUnavailableException cause) {
    for (Pending p : batch) {
      p.done().completeExceptionally(cause);
    }
  }

  @Override
  public SortedSet<String> gameIds() {
    TreeSet<String> ids = new TreeSet<>(index.keySet());
    ids.addAll(corrupt.keySet());
    return ids;
  }

  @Override
  public Optional<GameJournal> read(String gameId) {
    GameIndex gameIndex = index.get(gameId);
    String damaged = corrupt.get(gameId);
    if (gameIndex == null && damaged == null) {
      return Optional.empty();
    }
    long[] offsets = gameIndex == null ? new long[0] : gameIndex.snapshot();
    List<JournalEntry> entries = new ArrayList<>(offsets.length);
    for (long offset : offsets) {
      entries.add(parse(gameId, offset, readRecord(gameId, offset)));
    }
    return Optional.of(new GameJournal(gameId, entries, Optional.ofNullable(damaged)));
  }

  @Override
  public List<GameJournal> readAll() {
    List<GameJournal> all = new ArrayList<>();
    for (String gameId : gameIds()) {
      read(gameId).ifPresent(all::add);
    }
    return all;
  }

  @Override
  public byte[] export(String gameId) {
    String damaged = corrupt.get(gameId);
    if (damaged != null) {
      throw new CorruptGameException(gameId, damaged);
    }
    GameIndex gameIndex = index.get(gameId);
    if (gameIndex == null) {
      throw new NoSuchElementException("the journal has no entry for game " + gameId);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(RecordFormat.FILE_MAGIC);
    long batch = 1;
    for (long offset : gameIndex.snapshot()) {
      RawRecord raw = readRecord(gameId, offset);
      // In the export every record is its own batch, so any prefix of the file is a valid journal.
      ByteBuffer record = ByteBuffer.allocate(RecordFormat.recordBytes(raw.header().gameIdBytes(),
          raw.payload().length));
      RecordFormat.encode(record, true, batch++, raw.header().gameSeq(),
          RecordFormat.gameIdBytes(gameId), raw.payload(), raw.payloadCrc());
      out.writeBytes(record.array());
    }
    return out.toByteArray();
  }

  /**
   * Reads back a file made by {@link #export}: one game's entries, after checking every record.
   *
   * @throws IllegalArgumentException when the bytes are not an intact export of exactly one game,
   *     with a message saying what is wrong
   */
  public static GameJournal readExport(byte[] bytes) {
    byte[] magic = Arrays.copyOf(bytes, Math.min(bytes.length, RecordFormat.FILE_MAGIC.length));
    if (!RecordFormat.isFileMagic(magic)) {
      throw new IllegalArgumentException("not a Brink journal export: it does not start with the "
          + "journal's magic bytes");
    }
    JournalScanner.Scan scan;
    try {
      scan = JournalScanner.scan(ByteSource.of(bytes), RecordFormat.FILE_MAGIC.length);
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory export cannot fail", e);
    }
    if (scan.tornTail().isPresent()) {
      throw new IllegalArgumentException("the export is damaged or cut short: " + scan.tornTail().get().reason());
    }
    if (!scan.corrupt().isEmpty() || !scan.warnings().isEmpty()) {
      List<String> problems = new ArrayList<>(scan.warnings());
      scan.corrupt().values().forEach(c -> problems.add(c.message()));
      throw new IllegalArgumentException("the export is damaged: " + String.join("; ", problems));
    }
    TreeSet<String> games = new TreeSet<>();
    scan.kept().forEach(h -> games.add(h.gameId()));
    if (games.size() != 1) {
      throw new IllegalArgumentException("an export holds exactly one game; this one holds " + games.size()
          + (games.isEmpty() ? "" : " (" + String.join(", ", games) + ")"));
    }
    String gameId = games.first();
    ByteSource source = ByteSource.of(bytes);
    List<JournalEntry> entries = new ArrayList<>();
    for (Header h : scan.kept()) {
      entries.add(parse(gameId, h.offset(), readRecord(source, gameId, h.offset())));
    }
    return new GameJournal(gameId, entries, Optional.empty());
  }

  @Override
  public RecoveryReport recovery() {
    return recovery;
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    synchronized (appendLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(CLOSE);
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      if (failure == null) {
        // A cleanly closed journal is its records and nothing else (the zeros are written again on open).
        channel.truncate(end);
        channel.force(true);
      }
      lock.release();
    } catch (IOException e) {
      log.warn("journal {}: closing: {}", file, e.toString());
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("journal {}: closing: {}", file, e.toString());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record RawRecord(Header header, byte[] payload, int payloadCrc) {}

  private RawRecord readRecord(String gameId, long offset) {
    return readRecord(ByteSource.of(channel), gameId, offset);
  }

  /** Reads and checks one record that the index says is there. */
  private static RawRecord readRecord(ByteSource source, String gameId, long offset) {
    try {
      byte[] headerBytes = new byte[RecordFormat.headerBytes(RecordFormat.MAX_GAME_ID_BYTES)];
      int n = source.readAt(offset, headerBytes, headerBytes.length);
      Header h = RecordFormat.decodeHeader(offset, headerBytes, n);
      if (h == null || !h.gameId().equals(gameId)) {
        throw new CorruptGameException(gameId, "game " + gameId + ": the record header at byte offset "
            + offset + " no longer reads back (the file changed on disk since it was opened)");
      }
      byte[] payloadAndCrc = new byte[h.payloadBytes() + RecordFormat.CRC_BYTES];
      if (source.readAt(h.payloadOffset(), payloadAndCrc, payloadAndCrc.length) != payloadAndCrc.length
          || !JournalScanner.payloadCrcMatches(payloadAndCrc, h.payloadBytes())) {
        throw new CorruptGameException(gameId, "game " + gameId + ": the record at byte offset " + offset
            + " fails its payload checksum (the file changed on disk since it was opened)");
      }
      byte[] payload = Arrays.copyOf(payloadAndCrc, h.payloadBytes());
      int crc = ByteBuffer.wrap(payloadAndCrc, h.payloadBytes(), RecordFormat.CRC_BYTES).getInt();
      return new RawRecord(h, payload, crc);
    } catch (IOException e) {
      throw new JournalUnavailableException("the journal could not be read: " + e, e);
    }
  }

  private static JournalEntry parse(String gameId, long offset, RawRecord raw) {
    try {
      JournalEntry entry = JournalEntry.parseFrom(raw.payload());
      if (!entry.getGameId().equals(gameId)) {
        throw new CorruptGameException(gameId, "game " + gameId + ": the record at byte offset " + offset
            + " holds an entry of game '" + entry.getGameId() + "'");
      }
      return entry;
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptGameException(gameId, "game " + gameId + ": the record at byte offset " + offset
          + " passes its checksum but is not a JournalEntry (" + e.getMessage() + ")");
    }
  }
}
