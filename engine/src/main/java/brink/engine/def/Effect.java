package brink.engine.def;

/**
 * One effect of an inject, applied at the start of step 3 of its turn as an event of a pseudo-actor,
 * with no randomness (engine-model.md Part II-c §10).
 */
public sealed interface Effect {
  /** Added to U_from,to (the impulse on from's hostility toward to). */
  record Hostility(String from, String to, double delta) implements Effect {}

  /** Added to tau_from,to (from's trust in to) before the turn's single clamp. */
  record Trust(String from, String to, double delta) implements Effect {}

  /** Sets an actor's alert posture (1..5). */
  record SetAlert(String actor, int alert) implements Effect {}

  /** Added to D_from,to in thousands (scenarios without units). */
  record Deployed(String from, String to, double delta) implements Effect {}

  /** Moves a unit to a region, with no event of its own. */
  record MoveUnit(String unit, String region) implements Effect {}

  /** Sets or clears talks_open on a pair. */
  record TalksOpen(String a, String b, boolean value) implements Effect {}

  /** Sets or clears from's sanctions against to. */
  record Sanctions(String from, String to, boolean value) implements Effect {}
}
