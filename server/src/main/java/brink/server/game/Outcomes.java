package brink.server.game;

import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.MoveCatalogue;
import brink.engine.TurnRecord;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.Scenario;
import brink.server.view.Protos;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Which dyads an outcome is about (Outcome.dyads), read from the turn that ended the game. */
final class Outcomes {
  private Outcomes() {}

  static List<brink.protocol.scenario.v1.Pair> dyads(Scenario sc, TurnRecord r, GameState after) {
    TreeSet<Pair> pairs = new TreeSet<>();
    switch (r.outcome()) {
      case NUCLEAR_CATASTROPHE:
      case WAR_DELIBERATE:
        // The dyads where force (or a nuclear weapon) was used this turn.
        for (Event e : r.events()) {
          if (!e.fromInject() && !e.target().isEmpty() && !e.actor().equals(e.target())
              && (MoveCatalogue.of(e.type()).force() || e.type() == MoveType.NUCLEAR_USE)
              && after.hasDyad(e.actor(), e.target())) {
            pairs.add(new Pair(e.actor(), e.target()));
          }
        }
        break;
      case WAR_INADVERTENT:
        for (Pair p : after.pairs()) {
          if (sc.rules().warPersistTurns() > 0 && after.warStreak(p.a(), p.b()) >= sc.rules().warPersistTurns()) {
            pairs.add(p);
          }
        }
        break;
      case SETTLEMENT_FORMAL:
      case SETTLEMENT_TACIT:
        pairs.addAll(after.primaryPairs());
        break;
      default:
        break;
    }
    List<brink.protocol.scenario.v1.Pair> out = new ArrayList<>();
    for (Pair p : pairs) {
      out.add(Protos.pair(p.a(), p.b()));
    }
    return out;
  }

}
