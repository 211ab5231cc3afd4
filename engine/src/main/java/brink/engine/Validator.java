package brink.engine;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks one actor's submission against the state the turn starts from (engine-model.md Part II-c §6).
 * Whole-submission failures (too many moves, duplicates, more than one alert move, talk and refusal toward
 * one actor, two moves of one unit, deploy/withdraw sums over reserve or D) reject every move; any other
 * failed precondition rejects only its move. Every problem is reported at once. Reads only; never changes
 * anything.
 */
final class Validator {
  /**
   * Canonical order of one actor's moves (type name, target, second target, unit, region, quantity): the
   * order events are emitted and covert moves are counted in (II-c §8), whatever order they were submitted in.
   */
  static final Comparator<Move> MOVE_ORDER =
      Comparator.comparing((Move m) -> m.type().name())
          .thenComparing(Move::target)
          .thenComparing(Move::targetB)
          .thenComparing(Move::unit)
          .thenComparing(Move::region)
          .thenComparingDouble(Move::quantity);

  /** The moves that stand (canonical order) and every rejection. */
  record Checked(List<Move> accepted, List<Rejection> rejections) {}

  private Validator() {}

  static Checked check(GameState s, String actor, List<Move> submitted) {
    Topology t = s.topo;
    List<Rejection> rejections = new ArrayList<>();
    if (s.isOver()) {
      rejections.add(new Rejection(actor, null, RejectionReason.GAME_OVER,
          "the game ended with " + s.outcome + " on turn " + s.outcomeTurn + "; no more moves are accepted"));
      return new Checked(List.of(), rejections);
    }
    int i = t.actor(actor);
    if (i < 0) {
      rejections.add(new Rejection(actor, null, RejectionReason.UNKNOWN_ACTOR,
          "'" + actor + "' is not an actor of this scenario; actors are " + String.join(", ", t.actorIds)));
      return new Checked(List.of(), rejections);
    }
    List<Move> moves = new ArrayList<>();
    for (Move m : submitted) {
      if (m.type() != MoveType.WAIT) {
        moves.add(m);
      }
    }
    moves.sort(MOVE_ORDER);

    wholeSubmission(s, i, actor, moves, rejections);
    boolean whole = !rejections.isEmpty();
    List<Move> accepted = new ArrayList<>();
    for (Move m : moves) {
      Rejection r = checkMove(s, i, actor, m);
      if (r != null) {
        rejections.add(r);
      } else if (!whole) {
        accepted.add(m);
      }
    }
    return new Checked(accepted, rejections);
  }

