package brink.server.game;

import brink.engine.DyadRecord;
import brink.engine.TurnRecord;
import brink.engine.def.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One-line summaries for the server's log, so that it reads as the story of each game. */
final class Stories {
  private Stories() {}

  /** "rus-ukr tension 52.3 (rung 14, Intense crises); 2 events; defaulted: blr (historical); ongoing". */
  static String turn(GameModel m, TurnRecord r) {
    List<String> parts = new ArrayList<>();
    List<Pair> primary = m.state.primaryPairs();
    for (DyadRecord d : r.dyads()) {
      if (primary.isEmpty() || primary.contains(new Pair(d.a(), d.b()))) {
        parts.add(d.a() + "-" + d.b() + " tension " + oneDecimal(d.tension()) + " (rung " + d.rung() + ", "
            + d.ladderGroup().text().en() + ")");
      }
    }
    String dyads = String.join(", ", parts);
    List<String> defaulted = new ArrayList<>();
    for (Map.Entry<String, String> e : m.defaulted.getOrDefault(r.turn(), new java.util.TreeMap<>()).entrySet()) {
      defaulted.add(e.getKey() + " (" + (e.getValue().isEmpty() ? "waited" : e.getValue()) + ")");
    }
    return dyads + "; " + r.events().size() + " events"
        + (defaulted.isEmpty() ? "" : "; defaulted: " + String.join(", ", defaulted))
        + "; outcome " + r.outcome().name().toLowerCase(Locale.ROOT);
  }

  /**
   * "52.3": rounded half up to one decimal, as %.1f prints it, without a Formatter (a turn's log line is
   * written on the game's thread, beside its broadcast).
   */
  static String oneDecimal(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    long tenths = Math.round(Math.abs(x) * 10);
    return (x < 0 && tenths != 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
  }
}
