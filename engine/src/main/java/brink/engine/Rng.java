package brink.engine;

/**
 * The engine's only source of randomness: a counter-based generator (engine-model.md Part II-c §8).
 * Every draw is a pure function of (seed, stream, turn, index), so no generator object lives in the state,
 * adding a draw on one stream never shifts another, and replays are byte-identical.
 */
public final class Rng {
  /** Stream 0: one incident draw per dyad per turn, index = dyad rank (II-c §8). */
  public static final int STREAM_INCIDENTS = 0;
  /** Stream 1: covert-move detection, index = rank among the turn's covert moves (II-c §8). */
  public static final int STREAM_COVERT = 1;
  /** Streams 2 + rank(actor): that actor's bot (II-c §8). */
  public static final int STREAM_FIRST_BOT = 2;

  /** The golden-ratio increment of splitmix64 (Steele, Lea and Flood 2014), II-c §8. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** Stream, turn and index multipliers of mix(s, t, i), II-c §8. */
  private static final long MIX_TURN = 0xC2B2AE3D27D4EB4FL;
  private static final long MIX_INDEX = 0x165667B19E3779F9L;
  /** 2^-53: turns the top 53 bits into a double in [0, 1), II-c §8. */
  private static final double UNIT = 0x1.0p-53;

  private Rng() {}

  /** u(stream, turn, index) in [0, 1) for a game's seed. */
  public static double u(long seed, int stream, int turn, int index) {
    return (splitmix64(seed ^ mix(stream, turn, index)) >>> 11) * UNIT;
  }

  /** The bot stream of the actor of rank {@code actorRank} (0-based, actors sorted by id). */
  public static int botStream(int actorRank) {
    return STREAM_FIRST_BOT + actorRank;
  }

  /** mix(s, t, i) = s·0x9E3779B97F4A7C15 + t·0xC2B2AE3D27D4EB4F + i·0x165667B19E3779F9 (wrap-around). */
  public static long mix(long stream, long turn, long index) {
    return stream * GOLDEN + turn * MIX_TURN + index * MIX_INDEX;
  }

  /** One splitmix64 output for the input x (the finaliser applied to x + golden). */
  public static long splitmix64(long x) {
    long z = x + GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
