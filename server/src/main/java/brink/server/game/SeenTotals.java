package brink.server.game;

import brink.engine.TurnRecord;
import brink.engine.view.Viewer;
import brink.engine.view.Views;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each actor's escalation total after each turn as one viewer was told it ({@link Views#totalsAfter}, the rule
 * of {@link Views#history}), kept per viewer and extended one turn at a time. A turn's reports then cost that
 * turn's events, where filtering the whole history again for every audience made each turn's broadcast grow
 * with the game (turn 12 filtered all twelve records again for each audience).
 *
 * <p>Turn records are only ever appended to a game, and a game whose last change is undone gets a new model,
 * so what is kept here never goes stale. Only the game's executor uses it.
 */
final class SeenTotals {
  /** Per viewer: element t - 1 holds the totals after turn t. */
  private final Map<Viewer, List<Map<String, Integer>>> byViewer = new HashMap<>();

  /** The totals after turn {@code turn} (1-based) of {@code records}, as {@code viewer} saw them. */
  Map<String, Integer> after(List<TurnRecord> records, int turn, Viewer viewer) {
    if (turn < 1 || turn > records.size()) {
      throw new IllegalArgumentException("turn " + turn + " is not among the " + records.size() + " resolved");
    }
    List<Map<String, Integer>> totals = byViewer.computeIfAbsent(viewer, v -> new ArrayList<>());
    while (totals.size() < turn) {
      Map<String, Integer> before = totals.isEmpty() ? Map.of() : totals.get(totals.size() - 1);
      totals.add(Collections.unmodifiableMap(Views.totalsAfter(before, records.get(totals.size()), viewer)));
    }
    return totals.get(turn - 1);
  }
}
