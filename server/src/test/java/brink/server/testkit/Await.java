package brink.server.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that no event announces (how many connections the server has accepted), checking it
 * every millisecond. Never a way to wait for time to pass: deadlines move with the test's clock.
 */
public final class Await {
  private Await() {}

  /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code limit}. */
  public static void until(BooleanSupplier condition, Duration limit, String what) {
    until(condition, limit, () -> what);
  }

  /** As {@link #until(BooleanSupplier, Duration, String)}, with {@code what} said when it fails. */
  public static void until(BooleanSupplier condition, Duration limit, Supplier<String> what) {
    long giveUp = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what.get());
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
