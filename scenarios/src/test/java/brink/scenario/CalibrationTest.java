package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.def.Pair;
import brink.scenario.CalibrationReport.DyadCalibration;
import brink.scenario.CalibrationReport.Instability;
import brink.scenario.CalibrationReport.Setting;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** engine-model.md Part II §7 (calibration, validator) and Part III A7, A10. */
class CalibrationTest {
  /** Brown's demo case I: dx = 2y − 5x + 5, dy = 2x − 3y + 5 (engine-model.md Part I §1), H0 = (100, 0). */
  private static LoadResult brown(String dt) {
    return ScenarioLoader.load("brown.txtpb",
        "id: \"brown-case-1\"\ntitle { en: \"Brown's case I\" }\nrules { dt: " + dt + " incident_p_max: 0 }\n"
            + "actor { id: \"x\" name { en: \"X\" } }\nactor { id: \"y\" name { en: \"Y\" } }\n"
            + "dyad { from: \"x\" to: \"y\" hostility: 100 restraint: 5 reaction: 2 grievance: 5 }\n"
            + "dyad { from: \"y\" to: \"x\" hostility: 0 restraint: 3 reaction: 2 grievance: 5 }\n"
            + "primary_dyad { a: \"x\" b: \"y\" }\n");
  }

  private static DyadCalibration xy(LoadResult r) {
    return r.calibration().orElseThrow().dyad("x", "y").orElseThrow();
  }

