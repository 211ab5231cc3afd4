package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentile_smallValues_exact() {
    LatencyHistogram h = new LatencyHistogram();
    for (int v = 1; v <= 100; v++) {
      h.record(v);
    }
    assertThat(h.percentile(50)).isEqualTo(50);
    assertThat(h.percentile(99)).isEqualTo(99);
    assertThat(h.percentile(100)).isEqualTo(100);
    assertThat(h.min()).isEqualTo(1);
    assertThat(h.max()).isEqualTo(100);
    assertThat(h.mean()).isEqualTo(50.5);
  }

  @Test
  void percentile_largeValues_withinOnePercentAndNeverBelowTheTruth() {
    SplittableRandom rnd = new SplittableRandom(7);
    long[] values = new long[100_000];
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      // log-uniform from 1 microsecond to 10 seconds
      values[i] = (long) Math.exp(Math.log(1e3) + rnd.nextDouble() * (Math.log(1e10) - Math.log(1e3)));
      h.record(values[i]);
    }
    Arrays.sort(values);
    for (double p : new double[] {50, 90, 99, 99.9, 99.99}) {
      long truth = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat(h.percentile(p)).as("p%s", p).isGreaterThanOrEqualTo(truth)
          .isLessThanOrEqualTo((long) (truth * 1.008) + 1);
    }
    assertThat(h.max()).isEqualTo(values[values.length - 1]);
  }

  @Test
  void index_bucketsAreContiguousAndCoverTheirValues() {
    for (long v : new long[] {0, 127, 128, 255, 256, 257, 1_000_000, 123_456_789_012L, Long.MAX_VALUE}) {
      int i = LatencyHistogram.index(v);
      assertThat(LatencyHistogram.highestInBucket(i)).as("top of the bucket of %s", v).isGreaterThanOrEqualTo(v);
      if (i > 0) {
        assertThat(LatencyHistogram.highestInBucket(i - 1)).as("top of the bucket before %s", v).isLessThan(v);
      }
    }
  }

  @Test
  void add_mergesCountsAndExtremes() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    for (int i = 0; i < 90; i++) {
      a.record(1_000);
    }
    for (int i = 0; i < 10; i++) {
      b.record(5_000_000);
    }
    a.add(b);
    assertThat(a.count()).isEqualTo(100);
    assertThat(a.percentile(90)).isBetween(1_000L, 1_008L);
    assertThat(a.percentile(91)).isBetween(5_000_000L, 5_040_000L);
    assertThat(a.max()).isEqualTo(5_000_000);
    assertThat(a.min()).isEqualTo(1_000);
  }

  @Test
  void record_negative_countsAsZero() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(-5);
    assertThat(h.percentile(100)).isZero();
    assertThat(h.count()).isEqualTo(1);
  }

  @Test
  void percentile_outOfRange_refused() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentile(99)).isZero();
    assertThatThrownBy(() -> h.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
