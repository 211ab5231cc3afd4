package brink.server.game;

import brink.engine.BotPlayer;
import brink.engine.DefaultBots;
import brink.engine.Engine;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.protocol.v1.SubmissionStatus;
import brink.scenario.ScenarioConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the engine for a game's next turn: the seats' orders, the game's bots for silent seats, the injects
 * the instructor fired. Used by live resolution, by replay (which must give the same digest) and by inject
 * previews (which keep nothing).
 */
final class Resolver {
  /** What the engine records for a seat that waited because the rules say silent seats wait. */
  private static final String SILENT = "silent";

  private Resolver() {}

  static TurnResult resolve(GameModel m, List<InjectDef> extra) {
    Orders.Builder orders = Orders.builder();
    for (Seat seat : m.seats.values()) {
      if (seat.status == SubmissionStatus.SUBMITTED_WAIT) {
        orders.waitFor(seat.actor);
      } else if (seat.status == SubmissionStatus.SUBMITTED_MOVES) {
        orders.submit(seat.actor, engineMoves(seat.moves));
      }
    }
    List<InjectDef> injects = new ArrayList<>(m.handInjects.getOrDefault(m.nextResolutionTurn(), List.of()));
    injects.addAll(extra);
    Map<String, String> bots = m.bots;
    // The game's bot choice (CreateGame.bots over the scenario's default_bot) replaces the engine's lookup.
    BotPlayer players = (s, actor, scenarioBot) -> DefaultBots.INSTANCE.play(s, actor, bots.get(actor));
    return Engine.resolve(m.state, orders.build(), players, injects);
  }

  static List<Move> engineMoves(List<brink.protocol.scenario.v1.Move> moves) {
    List<Move> out = new ArrayList<>(moves.size());
    for (brink.protocol.scenario.v1.Move mv : moves) {
      out.add(ScenarioConverter.move(mv));
    }
    return out;
  }

  /** The seats that defaulted in a record, with the bot that really played them ("" = waited). */
  static SortedMap<String, String> defaulted(GameModel m, TurnRecord r) {
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : r.defaulted().entrySet()) {
      out.put(e.getKey(), SILENT.equals(e.getValue()) ? "" : m.bots.get(e.getKey()));
    }
    return out;
  }
}
