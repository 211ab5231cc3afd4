package brink.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, counted in log-linear buckets: exact below 128 ns, then 128 buckets per
 * power of two, so a percentile read back is at most 1/128 (0.8 %) above the true value and never
 * below it. Fixed size (about 58 KiB), no allocation when recording, not thread-safe: each thread
 * records into its own and {@link #add} merges them at the end (the load generator does that).
 */
public final class LatencyHistogram {
  /** Bits of the sub-bucket index: 2^7 = 128 buckets per octave. */
  private static final int SUB_BITS = 7;
  private static final int SUB_COUNT = 1 << SUB_BITS;
  /** Octaves 7..62 (values up to Long.MAX_VALUE) after the exact range 0..127. */
  private static final int SIZE = SUB_COUNT + (63 - SUB_BITS) * SUB_COUNT;

  private final long[] counts = new long[SIZE];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max;
  private double sum;

  /** Records one value; a negative one (a clock that went backwards) counts as 0. */
  public void record(long nanos) {
    long v = Math.max(0, nanos);
    counts[index(v)]++;
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  /** Adds every value of {@code other} to this one. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < SIZE; i++) {
      counts[i] += other.counts[i];
    }
    count += other.count;
    sum += other.sum;
    if (other.count > 0) {
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }
  }

  public void reset() {
    Arrays.fill(counts, 0);
    count = 0;
    sum = 0;
    min = Long.MAX_VALUE;
    max = 0;
  }

  public long count() {
    return count;
  }

  /** The smallest value recorded, or 0 when empty. */
  public long min() {
    return count == 0 ? 0 : min;
  }

  /** The largest value recorded (exact), or 0 when empty. */
  public long max() {
    return max;
  }

  public double mean() {
    return count == 0 ? 0 : sum / count;
  }

  /**
   * The value at or below which {@code percent} % of the recorded values lie (nearest rank), read
   * as the top of its bucket but never above the exact maximum; 0 when empty.
   *
   * @param percent 0 < percent <= 100
   */
  public long percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("a percentile is in (0, 100], not " + percent);
    }
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percent / 100.0 * count);
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(highestInBucket(i), max);
      }
    }
    return max;
  }

  static int index(long v) {
    if (v < SUB_COUNT) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    int shift = exponent - SUB_BITS;
    int sub = (int) ((v >>> shift) & (SUB_COUNT - 1));
    return SUB_COUNT + shift * SUB_COUNT + sub;
  }

  static long highestInBucket(int index) {
    if (index < SUB_COUNT) {
      return index;
    }
    int shift = (index - SUB_COUNT) / SUB_COUNT;
    int sub = (index - SUB_COUNT) % SUB_COUNT;
    long low = ((long) (SUB_COUNT + sub)) << shift;
    long width = 1L << shift;
    long high = low + width - 1;
    return high < 0 ? Long.MAX_VALUE : high;
  }
}
