package brink.engine.def;

/**
 * When a conditional inject fires: on the first turn at whose start (on S_t) the dyad {a,b}'s tension
 * satisfies the bounds that are set (null = not tested) and the turn is at least {@code fromTurn}.
 */
public record Condition(String a, String b, Double tensionAtLeast, Double tensionBelow, int fromTurn) {}
