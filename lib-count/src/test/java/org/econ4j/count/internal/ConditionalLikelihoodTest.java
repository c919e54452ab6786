package org.econ4j.count.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionalLikelihoodTest {

  static final class Data {
    final double[] y;
    final double[][] x;
    final int[] unit;
    final int units;

    Data(long seed, int units, int periods, int k) {
      Random rnd = new Random(seed);
      int n = units * periods;
      this.units = units;
      y = new double[n];
      x = new double[k][n];
      unit = new int[n];
      for (int i = 0; i < n; i++) {
        unit[i] = i % units; // interleaved on purpose
        for (int j = 0; j < k; j++) {
          x[j][i] = j == 0 ? 1.0 : rnd.nextGaussian();
        }
        double mu = Math.exp(0.3 + 0.4 * (k > 1 ? x[1][i] : 0) + 0.5 * rnd.nextGaussian());
        y[i] = poisson(rnd, mu);
      }
    }

    static int poisson(Random rnd, double mu) {
      double l = Math.exp(-mu);
      int k = 0;
      double p = 1;
      do {
        k++;
        p *= rnd.nextDouble();
      } while (p > l);
      return k - 1;
    }
  }

  static Objective make(String model, Data d, ChunkedExecutor exec) {
    return model.equals("nb")
        ? new ConditionalNegBinLikelihood(d.y, d.x, d.unit, d.units, exec)
        : new ConditionalPoissonLikelihood(d.y, d.x, d.unit, d.units, exec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nb", "poisson"})
  void analyticDerivativesMatchFiniteDifferences(String model) {
    Data d = new Data(11, 40, 4, 3);
    try (ChunkedExecutor exec = new ChunkedExecutor(1)) {
      Objective f = make(model, d, exec);
      int k = f.dim();
      double[] beta = {0.2, -0.3, 0.15};
      double[] g = new double[k];
      double[] h = new double[k * k];
      f.value(beta, g, h, true);
      double eps = 1e-5;
      double[] gp = new double[k];
      double[] gm = new double[k];
      double[] hh = new double[k * k];
      for (int j = 0; j < k; j++) {
        double[] bp = beta.clone();
        double[] bm = beta.clone();
        bp[j] += eps;
        bm[j] -= eps;
        double fp = f.value(bp, gp, hh, true);
        double fm = f.value(bm, gm, hh, true);
        assertThat(g[j]).as("gradient %s", j).isCloseTo((fp - fm) / (2 * eps), within(g[j]));
        for (int i = 0; i < k; i++) {
          double num = (gp[i] - gm[i]) / (2 * eps);
          assertThat(h[i * k + j]).as("hessian %s,%s", i, j).isCloseTo(num, within(num));
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(v)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nb", "poisson"})
  void bitIdenticalForAnyThreadCount(String model) {
    Data d = new Data(5, 1500, 5, 4); // 1500 units -> 6 chunks
    double[] beta = {0.1, 0.2, -0.1, 0.05};
    double[][] res = new double[3][];
    int[] threads = {1, 2, 3};
    for (int t = 0; t < 3; t++) {
      try (ChunkedExecutor exec = new ChunkedExecutor(threads[t])) {
        Objective f = make(model, d, exec);
        double[] g = new double[4];
        double[] h = new double[16];
        double v = f.value(beta, g, h, true);
        double[] all = new double[1 + 4 + 16];
        all[0] = v;
        System.arraycopy(g, 0, all, 1, 4);
        System.arraycopy(h, 0, all, 5, 16);
        res[t] = all;
      }
    }
    assertThat(res[1]).containsExactly(res[0]);
    assertThat(res[2]).containsExactly(res[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nb", "poisson"})
  void scoresSumToGradient(String model) {
    Data d = new Data(3, 30, 3, 3);
    try (ChunkedExecutor exec = new ChunkedExecutor(1)) {
      ConditionalLikelihood f = (ConditionalLikelihood) make(model, d, exec);
      double[] beta = {0.1, 0.2, -0.1};
      double[] g = new double[3];
      f.value(beta, g, new double[9], true);
      double[][] s = new double[3][d.y.length];
      f.scores(beta, s);
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (double v : s[j]) {
          sum += v;
        }
        assertThat(sum).isCloseTo(g[j], within(g[j]));
      }
    }
  }
}
