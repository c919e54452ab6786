package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.FitStats;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * MASS quine: the unconditional NB with a one-way FE equals NB2 with explicit dummies (the model
 * MASS {@code glm.nb} fits with {@code factor(Age)}): coefficients, θ, its SE, log-likelihood and
 * standard errors.
 */
class FeNegBinQuineTest {
  @Test
  void oneWayFixedEffectEqualsDummies() {
    Panel q = Panel.readCsv(ReferenceData.path("reference/mass/MASS_quine.csv"));
    FeCountFit fe =
        FeNegBin.defaults().fitDetailed(Formula.parse("Days ~ Eth + Sex + Lrn | Age"), q);
    FeCountFit dum =
        FeNegBin.defaults().fitDetailed(Formula.parse("Days ~ Eth + Sex + Lrn + Age"), q);
    RegressionResult a = fe.result();
    RegressionResult b = dum.result();
    assertThat(a.convergence().converged()).isTrue();
    assertThat(a.nobs()).isEqualTo(146);
    SmallSampleCorrection none = SmallSampleCorrection.none();
    for (String t : a.keptTerms()) {
      double eb = b.coefficient(t).orElseThrow().estimate();
      assertThat(a.coefficient(t).orElseThrow().estimate()).as(t).isCloseTo(eb, within(1e-7));
      assertThat(a.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError())
          .as(t)
          .isCloseTo(
              b.withVcov(Vcov.iid(), none).coefficient(t).orElseThrow().stdError(), within(1e-7));
    }
    assertThat(a.keptTerms()).containsExactly("EthN", "SexM", "LrnSL");
    assertThat(fe.theta().getAsDouble()).isCloseTo(dum.theta().getAsDouble(), within(1e-7));
    assertThat(fe.thetaStdError().getAsDouble())
        .isCloseTo(dum.thetaStdError().getAsDouble(), within(1e-7));
    assertThat(a.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble())
        .isCloseTo(b.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(), within(1e-8));
    assertThat(fe.theta().getAsDouble()).isBetween(1.0, 2.0);
  }
}
