package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.WaldTest;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PanelLinearModel and HausmanTest against plm 2.6-2 on Grunfeld (reference/ols/README.md). */
class PanelLinearModelReferenceTest {
  private static final String DIR = "reference/ols/";
  private static final Formula F = Formula.parse("inv ~ value + capital");
  private static List<ReferenceData.Value> ref;
  private static Panel panel;

  @BeforeAll
  static void load() {
    ref = ReferenceData.longFormat(DIR + "ref_grunfeld.csv");
    panel = Panel.readCsv(ReferenceData.path(DIR + "plm_Grunfeld.csv")).withIndex("firm", "year");
  }

  private static void assertRel(double actual, double expected, double tol) {
    assertThat(Tolerances.relErr(actual, expected))
        .as("%s vs %s", actual, expected)
        .isLessThan(tol);
  }

  private static void checkModel(RegressionResult r, String m, List<String> terms) {
    for (String t : terms) {
      assertRel(
          r.coefficient(t).orElseThrow().estimate(), ReferenceData.get(ref, m, "coef", t), 1e-8);
      assertRel(
          r.coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_iid(plm default)", t),
          1e-6);
      assertRel(
          r.withVcov(Vcov.cluster("firm")).coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_arellano_HC0_clgroup", t),
          1e-6);
      assertRel(
          r.withVcov(Vcov.hc0()).coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_white1_HC0", t),
          1e-6);
    }
    assertThat(r.dof()).isEqualTo(ReferenceData.get(ref, m, "df.residual", ""));
    assertRel(r.fitStats().r2().orElseThrow(), ReferenceData.get(ref, m, "r.squared", ""), 1e-9);
    assertRel(
        r.fitStats().adjR2().orElseThrow(), ReferenceData.get(ref, m, "adj.r.squared", ""), 1e-9);
    assertRel(
        Double.parseDouble(
            r.provenance().options().get(m.contains("random") ? "waldChi2" : "fStat")),
        ReferenceData.get(ref, m, "F_stat", ""),
        1e-9);
  }

  @Test
  void pooling() {
    checkModel(
        PanelLinearModel.pooling().fit(F, panel),
        "plm_pooling",
        List.of("(Intercept)", "value", "capital"));
  }

  @Test
  void randomSwamyArora() {
    RegressionResult r = PanelLinearModel.random().fit(F, panel);
    checkModel(r, "plm_random_swar", List.of("(Intercept)", "value", "capital"));
    assertRel(
        r.fitStats().theta().orElseThrow(),
        ReferenceData.get(ref, "plm_random_swar", "theta", ""),
        1e-9);
    assertRel(
        Double.parseDouble(r.provenance().options().get("sigma2Idios")),
        ReferenceData.get(ref, "plm_random_swar", "sigma2_idios", ""),
        1e-9);
    assertRel(
        Double.parseDouble(r.provenance().options().get("sigma2Id")),
        ReferenceData.get(ref, "plm_random_swar", "sigma2_id", ""),
        1e-9);
  }

  @Test
  void within() {
    RegressionResult r = PanelLinearModel.within().fit(F, panel);
    String m = "plm_within_individual";
    for (String t : List.of("value", "capital")) {
      assertRel(
          r.coefficient(t).orElseThrow().estimate(), ReferenceData.get(ref, m, "coef", t), 1e-8);
      assertRel(
          r.coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_iid(plm default)", t),
          1e-6);
      assertRel(
          r.withVcov(Vcov.cluster("firm")).coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_arellano_HC0_clgroup", t),
          1e-6);
      assertRel(
          r.withVcov(Vcov.hc0()).coefficient(t).orElseThrow().stdError(),
          ReferenceData.get(ref, m, "se_white1_HC0", t),
          1e-6);
    }
    assertThat(r.dof()).isEqualTo(188);
  }

  @Test
  void hausmanClassic() {
    HausmanTest h = HausmanTest.classic(F, panel);
    assertRel(h.statistic(), ReferenceData.get(ref, "phtest_fe_vs_re", "chisq", ""), 1e-7);
    assertThat(h.df()).isEqualTo(2);
    assertRel(h.pValue(), ReferenceData.get(ref, "phtest_fe_vs_re", "p.value", ""), 1e-7);
    assertThat(h.notes()).isEmpty();
    assertThat(h.terms()).containsExactly("value", "capital");
  }

  /**
   * plm {@code phtest(method = "aux", vcov = vcovHC(method = "white2", type = "HC3"))}: the Wald
   * statistic of the within-demeaned regressors in the auxiliary regression built by {@link
   * HausmanTest#auxiliary}, with plm's "white2" covariance (one variance per unit, the mean of the
   * squared HC3-scaled residuals e/(1 &minus; h)) computed here, since econ4j has no such type.
   */
  @Test
  void hausmanAuxiliaryRegressionMatchesPlm() {
    PanelLinearModel.Prepared p =
        PanelLinearModel.prepare(F, panel, panel.index().orElseThrow(), Vcov.iid());
    HausmanTest.Auxiliary aux = HausmanTest.auxiliary(p);
    double[][] x = aux.x;
    LeastSquaresFit ls = LeastSquares.defaults().fit(x, aux.y);
    assertThat(ls.rank()).isEqualTo(5);
    double[] h = InferenceData.leverages(ls, x);
    double[] e = ls.residuals();
    int k = x.length;
    double[] s2 = new double[p.g];
    for (int i = 0; i < e.length; i++) {
      double u = e[i] / (1 - h[i]);
      s2[p.unit[i]] += u * u / p.count[p.unit[i]];
    }
    double[][] meat = new double[k][k];
    for (int i = 0; i < e.length; i++) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          meat[a][b] += s2[p.unit[i]] * x[a][i] * x[b][i];
        }
      }
    }
    double[][] v = SymmetricMatrices.sandwich(ls.bread(), meat);
    double[] beta = ls.coefficients();
    double[][] r = new double[2][k];
    r[0][aux.first] = 1;
    r[1][aux.first + 1] = 1;
    WaldTest w =
        WaldTest.of(beta, v, r, new double[2], Double.POSITIVE_INFINITY, WaldTest.Type.CHI2);
    assertRel(
        w.statistic(), ReferenceData.get(ref, "phtest_aux_robust_white2_HC3", "chisq", ""), 1e-9);
    assertRel(
        w.pValue(), ReferenceData.get(ref, "phtest_aux_robust_white2_HC3", "p.value", ""), 1e-9);
  }
}
