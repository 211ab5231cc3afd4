package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EigenTest {
  @Test
  void eigenvalues_brownCaseI_matchTheClosedForm() {
    List<Eigenvalue> ev = Eigen.eigenvalues(new double[][] {{-5, 2}, {2, -3}});
    assertThat(ev.get(0).re()).isCloseTo(-4 - Math.sqrt(5), within(1e-12));
    assertThat(ev.get(1).re()).isCloseTo(-4 + Math.sqrt(5), within(1e-12));
    assertThat(ev.get(0).im()).isCloseTo(0, within(1e-12));
  }

  @Test
  void eigenvalues_rotation_areComplexConjugates() {
    List<Eigenvalue> ev = Eigen.eigenvalues(new double[][] {{0, -1}, {1, 0}});
    assertThat(ev.get(0).re()).isCloseTo(0, within(1e-12));
    assertThat(ev.get(0).im()).isCloseTo(-1, within(1e-12));
    assertThat(ev.get(1).im()).isCloseTo(1, within(1e-12));
  }

  @Test
  void eigenvalues_companionMatrix_areThePolynomialsRoots() {
    // x^4 - 10x^3 + 35x^2 - 50x + 24 = (x-1)(x-2)(x-3)(x-4)
    double[][] c = {{10, -35, 50, -24}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    List<Eigenvalue> ev = Eigen.eigenvalues(c);
    for (int i = 0; i < 4; i++) {
      assertThat(ev.get(i).re()).isCloseTo(i + 1, within(1e-9));
      assertThat(ev.get(i).im()).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void eigenvalues_mixedRealAndComplex() {
    // block diagonal: rotation-scaling with eigenvalues 2 ± 3i, and 5, then a similarity shuffle
    double[][] a = {{2, -3, 0}, {3, 2, 0}, {1, 1, 5}};
    List<Eigenvalue> ev = Eigen.eigenvalues(a);
    assertThat(ev.get(0).re()).isCloseTo(2, within(1e-10));
    assertThat(ev.get(0).im()).isCloseTo(-3, within(1e-10));
    assertThat(ev.get(1).im()).isCloseTo(3, within(1e-10));
    assertThat(ev.get(2).re()).isCloseTo(5, within(1e-10));
    assertThat(Eigen.spectralRadius(a)).isCloseTo(5, within(1e-10));
  }

  @Test
  void eigenvalues_ofAnArbitraryMatrix_sumToTheTraceAndMultiplyToTheDeterminant() {
    double[][] a = new double[7][7];
    long x = 12345;
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 7; j++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        a[i][j] = ((x >>> 11) * 0x1.0p-53) * 2 - 1;
      }
    }
    List<Eigenvalue> ev = Eigen.eigenvalues(a);
    double trace = 0;
    for (int i = 0; i < 7; i++) {
      trace += a[i][i];
    }
    double sumRe = 0;
    double sumIm = 0;
    double pRe = 1;
    double pIm = 0;
    for (Eigenvalue v : ev) {
      sumRe += v.re();
      sumIm += v.im();
      double r = pRe * v.re() - pIm * v.im();
      pIm = pRe * v.im() + pIm * v.re();
      pRe = r;
    }
    assertThat(sumRe).isCloseTo(trace, within(1e-9));
    assertThat(sumIm).isCloseTo(0, within(1e-9));
    assertThat(pRe).isCloseTo(determinant(a), within(1e-9));
    assertThat(pIm).isCloseTo(0, within(1e-9));
  }

  private static double determinant(double[][] in) {
    int n = in.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = in[i].clone();
    }
    double det = 1;
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
          p = i;
        }
      }
      if (p != c) {
        double[] t = m[p];
        m[p] = m[c];
        m[c] = t;
        det = -det;
      }
      det *= m[c][c];
      for (int i = c + 1; i < n; i++) {
        double f = m[i][c] / m[c][c];
        for (int j = c; j < n; j++) {
          m[i][j] -= f * m[c][j];
        }
      }
    }
    return det;
  }
}
