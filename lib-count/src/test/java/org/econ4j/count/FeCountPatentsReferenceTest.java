package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-way FE count models on the patents–R&amp;D data against fixest 0.14.2 ({@code fepois} and
 * {@code fenegbin} with firm FE, ref_patents.R), and one-way FePoisson against {@link
 * ConditionalPoisson} (equal point estimates).
 */
class FeCountPatentsReferenceTest {
  static final String[] TERMS = {
    "lrd0", "lrd1", "lrd2", "lrd3", "lrd4", "lrd5", "yf1976", "yf1977", "yf1978", "yf1979"
  };
  static final Formula F =
      Formula.parse(
          "patents ~ lrd0 + lrd1 + lrd2 + lrd3 + lrd4 + lrd5 + yf1976 + yf1977 + yf1978 + yf1979"
              + " | cusip");

  static PatentsData data;
  static Panel panel;
  static List<ReferenceData.Value> ref;

  @BeforeAll
  static void load() {
    data = PatentsData.load().withoutTimeInvariant();
    var b = Panel.builder().numeric("patents", data.y).numeric("cusip", data.unit);
    for (int j = 0; j < TERMS.length; j++) {
      b = b.numeric(TERMS[j], data.x[j]);
    }
    panel = b.build();
    ref = ReferenceData.longFormat(PatentsData.REF);
  }

  @Test
  void fepoisFirmEffects() {
    FeCountFit fit = FePoisson.defaults().fitDetailed(F, panel);
    RegressionResult r = fit.result();
    String m = "fepois_firmFE_patents";
    assertThat(r.nobs()).isEqualTo((long) ReferenceData.get(ref, m, "nobs", ""));
    assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.NO_VARIATION && n.count() == 110);
    RegressionResult noK = r.withVcov(Vcov.iid(), SmallSampleCorrection.fixest().withKAdj(false));
    RegressionResult cl = r.withVcov(Vcov.cluster("cusip"));
    for (String t : TERMS) {
      assertThat(
              Tolerances.relErr(
                  r.coefficient(t).orElseThrow().estimate(), ReferenceData.get(ref, m, "coef", t)))
          .as(t)
          .isLessThan(Tolerances.COEF);
      assertThat(
              Tolerances.relErr(
                  noK.coefficient(t).orElseThrow().stdError(),
                  ReferenceData.get(ref, m, "se_iid_noKadj", t)))
          .as(t)
          .isLessThan(Tolerances.SE);
      assertThat(
              Tolerances.relErr(
                  r.coefficient(t).orElseThrow().stdError(),
                  ReferenceData.get(ref, m, "se_iid", t)))
          .as(t)
          .isLessThan(Tolerances.SE);
      assertThat(
              Tolerances.relErr(
                  cl.coefficient(t).orElseThrow().stdError(),
                  ReferenceData.get(ref, m, "se_cl_cusip_fixestdefault", t)))
          .as(t)
          .isLessThan(Tolerances.SE);
    }
    assertThat(
            Tolerances.relErr(
                r.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(),
                ReferenceData.get(ref, m, "logLik(unconditional)", "")))
        .isLessThan(1e-10);
  }

  @Test
  void fenegbinFirmEffects() {
    FeCountFit fit = FeNegBin.defaults().fitDetailed(F, panel);
    RegressionResult r = fit.result();
    String m = "fenegbin_firmFE_patents";
    assertThat(r.convergence().converged()).isTrue();
    assertThat(r.nobs()).isEqualTo((long) ReferenceData.get(ref, m, "nobs", ""));
    for (String t : TERMS) {
      assertThat(
              Tolerances.relErr(
                  r.coefficient(t).orElseThrow().estimate(), ReferenceData.get(ref, m, "coef", t)))
          .as(t)
          .isLessThan(Tolerances.ML_COEF);
      assertThat(
              Tolerances.relErr(
                  r.coefficient(t).orElseThrow().stdError(),
                  ReferenceData.get(ref, m, "se_iid", t)))
          .as(t)
          .isLessThan(Tolerances.ML_SE);
    }
    assertThat(Tolerances.relErr(fit.theta().getAsDouble(), ReferenceData.get(ref, m, "theta", "")))
        .isLessThan(Tolerances.ML_COEF);
    // fixest's theta SE carries its K.adj factor sqrt((n - 1)/(n - K)), K = 334 here
    double n = r.nobs();
    double kk = ReferenceData.get(ref, m, "df.K_iid", "");
    assertThat(
            Tolerances.relErr(
                fit.thetaStdError().getAsDouble() * Math.sqrt((n - 1) / (n - kk)),
                ReferenceData.get(ref, m, "se_iid", ".theta")))
        .isLessThan(Tolerances.ML_SE);
    assertThat(
            Tolerances.relErr(
                r.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble(),
                ReferenceData.get(ref, m, "logLik", "")))
        .isLessThan(1e-9);
    FeCountFit.LrTest lr = fit.overdispersionTest().orElseThrow();
    assertThat(lr.statistic()).isGreaterThan(0);
    assertThat(lr.pValue()).isBetween(0.0, 0.5);
  }

  @Test
  void oneWayFePoissonEqualsConditionalPoisson() {
    RegressionResult fe = FePoisson.defaults().fit(F, panel);
    CountFit cp = ConditionalPoisson.defaults().fit(data.y, data.x, data.names, data.unit, false);
    double[] b = cp.coefficients();
    for (int j = 0; j < TERMS.length; j++) {
      assertThat(fe.coefficient(TERMS[j]).orElseThrow().estimate())
          .as(TERMS[j])
          .isCloseTo(b[j], org.assertj.core.api.Assertions.within(1e-7 * (0.1 + Math.abs(b[j]))));
    }
  }
}