  @Test
  void A7_discretisationGuard_dt1_rejectedAtTheDyad() {
    LoadResult r = brown("1");
    // range checks accept a = 5: the only error is the discretisation
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.DISCRETISATION_UNSTABLE);
    ScenarioError e = r.errors().get(0);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.message()).startsWith("dt = 1 is too large for dyad x-y: the continuous model is stable there,")
        .contains("spectral radius of I + dt*A = 5.236 >= 1 at alert 5 without talks, and up to 6.162 at alerts x 1, y 1"
            + " without talks")
        .endsWith("use dt < 0.2769 or lower restraint/reaction");
    Setting s = xy(r).atAlert5();
    assertThat(s.stable()).isTrue();
    assertThat(s.lambdaLow()).isCloseTo(-6.236, within(5e-4));
    assertThat(s.lambdaHigh()).isCloseTo(-1.764, within(5e-4));
    assertThat(s.spectralRadius()).isCloseTo(5.236, within(5e-4));
    assertThat(s.equilibriumIJ()).isCloseTo(25.0 / 11, within(1e-12));
    assertThat(s.equilibriumJI()).isCloseTo(35.0 / 11, within(1e-12));
  }

  @Test
  void A7_discretisationGuard_dt03_rejectedBecauseOfAlerts1And1() {
    LoadResult r = brown("0.3");
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.DISCRETISATION_UNSTABLE);
    assertThat(xy(r).atAlert5().spectralRadius()).isCloseTo(0.871, within(5e-4));
    assertThat(xy(r).setting(false, 1, 1).spectralRadius()).isCloseTo(1.149, within(5e-4));
    Instability i = r.calibration().orElseThrow().instabilities().get(0);
    assertThat(i.pair()).contains(new Pair("x", "y"));
    assertThat(i.talks()).isFalse();
    assertThat(i.alerts()).containsEntry("x", 1).containsEntry("y", 1);
    assertThat(i.spectralRadius()).isCloseTo(1.149, within(5e-4));
    assertThat(i.spectralRadiusAtAlert5()).isCloseTo(0.871, within(5e-4));
    assertThat(r.errors().get(0).message()).contains("(spectral radius of I + dt*A = 1.149 >= 1 at alerts x 1, y 1 without talks)");
    // with talks the most negative eigenvalue is larger still: dt < 2/7.222 for every combination
    assertThat(i.maxStableDt()).isCloseTo(0.2769, within(5e-5));
  }

  @Test
  void A7_discretisationGuard_dt025And01_accepted() {
    LoadResult quarter = brown("0.25");
    assertThat(quarter.errors()).isEmpty();
    assertThat(xy(quarter).atAlert5().spectralRadius()).isCloseTo(0.559, within(5e-4));
    LoadResult tenth = brown("0.1");
    assertThat(tenth.errors()).isEmpty();
    assertThat(xy(tenth).atAlert5().spectralRadius()).isCloseTo(0.824, within(5e-4));
  }

  @Test
  void A7_discretisationGuard_boundaryIs02769() {
    assertThat(brown("0.276").isOk()).isTrue();
    assertThat(brown("0.277").isOk()).isFalse();
  }

  @Test
  void A7_unstableContinuousSystem_isNotADiscretisationProblem() {
    // ab < kl: the runaway is the model, not an artefact of the step (A3's numbers)
    LoadResult r = ScenarioLoader.load("a3.txtpb",
        "id: \"a3\"\ntitle { en: \"A3\" }\n"
            + "actor { id: \"x\" name { en: \"X\" } }\nactor { id: \"y\" name { en: \"Y\" } }\n"
            + "dyad { from: \"x\" to: \"y\" hostility: 10 restraint: 0.1 reaction: 0.2 grievance: 1 }\n"
            + "dyad { from: \"y\" to: \"x\" hostility: 10 restraint: 0.1 reaction: 0.2 grievance: 1 }\n"
            + "primary_dyad { a: \"x\" b: \"y\" }\n");
    assertThat(r.errors()).isEmpty();
    assertThat(xy(r).stable()).isFalse();
    assertThat(xy(r).atAlert5().spectralRadius()).isCloseTo(1.1, within(1e-12));
  }

  private static String a10(String kappa, String dt) {
    return "id: \"a10\"\ntitle { en: \"A10\" }\nrules { kappa: " + kappa + " dt: " + dt + " }\n"
        + "actor { id: \"x\" name { en: \"X\" } }\nactor { id: \"y\" name { en: \"Y\" } }\nactor { id: \"z\" name { en: \"Z\" } }\n"
        + "alliance { members: [\"y\", \"z\"] }\n"
        + "dyad { from: \"x\" to: \"y\" hostility: 0 restraint: 0.3 reaction: 0.1 grievance: 1 }\n"
        + "dyad { from: \"y\" to: \"x\" hostility: 0 restraint: 0.3 reaction: 0.1 grievance: 1 }\n"
        + "dyad { from: \"x\" to: \"z\" hostility: 0 restraint: 0.3 reaction: 0.1 grievance: 1 }\n"
        + "dyad { from: \"z\" to: \"x\" hostility: 0 restraint: 0.3 reaction: 0.1 grievance: 1 }\n"
        + "primary_dyad { a: \"x\" b: \"y\" }\n";
  }

  @Test
  void A10_coupledSystem_spectralRadiusAndEquilibrium() {
    LoadResult r = ScenarioLoader.load("a10.txtpb", a10("0.5", "1"));
    assertThat(r.errors()).isEmpty();
    CalibrationReport.CoupledCalibration c = r.calibration().orElseThrow().coupled().orElseThrow();
    assertThat(c.rows()).containsExactly("x->y", "x->z", "y->x", "z->x");
    assertThat(c.spectralRadiusAtAlert5()).isCloseTo(0.8225, within(5e-5));
    // H_XY = H_XZ = 6.0, H_YX = H_ZX = 16/3 (Part III A10)
    assertThat(c.equilibriumAtAlert5().get(0)).isCloseTo(6.0, within(1e-9));
    assertThat(c.equilibriumAtAlert5().get(1)).isCloseTo(6.0, within(1e-9));
    assertThat(c.equilibriumAtAlert5().get(2)).isCloseTo(16.0 / 3, within(1e-9));
    assertThat(c.equilibriumAtAlert5().get(3)).isCloseTo(16.0 / 3, within(1e-9));
    assertThat(c.spectralAbscissaAtAlert5()).isNegative();
    assertThat(c.exhaustive()).isTrue();
    // 3 actors, 4 distinct multipliers (alerts 5 and 4 share 1), talks on and off
    assertThat(c.combinationsChecked()).isEqualTo(2 * 4 * 4 * 4);
  }

  @Test
  void A10_withoutCoupling_eachDyadIsIndependent() {
    LoadResult r = ScenarioLoader.load("a10.txtpb", a10("0", "1"));
    CalibrationReport report = r.calibration().orElseThrow();
    assertThat(report.coupled()).isEmpty();
    assertThat(report.dyad("x", "z").orElseThrow().atAlert5().equilibriumIJ()).isCloseTo(5.0, within(1e-12));
    assertThat(report.dyad("x", "z").orElseThrow().atAlert5().equilibriumJI()).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void A10_coupledSystem_discretisationGuardUsesTheAssembledMatrix() {
    // at alert 5 the most negative eigenvalue of A is 0.5775 - 1 = -0.4225, so dt = 5 gives |1 - 5·0.4225| = 1.1124
    LoadResult r = ScenarioLoader.load("a10.txtpb", a10("0.5", "5"));
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.DISCRETISATION_UNSTABLE);
    ScenarioError e = r.errors().get(0);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(20);
    assertThat(e.message()).startsWith("dt = 5 is too large for the coupled system (kappa > 0):");
    assertThat(r.calibration().orElseThrow().instabilities().get(0).pair()).isEmpty();
    assertThat(r.calibration().orElseThrow().instabilities().get(0).spectralRadiusAtAlert5()).isCloseTo(1.1124, within(5e-5));
  }

  @Test
  void section7_defaultCalibration_table() {
    LoadResult r = TestFiles.load("feb2022-table.txtpb");
    assertThat(r.errors()).isEmpty();
    CalibrationReport c = r.calibration().orElseThrow();

    DyadCalibration rusUsa = c.dyad("usa", "rus").orElseThrow();
    assertThat(rusUsa.ij().from()).isEqualTo("rus");
    assertThat(rusUsa.ab()).isCloseTo(0.012, within(1e-12));
    assertThat(rusUsa.kl()).isCloseTo(0.002, within(1e-12));
    assertThat(rusUsa.stable()).isTrue();
    // g_RUS->USA includes ln(1 + 3/10) from the 3,000 US troops
    assertThat(rusUsa.ij().grievanceEffective()).isCloseTo(2.0 + Math.log(1.3), within(1e-12));
    assertThat(rusUsa.atAlert5().equilibriumIJ()).isCloseTo(35.15, within(0.005));
    assertThat(rusUsa.atAlert5().equilibriumJI()).isCloseTo(25.05, within(0.005));
    assertThat(rusUsa.atStart().equilibriumIJ()).isCloseTo(36.68, within(0.005));
    assertThat(rusUsa.atStart().equilibriumJI()).isCloseTo(25.56, within(0.005));

    DyadCalibration rusNato = c.dyad("rus", "nato").orElseThrow();
    assertThat(rusNato.ji().from()).isEqualTo("rus");
    assertThat(rusNato.atAlert5().equilibriumJI()).isCloseTo(35, within(1e-9));
    assertThat(rusNato.atAlert5().equilibriumIJ()).isCloseTo(30, within(1e-9));
    assertThat(rusNato.atStart().equilibriumJI()).isCloseTo(36.84, within(0.005));
    assertThat(rusNato.atStart().equilibriumIJ()).isCloseTo(30.61, within(0.005));

    DyadCalibration blrUkr = c.dyad("blr", "ukr").orElseThrow();
    assertThat(blrUkr.atAlert5().equilibriumIJ()).isCloseTo(30, within(1e-9));
    assertThat(blrUkr.atAlert5().equilibriumJI()).isCloseTo(20, within(1e-9));
    assertThat(blrUkr.atStart().equilibriumIJ()).isCloseTo(30.54, within(0.005));
    assertThat(blrUkr.atStart().equilibriumJI()).isCloseTo(21.80, within(0.005));

    DyadCalibration rusUkr = c.dyad("rus", "ukr").orElseThrow();
    assertThat(rusUkr.primary()).isTrue();
    assertThat(rusUkr.ab()).isCloseTo(0.008, within(1e-12));
    assertThat(rusUkr.kl()).isCloseTo(0.018, within(1e-12));
    assertThat(rusUkr.stable()).isFalse();
    assertThat(rusUkr.ji().grievanceEffective()).isCloseTo(1.5 + Math.log(11), within(1e-12));
    assertThat(rusUkr.atAlert5().lambdaHigh()).isCloseTo(0.0445, within(5e-5));
    assertThat(rusUkr.atStart().lambdaHigh()).isCloseTo(0.0579, within(5e-5));
    // C2: mutual talks flip the sign
    assertThat(rusUkr.setting(true, 5, 5).lambdaHigh()).isCloseTo(-0.0155, within(5e-5));
    assertThat(rusUkr.setting(true, 3, 3).lambdaHigh()).isCloseTo(-0.0021, within(5e-5));
    assertThat(rusUkr.setting(true, 5, 5).equilibriumIJ()).isCloseTo(179.0, within(0.5));
    assertThat(rusUkr.setting(true, 5, 5).equilibriumJI()).isCloseTo(192.0, within(0.5));
    assertThat(rusUkr.setting(true, 5, 5).equilibriumInside()).isFalse();

    assertThat(c.instabilities()).isEmpty();
    assertThat(c.coupled()).isEmpty();
  }

  @Test
  void reportText_saysOutsideAndIsLocaleIndependent() {
    LoadResult r = TestFiles.load("feb2022-table.txtpb");
    Locale before = Locale.getDefault();
    String english;
    String french;
    try {
      Locale.setDefault(Locale.US);
      english = Calibration.report(r.scenario()).toText();
      Locale.setDefault(Locale.FRANCE);
      french = Calibration.report(r.scenario()).toText();
    } finally {
      Locale.setDefault(before);
    }
    assertThat(french).isEqualTo(english);
    assertThat(english).contains(
        "dyad rus-ukr (primary)",
        "ab = 0.008000 <= kl = 0.018000: unstable (spiral: runaway from the equilibrium)",
        "at alert 5: eigenvalues of A -0.2245, +0.0445/turn (unstable); equilibrium (-66.77, -61.18) outside [0,100]",
        "with mutual talks, alert 5: eigenvalues of A -0.2845, -0.0155/turn (stable); equilibrium (179.03, 192.21) outside [0,100]",
        "rus->usa: H0 35.00, a 0.1, k 0.05, g0 2 + theta*ln(1 + 3.000/10) = 2.2624, alert 3  (nuclear dyad: low reaction)",
        "at alert 5: eigenvalues of A -0.1558, -0.0642/turn (stable); equilibrium (35.15, 25.05);",
        "discretisation: dt 1 keeps every stable combination of talks and alerts stable");
  }

  @Test
  void unitScenario_deploymentsComeFromUnitPositions() {
    String text = "id: \"units\"\ntitle { en: \"Units\" }\n"
        + "actor { id: \"rus\" name { en: \"Russia\" } }\nactor { id: \"ukr\" name { en: \"Ukraine\" } }\n"
        + "actor { id: \"usa\" name { en: \"United States\" } }\n"
        + "dyad { from: \"rus\" to: \"ukr\" hostility: 45 restraint: 0.08 reaction: 0.12 grievance: 2 }\n"
        + "dyad { from: \"ukr\" to: \"rus\" hostility: 30 restraint: 0.1 reaction: 0.15 grievance: 1.5 }\n"
        + "dyad { from: \"rus\" to: \"usa\" hostility: 35 restraint: 0.1 reaction: 0.05 grievance: 2 }\n"
        + "dyad { from: \"usa\" to: \"rus\" hostility: 25 restraint: 0.12 reaction: 0.04 grievance: 1.6 }\n"
        + "primary_dyad { a: \"rus\" b: \"ukr\" }\n"
        + "region { id: \"belarus\" name { en: \"Belarus\" } faces: \"ukr\" }\n"
        + "region { id: \"crimea\" name { en: \"Crimea\" } faces: \"ukr\" }\n"
        + "region { id: \"poland\" name { en: \"Poland\" } faces: [\"rus\"] }\n"
        + "region { id: \"germany\" name { en: \"Germany\" } }\n"
        + "unit { id: \"west\" owner: \"rus\" name { en: \"Western group\" } size: 70000 location: \"belarus\" }\n"
        + "unit { id: \"south\" owner: \"rus\" name { en: \"Southern group\" } size: 30000 location: \"crimea\" }\n"
        + "unit { id: \"82nd\" owner: \"usa\" name { en: \"82nd Airborne\" } size: 1700 location: \"poland\" }\n"
        + "unit { id: \"v-corps\" owner: \"usa\" name { en: \"V Corps\" } size: 300 location: \"germany\" }\n";
    LoadResult r = ScenarioLoader.load("units.txtpb", text);
    assertThat(r.errors()).isEmpty();
    assertThat(Calibration.deployed(r.scenario(), "rus", "ukr")).isCloseTo(100.0, within(1e-12));
    assertThat(Calibration.deployed(r.scenario(), "usa", "rus")).isCloseTo(1.7, within(1e-12));
    CalibrationReport c = r.calibration().orElseThrow();
    assertThat(c.dyad("rus", "ukr").orElseThrow().ji().grievanceEffective()).isCloseTo(1.5 + Math.log(11), within(1e-12));
    assertThat(c.dyad("rus", "usa").orElseThrow().ij().deployedAgainst()).isCloseTo(1.7, within(1e-12));
  }
}
