package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import org.econ4j.count.internal.SpecialFunctions;
import org.junit.jupiter.api.Test;

class LogFactorialTest {

  @Test
  void tableAgreesWithLgammaAndFallsBackBeyondIt() {
    for (int k = 0; k < 400; k++) {
      assertThat(FeCountSupport.logFactorial(k)).isEqualTo(SpecialFunctions.lgamma(k + 1.0));
    }
    assertThat(FeCountSupport.logFactorial(2.5)).isEqualTo(SpecialFunctions.lgamma(3.5));
    assertThat(FeCountSupport.logFactorial(1e7)).isEqualTo(SpecialFunctions.lgamma(1e7 + 1));
  }
}
