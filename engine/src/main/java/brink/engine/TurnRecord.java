package brink.engine;

import brink.engine.def.Outcome;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one turn did, unfiltered (the after-action truth; views filter it per viewer). The history of a game
 * is the list of these, kept by the caller (engine-model.md Part II-c §7).
 *
 * @param turn the turn resolved (1 = first)
 * @param dyads every dyad, in (smaller id, larger id) order
 * @param actors every actor, in id order
 * @param events inject effects first, then accepted moves by actor id and canonical move order
 * @param rejections every rejected move or submission
 * @param defaulted actors that did not submit → the bot that played them ("silent" when the rules make
 *     silent seats wait)
 * @param injectsFired ids of the injects that fired this turn, sorted
 * @param draws every random number drawn (stream 0 then stream 1)
 * @param flows F_ij over every directed dyad, true values (covert included)
 * @param outcome ONGOING or how the game ended this turn
 * @param stateDigest hex SHA-256 of the canonical encoding of the state after the turn
 */
public record TurnRecord(
    int turn,
    List<DyadRecord> dyads,
    List<ActorRecord> actors,
    List<Event> events,
    List<Rejection> rejections,
    SortedMap<String, String> defaulted,
    List<String> injectsFired,
    List<Draw> draws,
    List<Flow> flows,
    Outcome outcome,
    String stateDigest) {
  public TurnRecord {
    dyads = List.copyOf(dyads);
    actors = List.copyOf(actors);
    events = List.copyOf(events);
    rejections = List.copyOf(rejections);
    defaulted = Collections.unmodifiableSortedMap(new TreeMap<>(defaulted));
    injectsFired = List.copyOf(injectsFired);
    draws = List.copyOf(draws);
    flows = List.copyOf(flows);
  }

  /** The record of dyad {a, b} (either order). */
  public DyadRecord dyad(String a, String b) {
    String x = a.compareTo(b) <= 0 ? a : b;
    String y = a.compareTo(b) <= 0 ? b : a;
    for (DyadRecord d : dyads) {
      if (d.a().equals(x) && d.b().equals(y)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no dyad " + x + "-" + y + " in turn " + turn);
  }

  /** The record of an actor. */
  public ActorRecord actor(String id) {
    for (ActorRecord a : actors) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no actor " + id + " in turn " + turn);
  }
}
