package brink.validation;

import static brink.validation.Fixture.BLR;
import static brink.validation.Fixture.NATO;
import static brink.validation.Fixture.RUS;
import static brink.validation.Fixture.UKR;
import static brink.validation.Fixture.USA;
import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.GameState;
import org.junit.jupiter.api.Test;

/** The fixture file is what engine-model.md Part III says it is. */
class FixtureTest {
  @Test
  void fixture_isTheFebruary2022DyadTableWithoutUnits() {
    GameState s = Fixture.start();
    assertThat(s.actorIds()).containsExactly(BLR, NATO, RUS, UKR, USA);
    assertThat(s.scenario().hasUnits()).isFalse();
    assertThat(s.scenario().rules().incidentPMax()).isZero();
    assertThat(s.scenario().rules().maxTurns()).isEqualTo(12);
    assertThat(s.deployed(RUS, UKR)).isEqualTo(100.0);
    assertThat(s.deployed(USA, RUS)).isEqualTo(3.0);
    assertThat(s.reserve(RUS)).isEqualTo(200.0);
    assertThat(s.reserve(USA)).isEqualTo(8.5);
    assertThat(s.alert(RUS)).isEqualTo(3);
    assertThat(s.alert(UKR)).isEqualTo(3);
    assertThat(s.alert(BLR)).isEqualTo(4);
    assertThat(s.tension(RUS, UKR)).isEqualTo(37.5);
    assertThat(s.tension(RUS, USA)).isEqualTo(30.0);
    assertThat(s.tension(NATO, RUS)).isEqualTo(32.5);
    assertThat(s.tension(BLR, UKR)).isEqualTo(25.0);
    assertThat(s.primaryPairs()).extracting(Object::toString).containsExactly("rus-ukr");
    assertThat(s.allied(USA, NATO)).isTrue();
    assertThat(s.allied(RUS, BLR)).isTrue();
    assertThat(s.allied(RUS, USA)).isFalse();
    for (String a : s.actorIds()) {
      assertThat(s.stability(a)).isEqualTo(100.0);
      assertThat(s.audienceCost(a)).isZero();
    }
  }
}
