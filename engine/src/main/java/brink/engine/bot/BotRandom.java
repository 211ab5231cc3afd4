package brink.engine.bot;

import brink.engine.Rng;

/**
 * A bot's random numbers: stream {@code 2 + rank(actor)} of the game's counter-based generator at the turn
 * being resolved (engine-model.md II-c §8), indices 0, 1, 2, … in the order the bot asks. Each bot call
 * gets a fresh instance, so a bot's draws never shift the incident or covert streams, nor another bot's.
 */
public final class BotRandom {
  private final long seed;
  private final int stream;
  private final int turn;
  private int index;

  /**
   * @param seed the game's seed
   * @param actorRank rank of the actor among the sorted actor ids (0-based)
   * @param turn the turn being resolved (1 = first)
   */
  public BotRandom(long seed, int actorRank, int turn) {
    if (actorRank < 0) {
      throw new IllegalArgumentException("actor rank must be >= 0, got " + actorRank);
    }
    this.seed = seed;
    this.stream = Rng.botStream(actorRank);
    this.turn = turn;
  }

  /** The next u in [0, 1). */
  public double next() {
    return Rng.u(seed, stream, turn, index++);
  }

  /** A uniform integer in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, got " + bound);
    }
    return (int) Math.min(bound - 1, (long) Math.floor(next() * bound));
  }

  public int stream() {
    return stream;
  }

  /** How many numbers this instance has drawn. */
  public int drawn() {
    return index;
  }
}
