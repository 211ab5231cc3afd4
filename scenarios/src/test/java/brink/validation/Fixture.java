package brink.validation;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.Move;
import brink.engine.def.Pair;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The feb2022-abstract fixture of engine-model.md Part III and helpers to play it. Temporary Java copy until
 * the fixture file lands on main.
 */
final class Fixture {
  static final String RUS = "rus";
  static final String BLR = "blr";
  static final String UKR = "ukr";
  static final String USA = "usa";
  static final String NATO = "nato";
  static final List<String> ACTORS = List.of(BLR, NATO, RUS, UKR, USA);

  private Fixture() {}

  static Scenario scenario() {
    return build(Function.identity());
  }

  /** The fixture with its rules changed. */
  static Scenario withRules(Function<Rules.Builder, Rules.Builder> change) {
    return build(change);
  }

  private static Scenario build(Function<Rules.Builder, Rules.Builder> change) {
    List<ActorDef> actors = List.of(
        actor(RUS, Regime.AUTOCRACY, true, 3, 200),
        actor(BLR, Regime.AUTOCRACY, false, 4, 0),
        actor(UKR, Regime.DEMOCRACY, false, 3, 0),
        actor(USA, Regime.DEMOCRACY, true, 4, 8.5),
        actor(NATO, Regime.DEMOCRACY, true, 4, 0));
    List<DyadDef> dyads = List.of(
        dyad(RUS, UKR, 45, 0.08, 0.12, 2.0, 100),
        dyad(UKR, RUS, 30, 0.10, 0.15, 1.5, 0),
        dyad(RUS, USA, 35, 0.10, 0.05, 2.0, 0),
        dyad(USA, RUS, 25, 0.12, 0.04, 1.6, 3),
        dyad(RUS, NATO, 35, 0.10, 0.05, 2.0, 0),
        dyad(NATO, RUS, 30, 0.12, 0.04, 2.2, 0),
        dyad(BLR, UKR, 30, 0.10, 0.03, 2.4, 0),
        dyad(UKR, BLR, 20, 0.10, 0.05, 0.5, 0));
    Rules rules = change.apply(Rules.defaults().toBuilder().incidentPMax(0).maxTurns(12)).build();
    return new Scenario("feb2022-abstract", Text.of("February 2022 (abstract fixture)"), null, "2022-02-03", 7,
        rules, actors, dyads, List.of(new Pair(RUS, UKR)),
        List.of(new Alliance(List.of(RUS, BLR), null), new Alliance(List.of(USA, NATO), null)),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null, List.of(),
        List.of());
  }

  private static ActorDef actor(String id, Regime regime, boolean nuclear, int alert, double reserve) {
    return new ActorDef(id, Text.of(id.toUpperCase()), regime, nuclear, alert, "passive", null, null, 100, 100,
        reserve, 0);
  }

  private static DyadDef dyad(String from, String to, double h, double a, double k, double g, double deployed) {
    return new DyadDef(from, to, h, a, k, g, 0, deployed, false, "");
  }

  static GameState start() {
    return Engine.initial(scenario(), 2022L);
  }

  /** Orders where every actor submits WAIT except those given. */
  static Orders everyoneWaits(Map<String, List<Move>> moves) {
    Orders.Builder b = Orders.builder();
    for (String a : ACTORS) {
      b.submit(a, moves.getOrDefault(a, List.of()));
    }
    return b.build();
  }

  static Orders allWait() {
    return everyoneWaits(Map.of());
  }

  /** States after turns 0..turns (stops early if the game ends). */
  static List<GameState> play(GameState start, int turns, IntFunction<Orders> orders) {
    List<GameState> out = new ArrayList<>();
    out.add(start);
    GameState s = start;
    for (int t = 1; t <= turns && !s.isOver(); t++) {
      s = Engine.resolve(s, orders.apply(t)).next();
      out.add(s);
    }
    return out;
  }

  /** Records of turns 1..turns. */
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
