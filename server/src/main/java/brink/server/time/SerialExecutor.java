package brink.server.time;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool: a game's single writer. Games run in
 * parallel on the pool's threads while each game sees one task at a time (a happens-before edge links each
 * task to the next, so a game's fields need no locks).
 */
public final class SerialExecutor implements Executor {
  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  /** Tasks run in a row before the thread goes back to the pool. */
  static final int BATCH = 64;

  private final Executor pool;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  public SerialExecutor(Executor pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    try {
      pool.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // The server is stopping: its games take no more work.
      synchronized (tasks) {
        tasks.clear();
        running = false;
      }
      log.debug("a game task arrived after the server stopped; dropped");
    }
  }

  private void drain() {
    for (int done = 0; ; done++) {
      if (done == BATCH) {
        // Let other games have the thread: continue this one later, behind them.
        try {
          pool.execute(this::drain);
          return;
        } catch (RejectedExecutionException e) {
          synchronized (tasks) {
            tasks.clear();
            running = false;
          }
          return;
        }
      }
      Runnable next;
      synchronized (tasks) {
        next = tasks.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        log.error("a game task failed", e);
      }
    }
  }
}
