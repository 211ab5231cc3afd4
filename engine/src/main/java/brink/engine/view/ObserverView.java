package brink.engine.view;

import brink.engine.Event;
import brink.engine.Flow;
import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.engine.def.RegionDef;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public picture of a game (the projector), built by {@link Views#observer}: tension, rung and public
 * flags of every dyad (no hostility, talks or progress), every actor's alert, deployed units, last turn's
 * PUBLIC events with PARTIES moves reduced to "contact" and no covert move, and the flows and escalation
 * scores computed from those alone.
 *
 * @param turn the turn about to be resolved (1 = first)
 */
public record ObserverView(
    String scenarioId,
    int turn,
    List<String> actors,
    SortedMap<String, Integer> alerts,
    List<Pair> primaryDyads,
    List<DyadView> dyads,
    List<UnitView> units,
    List<RegionDef> regions,
    List<Event> lastEvents,
    List<Flow> lastFlows,
    SortedMap<String, Integer> lastEscalation,
    Outcome outcome) {
  public ObserverView {
    actors = List.copyOf(actors);
    alerts = Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
    primaryDyads = List.copyOf(primaryDyads);
    dyads = List.copyOf(dyads);
    units = List.copyOf(units);
    regions = List.copyOf(regions);
    lastEvents = List.copyOf(lastEvents);
    lastFlows = List.copyOf(lastFlows);
    lastEscalation = Collections.unmodifiableSortedMap(new TreeMap<>(lastEscalation));
  }
}
