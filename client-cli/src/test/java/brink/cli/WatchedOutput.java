package brink.cli;

import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

/**
 * What a command prints, readable while it runs, with a wait that wakes on each write: a test waits for the
 * text it expects, not for time to pass.
 */
final class WatchedOutput extends StringWriter {
  @Override
  public synchronized void write(int c) {
    super.write(c);
    notifyAll();
  }

  @Override
  public synchronized void write(char[] cbuf, int off, int len) {
    super.write(cbuf, off, len);
    notifyAll();
  }

  @Override
  public synchronized void write(String str, int off, int len) {
    super.write(str, off, len);
    notifyAll();
  }

  @Override
  public synchronized String toString() {
    return super.toString();
  }

  /** Waits until the output holds {@code text} or {@code seconds} pass; true if it does. */
  synchronized boolean await(String text, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!super.toString().contains(text)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
