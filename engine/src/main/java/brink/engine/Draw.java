package brink.engine;

/**
 * One random number the turn drew (engine-model.md Part II-c §8).
 *
 * @param stream 0 incidents, 1 covert detection
 * @param index the counter within the stream and turn
 * @param value u in [0, 1)
 * @param subject what it decided: a dyad "a-b" or a covert move "mover:TYPE:target:unit"
 * @param hit whether it came out positive (an incident, a detection)
 */
public record Draw(int stream, int index, double value, String subject, boolean hit) {}
