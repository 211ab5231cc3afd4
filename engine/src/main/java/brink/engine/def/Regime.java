package brink.engine.def;

/** Regime type; sets the audience-cost weight (Fearon 1994: stronger audiences for democracies). */
public enum Regime {
  DEMOCRACY,
  AUTOCRACY
}
