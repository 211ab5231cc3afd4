package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counter-based generator (II-c §8) and the state digest. */
class RngAndDigestTest {
  @Test
  void rng_splitmix64MatchesTheReferenceOutput() {
    // Vigna's splitmix64.c seeded with 0: the first output is 0xE220A8397B1DCDAF (state 0 + golden, finalised).
    assertThat(Rng.splitmix64(0L)).isEqualTo(0xE220A8397B1DCDAFL);
    // Second output: state advanced twice by the golden increment.
    assertThat(Rng.splitmix64(0x9E3779B97F4A7C15L)).isEqualTo(0x6E789E6AA1B965F4L);
  }

  @Test
  void rng_mixIsTheSpecifiedLinearCombination() {
    assertThat(Rng.mix(0, 0, 0)).isZero();
    assertThat(Rng.mix(1, 0, 0)).isEqualTo(0x9E3779B97F4A7C15L);
    assertThat(Rng.mix(0, 1, 0)).isEqualTo(0xC2B2AE3D27D4EB4FL);
    assertThat(Rng.mix(0, 0, 1)).isEqualTo(0x165667B19E3779F9L);
    assertThat(Rng.mix(2, 3, 5)).isEqualTo(2 * 0x9E3779B97F4A7C15L + 3 * 0xC2B2AE3D27D4EB4FL + 5 * 0x165667B19E3779F9L);
  }

  @Test
  void rng_drawsAreUniformInTheUnitIntervalAndIndependentOfCallOrder() {
    double first = Rng.u(42, 0, 1, 0);
    Set<Double> seen = new HashSet<>();
    double sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double u = Rng.u(42, 3, 7, i);
      assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      seen.add(u);
      sum += u;
    }
    assertThat(seen).hasSize(n);
    assertThat(sum / n).isBetween(0.49, 0.51);
    assertThat(Rng.u(42, 0, 1, 0)).isEqualTo(first);
    assertThat(Rng.u(42, 0, 1, 0)).isNotEqualTo(Rng.u(42, 1, 1, 0)).isNotEqualTo(Rng.u(42, 0, 2, 0))
        .isNotEqualTo(Rng.u(43, 0, 1, 0));
    assertThat(Rng.botStream(0)).isEqualTo(2);
  }

  private static GameState game(long seed) {
    return Engine.initial(ScenarioBuilder.pureDyad(0.3, 0.3, 0.1, 0.1, 2, 1.5, 40, 20).build(), seed);
  }

  @Test
  void digest_isAStableHexSha256OfTheState() {
    assertThat(game(1).digest()).matches("[0-9a-f]{64}").isEqualTo(game(1).digest());
    assertThat(game(1).digest()).isNotEqualTo(game(2).digest());
    GameState a = Engine.resolve(game(1), Orders.none()).next();
    GameState b = Engine.resolve(game(1), Orders.builder().submit("x", Move.toward(MoveType.CRITICIZE, "y")).build())
        .next();
    assertThat(a.digest()).isNotEqualTo(b.digest()).isNotEqualTo(game(1).digest());
  }

  @Test
  void digest_isLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      GameState us = Engine.resolve(Engine.initial(new ScenarioBuilder("loc")
          .actor("é", Regime.DEMOCRACY, false, 4, 10).actor("ı", Regime.DEMOCRACY, false, 4, 0)
          .dyad("é", "ı", 33.3, 0.1, 0.1, 1.25).dyad("ı", "é", 12.5, 0.1, 0.1, 1).primary("é", "ı").build(), 9L),
          Orders.builder().submit("é", Move.troops(MoveType.DEPLOY_TROOPS, "ı", 2.5)).build()).next();
      Locale.setDefault(Locale.FRANCE);
      GameState fr = Engine.resolve(Engine.initial(new ScenarioBuilder("loc")
          .actor("é", Regime.DEMOCRACY, false, 4, 10).actor("ı", Regime.DEMOCRACY, false, 4, 0)
          .dyad("é", "ı", 33.3, 0.1, 0.1, 1.25).dyad("ı", "é", 12.5, 0.1, 0.1, 1).primary("é", "ı").build(), 9L),
          Orders.builder().submit("é", Move.troops(MoveType.DEPLOY_TROOPS, "ı", 2.5)).build()).next();
      Locale.setDefault(new Locale("tr", "TR"));
      GameState tr = Engine.resolve(Engine.initial(new ScenarioBuilder("loc")
          .actor("é", Regime.DEMOCRACY, false, 4, 10).actor("ı", Regime.DEMOCRACY, false, 4, 0)
          .dyad("é", "ı", 33.3, 0.1, 0.1, 1.25).dyad("ı", "é", 12.5, 0.1, 0.1, 1).primary("é", "ı").build(), 9L),
          Orders.builder().submit("é", Move.troops(MoveType.DEPLOY_TROOPS, "ı", 2.5)).build()).next();
      assertThat(fr.digest()).isEqualTo(us.digest()).isEqualTo(tr.digest());
    } finally {
      Locale.setDefault(saved);
    }
  }
}
