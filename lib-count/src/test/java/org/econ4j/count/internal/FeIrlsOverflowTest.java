package org.econ4j.count.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.econ4j.core.EstimationException;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.panel.fe.Demeaner;
import org.junit.jupiter.api.Test;

/** The overflow guard of the IRLS loop, with and without a named offset. */
class FeIrlsOverflowTest {
  private static FeIrls irls(String offsetName) {
    int n = 12;
    double[] y = new double[n];
    double[] w = new double[n];
    double[] off = new double[n];
    double[] x = new double[n];
    Arrays.fill(w, 1);
    for (int i = 0; i < n; i++) {
      y[i] = 1 + i % 3;
      off[i] = 1e5 * (i % 4);
      x[i] = Math.sin(i);
    }
    FeIrls f =
        new FeIrls(
            y, w, off, new double[][] {x}, null, Demeaner.defaults(), LeastSquares.defaults());
    f.offsetName(offsetName);
    f.startFromOutcome();
    return f;
  }

  @Test
  void namedOffsetGetsTheRemedy() {
    assertThatThrownBy(() -> irls("pop").run(Double.POSITIVE_INFINITY, 25, 1e-8))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith(
            "offset 'pop' has values up to 300000 in absolute value, so exp() of the linear"
                + " predictor overflows (it reached ")
        .hasMessageEndingWith(
            "); offset is on the log scale: pass log(x) or use exposure(x) / --exposure x");
  }

  @Test
  void withoutANamedOffsetTheMessageIsGeneric() {
    assertThatThrownBy(() -> irls(null).run(2.0, 25, 1e-8))
        .isInstanceOf(EstimationException.class)
        .hasMessageStartingWith(
            "the linear predictor of the count model overflows exp() (it reached ")
        .hasMessageEndingWith(
            ", the largest allowed is 700.0); rescale the regressors or check the outcome for"
                + " extreme values");
  }
}
