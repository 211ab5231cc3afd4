package brink.engine.testkit;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.HistoricalMove;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
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

/** Small scenarios built in Java for the bot, view and simulation tests. */
public final class TestScenario {
  public static final String RUS = "rus";
  public static final String BLR = "blr";
  public static final String UKR = "ukr";
  public static final String USA = "usa";
  public static final String NATO = "nato";

  private final String id;
  private final List<ActorDef> actors = new ArrayList<>();
  private final List<DyadDef> dyads = new ArrayList<>();
  private final List<Pair> primary = new ArrayList<>();
  private final List<Alliance> alliances = new ArrayList<>();
  private final List<PairState> pairStates = new ArrayList<>();
  private final List<RegionDef> regions = new ArrayList<>();
  private final List<UnitDef> units = new ArrayList<>();
  private final List<InjectDef> injects = new ArrayList<>();
  private final List<HistoricalMove> historical = new ArrayList<>();
  private final Map<MoveType, Visibility> visibility = new EnumMap<>(MoveType.class);
  private Rules.Builder rules = Rules.defaults().toBuilder().incidentPMax(0);

  public TestScenario(String id) {
    this.id = id;
  }

  /**
   * The feb2022-abstract fixture of engine-model.md Part III: the actors, alerts, blocs and dyad table of
   * §II.7, D_RUS→UKR = 100, D_USA→RUS = 3, no units, reserve_RUS = 200, reserve_USA = 8.5, p_max = 0,
   * max_turns 12; every seat's default bot {@code defaultBot}.
   */
  public static TestScenario feb2022(String defaultBot) {
    TestScenario s = new TestScenario("feb2022-abstract");
    s.actor(RUS, Regime.AUTOCRACY, true, 3, 200, defaultBot)
        .actor(BLR, Regime.AUTOCRACY, false, 4, 0, defaultBot)
        .actor(UKR, Regime.DEMOCRACY, false, 3, 0, defaultBot)
        .actor(USA, Regime.DEMOCRACY, true, 4, 8.5, defaultBot)
        .actor(NATO, Regime.DEMOCRACY, true, 4, 0, defaultBot)
        .dyad(RUS, UKR, 45, 0.08, 0.12, 2.0, 100)
        .dyad(UKR, RUS, 30, 0.10, 0.15, 1.5, 0)
        .dyad(RUS, USA, 35, 0.10, 0.05, 2.0, 0)
        .dyad(USA, RUS, 25, 0.12, 0.04, 1.6, 3)
        .dyad(RUS, NATO, 35, 0.10, 0.05, 2.0, 0)
        .dyad(NATO, RUS, 30, 0.12, 0.04, 2.2, 0)
        .dyad(BLR, UKR, 30, 0.10, 0.03, 2.4, 0)
        .dyad(UKR, BLR, 20, 0.10, 0.05, 0.5, 0)
        .primary(RUS, UKR)
        .alliance(RUS, BLR)
        .alliance(USA, NATO);
    s.rules.maxTurns(12);
    return s;
  }

  public TestScenario actor(String id, Regime regime, boolean nuclear, int alert, double reserve, String bot) {
    actors.add(new ActorDef(id, Text.of(id.toUpperCase(java.util.Locale.ROOT)), regime, nuclear, alert, bot,
        null, null, 100, 100, reserve, 0));
    return this;
  }

  public TestScenario dyad(String from, String to, double h0, double a, double k, double g0, double deployed) {
    dyads.add(new DyadDef(from, to, h0, a, k, g0, 0, deployed, false, ""));
    return this;
  }

  public TestScenario primary(String a, String b) {
    primary.add(new Pair(a, b));
    return this;
  }

  public TestScenario alliance(String... members) {
    alliances.add(new Alliance(List.of(members), null));
    return this;
  }

  public TestScenario pairState(PairState ps) {
    pairStates.add(ps);
    return this;
  }

  public TestScenario region(String id, List<String> faces, List<String> barredFor) {
    return region(id, "", faces, barredFor);
  }

  public TestScenario region(String id, String sovereign, List<String> faces, List<String> barredFor) {
    regions.add(new RegionDef(id, null, sovereign, faces, barredFor));
    return this;
  }

  public TestScenario unit(String id, String owner, int size, String location, boolean onAlert) {
    units.add(new UnitDef(id, owner, null, size, location, onAlert, null));
    return this;
  }

  public TestScenario inject(InjectDef def) {
    injects.add(def);
    return this;
  }

  public TestScenario historical(int turn, String actor, Move move) {
    historical.add(new HistoricalMove(turn, actor, move, null, null));
    return this;
  }

  public TestScenario visibility(MoveType type, Visibility v) {
    visibility.put(type, v);
    return this;
  }

  public TestScenario rules(java.util.function.UnaryOperator<Rules.Builder> change) {
    rules = change.apply(rules);
    return this;
  }

  public Scenario build() {
    return new Scenario(id, null, null, "2022-02-03", 7, rules.build(), actors, dyads, primary, alliances,
        pairStates, regions, units, injects, historical, List.of(), List.of(), visibility, null, List.of(),
        List.of());
  }
}
