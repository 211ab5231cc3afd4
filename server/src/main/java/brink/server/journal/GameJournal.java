package brink.server.journal;

import brink.protocol.v1.JournalEntry;
import java.util.List;
import java.util.Optional;

/**
 * One game's journal as read back: its entries in the order they were appended.
 *
 * @param gameId the game
 * @param entries every readable entry, oldest first; for a corrupt game the damaged ones are
 *     missing, so the list must not be replayed as the game's history
 * @param corruption why the game is corrupt (with the byte offset), or empty when it is intact
 */
public record GameJournal(String gameId, List<JournalEntry> entries, Optional<String> corruption) {

  public GameJournal {
    if (gameId == null || gameId.isEmpty()) {
      throw new IllegalArgumentException("a game journal needs a game id");
    }
    entries = List.copyOf(entries);
  }

  public boolean isCorrupt() {
    return corruption.isPresent();
  }
}
