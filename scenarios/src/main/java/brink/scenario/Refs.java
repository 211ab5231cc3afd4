package brink.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The ids a scenario defines, for checking references (from the file, or from a loaded scenario). */
final class Refs {
  final Set<String> actors = new TreeSet<>();
  final Set<String> nuclear = new TreeSet<>();
  final Set<String> regions = new TreeSet<>();
  /** unit id -> owner. */
  final Map<String, String> units = new TreeMap<>();
  /** region id -> actors barred from it. */
  final Map<String, Set<String>> barred = new TreeMap<>();
  /** Directed dyads "from\u0000to". */
  final Set<String> directed = new TreeSet<>();

  boolean hasUnits() {
    return !units.isEmpty();
  }

  /** True when both directions of {a, b} are defined (engine-model.md Part II-c §1). */
  boolean dyad(String a, String b) {
    return directed.contains(key(a, b)) && directed.contains(key(b, a));
  }

  boolean barred(String region, String actor) {
    return barred.getOrDefault(region, Collections.emptySet()).contains(actor);
  }

  static String key(String from, String to) {
    return from + '\u0000' + to;
  }

  static Refs of(brink.protocol.scenario.v1.Scenario s) {
    Refs r = new Refs();
    for (brink.protocol.scenario.v1.Actor a : s.getActorList()) {
      if (!a.getId().isEmpty()) {
        r.actors.add(a.getId());
        if (a.getNuclear()) {
          r.nuclear.add(a.getId());
        }
      }
    }
    for (brink.protocol.scenario.v1.Region g : s.getRegionList()) {
      if (!g.getId().isEmpty()) {
        r.regions.add(g.getId());
        r.barred.computeIfAbsent(g.getId(), k -> new TreeSet<>()).addAll(g.getBarredForList());
      }
    }
    for (brink.protocol.scenario.v1.Unit u : s.getUnitList()) {
      if (!u.getId().isEmpty()) {
        r.units.putIfAbsent(u.getId(), u.getOwner());
      }
    }
    for (brink.protocol.scenario.v1.Dyad d : s.getDyadList()) {
      r.directed.add(key(d.getFrom(), d.getTo()));
    }
    return r;
  }

  static Refs of(brink.engine.def.Scenario s) {
    Refs r = new Refs();
    for (brink.engine.def.ActorDef a : s.actors()) {
      r.actors.add(a.id());
      if (a.nuclear()) {
        r.nuclear.add(a.id());
      }
    }
    for (brink.engine.def.RegionDef g : s.regions()) {
      r.regions.add(g.id());
      r.barred.computeIfAbsent(g.id(), k -> new TreeSet<>()).addAll(g.barredFor());
    }
    for (brink.engine.def.UnitDef u : s.units()) {
      r.units.putIfAbsent(u.id(), u.owner());
    }
    for (brink.engine.def.DyadDef d : s.dyads()) {
      r.directed.add(key(d.from(), d.to()));
    }
    return r;
  }
}
