package brink.scenario;

/** A complex eigenvalue re + i·im (of a calibration matrix). */
public record Eigenvalue(double re, double im) {
  /** |λ|. */
  public double abs() {
    return Math.hypot(re, im);
  }
}
