package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final long MS = 1_000_000L;

  @Test
  void summary_findsTheLongestStall_andTheShareOfSlowRequestsInStalls() {
    Timeline t = new Timeline(1_000 * MS, 3_000 * MS, 5 * MS); // 20 slices
    for (int slice = 0; slice < 20; slice++) {
      long at = 1_000 * MS + slice * 100 * MS + 10 * MS;
      boolean stalled = slice == 3 || (slice >= 10 && slice <= 12);
      for (int k = 0; k < 10; k++) {
        // In a stalled slice 8 of 10 are slow; elsewhere 1 of 10.
        t.answered(at, (stalled ? k < 8 : k < 1) ? 40 * MS : 2 * MS);
      }
    }
    t.sent(1_000 * MS, 6 * MS); // late
    t.sent(1_000 * MS, 5 * MS); // not over 5 ms
    assertThat(t.summary()).isEqualTo("200 answered, 48 over 5 ms; 67 % of these in the 4 of 20 slices of 100 ms "
        + "where over half were (the longest run 0.3 s, from 1.0 s); the generator sent 1 % of the requests over "
        + "5 ms late");
  }

  @Test
  void outsideTheWindow_nothingCounts_andHalfSlowIsNoStall() {
    Timeline t = new Timeline(0, 200 * MS, 5 * MS);
    t.answered(-1, 99 * MS);
    t.answered(200 * MS, 99 * MS);
    t.answered(0, 99 * MS);
    t.answered(1, 1 * MS);
    assertThat(t.summary()).isEqualTo("2 answered, 1 over 5 ms; 0 % of these in the 0 of 2 slices of 100 ms where "
        + "over half were; the generator sent 0 % of the requests over 5 ms late");
  }
}
