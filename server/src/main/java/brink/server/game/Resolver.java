package brink.server.game;

import brink.engine.DefaultBots;
import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.Move;
import brink.engine.def.Scenario;
import brink.protocol.v1.InjectEntry;
import brink.protocol.v1.SubmissionStatus;
import brink.scenario.ScenarioConverter;
import brink.server.report.EffectiveScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the engine for a game's next turn: the seats' orders, bots for silent seats, the injects the
 * instructor fired. The engine knows injects only as part of a scenario, so the game runs under its
 * {@link EffectiveScenario} (the scenario file with CreateGame.bots and every inject fired so far); when an
 * inject joins it, the state is rebuilt under the new scenario by resolving the past turns again with their
 * orders (the same rule the after-action report replays by, so that every journaled digest replays). Used
 * by live resolution, by recovery, and by inject previews (which keep nothing).
 */
final class Resolver {
  /** What the engine records for a seat that waited because the rules say silent seats wait. */
  private static final String SILENT = "silent";

  private Resolver() {}

  /** A resolved turn with the scenario and the rebuilt starting state it was resolved under. */
  record Resolution(TurnResult result, Scenario scenario, GameState before, Orders orders, int injectsApplied) {}

  /** Resolves the next turn under the injects journaled so far. */
  static Resolution resolve(GameModel m) {
    return resolve(m, m.injectEntries);
  }

  /** Resolves the next turn as if exactly {@code injects} had been fired (a preview adds one). */
  static Resolution resolve(GameModel m, List<InjectEntry> injects) {
    Scenario scenario = m.effective;
    GameState before = m.state;
    if (injects.size() != m.injectsApplied) {
      scenario = EffectiveScenario.of(m.scenario, m.created.getBotsMap(), injects);
      before = replay(scenario, m.created.getSeed(), m.ordersByTurn);
    }
    Orders orders = ordersOf(m);
    TurnResult r = Engine.resolve(before, orders, DefaultBots.INSTANCE);
    return new Resolution(r, scenario, before, orders, injects.size());
  }

  /** The state after the given turns' orders under a scenario, from the start. */
  static GameState replay(Scenario scenario, long seed, List<Orders> turns) {
    GameState s = Engine.initial(scenario, seed);
    for (Orders o : turns) {
      s = Engine.resolve(s, o, DefaultBots.INSTANCE).next();
    }
    return s;
  }

  /** The seats' current submissions as the engine's orders (seats that submitted nothing are absent). */
  static Orders ordersOf(GameModel m) {
    Orders.Builder orders = Orders.builder();
    for (Seat seat : m.seats.values()) {
      if (seat.status == SubmissionStatus.SUBMITTED_WAIT) {
        orders.waitFor(seat.actor);
      } else if (seat.status == SubmissionStatus.SUBMITTED_MOVES) {
        orders.submit(seat.actor, engineMoves(seat.moves));
      }
    }
    return orders.build();
  }

  static List<Move> engineMoves(List<brink.protocol.scenario.v1.Move> moves) {
    List<Move> out = new ArrayList<>(moves.size());
    for (brink.protocol.scenario.v1.Move mv : moves) {
      out.add(ScenarioConverter.move(mv));
    }
    return out;
  }

  /** The seats that defaulted in a record, with the bot that played them ("" = waited). */
  static SortedMap<String, String> defaulted(TurnRecord r) {
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : r.defaulted().entrySet()) {
      out.put(e.getKey(), SILENT.equals(e.getValue()) ? "" : e.getValue());
    }
    return out;
  }
}
