package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentRequestsTest {
  /** What RecentRequests must behave as: an insertion-ordered map that forgets its eldest beyond KEPT. */
  private static Map<Long, Integer> reference() {
    return new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
        return size() > RecentRequests.KEPT;
      }
    };
  }

  @Test
  void remembersTheLast1024Ids_andForgetsTheOldestFirst() {
    RecentRequests r = new RecentRequests();
    for (int i = 1; i <= 3000; i++) {
      r.putIfAbsent(i, i * 10);
    }
    assertThat(r.size()).isEqualTo(RecentRequests.KEPT);
    assertThat(r.get(3000 - RecentRequests.KEPT)).as("forgotten").isEqualTo(-1);
    assertThat(r.get(3000 - RecentRequests.KEPT + 1)).isEqualTo((3000 - RecentRequests.KEPT + 1) * 10);
    assertThat(r.get(3000)).isEqualTo(30000);
    assertThat(r.get(1)).isEqualTo(-1);
  }

  @Test
  void anIdAlreadyRemembered_keepsItsFirstEntry() {
    RecentRequests r = new RecentRequests();
    r.putIfAbsent(7, 1);
    r.putIfAbsent(7, 2);
    assertThat(r.get(7)).isEqualTo(1);
    assertThat(r.size()).isEqualTo(1);
  }

  @Test
  void idsNumberedDownwards_orAboveTheSignedRange_areAllFound() {
    RecentRequests r = new RecentRequests();
    r.putIfAbsent(-5L, 7); // 2^64 - 5 as the uint64 on the wire: the greatest id there will be
    for (long id = 600; id >= 1; id--) {
      r.putIfAbsent(id, (int) id);
    }
    for (long id = 1; id <= 600; id++) {
      assertThat(r.get(id)).as("id %d", id).isEqualTo((int) id);
    }
    assertThat(r.get(-5L)).isEqualTo(7);
    assertThat(r.get(601)).isEqualTo(-1);
    assertThat(r.get(-4L)).isEqualTo(-1);
  }

  @Test
  void agreesWithAnEvictingMap_overRandomIdsRepeatsAndReuseAfterEviction() {
    SplittableRandom random = new SplittableRandom(20261126);
    RecentRequests r = new RecentRequests();
    Map<Long, Integer> expected = reference();
    long next = 1;
    for (int i = 0; i < 200_000; i++) {
      long id;
      int kind = random.nextInt(10);
      if (kind < 6) {
        id = next++; // a fresh id, as a client numbers its requests
      } else if (kind < 8) {
        id = next - 1 - random.nextInt((int) Math.min(next, 2 * RecentRequests.KEPT)); // a retry, maybe forgotten
      } else {
        id = random.nextLong(); // any id a client may choose, negative ones too
      }
      if (id == 0) {
        continue;
      }
      expected.putIfAbsent(id, i);
      r.putIfAbsent(id, i);
      long probe = random.nextBoolean() ? id : next - random.nextInt(3 * RecentRequests.KEPT);
      assertThat(r.get(probe)).as("id %d after %d insertions", probe, i)
          .isEqualTo(expected.getOrDefault(probe, -1));
    }
    assertThat(r.size()).isEqualTo(expected.size());
    for (Map.Entry<Long, Integer> e : expected.entrySet()) {
      assertThat(r.get(e.getKey())).isEqualTo(e.getValue());
    }
  }
}
