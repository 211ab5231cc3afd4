package brink.engine.def;

/** How a game ended (engine-model.md Part II §4 step 10, Part II-c §7), or {@link #ONGOING}. */
public enum Outcome {
  ONGOING,
  NUCLEAR_CATASTROPHE,
  WAR_DELIBERATE,
  WAR_INADVERTENT,
  SETTLEMENT_FORMAL,
  SETTLEMENT_TACIT,
  FROZEN_CONFLICT;

  public boolean isWar() {
    return this == WAR_DELIBERATE || this == WAR_INADVERTENT || this == NUCLEAR_CATASTROPHE;
  }
}
