package brink.engine.def;

import java.util.Objects;

/** What an actor really did on a turn: played by the {@code historical} bot and shown in debriefs. */
public record HistoricalMove(int turn, String actor, Move move, Text note, String date) {
  public HistoricalMove {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(move, "move");
    note = Objects.requireNonNullElse(note, Text.EMPTY);
    date = Objects.requireNonNullElse(date, "");
  }
}
