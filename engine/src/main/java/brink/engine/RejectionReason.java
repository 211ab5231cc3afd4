package brink.engine;

/**
 * Why a move or a whole submission was rejected: a closed catalogue (engine-model.md Part II §3
 * "Preconditions", Part II-b, Part II-c §2–§7). Whole-submission reasons are marked.
 */
public enum RejectionReason {
  /** The submitting seat is not an actor of the scenario (whole submission). */
  UNKNOWN_ACTOR,
  /** The target is not an actor of the scenario. */
  UNKNOWN_TARGET,
  /** The target does not form a dyad with the mover (or the two mediated actors form none). */
  NO_DYAD,
  /** A nuclear move by an actor without nuclear weapons. */
  NOT_NUCLEAR,
  UNKNOWN_UNIT,
  NOT_YOUR_UNIT,
  UNKNOWN_REGION,
  /** The scenario bars the unit's owner from the region. */
  REGION_BARRED,
  /** A deployment from a rear area needs the unit on alert first (ALERT_UNITS). */
  UNIT_NOT_ON_ALERT,
  /** ALERT_UNITS on a unit already on alert. */
  ALREADY_ON_ALERT,
  /** DEPLOY_TROOPS to a region that adds nobody to what the unit already faces (use WITHDRAW_TROOPS). */
  NOT_A_DEPLOYMENT,
  /** WITHDRAW_TROOPS from a region facing nobody, or to a region facing someone. */
  NOT_A_WITHDRAWAL,
  /** The generic DEPLOY/WITHDRAW(target, quantity) form in a scenario with units. */
  USE_UNITS,
  /** A unit move in a scenario without units. */
  NO_UNITS,
  /** Deployments this turn exceed the reserve (whole submission). */
  NOT_ENOUGH_RESERVE,
  /** Withdrawals toward an actor exceed the troops deployed against it (whole submission). */
  NOT_ENOUGH_DEPLOYED,
  /** RAISE_ALERT at alert 1 or LOWER_ALERT at alert 5. */
  ALERT_LIMIT,
  /** More moves than the rules' max_moves_per_turn (whole submission). */
  TOO_MANY_MOVES,
  /** The same (type, target or unit) twice (whole submission). */
  DUPLICATE_MOVE,
  /** Talk and refusal toward the same actor, or two moves of one unit (whole submission). */
  CONTRADICTORY_ORDERS,
  /** Both RAISE_ALERT and LOWER_ALERT, or one of them twice (whole submission). */
  MORE_THAN_ONE_ALERT_MOVE,
  /** Talks, agreements and mediation on a pair whose relations are broken. */
  RELATIONS_BROKEN,
  /** EASE_SANCTIONS without sanctions in force. */
  NO_SANCTIONS,
  /** SIGN_AGREEMENT with progress below 1. */
  NOT_ENOUGH_PROGRESS,
  /** SIGN_AGREEMENT on a pair that has already signed. */
  ALREADY_SIGNED,
  /** The move needs a target (or a unit, or a region) and has none. */
  MISSING_TARGET,
  /** The move targets the mover. */
  SELF_TARGET,
  /** A troop quantity that is not a positive finite number. */
  BAD_QUANTITY,
  /** The game is over (whole submission). */
  GAME_OVER
}
