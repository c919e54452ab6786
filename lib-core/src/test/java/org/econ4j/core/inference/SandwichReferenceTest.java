package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * fixest and plm standard errors on Grunfeld, recomputed from explicit dummy regressions: the FE
 * are partialled out exactly with {@link LeastSquares} (Frisch-Waugh-Lovell), as an FE estimator
 * would after demeaning, and {@link Sandwich} gets the bread, the scores x&#771;e and the codes.
 */
class SandwichReferenceTest {
  private static final String DATA = "reference/grunfeld/plm_Grunfeld.csv";
  private static final List<ReferenceData.Value> REF =
      ReferenceData.longFormat("reference/grunfeld/ref_grunfeld.csv");
  private static final String[] TERMS = {"value", "capital"};

  private static int[] codes(double[] v) {
    int[] c = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      c[i] = (int) v[i];
    }
    return c;
  }

  private static List<double[]> dummies(int[] codes, boolean dropFirst) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int c : codes) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    List<double[]> out = new ArrayList<>();
    for (int level = dropFirst ? min + 1 : min; level <= max; level++) {
      double[] d = new double[codes.length];
      for (int i = 0; i < codes.length; i++) {
        d[i] = codes[i] == level ? 1 : 0;
      }
      out.add(d);
    }
    return out;
  }

  /** Builds the inference data of inv ~ value + capital | FE (firm, or firm + year). */
  private static InferenceData fe(boolean twoWay) {
    double[] y = ReferenceData.numeric(DATA, "inv");
    double[] value = ReferenceData.numeric(DATA, "value");
    double[] capital = ReferenceData.numeric(DATA, "capital");
    int[] firm = codes(ReferenceData.numeric(DATA, "firm"));
    int[] year = codes(ReferenceData.numeric(DATA, "year"));
    int n = y.length;
    List<double[]> fe = dummies(firm, false);
    if (twoWay) {
      fe.addAll(dummies(year, true));
    }
    double[][] d = fe.toArray(new double[0][]);
    // partial out the FE exactly
    double[][] xt = {
      LeastSquares.defaults().fit(d, value).residuals(),
      LeastSquares.defaults().fit(d, capital).residuals()
    };
    double[] yt = LeastSquares.defaults().fit(d, y).residuals();
    LeastSquaresFit fit = LeastSquares.defaults().fit(xt, yt);
    double[] e = fit.residuals();
    double[][] scores = new double[2][n];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < n; i++) {
        scores[j][i] = xt[j][i] * e[i];
      }
    }
    assertThat(fit.coefficients()[0])
        .isCloseTo(
            ref(twoWay ? "feols_grunfeld_2fe" : "feols_grunfeld_1fe", "coef", "value"),
            within(1e-8 * 0.12));
    InferenceData.Builder b =
        InferenceData.builder(fit.bread(), scores, n)
            .iidScale(fit.rss() / (n - 1))
            .fixefDof(d.length)
            .fixedEffect("firm", firm)
            .cluster("firm", firm);
    if (twoWay) {
      b.fixedEffect("year", year);
    }
    return b.build();
  }

  private static InferenceData pooled() {
    double[] y = ReferenceData.numeric(DATA, "inv");
    int n = y.length;
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1);
    double[][] x = {
      one, ReferenceData.numeric(DATA, "value"), ReferenceData.numeric(DATA, "capital")
    };
    LeastSquaresFit fit = LeastSquares.defaults().fit(x, y);
    double[] e = fit.residuals();
    double[][] scores = new double[3][n];
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < n; i++) {
        scores[j][i] = x[j][i] * e[i];
      }
    }
    return InferenceData.builder(fit.bread(), scores, n)
        .iidScale(fit.rss() / (n - 1))
        .cluster("firm", codes(ReferenceData.numeric(DATA, "firm")))
        .build();
  }

  private static double ref(String model, String quantity, String term) {
    return ReferenceData.get(REF, model, quantity, term);
  }

  private static void check(VcovEstimate v, String model, String quantity, int offset) {
    double[] se = v.standardErrors();
    for (int j = 0; j < TERMS.length; j++) {
      double expected = ref(model, quantity, TERMS[j]);
      assertThat(Tolerances.relErr(se[j + offset], expected))
          .as("%s %s %s", model, quantity, TERMS[j])
          .isLessThan(Tolerances.SE);
    }
  }

  @Test
  void fixestTwoWayFixedEffects() {
    InferenceData d = fe(true);
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    String m = "feols_grunfeld_2fe";
    VcovEstimate iid = Sandwich.compute(d, Vcov.iid(), fx);
    check(iid, m, "se_iid", 0);
    assertThat(iid.parameters()).isEqualTo(31);
    check(Sandwich.compute(d, Vcov.hetero(), fx), m, "se_hetero_fixestdefault", 0);
    check(Sandwich.compute(d, Vcov.hc0(), fx), m, "se_hetero_HC0", 0);
    check(
        Sandwich.compute(d, Vcov.hetero(), fx.withKAdj(false).withClusterAdj(false)),
        m,
        "se_hetero_HC0",
        0);
    VcovEstimate cl = Sandwich.compute(d, Vcov.cluster("firm"), fx);
    check(cl, m, "se_cl_fixestdefault", 0);
    assertThat(cl.parameters()).isEqualTo(22);
    assertThat(cl.tDf()).isEqualTo(9);
    assertThat(cl.clusters()).containsExactly(10);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), fx.withKAdj(false).withClusterAdj(false)),
        m,
        "se_cl_noadj",
        0);
    VcovEstimate full =
        Sandwich.compute(d, Vcov.cluster("firm"), fx.withFixefK(SmallSampleCorrection.FixefK.FULL));
    check(full, m, "se_cl_Kfixef_full", 0);
    assertThat(full.parameters()).isEqualTo(31);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.stataAreg()),
        m,
        "se_cl_Kfixef_full",
        0);
    // plm within twoways: iid and arellano HC0 clustered on the group
    check(
        Sandwich.compute(d, Vcov.iid(), SmallSampleCorrection.plm()),
        "plm_within_twoways",
        "se_iid(plm default)",
        0);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.plm()),
        "plm_within_twoways",
        "se_arellano_HC0_clgroup",
        0);
    check(
        Sandwich.compute(d, Vcov.hc0(), SmallSampleCorrection.plm()),
        "plm_within_twoways",
        "se_white1_HC0",
        0);
  }

  @Test
  void fixestOneWayFixedEffects() {
    InferenceData d = fe(false);
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    String m = "feols_grunfeld_1fe";
    check(Sandwich.compute(d, Vcov.iid(), fx), m, "se_iid", 0);
    check(Sandwich.compute(d, Vcov.hetero(), fx), m, "se_hetero_fixestdefault", 0);
    check(Sandwich.compute(d, Vcov.hc0(), fx), m, "se_hetero_HC0", 0);
    VcovEstimate cl = Sandwich.compute(d, Vcov.cluster("firm"), fx);
    check(cl, m, "se_cl_fixestdefault", 0);
    assertThat(cl.parameters()).isEqualTo(3);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.stataXtreg()),
        m,
        "se_cl_fixestdefault",
        0);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.stataReghdfe()),
        m,
        "se_cl_fixestdefault",
        0);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), fx.withFixefK(SmallSampleCorrection.FixefK.FULL)),
        m,
        "se_cl_Kfixef_full",
        0);
    check(
        Sandwich.compute(d, Vcov.iid(), SmallSampleCorrection.plm()),
        "plm_within_individual",
        "se_iid(plm default)",
        0);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.plm()),
        "plm_within_individual",
        "se_arellano_HC0_clgroup",
        0);
  }

  @Test
  void plmPooling() {
    InferenceData d = pooled();
    check(
        Sandwich.compute(d, Vcov.iid(), SmallSampleCorrection.plm()),
        "plm_pooling",
        "se_iid(plm default)",
        1);
    check(
        Sandwich.compute(d, Vcov.cluster("firm"), SmallSampleCorrection.plm()),
        "plm_pooling",
        "se_arellano_HC0_clgroup",
        1);
    check(
        Sandwich.compute(d, Vcov.hc0(), SmallSampleCorrection.plm()),
        "plm_pooling",
        "se_white1_HC0",
        1);
  }
}
