package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void intended_evenlySpacedWithoutDrift() {
    OpenLoopSchedule s = new OpenLoopSchedule(1_000, 3_000); // one every 333,333.3 ns
    assertThat(s.intended(0)).isEqualTo(1_000);
    assertThat(s.intended(3)).isEqualTo(1_000 + 1_000_000);
    assertThat(s.intended(3_000_000)).isEqualTo(1_000 + 1_000_000_000_000L);
  }

  @Test
  void dueBy_countsRequestsWhoseTimeHasCome() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 1_000); // one per millisecond
    assertThat(s.dueBy(-1)).isZero();
    assertThat(s.dueBy(0)).isEqualTo(1);
    assertThat(s.dueBy(999_999)).isEqualTo(1);
    assertThat(s.dueBy(1_000_000)).isEqualTo(2);
    assertThat(s.dueBy(1_000_000_000)).isEqualTo(1_001);
  }

  @Test
  void dueBy_afterAStall_everyMissedRequestIsDueWithItsOwnIntendedTime() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 5_000);
    // The sender slept 100 ms: 500 requests are due at once, each still measured from its own slot,
    // so the stall is charged to all of them (no coordinated omission).
    long due = s.dueBy(100_000_000);
    assertThat(due).isEqualTo(501);
    assertThat(s.intended(250)).isEqualTo(50_000_000);
    for (long k = 0; k < due; k++) {
      assertThat(s.intended(k)).isLessThanOrEqualTo(100_000_000);
    }
    assertThat(s.intended(due)).isGreaterThan(100_000_000);
  }

  @Test
  void constructor_rateMustBePositive() {
    assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new OpenLoopSchedule(0, Double.NaN)).hasMessageContaining("positive");
  }
}
