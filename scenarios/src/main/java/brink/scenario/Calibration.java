package brink.scenario;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.Pair;
import brink.engine.def.RegionDef;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.UnitDef;
import brink.scenario.CalibrationReport.CoupledCalibration;
import brink.scenario.CalibrationReport.Directed;
import brink.scenario.CalibrationReport.DyadCalibration;
import brink.scenario.CalibrationReport.Instability;
import brink.scenario.CalibrationReport.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The calibration report and the discretisation check of engine-model.md Part II §7 ("Scenario
 * validator") for a loaded scenario. Pure: it reads the scenario and prints nothing.
 *
 * <p>Per dyad {i, j} (no coupling, κ = 0), with a' = a + μ·t and k' = k·alertMult(alert):
 * A_eff = [[−a_ij', k_ij'], [k_ji', −a_ji']], g_eff_ij = g0_ij + θ·ln(1 + D_ji/10) with D from the
 * initial deployments (from unit positions in a scenario with units: Σ size/1000 of j's units in regions
 * facing i). Trust is taken as 0 (k as written). The equilibrium is
 * H* = ((a_ji' g_ij + k_ij' g_ji)/det, (k_ji' g_ij + a_ij' g_ji)/det), det = a_ij' a_ji' − k_ij' k_ji'.
 * The scenario is rejected (DISCRETISATION_UNSTABLE) when for some t ∈ {0, 1} and alerts x, y ∈ {1..5}
 * A_eff is stable and ρ(I + dt·A_eff) ≥ 1.
 *
 * <p>With κ > 0 the check runs on the assembled N-nation matrix of Part III A10 instead (eigenvalues by
 * {@link Eigen}: Hessenberg reduction and shifted QR), with mutual talks on every pair or on none, over
 * every combination of per-actor alerts that gives distinct multipliers (alerts 5 and 4 share
 * multiplier 1 by default); past {@value #MAX_COMBINATIONS} combinations, all actors take the same alert
 * (plus the starting alerts), and the report says so.
 */
public final class Calibration {
  /** Beyond this many per-actor alert combinations the coupled check uses equal alerts for all. */
  static final int MAX_COMBINATIONS = 4096;

  private Calibration() {}

  public static CalibrationReport report(Scenario s) {
    Rules r = s.rules();
    Map<String, Integer> alerts = new TreeMap<>();
    for (ActorDef a : s.actors()) {
      alerts.put(a.id(), a.alert());
    }
    Map<String, DyadDef> dyads = new TreeMap<>();
    for (DyadDef d : s.dyads()) {
      dyads.putIfAbsent(Refs.key(d.from(), d.to()), d);
    }
    Map<String, Double> deployed = deployments(s);
    Set<Pair> primary = new TreeSet<>(s.primaryDyads());
    Set<Pair> pairs = new TreeSet<>();
    for (DyadDef d : s.dyads()) {
      if (!d.from().equals(d.to()) && dyads.containsKey(Refs.key(d.to(), d.from()))) {
        pairs.add(new Pair(d.from(), d.to()));
      }
    }
    List<DyadCalibration> out = new ArrayList<>();
    List<Instability> instabilities = new ArrayList<>();
    for (Pair p : pairs) {
      Directed ij = directed(dyads.get(Refs.key(p.a(), p.b())), deployed, r, alerts);
      Directed ji = directed(dyads.get(Refs.key(p.b(), p.a())), deployed, r, alerts);
      List<Setting> settings = new ArrayList<>();
      for (boolean talks : new boolean[] {false, true}) {
        for (int x = 5; x >= 1; x--) {
          for (int y = 5; y >= 1; y--) {
            settings.add(setting(ij, ji, talks, x, y, r));
          }
        }
      }
      double k5 = r.kMult(5);
      double ab = ij.restraint() * ji.restraint();
      double kl = ij.reaction() * k5 * ji.reaction() * k5;
      DyadCalibration dc = new DyadCalibration(p, primary.contains(p), ij, ji, ab, kl, ab > kl, settings);
      out.add(dc);
      if (r.kappa() == 0) {
        dyadInstability(dc).ifPresent(instabilities::add);
      }
    }
    Optional<CoupledCalibration> coupled = Optional.empty();
    if (r.kappa() > 0 && !pairs.isEmpty()) {
      Coupled c = new Coupled(s, dyads, deployed, alerts);
      coupled = Optional.of(c.calibration());
      c.instability.ifPresent(instabilities::add);
    }
    return new CalibrationReport(s.id(), r.dt(), r.theta(), r.muTalks(), r.kappa(), out, coupled, instabilities);
  }

  /**
   * D_from,to in thousands at the start: from unit positions when the scenario has units (Σ size/1000 of
   * from's units in regions whose faces include to, engine-model.md Part II-b), else the dyad's
   * {@code deployed}.
   */
  public static double deployed(Scenario s, String from, String to) {
    return deployments(s).getOrDefault(Refs.key(from, to), 0.0);
  }

  private static Map<String, Double> deployments(Scenario s) {
    Map<String, Double> d = new TreeMap<>();
    if (s.hasUnits()) {
      Map<String, RegionDef> regions = new TreeMap<>();
      for (RegionDef g : s.regions()) {
        regions.putIfAbsent(g.id(), g);
      }
      for (UnitDef u : s.units()) {
        RegionDef g = regions.get(u.location());
        if (g == null) {
          continue;
        }
        for (String j : new TreeSet<>(g.faces())) {
          d.merge(Refs.key(u.owner(), j), u.size() / 1000.0, Double::sum);
        }
      }
    } else {
      for (DyadDef x : s.dyads()) {
        d.putIfAbsent(Refs.key(x.from(), x.to()), x.deployed());
      }
    }
    return d;
  }

  private static Directed directed(DyadDef d, Map<String, Double> deployed, Rules r, Map<String, Integer> alerts) {
    double against = deployed.getOrDefault(Refs.key(d.to(), d.from()), 0.0);
    // g_eff = g0 + θ·ln(1 + D_ji/10): the persistent threat of j's troops (engine-model.md Part II §4 step 5)
    double gEff = d.grievance() + r.theta() * StrictMath.log(1 + against / 10);
    return new Directed(
        d.from(), d.to(), d.hostility(), d.restraint(), d.reaction(), d.grievance(), against, gEff,
        alerts.getOrDefault(d.from(), 5), d.rationale());
  }

  private static Setting setting(Directed ij, Directed ji, boolean talks, int x, int y, Rules r) {
    double mu = talks ? r.muTalks() : 0;
    double aI = ij.restraint() + mu;
    double aJ = ji.restraint() + mu;
    double kI = ij.reaction() * r.kMult(x);
    double kJ = ji.reaction() * r.kMult(y);
    double det = aI * aJ - kI * kJ;
    double half = (aI - aJ) / 2;
    // k ≥ 0, so the discriminant ((a_ij−a_ji)/2)² + k_ij k_ji is ≥ 0: real eigenvalues, never oscillating
    double root = Math.sqrt(half * half + kI * kJ);
    double mid = -(aI + aJ) / 2;
    double low = mid - root;
    double high = mid + root;
    double hx = det == 0 ? Double.NaN : (aJ * ij.grievanceEffective() + kI * ji.grievanceEffective()) / det;
    double hy = det == 0 ? Double.NaN : (kJ * ij.grievanceEffective() + aI * ji.grievanceEffective()) / det;
    double dt = r.dt();
    double eLow = 1 + dt * low;
    double eHigh = 1 + dt * high;
    return new Setting(
        talks, x, y, aI, aJ, kI, kJ, low, high, det > 0, hx, hy, eLow, eHigh, Math.max(Math.abs(eLow), Math.abs(eHigh)));
  }

  private static Optional<Instability> dyadInstability(DyadCalibration d) {
    Setting worst = null;
    double maxDt = Double.POSITIVE_INFINITY;
    for (Setting s : d.settings()) {
      if (!s.stable()) {
        continue;
      }
      // for a real eigenvalue λ < 0, |1 + dt·λ| < 1 exactly when dt < 2/|λ|
      maxDt = Math.min(maxDt, 2 / Math.abs(s.lambdaLow()));
      if (s.spectralRadius() >= 1 && (worst == null || worse(s.talks(), s.spectralRadius(), worst.talks(), worst.spectralRadius()))) {
        worst = s;
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    Map<String, Integer> alerts = new TreeMap<>();
    alerts.put(d.ij().from(), worst.alertI());
    alerts.put(d.ji().from(), worst.alertJ());
    return Optional.of(new Instability(
        Optional.of(d.pair()), worst.talks(), alerts, worst.spectralRadius(), maxDt, d.atAlert5().spectralRadius()));
  }

  /** The case to report: without talks before with talks, then the larger radius. */
  private static boolean worse(boolean talks, double rho, boolean bestTalks, double bestRho) {
    if (talks != bestTalks) {
      return !talks;
    }
    return rho > bestRho;
  }

  /** The assembled N-nation system (engine-model.md Part III A10). */
  private static final class Coupled {
    private final Rules r;
    private final List<DyadDef> rows = new ArrayList<>();
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Set<String>> allies = new TreeMap<>();
    private final double[] gEff;
    private final Map<String, Integer> startAlerts;
    private final List<String> actors;
    private Optional<Instability> instability = Optional.empty();
    private int checked;
    private boolean exhaustive;

    Coupled(Scenario s, Map<String, DyadDef> dyads, Map<String, Double> deployed, Map<String, Integer> startAlerts) {
      this.r = s.rules();
      this.startAlerts = startAlerts;
      for (DyadDef d : dyads.values()) {
        if (!d.from().equals(d.to()) && dyads.containsKey(Refs.key(d.to(), d.from()))) {
          index.put(Refs.key(d.from(), d.to()), rows.size());
          rows.add(d);
        }
      }
      gEff = new double[rows.size()];
      Set<String> involved = new TreeSet<>();
      for (int i = 0; i < rows.size(); i++) {
        DyadDef d = rows.get(i);
        gEff[i] = directed(d, deployed, r, startAlerts).grievanceEffective();
        involved.add(d.from());
      }
      actors = new ArrayList<>(involved);
      for (Alliance al : s.alliances()) {
        for (String m : al.members()) {
          for (String o : al.members()) {
            if (!m.equals(o)) {
              allies.computeIfAbsent(m, k -> new TreeSet<>()).add(o);
            }
          }
        }
      }
      check();
    }

    /**
     * A[(i,j),(i,j)] = −a_ij'; A[(i,j),(j,i)] += k_ij'; A[(i,j),(m,i)] += κ·k_ij' for each m ∈ allies(j),
     * m ≠ i, where H_mi exists.
     */
    double[][] matrix(Map<String, Double> kMult, boolean talks) {
      int n = rows.size();
      double[][] a = new double[n][n];
      for (int row = 0; row < n; row++) {
        DyadDef d = rows.get(row);
        double k = d.reaction() * kMult.get(d.from());
        a[row][row] = -(d.restraint() + (talks ? r.muTalks() : 0));
        a[row][index.get(Refs.key(d.to(), d.from()))] += k;
        for (String m : allies.getOrDefault(d.to(), Set.of())) {
          Integer col = index.get(Refs.key(m, d.from()));
          if (!m.equals(d.from()) && col != null) {
            a[row][col] += r.kappa() * k;
          }
        }
      }
      return a;
    }

    private void check() {
      // one representative alert per distinct multiplier, least severe first
      Map<Double, Integer> levels = new LinkedHashMap<>();
      for (int x = 5; x >= 1; x--) {
        levels.putIfAbsent(r.kMult(x), x);
      }
      List<Integer> reps = new ArrayList<>(levels.values());
      List<Map<String, Integer>> combos = new ArrayList<>();
      double count = Math.pow(reps.size(), actors.size());
      exhaustive = count <= MAX_COMBINATIONS;
      if (exhaustive) {
        int[] digits = new int[actors.size()];
        for (int c = 0; c < (int) count; c++) {
          Map<String, Integer> combo = new TreeMap<>();
          for (int i = 0; i < actors.size(); i++) {
            combo.put(actors.get(i), reps.get(digits[i]));
          }
          combos.add(combo);
          for (int i = 0; i < digits.length; i++) {
            if (++digits[i] < reps.size()) {
              break;
            }
            digits[i] = 0;
          }
        }
      } else {
        for (int x : reps) {
          Map<String, Integer> combo = new TreeMap<>();
          for (String a : actors) {
            combo.put(a, x);
          }
          combos.add(combo);
        }
        combos.add(new TreeMap<>(startAlerts));
      }
      Map<String, Integer> worstAlerts = null;
      boolean worstTalks = false;
      double worstRho = 0;
      double maxDt = Double.POSITIVE_INFINITY;
      for (boolean talks : new boolean[] {false, true}) {
        for (Map<String, Integer> combo : combos) {
          checked++;
          List<Eigenvalue> ev = Eigen.eigenvalues(matrix(multipliers(combo), talks));
          boolean stable = true;
          for (Eigenvalue v : ev) {
            stable &= v.re() < 0;
          }
          if (!stable) {
            continue;
          }
          double rho = 0;
          for (Eigenvalue v : ev) {
            rho = Math.max(rho, Math.hypot(1 + r.dt() * v.re(), r.dt() * v.im()));
            // |1 + dt·λ|² < 1 exactly when dt < 2·|Re λ| / |λ|²
            maxDt = Math.min(maxDt, 2 * Math.abs(v.re()) / (v.abs() * v.abs()));
          }
          if (rho >= 1 && (worstAlerts == null || worse(talks, rho, worstTalks, worstRho))) {
            worstAlerts = combo;
            worstTalks = talks;
            worstRho = rho;
          }
        }
      }
      if (worstAlerts != null) {
        Map<String, Integer> shown = new TreeMap<>();
        for (String a : actors) {
          shown.put(a, worstAlerts.get(a));
        }
        Map<String, Integer> five = new TreeMap<>();
        for (String a : actors) {
          five.put(a, 5);
        }
        double rho5 = eulerRadius(matrix(multipliers(five), false));
        instability = Optional.of(new Instability(Optional.empty(), worstTalks, shown, worstRho, maxDt, rho5));
      }
    }

    private Map<String, Double> multipliers(Map<String, Integer> alerts) {
      Map<String, Double> m = new TreeMap<>();
      for (String a : actors) {
        m.put(a, r.kMult(alerts.getOrDefault(a, 5)));
      }
      return m;
    }

    CoupledCalibration calibration() {
      Map<String, Integer> five = new TreeMap<>();
      for (String a : actors) {
        five.put(a, 5);
      }
      double[][] a5 = matrix(multipliers(five), false);
      double[][] a0 = matrix(multipliers(startAlerts), false);
      List<String> names = new ArrayList<>();
      for (DyadDef d : rows) {
        names.add(d.from() + "->" + d.to());
      }
      return new CoupledCalibration(
          names,
          Eigen.eigenvalues(a5), eulerRadius(a5), solve(a5, gEff),
          Eigen.eigenvalues(a0), eulerRadius(a0), solve(a0, gEff),
          checked, exhaustive);
    }

    private double eulerRadius(double[][] a) {
      double rho = 0;
      for (Eigenvalue v : Eigen.eigenvalues(a)) {
        rho = Math.max(rho, Math.hypot(1 + r.dt() * v.re(), r.dt() * v.im()));
      }
      return rho;
    }
  }

  /** H* with A·H* + g = 0, by Gaussian elimination with partial pivoting; empty when A is singular. */
  static List<Double> solve(double[][] a, double[] g) {
    int n = g.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = -g[i];
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int i = col + 1; i < n; i++) {
        if (Math.abs(m[i][col]) > Math.abs(m[piv][col])) {
          piv = i;
        }
      }
      if (Math.abs(m[piv][col]) < 1e-12) {
        return List.of();
      }
      double[] t = m[col];
      m[col] = m[piv];
      m[piv] = t;
      for (int i = col + 1; i < n; i++) {
        double f = m[i][col] / m[col][col];
        for (int j = col; j <= n; j++) {
          m[i][j] -= f * m[col][j];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double v = m[i][n];
      for (int j = i + 1; j < n; j++) {
        v -= m[i][j] * x[j];
      }
      x[i] = v / m[i][i];
    }
    List<Double> out = new ArrayList<>();
    for (double v : x) {
      out.add(v);
    }
    return out;
  }
}
