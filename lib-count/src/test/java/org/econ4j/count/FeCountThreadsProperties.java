package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.econ4j.core.RegressionResult;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IRLS passes run in fixed row chunks on the fork-join pool; with more rows than one chunk the
 * estimates must not depend on how many threads do the work.
 */
class FeCountThreadsProperties {

  private static RegressionResult inPool(int threads, Supplier<RegressionResult> fit)
      throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(fit::get).get();
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void estimatesAreBitIdenticalForAnyThreadCount(boolean poisson) throws Exception {
    // 7,000 units x 10 periods: more rows than two chunks of the parallel passes
    Panel p = FeCountTestData.generate(7_000, 10, poisson ? Double.POSITIVE_INFINITY : 2.0, 11);
    Formula f = Formula.parse("y ~ x1 + x2 | g + h");
    Supplier<RegressionResult> fit =
        poisson ? () -> FePoisson.defaults().fit(f, p) : () -> FeNegBin.defaults().fit(f, p);
    RegressionResult one = inPool(1, fit);
    RegressionResult three = inPool(3, fit);
    assertThat(one.nobs()).isGreaterThan(2 * 32_768);
    for (String t : new String[] {"x1", "x2"}) {
      assertThat(three.coefficient(t).orElseThrow().estimate())
          .isEqualTo(one.coefficient(t).orElseThrow().estimate());
      assertThat(three.coefficient(t).orElseThrow().stdError())
          .isEqualTo(one.coefficient(t).orElseThrow().stdError());
    }
  }
}
