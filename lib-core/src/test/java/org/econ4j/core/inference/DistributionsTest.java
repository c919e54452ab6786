package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values from R: 2*pt(-2, 10), qt(0.975, 10), 2*pnorm(-10), pchisq(5, 2, lower = FALSE) etc. */
class DistributionsTest {
  @Test
  void tAndNormal() {
    assertThat(Distributions.twoSidedT(2, 10)).isCloseTo(0.07338803477074022, within(1e-13));
    assertThat(Distributions.twoSidedT(-2, 10)).isCloseTo(0.07338803477074022, within(1e-13));
    assertThat(Distributions.tQuantile(0.975, 10)).isCloseTo(2.228138851986274, within(1e-10));
    assertThat(Distributions.twoSidedNormal(1.959963984540054)).isCloseTo(0.05, within(1e-13));
    assertThat(Distributions.tQuantile(0.975, Double.POSITIVE_INFINITY))
        .isCloseTo(1.959963984540054, within(1e-12));
    // tail accuracy: 2*pnorm(-10) = 1.523970e-23
    assertThat(Distributions.twoSidedNormal(10) / 1.5239706048320e-23).isCloseTo(1, within(1e-9));
    // huge df is the normal
    assertThat(Distributions.twoSidedT(2, 1e12))
        .isCloseTo(Distributions.twoSidedNormal(2), within(1e-15));
    assertThat(Distributions.twoSidedT(2, 1e8))
        .isCloseTo(Distributions.twoSidedNormal(2), within(1e-8));
    assertThat(Distributions.twoSidedT(Double.POSITIVE_INFINITY, 5)).isZero();
    assertThat(Distributions.twoSidedT(Double.NaN, 5)).isNaN();
    assertThat(Distributions.twoSidedT(0, 5)).isCloseTo(1, within(1e-15));
  }

  @Test
  void chiSquaredAndF() {
    assertThat(Distributions.chiSquaredUpper(5, 2)).isCloseTo(0.0820849986238988, within(1e-14));
    assertThat(Distributions.chiSquaredUpper(0, 2)).isEqualTo(1);
    assertThat(Distributions.chiSquaredQuantile(0.95, 1))
        .isCloseTo(3.841458820694124, within(1e-9));
    // df1 = 2: P(F > f) = (1 + 2f/df2)^(-df2/2) exactly
    assertThat(Distributions.fUpper(3, 2, 20)).isCloseTo(Math.pow(1.3, -10), within(1e-14));
    assertThat(Distributions.fUpper(3, 2, Double.POSITIVE_INFINITY))
        .isCloseTo(Distributions.chiSquaredUpper(6, 2), within(1e-15));
    assertThat(Distributions.fQuantile(0.95, 2, 20)).isCloseTo(3.492828476735632, within(1e-8));
    assertThat(Distributions.fQuantile(0.95, 2, Double.POSITIVE_INFINITY))
        .isCloseTo(Distributions.chiSquaredQuantile(0.95, 2) / 2, within(1e-12));
    assertThat(Distributions.fUpper(-1, 2, 3)).isEqualTo(1);
    assertThat(Distributions.fUpper(Double.NaN, 2, 3)).isNaN();
    assertThat(Distributions.chiSquaredUpper(Double.NaN, 2)).isNaN();
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> Distributions.twoSidedT(1, 0))
        .hasMessage("t degrees of freedom must be > 0, got 0.0");
    assertThatThrownBy(() -> Distributions.tQuantile(1, 3))
        .hasMessage("probability must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> Distributions.fUpper(1, 1, -1))
        .hasMessage("F denominator degrees of freedom must be > 0, got -1.0");
    assertThatThrownBy(() -> Distributions.chiSquaredQuantile(0, 1))
        .hasMessage("probability must be in (0, 1), got 0.0");
    assertThatThrownBy(() -> Distributions.fQuantile(0.5, 0, 1))
        .hasMessage("F numerator degrees of freedom must be > 0, got 0.0");
    assertThatThrownBy(() -> Distributions.chiSquaredUpper(1, Double.NaN))
        .hasMessage("chi-squared degrees of freedom must be > 0, got NaN");
  }
}
