package brink.server.testkit;

import brink.server.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler whose clock moves only when a test says so: {@link #advance} runs every task that falls due,
 * in time order, with the clock set to each task's time. Nothing ever sleeps. Cancelled tasks are forgotten
 * at once, as the production scheduler forgets them.
 */
public final class ManualScheduler implements Scheduler {
  private final AtomicLong now;
  private final Clock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long counter;

  private static final class Task implements Comparable<Task> {
    final long due;
    final long order;
    final Runnable run;
    volatile boolean cancelled;

    Task(long due, long order, Runnable run) {
      this.due = due;
      this.order = order;
      this.run = run;
    }

    @Override
    public int compareTo(Task o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  public ManualScheduler(Instant start) {
    this.now = new AtomicLong(start.toEpochMilli());
    this.clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(now.get());
      }

      @Override
      public long millis() {
        return now.get();
      }
    };
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(now.get() + Math.max(0, delay.toMillis()), counter++, task);
    tasks.add(t);
    return () -> cancel(t);
  }

  /**
   * Calls a task off and forgets it, as the production scheduler does (remove-on-cancel): a task kept until
   * it would have run holds whatever it refers to (a closed connection's whole pipeline), which the memory
   * tests would count.
   */
  private void cancel(Task t) {
    t.cancelled = true;
    synchronized (this) {
      tasks.remove(t);
    }
  }

  /** Tasks waiting for their time (cancelled ones are forgotten at once). */
  public synchronized int pending() {
    return tasks.size();
  }

  /** Moves the clock forward, running every task that falls due on the way. */
  public void advance(Duration d) {
    long target = now.get() + d.toMillis();
    while (true) {
      Task t;
      synchronized (this) {
        t = tasks.peek();
        if (t == null || t.due > target) {
          break;
        }
        tasks.poll();
        now.set(Math.max(now.get(), t.due));
      }
      if (!t.cancelled) {
        t.run.run();
      }
    }
    now.set(target);
  }

  public long millis() {
    return now.get();
  }
}
