package brink.server.game;

import brink.engine.Rejection;
import brink.engine.RejectionReason;
import brink.engine.def.Move;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the engine's submit-time rejections refuse a SubmitOrders outright (INVALID_ARGUMENT), and which
 * only warn (OrdersAccepted.warnings). A whole-submission rejection refuses. So does a move that can never
 * be valid in this game, whatever happens before the turn resolves: an unknown target, unit or region,
 * another actor's unit, a region barred to the owner, a missing or self target, a bad quantity, the wrong
 * form for the scenario. A move that only the current state forbids (reserve, alert, relations, progress,
 * sanctions) is kept with a warning, because an inject may still change that state, and the engine checks it
 * again when the turn resolves.
 */
final class OrderChecks {
  private static final Set<RejectionReason> NEVER_VALID = EnumSet.of(
      RejectionReason.UNKNOWN_ACTOR, RejectionReason.UNKNOWN_TARGET, RejectionReason.NO_DYAD,
      RejectionReason.NOT_NUCLEAR, RejectionReason.UNKNOWN_UNIT, RejectionReason.NOT_YOUR_UNIT,
      RejectionReason.UNKNOWN_REGION, RejectionReason.REGION_BARRED, RejectionReason.USE_UNITS,
      RejectionReason.NO_UNITS, RejectionReason.MISSING_TARGET, RejectionReason.SELF_TARGET,
      RejectionReason.BAD_QUANTITY, RejectionReason.GAME_OVER);

  private OrderChecks() {}

  static boolean refusesSubmission(Rejection r) {
    return r.wholeSubmission() || NEVER_VALID.contains(r.reason());
  }

  /** The typed error for a refused submission, naming the move at fault. */
  static GameError error(Rejection r, List<Move> moves) {
    GameError e = GameError.invalid(r.detail().isEmpty() ? "the orders were refused: " + r.reason() : r.detail())
        .with("reason", r.reason().name()).with("actor", r.actor());
    if (r.move() != null) {
      int k = moves.indexOf(r.move());
      if (k >= 0) {
        e.with("field", "moves[" + k + "]");
      }
      if (!r.move().unit().isEmpty()) {
        e.with("unit", r.move().unit());
      }
      if (!r.move().region().isEmpty()) {
        e.with("region", r.move().region());
      }
      if (!r.move().target().isEmpty()) {
        e.with("target", r.move().target());
      }
    }
    return e;
  }
}
