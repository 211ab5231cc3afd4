package brink.engine;

/**
 * One dyad after a turn. {@code tension} = (H_ab + H_ba)/2; {@code rung} = max(rung(T), floor);
 * {@code ladderGroup} is Kahn's group of the rung (II-c §5); {@code incident} whether the turn's
 * stream-0 draw produced an incident.
 */
public record DyadRecord(
    String a,
    String b,
    double tension,
    double hostilityAB,
    double hostilityBA,
    int rung,
    Ladder.Group ladderGroup,
    int floor,
    double progress,
    boolean signed,
    boolean talksActive,
    boolean talksOpen,
    boolean relationsBroken,
    boolean incident) {}
