package brink.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and counters of one run, recorded by the client's event-loop threads: each thread has
 * its own histogram per metric (its lock is only ever contended by {@link #latencies}, which merges
 * them).
 *
 * <p>Only requests meant to be sent inside the measured window count (warm-up and drain are left
 * out); a request's intended send time decides, never its answer's arrival.
 */
public final class Recorder {
  private final Map<Thread, Map<String, LatencyHistogram>> perThread = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, String> notes = new ConcurrentHashMap<>();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile Timeline timeline;

  /**
   * From now on, requests intended in [start, end) are measured; their timeline counts a request as slow
   * above 5 ms, the latency target of docs/performance.md.
   */
  public void window(long startNanos, long endNanos) {
    this.timeline = new Timeline(startNanos, endNanos, 5_000_000L);
    this.windowStart = startNanos;
    this.windowEnd = endNanos;
  }

  public boolean inWindow(long intendedNanos) {
    return intendedNanos >= windowStart && intendedNanos < windowEnd;
  }

  public long windowStart() {
    return windowStart;
  }

  public long windowEnd() {
    return windowEnd;
  }

  /** Records {@code now - intended} under {@code metric} if the request was intended inside the window. */
  public void latency(String metric, long intendedNanos, long nowNanos) {
    if (inWindow(intendedNanos)) {
      Map<String, LatencyHistogram> mine = perThread.computeIfAbsent(Thread.currentThread(), t -> new TreeMap<>());
      synchronized (mine) { // uncontended but for the merge
        mine.computeIfAbsent(metric, m -> new LatencyHistogram()).record(nowNanos - intendedNanos);
      }
    }
  }

  /** Records a request's answer: its latency under {@code metric}, and its slice of the timeline. */
  public void answered(String metric, long intendedNanos, long nowNanos) {
    latency(metric, intendedNanos, nowNanos);
    Timeline t = timeline;
    if (t != null) {
      t.answered(intendedNanos, nowNanos - intendedNanos);
    }
  }

  /** Records when a request meant for {@code intendedNanos} actually left the generator. */
  public void sent(long intendedNanos, long nowNanos) {
    Timeline t = timeline;
    if (t != null) {
      t.sent(intendedNanos, nowNanos - intendedNanos);
    }
  }

  /** The window's timeline in one line (see {@link Timeline#summary}), or empty before a window. */
  public String timelineSummary() {
    Timeline t = timeline;
    return t == null ? "" : t.summary();
  }

  /** Counts one event (any thread), whatever the window. */
  public void count(String counter) {
    count(counter, 1);
  }

  public void count(String counter, long n) {
    counters.computeIfAbsent(counter, c -> new LongAdder()).add(n);
  }

  /** Counts one event if {@code intendedNanos} is inside the window, under {@code counter}. */
  public void countInWindow(String counter, long intendedNanos) {
    if (inWindow(intendedNanos)) {
      count(counter);
    }
  }

  /** Keeps the first {@code text} said under {@code key} (e.g. an error's message, for the report). */
  public void note(String key, String text) {
    notes.putIfAbsent(key, text);
  }

  public Map<String, String> notes() {
    return new TreeMap<>(notes);
  }

  public long counter(String name) {
    LongAdder a = counters.get(name);
    return a == null ? 0 : a.sum();
  }

  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Every metric's histogram, merged over the recording threads. */
  public Map<String, LatencyHistogram> latencies() {
    Map<String, LatencyHistogram> out = new TreeMap<>();
    for (Map<String, LatencyHistogram> m : perThread.values()) {
      synchronized (m) {
        m.forEach((k, h) -> out.computeIfAbsent(k, x -> new LatencyHistogram()).add(h));
      }
    }
    return out;
  }
}
