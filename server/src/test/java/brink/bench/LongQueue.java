package brink.bench;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** A growable FIFO of longs without boxing: the intended send times of a connection's requests in flight. */
final class LongQueue {
  private long[] items = new long[16];
  private int head;
  private int size;

  void add(long v) {
    if (size == items.length) {
      long[] bigger = new long[items.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = items[(head + i) % items.length];
      }
      items = bigger;
      head = 0;
    }
    items[(head + size) % items.length] = v;
    size++;
  }

  long poll() {
    if (size == 0) {
      throw new NoSuchElementException("an answer came with no request in flight");
    }
    long v = items[head];
    head = (head + 1) % items.length;
    size--;
    return v;
  }

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(items, 0);
    head = 0;
    size = 0;
  }
}
