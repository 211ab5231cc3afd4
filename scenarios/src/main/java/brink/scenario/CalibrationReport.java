package brink.scenario;

import brink.engine.def.Pair;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Richardson core of a scenario does without player moves (engine-model.md Part II §7,
 * "Scenario validator"): per dyad, restraint vs reaction, the equilibrium at alert 5 and at the
 * starting alerts, the eigenvalues of the continuous system and of its Euler map; with κ > 0 the same
 * for the coupled N-nation system (Part III A10); and the discretisation problems that make the
 * loader reject the scenario. Built by {@link Calibration#report}.
 *
 * @param coupled the assembled N-nation system; present only when κ > 0
 * @param instabilities why the scenario is rejected with DISCRETISATION_UNSTABLE; empty when it is not
 */
public record CalibrationReport(
    String scenarioId,
    double dt,
    double theta,
    double muTalks,
    double kappa,
    List<DyadCalibration> dyads,
    Optional<CoupledCalibration> coupled,
    List<Instability> instabilities) {
  public CalibrationReport {
    Objects.requireNonNull(scenarioId, "scenarioId");
    dyads = List.copyOf(dyads);
    Objects.requireNonNull(coupled, "coupled");
    instabilities = List.copyOf(instabilities);
  }

  /** One direction i→j of a dyad as calibrated. {@code deployedAgainst} is D_ji (j's troops facing i). */
  public record Directed(
      String from,
      String to,
      double hostility,
      double restraint,
      double reaction,
      double grievance,
      double deployedAgainst,
      double grievanceEffective,
      int startAlert,
      String rationale) {}

  /**
   * The linear system of one dyad at given alerts, with or without mutual talks:
   * A_eff = [[−a_ij', k_ij'], [k_ji', −a_ji']] with a' = a + μ·talks and k' = k·alertMult(alert).
   *
   * @param lambdaLow smaller eigenvalue of A_eff (both are real: k ≥ 0)
   * @param lambdaHigh larger eigenvalue of A_eff; the system is stable when it is negative
   * @param equilibriumIJ H*_ij, NaN when det A_eff = 0
   * @param eulerLow smaller eigenvalue of I + dt·A_eff
   * @param eulerHigh larger eigenvalue of I + dt·A_eff
   * @param spectralRadius ρ(I + dt·A_eff) = max(|eulerLow|, |eulerHigh|)
   */
  public record Setting(
      boolean talks,
      int alertI,
      int alertJ,
      double aIJ,
      double aJI,
      double kIJ,
      double kJI,
      double lambdaLow,
      double lambdaHigh,
      boolean stable,
      double equilibriumIJ,
      double equilibriumJI,
      double eulerLow,
      double eulerHigh,
      double spectralRadius) {
    /** True when both equilibrium values are in [0, 100]. */
    public boolean equilibriumInside() {
      return inside(equilibriumIJ) && inside(equilibriumJI);
    }
  }

  /**
   * One dyad {i, j} (i = the smaller id).
   *
   * @param ab a_ij·a_ji, restraint product
   * @param kl k_ij·k_ji, reaction product (at alert 5, where alertMult is 1 by default)
   * @param stable ab > kl: the continuous system has a stable equilibrium (Richardson)
   * @param settings every (talks, alert_i, alert_j) combination, talks off first, alerts 5..1
   */
  public record DyadCalibration(
      Pair pair,
      boolean primary,
      Directed ij,
      Directed ji,
      double ab,
      double kl,
      boolean stable,
      List<Setting> settings) {
    public DyadCalibration {
      settings = List.copyOf(settings);
    }

    /** The system at these alerts (1..5), with or without mutual talks. */
    public Setting setting(boolean talks, int alertI, int alertJ) {
      for (Setting s : settings) {
        if (s.talks() == talks && s.alertI() == alertI && s.alertJ() == alertJ) {
          return s;
        }
      }
      throw new IllegalArgumentException("alerts are 1..5, found " + alertI + ", " + alertJ);
    }

    /** At alert 5 on both sides, without talks. */
    public Setting atAlert5() {
      return setting(false, 5, 5);
    }

    /** At the scenario's starting alerts, without talks. */
    public Setting atStart() {
      return setting(false, ij.startAlert(), ji.startAlert());
    }
  }

  /**
   * The assembled N-nation matrix of engine-model.md Part III A10 (rows and columns: the directed
   * dyads in {@code rows} order), at alert 5 and at the starting alerts, without talks.
   *
   * @param equilibriumAtAlert5 H* = −A⁻¹·g_eff per row; empty when A is singular
   * @param exhaustive true when every combination of per-actor alerts was checked; false when there were
   *     too many and only equal alerts for all actors (plus the starting alerts) were
   */
  public record CoupledCalibration(
      List<String> rows,
      List<Eigenvalue> eigenvaluesAtAlert5,
      double spectralRadiusAtAlert5,
      List<Double> equilibriumAtAlert5,
      List<Eigenvalue> eigenvaluesAtStart,
      double spectralRadiusAtStart,
      List<Double> equilibriumAtStart,
      int combinationsChecked,
      boolean exhaustive) {
    public CoupledCalibration {
      rows = List.copyOf(rows);
      eigenvaluesAtAlert5 = List.copyOf(eigenvaluesAtAlert5);
      equilibriumAtAlert5 = List.copyOf(equilibriumAtAlert5);
      eigenvaluesAtStart = List.copyOf(eigenvaluesAtStart);
      equilibriumAtStart = List.copyOf(equilibriumAtStart);
    }

    /** The largest real part of the eigenvalues of A at alert 5: negative means stable. */
    public double spectralAbscissaAtAlert5() {
      double m = Double.NEGATIVE_INFINITY;
      for (Eigenvalue v : eigenvaluesAtAlert5) {
        m = Math.max(m, v.re());
      }
      return m;
    }
  }

  /**
   * A DISCRETISATION_UNSTABLE finding: the continuous system is stable at these alerts but the Euler
   * map of step dt diverges (ρ ≥ 1).
   *
   * @param pair the dyad, or empty for the coupled system (κ > 0)
   * @param alerts the alert of each actor in the worst case found
   * @param spectralRadius ρ(I + dt·A_eff) in that case
   * @param maxStableDt the largest dt for which every stable combination has ρ < 1 (exclusive bound)
   * @param spectralRadiusAtAlert5 ρ(I + dt·A_eff) with every actor at alert 5, without talks
   */
  public record Instability(
      Optional<Pair> pair,
      boolean talks,
      Map<String, Integer> alerts,
      double spectralRadius,
      double maxStableDt,
      double spectralRadiusAtAlert5) {
    public Instability {
      alerts = Map.copyOf(new java.util.TreeMap<>(alerts));
    }

    /** The sentence of the loader's error. */
    public String message(double dt) {
      StringBuilder a = new StringBuilder();
      new java.util.TreeMap<>(alerts).forEach((k, v) -> a.append(a.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
      String where = pair.map(p -> "dyad " + p).orElse("the coupled system (kappa > 0)");
      boolean worstIsAlert5 = !talks && alerts.values().stream().allMatch(x -> x == 5);
      String radius = spectralRadiusAtAlert5 >= 1 && !worstIsAlert5
          ? fmt(spectralRadiusAtAlert5, 3) + " >= 1 at alert 5 without talks, and up to " + fmt(spectralRadius, 3)
          : fmt(spectralRadius, 3) + " >= 1";
      return "dt = " + Checker.num(dt) + " is too large for " + where
          + ": the continuous model is stable there, but each Euler step overshoots and the turns diverge"
          + " (spectral radius of I + dt*A = " + radius + " at alerts " + a
          + (talks ? " with mutual talks" : " without talks") + "); use dt < " + fmt(maxStableDt, 4)
          + " or lower restraint/reaction";
    }
  }

  /** The dyad {a, b}, in either order. */
  public Optional<DyadCalibration> dyad(String a, String b) {
    Pair p = new Pair(a, b);
    return dyads.stream().filter(d -> d.pair().equals(p)).findFirst();
  }

  /** True when the loader accepts the discretisation (no instability). */
  public boolean discretisationStable() {
    return instabilities.isEmpty();
  }

  /** The report as printed by {@code brink scenario validate}. Locale-independent. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Calibration of ").append(scenarioId).append(" (dt ").append(Checker.num(dt))
        .append(", theta ").append(Checker.num(theta)).append(", mu_talks ").append(Checker.num(muTalks))
        .append(", kappa ").append(Checker.num(kappa)).append(")\n");
    for (DyadCalibration d : dyads) {
      sb.append('\n').append("dyad ").append(d.pair()).append(d.primary() ? " (primary)" : "").append('\n');
      for (Directed x : List.of(d.ij(), d.ji())) {
        sb.append("  ").append(x.from()).append("->").append(x.to()).append(": H0 ").append(fmt(x.hostility(), 2))
            .append(", a ").append(Checker.num(x.restraint())).append(", k ").append(Checker.num(x.reaction()))
            .append(", g0 ").append(Checker.num(x.grievance()));
        if (x.deployedAgainst() > 0) {
          sb.append(" + theta*ln(1 + ").append(fmt(x.deployedAgainst(), 3)).append("/10) = ")
              .append(fmt(x.grievanceEffective(), 4));
        }
        sb.append(", alert ").append(x.startAlert());
        if (!x.rationale().isEmpty()) {
          sb.append("  (").append(x.rationale()).append(')');
        }
        sb.append('\n');
      }
      sb.append("  ab = ").append(fmt(d.ab(), 6)).append(d.stable() ? " > " : " <= ").append("kl = ")
          .append(fmt(d.kl(), 6)).append(": ")
          .append(d.stable() ? "stable (converges to its equilibrium)" : "unstable (spiral: runaway from the equilibrium)")
          .append('\n');
      line(sb, "at alert 5", d.atAlert5());
      if (d.ij().startAlert() != 5 || d.ji().startAlert() != 5) {
        line(sb, "at starting alerts (" + d.ij().startAlert() + ", " + d.ji().startAlert() + ")", d.atStart());
      }
      line(sb, "with mutual talks, alert 5", d.setting(true, 5, 5));
      if (d.ij().startAlert() != 5 || d.ji().startAlert() != 5) {
        line(sb, "with mutual talks, starting alerts", d.setting(true, d.ij().startAlert(), d.ji().startAlert()));
      }
    }
    coupled.ifPresent(c -> {
      sb.append("\ncoupled system (kappa ").append(Checker.num(kappa)).append(", ").append(c.rows().size())
          .append(" directed dyads)\n");
      sb.append("  at alert 5: eigenvalues of A ").append(values(c.eigenvaluesAtAlert5()))
          .append("; spectral radius of I + dt*A ").append(fmt(c.spectralRadiusAtAlert5(), 4)).append('\n');
      sb.append("  equilibrium at alert 5: ").append(equilibrium(c.rows(), c.equilibriumAtAlert5())).append('\n');
      sb.append("  at starting alerts: eigenvalues of A ").append(values(c.eigenvaluesAtStart()))
          .append("; spectral radius of I + dt*A ").append(fmt(c.spectralRadiusAtStart(), 4)).append('\n');
      sb.append("  equilibrium at starting alerts: ").append(equilibrium(c.rows(), c.equilibriumAtStart())).append('\n');
      sb.append("  discretisation checked on ").append(c.combinationsChecked()).append(" combinations of talks and alerts")
          .append(c.exhaustive() ? "" : " (equal alerts for all actors: too many actors to try every combination)")
          .append('\n');
    });
    sb.append('\n');
    if (instabilities.isEmpty()) {
      sb.append("discretisation: dt ").append(Checker.num(dt))
          .append(" keeps every stable combination of talks and alerts stable (spectral radius < 1)\n");
    } else {
      for (Instability i : instabilities) {
        sb.append("DISCRETISATION_UNSTABLE: ").append(i.message(dt)).append('\n');
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, Setting s) {
    sb.append("  ").append(label).append(": eigenvalues of A ").append(signed(s.lambdaLow(), 4)).append(", ")
        .append(signed(s.lambdaHigh(), 4)).append("/turn (").append(s.stable() ? "stable" : "unstable").append("); ");
    if (Double.isNaN(s.equilibriumIJ())) {
      sb.append("no equilibrium (ab = kl)");
    } else {
      sb.append("equilibrium (").append(fmt(s.equilibriumIJ(), 2)).append(", ").append(fmt(s.equilibriumJI(), 2)).append(')');
      if (!s.equilibriumInside()) {
        sb.append(" outside [0,100]");
      }
    }
    sb.append("; I + dt*A: ").append(signed(s.eulerLow(), 4)).append(", ").append(signed(s.eulerHigh(), 4))
        .append(", spectral radius ").append(fmt(s.spectralRadius(), 4)).append('\n');
  }

  private static String values(List<Eigenvalue> vs) {
    StringBuilder sb = new StringBuilder();
    for (Eigenvalue v : vs) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(signed(v.re(), 4));
      if (Math.abs(v.im()) > 1e-12) {
        sb.append(v.im() < 0 ? " - " : " + ").append(fmt(Math.abs(v.im()), 4)).append('i');
      }
    }
    return sb.toString();
  }

  private static String equilibrium(List<String> rows, List<Double> h) {
    if (h.isEmpty()) {
      return "none (singular system)";
    }
    StringBuilder sb = new StringBuilder();
    boolean outside = false;
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(rows.get(i)).append(' ').append(fmt(h.get(i), 2));
      outside |= !inside(h.get(i));
    }
    return sb + (outside ? " (outside [0,100])" : "");
  }

  static boolean inside(double h) {
    return h >= 0 && h <= 100;
  }

  /** Fixed decimals, HALF_EVEN, locale-independent (engine-model.md Part II-c §8). */
  static String fmt(double x, int decimals) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Checker.num(x);
    }
    String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  static String signed(double x, int decimals) {
    String s = fmt(x, decimals);
    return s.startsWith("-") || s.matches("0(\\.0*)?") ? s : "+" + s;
  }
}
