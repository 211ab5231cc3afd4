package brink.engine;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.InjectDef;
import brink.engine.def.MoveType;
import brink.engine.def.Objective;
import brink.engine.def.Pair;
import brink.engine.def.PairState;
import brink.engine.def.Regime;
import brink.engine.def.RegionDef;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import brink.engine.def.UnitDef;
import brink.engine.def.Visibility;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds small scenarios in Java for the engine's tests. */
final class ScenarioBuilder {
  final List<ActorDef> actors = new ArrayList<>();
  final List<DyadDef> dyads = new ArrayList<>();
  final List<Pair> primary = new ArrayList<>();
  final List<Alliance> alliances = new ArrayList<>();
  final List<PairState> pairStates = new ArrayList<>();
  final List<RegionDef> regions = new ArrayList<>();
  final List<UnitDef> units = new ArrayList<>();
  final List<InjectDef> injects = new ArrayList<>();
  final List<Objective> objectives = new ArrayList<>();
  final Map<MoveType, Visibility> visibility = new EnumMap<>(MoveType.class);
  Rules.Builder rules = Rules.builder();
  final String id;

  ScenarioBuilder(String id) {
    this.id = id;
  }

  /**
   * Pure Richardson mode of engine-model.md Part III (A cases): alerts 5, p_max 0, θ 0, war and settlement
   * rules off, unbounded turns.
   */
  static ScenarioBuilder pure(String id) {
    ScenarioBuilder b = new ScenarioBuilder(id);
    b.rules.incidentPMax(0).theta(0).warPersistTurns(0).settleThreshold(0).maxTurns(0);
    return b;
  }

  /** The two-actor X–Y system of the A cases: x = H_XY, y = H_YX. */
  static ScenarioBuilder pureDyad(double a, double b, double k, double l, double g, double h, double x0, double y0) {
    return pure("pure-xy")
        .actor("x", Regime.DEMOCRACY, false, 5, 0)
        .actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", x0, a, k, g)
        .dyad("y", "x", y0, b, l, h)
        .primary("x", "y");
  }

  ScenarioBuilder actor(String id, Regime regime, boolean nuclear, int alert, double reserve) {
    actors.add(new ActorDef(id, Text.of(id.toUpperCase()), regime, nuclear, alert, "passive", null, null, 100, 100,
        reserve, 0));
    return this;
  }

  ScenarioBuilder actor(ActorDef def) {
    actors.add(def);
    return this;
  }

  ScenarioBuilder dyad(String from, String to, double h0, double a, double k, double g0) {
    return dyad(from, to, h0, a, k, g0, 0);
  }

  ScenarioBuilder dyad(String from, String to, double h0, double a, double k, double g0, double deployed) {
    dyads.add(new DyadDef(from, to, h0, a, k, g0, 0, deployed, false, ""));
    return this;
  }

  ScenarioBuilder dyad(DyadDef def) {
    dyads.add(def);
    return this;
  }

  ScenarioBuilder primary(String a, String b) {
    primary.add(new Pair(a, b));
    return this;
  }

  ScenarioBuilder alliance(String... members) {
    alliances.add(new Alliance(List.of(members), null));
    return this;
  }

  ScenarioBuilder region(String id, List<String> faces, List<String> barredFor) {
    regions.add(new RegionDef(id, null, "", faces, barredFor));
    return this;
  }

  ScenarioBuilder unit(String id, String owner, int size, String location, boolean onAlert) {
    units.add(new UnitDef(id, owner, null, size, location, onAlert, null));
    return this;
  }

  ScenarioBuilder inject(InjectDef def) {
    injects.add(def);
    return this;
  }

  ScenarioBuilder objective(Objective o) {
    objectives.add(o);
    return this;
  }

  ScenarioBuilder pairState(PairState ps) {
    pairStates.add(ps);
    return this;
  }

  ScenarioBuilder visibility(MoveType type, Visibility v) {
    visibility.put(type, v);
    return this;
  }

  Scenario build() {
    return new Scenario(id, null, null, "2022-02-03", 7, rules.build(), actors, dyads, primary, alliances,
        pairStates, regions, units, injects, List.of(), List.of(), objectives, visibility, null, List.of(),
        List.of());
  }
}
