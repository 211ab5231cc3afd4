package brink.engine;

import brink.engine.def.ActorDef;
import brink.engine.def.DyadDef;
import brink.engine.def.Move;
import brink.engine.def.PairState;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.UnitDef;
import java.util.List;
import java.util.Objects;

/**
 * The escalation engine: a pure function from (state, orders) to the next state and the turn's record
 * (engine-model.md Part II §4 with the precise rules of Part II-c). No clocks, files, threads or global
 * randomness: the only random numbers are {@link Rng}'s, keyed by the seed in the state.
 */
public final class Engine {
  private Engine() {}

  /** The state of a new game at turn 0 (II-c §7 initial values). */
  public static GameState initial(Scenario scenario, long seed) {
    Objects.requireNonNull(scenario, "scenario");
    Topology t = new Topology(scenario);
    Rules r = scenario.rules();
    GameState.Builder b = new GameState.Builder(t);
    b.seed = seed;
    b.turn = 0;
    for (int i = 0; i < t.n; i++) {
      ActorDef a = t.actors[i];
      if (a.alert() < 1 || a.alert() > 5) {
        throw new IllegalArgumentException("actor " + a.id() + " has alert " + a.alert() + "; alert is 1..5");
      }
      b.alert[i] = a.alert();
      b.minAlert[i] = a.alert();
      b.stability[i] = clamp(a.stability(), 0, 100);
      b.audienceCost[i] = Math.max(0, a.audienceCost());
      b.econ[i] = Math.max(0, a.econ());
      b.reserve[i] = Math.max(0, a.reserve());
    }
    for (DyadDef def : scenario.dyads()) {
      int d = t.dir(t.actor(def.from()), t.actor(def.to()));
      b.hostility[d] = clamp(def.hostility(), 0, 100);
      b.grievance[d] = def.grievance();
      b.trust[d] = clamp(def.trust(), 0, 1);
      b.deployed[d] = Math.max(0, def.deployed());
      b.sanctions[d] = def.sanctions();
    }
    for (PairState ps : scenario.pairStates()) {
      int p = t.pair(t.actor(ps.pair().a()), t.actor(ps.pair().b()));
      if (p < 0) {
        throw new IllegalArgumentException("pair state for " + ps.pair() + ", which is not a dyad");
      }
      b.talksOpen[p] = ps.talksOpen();
      b.progress[p] = Math.max(0, ps.progress());
      b.signed[p] = ps.signed();
      b.relationsBroken[p] = ps.relationsBroken();
    }
    for (int k = 0; k < t.unitIds.length; k++) {
      UnitDef u = t.units[k];
      b.unitLocation[k] = t.region(u.location());
      b.unitOnAlert[k] = u.onAlert();
    }
    if (t.hasUnits) {
      t.deployedFromUnits(b.unitLocation, b.deployed);
      t.reserveFromUnits(b.unitLocation, b.unitOnAlert, b.reserve);
    }
    System.arraycopy(b.deployed, 0, b.deployed0, 0, b.deployed.length);
    for (int p = 0; p < t.pairCount; p++) {
      // Initial floor = max(alertFloor(alert_a0), alertFloor(alert_b0)), II-c §5.
      b.floor[p] = Math.max(r.floorOfAlert(b.alert[t.pairA[p]]), r.floorOfAlert(b.alert[t.pairB[p]]));
      double tension = (b.hostility[2 * p] + b.hostility[2 * p + 1]) / 2;
      b.rung[p] = Math.max(Ladder.rung(tension), b.floor[p]);
    }
    return new GameState(b);
  }

  /** Resolves one turn; seats absent from {@code orders} are played by {@link DefaultBots}. */
  public static TurnResult resolve(GameState state, Orders orders) {
    return resolve(state, orders, DefaultBots.INSTANCE);
  }

  /**
   * Resolves one turn; seats absent from {@code orders} are played by {@code bots} (or wait, when the rules
   * say {@code silent_seats_wait}).
   *
   * @throws IllegalStateException if the game is over
   */
  public static TurnResult resolve(GameState state, Orders orders, BotPlayer bots) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(bots, "bots");
    if (state.isOver()) {
      throw new IllegalStateException(
          "the game ended with " + state.outcome() + " on turn " + state.outcomeTurn() + "; nothing to resolve");
    }
    Resolution turn = new Resolution(state, orders, bots);
    turn.collectSubmissions();
    turn.translate();
    turn.accumulate();
    turn.applyStocks();
    turn.richardson();
    turn.incidents();
    turn.agreements();
    turn.audienceCosts();
    turn.ladder();
    turn.endConditions();
    return turn.emit();
  }

  /**
   * Submit-time check of one actor's submission against the current state (II-c §6): whole-submission
   * rejections (move = null) and per-move ones, all at once. Empty when everything is accepted.
   */
  public static List<Rejection> validateSubmission(GameState state, String actor, List<Move> moves) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(actor, "actor");
    return List.copyOf(Validator.check(state, actor, List.copyOf(moves)).rejections());
  }

  /**
   * Schelling's "threat that leaves something to chance": p(T) = p_max / (1 + exp(−(T − mid)/scale)),
   * Part II §4 step 6 (p(75) = p_max/2 with the defaults).
   */
  public static double incidentProbability(Rules rules, double tension) {
    return rules.incidentPMax() / (1 + StrictMath.exp(-(tension - rules.incidentMid()) / rules.incidentScale()));
  }

  static double clamp(double x, double lo, double hi) {
    // Math.max/min rather than comparisons: −0.0 becomes +0.0, so the digest never sees a signed zero.
    return Math.max(lo, Math.min(hi, x));
  }
}
