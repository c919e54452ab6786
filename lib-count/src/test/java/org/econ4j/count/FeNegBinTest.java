package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Coefficient;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.count.internal.ChunkedExecutor;
import org.econ4j.count.internal.RowLikelihood;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

class FeNegBinTest {
  static final Formula F = Formula.parse("y ~ x1 + x2 | g + h");

  @Test
  void nonIntegerOutcomesAreAnErrorNamingRows() {
    Panel p = FeCountTestData.generate(10, 4, 1.0, 1);
    double[] y = p.numeric("y").clone();
    y[2] = 1.5;
    Panel q = p.withColumn("y", y);
    assertThatThrownBy(() -> FeNegBin.defaults().fit(F, q))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'y' is not an integer in 1 row (rows 3); the negative binomial likelihood"
                + " needs counts, round the outcome or use Poisson (PPML)");
  }

  @Test
  void negativeAndAllZeroOutcomesAreErrors() {
    Panel p = FeCountTestData.generate(10, 4, 1.0, 1);
    double[] y = p.numeric("y").clone();
    y[0] = -1;
    assertThatThrownBy(() -> FeNegBin.defaults().fit(F, p.withColumn("y", y)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'y' is negative in 1 row (rows 1); a negative binomial model needs outcomes"
                + " >= 0, drop or recode those rows");
    assertThatThrownBy(() -> FeNegBin.defaults().fit(F, p.withColumn("y", new double[40])))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'y' is zero in all 40 rows; a negative binomial model needs some positive"
                + " outcomes");
  }

  @Test
  void recoversTheDataGeneratingProcess() {
    Panel p = FeCountTestData.generate(200, 6, 2.0, 21);
    FeCountFit fit = FeNegBin.defaults().withExposure("e").fitDetailed(F, p);
    RegressionResult r = fit.result();
    assertThat(r.convergence().converged()).isTrue();
    assertThat(r.coefficient("x1").orElseThrow().estimate()).isCloseTo(0.5, within(0.08));
    // theta = 2 in the process; unit effects estimated from 6 periods overfit (incidental
    // parameters) and soak up overdispersion, so theta comes out larger
    assertThat(fit.theta().getAsDouble()).isBetween(1.2, 10.0);
    assertThat(r.fitStats().get(FitStats.Stat.THETA_STD_ERROR).getAsDouble()).isPositive();
    FeCountFit.LrTest lr = fit.overdispersionTest().orElseThrow();
    assertThat(lr.statistic()).isGreaterThan(10);
    assertThat(lr.pValue()).isLessThan(1e-3);
    assertThat(r.usesZ()).isTrue();
  }

  @Test
  void thetaIsTheMaximumOfTheProfileLikelihood() {
    // the theta score of lib-count's observation-level likelihood vanishes at the estimate
    Panel p = FeCountTestData.generate(60, 5, 1.5, 23);
    FeCountFit fit = FeNegBin.defaults().fitDetailed(F, p);
    double theta = fit.theta().getAsDouble();
    double[] mu = fit.fitted();
    int[] rows = fit.rows();
    double[] yAll = p.numeric("y");
    double[] y = new double[rows.length];
    double[] eta = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = yAll[rows[i]];
      eta[i] = Math.log(mu[i]);
    }
    try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
      RowLikelihood rl = new RowLikelihood(y, null, new double[0][], ex);
      double[] grad = new double[1];
      double[] hess = new double[1];
      rl.negbin(eta, theta, new double[y.length], grad, hess, true);
      assertThat(Math.abs(grad[0]) * theta).isLessThan(1e-6 * y.length);
      assertThat(hess[0]).isNegative();
    }
  }

  @Test
  void equidispersedDataSendThetaToItsBoundWithANote() {
    // underdispersed counts: variance below the mean
    int n = 60;
    double[] y = new double[n];
    double[] x = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % 6;
      x[i] = Math.sin(i);
      y[i] = 3 + (i % 3 == 0 ? 1 : 0);
    }
    Panel p = Panel.builder().numeric("y", y).numeric("x", x).numeric("g", g).build();
    FeCountFit fit = FeNegBin.defaults().fitDetailed(Formula.parse("y ~ x | g"), p);
    assertThat(fit.theta().getAsDouble()).isEqualTo(FeNegBin.THETA_MAX);
    assertThat(fit.result().notes())
        .anySatisfy(
            nt -> {
              assertThat(nt.kind()).isEqualTo(Note.Kind.CONVERGENCE);
              assertThat(nt.message())
                  .isEqualTo(
                      "theta ran to its upper bound 1.0E7: the data show no overdispersion beyond"
                          + " Poisson; use FePoisson");
            });
    FeCountFit pois = FePoisson.defaults().fitDetailed(Formula.parse("y ~ x | g"), p);
    assertThat(fit.result().coefficient("x").orElseThrow().estimate())
        .isCloseTo(pois.result().coefficient("x").orElseThrow().estimate(), within(1e-5));
    assertThat(fit.overdispersionTest().orElseThrow().pValue()).isGreaterThan(0.4);
  }

  @Test
  void frequencyWeightsEqualReplicatedRows() {
    Panel p = FeCountTestData.generate(40, 4, 1.0, 29);
    double[] wt = p.numeric("wt");
    int n = wt.length;
    int m = 0;
    for (double w : wt) {
      m += (int) w;
    }
    String[] cols = {"y", "x1", "x2", "g", "h"};
    var b = Panel.builder();
    for (String c : cols) {
      double[] v = p.numeric(c);
      double[] r = new double[m];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < (int) wt[i]; j++) {
          r[k++] = v[i];
        }
      }
      b = b.numeric(c, r);
    }
    Panel rep = b.build();
    FeCountFit a = FeNegBin.defaults().withWeights("wt").fitDetailed(F, p);
    FeCountFit c = FeNegBin.defaults().fitDetailed(F, rep);
    for (Coefficient co : a.result().coefficients()) {
      assertThat(co.estimate())
          .isCloseTo(c.result().coefficient(co.term()).orElseThrow().estimate(), within(1e-7));
    }
    assertThat(a.theta().getAsDouble()).isCloseTo(c.theta().getAsDouble(), within(1e-6));
    assertThat(a.result().fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble())
        .isCloseTo(c.result().fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(), within(1e-6));
  }

  @Test
  void clusteredStandardErrorsAreFiniteAndDifferFromIid() {
    Panel p = FeCountTestData.generate(50, 5, 1.0, 31);
    RegressionResult r = FeNegBin.defaults().withVcov(Vcov.cluster("g")).fit(F, p);
    RegressionResult iid = r.withVcov(Vcov.iid());
    double a = r.coefficient("x1").orElseThrow().stdError();
    double b = iid.coefficient("x1").orElseThrow().stdError();
    assertThat(a).isFinite().isPositive().isNotEqualTo(b);
  }

  @Test
  void informationNotPositiveDefiniteIsAnEstimationException() {
    double[][] singular = {{1, 1}, {1, 1}};
    assertThatThrownBy(() -> FeNegBin.invertInformation(singular, 2.5))
        .isInstanceOf(org.econ4j.core.EstimationException.class)
        .hasMessage(
            "the information matrix of the negative binomial coefficients and theta is not"
                + " positive definite (theta = 2.5); the likelihood has no proper maximum, check"
                + " for separation or drop regressors");
    double[][] ok = {{2, 1}, {1, 2}};
    assertThat(FeNegBin.invertInformation(ok, 1)[0][0]).isCloseTo(2.0 / 3, within(1e-15));
  }

  @Test
  void configurationChecks() {
    assertThatThrownBy(() -> FeNegBin.defaults().withTolerance(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be in (0, 1), got 2.0");
    assertThatThrownBy(() -> FeNegBin.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum iterations must be >= 1, got 0");
    assertThatThrownBy(() -> FeNegBin.defaults().withIrlsIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum IRLS iterations must be >= 1, got 0");
  }
}
