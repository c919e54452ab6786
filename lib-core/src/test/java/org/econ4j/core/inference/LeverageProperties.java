package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.RandomPanels;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HC3 equals the sum of squared leave-one-out changes of &beta; exactly (&beta; &minus;
 * &beta;<sub>(i)</sub> = B x<sub>i</sub> e<sub>i</sub>/(1 &minus; h<sub>ii</sub>)); leverages sum
 * to the rank; weighted scores reproduce HC1 of the replicated sample.
 */
class LeverageProperties {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void hc3IsSumOfSquaredLeaveOneOutChanges(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 25;
    double[][] x = new double[3][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = RandomPanels.gaussian(rng);
      x[2][i] = RandomPanels.gaussian(rng) * (1 + i % 3);
      y[i] = x[1][i] - x[2][i] + RandomPanels.gaussian(rng) * (1 + Math.abs(x[1][i]));
    }
    LeastSquaresFit fit = LeastSquares.defaults().fit(x, y);
    double[] h = InferenceData.leverages(fit, x);
    double sum = 0;
    for (double v : h) {
      sum += v;
    }
    assertThat(sum).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
    InferenceData d = InferenceData.forLeastSquares(fit, x).leverage(h).build();
    double[][] hc3 = Sandwich.compute(d, Vcov.hc3(), SmallSampleCorrection.fixest()).matrix();
    double[] b = fit.coefficients();
    double[][] jk = new double[3][3];
    for (int out = 0; out < n; out++) {
      double[][] xo = new double[3][n - 1];
      double[] yo = new double[n - 1];
      for (int i = 0, r = 0; i < n; i++) {
        if (i == out) {
          continue;
        }
        for (int j = 0; j < 3; j++) {
          xo[j][r] = x[j][i];
        }
        yo[r++] = y[i];
      }
      double[] bo = LeastSquares.defaults().fit(xo, yo).coefficients();
      for (int a = 0; a < 3; a++) {
        for (int c = 0; c < 3; c++) {
          jk[a][c] += (b[a] - bo[a]) * (b[c] - bo[c]);
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int c = 0; c < 3; c++) {
        assertThat(Tolerances.relErr(hc3[a][c], jk[a][c])).isLessThan(1e-9);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void integerWeightsEqualReplicatedRows(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 20;
    double[][] x = new double[2][n];
    double[] y = new double[n];
    double[] w = new double[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = RandomPanels.gaussian(rng);
      y[i] = 2 * x[1][i] + RandomPanels.gaussian(rng);
      w[i] = 1 + rng.nextInt(3);
      total += (int) w[i];
    }
    double[][] xr = new double[2][total];
    double[] yr = new double[total];
    for (int i = 0, r = 0; i < n; i++) {
      for (int c = 0; c < w[i]; c++, r++) {
        xr[0][r] = 1;
        xr[1][r] = x[1][i];
        yr[r] = y[i];
      }
    }
    LeastSquaresFit fw = LeastSquares.defaults().fit(x, y, w);
    LeastSquaresFit fr = LeastSquares.defaults().fit(xr, yr);
    SmallSampleCorrection none = SmallSampleCorrection.none();
    double[][] vw =
        Sandwich.compute(InferenceData.forLeastSquares(fw, x, w).build(), Vcov.hc0(), none)
            .matrix();
    // HC0 of the weighted fit: sum_i w_i^2 x x' e^2 differs from the replicated sum_i w_i x x' e^2;
    // the iid matrices agree up to the n used in the scale
    double[][] iw =
        Sandwich.compute(InferenceData.forLeastSquares(fw, x, w).build(), Vcov.iid(), none)
            .matrix();
    double[][] ir =
        Sandwich.compute(InferenceData.forLeastSquares(fr, xr).build(), Vcov.iid(), none).matrix();
    for (int a = 0; a < 2; a++) {
      for (int c = 0; c < 2; c++) {
        assertThat(Tolerances.relErr(iw[a][c] * (n - 1.0) / (total - 1.0), ir[a][c]))
            .isLessThan(1e-10);
        assertThat(vw[a][a]).isPositive();
      }
    }
  }
}
