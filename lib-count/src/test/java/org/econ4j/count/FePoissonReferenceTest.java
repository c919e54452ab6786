package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.FitStats;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FePoisson against fixest 0.14.2 {@code fepois} on the trade gravity data (ref_trade.R). */
class FePoissonReferenceTest {
  static final String DATA = "reference/fixest/fixest_trade.csv";
  static final String REF = "reference/fixest/ref_trade.csv";
  static final String M = "fepois_trade_4fe";
  static final String T = "log(dist_km)";
  static final Formula F =
      Formula.parse("Euros ~ log(dist_km) | Origin + Destination + Product + Year");

  static Panel trade;
  static List<ReferenceData.Value> ref;
  static FeCountFit fit;

  @BeforeAll
  static void load() {
    trade = Panel.readCsv(ReferenceData.path(DATA));
    ref = ReferenceData.longFormat(REF);
    fit = FePoisson.defaults().fitDetailed(F, trade);
  }

  static double se(RegressionResult r) {
    return r.coefficient(T).orElseThrow().stdError();
  }

  @Test
  void coefficientLikelihoodAndDeviance() {
    RegressionResult r = fit.result();
    assertThat(r.convergence().converged()).isTrue();
    assertThat(r.nobs()).isEqualTo(38325);
    assertThat(
            Tolerances.relErr(
                r.coefficient(T).orElseThrow().estimate(), ReferenceData.get(ref, M, "coef", T)))
        .isLessThan(Tolerances.COEF);
    FitStats fs = r.fitStats();
    assertThat(
            Tolerances.relErr(
                fs.get(FitStats.Stat.LOG_LIK).getAsDouble(),
                ReferenceData.get(ref, M, "logLik", "")))
        .isLessThan(1e-10);
    assertThat(
            Tolerances.relErr(
                fs.get(FitStats.Stat.DEVIANCE).getAsDouble(),
                ReferenceData.get(ref, M, "deviance", "")))
        .isLessThan(1e-9);
    assertThat(fs.get(FitStats.Stat.PSEUDO_R2).getAsDouble())
        .isCloseTo(ReferenceData.get(ref, M, "pr2", ""), within(1e-10));
    assertThat(r.usesZ()).isTrue();
  }

  /**
   * fixest stops after 6 iterations at a relative deviance change below 1e-8 and computes its
   * standard errors from the weights of that last iteration, so they carry the early stop: its iid
   * SE differs by 2.2e-6 from R's {@code glm} with dummies at epsilon 1e-12, whose coefficient
   * agrees with fixest's to 1e-11. The default FePoisson follows fixest's path (and matches it, see
   * {@link #standardErrorsAgainstFixest()}); iterated to a deviance change of 1e-13 with the
   * demeaning at 1e-12 it matches the converged glm to 1e-6.
   */
  @Test
  void standardErrorsAgainstConvergedGlmWithDummies() {
    RegressionResult r =
        FePoisson.defaults()
            .withTolerance(1e-13)
            .withDemeaner(org.econ4j.panel.fe.Demeaner.defaults().withTolerance(1e-12))
            .fit(F, trade);
    assertThat(r.convergence().converged()).isTrue();
    SmallSampleCorrection noK = SmallSampleCorrection.fixest().withKAdj(false);
    String g = "glm_pois_dummies_trade";
    checkRef(se(r.withVcov(Vcov.iid(), noK)), g, "se_iid", Tolerances.SE);
    checkRef(se(r.withVcov(Vcov.hc0())), g, "se_HC0(sandwich)", Tolerances.SE);
    // sandwich's HC1 is n/(n - p) with p = all parameters incl. dummies (58): fixest's HC1
    checkRef(se(r.withVcov(Vcov.hetero())), g, "se_HC1(sandwich)", Tolerances.SE);
    // vcovCL type HC0 keeps G/(G - 1)
    checkRef(
        se(r.withVcov(Vcov.cluster("Origin"), noK)),
        g,
        "se_CL_Origin_HC0(sandwich)",
        Tolerances.SE);
    // the default (fixest's path) differs from the converged glm by fixest's early-stop error
    assertThat(
            Tolerances.relErr(
                se(fit.result().withVcov(Vcov.iid(), noK)), ReferenceData.get(ref, g, "se_iid", T)))
        .isGreaterThan(1e-6)
        .isLessThan(1e-5);
  }

  /** The default follows fixest's iterations (6 on these data). */
  @Test
  void iterationsAsFixest() {
    assertThat(fit.result().convergence().iterations())
        .isEqualTo((int) ReferenceData.get(ref, M, "iterations", ""));
  }

  @Test
  void standardErrorsAgainstFixest() {
    RegressionResult r = fit.result();
    SmallSampleCorrection noK = SmallSampleCorrection.fixest().withKAdj(false);
    checkRef(se(r), M, "se_iid", Tolerances.SE);
    checkRef(se(r.withVcov(Vcov.iid(), noK)), M, "se_iid_noKadj", Tolerances.SE);
    checkRef(se(r.withVcov(Vcov.hetero())), M, "se_hetero_fixestdefault", Tolerances.SE);
    checkRef(se(r.withVcov(Vcov.hc0())), M, "se_hetero_HC0", Tolerances.SE);
    checkRef(
        se(r.withVcov(Vcov.cluster("Origin"))), M, "se_cl_Origin_fixestdefault", Tolerances.SE);
    checkRef(
        se(r.withVcov(Vcov.cluster("Origin"), noK)), M, "se_cl_Origin_G/(G-1)only", Tolerances.SE);
    checkRef(
        se(
            r.withVcov(
                Vcov.cluster("Origin"),
                SmallSampleCorrection.fixest().withFixefK(SmallSampleCorrection.FixefK.FULL))),
        M,
        "se_cl_Origin_Kfixef_full",
        Tolerances.SE);
    checkRef(
        se(r.withVcov(Vcov.cluster("Origin", "Destination"))),
        M,
        "se_cl_twoway_Orig+Dest",
        Tolerances.SE);
    checkRef(
        se(r.withVcov(Vcov.cluster("Origin"), SmallSampleCorrection.none())),
        M,
        "se_cl_Origin_noadj",
        Tolerances.SE);
    assertThat(r.vcov().tDf()).isInfinite();
  }

  static void checkRef(double actual, String model, String q, double tol) {
    assertThat(Tolerances.relErr(actual, ReferenceData.get(ref, model, q, T)))
        .as(model + " " + q)
        .isLessThan(tol);
  }
}
