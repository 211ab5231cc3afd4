package brink.server.journal;

import brink.protocol.v1.JournalEntry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;

/**
 * Where games are made durable: an append-only journal of {@link JournalEntry} per game. The
 * embedded implementation is {@link FileJournalStore}; a PostgreSQL store can implement the same
 * contract for servers whose games outgrow one machine (one game is always owned by one node).
 *
 * <p>Contract, for every implementation:
 *
 * <ul>
 *   <li>{@link #append} never reports durable what is not: its future completes normally only once
 *       the entry would survive a crash of the process or the machine, and fails with {@link
 *       JournalUnavailableException} when it cannot be written (the server answers UNAVAILABLE,
 *       retryable) or {@link CorruptGameException} when the game's journal is damaged.
 *   <li>Entries appended to one game from one thread (the game's executor) are read back in that
 *       order. Games are independent of each other.
 *   <li>The entries of one {@link #appendAll} are durable together or not at all.
 *   <li>Futures may complete on the store's own thread: attach continuations with the {@code
 *       ...Async(executor)} variants so that no game logic runs on it.
 *   <li>Reads return only durable entries.
 * </ul>
 */
public interface JournalStore extends AutoCloseable {

  /**
   * Appends one entry to a game's journal.
   *
   * @param gameId the game; must equal {@code entry.getGameId()}
   * @param entry the entry
   * @return completes once the entry is durable
   * @throws IllegalArgumentException when the game id is empty, too long, or differs from the
   *     entry's, or when the entry is larger than the store accepts (a bug of the caller)
   */
  CompletableFuture<Void> append(String gameId, JournalEntry entry);

  /**
   * Appends the entries of one change (a request's, a turn's resolution) to a game's journal, together: they
   * are durable all or none. A crash, a failed write or a failed fsync never leaves a prefix of them, so a
   * change is never half made (a forced resolution without its result, a start without its phase).
   *
   * @param gameId the game; must equal every entry's game id
   * @param entries at least one entry, in order
   * @return completes once every entry is durable, or fails (and none is) with {@link
   *     JournalUnavailableException} or {@link CorruptGameException}
   * @throws IllegalArgumentException as {@link #append}, or when {@code entries} is empty
   */
  CompletableFuture<Void> appendAll(String gameId, List<JournalEntry> entries);

  /** Ids of every game with at least one durable entry, corrupt ones included. */
  SortedSet<String> gameIds();

  /** One game's durable entries, or empty if the game has none. */
  Optional<GameJournal> read(String gameId);

  /** Every game's durable entries, sorted by game id (the server replays them on start). */
  List<GameJournal> readAll();

  /**
   * One game's whole journal as the bytes of a standalone journal file (for a colleague, a replay
   * or a bug report); {@link FileJournalStore#readExport} reads it back.
   *
   * @throws java.util.NoSuchElementException when the game has no entry
   * @throws CorruptGameException when the game's journal is damaged
   */
  byte[] export(String gameId);

  /** What opening the store found (torn tail cut off, corrupt games). */
  RecoveryReport recovery();

  /**
   * Stops accepting appends, makes everything already accepted durable (or fails it), and releases
   * the store's files and thread. Idempotent.
   */
  @Override
  void close();
}