  private static void wholeSubmission(GameState s, int i, String actor, List<Move> moves, List<Rejection> out) {
    Topology t = s.topo;
    int max = t.scenario.rules().maxMovesPerTurn();
    if (moves.size() > max) {
      out.add(new Rejection(actor, null, RejectionReason.TOO_MANY_MOVES,
          moves.size() + " moves submitted; at most " + max + " per turn: drop some"));
    }
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (Move m : moves) {
      String key = duplicateKey(m);
      if (!seen.add(key) && reported.add(key)) {
        out.add(new Rejection(actor, null, RejectionReason.DUPLICATE_MOVE,
            "the same move is submitted twice (" + describe(m) + "): submit it once"));
      }
    }
    int alertMoves = 0;
    for (Move m : moves) {
      if (m.type() == MoveType.RAISE_ALERT || m.type() == MoveType.LOWER_ALERT) {
        alertMoves++;
      }
    }
    if (alertMoves > 1) {
      out.add(new Rejection(actor, null, RejectionReason.MORE_THAN_ONE_ALERT_MOVE,
          "at most one RAISE_ALERT or LOWER_ALERT per turn (alert changes by one step a turn)"));
    }
    // Talk (NEGOTIATE, PROPOSE_TALKS, SIGN_AGREEMENT) and refusal (REJECT_TALKS, HALT_TALKS) toward one actor.
    TreeMap<String, int[]> talk = new TreeMap<>();
    for (Move m : moves) {
      int kind = talkKind(m.type());
      if (kind != 0) {
        talk.computeIfAbsent(m.target(), k -> new int[3])[kind]++;
      }
    }
    for (Map.Entry<String, int[]> e : talk.entrySet()) {
      if (e.getValue()[1] > 0 && e.getValue()[2] > 0) {
        out.add(new Rejection(actor, null, RejectionReason.CONTRADICTORY_ORDERS,
            "talks and a refusal of talks toward '" + e.getKey() + "' in one turn: choose one"));
      }
    }
    // Two troop moves of one unit.
    Map<String, Integer> unitMoves = new TreeMap<>();
    for (Move m : moves) {
      if ((m.type() == MoveType.DEPLOY_TROOPS || m.type() == MoveType.WITHDRAW_TROOPS) && !m.unit().isEmpty()) {
        unitMoves.merge(m.unit(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> e : unitMoves.entrySet()) {
      if (e.getValue() > 1) {
        out.add(new Rejection(actor, null, RejectionReason.CONTRADICTORY_ORDERS,
            "unit '" + e.getKey() + "' is given " + e.getValue() + " troop moves: one move per unit per turn"));
      }
    }
    if (!t.hasUnits) {
      double deploy = 0;
      Map<String, Double> withdraw = new TreeMap<>();
      for (Move m : moves) {
        if (!(m.quantity() > 0) || Double.isInfinite(m.quantity())) {
          continue;
        }
        if (m.type() == MoveType.DEPLOY_TROOPS) {
          deploy += m.quantity();
        } else if (m.type() == MoveType.WITHDRAW_TROOPS) {
          withdraw.merge(m.target(), m.quantity(), Double::sum);
        }
      }
      if (deploy > s.reserve[i]) {
        out.add(new Rejection(actor, null, RejectionReason.NOT_ENOUGH_RESERVE,
            "deployments this turn total " + deploy + " thousand but the reserve is " + s.reserve[i]
                + " thousand: deploy less"));
      }
      for (Map.Entry<String, Double> e : withdraw.entrySet()) {
        int j = t.actor(e.getKey());
        int d = j < 0 ? -1 : t.dir(i, j);
        if (d >= 0 && e.getValue() > s.deployed[d]) {
          out.add(new Rejection(actor, null, RejectionReason.NOT_ENOUGH_DEPLOYED,
              "withdrawals from '" + e.getKey() + "' total " + e.getValue() + " thousand but only "
                  + s.deployed[d] + " thousand are deployed against it: withdraw less"));
        }
      }
    }
  }

  /** 1 for talk, 2 for refusal, 0 otherwise. */
  private static int talkKind(MoveType type) {
    switch (type) {
      case NEGOTIATE:
      case PROPOSE_TALKS:
      case SIGN_AGREEMENT:
        return 1;
      case REJECT_TALKS:
      case HALT_TALKS:
        return 2;
      default:
        return 0;
    }
  }

  /** (type, target or unit); MEDIATE's two targets unordered. */
  private static String duplicateKey(Move m) {
    String a = m.target();
    String b = m.targetB();
    if (m.type() == MoveType.MEDIATE && a.compareTo(b) > 0) {
      String x = a;
      a = b;
      b = x;
    }
    return m.type().name() + "\u0000" + a + "\u0000" + b + "\u0000" + m.unit();
  }

  static String describe(Move m) {
    StringBuilder sb = new StringBuilder(m.type().name());
    List<String> args = new ArrayList<>();
    if (!m.target().isEmpty()) {
      args.add(m.target());
    }
    if (!m.targetB().isEmpty()) {
      args.add(m.targetB());
    }
    if (!m.unit().isEmpty()) {
      args.add(m.unit());
    }
    if (!m.region().isEmpty()) {
      args.add(m.region());
    }
    if (m.quantity() != 0) {
      args.add(Double.toString(m.quantity()));
    }
    if (!args.isEmpty()) {
      sb.append('(').append(String.join(", ", args)).append(')');
    }
    return sb.toString();
  }

  /** The first failed precondition of one move, or null. */
  private static Rejection checkMove(GameState s, int i, String actor, Move m) {
    Topology t = s.topo;
    MoveCatalogue.Entry e = MoveCatalogue.of(m.type());
    if (e.nuclearOnly() && !t.actors[i].nuclear()) {
      return new Rejection(actor, m, RejectionReason.NOT_NUCLEAR,
          describe(m) + ": only nuclear actors can make nuclear moves");
    }
    switch (e.target()) {
      case NONE:
        if (m.type() == MoveType.RAISE_ALERT && s.alert[i] == 1) {
          return new Rejection(actor, m, RejectionReason.ALERT_LIMIT,
              describe(m) + ": alert is already 1, the highest");
        }
        if (m.type() == MoveType.LOWER_ALERT && s.alert[i] == 5) {
          return new Rejection(actor, m, RejectionReason.ALERT_LIMIT,
              describe(m) + ": alert is already 5, the lowest");
        }
        return null;
      case DYAD:
        return checkDyadTarget(s, i, actor, m, m.target(), true);
      case ANY_OTHER:
        return checkDyadTarget(s, i, actor, m, m.target(), false);
      case PAIR:
        return checkMediate(s, i, actor, m);
      case UNIT:
        return checkAlertUnit(s, i, actor, m);
      case TROOPS:
        return t.hasUnits ? checkUnitMove(s, i, actor, m) : checkGenericTroops(s, i, actor, m);
      default:
        throw new IllegalStateException("target kind " + e.target());
    }
  }

  private static Rejection checkDyadTarget(
      GameState s, int i, String actor, Move m, String target, boolean needDyad) {
    Topology t = s.topo;
    if (target.isEmpty()) {
      return new Rejection(actor, m, RejectionReason.MISSING_TARGET, describe(m) + ": name the actor it is aimed at");
    }
    int j = t.actor(target);
    if (j < 0) {
      return new Rejection(actor, m, RejectionReason.UNKNOWN_TARGET,
          describe(m) + ": '" + target + "' is not an actor; actors are " + String.join(", ", t.actorIds));
    }
    if (j == i) {
      return new Rejection(actor, m, RejectionReason.SELF_TARGET, describe(m) + ": a move cannot target its mover");
    }
    int p = t.pair(i, j);
    if (needDyad && p < 0) {
      return new Rejection(actor, m, RejectionReason.NO_DYAD,
          describe(m) + ": " + actor + " and " + target + " form no dyad in this scenario");
    }
    if (p < 0) {
      return null;
    }
    MoveType type = m.type();
    if ((type == MoveType.NEGOTIATE || type == MoveType.PROPOSE_TALKS || type == MoveType.SIGN_AGREEMENT)
        && s.relationsBroken[p]) {
      return new Rejection(actor, m, RejectionReason.RELATIONS_BROKEN,
          describe(m) + ": relations with " + target + " are broken; RESTORE_RELATIONS first");
    }
    if (type == MoveType.SIGN_AGREEMENT) {
      if (s.signed[p]) {
        return new Rejection(actor, m, RejectionReason.ALREADY_SIGNED,
            describe(m) + ": an agreement with " + target + " is already signed");
      }
      if (s.progress[p] < 1) {
        return new Rejection(actor, m, RejectionReason.NOT_ENOUGH_PROGRESS,
            describe(m) + ": negotiation progress is " + s.progress[p] + ", an agreement needs at least 1");
      }
    }
    if (type == MoveType.EASE_SANCTIONS && !s.sanctions[t.dir(i, j)]) {
      return new Rejection(actor, m, RejectionReason.NO_SANCTIONS,
          describe(m) + ": " + actor + " has no sanctions in force against " + target);
    }
    return null;
  }

  private static Rejection checkMediate(GameState s, int i, String actor, Move m) {
    Topology t = s.topo;
    if (m.target().isEmpty() || m.targetB().isEmpty()) {
      return new Rejection(actor, m, RejectionReason.MISSING_TARGET,
          describe(m) + ": name the two actors to mediate between");
    }
    int a = t.actor(m.target());
    int b = t.actor(m.targetB());
    if (a < 0 || b < 0) {
      return new Rejection(actor, m, RejectionReason.UNKNOWN_TARGET,
          describe(m) + ": '" + (a < 0 ? m.target() : m.targetB()) + "' is not an actor");
    }
    if (a == i || b == i) {
      return new Rejection(actor, m, RejectionReason.SELF_TARGET,
          describe(m) + ": a mediator mediates between two other actors");
    }
    int p = a == b ? -1 : t.pair(a, b);
    if (p < 0) {
      return new Rejection(actor, m, RejectionReason.NO_DYAD,
          describe(m) + ": " + m.target() + " and " + m.targetB() + " form no dyad to mediate");
    }
    if (s.relationsBroken[p]) {
      return new Rejection(actor, m, RejectionReason.RELATIONS_BROKEN,
          describe(m) + ": relations between " + m.target() + " and " + m.targetB() + " are broken");
    }
    return null;
  }

  private static Rejection checkAlertUnit(GameState s, int i, String actor, Move m) {
    Topology t = s.topo;
    if (!t.hasUnits) {
      return new Rejection(actor, m, RejectionReason.NO_UNITS, describe(m) + ": this scenario has no units");
    }
    Rejection r = checkUnit(s, i, actor, m);
    if (r != null) {
      return r;
    }
    if (s.unitOnAlert[t.unit(m.unit())]) {
      return new Rejection(actor, m, RejectionReason.ALREADY_ON_ALERT, describe(m) + ": the unit is already on alert");
    }
    return null;
  }

  private static Rejection checkUnit(GameState s, int i, String actor, Move m) {
    Topology t = s.topo;
    if (m.unit().isEmpty()) {
      return new Rejection(actor, m, RejectionReason.MISSING_TARGET, describe(m) + ": name the unit");
    }
    int u = t.unit(m.unit());
    if (u < 0) {
      return new Rejection(actor, m, RejectionReason.UNKNOWN_UNIT, describe(m) + ": no unit '" + m.unit() + "'");
    }
    if (t.unitOwner[u] != i) {
      return new Rejection(actor, m, RejectionReason.NOT_YOUR_UNIT,
          describe(m) + ": '" + m.unit() + "' belongs to " + t.actorIds[t.unitOwner[u]]);
    }
    return null;
  }

  private static Rejection checkGenericTroops(GameState s, int i, String actor, Move m) {
    if (!m.unit().isEmpty() || !m.region().isEmpty()) {
      return new Rejection(actor, m, RejectionReason.NO_UNITS,
          describe(m) + ": this scenario has no units; give a target and a quantity in thousands");
    }
    Rejection r = checkDyadTarget(s, i, actor, m, m.target(), true);
    if (r != null) {
      return r;
    }
    if (!(m.quantity() > 0) || Double.isInfinite(m.quantity())) {
      return new Rejection(actor, m, RejectionReason.BAD_QUANTITY,
          describe(m) + ": the quantity must be a positive number of thousands of troops");
    }
    return null;
  }

  /**
   * Unit DEPLOY/WITHDRAW (II-c §3) with F_O, F_R the actors the origin and destination face. DEPLOY needs
   * F_R ⊄ F_O (or ∅ ≠ F_R ⊆ F_O: a reposition), the unit on alert when F_O = ∅, R not barred. WITHDRAW needs
   * F_O ≠ ∅ and F_R = ∅. A move between two rear areas is a reposition too (project choice).
   */
  private static Rejection checkUnitMove(GameState s, int i, String actor, Move m) {
    Topology t = s.topo;
    if (m.unit().isEmpty()) {
      return new Rejection(actor, m, RejectionReason.USE_UNITS,
          describe(m) + ": this scenario deploys units; name a unit and a region");
    }
    Rejection r = checkUnit(s, i, actor, m);
    if (r != null) {
      return r;
    }
    if (m.region().isEmpty()) {
      return new Rejection(actor, m, RejectionReason.MISSING_TARGET, describe(m) + ": name the destination region");
    }
    int dest = t.region(m.region());
    if (dest < 0) {
      return new Rejection(actor, m, RejectionReason.UNKNOWN_REGION, describe(m) + ": no region '" + m.region() + "'");
    }
    int u = t.unit(m.unit());
    int origin = s.unitLocation[u];
    if (dest == origin) {
      return new Rejection(actor, m, m.type() == MoveType.DEPLOY_TROOPS
          ? RejectionReason.NOT_A_DEPLOYMENT : RejectionReason.NOT_A_WITHDRAWAL,
          describe(m) + ": the unit is already in " + m.region());
    }
    if (t.barred(dest, i)) {
      return new Rejection(actor, m, RejectionReason.REGION_BARRED,
          describe(m) + ": " + actor + " may not send units to " + m.region());
    }
    boolean originFaces = t.faces[origin].length > 0;
    boolean destFaces = t.faces[dest].length > 0;
    if (m.type() == MoveType.WITHDRAW_TROOPS) {
      if (!originFaces) {
        return new Rejection(actor, m, RejectionReason.NOT_A_WITHDRAWAL,
            describe(m) + ": the unit faces nobody where it is; nothing to withdraw from");
      }
      if (destFaces) {
        return new Rejection(actor, m, RejectionReason.NOT_A_WITHDRAWAL,
            describe(m) + ": " + m.region() + " faces other actors; withdraw to a rear area");
      }
      return null;
    }
    boolean adds = false;
    for (int j : t.faces[dest]) {
      if (!t.faces(origin, j)) {
        adds = true;
        break;
      }
    }
    if (adds) {
      if (!originFaces && !s.unitOnAlert[u]) {
        return new Rejection(actor, m, RejectionReason.UNIT_NOT_ON_ALERT,
            describe(m) + ": put the unit on alert first (ALERT_UNITS), then deploy it");
      }
      return null;
    }
    if (!destFaces && originFaces) {
      return new Rejection(actor, m, RejectionReason.NOT_A_DEPLOYMENT,
          describe(m) + ": " + m.region() + " faces nobody; moving there is WITHDRAW_TROOPS");
    }
    return null;
  }

  /** Helper for the resolver: kinds of unit move. */
  enum UnitMove { DEPLOY, WITHDRAW, REPOSITION }

  static UnitMove unitMoveKind(Topology t, MoveType type, int origin, int dest) {
    if (type == MoveType.WITHDRAW_TROOPS) {
      return UnitMove.WITHDRAW;
    }
    for (int j : t.faces[dest]) {
      if (!t.faces(origin, j)) {
        return UnitMove.DEPLOY;
      }
    }
    return UnitMove.REPOSITION;
  }
}
