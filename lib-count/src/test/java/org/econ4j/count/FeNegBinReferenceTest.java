package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.econ4j.core.FitStats;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FeNegBin against fixest 0.14.2 {@code fenegbin} and MASS {@code glm.nb} on the trade data. */
class FeNegBinReferenceTest {
  static final String M = "fenegbin_trade_4fe";
  static final String T = "log(dist_km)";

  static List<ReferenceData.Value> ref;
  static FeCountFit fit;

  @BeforeAll
  static void load() {
    Panel trade = Panel.readCsv(ReferenceData.path(FePoissonReferenceTest.DATA));
    ref = ReferenceData.longFormat(FePoissonReferenceTest.REF);
    fit = FeNegBin.defaults().fitDetailed(FePoissonReferenceTest.F, trade);
  }

  static double se(RegressionResult r) {
    return r.coefficient(T).orElseThrow().stdError();
  }

  @Test
  void coefficientThetaAndLikelihood() {
    RegressionResult r = fit.result();
    assertThat(r.convergence().converged()).isTrue();
    assertThat(r.model()).isEqualTo("negbin");
    assertThat(r.nobs()).isEqualTo(38325);
    assertThat(
            Tolerances.relErr(
                r.coefficient(T).orElseThrow().estimate(), ReferenceData.get(ref, M, "coef", T)))
        .isLessThan(Tolerances.ML_COEF);
    // the converged coefficient equals MASS glm.nb's with dummies (epsilon 1e-8) to 1e-10
    assertThat(
            Tolerances.relErr(
                r.coefficient(T).orElseThrow().estimate(),
                ReferenceData.get(ref, "glm.nb_dummies_trade", "coef", T)))
        .isLessThan(1e-10);
    // fixest's theta (which glm.nb, started there, accepts within its loose theta tolerance
    // |dtheta| < 1e-8 sqrt(2 df) = 2.8e-6) is 4e-6 from the maximum: 1e-5 (ML_SE) here
    assertThat(Tolerances.relErr(fit.theta().getAsDouble(), ReferenceData.get(ref, M, "theta", "")))
        .isLessThan(Tolerances.ML_SE);
    FitStats fs = r.fitStats();
    assertThat(fs.get(FitStats.Stat.THETA).getAsDouble()).isEqualTo(fit.theta().getAsDouble());
    assertThat(
            Tolerances.relErr(
                fs.get(FitStats.Stat.LOG_LIK).getAsDouble(),
                ReferenceData.get(ref, M, "logLik", "")))
        .isLessThan(1e-8); // ln Γ(y + θ) − ln y! at y ~ 1e9 loses ~1e-6 per row to rounding
    assertThat(
            Tolerances.relErr(
                fit.thetaStdError().getAsDouble(),
                ReferenceData.get(ref, "glm.nb_dummies_trade", "SE.theta", "")))
        .isLessThan(Tolerances.ML_SE);
    assertThat(
            Tolerances.relErr(
                fs.get(FitStats.Stat.PSEUDO_R2).getAsDouble(),
                ReferenceData.get(ref, M, "pr2", "")))
        .isLessThan(1e-6);
    FeCountFit.LrTest lr = fit.overdispersionTest().orElseThrow();
    assertThat(lr.statistic()).isGreaterThan(1e9);
    assertThat(lr.pValue()).isEqualTo(0.0);
  }

  @Test
  void standardErrors() {
    RegressionResult r = fit.result();
    SmallSampleCorrection noK = SmallSampleCorrection.fixest().withKAdj(false);
    check(se(r), "se_iid");
    check(se(r.withVcov(Vcov.iid(), noK)), "se_iid_noKadj");
    check(se(r.withVcov(Vcov.hetero())), "se_hetero_fixestdefault");
    check(se(r.withVcov(Vcov.hc0())), "se_hetero_HC0");
    check(se(r.withVcov(Vcov.cluster("Origin"))), "se_cl_Origin_fixestdefault");
    check(
        se(r.withVcov(Vcov.cluster("Origin"), SmallSampleCorrection.none())), "se_cl_Origin_noadj");
    // two-way: 1.4e-5 from fixest, whose theta is itself 4e-6 from the maximum
    check(se(r.withVcov(Vcov.cluster("Origin", "Destination"))), "se_cl_twoway_Orig+Dest", 2e-5);
  }

  /**
   * θ's standard error in the tables and JSON follows the fit-time covariance type, as fixest's.
   */
  @Test
  void thetaStandardErrorFollowsTheVcov() {
    Panel trade = Panel.readCsv(ReferenceData.path(FePoissonReferenceTest.DATA));
    String[][] cases = {
      {"iid", "se_iid"},
      {"hetero", "se_hetero_fixestdefault"},
      {"cluster:Origin", "se_cl_Origin_fixestdefault"}
    };
    for (String[] c : cases) {
      RegressionResult r =
          FeNegBin.defaults().withVcov(Vcov.parse(c[0])).fit(FePoissonReferenceTest.F, trade);
      double se = r.fitStats().get(FitStats.Stat.THETA_STD_ERROR).getAsDouble();
      assertThat(Tolerances.relErr(se, ReferenceData.get(ref, M, c[1], ".theta")))
          .as(c[0] + " actual " + se)
          .isLessThan(Tolerances.ML_SE);
    }
  }

  static void check(double actual, String q) {
    check(actual, q, Tolerances.ML_SE);
  }

  static void check(double actual, String q, double tol) {
    assertThat(Tolerances.relErr(actual, ReferenceData.get(ref, M, q, T)))
        .as(q + " actual " + actual)
        .isLessThan(tol);
  }
}
