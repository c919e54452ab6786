package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.api.Test;

/** Newey–West and Driscoll–Kraay standard errors of the FE count models use the panel index. */
class FeCountHacTest {
  private static Panel panel(boolean indexed) {
    SplittableRandom rng = new SplittableRandom(11);
    int units = 25;
    int periods = 8;
    String[] u = new String[units * periods];
    double[] t = new double[u.length];
    double[] x = new double[u.length];
    double[] y = new double[u.length];
    for (int i = 0; i < units; i++) {
      for (int p = 0; p < periods; p++) {
        int r = i * periods + p;
        u[r] = "u" + i;
        t[r] = 2000 + p;
        x[r] = rng.nextDouble();
        y[r] = RandomPanels.poisson(rng, Math.exp(0.3 + 0.7 * x[r] + 0.1 * (i % 4)));
      }
    }
    Panel p =
        Panel.builder().categorical("u", u).numeric("t", t).numeric("x", x).numeric("y", y).build();
    return indexed ? p.withIndex("u", "t") : p;
  }

  @Test
  void neweyWestWithLagZeroEqualsHc0AndDriscollKraayRuns() {
    Formula f = Formula.parse("y ~ x | u");
    SmallSampleCorrection none = SmallSampleCorrection.none();
    RegressionResult hc0 =
        FePoisson.defaults()
            .withVcov(Vcov.hc0())
            .withSmallSampleCorrection(none)
            .fit(f, panel(true));
    RegressionResult nw0 =
        FePoisson.defaults()
            .withVcov(Vcov.neweyWest(0))
            .withSmallSampleCorrection(none)
            .fit(f, panel(true));
    assertThat(nw0.coefficients().get(0).stdError())
        .isCloseTo(
            hc0.coefficients().get(0).stdError(), org.assertj.core.api.Assertions.within(1e-12));
    RegressionResult dk = FeNegBin.defaults().withVcov(Vcov.driscollKraay(2)).fit(f, panel(true));
    assertThat(dk.coefficients().get(0).stdError()).isPositive().isFinite();
    RegressionResult nw2 = FePoisson.defaults().withVcov(Vcov.neweyWest(2)).fit(f, panel(true));
    assertThat(nw2.coefficients().get(0).stdError()).isPositive().isFinite();
  }

  @Test
  void withoutAnIndexTheErrorNamesIt() {
    assertThatThrownBy(
            () ->
                FePoisson.defaults()
                    .withVcov(Vcov.neweyWest(1))
                    .fit(Formula.parse("y ~ x | u"), panel(false)))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("index");
  }
}
