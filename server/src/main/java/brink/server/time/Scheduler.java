package brink.server.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs tasks later: deadlines, the hello timeout, idle checks. The server never sleeps and never reads the
 * wall clock directly; it asks its scheduler, so that tests replace both with a clock they advance by hand.
 *
 * <p>A task runs on the scheduler's own thread and must only hand work to the executor that owns it (a
 * game's executor, a connection's event loop); it never touches a game itself.
 */
public interface Scheduler {
  /** The clock the scheduler's delays are measured on. */
  Clock clock();

  /**
   * Runs {@code task} once, {@code delay} from now (at once when the delay is zero or negative).
   *
   * @return cancels the task if it has not started yet
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off; no effect once it has run. */
    void cancel();
  }
}
