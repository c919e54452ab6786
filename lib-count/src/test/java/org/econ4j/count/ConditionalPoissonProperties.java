package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of the conditional models over seeded random panels. */
class ConditionalPoissonProperties {

  /** A small random count panel with unit heterogeneity. */
  static final class Sim {
    final double[] y;
    final double[][] x;
    final int[] unit;
    final String[] names;

    Sim(long seed, int units, int periods, int k) {
      Random rnd = new Random(seed);
      int n = units * periods;
      y = new double[n];
      x = new double[k][n];
      unit = new int[n];
      names = new String[k];
      for (int j = 0; j < k; j++) {
        names[j] = "x" + (j + 1);
      }
      double[] alpha = new double[units];
      for (int u = 0; u < units; u++) {
        alpha[u] = 0.5 * rnd.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        int u = i / periods;
        unit[i] = 100 + 7 * u; // arbitrary codes
        double eta = alpha[u];
        for (int j = 0; j < k; j++) {
          x[j][i] = rnd.nextGaussian() + 0.3 * alpha[u];
          eta += 0.3 / (j + 1) * x[j][i];
        }
        // negative binomial draw via gamma-Poisson mixture (theta = 2)
        double g = gamma(rnd, 2.0) / 2.0;
        y[i] = poisson(rnd, Math.exp(eta) * g);
      }
    }

    static double gamma(Random rnd, double shape) {
      // Marsaglia-Tsang for shape >= 1
      double dd = shape - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * dd);
      while (true) {
        double z = rnd.nextGaussian();
        double v = Math.pow(1 + c * z, 3);
        if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) {
          return dd * v;
        }
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

  /**
   * Poisson maximum likelihood with explicit unit dummies by plain Newton on (beta, alpha); returns
   * beta. Units with zero total are left out (their dummy would run to minus infinity).
   */
  static double[] poissonWithDummies(double[] y, double[][] x, int[] unit) {
    int n = y.length;
    int k = x.length;
    int[] codes = unit.clone();
    java.util.Arrays.sort(codes);
    int g = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || codes[i] != codes[i - 1]) {
        codes[g++] = codes[i];
      }
    }
    int[] u = new int[n];
    double[] tot = new double[g];
    for (int i = 0; i < n; i++) {
      u[i] = java.util.Arrays.binarySearch(codes, 0, g, unit[i]);
      tot[u[i]] += y[i];
    }
    int p = k + g;
    double[] theta = new double[p];
    for (int it = 0; it < 100; it++) {
      DMatrixRMaj h = new DMatrixRMaj(p, p);
      DMatrixRMaj s = new DMatrixRMaj(p, 1);
      for (int i = 0; i < n; i++) {
        if (tot[u[i]] == 0) {
          continue;
        }
        double[] z = new double[p];
        for (int j = 0; j < k; j++) {
          z[j] = x[j][i];
        }
        z[k + u[i]] = 1;
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += z[j] * theta[j];
        }
        double mu = Math.exp(eta);
        for (int a = 0; a < p; a++) {
          if (z[a] == 0) {
            continue;
          }
          s.data[a] += (y[i] - mu) * z[a];
          for (int b = 0; b < p; b++) {
            h.data[a * p + b] += mu * z[a] * z[b];
          }
        }
      }
      for (int a = 0; a < g; a++) {
        if (tot[a] == 0) {
          h.data[(k + a) * p + k + a] = 1; // inactive dummy
        }
      }
      DMatrixRMaj d = new DMatrixRMaj(p, 1);
      CommonOps_DDRM.solve(h, s, d);
      double max = 0;
      for (int j = 0; j < p; j++) {
        theta[j] += d.data[j];
        max = Math.max(max, Math.abs(d.data[j]));
      }
      if (max < 1e-13) {
        break;
      }
    }
    return java.util.Arrays.copyOf(theta, k);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void conditionalPoissonEqualsPoissonWithUnitDummies(long seed) {
    Sim s = new Sim(seed, 25, 4, 2);
    CountFit fit = ConditionalPoisson.defaults().fit(s.y, s.x, s.names, s.unit, false);
    double[] dummies = poissonWithDummies(s.y, s.x, s.unit);
    double[] b = fit.coefficients();
    for (int j = 0; j < b.length; j++) {
      assertThat(b[j]).isCloseTo(dummies[j], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void estimatesInvariantToRowPermutationAndUnitRelabelling(long seed) {
    Sim s = new Sim(seed, 30, 5, 2);
    Random rnd = new Random(seed);
    int n = s.y.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] y2 = new double[n];
    double[][] x2 = new double[2][n];
    int[] u2 = new int[n];
    for (int i = 0; i < n; i++) {
      y2[i] = s.y[perm[i]];
      x2[0][i] = s.x[0][perm[i]];
      x2[1][i] = s.x[1][perm[i]];
      u2[i] = -3 * s.unit[perm[i]] + 5;
    }
    CountFit a = ConditionalNegBin.defaults().fit(s.y, s.x, s.names, s.unit, true);
    CountFit b = ConditionalNegBin.defaults().fit(y2, x2, s.names, u2, true);
    for (int j = 0; j < 3; j++) {
      assertThat(b.coefficients()[j])
          .isCloseTo(a.coefficients()[j], org.assertj.core.data.Offset.offset(1e-10));
      assertThat(b.standardErrors()[j])
          .isCloseTo(a.standardErrors()[j], org.assertj.core.data.Offset.offset(1e-10));
    }
    assertThat(b.logLik()).isCloseTo(a.logLik(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void fitsAreBitIdenticalForAnyThreadCount(int threads) {
    Sim s = new Sim(99, 700, 4, 3); // 700 units: 3 chunks
    CountFit one = ConditionalNegBin.defaults().withThreads(1).fit(s.y, s.x, s.names, s.unit, true);
    CountFit many =
        ConditionalNegBin.defaults().withThreads(threads).fit(s.y, s.x, s.names, s.unit, true);
    assertThat(many.coefficients()).containsExactly(one.coefficients());
    assertThat(many.standardErrors()).containsExactly(one.standardErrors());
    assertThat(many.logLik()).isEqualTo(one.logLik());
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void scoresSumToZeroAtTheOptimumAndClusterOnUnitIsFinite(long seed) {
    Sim s = new Sim(seed, 40, 5, 2);
    CountFit fit = ConditionalNegBin.defaults().fit(s.y, s.x, s.names, s.unit, true);
    double[][] sc = fit.scores();
    for (double[] col : sc) {
      double sum = 0;
      for (double v : col) {
        sum += v;
      }
      assertThat(sum).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
    }
    double[] se = fit.clusterRobustStandardErrors(s.unit);
    for (double v : se) {
      assertThat(v).isPositive().isFinite();
    }
  }
}
