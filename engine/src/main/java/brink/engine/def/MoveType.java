package brink.engine.def;

/**
 * Every move an actor can make (engine-model.md Part II §3, Part II-c §2 and §7). The catalogue of each
 * move's CAMEO code, Goldstein weight, class, magnitude, escalation-score class and Kahn floor lives in
 * {@code brink.engine.MoveCatalogue}.
 */
public enum MoveType {
  WAIT,
  STATEMENT_REASSURE,
  HOTLINE_CALL,
  CRITICIZE,
  DEMAND_WITHDRAWAL,
  THREATEN_SANCTIONS,
  THREATEN_FORCE,
  ULTIMATUM,
  REJECT_TALKS,
  HALT_TALKS,
  MILITARY_EXERCISE,
  RAISE_ALERT,
  DEPLOY_TROOPS,
  IMPOSE_SANCTIONS,
  EXPEL_DIPLOMATS,
  BREAK_RELATIONS,
  CYBER_ATTACK,
  BLOCKADE,
  LIMITED_STRIKE,
  INVADE,
  NUCLEAR_THREAT,
  NUCLEAR_USE,
  PROPOSE_TALKS,
  NEGOTIATE,
  SIGN_AGREEMENT,
  MEDIATE,
  WITHDRAW_TROOPS,
  LOWER_ALERT,
  ALLOW_INSPECTIONS,
  EASE_SANCTIONS,
  MILITARY_AID,
  HUMANITARIAN_AID,
  ALERT_UNITS,
  RESTORE_RELATIONS
}
