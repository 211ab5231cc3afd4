package brink.engine;

import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.engine.def.Scenario;
import java.util.Arrays;
import java.util.List;

/**
 * The immutable state of a game after a turn (turn 0 = the start). It holds only what the next turn needs
 * (engine-model.md Part II-c §7): current values, streak counters, D_ij(0), last turn's events and the flows
 * its targets saw, the seed. History is the list of {@link TurnRecord}s, kept by the caller.
 *
 * <p>Accessors take actor ids. Hostility, trust, tension and the pair values exist only for dyads; asking
 * for a non-dyad throws {@link IllegalArgumentException} (see {@link #hasDyad}).
 */
public final class GameState {
  final Topology topo;
  final long seed;
  final int turn;
  final Outcome outcome;
  final int outcomeTurn;

  // Per actor, by rank.
  final int[] alert;
  final int[] minAlert;
  final double[] stability;
  final double[] audienceCost;
  final double[] econ;
  final double[] reserve;
  final int[] escalationTotal;

  // Per directed dyad.
  final double[] hostility;
  final double[] grievance;
  final double[] trust;
  final double[] deployed;
  final double[] deployed0;
  final boolean[] sanctions;
  /** Last turn's F_ij as its target j saw it (covert moves only when detected). */
  final double[] visibleFlow;

  // Per pair.
  final double[] progress;
  final int[] floor;
  final int[] rung;
  final boolean[] signed;
  final boolean[] talksOpen;
  final boolean[] talksActive;
  final boolean[] relationsBroken;
  final int[] warStreak;
  final int tacitStreak;
  final int frozenStreak;

  // Units and injects.
  final int[] unitLocation;
  final boolean[] unitOnAlert;
  final boolean[] injectFired;

  final List<Event> lastEvents;

  private volatile String digest;

  GameState(Builder b) {
    topo = b.topo;
    seed = b.seed;
    turn = b.turn;
    outcome = b.outcome;
    outcomeTurn = b.outcomeTurn;
    alert = b.alert;
    minAlert = b.minAlert;
    stability = b.stability;
    audienceCost = b.audienceCost;
    econ = b.econ;
    reserve = b.reserve;
    escalationTotal = b.escalationTotal;
    hostility = b.hostility;
    grievance = b.grievance;
    trust = b.trust;
    deployed = b.deployed;
    deployed0 = b.deployed0;
    sanctions = b.sanctions;
    visibleFlow = b.visibleFlow;
    progress = b.progress;
    floor = b.floor;
    rung = b.rung;
    signed = b.signed;
    talksOpen = b.talksOpen;
    talksActive = b.talksActive;
    relationsBroken = b.relationsBroken;
    warStreak = b.warStreak;
    tacitStreak = b.tacitStreak;
    frozenStreak = b.frozenStreak;
    unitLocation = b.unitLocation;
    unitOnAlert = b.unitOnAlert;
    injectFired = b.injectFired;
    lastEvents = List.copyOf(b.lastEvents);
  }

  /** Mutable holder the engine fills before freezing it into a state; never exposed. */
  static final class Builder {
    Topology topo;
    long seed;
    int turn;
    Outcome outcome = Outcome.ONGOING;
    int outcomeTurn;
    int[] alert;
    int[] minAlert;
    double[] stability;
    double[] audienceCost;
    double[] econ;
    double[] reserve;
    int[] escalationTotal;
    double[] hostility;
    double[] grievance;
    double[] trust;
    double[] deployed;
    double[] deployed0;
    boolean[] sanctions;
    double[] visibleFlow;
    double[] progress;
    int[] floor;
    int[] rung;
    boolean[] signed;
    boolean[] talksOpen;
    boolean[] talksActive;
    boolean[] relationsBroken;
    int[] warStreak;
    int tacitStreak;
    int frozenStreak;
    int[] unitLocation;
    boolean[] unitOnAlert;
    boolean[] injectFired;
    List<Event> lastEvents = List.of();

