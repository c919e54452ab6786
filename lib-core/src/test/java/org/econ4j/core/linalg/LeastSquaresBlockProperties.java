package org.econ4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.econ4j.testing.RandomPanels;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blocked (TSQR) least squares against the exact normal equations in BigDecimal, over seeded
 * random designs: weights, intercept, nearly and exactly collinear columns, row counts around the
 * block and segment sizes, fewer rows than columns; and bit-identical results for any thread count.
 */
class LeastSquaresBlockProperties {

  private static final MathContext MC = new MathContext(60);

  /**
   * Weighted least squares by the normal equations: X'WX and X'Wy accumulated in double-double
   * arithmetic (exact products by {@link Math#fma}, TwoSum accumulation), solved in BigDecimal with
   * 60 digits.
   */
  private static double[] exact(double[][] x, double[] y, double[] w, int[] cols) {
    int q = cols.length;
    int n = y.length;
    BigDecimal[][] a = new BigDecimal[q][q + 1];
    for (int r = 0; r < q; r++) {
      for (int c = r; c <= q; c++) {
        double[] u = x[cols[r]];
        double[] v = c < q ? x[cols[c]] : y;
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < n; i++) {
          double wi = w == null ? 1 : w[i];
          double p1 = wi * u[i];
          double e1 = Math.fma(wi, u[i], -p1);
          double p2 = p1 * v[i];
          double e2 = Math.fma(p1, v[i], -p2) + e1 * v[i];
          double t = hi + p2;
          double z = t - hi;
          lo += ((hi - (t - z)) + (p2 - z)) + e2;
          hi = t;
        }
        BigDecimal sum = new BigDecimal(hi).add(new BigDecimal(lo));
        a[r][c] = sum;
        if (c < q) {
          a[c][r] = sum;
        }
      }
    }
    for (int k = 0; k < q; k++) {
      int piv = k;
      for (int r = k + 1; r < q; r++) {
        if (a[r][k].abs().compareTo(a[piv][k].abs()) > 0) {
          piv = r;
        }
      }
      BigDecimal[] t = a[k];
      a[k] = a[piv];
      a[piv] = t;
      for (int r = k + 1; r < q; r++) {
        BigDecimal f = a[r][k].divide(a[k][k], MC);
        for (int c = k; c <= q; c++) {
          a[r][c] = a[r][c].subtract(f.multiply(a[k][c], MC), MC);
        }
      }
    }
    double[] b = new double[q];
    BigDecimal[] bb = new BigDecimal[q];
    for (int k = q - 1; k >= 0; k--) {
      BigDecimal s = a[k][q];
      for (int c = k + 1; c < q; c++) {
        s = s.subtract(a[k][c].multiply(bb[c], MC), MC);
      }
      bb[k] = s.divide(a[k][k], MC);
      b[k] = bb[k].doubleValue();
    }
    return b;
  }

  private static double[][] copy(double[][] x) {
    double[][] c = new double[x.length][];
    for (int j = 0; j < x.length; j++) {
      c[j] = x[j].clone();
    }
    return c;
  }

  private static void assertUnchanged(double[][] x, double[][] xc, double[] y, double[] yc) {
    for (int j = 0; j < x.length; j++) {
      assertThat(x[j]).containsExactly(xc[j]);
    }
    assertThat(y).containsExactly(yc);
  }

  /**
   * Seed-driven design: n around the block (2048) and segment (32768) sizes, with or without
   * intercept and weights, levels far from zero, and for odd seeds a nearly collinear column
   * (relative noise 1e-5) that forces the refinement steps.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void matchesExactNormalEquations(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] sizes = {9, 2047, 2049, 4101, 40_001};
    int n = sizes[(int) (seed % sizes.length)];
    boolean intercept = seed % 3 != 0;
    boolean weighted = seed % 4 < 2;
    boolean near = seed % 2 == 1;
    double[][] x = new double[4][n];
    double[] y = new double[n];
    double[] w = weighted ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      x[0][i] = intercept ? 1 : RandomPanels.gaussian(rng);
      x[1][i] = 1000 + 10 * RandomPanels.gaussian(rng);
      x[2][i] = RandomPanels.gaussian(rng) + 0.01 * x[1][i];
      x[3][i] =
          near ? x[1][i] * (1 + 1e-5 * RandomPanels.gaussian(rng)) : rng.nextInt(3) - 2 * x[2][i];
      y[i] = 3 + 0.5 * x[1][i] - x[2][i] + 0.25 * x[3][i] + RandomPanels.gaussian(rng);
      if (w != null) {
        w[i] = rng.nextDouble() * 2;
      }
    }
    double[][] xc = copy(x);
    double[] yc = y.clone();
    double[] wc = w == null ? null : w.clone();
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, w, null);
    assertUnchanged(x, xc, y, yc);
    if (w != null) {
      assertThat(w).containsExactly(wc);
    }
    assertThat(f.droppedColumns()).isEmpty();
    double[] ref = exact(x, y, w, new int[] {0, 1, 2, 3});
    double[] b = f.coefficients();
    for (int j = 0; j < 4; j++) {
      assertThat(Tolerances.relErr(b[j], ref[j])).as("coefficient %d", j).isLessThan(1e-10);
    }
    // residuals and RSS consistent with the coefficients
    double rss = 0;
    double worst = 0;
    double[] e = f.residuals();
    for (int i = 0; i < n; i++) {
      double fit = 0;
      for (int j = 0; j < 4; j++) {
        fit += x[j][i] * b[j];
      }
      worst = Math.max(worst, Math.abs(e[i] - (y[i] - fit)) / (1 + Math.abs(y[i])));
      rss += (w == null ? 1 : w[i]) * e[i] * e[i];
    }
    assertThat(worst).isLessThan(1e-9);
    assertThat(Tolerances.relErr(f.rss(), rss)).isLessThan(1e-10);
    assertThat(f.fitted()[n - 1]).isEqualTo(y[n - 1] - e[n - 1]);
    if (!near) {
      // the bread is the inverse of X'WX, up to the rounding of the check's own sums
      double[][] bread = f.bread();
      for (int a = 0; a < 4; a++) {
        for (int c = 0; c < 4; c++) {
          double s = 0;
          double size = 0;
          for (int m = 0; m < 4; m++) {
            double xtx = 0;
            for (int i = 0; i < n; i++) {
              xtx += (w == null ? 1 : w[i]) * x[a][i] * x[m][i];
            }
            s += xtx * bread[m][c];
            size += Math.abs(xtx * bread[m][c]);
          }
          assertThat(s)
              .as("(X'WX bread)[%d][%d]", a, c)
              .isCloseTo(a == c ? 1 : 0, within(1e-10 * size));
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.api.Assertions.within(v);
  }

  /**
   * Exactly collinear columns (a linear combination and a duplicate) and a column collinear up to
   * 1e-13 are dropped, with the same partners as the sequential rule on the full data; the kept
   * coefficients equal the exact solution on the kept columns.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void collinearColumnsAreDroppedWithTheirPartners(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = seed % 2 == 0 ? 3001 : 33_000;
    double[][] x = new double[6][n];
    double[] y = new double[n];
    double[] w = seed > 12 ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = 5 + RandomPanels.gaussian(rng);
      x[2][i] = 10 + RandomPanels.gaussian(rng) + 0.3 * x[1][i];
      x[3][i] = 2 * x[1][i] - x[2][i] + 3;
      x[4][i] = x[1][i];
      x[5][i] = x[2][i] * (1 + 1e-13 * RandomPanels.gaussian(rng));
      y[i] = 1 + x[1][i] - 2 * x[2][i] + RandomPanels.gaussian(rng);
      if (w != null) {
        w[i] = 0.5 + rng.nextDouble();
      }
    }
    double[][] xc = copy(x);
    double[] yc = y.clone();
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, w, null);
    assertUnchanged(x, xc, y, yc);
    assertThat(f.keptColumns()).containsExactly(0, 1, 2);
    assertThat(f.droppedColumns()).containsExactly(3, 4, 5);
    assertThat(f.collinearWith(3)).containsExactly(0, 1, 2);
    assertThat(f.collinearWith(4)).containsExactly(0, 1);
    assertThat(f.collinearWith(5)).containsExactly(0, 2);
    for (int j = 3; j < 6; j++) {
      assertThat(f.droppedNormRatio(j)).isLessThan(1e-9);
    }
    double[] ref = exact(x, y, w, new int[] {0, 1, 2});
    double[] b = f.keptCoefficients();
    for (int j = 0; j < 3; j++) {
      assertThat(Tolerances.relErr(b[j], ref[j])).as("coefficient %d", j).isLessThan(1e-10);
    }
  }

  @Test
  void fewerRowsThanColumnsKeepsTheFirstIndependentColumns() {
    SplittableRandom rng = new SplittableRandom(21);
    double[][] x = new double[5][3];
    double[] y = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 5; j++) {
        x[j][i] = RandomPanels.gaussian(rng);
      }
      y[i] = RandomPanels.gaussian(rng);
    }
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y);
    assertThat(f.keptColumns()).containsExactly(0, 1, 2);
    assertThat(f.droppedColumns()).containsExactly(3, 4);
    double[] ref = exact(x, y, null, new int[] {0, 1, 2});
    for (int j = 0; j < 3; j++) {
      assertThat(Tolerances.relErr(f.coefficients()[j], ref[j])).isLessThan(1e-10);
    }
    assertThat(f.rss()).isLessThan(1e-20);
  }

  @Test
  void singleRowKeepsTheIntercept() {
    double[][] x = {{2}, {3}, {0}};
    double[] y = {5};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, new double[] {0.5});
    assertThat(f.keptColumns()).containsExactly(0);
    assertThat(f.droppedColumns()).containsExactly(1, 2);
    assertThat(f.coefficients()[0]).isEqualTo(2.5);
    assertThat(f.residuals()).containsExactly(0.0);
    assertThat(f.collinearWith(1)).containsExactly(0);
    assertThat(f.bread()[0][0]).isEqualTo(1 / (0.5 * 4));
  }

  /** Four segments, weights, an intercept and an ill-conditioned pair (refinement runs). */
  @Test
  void resultsAreBitIdenticalForAnyThreadCount() {
    SplittableRandom rng = new SplittableRandom(31);
    int n = 4 * LeastSquares.SEGMENT_ROWS - 5;
    double[][] x = new double[4][n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = 100 + RandomPanels.gaussian(rng);
      x[2][i] = x[1][i] + 1e-4 * RandomPanels.gaussian(rng);
      x[3][i] = RandomPanels.gaussian(rng);
      y[i] = x[1][i] + x[2][i] - x[3][i] + RandomPanels.gaussian(rng);
      w[i] = 0.1 + rng.nextDouble();
    }
    int saved = LeastSquares.parallelism;
    try {
      LeastSquares.parallelism = 1;
      LeastSquaresFit one = LeastSquares.defaults().fit(x, y, w, null);
      for (int t : new int[] {2, 3, 8}) {
        LeastSquares.parallelism = t;
        LeastSquaresFit g = LeastSquares.defaults().fit(x, y, w, null);
        assertThat(g.coefficients()).as("threads %d", t).isEqualTo(one.coefficients());
        assertThat(g.residuals()).isEqualTo(one.residuals());
        assertThat(Double.doubleToRawLongBits(g.rss()))
            .isEqualTo(Double.doubleToRawLongBits(one.rss()));
        double[][] bg = g.bread();
        double[][] bo = one.bread();
        for (int a = 0; a < bg.length; a++) {
          assertThat(bg[a]).isEqualTo(bo[a]);
        }
      }
    } finally {
      LeastSquares.parallelism = saved;
    }
  }
}
