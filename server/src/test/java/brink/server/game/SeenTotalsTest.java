package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.ActorRecord;
import brink.engine.DefaultBots;
import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.Scenario;
import brink.engine.view.Viewer;
import brink.engine.view.Views;
import brink.scenario.Library;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenTotalsTest {
  /** The default scenario played by its default bots until it ends or its turns run out. */
  private static List<TurnRecord> playedGame() {
    Scenario sc = Library.bundled("eastern-flank-2022").scenario();
    GameState s = Engine.initial(sc, 7);
    List<TurnRecord> records = new ArrayList<>();
    while (!s.isOver()) {
      TurnResult r = Engine.resolve(s, Orders.builder().build(), DefaultBots.INSTANCE);
      records.add(r.record());
      s = r.next();
    }
    return records;
  }

  @Test
  void after_givesEveryViewerTheTotalsOfTheWholeHistoryFiltered_turnByTurn() {
    List<TurnRecord> records = playedGame();
    Scenario sc = Library.bundled("eastern-flank-2022").scenario();
    List<Viewer> viewers = new ArrayList<>(List.of(Viewer.OBSERVER, Viewer.INSTRUCTOR));
    records.get(0).actors().forEach(a -> viewers.add(Viewer.actor(a.id())));
    SeenTotals kept = new SeenTotals();
    int hidden = 0;
    for (int turn = 1; turn <= records.size(); turn++) {
      for (Viewer v : viewers) {
        List<TurnRecord> history = Views.history(sc, records.subList(0, turn), v);
        Map<String, Integer> expected = new HashMap<>();
        for (ActorRecord a : history.get(turn - 1).actors()) {
          expected.put(a.id(), a.escalationTotal());
          if (a.escalationTotal() != records.get(turn - 1).actor(a.id()).escalationTotal()) {
            hidden++;
          }
        }
        assertThat(kept.after(records, turn, v)).as("turn %d, %s", turn, v).isEqualTo(expected);
      }
    }
    assertThat(records).as("a game long enough to sum").hasSizeGreaterThan(2);
    assertThat(hidden).as("some viewer saw less than the true totals, so the filter is exercised").isPositive();
  }

  @Test
  void after_aTurnNotYetResolved_isRefused() {
    List<TurnRecord> records = playedGame();
    assertThatThrownBy(() -> new SeenTotals().after(records, records.size() + 1, Viewer.OBSERVER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not among");
  }
}