    Builder(Topology topo) {
      this.topo = topo;
      int n = topo.n;
      int dirs = 2 * topo.pairCount;
      int p = topo.pairCount;
      alert = new int[n];
      minAlert = new int[n];
      stability = new double[n];
      audienceCost = new double[n];
      econ = new double[n];
      reserve = new double[n];
      escalationTotal = new int[n];
      hostility = new double[dirs];
      grievance = new double[dirs];
      trust = new double[dirs];
      deployed = new double[dirs];
      deployed0 = new double[dirs];
      sanctions = new boolean[dirs];
      visibleFlow = new double[dirs];
      progress = new double[p];
      floor = new int[p];
      rung = new int[p];
      signed = new boolean[p];
      talksOpen = new boolean[p];
      talksActive = new boolean[p];
      relationsBroken = new boolean[p];
      warStreak = new int[p];
      unitLocation = new int[topo.unitIds.length];
      unitOnAlert = new boolean[topo.unitIds.length];
      injectFired = new boolean[topo.injects.length];
    }
  }

  // ---------------------------------------------------------------- game

  public Scenario scenario() {
    return topo.scenario;
  }

  public long seed() {
    return seed;
  }

  /** The last resolved turn (0 before the first). */
  public int turn() {
    return turn;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The turn the game ended on, 0 while ongoing. */
  public int outcomeTurn() {
    return outcomeTurn;
  }

  public boolean isOver() {
    return outcome != Outcome.ONGOING;
  }

  /** Actor ids, sorted. */
  public List<String> actorIds() {
    return List.of(topo.actorIds);
  }

  /** The dyads, sorted by (smaller id, larger id). */
  public List<Pair> pairs() {
    return List.of(topo.pairs);
  }

  /** The primary dyads, sorted. */
  public List<Pair> primaryPairs() {
    Pair[] out = new Pair[topo.primary.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = topo.pairs[topo.primary[k]];
    }
    return List.of(out);
  }

  /** Unit ids, sorted. */
  public List<String> unitIds() {
    return List.of(topo.unitIds);
  }

  /** Rank of an actor among the sorted ids (its bot stream is 2 + rank). */
  public int rank(String actor) {
    return actorRank(actor);
  }

  public boolean hasActor(String actor) {
    return topo.actor(actor) >= 0;
  }

  public boolean hasDyad(String a, String b) {
    int i = topo.actor(a);
    int j = topo.actor(b);
    return i >= 0 && j >= 0 && topo.pair(i, j) >= 0;
  }

  /** The actors that form a dyad with {@code actor}, sorted. */
  public List<String> partners(String actor) {
    int i = actorRank(actor);
    String[] out = new String[topo.outDirs[i].length];
    for (int k = 0; k < out.length; k++) {
      out[k] = topo.actorIds[topo.to[topo.outDirs[i][k]]];
    }
    return List.of(out);
  }

  /** True when the two actors share an alliance. */
  public boolean allied(String a, String b) {
    return topo.sameBloc(actorRank(a), actorRank(b));
  }

  // ---------------------------------------------------------------- actors

  /** DEFCON-style alert posture, 1 (most severe) .. 5. */
  public int alert(String actor) {
    return alert[actorRank(actor)];
  }

  /** The most severe (lowest) alert the actor has had since the start (objectives, II-c §10). */
  public int minAlert(String actor) {
    return minAlert[actorRank(actor)];
  }

  /** Domestic standing, 0..100. */
  public double stability(String actor) {
    return stability[actorRank(actor)];
  }

  /** Audience-cost stock AC ≥ 0 (Fearon 1994). */
  public double audienceCost(String actor) {
    return audienceCost[actorRank(actor)];
  }

  public double econ(String actor) {
    return econ[actorRank(actor)];
  }

  /** Deployable troops in thousands (with units: on-alert units in rear areas, display only). */
  public double reserve(String actor) {
    return reserve[actorRank(actor)];
  }

  /** Cumulative Rivera escalation score. */
  public int escalationTotal(String actor) {
    return escalationTotal[actorRank(actor)];
  }

  // ---------------------------------------------------------------- directed dyads

  /** H_ij, i's hostility toward j, 0..100. */
  public double hostility(String i, String j) {
    return hostility[dirIndex(i, j)];
  }

  /** τ_ij, i's trust in j, 0..1. */
  public double trust(String i, String j) {
    return trust[dirIndex(i, j)];
  }

  /** Current standing grievance g0_ij (halved in positive values by an agreement). */
  public double grievance(String i, String j) {
    return grievance[dirIndex(i, j)];
  }

  /**
   * D_ij, thousands of i's troops postured against j; 0 for a pair that forms no dyad in a scenario without
   * units, computed from unit positions in one with units.
   */
  public double deployed(String i, String j) {
    int a = actorRank(i);
    int b = actorRank(j);
    int d = topo.dir(a, b);
    if (d >= 0) {
      return deployed[d];
    }
    return topo.hasUnits ? topo.deployedFromUnits(unitLocation, a, b) : 0;
  }

  /** D_ij at the start of the game (SETTLEMENT_TACIT). */
  public double initialDeployed(String i, String j) {
    return deployed0[dirIndex(i, j)];
  }

  /** True when i has sanctions in force against j. */
  public boolean sanctions(String i, String j) {
    return sanctions[dirIndex(i, j)];
  }

  /** Last turn's net Goldstein flow F_ij as j saw it (covert moves only when j detected them). */
  public double visibleFlow(String i, String j) {
    return visibleFlow[dirIndex(i, j)];
  }

  // ---------------------------------------------------------------- pairs

  /** T_ab = (H_ab + H_ba)/2. */
  public double tension(String a, String b) {
    int p = pairIndex(a, b);
    return (hostility[2 * p] + hostility[2 * p + 1]) / 2;
  }

  /** Negotiation progress P ≥ 0. */
  public double progress(String a, String b) {
    return progress[pairIndex(a, b)];
  }

  public boolean signed(String a, String b) {
    return signed[pairIndex(a, b)];
  }

  /** Kahn rung, max(rung(T), floor). */
  public int rung(String a, String b) {
    return rung[pairIndex(a, b)];
  }

  public Ladder.Group ladderGroup(String a, String b) {
    return Ladder.group(rung(a, b));
  }

  /** Kahn rung floor set by moves, alerts and incidents. */
  public int floor(String a, String b) {
    return floor[pairIndex(a, b)];
  }

  /** talks_open (display and bots, II-c §7). */
  public boolean talksOpen(String a, String b) {
    return talksOpen[pairIndex(a, b)];
  }

  /** Whether both sides negotiated last turn. */
  public boolean talksActive(String a, String b) {
    return talksActive[pairIndex(a, b)];
  }

  public boolean relationsBroken(String a, String b) {
    return relationsBroken[pairIndex(a, b)];
  }

  /** Consecutive turns the dyad has ended at T ≥ war_threshold. */
  public int warStreak(String a, String b) {
    return warStreak[pairIndex(a, b)];
  }

  /** Consecutive turns the SETTLEMENT_TACIT condition has held. */
  public int tacitStreak() {
    return tacitStreak;
  }

  // ---------------------------------------------------------------- units, injects, events

  /** The region a unit is in. */
  public String unitLocation(String unit) {
    return topo.regionIds[unitLocation[unitIndex(unit)]];
  }

  public boolean unitOnAlert(String unit) {
    return unitOnAlert[unitIndex(unit)];
  }

  /** Whether an inject has fired (a conditional inject fires once). */
  public boolean injectFired(String injectId) {
    for (int k = 0; k < topo.injects.length; k++) {
      if (topo.injects[k].id().equals(injectId)) {
        return injectFired[k];
      }
    }
    throw new IllegalArgumentException("unknown inject '" + injectId + "'");
  }

  /** The events of the turn that produced this state (empty at turn 0), unfiltered. */
  public List<Event> lastEvents() {
    return lastEvents;
  }

  /** Hex SHA-256 of the canonical encoding of this state. */
  public String digest() {
    String d = digest;
    if (d == null) {
      d = StateDigest.of(this);
      digest = d;
    }
    return d;
  }

  @Override
  public String toString() {
    return "GameState[" + topo.scenario.id() + " turn " + turn + " " + outcome + " H="
        + Arrays.toString(hostility) + "]";
  }

  // ---------------------------------------------------------------- lookups

  int actorRank(String actor) {
    int i = topo.actor(actor);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown actor '" + actor + "'; actors are " + String.join(", ", topo.actorIds));
    }
    return i;
  }

  int dirIndex(String i, String j) {
    int d = topo.dir(actorRank(i), actorRank(j));
    if (d < 0) {
      throw new IllegalArgumentException("no dyad between '" + i + "' and '" + j + "'");
    }
    return d;
  }

  int pairIndex(String a, String b) {
    int p = topo.pair(actorRank(a), actorRank(b));
    if (p < 0) {
      throw new IllegalArgumentException("no dyad between '" + a + "' and '" + b + "'");
    }
    return p;
  }

  int unitIndex(String unit) {
    int k = topo.unit(unit);
    if (k < 0) {
      throw new IllegalArgumentException("unknown unit '" + unit + "'");
    }
    return k;
  }
}
