package brink.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Eigenvalues of a small real square matrix, for the calibration report and the discretisation check.
 *
 * <p>Method: Householder reduction to upper Hessenberg form, then the shifted QR algorithm in complex
 * arithmetic on the Hessenberg matrix (Givens rotations, Wilkinson shift from the trailing 2x2 block,
 * an exceptional shift every 10 iterations without deflation, deflation when a subdiagonal entry falls
 * below machine precision relative to its diagonal neighbours). Complex arithmetic lets the complex
 * eigenvalues of a real matrix appear without the double-shift bookkeeping. The matrices here are at
 * most a few dozen rows (one per directed dyad), so O(n^3) per sweep does not matter.
 */
final class Eigen {
  private static final double EPS = Math.ulp(1.0);

  private Eigen() {}

  /** All eigenvalues, sorted by real part then imaginary part. */
  static List<Eigenvalue> eigenvalues(double[][] a) {
    int n = a.length;
    double[][] re = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("not a square matrix");
      }
      re[i] = a[i].clone();
    }
    hessenberg(re);
    double[][] im = new double[n][n];
    double norm = 0;
    for (double[] row : re) {
      for (double v : row) {
        norm += Math.abs(v);
      }
    }
    List<Eigenvalue> out = new ArrayList<>();
    int hi = n - 1;
    int iter = 0;
    int total = 0;
    while (hi >= 0) {
      int l = hi;
      while (l > 0) {
        double s = Math.hypot(re[l - 1][l - 1], im[l - 1][l - 1]) + Math.hypot(re[l][l], im[l][l]);
        if (s == 0) {
          s = norm;
        }
        if (Math.hypot(re[l][l - 1], im[l][l - 1]) <= EPS * s) {
          re[l][l - 1] = 0;
          im[l][l - 1] = 0;
          break;
        }
        l--;
      }
      if (l == hi) {
        out.add(new Eigenvalue(re[hi][hi], im[hi][hi]));
        hi--;
        iter = 0;
        continue;
      }
      if (++total > 1000 * n) {
        throw new ArithmeticException("QR iteration did not converge");
      }
      iter++;
      double muRe;
      double muIm;
      if (iter % 10 == 0) {
        // exceptional shift: breaks the rare cycles of the Wilkinson shift
        muRe = re[hi][hi] + Math.hypot(re[hi][hi - 1], im[hi][hi - 1]);
        muIm = im[hi][hi];
      } else {
        double[] mu = wilkinson(re, im, hi);
        muRe = mu[0];
        muIm = mu[1];
      }
      qrStep(re, im, l, hi, muRe, muIm);
    }
    out.sort(Comparator.comparingDouble(Eigenvalue::re).thenComparingDouble(Eigenvalue::im));
    return out;
  }

  /** max |λ|. */
  static double spectralRadius(double[][] a) {
    double r = 0;
    for (Eigenvalue v : eigenvalues(a)) {
      r = Math.max(r, v.abs());
    }
    return r;
  }

  /** Householder reduction to upper Hessenberg form, in place (similar, so same eigenvalues). */
  private static void hessenberg(double[][] h) {
    int n = h.length;
    for (int k = 0; k < n - 2; k++) {
      int m = n - k - 1;
      double[] v = new double[m];
      double norm = 0;
      for (int i = 0; i < m; i++) {
        v[i] = h[k + 1 + i][k];
        norm += v[i] * v[i];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        continue;
      }
      double alpha = v[0] > 0 ? -norm : norm;
      v[0] -= alpha;
      double vn = 0;
      for (double x : v) {
        vn += x * x;
      }
      vn = Math.sqrt(vn);
      if (vn == 0) {
        continue;
      }
      for (int i = 0; i < m; i++) {
        v[i] /= vn;
      }
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += v[i] * h[k + 1 + i][j];
        }
        for (int i = 0; i < m; i++) {
          h[k + 1 + i][j] -= 2 * v[i] * s;
        }
      }
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < m; j++) {
          s += h[i][k + 1 + j] * v[j];
        }
        for (int j = 0; j < m; j++) {
          h[i][k + 1 + j] -= 2 * s * v[j];
        }
      }
      for (int i = k + 2; i < n; i++) {
        h[i][k] = 0;
      }
    }
  }

  /** The eigenvalue of the trailing 2x2 block closest to its bottom-right entry. */
  private static double[] wilkinson(double[][] re, double[][] im, int hi) {
    double aRe = re[hi - 1][hi - 1], aIm = im[hi - 1][hi - 1];
    double bRe = re[hi - 1][hi], bIm = im[hi - 1][hi];
    double cRe = re[hi][hi - 1], cIm = im[hi][hi - 1];
    double dRe = re[hi][hi], dIm = im[hi][hi];
    // λ = (a+d)/2 ± sqrt(((a-d)/2)^2 + bc)
    double hRe = (aRe - dRe) / 2, hIm = (aIm - dIm) / 2;
    double zRe = hRe * hRe - hIm * hIm + (bRe * cRe - bIm * cIm);
    double zIm = 2 * hRe * hIm + (bRe * cIm + bIm * cRe);
    double[] sq = sqrt(zRe, zIm);
    double mRe = (aRe + dRe) / 2, mIm = (aIm + dIm) / 2;
    double l1Re = mRe + sq[0], l1Im = mIm + sq[1];
    double l2Re = mRe - sq[0], l2Im = mIm - sq[1];
    double d1 = Math.hypot(l1Re - dRe, l1Im - dIm);
    double d2 = Math.hypot(l2Re - dRe, l2Im - dIm);
    return d1 <= d2 ? new double[] {l1Re, l1Im} : new double[] {l2Re, l2Im};
  }

  private static double[] sqrt(double x, double y) {
    double r = Math.hypot(x, y);
    if (r == 0) {
      return new double[] {0, 0};
    }
    double sRe = Math.sqrt((r + x) / 2);
    double sIm = Math.sqrt(Math.max(0, (r - x) / 2));
    return new double[] {sRe, y < 0 ? -sIm : sIm};
  }

  /** One explicit shifted QR step on the block l..hi: H - μI = QR, H := RQ + μI. */
  private static void qrStep(double[][] re, double[][] im, int l, int hi, double muRe, double muIm) {
    for (int i = l; i <= hi; i++) {
      re[i][i] -= muRe;
      im[i][i] -= muIm;
    }
    int m = hi - l;
    double[] cs = new double[m];
    double[] sRe = new double[m];
    double[] sIm = new double[m];
    for (int k = l; k < hi; k++) {
      double aRe = re[k][k], aIm = im[k][k];
      double bRe = re[k + 1][k], bIm = im[k + 1][k];
      double aAbs = Math.hypot(aRe, aIm);
      double bAbs = Math.hypot(bRe, bIm);
      double r = Math.hypot(aAbs, bAbs);
      double c;
      double xRe;
      double xIm;
      if (r == 0) {
        c = 1;
        xRe = 0;
        xIm = 0;
      } else if (aAbs == 0) {
        c = 0;
        xRe = bRe / bAbs;
        xIm = -bIm / bAbs;
      } else {
        // G = [[c, s], [-conj(s), c]], c = |a|/r, s = (a/|a|)·conj(b)/r: zeroes b under a
        c = aAbs / r;
        double uRe = aRe / aAbs, uIm = aIm / aAbs;
        xRe = (uRe * bRe + uIm * bIm) / r;
        xIm = (uIm * bRe - uRe * bIm) / r;
      }
      cs[k - l] = c;
      sRe[k - l] = xRe;
      sIm[k - l] = xIm;
      for (int j = k; j <= hi; j++) {
        double pRe = re[k][j], pIm = im[k][j];
        double qRe = re[k + 1][j], qIm = im[k + 1][j];
        // row k := c p + s q ; row k+1 := -conj(s) p + c q
        re[k][j] = c * pRe + (xRe * qRe - xIm * qIm);
        im[k][j] = c * pIm + (xRe * qIm + xIm * qRe);
        re[k + 1][j] = -(xRe * pRe + xIm * pIm) + c * qRe;
        im[k + 1][j] = -(xRe * pIm - xIm * pRe) + c * qIm;
      }
    }
    for (int k = l; k < hi; k++) {
      double c = cs[k - l], xRe = sRe[k - l], xIm = sIm[k - l];
      for (int i = l; i <= hi; i++) {
        double pRe = re[i][k], pIm = im[i][k];
        double qRe = re[i][k + 1], qIm = im[i][k + 1];
        // col k := c p + conj(s) q ; col k+1 := -s p + c q
        re[i][k] = c * pRe + (xRe * qRe + xIm * qIm);
        im[i][k] = c * pIm + (xRe * qIm - xIm * qRe);
        re[i][k + 1] = -(xRe * pRe - xIm * pIm) + c * qRe;
        im[i][k + 1] = -(xRe * pIm + xIm * pRe) + c * qIm;
      }
    }
    for (int i = l; i <= hi; i++) {
      re[i][i] += muRe;
      im[i][i] += muIm;
    }
  }
}
