package brink.server.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What opening a journal found: how much it read, whether it cut off a torn tail, which games are
 * corrupt. A clean report has no torn tail, no corrupt game and no warning.
 *
 * @param file the journal file (or a description of the source, for an export read from memory)
 * @param records records kept and readable
 * @param games games with at least one kept record (corrupt ones included)
 * @param tornTail the unfinished last write that was cut off, if any
 * @param corruptGames games with a damaged record in the middle of the journal, sorted by game id;
 *     their other records stay readable, but they must not be replayed as if complete
 * @param warnings damage that could not be pinned on a game, in file order
 */
public record RecoveryReport(Path file, int records, int games, Optional<TornTail> tornTail,
    List<CorruptGame> corruptGames, List<String> warnings) {

  public RecoveryReport {
    if (records < 0 || games < 0) {
      throw new IllegalArgumentException("negative counts in a recovery report");
    }
    corruptGames = List.copyOf(corruptGames);
    warnings = List.copyOf(warnings);
  }

  /** True when the journal was intact: nothing cut off, nothing corrupt, nothing doubtful. */
  public boolean clean() {
    return tornTail.isEmpty() && corruptGames.isEmpty() && warnings.isEmpty();
  }

  /**
   * The end of the journal was an unfinished batch (a crash during a write): it was never
   * acknowledged, so it was cut off.
   *
   * @param offset the byte offset the file was truncated at
   * @param bytesRemoved how many bytes were cut off
   * @param recordsDiscarded complete records of the unfinished batch that were cut off with it
   * @param reason what was wrong at the tail, for the log
   */
  public record TornTail(long offset, long bytesRemoved, int recordsDiscarded, String reason) {}

  /**
   * A game with a damaged record in the middle of the journal.
   *
   * @param gameId the game
   * @param offset byte offset of the damage in the journal file
   * @param message what is wrong, for the operator
   */
  public record CorruptGame(String gameId, long offset, String message) {}
}
