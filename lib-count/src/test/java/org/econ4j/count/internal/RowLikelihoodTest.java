package org.econ4j.count.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowLikelihoodTest {

  private static final int N = 300;
  private static final int K = 3;

  private static double[][] design(Random rnd, int n) {
    double[][] x = new double[K][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = 1;
      x[1][i] = rnd.nextGaussian();
      x[2][i] = rnd.nextDouble();
    }
    return x;
  }

  private static double[] outcome(Random rnd, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = ConditionalLikelihoodTest.Data.poisson(rnd, 2.0 * rnd.nextDouble());
    }
    return y;
  }

  private static double[] eta(double[][] x, double[] b, double[] offset) {
    int n = x[0].length;
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = offset[i];
      for (int j = 0; j < K; j++) {
        e[i] += x[j][i] * b[j];
      }
    }
    return e;
  }

  /** Value of the likelihood as a function of (beta, theta): theta < 0 means Poisson. */
  private static double value(RowLikelihood f, double[][] x, double[] b, double[] off, double th) {
    double[] mu = new double[x[0].length];
    double[] e = eta(x, b, off);
    return th < 0 ? f.poisson(e, mu, null, null, false) : f.negbin(e, th, mu, null, null, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"poisson", "negbin"})
  void derivativesMatchFiniteDifferences(String family) {
    Random rnd = new Random(4);
    double[][] x = design(rnd, N);
    double[] y = outcome(rnd, N);
    double[] w = new double[N];
    double[] off = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = 0.5 + rnd.nextDouble();
      off[i] = 0.2 * rnd.nextGaussian();
    }
    boolean nb = family.equals("negbin");
    double theta = nb ? 1.7 : -1;
    int p = nb ? K + 1 : K;
    double[] b = {0.1, 0.3, -0.2};
    try (ChunkedExecutor exec = new ChunkedExecutor(1)) {
      RowLikelihood f = new RowLikelihood(y, w, x, exec);
      double[] g = new double[p];
      double[] h = new double[p * p];
      double[] mu = new double[N];
      if (nb) {
        f.negbin(eta(x, b, off), theta, mu, g, h, true);
      } else {
        f.poisson(eta(x, b, off), mu, g, h, true);
      }
      double eps = 1e-5;
      for (int j = 0; j < p; j++) {
        double[] bp = b.clone();
        double[] bm = b.clone();
        double tp = theta;
        double tm = theta;
        if (j < K) {
          bp[j] += eps;
          bm[j] -= eps;
        } else {
          tp += eps;
          tm -= eps;
        }
        double num = (value(f, x, bp, off, tp) - value(f, x, bm, off, tm)) / (2 * eps);
        assertThat(g[j])
            .as("gradient %s", j)
            .isCloseTo(num, Offset.offset(1e-6 * Math.max(1, Math.abs(num))));
        // Hessian column j by differencing the analytic gradient
        double[] gp = new double[p];
        double[] gm = new double[p];
        double[] hh = new double[p * p];
        if (nb) {
          f.negbin(eta(x, bp, off), tp, mu, gp, hh, true);
          f.negbin(eta(x, bm, off), tm, mu, gm, hh, true);
        } else {
          f.poisson(eta(x, bp, off), mu, gp, hh, true);
          f.poisson(eta(x, bm, off), mu, gm, hh, true);
        }
        for (int i = 0; i < p; i++) {
          double hn = (gp[i] - gm[i]) / (2 * eps);
          assertThat(h[i * p + j])
              .as("hessian %s,%s", i, j)
              .isCloseTo(hn, Offset.offset(1e-6 * Math.max(1, Math.abs(hn))));
        }
      }
    }
  }

  @Test
  void bitIdenticalForAnyThreadCountAndGroupSums() {
    Random rnd = new Random(8);
    int n = 3 * RowLikelihood.ROWS_PER_CHUNK + 17;
    double[][] x = design(rnd, n);
    double[] y = outcome(rnd, n);
    double[] e = eta(x, new double[] {0.1, 0.2, 0.3}, new double[n]);
    double[][] results = new double[3][];
    for (int t = 1; t <= 3; t++) {
      try (ChunkedExecutor exec = new ChunkedExecutor(t)) {
        RowLikelihood f = new RowLikelihood(y, null, x, exec);
        double[] g = new double[K + 1];
        double[] h = new double[(K + 1) * (K + 1)];
        double[] mu = new double[n];
        double v = f.negbin(e, 2.5, mu, g, h, true);
        double vp = f.poisson(e, mu, new double[K], new double[K * K], true);
        double[] all = new double[2 + g.length + h.length];
        all[0] = v;
        all[1] = vp;
        System.arraycopy(g, 0, all, 2, g.length);
        System.arraycopy(h, 0, all, 2 + g.length, h.length);
        results[t - 1] = all;
      }
    }
    assertThat(results[1]).containsExactly(results[0]);
    assertThat(results[2]).containsExactly(results[0]);

    int[] codes = {0, 2, 1, 2, 0};
    double[] out = new double[3];
    RowLikelihood.groupSums(codes, 3, new double[] {1, 2, 3, 4, 5}, null, out);
    assertThat(out).containsExactly(6, 3, 6);
    RowLikelihood.groupSums(
        codes, 3, new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 1, 1, 0}, out);
    assertThat(out).containsExactly(2, 3, 6);
  }

  @Test
  void overflowingLinearPredictorGivesFiniteValues() {
    double[] y = {1, 0};
    double[][] x = {{1, 1}};
    try (ChunkedExecutor exec = new ChunkedExecutor(1)) {
      RowLikelihood f = new RowLikelihood(y, null, x, exec);
      double[] mu = new double[2];
      double[] g = new double[1];
      double[] h = new double[1];
      double v = f.poisson(new double[] {1e6, 1e6}, mu, g, h, true);
      assertThat(Double.isFinite(mu[0]) && Double.isFinite(mu[1])).isTrue();
      assertThat(v).isNotNaN();
      assertThat(g[0]).isNotNaN();
      assertThat(h[0]).isNotNaN();
    }
  }
}
