package org.econ4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  private static double[][] design(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[3][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = RandomPanels.gaussian(rng);
      x[2][i] = RandomPanels.gaussian(rng) + 0.5 * x[1][i];
    }
    return x;
  }

  private static double[] outcome(double[][] x, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = x[0].length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1 + 2 * x[1][i] - 3 * x[2][i] + 0.1 * RandomPanels.gaussian(rng);
    }
    return y;
  }

  @Test
  void exactFitRecoversCoefficientsAndZeroResiduals() {
    double[][] x = {{1, 1, 1, 1}, {1, 2, 3, 4}};
    double[] y = {3, 5, 7, 9};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y);
    assertThat(f.coefficients()).containsExactly(new double[] {1, 2}, within(1e-14));
    assertThat(f.rss()).isLessThan(1e-25);
    assertThat(f.fitted()).containsExactly(new double[] {3, 5, 7, 9}, within(1e-13));
    assertThat(f.rank()).isEqualTo(2);
    assertThat(f.droppedColumns()).isEmpty();
    assertThat(f.nobs()).isEqualTo(4);
  }

  @Test
  void breadIsInverseOfCrossProduct() {
    double[][] x = design(50, 1);
    LeastSquaresFit f = LeastSquares.defaults().fit(x, outcome(x, 2));
    double[][] b = f.bread();
    for (int a = 0; a < 3; a++) {
      for (int c = 0; c < 3; c++) {
        double s = 0;
        for (int m = 0; m < 3; m++) {
          double xtx = 0;
          for (int i = 0; i < 50; i++) {
            xtx += x[a][i] * x[m][i];
          }
          s += xtx * b[m][c];
        }
        assertThat(s).isCloseTo(a == c ? 1 : 0, within(1e-12));
      }
    }
  }

  @Test
  void collinearColumnIsDroppedAndNamed() {
    double[][] base = design(40, 3);
    double[] twice = new double[40];
    for (int i = 0; i < 40; i++) {
      twice[i] = 2 * base[1][i] - base[2][i] + 3;
    }
    double[][] x = {base[0], base[1], base[2], twice};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, outcome(base, 4));
    assertThat(f.droppedColumns()).containsExactly(3);
    assertThat(f.keptColumns()).containsExactly(0, 1, 2);
    assertThat(f.isDropped(3)).isTrue();
    assertThat(f.coefficients()[3]).isNaN();
    assertThat(f.collinearWith(3)).containsExactly(0, 1, 2);
    assertThat(f.droppedNormRatio(3)).isLessThan(1e-9);
    assertThat(f.bread()).hasDimensions(3, 3);
    assertThat(f.keptCoefficients()).hasSize(3);
    // same estimates as without the collinear column
    LeastSquaresFit g = LeastSquares.defaults().fit(base, outcome(base, 4));
    assertThat(f.keptCoefficients()).containsExactly(g.coefficients(), within(1e-12));
  }

  @Test
  void earlierColumnOfDuplicatePairIsKept() {
    double[][] base = design(30, 5);
    double[][] x = {base[1], base[1].clone(), base[2]};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, outcome(base, 6));
    assertThat(f.droppedColumns()).containsExactly(1);
    assertThat(f.collinearWith(1)).containsExactly(0);
  }

  @Test
  void zeroColumnIsDroppedWithoutPartners() {
    double[][] base = design(30, 7);
    double[][] x = {base[0], base[1], new double[30]};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, outcome(base, 8));
    assertThat(f.droppedColumns()).containsExactly(2);
    assertThat(f.collinearWith(2)).isEmpty();
  }

  @Test
  void referenceNormsDetectAbsorbedColumns() {
    double[][] base = design(30, 9);
    double[] tiny = new double[30];
    for (int i = 0; i < 30; i++) {
      tiny[i] = 1e-12 * base[2][i]; // what is left of a column after demeaning
    }
    double[][] x = {base[1], tiny};
    double[] ref = {LeastSquares.norm(base[1], 0), 10.0};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, outcome(base, 10), null, ref);
    assertThat(f.droppedColumns()).containsExactly(1);
    LeastSquaresFit g = LeastSquares.defaults().fit(x, outcome(base, 10));
    assertThat(g.droppedColumns()).isEmpty();
  }

  @Test
  void weightsEqualRowReplication() {
    double[][] x = {{1, 1, 1, 1, 1}, {0, 1, 2, 3, 4}};
    double[] y = {1, 3, 2, 5, 4};
    double[] w = {1, 2, 1, 3, 1};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, w);
    // replicate rows
    double[][] xr = {{1, 1, 1, 1, 1, 1, 1, 1}, {0, 1, 1, 2, 3, 3, 3, 4}};
    double[] yr = {1, 3, 3, 2, 5, 5, 5, 4};
    LeastSquaresFit g = LeastSquares.defaults().fit(xr, yr);
    assertThat(f.coefficients()).containsExactly(g.coefficients(), within(1e-13));
    assertThat(f.rss()).isCloseTo(g.rss(), within(1e-12));
    double[][] bf = f.bread();
    double[][] bg = g.bread();
    for (int a = 0; a < 2; a++) {
      assertThat(bf[a]).containsExactly(bg[a], within(1e-13));
    }
    // residuals are on the original scale
    assertThat(f.residuals()[1]).isCloseTo(3 - f.fitted()[1], within(1e-14));
  }

  @Test
  void zeroWeightRowsDoNotMatter() {
    double[][] x = {{1, 1, 1, 1}, {0, 1, 2, 50}};
    double[] y = {1, 2, 4, -100};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, new double[] {1, 1, 1, 0});
    LeastSquaresFit g =
        LeastSquares.defaults().fit(new double[][] {{1, 1, 1}, {0, 1, 2}}, new double[] {1, 2, 4});
    assertThat(f.coefficients()).containsExactly(g.coefficients(), within(1e-13));
  }

  @Test
  void noInterceptAndNoColumns() {
    LeastSquaresFit f = LeastSquares.defaults().fit(new double[0][], new double[] {1, 2});
    assertThat(f.rank()).isZero();
    assertThat(f.residuals()).containsExactly(1, 2);
    assertThat(f.rss()).isEqualTo(5);
    assertThat(f.bread()).isEmpty();
  }

  @Test
  void inputsAreNotModified() {
    double[][] x = design(20, 11);
    double[] y = outcome(x, 12);
    double[][] xc = {x[0].clone(), x[1].clone(), x[2].clone()};
    double[] yc = y.clone();
    LeastSquares.defaults().fit(x, y);
    for (int j = 0; j < 3; j++) {
      assertThat(x[j]).containsExactly(xc[j]);
    }
    assertThat(y).containsExactly(yc);
  }

  @Test
  void optionsAndErrors() {
    assertThat(LeastSquares.defaults().withTolerance(1e-6).tolerance()).isEqualTo(1e-6);
    assertThat(LeastSquares.defaults().withRefinementSteps(0).refinementSteps()).isZero();
    assertThatThrownBy(() -> LeastSquares.defaults().withTolerance(1))
        .hasMessage("collinearity tolerance must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> LeastSquares.defaults().withRefinementSteps(11))
        .hasMessage("refinement steps must be in [0, 10], got 11");
    assertThatThrownBy(() -> LeastSquares.defaults().fit(new double[][] {{1, 2}}, new double[] {1}))
        .hasMessage("column 0 of x has length 2 but y has length 1");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults().fit(new double[][] {{1, Double.NaN}}, new double[] {1, 2}))
        .hasMessage("column 0 of x has a non-finite value NaN at row 1");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults()
                    .fit(new double[][] {{1, 2}}, new double[] {1, Double.POSITIVE_INFINITY}))
        .hasMessage("y has a non-finite value Infinity at row 1");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults()
                    .fit(new double[][] {{1, 2}}, new double[] {1, 2}, new double[] {1, -1}))
        .hasMessage("weight at row 1 is -1.0; weights must be finite and >= 0");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults()
                    .fit(new double[][] {{1, 2}}, new double[] {1, 2}, new double[] {1}))
        .hasMessage("weights have length 1 but y has length 2");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults()
                    .fit(new double[][] {{1, 2}}, new double[] {1, 2}, null, new double[] {1, 2}))
        .hasMessage("referenceNorms have length 2 but x has 1 columns");
    assertThatThrownBy(
            () ->
                LeastSquares.defaults()
                    .fit(new double[][] {{1, 2}}, new double[] {1, 2}, null, new double[] {-1}))
        .hasMessage("reference norm -1.0 is invalid; reference norms must be finite and >= 0");
    LeastSquaresFit f = LeastSquares.defaults().fit(new double[][] {{1, 2}}, new double[] {1, 2});
    assertThatThrownBy(() -> f.collinearWith(3)).hasMessage("column 3 out of range [0, 1)");
  }

  @Test
  void moreColumnsThanRowsKeepsRankAtMostN() {
    double[][] x = {{1, 1}, {1, 2}, {4, 1}};
    LeastSquaresFit f = LeastSquares.defaults().fit(x, new double[] {1, 2});
    assertThat(f.rank()).isEqualTo(2);
    assertThat(f.droppedColumns()).containsExactly(2);
  }

  /** Exact single-column weighted least squares without intercept, Σwxy / Σwx², in BigDecimal. */
  private static double exactSlope(double[] x, double[] y, double[] w) {
    java.math.BigDecimal num = java.math.BigDecimal.ZERO;
    java.math.BigDecimal den = java.math.BigDecimal.ZERO;
    for (int i = 0; i < x.length; i++) {
      java.math.BigDecimal wx =
          new java.math.BigDecimal(w == null ? 1 : w[i]).multiply(new java.math.BigDecimal(x[i]));
      num = num.add(wx.multiply(new java.math.BigDecimal(y[i])));
      den = den.add(wx.multiply(new java.math.BigDecimal(x[i])));
    }
    return num.divide(den, java.math.MathContext.DECIMAL128).doubleValue();
  }

  @Test
  void valuesFarAboveTheSampledScaleFallBackToExactScales() {
    // without a constant column the scales come from a sample of rows (the first 2048 and every
    // 46th after them here); row 2049 is not sampled and overflows them, so the fit is redone
    int n = 5000;
    SplittableRandom rng = new SplittableRandom(13);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1 + rng.nextDouble();
      y[i] = 3 * x[i] + RandomPanels.gaussian(rng);
    }
    x[2049] = 1e170;
    y[2049] = 3.5e170;
    LeastSquaresFit f = LeastSquares.defaults().fit(new double[][] {x}, y);
    assertThat(f.coefficients()[0]).isCloseTo(exactSlope(x, y, null), within(1e-15));
    // a huge weight on a row outside the sample
    x[2049] = 50;
    y[2049] = 130;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    w[2049] = 1e308;
    LeastSquaresFit g = LeastSquares.defaults().fit(new double[][] {x}, y, w);
    assertThat(g.coefficients()[0]).isCloseTo(exactSlope(x, y, w), within(1e-15));
  }

  @Test
  void nonFiniteValuesDeepInTheDataAreReportedWithAndWithoutIntercept() {
    int n = 50_000;
    double[][] x = design(n, 14);
    double[] y = outcome(x, 15);
    x[2][40_000] = Double.NaN;
    assertThatThrownBy(() -> LeastSquares.defaults().fit(x, y))
        .hasMessage("column 2 of x has a non-finite value NaN at row 40000");
    double[][] noIntercept = {x[1], x[2]};
    assertThatThrownBy(() -> LeastSquares.defaults().fit(noIntercept, y))
        .hasMessage("column 1 of x has a non-finite value NaN at row 40000");
    x[2][40_000] = 1;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    w[45_000] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> LeastSquares.defaults().fit(noIntercept, y, w))
        .hasMessage("weight at row 45000 is Infinity; weights must be finite and >= 0");
    w[45_000] = -1;
    assertThatThrownBy(() -> LeastSquares.defaults().fit(x, y, w))
        .hasMessage("weight at row 45000 is -1.0; weights must be finite and >= 0");
  }
}
