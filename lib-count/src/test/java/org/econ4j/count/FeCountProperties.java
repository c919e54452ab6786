package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.econ4j.core.Coefficient;
import org.econ4j.core.FitStats;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of FePoisson and FeNegBin on seeded panels. */
class FeCountProperties {
  static final Formula F = Formula.parse("y ~ x1 + x2 | g + h");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void fittedAndObservedSumsAgreeWithinEveryGroup(long seed) {
    Panel p = FeCountTestData.generate(40, 6, Double.POSITIVE_INFINITY, seed);
    FeCountFit fit = FePoisson.defaults().withWeights("wt").withExposure("e").fitDetailed(F, p);
    double[] mu = fit.fitted();
    int[] rows = fit.rows();
    double[] y = p.numeric("y");
    double[] w = p.numeric("wt");
    for (String fe : new String[] {"g", "h"}) {
      double[] code = p.numeric(fe);
      java.util.Map<Double, double[]> sums = new java.util.HashMap<>();
      for (int i = 0; i < rows.length; i++) {
        double[] s = sums.computeIfAbsent(code[rows[i]], k -> new double[2]);
        s[0] += w[rows[i]] * y[rows[i]];
        s[1] += w[rows[i]] * mu[i];
      }
      for (double[] s : sums.values()) {
        assertThat(s[1]).isCloseTo(s[0], within(1e-6 * (1 + s[0])));
      }
    }
    // and the score of each regressor vanishes
    double[] x1 = p.numeric("x1");
    double sc = 0;
    for (int i = 0; i < rows.length; i++) {
      sc += w[rows[i]] * x1[rows[i]] * (y[rows[i]] - mu[i]);
    }
    assertThat(Math.abs(sc)).isLessThan(1e-6 * rows.length);
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void feEqualsDummies(long seed) {
    Panel p = FeCountTestData.generate(15, 5, Double.POSITIVE_INFINITY, seed);
    RegressionResult fe = FePoisson.defaults().withSingletons(false).fit(F, p);
    RegressionResult dum =
        FePoisson.defaults().fit(Formula.parse("y ~ x1 + x2 + factor(g) + factor(h)"), p);
    SmallSampleCorrection none = SmallSampleCorrection.none();
    for (String t : new String[] {"x1", "x2"}) {
      Coefficient a = fe.coefficient(t).orElseThrow();
      Coefficient b = dum.coefficient(t).orElseThrow();
      assertThat(a.estimate()).isCloseTo(b.estimate(), within(1e-8 * (1 + Math.abs(b.estimate()))));
      assertThat(fe.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError())
          .isCloseTo(
              dum.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError(),
              within(1e-6 * b.stdError()));
      assertThat(fe.withVcov(Vcov.hc0()).coefficient(t).orElseThrow().stdError())
          .isCloseTo(
              dum.withVcov(Vcov.hc0()).coefficient(t).orElseThrow().stdError(),
              within(1e-6 * b.stdError()));
    }
    assertThat(fe.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble())
        .isCloseTo(dum.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(), within(1e-7));
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void permutationInvariance(long seed) {
    Panel p = FeCountTestData.generate(30, 5, 1.0, seed);
    int n = 150;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    var b = Panel.builder();
    for (String c : new String[] {"y", "x1", "x2", "g", "h", "e", "wt"}) {
      double[] v = p.numeric(c);
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = v[perm[i]];
      }
      b = b.numeric(c, r);
    }
    Panel q = b.build();
    RegressionResult a = FePoisson.defaults().withVcov(Vcov.cluster("g")).fit(F, p);
    RegressionResult c = FePoisson.defaults().withVcov(Vcov.cluster("g")).fit(F, q);
    RegressionResult an = FeNegBin.defaults().fit(F, p);
    RegressionResult cn = FeNegBin.defaults().fit(F, q);
    for (String t : new String[] {"x1", "x2"}) {
      assertThat(a.coefficient(t).orElseThrow().estimate())
          .isCloseTo(c.coefficient(t).orElseThrow().estimate(), within(1e-9));
      assertThat(a.coefficient(t).orElseThrow().stdError())
          .isCloseTo(c.coefficient(t).orElseThrow().stdError(), within(1e-9));
      assertThat(an.coefficient(t).orElseThrow().estimate())
          .isCloseTo(cn.coefficient(t).orElseThrow().estimate(), within(1e-8));
    }
    assertThat(an.fitStats().get(FitStats.Stat.THETA).getAsDouble())
        .isCloseTo(cn.fitStats().get(FitStats.Stat.THETA).getAsDouble(), within(1e-7));
  }

  @ParameterizedTest
  @ValueSource(longs = {8, 9})
  void threeFixedEffectsAndScaleOfOffsetWithinGroups(long seed) {
    Panel p = FeCountTestData.generate(30, 6, 2.0, seed);
    double[] g = p.numeric("g");
    double[] k = new double[g.length];
    double[] off = new double[g.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = ((int) g[i] * 7 + i) % 4;
      off[i] = 0.3 * g[i];
    }
    Panel q = p.withColumn("k", k).withColumn("og", off);
    Formula f3 = Formula.parse("y ~ x1 + x2 | g + h + k");
    RegressionResult a = FeNegBin.defaults().fit(f3, q);
    RegressionResult b = FeNegBin.defaults().withOffset("og").fit(f3, q);
    assertThat(a.convergence().converged()).isTrue();
    assertThat(a.coefficient("x1").orElseThrow().estimate())
        .isCloseTo(b.coefficient("x1").orElseThrow().estimate(), within(1e-7));
  }

  @ParameterizedTest
  @ValueSource(longs = {10, 11})
  void poissonFrequencyWeightsEqualReplicatedRows(long seed) {
    Panel p = FeCountTestData.generate(25, 4, Double.POSITIVE_INFINITY, seed);
    double[] wt = p.numeric("wt");
    int m = 0;
    for (double w : wt) {
      m += (int) w;
    }
    var b = Panel.builder();
    for (String c : new String[] {"y", "x1", "x2", "g", "h"}) {
      double[] v = p.numeric(c);
      double[] r = new double[m];
      int k = 0;
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < (int) wt[i]; j++) {
          r[k++] = v[i];
        }
      }
      b = b.numeric(c, r);
    }
    RegressionResult a = FePoisson.defaults().withWeights("wt").fit(F, p);
    RegressionResult c = FePoisson.defaults().fit(F, b.build());
    SmallSampleCorrection none = SmallSampleCorrection.none();
    for (String t : new String[] {"x1", "x2"}) {
      assertThat(a.coefficient(t).orElseThrow().estimate())
          .isCloseTo(c.coefficient(t).orElseThrow().estimate(), within(1e-8));
      assertThat(a.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError())
          .isCloseTo(
              c.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError(), within(1e-8));
    }
    assertThat(a.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble())
        .isCloseTo(c.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(), within(1e-7));
  }
}
