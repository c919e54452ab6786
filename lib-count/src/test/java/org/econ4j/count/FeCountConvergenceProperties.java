package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import org.econ4j.core.Convergence;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The count models report as {@code lastChange} the quantity their stopping rule compares with the
 * tolerance (IRLS: relative deviance change; NB outer loop: relative log-likelihood change), so a
 * converged result has lastChange &le; tolerance, on seeded panels with tight and loose limits.
 */
class FeCountConvergenceProperties {
  private static final Formula[] FORMULAS = {
    Formula.parse("y ~ x1 + x2 | g"),
    Formula.parse("y ~ x1 + x2 | g + h"),
    Formula.parse("y ~ 1 | g")
  };

  private static void assertHonest(Convergence c, double tol) {
    assertThat(c.tolerance()).isEqualTo(tol);
    assertThat(c.lastChange()).isNotNaN();
    if (c.converged()) {
      assertThat(c.lastChange()).as("%s", c).isLessThanOrEqualTo(tol);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43, 44})
  void poissonConvergedImpliesLastChangeWithinTolerance(long seed) {
    Panel p = FeCountTestData.generate(25, 6, Double.POSITIVE_INFINITY, seed);
    for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
      for (int maxIt : new int[] {2, 25}) {
        FePoisson est = FePoisson.defaults().withTolerance(tol).withMaxIterations(maxIt);
        for (Formula f : FORMULAS) {
          assertHonest(est.fit(f, p).convergence(), tol);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {45, 46, 47})
  void negativeBinomialConvergedImpliesLastChangeWithinTolerance(long seed) {
    Panel p = FeCountTestData.generate(25, 6, 1.5, seed);
    for (double tol : new double[] {1e-6, 1e-10}) {
      for (int maxIt : new int[] {1, 50}) {
        FeNegBin est = FeNegBin.defaults().withTolerance(tol).withMaxIterations(maxIt);
        for (Formula f : FORMULAS) {
          assertHonest(est.fit(f, p).convergence(), tol);
        }
      }
    }
  }
}
