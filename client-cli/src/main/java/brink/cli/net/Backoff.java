package brink.cli.net;

/**
 * How long to wait before each reconnection attempt: {@code first}, then doubling, at most {@code max}.
 * The waiting itself goes through a {@link Sleeper}, so tests can make it instant.
 */
public record Backoff(long firstMillis, long maxMillis, Sleeper sleeper) {
  /** Waits for a number of milliseconds (Thread.sleep in production). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** Half a second, doubling to at most ten seconds. */
  public static Backoff standard() {
    return new Backoff(500, 10_000, Thread::sleep);
  }

  public Backoff {
    if (firstMillis < 0 || maxMillis < firstMillis) {
      throw new IllegalArgumentException("backoff needs 0 <= first <= max");
    }
  }

  /** The wait before attempt {@code attempt} (1 = the first retry). */
  public long delay(int attempt) {
    long d = firstMillis;
    for (int k = 1; k < attempt && d < maxMillis; k++) {
      d *= 2;
    }
    return Math.min(d, maxMillis);
  }
}
