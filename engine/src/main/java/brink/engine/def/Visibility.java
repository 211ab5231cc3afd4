package brink.engine.def;

/** Who learns of a move (engine-model.md Part II-b "Visibility", Part II-c §9). */
public enum Visibility {
  /** Everyone sees it in the turn report. */
  PUBLIC,
  /** The mover and the target see it; others see only that contact happened. */
  PARTIES,
  /** The mover sees it; the target detects it with the scenario's detection probability. */
  COVERT
}
