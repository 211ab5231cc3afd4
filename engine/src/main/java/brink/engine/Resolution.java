package brink.engine;

import brink.engine.def.Condition;
import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import brink.engine.def.Visibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One turn being resolved: the stages of engine-model.md Part II §4 as methods, called in order by
 * {@link Engine#resolve}. Every stage reads the turn's start state {@code s} and this object's scratch sums;
 * only the stages from {@link #applyStocks} on write the next state's arrays. Within a stage, effects are
 * sums (or, for flags, fixed precedence rules), so the order moves were submitted in never matters.
 */
final class Resolution {
  /** Goldstein weights are on a −10..+10 scale: trust and audience-cost changes divide |w| by 10 (Part II §3, §4). */
  private static final double GOLDSTEIN_SCALE = 10.0;
  /** Scale of the persistent threat term θ·ln(1 + D/10), D in thousands (Part II §4 step 5). */
  private static final double THREAT_SCALE = 10.0;
  /** Economic cost of sanctions to target and sender (Part II §3 IMPOSE_SANCTIONS: econ_j −5, econ_i −1). */
  private static final double SANCTIONS_COST_TARGET = 5.0;
  private static final double SANCTIONS_COST_SENDER = 1.0;
  /** Optional early frozen conflict: |ΔT| < 0.5 for 4 turns (Part II §4 step 10.6). */
  private static final double FROZEN_DELTA = 0.5;
  private static final int FROZEN_TURNS = 4;

  private final GameState s;
  private final Topology t;
  private final Rules r;
  private final Orders orders;
  private final BotPlayer bots;
  private final int turn;
  private final int n;
  private final int dirs;
  private final int pairs;

  // Stage 1: submissions.
  private final List<List<Move>> accepted = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final TreeMap<String, String> defaulted = new TreeMap<>();

  // Stage 2: the accepted moves as acts with their visibility and detection.
  private final List<Act> acts = new ArrayList<>();
  private final List<Draw> covertDraws = new ArrayList<>();

  // Stage 3: sums and flags of the turn.
  private final double[] impulse;
  private final double[] trustDelta;
  private final double[] flow;
  private final double[] visibleFlow;
  private final double[] deployedDelta;
  private final boolean[] deployMark;
  private final boolean[] negotiate;
  private final boolean[] sign;
  private final boolean[] sanctionsSet;
  private final boolean[] sanctionsClear;
  private final byte[] sanctionsInject;
  private final int[] moveFloor;
  private final int[] yieldEvents;
  private final int[] halts;
  private final int[] mediations;
  private final boolean[] talksSet;
  private final boolean[] talksClear;
  private final byte[] talksInject;
  private final boolean[] breakRelations;
  private final boolean[] restoreRelations;
  private final int[] alertBase;
  private final int[] alertDelta;
  private final double[] reserveDelta;
  private final double[] econDelta;
  private final double[] threatCost;
  private final boolean[] yielded;
  private final int[] escalation;
  private final int[] location;
  private final boolean[] unitAlert;
  private boolean forceUsed;
  private boolean nuclearUsed;
  private final List<Event> events = new ArrayList<>();
  private final List<String> injectsFired = new ArrayList<>();

  // Stages 4–10: the next state.
  private final GameState.Builder next;
  private final boolean[] incident;
  private final List<Draw> incidentDraws = new ArrayList<>();

  /** One accepted move, translated. */
  private static final class Act {
    final int actor;
    final Move move;
    final MoveCatalogue.Entry entry;
    final Visibility visibility;
    final double magnitude;
    final double quantity;
    boolean detected;

    Act(int actor, Move move, MoveCatalogue.Entry entry, Visibility visibility, double magnitude, double quantity) {
      this.actor = actor;
      this.move = move;
      this.entry = entry;
      this.visibility = visibility;
      this.magnitude = magnitude;
      this.quantity = quantity;
    }
  }

  Resolution(GameState s, Orders orders, BotPlayer bots) {
    this.s = s;
    this.t = s.topo;
    this.r = t.scenario.rules();
    this.orders = orders;
    this.bots = bots;
    this.turn = s.turn + 1;
    this.n = t.n;
    this.pairs = t.pairCount;
    this.dirs = 2 * pairs;
    impulse = new double[dirs];
    trustDelta = new double[dirs];
    flow = new double[dirs];
    visibleFlow = new double[dirs];
    deployedDelta = new double[dirs];
    deployMark = new boolean[dirs];
    negotiate = new boolean[dirs];
    sign = new boolean[dirs];
    sanctionsSet = new boolean[dirs];
    sanctionsClear = new boolean[dirs];
    sanctionsInject = new byte[dirs];
    moveFloor = new int[pairs];
    yieldEvents = new int[pairs];
    halts = new int[pairs];
    mediations = new int[pairs];
    talksSet = new boolean[pairs];
    talksClear = new boolean[pairs];
    talksInject = new byte[pairs];
    breakRelations = new boolean[pairs];
    restoreRelations = new boolean[pairs];
    alertBase = s.alert.clone();
    alertDelta = new int[n];
    reserveDelta = new double[n];
    econDelta = new double[n];
    threatCost = new double[n];
    yielded = new boolean[n];
    escalation = new int[n];
    location = s.unitLocation.clone();
    unitAlert = s.unitOnAlert.clone();
    next = new GameState.Builder(t);
    incident = new boolean[pairs];
  }

  // ------------------------------------------------------------------ step 1: validate

  /**
   * Step 1. Each seat's moves: its submission, or (absent) its default bot's, or nothing for silent seats;
   * then the whole-submission and per-move checks against S_t (II-c §6). Submissions for unknown seats are
   * rejected.
   */
  void collectSubmissions() {
    for (int i = 0; i < n; i++) {
      String id = t.actorIds[i];
      List<Move> moves;
      if (orders.submitted(id)) {
        moves = orders.of(id);
      } else if (r.silentSeatsWait()) {
        defaulted.put(id, "silent");
        moves = List.of();
      } else {
        String bot = t.actors[i].defaultBot();
        defaulted.put(id, bot);
        moves = List.copyOf(bots.play(s, id, bot));
      }
      Validator.Checked c = Validator.check(s, id, moves);
      accepted.add(c.accepted());
      rejections.addAll(c.rejections());
    }
    for (String id : orders.byActor().keySet()) {
      if (t.actor(id) < 0) {
        rejections.addAll(Validator.check(s, id, orders.of(id)).rejections());
      }
    }
  }

  // ------------------------------------------------------------------ step 2: translate

  /**
   * Step 2. Each accepted move becomes an act with its CAMEO entry, magnitude and visibility. Covert moves
   * draw their detection on stream 1, indexed in canonical (mover id, type, target, unit) order, which is the
   * iteration order here (actors by id, moves by {@link Validator#MOVE_ORDER}).
   */
  void translate() {
    int covertIndex = 0;
    for (int i = 0; i < n; i++) {
      for (Move m : accepted.get(i)) {
        MoveCatalogue.Entry e = MoveCatalogue.of(m.type());
        Visibility vis = t.scenario.visibility().getOrDefault(m.type(), e.visibility());
        double q = 0;
        if (e.sized()) {
          q = t.hasUnits ? t.unitSize[t.unit(m.unit())] / 1000.0 : m.quantity();
        }
        double mag = e.sized() ? MoveCatalogue.magnitude(r, q) : e.magnitude();
        Act act = new Act(i, m, e, vis, mag, q);
        if (vis == Visibility.COVERT) {
          double u = Rng.u(s.seed, Rng.STREAM_COVERT, turn, covertIndex);
          act.detected = u < r.detectionProbability();
          covertDraws.add(new Draw(Rng.STREAM_COVERT, covertIndex, u,
              t.actorIds[i] + ":" + m.type().name() + ":" + m.target() + ":" + m.unit(), act.detected));
          covertIndex++;
        }
        acts.add(act);
      }
    }
  }

  // ------------------------------------------------------------------ step 3: accumulate

  /** Step 3. Injects' effects first (II-c §10), then every act's impulses, trust changes, floors and flags. */
  void accumulate() {
    fireInjects();
    for (Act act : acts) {
      accumulate(act);
    }
  }

  private void fireInjects() {
    for (int k = 0; k < t.injects.length; k++) {
      InjectDef inj = t.injects[k];
      next.injectFired[k] = s.injectFired[k];
      if (s.injectFired[k] || !fires(inj)) {
        continue;
      }
      next.injectFired[k] = true;
      injectsFired.add(inj.id());
      String actor = Event.INJECT_PREFIX + inj.id();
      List<String> audience = new ArrayList<>(new TreeSet<>(inj.audience()));
      for (Effect effect : inj.effects()) {
        applyInjectEffect(actor, inj.visibility(), audience, effect);
      }
    }
  }

  /** A fixed-turn inject fires on its turn; a conditional one on the first turn its predicate holds on S_t. */
  private boolean fires(InjectDef inj) {
    Condition c = inj.when();
    if (c == null) {
      return inj.turn() == turn;
    }
    if (turn < c.fromTurn()) {
      return false;
    }
    if (c.a() == null || c.a().isEmpty()) {
      return true;
    }
    int i = t.actor(c.a());
    int j = t.actor(c.b());
    int p = i < 0 || j < 0 ? -1 : t.pair(i, j);
    if (p < 0) {
      return false;
    }
    double tension = (s.hostility[2 * p] + s.hostility[2 * p + 1]) / 2;
    return (c.tensionAtLeast() == null || tension >= c.tensionAtLeast())
        && (c.tensionBelow() == null || tension < c.tensionBelow());
  }

  private void applyInjectEffect(String actor, Visibility vis, List<String> audience, Effect effect) {
    String target = "";
    String targetB = "";
    String unit = "";
    String region = "";
    String what;
    if (effect instanceof Effect.Hostility) {
      Effect.Hostility h = (Effect.Hostility) effect;
      int d = dir(h.from(), h.to());
      if (d >= 0) {
        impulse[d] += h.delta();
      }
      target = h.from();
      targetB = h.to();
      what = "hostility " + signed(h.delta());
    } else if (effect instanceof Effect.Trust) {
      Effect.Trust tr = (Effect.Trust) effect;
      int d = dir(tr.from(), tr.to());
      if (d >= 0) {
        trustDelta[d] += tr.delta();
      }
      target = tr.from();
      targetB = tr.to();
      what = "trust " + signed(tr.delta());
    } else if (effect instanceof Effect.SetAlert) {
      Effect.SetAlert a = (Effect.SetAlert) effect;
      int i = t.actor(a.actor());
      if (i >= 0) {
        alertBase[i] = Math.max(1, Math.min(5, a.alert()));
      }
      target = a.actor();
      what = "alert " + a.alert();
    } else if (effect instanceof Effect.Deployed) {
      Effect.Deployed dep = (Effect.Deployed) effect;
      int d = dir(dep.from(), dep.to());
      if (d >= 0 && !t.hasUnits) {
        deployedDelta[d] += dep.delta();
      }
      target = dep.from();
      targetB = dep.to();
      what = "deployed " + signed(dep.delta());
    } else if (effect instanceof Effect.MoveUnit) {
      Effect.MoveUnit mu = (Effect.MoveUnit) effect;
      int u = t.unit(mu.unit());
      int reg = t.region(mu.region());
      if (u >= 0 && reg >= 0) {
        location[u] = reg;
      }
      unit = mu.unit();
      region = mu.region();
      what = "move_unit";
    } else if (effect instanceof Effect.TalksOpen) {
      Effect.TalksOpen to = (Effect.TalksOpen) effect;
      int i = t.actor(to.a());
      int j = t.actor(to.b());
      int p = i < 0 || j < 0 ? -1 : t.pair(i, j);
      if (p >= 0) {
        talksInject[p] = (byte) (to.value() ? 1 : -1);
      }
      target = to.a();
      targetB = to.b();
      what = "talks_open " + to.value();
    } else if (effect instanceof Effect.Sanctions) {
      Effect.Sanctions sa = (Effect.Sanctions) effect;
      int d = dir(sa.from(), sa.to());
      if (d >= 0) {
        sanctionsInject[d] = (byte) (sa.value() ? 1 : -1);
      }
      target = sa.from();
      targetB = sa.to();
      what = "sanctions " + sa.value();
    } else {
      throw new IllegalStateException("unknown inject effect " + effect);
    }
    events.add(new Event(actor, MoveType.WAIT, target, targetB, unit, region, "", 0, 0, false, 0, vis, false,
        audience, what, 0));
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "") + v;
  }

  private int dir(String a, String b) {
    int i = t.actor(a);
    int j = t.actor(b);
    return i < 0 || j < 0 ? -1 : t.dir(i, j);
  }

  private void accumulate(Act act) {
    int i = act.actor;
    Move m = act.move;
    MoveCatalogue.Entry e = act.entry;
    MoveType type = m.type();
    boolean firstEvent = true;

    if (t.hasUnits && (type == MoveType.DEPLOY_TROOPS || type == MoveType.WITHDRAW_TROOPS)) {
      int u = t.unit(m.unit());
      int origin = s.unitLocation[u];
      int dest = t.region(m.region());
      Validator.UnitMove kind = Validator.unitMoveKind(t, type, origin, dest);
      location[u] = dest;
      if (kind == Validator.UnitMove.REPOSITION) {
        return; // II-c §3: no event and no ES; it only counted toward max_moves_per_turn.
      }
      // Deploy: toward each actor of F_R \ F_O; withdraw: toward each actor of F_O.
      int[] targets = kind == Validator.UnitMove.DEPLOY ? t.faces[dest] : t.faces[origin];
      for (int j : targets) {
        if (kind == Validator.UnitMove.DEPLOY && t.faces(origin, j)) {
          continue;
        }
        toward(act, j, e.floor());
        if (kind == Validator.UnitMove.DEPLOY) {
          int d = t.dir(i, j);
          if (d >= 0) {
            deployMark[d] = true;
          }
        }
        addEvent(act, t.actorIds[j], "", firstEvent, parties(i, j));
        firstEvent = false;
      }
      actorEffects(act);
      return;
    }

    switch (type) {
      case RAISE_ALERT:
      case LOWER_ALERT:
      case ALERT_UNITS:
        alertDelta[i] += type == MoveType.RAISE_ALERT ? -1 : (type == MoveType.LOWER_ALERT ? 1 : 0);
        if (type == MoveType.ALERT_UNITS) {
          unitAlert[t.unit(m.unit())] = true;
        }
        List<String> ps = new ArrayList<>();
        ps.add(t.actorIds[i]);
        for (int d : t.outDirs[i]) {
          toward(act, t.to[d], e.floor());
          ps.add(t.actorIds[t.to[d]]);
        }
        ps.sort(null);
        addEvent(act, "", "", true, ps);
        break;
      case MEDIATE: {
        int a = t.actor(m.target());
        int b = t.actor(m.targetB());
        toward(act, a, e.floor());
        toward(act, b, e.floor());
        mediations[t.pair(a, b)]++;
        List<String> mp = new ArrayList<>(List.of(t.actorIds[i], m.target(), m.targetB()));
        mp.sort(null);
        addEvent(act, m.target(), m.targetB(), true, mp);
        break;
      }
      default: {
        int j = t.actor(m.target());
        toward(act, j, e.floor());
        int d = t.dir(i, j);
        int p = d >= 0 ? d >> 1 : -1;
        switch (type) {
          case DEPLOY_TROOPS:
            deployedDelta[d] += act.quantity;
            reserveDelta[i] -= act.quantity;
            deployMark[d] = true;
            break;
          case WITHDRAW_TROOPS:
            deployedDelta[d] -= act.quantity;
            reserveDelta[i] += act.quantity;
            break;
          case IMPOSE_SANCTIONS:
            sanctionsSet[d] = true;
            econDelta[j] -= SANCTIONS_COST_TARGET;
            econDelta[i] -= SANCTIONS_COST_SENDER;
            break;
          case EASE_SANCTIONS:
            sanctionsClear[d] = true;
            break;
          case BREAK_RELATIONS:
            breakRelations[p] = true;
            talksClear[p] = true;
            break;
          case RESTORE_RELATIONS:
            restoreRelations[p] = true;
            break;
          case PROPOSE_TALKS:
            talksSet[p] = true;
            break;
          case NEGOTIATE:
            talksSet[p] = true;
            negotiate[d] = true;
            break;
          case REJECT_TALKS:
            talksClear[p] = true;
            break;
          case HALT_TALKS:
            talksClear[p] = true;
            halts[p]++;
            break;
          case SIGN_AGREEMENT:
            sign[d] = true;
            break;
          case MILITARY_AID:
            thirdPartyAid(act, j);
            break;
          default:
            break;
        }
        addEvent(act, m.target(), "", true, parties(i, j));
        break;
      }
    }
    actorEffects(act);
  }

  /** ES once per move, audience-cost threats, yields, war and catastrophe flags. */
  private void actorEffects(Act act) {
    int i = act.actor;
    MoveCatalogue.Entry e = act.entry;
    escalation[i] += e.esClass().points();
    if (e.threat()) {
      double alpha = t.actors[i].regime() == Regime.DEMOCRACY
          ? r.audienceAlphaDemocracy() : r.audienceAlphaAutocracy();
      threatCost[i] += alpha * Math.abs(e.goldstein()) / GOLDSTEIN_SCALE;
    }
    if (e.yield()) {
      yielded[i] = true;
    }
    if (e.force()) {
      forceUsed = true;
    }
    if (e.catastrophe()) {
      nuclearUsed = true;
    }
  }

  /**
   * The generic effect of one event of mover i toward j, wherever the dyad exists (II-c §1, §3): impulse
   * U_ij += −β·w·m on i's own hostility; j's trust in i changes by ρ₊·c·w·m/10 or −ρ₋·|w|·m/10; the move's
   * floor on the dyad; a yield event adds progress; the flow F_ij.
   */
  private void toward(Act act, int j, int floor) {
    int d = t.dir(act.actor, j);
    if (d < 0) {
      return;
    }
    MoveCatalogue.Entry e = act.entry;
    double w = e.goldstein();
    double m = act.magnitude;
    double beta = e.verbal() ? r.betaVerbal() : r.betaMaterial();
    impulse[d] += -beta * w * m;
    int back = d ^ 1;
    if (w > 0) {
      double c = e.verbal() ? r.verbalTrustDiscount() : 1.0;
      trustDelta[back] += r.rhoPlus() * c * w * m / GOLDSTEIN_SCALE;
    } else if (w < 0) {
      trustDelta[back] -= r.rhoMinus() * Math.abs(w) * m / GOLDSTEIN_SCALE;
    }
    int p = d >> 1;
    if (floor > moveFloor[p]) {
      moveFloor[p] = floor;
    }
    if (e.yield()) {
      yieldEvents[p]++;
    }
    flow[d] += w * m;
    if (act.visibility != Visibility.COVERT || act.detected) {
      visibleFlow[d] += w * m;
    }
  }

  /**
   * Third-party rule (Part II §3, II-c §1): military aid from donor i to j raises U_ri by χ·|w|·m for every r
   * with a dyad with j and with i, r not in the donor's bloc.
   */
  private void thirdPartyAid(Act act, int j) {
    int i = act.actor;
    double bump = r.chiAid() * Math.abs(act.entry.goldstein()) * act.magnitude;
    for (int rr = 0; rr < n; rr++) {
      if (rr == i || rr == j || t.pair(rr, j) < 0 || t.sameBloc(rr, i)) {
        continue;
      }
      int d = t.dir(rr, i);
      if (d >= 0) {
        impulse[d] += bump;
      }
    }
  }

  private List<String> parties(int i, int j) {
    String a = t.actorIds[i];
    String b = t.actorIds[j];
    return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
  }

  private void addEvent(Act act, String target, String targetB, boolean first, List<String> parties) {
    Move m = act.move;
    MoveCatalogue.Entry e = act.entry;
    events.add(new Event(t.actorIds[act.actor], m.type(), target, targetB, m.unit(), m.region(), e.cameo(),
        e.goldstein(), act.magnitude, e.verbal(), first ? e.esClass().points() : 0, act.visibility,
        act.visibility == Visibility.COVERT && act.detected, parties, "", act.quantity));
  }

  // ------------------------------------------------------------------ step 4: apply stocks

  /**
   * Step 4. Stocks from the turn's accepted moves, each clamped once (II-c §4): alert ±1 from its base (an
   * inject's setting or S_t), τ, units and D, reserve, sanctions, relations, talks, economy, progress.
   * Where moves both set and clear one flag in a turn, the hostile side wins (sanctions imposed, relations
   * broken, talks closed); moves override an inject's setting.
   */
  void applyStocks() {
    for (int i = 0; i < n; i++) {
      next.alert[i] = Math.max(1, Math.min(5, alertBase[i] + alertDelta[i]));
      next.minAlert[i] = Math.min(s.minAlert[i], next.alert[i]);
      next.econ[i] = Math.max(0, s.econ[i] + econDelta[i]);
    }
    for (int d = 0; d < dirs; d++) {
      next.trust[d] = Engine.clamp(s.trust[d] + trustDelta[d], 0, 1);
      next.grievance[d] = s.grievance[d];
      next.deployed0[d] = s.deployed0[d];
      boolean sanctions = s.sanctions[d];
      if (sanctionsInject[d] != 0) {
        sanctions = sanctionsInject[d] > 0;
      }
      if (sanctionsClear[d]) {
        sanctions = false;
      }
      if (sanctionsSet[d]) {
        sanctions = true;
      }
      next.sanctions[d] = sanctions;
      next.visibleFlow[d] = visibleFlow[d];
    }
    System.arraycopy(location, 0, next.unitLocation, 0, location.length);
    System.arraycopy(unitAlert, 0, next.unitOnAlert, 0, unitAlert.length);
    if (t.hasUnits) {
      t.deployedFromUnits(next.unitLocation, next.deployed);
      t.reserveFromUnits(next.unitLocation, next.unitOnAlert, next.reserve);
    } else {
      for (int d = 0; d < dirs; d++) {
        next.deployed[d] = Math.max(0, s.deployed[d] + deployedDelta[d]);
      }
      for (int i = 0; i < n; i++) {
        next.reserve[i] = Math.max(0, s.reserve[i] + reserveDelta[i]);
      }
    }
    for (int p = 0; p < pairs; p++) {
      boolean broken = s.relationsBroken[p];
      if (restoreRelations[p]) {
        broken = false;
      }
      if (breakRelations[p]) {
        broken = true;
      }
      next.relationsBroken[p] = broken;
      boolean open = s.talksOpen[p];
      if (talksInject[p] != 0) {
        open = talksInject[p] > 0;
      }
      if (talksSet[p]) {
        open = true;
      }
      if (talksClear[p]) {
        open = false;
      }
      next.talksOpen[p] = open;
      boolean active = negotiate[2 * p] && negotiate[2 * p + 1];
      next.talksActive[p] = active;
      // P' = max(0, P·halt^h + π·(1 − T(S_t)/100)·[talks] + yield_progress·y + mediate_progress·m), II-c §4.
      double kept = s.progress[p];
      for (int h = 0; h < halts[p]; h++) {
        kept = kept * r.haltFactor();
      }
      double tension = (s.hostility[2 * p] + s.hostility[2 * p + 1]) / 2;
      double progress = kept + r.piTalks() * (1 - tension / 100) * (active ? 1 : 0)
          + r.yieldProgress() * yieldEvents[p] + r.mediateProgress() * mediations[p];
      next.progress[p] = Math.max(0, progress);
      next.signed[p] = s.signed[p];
    }
  }

  // ------------------------------------------------------------------ step 5: Richardson

  /**
   * Step 5. Jacobi update of every directed dyad from S_t's H, with this turn's τ, D, alert and talks
   * (II-c §4), then one clamp to [0, 100]:
   * H' = H + Δt·(k_eff·(H_ji + κ·Σ_allies H_mi) − a_eff·H + g_eff) + U.
   */
  void richardson() {
    double dt = r.dt();
    for (int d = 0; d < dirs; d++) {
      int i = t.from[d];
      int back = d ^ 1;
      double kEff = t.reaction[d] * (1 - r.lambdaTrust() * next.trust[d]) * r.kMult(next.alert[i]);
      double aEff = t.restraint[d] + r.muTalks() * (next.talksActive[d >> 1] ? 1 : 0);
      double gEff = s.grievance[d] + r.theta() * StrictMath.log(1 + next.deployed[back] / THREAT_SCALE);
      double coupling = s.hostility[back];
      if (r.kappa() != 0) {
        double allies = 0;
        for (int md : t.allyDirs[d]) {
          allies += s.hostility[md];
        }
        coupling = coupling + r.kappa() * allies;
      }
      double h = s.hostility[d];
      next.hostility[d] = Engine.clamp(h + dt * (kEff * coupling - aEff * h + gEff) + impulse[d], 0, 100);
    }
  }

  // ------------------------------------------------------------------ step 6: incidents

  /**
   * Step 6. Exactly one stream-0 draw per dyad per turn, in dyad rank order, even when p = 0 (II-c §8, D5);
   * an incident adds the incident impulse to both H (clamped at 100 again) and sets the incident floor.
   */
  void incidents() {
    for (int p = 0; p < pairs; p++) {
      double u = Rng.u(s.seed, Rng.STREAM_INCIDENTS, turn, p);
      double tension = (next.hostility[2 * p] + next.hostility[2 * p + 1]) / 2;
      boolean hit = u < Engine.incidentProbability(r, tension);
      incident[p] = hit;
      if (hit) {
        next.hostility[2 * p] = Math.min(100, next.hostility[2 * p] + r.incidentImpulse());
        next.hostility[2 * p + 1] = Math.min(100, next.hostility[2 * p + 1] + r.incidentImpulse());
      }
      incidentDraws.add(new Draw(Rng.STREAM_INCIDENTS, p, u, t.pairs[p].toString(), hit));
    }
  }

  // ------------------------------------------------------------------ step 7: agreements

  /**
   * Step 7. A dyad whose two sides both had SIGN_AGREEMENT accepted is signed: positive grievances are
   * multiplied by the agreement factor and trust gains the bonus, in both directions (II-c §4).
   */
  void agreements() {
    for (int p = 0; p < pairs; p++) {
      if (sign[2 * p] && sign[2 * p + 1]) {
        next.signed[p] = true;
        for (int d = 2 * p; d <= 2 * p + 1; d++) {
          if (next.grievance[d] > 0) {
            next.grievance[d] = r.agreementGrievanceFactor() * next.grievance[d];
          }
          next.trust[d] = Math.min(1, next.trust[d] + r.agreementTrustBonus());
        }
      }
    }
  }

  // ------------------------------------------------------------------ step 8: audience costs

  /**
   * Step 8 (Fearon 1994), never inline: a yield this turn costs stability penalty·AC(S_t) and resets AC;
   * then this turn's threats add α·|w|/10; then AC decays.
   */
  void audienceCosts() {
    for (int i = 0; i < n; i++) {
      double stability = s.stability[i];
      double ac = s.audienceCost[i];
      if (yielded[i]) {
        stability = stability - r.audiencePenalty() * ac;
        ac = 0;
      }
      ac = ac + threatCost[i];
      ac = ac * r.audienceDecay();
      next.stability[i] = Engine.clamp(stability, 0, 100);
      next.audienceCost[i] = Math.max(0, ac);
      next.escalationTotal[i] = s.escalationTotal[i] + escalation[i];
    }
  }

  // ------------------------------------------------------------------ step 9: ladder

  /**
   * Step 9. floor = max(floor − 1, move floors, incident floor, alert floors after step 4); a deployment's
   * floor is 5, or 6 when the deployer's D toward the target is at least the threshold after step 4 (II §3);
   * rung = max(rung(T), floor).
   */
  void ladder() {
    for (int p = 0; p < pairs; p++) {
      int f = Math.max(s.floor[p] - 1, moveFloor[p]);
      for (int d = 2 * p; d <= 2 * p + 1; d++) {
        if (deployMark[d]) {
          // Kahn rung 6 "Significant mobilization" at ≥ 50k, else rung 5 "Show of force" (Part II §3).
          f = Math.max(f, next.deployed[d] >= r.deployFloorThreshold() ? 6 : 5);
        }
      }
      if (incident[p]) {
        f = Math.max(f, r.incidentFloor());
      }
      f = Math.max(f, r.floorOfAlert(next.alert[t.pairA[p]]));
      f = Math.max(f, r.floorOfAlert(next.alert[t.pairB[p]]));
      f = Math.max(0, f);
      next.floor[p] = f;
      next.rung[p] = Math.min(Ladder.RUNGS, Math.max(Ladder.rung(tension(p)), f));
    }
  }

  private double tension(int p) {
    return (next.hostility[2 * p] + next.hostility[2 * p + 1]) / 2;
  }

  // ------------------------------------------------------------------ step 10: end conditions

  /**
   * Step 10, first match wins (II §4, II-c §7): nuclear use; a force move; a dyad at T ≥ war threshold for
   * war_persist_turns turns (that dyad gets rung ≥ 12); formal settlement; tacit settlement held for
   * settle_persist_turns turns; the optional early frozen rule; the last turn. Streaks update every turn.
   * war_persist_turns ≤ 0 switches the inadvertent-war rule off.
   */
  void endConditions() {
    boolean inadvertent = false;
    for (int p = 0; p < pairs; p++) {
      next.warStreak[p] = tension(p) >= r.warThreshold() ? s.warStreak[p] + 1 : 0;
      if (r.warPersistTurns() > 0 && next.warStreak[p] >= r.warPersistTurns()) {
        inadvertent = true;
        next.floor[p] = Math.max(next.floor[p], Ladder.WAR_RUNG);
        next.rung[p] = Math.max(next.rung[p], Ladder.WAR_RUNG);
      }
    }
    boolean formal = t.primary.length > 0;
    boolean calm = t.primary.length > 0;
    boolean frozen = t.primary.length > 0;
    for (int p : t.primary) {
      double tension = tension(p);
      formal &= next.signed[p] && tension < r.settleThreshold();
      calm &= tension < r.settleThreshold();
      double before = (s.hostility[2 * p] + s.hostility[2 * p + 1]) / 2;
      frozen &= tension >= r.settleThreshold() && tension < r.warThreshold()
          && Math.abs(tension - before) < FROZEN_DELTA;
    }
    if (calm) {
      for (int d = 0; d < dirs; d++) {
        if (next.deployed0[d] > 0 && next.deployed[d] > r.tacitWithdrawFraction() * next.deployed0[d]) {
          calm = false;
          break;
        }
      }
    }
    next.tacitStreak = calm ? s.tacitStreak + 1 : 0;
    next.frozenStreak = frozen ? s.frozenStreak + 1 : 0;

    Outcome outcome = Outcome.ONGOING;
    if (nuclearUsed) {
      outcome = Outcome.NUCLEAR_CATASTROPHE;
    } else if (forceUsed) {
      outcome = Outcome.WAR_DELIBERATE;
    } else if (inadvertent) {
      outcome = Outcome.WAR_INADVERTENT;
    } else if (formal) {
      outcome = Outcome.SETTLEMENT_FORMAL;
    } else if (next.tacitStreak >= Math.max(1, r.settlePersistTurns())) {
      outcome = Outcome.SETTLEMENT_TACIT;
    } else if (r.earlyFrozen() && next.frozenStreak >= FROZEN_TURNS) {
      outcome = Outcome.FROZEN_CONFLICT;
    } else if (r.maxTurns() > 0 && turn >= r.maxTurns()) {
      outcome = Outcome.FROZEN_CONFLICT;
    }
    next.outcome = outcome;
    next.outcomeTurn = outcome == Outcome.ONGOING ? 0 : turn;
  }

  // ------------------------------------------------------------------ step 11: emit

  /** Step 11. The new state and the turn record (T, H, rung, group, alert, ES, flows, draws, digest). */
  TurnResult emit() {
    next.seed = s.seed;
    next.turn = turn;
    next.lastEvents = events;
    GameState state = new GameState(next);

    List<DyadRecord> dyads = new ArrayList<>(pairs);
    for (int p = 0; p < pairs; p++) {
      dyads.add(new DyadRecord(t.pairs[p].a(), t.pairs[p].b(), tension(p), next.hostility[2 * p],
          next.hostility[2 * p + 1], next.rung[p], Ladder.group(next.rung[p]), next.floor[p], next.progress[p],
          next.signed[p], next.talksActive[p], next.talksOpen[p], next.relationsBroken[p], incident[p]));
    }
    List<ActorRecord> actorRecords = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      actorRecords.add(new ActorRecord(t.actorIds[i], next.alert[i], escalation[i], next.escalationTotal[i],
          next.stability[i], next.audienceCost[i], next.econ[i], next.reserve[i]));
    }
    List<Flow> flows = new ArrayList<>(dirs);
    for (int d = 0; d < dirs; d++) {
      flows.add(new Flow(t.actorIds[t.from[d]], t.actorIds[t.to[d]], flow[d]));
    }
    List<Draw> draws = new ArrayList<>(incidentDraws.size() + covertDraws.size());
    draws.addAll(incidentDraws);
    draws.addAll(covertDraws);
    TurnRecord record = new TurnRecord(turn, dyads, actorRecords, events, rejections, defaulted, injectsFired,
        draws, flows, state.outcome(), state.digest());
    return new TurnResult(state, record);
  }

  @Override
  public String toString() {
    return "Resolution[turn " + turn + ", acts " + acts.size() + ", impulse " + Arrays.toString(impulse) + "]";
  }
}
