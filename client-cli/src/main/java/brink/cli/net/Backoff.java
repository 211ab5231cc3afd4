package brink.cli.net;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * How long to wait before each reconnection attempt: {@code first}, then doubling, at most {@code max}
 * ({@link #delay}), each wait drawn between half that and all of it ({@link #jittered}). The jitter spreads a
 * class whose connections all dropped at the same moment (a network cut, a server restart) over the whole
 * window instead of sending every reconnection at the same instant, attempt after attempt. The waiting itself
 * goes through a {@link Sleeper}, so tests can make it instant.
 *
 * @param spread the random part: given a bound {@code b}, a number in 0..b (uniform in production)
 */
public record Backoff(long firstMillis, long maxMillis, Sleeper sleeper, LongUnaryOperator spread) {
  /** Waits for a number of milliseconds (Thread.sleep in production). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** Half a second, doubling to at most ten seconds, with jitter. */
  public static Backoff standard() {
    return new Backoff(500, 10_000, Thread::sleep);
  }

  public Backoff {
    if (firstMillis < 0 || maxMillis < firstMillis) {
      throw new IllegalArgumentException("backoff needs 0 <= first <= max");
    }
  }

  /** A backoff with uniform jitter. */
  public Backoff(long firstMillis, long maxMillis, Sleeper sleeper) {
    this(firstMillis, maxMillis, sleeper, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /** The longest wait before attempt {@code attempt} (1 = the first retry). */
  public long delay(int attempt) {
    long d = firstMillis;
    for (int k = 1; k < attempt && d < maxMillis; k++) {
      d *= 2;
    }
    return Math.min(d, maxMillis);
  }

  /** The wait before attempt {@code attempt}: half of {@link #delay} plus a random part of the other half. */
  public long jittered(int attempt) {
    long d = delay(attempt);
    long half = d / 2;
    long rest = d - half;
    return half + Math.max(0, Math.min(rest, spread.applyAsLong(rest)));
  }
}
