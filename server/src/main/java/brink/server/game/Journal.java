package brink.server.game;

import brink.protocol.v1.JournalEntry;
import java.util.concurrent.CompletableFuture;

/**
 * What a game needs of the journal: append one entry, and learn when it is durable (the future completes
 * normally) or cannot be (it completes exceptionally). {@code brink.server.journal.JournalStore#append}
 * is one.
 */
@FunctionalInterface
public interface Journal {
  CompletableFuture<Void> append(String gameId, JournalEntry entry);
}
