package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

/**
 * An offset on the wrong scale (an exposure given as the offset) overflows exp(&eta;): a clear
 * error naming the offset, not an internal message.
 */
class FeCountOffsetScaleTest {
  private static final Formula F = Formula.parse("y ~ x1 + x2 | g + h");
  private static final String REMEDY =
      "offset is on the log scale: pass log(x) or use exposure(x) / --exposure x";

  /** The exposure e scaled to about 1e6 and passed as the offset: varies within every unit. */
  private static Panel withRawExposure(Panel p) {
    double[] e = p.numeric("e");
    double[] big = new double[e.length];
    for (int i = 0; i < e.length; i++) {
      big[i] = Math.round(e[i] * 5e5);
    }
    return p.withColumn("pop", big);
  }

  private static double max(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, d);
    }
    return m;
  }

  @Test
  void poissonNamesTheOffsetItsLargestValueAndTheRemedy() {
    Panel p = withRawExposure(FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 31));
    String largest = String.format(java.util.Locale.ROOT, "%.6g", max(p.numeric("pop")));
    assertThatThrownBy(() -> FePoisson.defaults().withOffset("pop").fit(F, p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("offset 'pop' has values up to " + largest + " in absolute value")
        .hasMessageContaining("so exp() of the linear predictor overflows (it reached ")
        .hasMessageEndingWith("); " + REMEDY);
    // the remedies work
    RegressionResult exposure = FePoisson.defaults().withExposure("pop").fit(F, p);
    RegressionResult logged = FePoisson.defaults().withOffset("log(pop)").fit(F, p);
    assertThat(exposure.coefficient("x1").orElseThrow().estimate())
        .isCloseTo(logged.coefficient("x1").orElseThrow().estimate(), within(1e-9));
  }

  @Test
  void negativeBinomialNamesTheOffsetToo() {
    Panel p = withRawExposure(FeCountTestData.generate(20, 5, 2.0, 32));
    assertThatThrownBy(() -> FeNegBin.defaults().withOffset("pop").fit(F, p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("offset 'pop' has values up to ")
        .hasMessageEndingWith(REMEDY);
    assertThat(FeNegBin.defaults().withExposure("pop").fit(F, p).coefficients()).hasSize(2);
  }
}
