package brink.validation;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.Move;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.scenario.ScenarioConverter;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The feb2022-abstract fixture of engine-model.md Part III, loaded from its file
 * ({@code src/test/resources/brink/fixtures/feb2022-abstract.txtpb}) through {@link ScenarioConverter}, and
 * helpers to play it.
 */
final class Fixture {
  static final String RUS = "rus";
  static final String BLR = "blr";
  static final String UKR = "ukr";
  static final String USA = "usa";
  static final String NATO = "nato";
  static final List<String> ACTORS = List.of(BLR, NATO, RUS, UKR, USA);
  private static final String RESOURCE = "/brink/fixtures/feb2022-abstract.txtpb";

  private static final Scenario SCENARIO = load();

  private Fixture() {}

  private static Scenario load() {
    try (InputStream in = Fixture.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + RESOURCE + " is missing");
      }
      brink.protocol.scenario.v1.Scenario.Builder b = brink.protocol.scenario.v1.Scenario.newBuilder();
      TextFormat.merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), b);
      return ScenarioConverter.toEngine(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  static Scenario scenario() {
    return SCENARIO;
  }

  /** The fixture with its rules changed. */
  static Scenario withRules(Function<Rules.Builder, Rules.Builder> change) {
    return Copies.withRules(SCENARIO, change.apply(SCENARIO.rules().toBuilder()).build());
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
