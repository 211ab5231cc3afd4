package brink.engine.def;

import java.util.Objects;

/**
 * One direction of a dyad: {@code from}'s Richardson parameters toward {@code to}.
 *
 * @param hostility H0, 0..100
 * @param restraint a ("fatigue/expense"), > 0
 * @param reaction k ("defence/fear"), >= 0
 * @param grievance g0; negative = goodwill
 * @param trust from's starting trust in to, 0..1
 * @param deployed D_from,to in thousands (scenarios without units)
 * @param sanctions from has sanctions in force against to
 */
public record DyadDef(
    String from,
    String to,
    double hostility,
    double restraint,
    double reaction,
    double grievance,
    double trust,
    double deployed,
    boolean sanctions,
    String rationale) {
  public DyadDef {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    rationale = Objects.requireNonNullElse(rationale, "");
  }
}
