package brink.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Runs a game for tests. */
final class Runs {
  private Runs() {}

  /** The states after turns 0..turns (index = turn), everyone waiting. */
  static List<GameState> waiting(GameState start, int turns) {
    return run(start, turns, t -> Orders.none());
  }

  /** The states after turns 0..turns; {@code orders} gets the turn number being resolved (1 = first). */
  static List<GameState> run(GameState start, int turns, IntFunction<Orders> orders) {
    List<GameState> out = new ArrayList<>();
    out.add(start);
    GameState s = start;
    for (int t = 1; t <= turns && !s.isOver(); t++) {
      s = Engine.resolve(s, orders.apply(t)).next();
      out.add(s);
    }
    return out;
  }

  /** The records of turns 1..turns. */
  static List<TurnRecord> records(GameState start, int turns, IntFunction<Orders> orders) {
    List<TurnRecord> out = new ArrayList<>();
    GameState s = start;
    for (int t = 1; t <= turns && !s.isOver(); t++) {
      TurnResult r = Engine.resolve(s, orders.apply(t));
      out.add(r.record());
      s = r.next();
    }
    return out;
  }
}
