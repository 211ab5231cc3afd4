package brink.scenario;

/** What is wrong with a scenario or order-script file; every {@link ScenarioError} carries one. */
public enum ErrorCode {
  /** The file is missing, unreadable or not UTF-8 text. */
  FILE_UNREADABLE,
  /** The text is not well-formed protobuf text format. */
  SYNTAX,
  /** The file ends in the middle of a block or a field. */
  TRUNCATED,
  /** A field name the schema does not know (usually a typo). */
  UNKNOWN_FIELD,
  /** A value of the wrong kind: text where a number is expected, and so on. */
  WRONG_TYPE,
  /** A value that is not one of the listed choices (regime, move type, visibility, outcome). */
  UNKNOWN_ENUM_VALUE,
  /** A single-valued field given twice in the same block. */
  DUPLICATE_FIELD,
  /** Two alternatives set where only one is allowed (an objective's test, an effect's kind). */
  ONEOF_CONFLICT,
  /** A required field is missing or empty. */
  MISSING_FIELD,
  /** An id that is not lowercase letters, digits and '-'. */
  BAD_ID,
  /** Two things with the same id. */
  DUPLICATE_ID,
  /** A reference to an actor, region, unit or inject that the file does not define. */
  UNKNOWN_ID,
  /** A dyad, pair or move from an actor to itself. */
  SELF_DYAD,
  /** A dyad defined in one direction only (engine-model.md Part II-c §1). */
  ONE_DIRECTION_DYAD,
  /** No primary dyad (engine-model.md Part II-c §1: at least one). */
  NO_PRIMARY_DYAD,
  /** A pair used as a dyad (primary dyad, pair state, condition, effect, move) that is not a dyad. */
  NOT_A_DYAD,
  /** A number outside its allowed range. */
  OUT_OF_RANGE,
  /** A unit placed in (or moved to) a region barred for its owner. */
  REGION_BARRED,
  /** A default bot that does not exist. */
  UNKNOWN_BOT,
  /** A text shown to people with no English version. */
  MISSING_ENGLISH,
  /** A date that is not an ISO date (yyyy-mm-dd). */
  BAD_DATE,
  /** A move whose fields do not fit its type (a missing target, a nuclear move by a non-nuclear actor...). */
  BAD_MOVE,
  /** A field for scenarios without units used in one with units, or the other way round. */
  UNITS_MISMATCH,
  /** Euler steps of size dt diverge where the continuous model is stable (engine-model.md Part II §7). */
  DISCRETISATION_UNSTABLE,
  /** No bundled scenario has this id and no file has this name. */
  UNKNOWN_SCENARIO,
  /** A bug in Brink rather than in the file; the message asks to report it. */
  INTERNAL
}
