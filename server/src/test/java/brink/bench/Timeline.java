package brink.bench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * When in the measured window the slow requests were: per 100 ms slice (by each request's intended send
 * time), how many requests were answered, how many of them took longer than the target, and how many the
 * generator itself sent late. A p99 says how slow the slowest hundredth was; this says whether they were
 * spread over the window (every request's odds) or bunched into episodes (the machine stalled), and
 * whether the generator, which shares the cores, stalled with the server.
 */
final class Timeline {
  static final long SLICE_NANOS = 100_000_000L;

  private final long start;
  private final long slowNanos;
  private final AtomicIntegerArray answered;
  private final AtomicIntegerArray slow;
  private final AtomicIntegerArray sentLate;

  /** A window from {@code startNanos} to {@code endNanos}; a request is slow or late beyond {@code slowNanos}. */
  Timeline(long startNanos, long endNanos, long slowNanos) {
    this.start = startNanos;
    this.slowNanos = slowNanos;
    int slices = (int) Math.max(1, (endNanos - startNanos + SLICE_NANOS - 1) / SLICE_NANOS);
    answered = new AtomicIntegerArray(slices);
    slow = new AtomicIntegerArray(slices);
    sentLate = new AtomicIntegerArray(slices);
  }

  /** A request meant for {@code intendedNanos} was answered after {@code latencyNanos}. */
  void answered(long intendedNanos, long latencyNanos) {
    int i = slice(intendedNanos);
    if (i >= 0) {
      answered.incrementAndGet(i);
      if (latencyNanos > slowNanos) {
        slow.incrementAndGet(i);
      }
    }
  }

  /** A request meant for {@code intendedNanos} left the generator {@code lagNanos} later. */
  void sent(long intendedNanos, long lagNanos) {
    int i = slice(intendedNanos);
    if (i >= 0 && lagNanos > slowNanos) {
      sentLate.incrementAndGet(i);
    }
  }

  private int slice(long intendedNanos) {
    long d = intendedNanos - start;
    return d < 0 || d / SLICE_NANOS >= answered.length() ? -1 : (int) (d / SLICE_NANOS);
  }

  /**
   * One line: how many requests were answered and how many took over the threshold; what share of those fell
   * in "stalled" slices (where over half the slice's requests did), how many slices stalled and the longest
   * run of them; and the share of requests the generator itself sent late.
   */
  String summary() {
    long ms = slowNanos / 1_000_000L;
    int slices = answered.length();
    int stalled = 0;
    int longest = 0;
    int longestFrom = -1;
    int run = 0;
    long allAnswered = 0;
    long allSlow = 0;
    long slowInStalls = 0;
    long late = 0;
    for (int i = 0; i < slices; i++) {
      int a = answered.get(i);
      int s = slow.get(i);
      allAnswered += a;
      allSlow += s;
      late += sentLate.get(i);
      if (a > 0 && 2 * s > a) {
        stalled++;
        slowInStalls += s;
        run++;
        if (run > longest) {
          longest = run;
          longestFrom = i - run + 1;
        }
      } else {
        run = 0;
      }
    }
    String longestText = longest == 0 ? "" : String.format(Locale.ROOT, " (the longest run %.1f s, from %.1f s)",
        longest / 10.0, longestFrom / 10.0);
    return String.format(Locale.ROOT, "%d answered, %d over %d ms; %s of these in the %d of %d slices of 100 ms "
        + "where over half were%s; the generator sent %s of the requests over %d ms late", allAnswered, allSlow,
        ms, percent(slowInStalls, allSlow), stalled, slices, longestText, percent(late, allAnswered), ms);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
  }
}
