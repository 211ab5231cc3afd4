package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every scenario of scenarios/library/ loads, as packaged on the classpath. */
class BundledScenariosTest {
  @Test
  void library_containsTheDefaultScenario() {
    assertThat(Library.ids()).contains("eastern-flank-2022").isSorted();
  }

  @Test
  void everyBundledScenario_loadsWithZeroErrors_andItsIdIsItsFileName_withoutPrinting() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      for (String id : Library.ids()) {
        LoadResult r = Library.bundled(id);
        assertThat(r.errors()).as(id).isEmpty();
        assertThat(r.scenario().id()).as(id).isEqualTo(id);
        CalibrationReport report = r.calibration().orElseThrow();
        assertThat(report.discretisationStable()).as(id).isTrue();
        assertThat(report.dyads()).as(id).isNotEmpty();
        assertThat(report.toText()).as(id).startsWith("Calibration of " + id + " (");
        assertThat(Library.resolve(id).isOk()).as(id).isTrue();
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void easternFlank_deploymentsFromUnits_matchEngineModelSection7() {
    LoadResult r = Library.bundled("eastern-flank-2022");
    // "The Russian units in regions facing ukr sum to exactly 100,000" and D_USA->RUS = 2.7 (Germany faces nobody)
    assertThat(Calibration.deployed(r.scenario(), "rus", "ukr")).isCloseTo(100.0, within(1e-9));
    assertThat(Calibration.deployed(r.scenario(), "usa", "rus")).isCloseTo(2.7, within(1e-9));
    CalibrationReport.DyadCalibration rusUsa = r.calibration().orElseThrow().dyad("rus", "usa").orElseThrow();
    // "which moves the RUS–USA equilibrium at alert 5 to about (34.87, 24.96)"
    assertThat(rusUsa.atAlert5().equilibriumIJ()).isCloseTo(34.87, within(0.005));
    assertThat(rusUsa.atAlert5().equilibriumJI()).isCloseTo(24.96, within(0.005));
    CalibrationReport.DyadCalibration rusUkr = r.calibration().orElseThrow().dyad("rus", "ukr").orElseThrow();
    assertThat(rusUkr.primary()).isTrue();
    assertThat(rusUkr.atAlert5().lambdaHigh()).isCloseTo(0.0445, within(5e-5));
  }

  @Test
  void fixtureFeb2022Abstract_loadsAndCarriesTheSection7Numbers() {
    LoadResult r = ScenarioLoader.load("feb2022-abstract.txtpb", fixtureText());
    assertThat(r.errors()).isEmpty();
    CalibrationReport.DyadCalibration rusUsa = r.calibration().orElseThrow().dyad("rus", "usa").orElseThrow();
    assertThat(rusUsa.atAlert5().equilibriumIJ()).isCloseTo(35.15, within(0.005));
    assertThat(rusUsa.atAlert5().equilibriumJI()).isCloseTo(25.05, within(0.005));
  }

  private static String fixtureText() {
    try (var in = BundledScenariosTest.class.getResourceAsStream("/brink/fixtures/feb2022-abstract.txtpb")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
