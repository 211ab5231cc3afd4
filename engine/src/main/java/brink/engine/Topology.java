package brink.engine;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.InjectDef;
import brink.engine.def.Pair;
import brink.engine.def.RegionDef;
import brink.engine.def.Scenario;
import brink.engine.def.UnitDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fixed structure of a scenario, indexed once for a game and shared by all its states: actors by rank
 * (ids sorted with {@link String#compareTo}), pairs by rank ((smaller id, larger id) order), directed dyads
 * (2p = a→b, 2p+1 = b→a of pair p), regions and units by id, injects by id. Lookups by id use hash maps but
 * nothing ever iterates them.
 */
final class Topology {
  final Scenario scenario;
  final int n;
  final String[] actorIds;
  final ActorDef[] actors;
  private final Map<String, Integer> actorRank = new HashMap<>();

  final int pairCount;
  final Pair[] pairs;
  final int[] pairA;
  final int[] pairB;
  /** n×n: pair index of {i, j}, −1 when none. */
  private final int[] pairOf;

  /** Per directed dyad d: from, to ranks, restraint a, reaction k. */
  final int[] from;
  final int[] to;
  final double[] restraint;
  final double[] reaction;
  /** Per directed dyad (i,j): the dyads (m,i) for m ∈ allies(j), m ≠ i (Richardson N-nation coupling). */
  final int[][] allyDirs;
  /** Per actor: its outgoing directed dyads, by partner rank. */
  final int[][] outDirs;
  /** n×n: true when i and j share an alliance. */
  private final boolean[] sameBloc;
  /** Pair indices of the primary dyads, sorted. */
  final int[] primary;

  final boolean hasUnits;
  final String[] regionIds;
  final RegionDef[] regions;
  private final Map<String, Integer> regionIndex = new HashMap<>();
  /** Per region: the ranks of the actors it faces, sorted. */
  final int[][] faces;
  /** Per region × actor: faces? (n columns). */
  private final boolean[] facesFlat;
  private final boolean[] barredFlat;

  final String[] unitIds;
  final UnitDef[] units;
  final int[] unitOwner;
  final int[] unitSize;
  private final Map<String, Integer> unitIndex = new HashMap<>();

  final InjectDef[] injects;

  Topology(Scenario scenario) {
    this.scenario = scenario;
    List<ActorDef> sortedActors = new ArrayList<>(scenario.actors());
    sortedActors.sort(Comparator.comparing(ActorDef::id));
    n = sortedActors.size();
    if (n == 0) {
      throw new IllegalArgumentException("scenario " + scenario.id() + " has no actors");
    }
    actorIds = new String[n];
    actors = new ActorDef[n];
    for (int i = 0; i < n; i++) {
      actors[i] = sortedActors.get(i);
      actorIds[i] = actors[i].id();
      if (actorRank.put(actorIds[i], i) != null) {
        throw new IllegalArgumentException("actor " + actorIds[i] + " is defined twice");
      }
    }

    TreeSet<Pair> pairSet = new TreeSet<>();
    Map<String, DyadDef> directed = new HashMap<>();
    for (DyadDef d : scenario.dyads()) {
      int i = requireActor(d.from(), "dyad");
      int j = requireActor(d.to(), "dyad");
      if (i == j) {
        throw new IllegalArgumentException("dyad " + d.from() + "->" + d.to() + " targets itself");
      }
      if (directed.put(d.from() + "\u0000" + d.to(), d) != null) {
        throw new IllegalArgumentException("dyad " + d.from() + "->" + d.to() + " is defined twice");
      }
      pairSet.add(new Pair(d.from(), d.to()));
    }
    pairCount = pairSet.size();
    pairs = pairSet.toArray(new Pair[0]);
    pairA = new int[pairCount];
    pairB = new int[pairCount];
    pairOf = new int[n * n];
    Arrays.fill(pairOf, -1);
    from = new int[2 * pairCount];
    to = new int[2 * pairCount];
    restraint = new double[2 * pairCount];
    reaction = new double[2 * pairCount];
    for (int p = 0; p < pairCount; p++) {
      int a = actorRank.get(pairs[p].a());
      int b = actorRank.get(pairs[p].b());
      pairA[p] = a;
      pairB[p] = b;
      pairOf[a * n + b] = p;
      pairOf[b * n + a] = p;
      for (int side = 0; side < 2; side++) {
        int d = 2 * p + side;
        int i = side == 0 ? a : b;
        int j = side == 0 ? b : a;
        DyadDef def = directed.get(actorIds[i] + "\u0000" + actorIds[j]);
        if (def == null) {
          throw new IllegalArgumentException(
              "dyad " + actorIds[j] + "->" + actorIds[i] + " has no reverse direction "
                  + actorIds[i] + "->" + actorIds[j] + " (a dyad needs both, engine-model.md II-c §1)");
        }
        from[d] = i;
        to[d] = j;
        restraint[d] = def.restraint();
        reaction[d] = def.reaction();
      }
    }

    sameBloc = new boolean[n * n];
    List<TreeSet<Integer>> allies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      allies.add(new TreeSet<>());
    }
    for (Alliance al : scenario.alliances()) {
      for (String x : al.members()) {
        int i = requireActor(x, "alliance");
        for (String y : al.members()) {
          int j = requireActor(y, "alliance");
          sameBloc[i * n + j] = true;
          if (i != j) {
            allies.get(i).add(j);
          }
        }
      }
    }
    allyDirs = new int[2 * pairCount][];
    for (int d = 0; d < 2 * pairCount; d++) {
      int i = from[d];
      int j = to[d];
      List<Integer> list = new ArrayList<>();
      for (int m : allies.get(j)) {
        if (m != i) {
          int md = dir(m, i);
          if (md >= 0) {
            list.add(md);
          }
        }
      }
      allyDirs[d] = list.stream().mapToInt(Integer::intValue).toArray();
    }
    outDirs = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> list = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int d = dir(i, j);
        if (d >= 0) {
          list.add(d);
        }
      }
      outDirs[i] = list.stream().mapToInt(Integer::intValue).toArray();
    }
    TreeSet<Integer> prim = new TreeSet<>();
    for (Pair p : scenario.primaryDyads()) {
      int pi = pair(requireActor(p.a(), "primary dyad"), requireActor(p.b(), "primary dyad"));
      if (pi < 0) {
        throw new IllegalArgumentException("primary dyad " + p + " is not a dyad");
      }
      prim.add(pi);
    }
    primary = prim.stream().mapToInt(Integer::intValue).toArray();

    hasUnits = scenario.hasUnits();
    List<RegionDef> sortedRegions = new ArrayList<>(scenario.regions());
    sortedRegions.sort(Comparator.comparing(RegionDef::id));
    int r = sortedRegions.size();
    regionIds = new String[r];
    regions = new RegionDef[r];
    faces = new int[r][];
    facesFlat = new boolean[r * n];
    barredFlat = new boolean[r * n];
    for (int k = 0; k < r; k++) {
      regions[k] = sortedRegions.get(k);
      regionIds[k] = regions[k].id();
      if (regionIndex.put(regionIds[k], k) != null) {
        throw new IllegalArgumentException("region " + regionIds[k] + " is defined twice");
      }
      TreeSet<Integer> f = new TreeSet<>();
      for (String x : regions[k].faces()) {
        f.add(requireActor(x, "region " + regionIds[k] + " faces"));
      }
      faces[k] = f.stream().mapToInt(Integer::intValue).toArray();
      for (int x : faces[k]) {
        facesFlat[k * n + x] = true;
      }
      for (String x : regions[k].barredFor()) {
        barredFlat[k * n + requireActor(x, "region " + regionIds[k] + " barred_for")] = true;
      }
    }

    List<UnitDef> sortedUnits = new ArrayList<>(scenario.units());
    sortedUnits.sort(Comparator.comparing(UnitDef::id));
    int u = sortedUnits.size();
    unitIds = new String[u];
    units = new UnitDef[u];
    unitOwner = new int[u];
    unitSize = new int[u];
    for (int k = 0; k < u; k++) {
      units[k] = sortedUnits.get(k);
      unitIds[k] = units[k].id();
      if (unitIndex.put(unitIds[k], k) != null) {
        throw new IllegalArgumentException("unit " + unitIds[k] + " is defined twice");
      }
      unitOwner[k] = requireActor(units[k].owner(), "unit " + unitIds[k] + " owner");
      unitSize[k] = units[k].size();
      if (region(units[k].location()) < 0) {
        throw new IllegalArgumentException(
            "unit " + unitIds[k] + " is in unknown region " + units[k].location());
      }
    }

    List<InjectDef> sortedInjects = new ArrayList<>(scenario.injects());
    sortedInjects.sort(Comparator.comparing(InjectDef::id));
    injects = sortedInjects.toArray(new InjectDef[0]);
  }

  private int requireActor(String id, String where) {
    Integer i = actorRank.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown actor '" + id + "' in " + where);
    }
    return i;
  }

  /** Rank of an actor id, or −1. */
  int actor(String id) {
    Integer i = actorRank.get(id);
    return i == null ? -1 : i;
  }

  /** Pair index of {i, j}, or −1. */
  int pair(int i, int j) {
    return pairOf[i * n + j];
  }

  /** Directed dyad index of i→j, or −1. */
  int dir(int i, int j) {
    int p = pairOf[i * n + j];
    return p < 0 ? -1 : 2 * p + (i < j ? 0 : 1);
  }

  boolean sameBloc(int i, int j) {
    return sameBloc[i * n + j];
  }

  int region(String id) {
    Integer k = regionIndex.get(id);
    return k == null ? -1 : k;
  }

  boolean faces(int region, int actor) {
    return facesFlat[region * n + actor];
  }

  boolean barred(int region, int actor) {
    return barredFlat[region * n + actor];
  }

  int unit(String id) {
    Integer k = unitIndex.get(id);
    return k == null ? -1 : k;
  }

  /** D_ij in thousands from unit positions (II-b): Σ size of i's units in regions facing j, / 1000. */
  void deployedFromUnits(int[] location, double[] out) {
    long[] soldiers = new long[out.length];
    for (int k = 0; k < unitIds.length; k++) {
      int i = unitOwner[k];
      for (int j : faces[location[k]]) {
        int d = dir(i, j);
        if (d >= 0) {
          soldiers[d] += unitSize[k];
        }
      }
    }
    for (int d = 0; d < out.length; d++) {
      out[d] = soldiers[d] / 1000.0;
    }
  }

  /** D_ij for any ordered pair from unit positions (objectives on non-dyads). */
  double deployedFromUnits(int[] location, int i, int j) {
    long soldiers = 0;
    for (int k = 0; k < unitIds.length; k++) {
      if (unitOwner[k] == i && faces(location[k], j)) {
        soldiers += unitSize[k];
      }
    }
    return soldiers / 1000.0;
  }

  /** reserve_i with units (II-c §3): Σ size/1000 of i's on-alert units in regions facing nobody. */
  void reserveFromUnits(int[] location, boolean[] onAlert, double[] out) {
    long[] soldiers = new long[n];
    for (int k = 0; k < unitIds.length; k++) {
      if (onAlert[k] && faces[location[k]].length == 0) {
        soldiers[unitOwner[k]] += unitSize[k];
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] = soldiers[i] / 1000.0;
    }
  }
}
