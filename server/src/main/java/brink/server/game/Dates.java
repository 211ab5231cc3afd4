package brink.server.game;

import brink.engine.def.Scenario;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The calendar days a turn covers: turn t is days (t − 1)·L .. t·L − 1 from the scenario's start date. */
final class Dates {
  private Dates() {}

  static String turnStart(Scenario sc, int turn) {
    return day(sc, (long) (turn - 1) * sc.turnLengthDays());
  }

  static String turnEnd(Scenario sc, int turn) {
    return day(sc, (long) turn * sc.turnLengthDays() - 1);
  }

  private static String day(Scenario sc, long offset) {
    if (sc.startDate().isEmpty()) {
      return "";
    }
    try {
      return LocalDate.parse(sc.startDate()).plusDays(offset).toString();
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
