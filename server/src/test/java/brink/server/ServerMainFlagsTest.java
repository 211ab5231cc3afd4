package brink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerMainFlagsTest {

  @Test
  void rateLimit_burstSlashPerSecond_parsed() {
    assertThat(ServerMain.rateLimit("60/20")).containsExactly(60, 20);
    assertThat(ServerMain.rateLimit("100000/ 2.5e5")).containsExactly(100_000, 250_000);
  }

  @Test
  void rateLimit_malformedOrNotPositive_refusedWithAnExample() {
    for (String bad : new String[] {"60", "60/", "x/20", "0/20", "60/0", "60/-1", "1.5/20", "60/20/5"}) {
      assertThatThrownBy(() -> ServerMain.rateLimit(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("BURST/PER_SECOND").hasMessageContaining("60/20");
    }
  }
}
