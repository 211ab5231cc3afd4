package brink.engine.sim;

import brink.engine.TurnRecord;
import brink.engine.def.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * A headless run (engine-model.md Part II-b "Batch simulation").
 *
 * @param turns the unfiltered record of every resolved turn, turn 1 first
 * @param outcome how the game ended, or ONGOING when the run stopped at its turn limit first
 * @param outcomeTurn the turn the game ended on; 0 when ONGOING
 * @param digest hex SHA-256 over the concatenated hex state digests of the turns, in order: two runs with the
 *     same digest went through the same states
 */
public record SimulationResult(
    String scenarioId, long seed, List<TurnRecord> turns, Outcome outcome, int outcomeTurn, String digest) {
  public SimulationResult {
    Objects.requireNonNull(scenarioId, "scenarioId");
    turns = List.copyOf(turns);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(digest, "digest");
  }

  /** The last resolved turn's record. */
  public TurnRecord last() {
    return turns.get(turns.size() - 1);
  }
}
