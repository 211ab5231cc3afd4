package brink.bench;

/**
 * When each request of an open-loop run is meant to be sent: request k at {@code start + k / rate}.
 * Sends are scheduled by the clock, not by answers, and each request's latency is measured from
 * this intended time; so a stall of the server (or of the sender) shows up in the latencies of
 * every request that should have gone out during it, instead of being hidden by sending fewer
 * (coordinated omission, Tene 2013). Computed from k each time, so rounding never drifts.
 */
public final class OpenLoopSchedule {
  private final long startNanos;
  private final double ratePerSecond;

  /**
   * @param startNanos the intended time of request 0 (a {@link System#nanoTime()} value)
   * @param ratePerSecond requests per second, over all connections
   */
  public OpenLoopSchedule(long startNanos, double ratePerSecond) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("an offered rate must be a positive number of requests per second, not "
          + ratePerSecond);
    }
    this.startNanos = startNanos;
    this.ratePerSecond = ratePerSecond;
  }

  /** The intended send time of request {@code k} (k >= 0). */
  public long intended(long k) {
    return startNanos + (long) Math.floor(k * 1e9 / ratePerSecond);
  }

  /** How many requests are due at {@code now}: those with an intended time at or before it. */
  public long dueBy(long now) {
    if (now < startNanos) {
      return 0;
    }
    long k = (long) Math.floor((now - startNanos) * ratePerSecond / 1e9) + 1;
    // Floating point may be off by one either way near a boundary: settle on the exact definition.
    while (k > 0 && intended(k - 1) > now) {
      k--;
    }
    while (intended(k) <= now) {
      k++;
    }
    return k;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }
}
