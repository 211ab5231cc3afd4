package brink.engine;

import java.util.Objects;

/** The state after a turn and the record of what the turn did. */
public record TurnResult(GameState next, TurnRecord record) {
  public TurnResult {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(record, "record");
  }
}
