package brink.engine.def;

import java.util.Objects;

/**
 * One move an actor orders. Which fields matter depends on the type: most moves take {@code target};
 * MEDIATE takes {@code target} and {@code targetB}; RAISE_ALERT and LOWER_ALERT take nothing; ALERT_UNITS
 * takes {@code unit}; DEPLOY_TROOPS and WITHDRAW_TROOPS take {@code unit} and {@code region} in a scenario
 * with units and {@code target} and {@code quantity} (thousands of troops) in one without. Unused string
 * fields are "" (never null).
 */
public record Move(MoveType type, String target, String targetB, String unit, String region, double quantity) {
  public Move {
    Objects.requireNonNull(type, "type");
    target = Objects.requireNonNullElse(target, "");
    targetB = Objects.requireNonNullElse(targetB, "");
    unit = Objects.requireNonNullElse(unit, "");
    region = Objects.requireNonNullElse(region, "");
  }

  public static Move of(MoveType type) {
    return new Move(type, "", "", "", "", 0);
  }

  public static Move toward(MoveType type, String target) {
    return new Move(type, target, "", "", "", 0);
  }

  public static Move troops(MoveType type, String target, double quantity) {
    return new Move(type, target, "", "", "", quantity);
  }

  public static Move unit(MoveType type, String unit, String region) {
    return new Move(type, "", "", unit, region, 0);
  }

  public static Move mediate(String a, String b) {
    return new Move(MoveType.MEDIATE, a, b, "", "", 0);
  }
}
