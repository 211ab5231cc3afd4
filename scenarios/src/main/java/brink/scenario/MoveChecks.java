package brink.scenario;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;

/**
 * Static checks of a move written in a file (a historical move, a scripted order). What depends on
 * the state of the game (alert limits, reserves, progress) is the engine's to judge when it is played.
 */
final class MoveChecks {
  private MoveChecks() {}

  /**
   * @param actor the mover, or null when the mover itself is unknown (already reported)
   * @param strict true: also check the move's shape (targets its type needs, dyads, ownership, nuclear);
   *     false: only that every id it names exists (scripted orders, whose illegal moves the engine
   *     must see and reject in the turn report)
   */
  static void check(Checker c, Node n, Move m, String actor, Refs refs, boolean strict, String where) {
    if (m.getType() == MoveType.MOVE_UNSPECIFIED) {
      c.add(n.pos(), ErrorCode.MISSING_FIELD, where + ": the move needs type: <MOVE_TYPE> (WAIT, NEGOTIATE, DEPLOY_TROOPS, ...)");
      return;
    }
    if (m.getType() == MoveType.UNRECOGNIZED) {
      ScenarioValidator.badEnum(c, n, "type", m.getTypeValue(), MoveType.getDescriptor());
      return;
    }
    String w = where + " " + m.getType().name();
    boolean target = m.getTarget().isEmpty() || c.ref(n, "target", m.getTarget(), refs.actors, "actor", "actors", w);
    boolean targetB = m.getTargetB().isEmpty() || c.ref(n, "target_b", m.getTargetB(), refs.actors, "actor", "actors", w);
    boolean unit = m.getUnit().isEmpty() || c.ref(n, "unit", m.getUnit(), refs.units.keySet(), "unit", "units", w);
    boolean region = m.getRegion().isEmpty() || c.ref(n, "region", m.getRegion(), refs.regions, "region", "regions", w);
    if (!c.finite(n, "quantity", m.getQuantity(), "quantity") || m.getQuantity() < 0) {
      if (m.getQuantity() < 0) {
        c.add(n.at("quantity"), ErrorCode.OUT_OF_RANGE, w + ": quantity (thousands of troops) must be at least 0, found " + Checker.num(m.getQuantity()));
      }
      return;
    }
    if (!strict || actor == null || !target || !targetB || !unit || !region) {
      return;
    }
    switch (m.getType()) {
      case WAIT:
        return;
      case RAISE_ALERT:
      case LOWER_ALERT:
        if (!m.getTarget().isEmpty()) {
          c.add(n.at("target"), ErrorCode.BAD_MOVE, w + " takes no target: it acts on every dyad of the mover");
        }
        return;
      case ALERT_UNITS:
        if (need(c, n, m.getUnit(), "unit", w)) {
          owned(c, n, m.getUnit(), actor, refs, w);
        }
        return;
      case DEPLOY_TROOPS:
      case WITHDRAW_TROOPS:
        if (refs.hasUnits()) {
          if (!m.getTarget().isEmpty() || m.getQuantity() != 0) {
            c.add(n.at(m.getTarget().isEmpty() ? "quantity" : "target"), ErrorCode.UNITS_MISMATCH,
                w + ": this scenario has units, so name unit and region instead of target and quantity");
            return;
          }
          boolean u = need(c, n, m.getUnit(), "unit", w) && owned(c, n, m.getUnit(), actor, refs, w);
          boolean r = need(c, n, m.getRegion(), "region", w);
          if (u && r && m.getType() == MoveType.DEPLOY_TROOPS && refs.barred(m.getRegion(), actor)) {
            c.add(n.at("region"), ErrorCode.REGION_BARRED, w + ": region \"" + m.getRegion() + "\" is barred for \"" + actor + "\"");
          }
        } else {
          if (!m.getUnit().isEmpty() || !m.getRegion().isEmpty()) {
            c.add(n.at(m.getUnit().isEmpty() ? "region" : "unit"), ErrorCode.UNITS_MISMATCH,
                w + ": this scenario has no units, so name target and quantity (thousands of troops)");
            return;
          }
          if (m.getQuantity() <= 0) {
            c.add(n.at("quantity"), ErrorCode.BAD_MOVE, w + " needs quantity: thousands of troops, greater than 0");
          }
          if (need(c, n, m.getTarget(), "target", w)) {
            dyad(c, n, actor, m.getTarget(), refs, w);
          }
        }
        return;
      case MEDIATE:
        if (need(c, n, m.getTarget(), "target", w) && need(c, n, m.getTargetB(), "target_b", w)) {
          if (m.getTarget().equals(m.getTargetB()) || m.getTarget().equals(actor) || m.getTargetB().equals(actor)) {
            c.add(n.pos(), ErrorCode.BAD_MOVE, w + " needs two different actors other than the mediator as target and target_b");
          } else if (!refs.dyad(m.getTarget(), m.getTargetB())) {
            c.add(n.pos(), ErrorCode.NOT_A_DYAD, w + ": \"" + m.getTarget() + "\" and \"" + m.getTargetB() + "\" do not form a dyad");
          }
        }
        return;
      case MILITARY_AID:
      case HUMANITARIAN_AID:
        if (need(c, n, m.getTarget(), "target", w)) {
          notSelf(c, n, actor, m.getTarget(), w);
        }
        return;
      case NUCLEAR_THREAT:
      case NUCLEAR_USE:
        if (!refs.nuclear.contains(actor)) {
          c.add(n.at("type"), ErrorCode.BAD_MOVE, w + ": \"" + actor + "\" is not a nuclear actor");
        }
        if (need(c, n, m.getTarget(), "target", w)) {
          dyad(c, n, actor, m.getTarget(), refs, w);
        }
        return;
      default:
        if (need(c, n, m.getTarget(), "target", w)) {
          dyad(c, n, actor, m.getTarget(), refs, w);
        }
    }
  }

  private static boolean need(Checker c, Node n, String value, String field, String w) {
    if (value.isEmpty()) {
      c.add(n.pos(), ErrorCode.BAD_MOVE, w + " needs " + field + ": \"...\"");
      return false;
    }
    return true;
  }

  private static boolean owned(Checker c, Node n, String unit, String actor, Refs refs, String w) {
    if (!actor.equals(refs.units.get(unit))) {
      c.add(n.at("unit"), ErrorCode.BAD_MOVE, w + ": unit \"" + unit + "\" belongs to \"" + refs.units.get(unit) + "\", not to \"" + actor + "\"");
      return false;
    }
    return true;
  }

  private static boolean notSelf(Checker c, Node n, String actor, String target, String w) {
    if (actor.equals(target)) {
      c.add(n.at("target"), ErrorCode.SELF_DYAD, w + ": \"" + actor + "\" cannot target itself");
      return false;
    }
    return true;
  }

  private static void dyad(Checker c, Node n, String actor, String target, Refs refs, String w) {
    if (notSelf(c, n, actor, target, w) && !refs.dyad(actor, target)) {
      c.add(n.at("target"), ErrorCode.NOT_A_DYAD,
          w + ": \"" + actor + "\" and \"" + target + "\" do not form a dyad, so this move has no one to act on");
    }
  }
}
