package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StoriesTest {
  @Test
  void oneDecimal_printsWhatPercentPointOneFPrints() {
    double[] xs = {0, 0.04, 0.05, 0.15, 0.95, 1.25, 9.96, 52.34, 52.35, 99.99, 100, 123456.789, -0.04, -0.05, -3.26};
    for (double x : xs) {
      String expected = String.format(Locale.ROOT, "%.1f", x);
      if (expected.equals("-0.0")) {
        expected = "0.0"; // a tension never prints as minus zero
      }
      assertThat(Stories.oneDecimal(x)).as("%s", x).isEqualTo(expected);
    }
  }
}
