package brink.engine.def;

import java.util.Objects;

/**
 * An actor as the scenario defines it.
 *
 * @param alert starting DEFCON-style posture, 1 (most severe) .. 5 (least severe)
 * @param defaultBot doctrine that plays the seat when nobody submits (passive, historical, dove, hawk, tit-for-tat)
 * @param stability starting domestic standing, 0..100
 * @param econ starting economy index
 * @param reserve deployable troops in thousands (scenarios without units)
 * @param audienceCost starting audience-cost stock, >= 0
 */
public record ActorDef(
    String id,
    Text name,
    Regime regime,
    boolean nuclear,
    int alert,
    String defaultBot,
    Text publicBriefing,
    Text privateBriefing,
    double stability,
    double econ,
    double reserve,
    double audienceCost) {
  public ActorDef {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNullElse(name, Text.of(id));
    regime = Objects.requireNonNullElse(regime, Regime.DEMOCRACY);
    defaultBot = Objects.requireNonNullElse(defaultBot, "passive");
    publicBriefing = Objects.requireNonNullElse(publicBriefing, Text.EMPTY);
    privateBriefing = Objects.requireNonNullElse(privateBriefing, Text.EMPTY);
  }
}
