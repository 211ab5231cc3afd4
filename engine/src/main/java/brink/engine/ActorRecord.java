package brink.engine;

/**
 * One actor after a turn.
 *
 * @param alert DEFCON-style posture 1 (most severe) .. 5
 * @param escalationScore Rivera escalation score of this turn's accepted moves
 * @param escalationTotal the game's total so far
 * @param reserve deployable troops in thousands (with units: on-alert units in rear areas, display only)
 */
public record ActorRecord(
    String id,
    int alert,
    int escalationScore,
    int escalationTotal,
    double stability,
    double audienceCost,
    double econ,
    double reserve) {}
