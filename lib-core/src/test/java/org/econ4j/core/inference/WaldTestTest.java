package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class WaldTestTest {
  private static final double[] BETA = {1.0, 2.0, -1.0};
  private static final double[][] V = {{0.25, 0, 0}, {0, 1, 0.5}, {0, 0.5, 1}};

  @Test
  void singleRestrictionIsSquaredT() {
    WaldTest w =
        WaldTest.of(BETA, V, new double[][] {{1, 0, 0}}, new double[] {0}, 20, WaldTest.Type.F);
    assertThat(w.statistic()).isCloseTo(4.0, within(1e-14)); // (1/0.5)^2
    assertThat(w.pValue()).isCloseTo(Distributions.twoSidedT(2, 20), within(1e-12));
    assertThat(w.df1()).isEqualTo(1);
    assertThat(w.df2()).isEqualTo(20);
  }

  @Test
  void jointRestrictionsByHand() {
    // beta2, beta3 jointly: d = (2, -1), S = [[1, .5], [.5, 1]], S^-1 = 4/3 [[1, -.5], [-.5, 1]]
    // W = 4/3 (4 + 2 + 1) = 28/3
    WaldTest chi =
        WaldTest.of(
            BETA,
            V,
            new double[][] {{0, 1, 0}, {0, 0, 1}},
            new double[] {0, 0},
            Double.POSITIVE_INFINITY,
            WaldTest.Type.CHI2);
    assertThat(chi.statistic()).isCloseTo(28.0 / 3, within(1e-13));
    assertThat(chi.pValue()).isCloseTo(Math.exp(-14.0 / 3), within(1e-14)); // chi2(2) tail
    WaldTest f =
        WaldTest.of(
            BETA,
            V,
            new double[][] {{0, 1, 0}, {0, 0, 1}},
            new double[] {0, 0},
            30,
            WaldTest.Type.F);
    assertThat(f.statistic()).isCloseTo(14.0 / 3, within(1e-13));
    assertThat(f.pValue()).isCloseTo(Distributions.fUpper(14.0 / 3, 2, 30), within(1e-15));
    // r shifts: beta2 - beta3 = 3 is true
    WaldTest eq =
        WaldTest.of(BETA, V, new double[][] {{0, 1, -1}}, new double[] {3}, 30, WaldTest.Type.F);
    assertThat(eq.statistic()).isCloseTo(0, within(1e-14));
    assertThat(eq.pValue()).isEqualTo(1);
  }

  @Test
  void jointOnAResult() {
    RegressionResult r =
        RegressionResult.builder("ols", "y ~ a + b")
            .coefficients(List.of("a", "b", "c"), BETA)
            .vcovEstimate(
                new VcovEstimate(
                    Vcov.iid(), SmallSampleCorrection.fixest(), V, List.of(), 30, 3, List.of()))
            .build();
    WaldTest w = WaldTest.joint(r, List.of("b", "c"));
    assertThat(w.statistic()).isCloseTo(14.0 / 3, within(1e-13));
    assertThat(w.type()).isEqualTo(WaldTest.Type.F);
    assertThatThrownBy(() -> WaldTest.joint(r, List.of("d")))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown or dropped term 'd' in Wald test; estimated terms: a, b, c");
    assertThatThrownBy(() -> WaldTest.joint(r, List.of()))
        .hasMessage("Wald test names no coefficient; name at least one term");
  }

  @Test
  void errors() {
    assertThatThrownBy(
            () ->
                WaldTest.of(
                    BETA,
                    V,
                    new double[][] {{0, 1, 0}, {0, 2, 0}},
                    new double[2],
                    10,
                    WaldTest.Type.F))
        .hasMessage(
            "Wald test restrictions are linearly dependent or have zero variance (R V R' is"
                + " singular); drop redundant restrictions");
    assertThatThrownBy(
            () -> WaldTest.of(BETA, V, new double[][] {{0, 1}}, new double[1], 10, WaldTest.Type.F))
        .hasMessage("restriction row 0 has 2 values, expected 3");
    assertThatThrownBy(
            () -> WaldTest.of(BETA, V, new double[0][], new double[0], 10, WaldTest.Type.F))
        .hasMessage(
            "Wald test needs q >= 1 restrictions with as many right-hand values, got 0 and 0");
    assertThatThrownBy(
            () ->
                WaldTest.of(
                    BETA,
                    new double[2][2],
                    new double[][] {{1, 0, 0}},
                    new double[1],
                    10,
                    WaldTest.Type.F))
        .hasMessage("vcov is 2x2 but beta has 3 values");
  }
}
