package brink.server.game;

import brink.engine.def.Scenario;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The calendar days a turn covers: turn t is days (t − 1)·L .. t·L − 1 from the scenario's start date. A game
 * keeps one, so its start date is parsed once, not for every view of every turn.
 */
final class Dates {
  /** Null when the scenario gives no start date, or one that does not parse: its days are then "". */
  private final LocalDate start;
  private final int turnLengthDays;

  private Dates(LocalDate start, int turnLengthDays) {
    this.start = start;
    this.turnLengthDays = turnLengthDays;
  }

  static Dates of(Scenario sc) {
    LocalDate start = null;
    if (!sc.startDate().isEmpty()) {
      try {
        start = LocalDate.parse(sc.startDate());
      } catch (DateTimeParseException e) {
        start = null;
      }
    }
    return new Dates(start, sc.turnLengthDays());
  }

  String turnStart(int turn) {
    return day((long) (turn - 1) * turnLengthDays);
  }

  String turnEnd(int turn) {
    return day((long) turn * turnLengthDays - 1);
  }

  private String day(long offset) {
    return start == null ? "" : start.plusDays(offset).toString();
  }
}
