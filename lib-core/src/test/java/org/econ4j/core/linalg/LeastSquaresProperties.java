package org.econ4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Sandwich;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.testing.RandomPanels;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of least squares over seeded random designs. */
class LeastSquaresProperties {

  private static double[][] design(SplittableRandom rng, int n) {
    double[][] x = new double[4][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = RandomPanels.gaussian(rng) * 100 + 1000;
      x[2][i] = RandomPanels.gaussian(rng) + 0.9 * x[1][i] / 100;
      x[3][i] = rng.nextInt(2);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void scalingYScalesBetaAndStandardErrors(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 50 + rng.nextInt(50);
    double[][] x = design(rng, n);
    double[] y = new double[n];
    double[] yc = new double[n];
    double c = -3.5;
    for (int i = 0; i < n; i++) {
      y[i] = 0.01 * x[1][i] - x[2][i] + 2 * x[3][i] + RandomPanels.gaussian(rng);
      yc[i] = c * y[i];
    }
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y);
    LeastSquaresFit g = LeastSquares.defaults().fit(x, yc);
    double[] se =
        Sandwich.compute(
                InferenceData.forLeastSquares(f, x).build(),
                Vcov.hetero(),
                SmallSampleCorrection.fixest())
            .standardErrors();
    double[] sec =
        Sandwich.compute(
                InferenceData.forLeastSquares(g, x).build(),
                Vcov.hetero(),
                SmallSampleCorrection.fixest())
            .standardErrors();
    for (int j = 0; j < 4; j++) {
      assertThat(Tolerances.relErr(g.coefficients()[j], c * f.coefficients()[j])).isLessThan(1e-12);
      assertThat(Tolerances.relErr(sec[j], Math.abs(c) * se[j])).isLessThan(1e-12);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void rowPermutationDoesNotChangeEstimates(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 40 + rng.nextInt(40);
    double[][] x = design(rng, n);
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[2][i] + RandomPanels.gaussian(rng);
      w[i] = 0.5 + rng.nextDouble();
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[][] xp = new double[4][n];
    double[] yp = new double[n];
    double[] wp = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        xp[j][i] = x[j][perm[i]];
      }
      yp[i] = y[perm[i]];
      wp[i] = w[perm[i]];
    }
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y, w);
    LeastSquaresFit g = LeastSquares.defaults().fit(xp, yp, wp);
    for (int j = 0; j < 4; j++) {
      assertThat(Tolerances.relErr(g.coefficients()[j], f.coefficients()[j])).isLessThan(1e-10);
      assertThat(Tolerances.relErr(g.bread()[j][j], f.bread()[j][j])).isLessThan(1e-10);
    }
    assertThat(Tolerances.relErr(g.rss(), f.rss())).isLessThan(1e-10);
    assertThat(g.residuals()[0])
        .isEqualTo(f.residuals()[perm[0]], org.assertj.core.api.Assertions.within(1e-9));
  }
}
