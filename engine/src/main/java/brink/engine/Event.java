package brink.engine;

import brink.engine.def.MoveType;
import brink.engine.def.Visibility;
import java.util.List;
import java.util.Objects;

/**
 * One CAMEO-coded event of a turn (engine-model.md Part II §4 step 2): an accepted move toward one target,
 * or one effect of an inject. A move with no target (RAISE_ALERT, LOWER_ALERT, ALERT_UNITS) is one event
 * with target "" that acts on every dyad of the mover; a unit move facing several actors is one event per
 * actor, with the move's escalation-score points on the first only.
 *
 * @param actor the mover, or "inject:&lt;id&gt;" for an inject effect
 * @param type the move type; WAIT for inject effects
 * @param cameo the CAMEO code; "" for inject effects
 * @param goldstein Goldstein weight w of the code
 * @param magnitude m of the move
 * @param verbal V (true) or M
 * @param esPoints Rivera escalation-score points this event carries (the whole move's on its first event)
 * @param visibility who learns of it (II-c §9)
 * @param detected for a COVERT event: whether its target detected it (stream-1 draw); false otherwise
 * @param parties who sees it when PARTIES: the mover and its targets, or an inject's audience (sorted)
 * @param effect "" for moves; for an inject effect its kind and value, e.g. "hostility +5.0"
 * @param quantity thousands of troops of a troop move (the unit's size / 1000 with units), 0 otherwise
 */
public record Event(
    String actor,
    MoveType type,
    String target,
    String targetB,
    String unit,
    String region,
    String cameo,
    double goldstein,
    double magnitude,
    boolean verbal,
    int esPoints,
    Visibility visibility,
    boolean detected,
    List<String> parties,
    String effect,
    double quantity) {
  /** Prefix of the pseudo-actor of inject effects. */
  public static final String INJECT_PREFIX = "inject:";

  public Event {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
    target = Objects.requireNonNullElse(target, "");
    targetB = Objects.requireNonNullElse(targetB, "");
    unit = Objects.requireNonNullElse(unit, "");
    region = Objects.requireNonNullElse(region, "");
    cameo = Objects.requireNonNullElse(cameo, "");
    Objects.requireNonNull(visibility, "visibility");
    parties = List.copyOf(parties);
    effect = Objects.requireNonNullElse(effect, "");
  }

  /** True for an inject effect. */
  public boolean fromInject() {
    return actor.startsWith(INJECT_PREFIX);
  }

  /** Net Goldstein flow w·m the event contributes (0 for inject effects). */
  public double flow() {
    return goldstein * magnitude;
  }
}
