package brink.bench;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Scenario;
import brink.scenario.Library;
import java.util.List;
import java.util.TreeMap;

/**
 * The scenarios and orders the benchmarks resolve. Each case's orders are the same every turn and keep the
 * game going for thousands of turns, so that a state with a long history can be built and timed.
 */
final class BenchCases {
  static final String DEFAULT = "eastern-flank-2022";
  static final String GENERATED = "generated-50";
  /** The default case without its twelve injects: every turn then does the same work. */
  static final String DEFAULT_NO_INJECTS = "eastern-flank-2022-no-injects";

  private BenchCases() {}

  /** A scenario, unbounded, and the orders every actor submits each turn. */
  record Case(Scenario scenario, Orders orders) {
    /** The state before turn {@code turn} (1 = the first), reached by resolving the orders turn by turn. */
    GameState before(int turn) {
      GameState s = Engine.initial(scenario, 1);
      for (int t = 1; t < turn; t++) {
        s = Engine.resolve(s, orders).next();
      }
      if (s.isOver()) {
        throw new IllegalStateException(scenario.id() + " ended before turn " + turn + ": " + s.outcome());
      }
      return s;
    }
  }

  static Case of(String name) {
    if (DEFAULT.equals(name)) {
      return defaultWithTalks();
    }
    if (DEFAULT_NO_INJECTS.equals(name)) {
      Case c = defaultWithTalks();
      Scenario s = c.scenario();
      return new Case(new Scenario(s.id(), s.title(), s.summary(), s.startDate(), s.turnLengthDays(), s.rules(),
          s.actors(), s.dyads(), s.primaryDyads(), s.alliances(), s.pairStates(), s.regions(), s.units(), List.of(),
          s.historical(), s.timeline(), s.objectives(), s.visibility(), s.background(), s.notes(), s.sources()),
          c.orders());
    }
    if (GENERATED.equals(name)) {
      return new Case(GeneratedScenario.fiftyActors(), new Orders(new TreeMap<>(GeneratedScenario.orders())));
    }
    throw new IllegalArgumentException("no benchmark case " + name);
  }

  /** The bundled default scenario exactly as shipped (max 12 turns). */
  static Scenario bundledDefault() {
    return Library.bundled(DEFAULT).scenario();
  }

  /**
   * The default scenario with its 12-turn limit lifted (max_turns 0) and every actor negotiating with every
   * partner each turn: mutual talks hold the Russia-Ukraine spiral down (engine-model.md II §7), so the game
   * runs on (the Russian troops stay, so no tacit settlement; nobody signs, so no formal one).
   */
  static Case defaultWithTalks() {
    Scenario sc = bundledDefault();
    Scenario unbounded = new Scenario(sc.id(), sc.title(), sc.summary(), sc.startDate(), sc.turnLengthDays(),
        sc.rules().toBuilder().maxTurns(0).build(), sc.actors(), sc.dyads(), sc.primaryDyads(), sc.alliances(),
        sc.pairStates(), sc.regions(), sc.units(), sc.injects(), sc.historical(), sc.timeline(), sc.objectives(),
        sc.visibility(), sc.background(), sc.notes(), sc.sources());
    GameState start = Engine.initial(unbounded, 1);
    Orders.Builder orders = Orders.builder();
    for (String actor : start.actorIds()) {
      orders.waitFor(actor);
      for (String partner : start.partners(actor)) {
        orders.submit(actor, Move.toward(MoveType.NEGOTIATE, partner));
      }
    }
    return new Case(unbounded, orders.build());
  }
}
