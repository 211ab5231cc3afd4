package brink.engine.def;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A crisis as the engine sees it: the immutable definition a game starts from. The scenario loader
 * (module scenarios) builds it from a text-format file and validates it first, with line and column for
 * every error; the engine trusts it. Lists keep the file's order; the engine sorts by id where order
 * could matter.
 */
public record Scenario(
    String id,
    Text title,
    Text summary,
    String startDate,
    int turnLengthDays,
    Rules rules,
    List<ActorDef> actors,
    List<DyadDef> dyads,
    List<Pair> primaryDyads,
    List<Alliance> alliances,
    List<PairState> pairStates,
    List<RegionDef> regions,
    List<UnitDef> units,
    List<InjectDef> injects,
    List<HistoricalMove> historical,
    List<TimelineEntry> timeline,
    List<Objective> objectives,
    Map<MoveType, Visibility> visibility,
    Text background,
    List<Text> notes,
    List<String> sources) {
  public Scenario {
    Objects.requireNonNull(id, "id");
    title = Objects.requireNonNullElse(title, Text.of(id));
    summary = Objects.requireNonNullElse(summary, Text.EMPTY);
    startDate = Objects.requireNonNullElse(startDate, "");
    rules = Objects.requireNonNullElse(rules, Rules.defaults());
    actors = List.copyOf(actors);
    dyads = List.copyOf(dyads);
    primaryDyads = List.copyOf(primaryDyads);
    alliances = List.copyOf(alliances);
    pairStates = List.copyOf(pairStates);
    regions = List.copyOf(regions);
    units = List.copyOf(units);
    injects = List.copyOf(injects);
    historical = List.copyOf(historical);
    timeline = List.copyOf(timeline);
    objectives = List.copyOf(objectives);
    EnumMap<MoveType, Visibility> vis = new EnumMap<>(MoveType.class);
    vis.putAll(visibility);
    visibility = java.util.Collections.unmodifiableMap(vis);
    background = Objects.requireNonNullElse(background, Text.EMPTY);
    notes = List.copyOf(notes);
    sources = List.copyOf(sources);
  }

  /** True when the scenario declares units (then deployments move units, engine-model.md II-c §3). */
  public boolean hasUnits() {
    return !units.isEmpty();
  }
}
