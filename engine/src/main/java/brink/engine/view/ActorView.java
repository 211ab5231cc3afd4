package brink.engine.view;

import brink.engine.Event;
import brink.engine.Flow;
import brink.engine.def.HistoricalMove;
import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.RegionDef;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one actor's seat may know at the start of a turn (engine-model.md Part II-b "Visibility",
 * II-c §9), built by {@link Views#actor}. It is what a player of the seat is shown and all a bot may read.
 *
 * <p>True tension and rung of every dyad; true hostility only on the actor's own dyads; the actor's own
 * alert, trust, deployments, reserve and standing; every actor's alert (public); its own units and others'
 * deployed units; last turn's events as the seat saw them (PARTIES moves of others reduced to "contact",
 * covert moves only when the seat made or detected them) and the flows F_ij and escalation scores computed
 * from those events only. Collections are sorted by id and unmodifiable.
 *
 * <p>{@link #check()} is the seat's submit-time check; it does not take part in {@link #equals}, so two
 * views are equal exactly when they show the same things.
 *
 * @param turn the turn about to be resolved (1 = first)
 * @param maxMovesPerTurn the rules' limit (II-b "Moves per turn")
 * @param withUnits the scenario declares units (deployments move units, II-c §3)
 * @param reserve deployable troops in thousands (with units: on-alert units in rear areas)
 * @param escalationTotal the actor's own cumulative Rivera escalation score
 * @param alerts every actor's alert posture (public)
 * @param partners the actors that form a dyad with this one
 * @param allies the actors sharing an alliance with this one
 * @param primaryPartners the partners of this actor's primary dyads
 * @param dyads every dyad of the scenario
 * @param trust this actor's trust τ in each partner (0..1)
 * @param historical this actor's moves in the scenario's historical record (all turns)
 * @param lastEvents last turn's events as this seat saw them
 * @param lastFlows last turn's F_ij over every directed dyad, from the visible events only
 * @param lastEscalation last turn's escalation score per actor, from the visible events only
 */
public record ActorView(
    String scenarioId,
    String actor,
    int turn,
    int maxMovesPerTurn,
    boolean withUnits,
    boolean nuclear,
    Regime regime,
    int alert,
    double stability,
    double audienceCost,
    double econ,
    double reserve,
    int escalationTotal,
    List<String> actors,
    SortedMap<String, Integer> alerts,
    List<String> partners,
    List<String> allies,
    List<String> primaryPartners,
    List<DyadView> dyads,
    SortedMap<String, Double> trust,
    List<UnitView> units,
    List<RegionDef> regions,
    List<HistoricalMove> historical,
    List<Event> lastEvents,
    List<Flow> lastFlows,
    SortedMap<String, Integer> lastEscalation,
    Outcome outcome,
    SubmissionCheck check) {
  public ActorView {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(check, "check");
    actors = List.copyOf(actors);
    alerts = Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
    partners = List.copyOf(partners);
    allies = List.copyOf(allies);
    primaryPartners = List.copyOf(primaryPartners);
    dyads = List.copyOf(dyads);
    trust = Collections.unmodifiableSortedMap(new TreeMap<>(trust));
    units = List.copyOf(units);
    regions = List.copyOf(regions);
    historical = List.copyOf(historical);
    lastEvents = List.copyOf(lastEvents);
    lastFlows = List.copyOf(lastFlows);
    lastEscalation = Collections.unmodifiableSortedMap(new TreeMap<>(lastEscalation));
  }

  /** The dyad of this actor with {@code other}. */
  public DyadView dyadWith(String other) {
    for (DyadView d : dyads) {
      if (d.contains(actor) && d.contains(other) && !actor.equals(other)) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + actor + "' forms no dyad with '" + other + "'");
  }

  /** T of this actor's dyad with {@code other}. */
  public double tensionWith(String other) {
    return dyadWith(other).tension();
  }

  /** Last turn's visible net Goldstein flow F_from,to (0 when none or no such dyad). */
  public double lastFlow(String from, String to) {
    for (Flow f : lastFlows) {
      if (f.from().equals(from) && f.to().equals(to)) {
        return f.value();
      }
    }
    return 0;
  }

  /** This actor's own units. */
  public List<UnitView> ownUnits() {
    return units.stream().filter(u -> u.owner().equals(actor)).collect(java.util.stream.Collectors.toList());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ActorView)) {
      return false;
    }
    ActorView v = (ActorView) o;
    return scenarioId.equals(v.scenarioId) && actor.equals(v.actor) && turn == v.turn
        && maxMovesPerTurn == v.maxMovesPerTurn && withUnits == v.withUnits && nuclear == v.nuclear
        && regime == v.regime && alert == v.alert && Double.compare(stability, v.stability) == 0
        && Double.compare(audienceCost, v.audienceCost) == 0 && Double.compare(econ, v.econ) == 0
        && Double.compare(reserve, v.reserve) == 0 && escalationTotal == v.escalationTotal
        && actors.equals(v.actors) && alerts.equals(v.alerts) && partners.equals(v.partners)
        && allies.equals(v.allies) && primaryPartners.equals(v.primaryPartners) && dyads.equals(v.dyads)
        && trust.equals(v.trust) && units.equals(v.units) && regions.equals(v.regions)
        && historical.equals(v.historical) && lastEvents.equals(v.lastEvents) && lastFlows.equals(v.lastFlows)
        && lastEscalation.equals(v.lastEscalation) && outcome == v.outcome;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenarioId, actor, turn, alert, dyads, units, lastEvents, lastFlows, trust);
  }

  @Override
  public String toString() {
    return "ActorView[" + actor + " before turn " + turn + ", alert " + alert + ", dyads " + dyads
        + ", lastEvents " + lastEvents + "]";
  }
}
