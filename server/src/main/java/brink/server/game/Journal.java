package brink.server.game;

import brink.protocol.v1.JournalEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a game needs of the journal: append the entries of one change, and learn when they are durable (the
 * future completes normally) or cannot be (it completes exceptionally, and none of them is).
 * {@code brink.server.journal.JournalStore#appendAll} is one.
 */
@FunctionalInterface
public interface Journal {
  /** Appends one change's entries, in order, durable all together or not at all. */
  CompletableFuture<Void> append(String gameId, List<JournalEntry> entries);
}
