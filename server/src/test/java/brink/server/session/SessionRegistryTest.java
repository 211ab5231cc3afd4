package brink.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import brink.server.testkit.ManualScheduler;
import brink.server.testkit.RecordingConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-27T09:00:00Z"));
  private final SessionRegistry registry = new SessionRegistry(new Secrets(new Random(3)), time.clock());

  @Test
  void aSessionUsed_staysForIdleAfterItsLastUse() {
    Session s = registry.open(new RecordingConnection());
    time.advance(SessionRegistry.TOUCH_EVERY.multipliedBy(2));
    registry.touch(s);
    time.advance(SessionRegistry.IDLE.minus(SessionRegistry.TOUCH_EVERY));
    assertThat(registry.find(s.token())).as("opened %s ago, used %s ago",
        SessionRegistry.IDLE.plus(SessionRegistry.TOUCH_EVERY), SessionRegistry.IDLE.minus(SessionRegistry.TOUCH_EVERY))
        .containsSame(s);
  }

  @Test
  void aSessionNotUsed_isForgottenAfterIdle() {
    Session s = registry.open(new RecordingConnection());
    time.advance(SessionRegistry.IDLE);
    assertThat(registry.find(s.token())).isEmpty();
  }

  @Test
  void aSessionUsedAgainWithinTouchEvery_isNotTouchedAgain() {
    Session s = registry.open(new RecordingConnection());
    time.advance(SessionRegistry.TOUCH_EVERY.minus(Duration.ofSeconds(1)));
    registry.touch(s); // within a minute of the last touch (the open): the registry is not read
    time.advance(SessionRegistry.IDLE.minus(SessionRegistry.TOUCH_EVERY).plus(Duration.ofSeconds(2)));
    assertThat(registry.find(s.token())).as("%s after the open, the last touch", SessionRegistry.IDLE.plusSeconds(1))
        .isEmpty();
  }
}
