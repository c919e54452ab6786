package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.FitStats;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

/** Count models with fixed effects and no regressor ({@code y ~ 1 | fe}), as fixest allows. */
class FeCountFixedEffectsOnlyTest {
  private static final Panel P = FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 21);

  @Test
  void poissonWithOneFixedEffectFitsTheGroupMeans() {
    FeCountFit f = FePoisson.defaults().fitDetailed(Formula.parse("y ~ 1 | g"), P);
    RegressionResult r = f.result();
    assertThat(r.coefficients()).isEmpty();
    assertThat(r.vcovMatrix()).isEmpty();
    assertThat(r.convergence().converged()).isTrue();
    double[] y = P.numeric("y");
    double[] g = P.numeric("g");
    int[] rows = f.rows();
    double[] mu = f.fitted();
    double ll = 0;
    for (int a = 0; a < rows.length; a++) {
      int i = rows[a];
      double s = 0;
      int c = 0;
      for (int j = 0; j < y.length; j++) {
        if (g[j] == g[i]) {
          s += y[j];
          c++;
        }
      }
      assertThat(mu[a]).isCloseTo(s / c, within(1e-6 * (1 + s / c)));
      double m = s / c;
      ll += y[i] * Math.log(m) - m - logFactorial((int) y[i]);
    }
    assertThat(r.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble()).isCloseTo(ll, within(1e-6));
    assertThat(r.withVcov(Vcov.cluster("g")).coefficients()).isEmpty();
    assertThat(RegressionTable.of(r).render(TableFormat.TEXT)).contains("g");
  }

  @Test
  void poissonWithTwoFixedEffectsMatchesObservedSumsInEveryGroup() {
    FeCountFit f = FePoisson.defaults().fitDetailed(Formula.parse("y ~ 1 | g + h"), P);
    assertThat(f.result().coefficients()).isEmpty();
    double[] y = P.numeric("y");
    double[] h = P.numeric("h");
    int[] rows = f.rows();
    double[] mu = f.fitted();
    for (int t = 2000; t < 2005; t++) {
      double obs = 0;
      double fit = 0;
      for (int a = 0; a < rows.length; a++) {
        if (h[rows[a]] == t) {
          obs += y[rows[a]];
          fit += mu[a];
        }
      }
      assertThat(fit).isCloseTo(obs, within(1e-4 * (1 + obs)));
    }
  }

  @Test
  void negativeBinomialFitsWithoutRegressors() {
    Panel nb = FeCountTestData.generate(20, 5, 2.0, 22);
    FeCountFit f = FeNegBin.defaults().fitDetailed(Formula.parse("y ~ 1 | g"), nb);
    RegressionResult r = f.result();
    assertThat(r.coefficients()).isEmpty();
    assertThat(r.convergence().converged()).isTrue();
    assertThat(f.theta().orElseThrow()).isPositive();
    assertThat(r.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble()).isFinite();
  }

  private static double logFactorial(int k) {
    double s = 0;
    for (int i = 2; i <= k; i++) {
      s += Math.log(i);
    }
    return s;
  }

  @Test
  void withoutFixedEffectsOrRegressorsIsAnError() {
    String msg =
        "formula 'y ~ 0' has no regressor and no fixed effect to estimate; add a term, an"
            + " intercept (y ~ 1) or fixed effects (y ~ 1 | fe) on the right-hand side";
    assertThatThrownBy(() -> FePoisson.defaults().fit(Formula.parse("y ~ 0"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(msg);
    assertThatThrownBy(() -> FeNegBin.defaults().fit(Formula.parse("y ~ 0"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(msg);
  }
}
