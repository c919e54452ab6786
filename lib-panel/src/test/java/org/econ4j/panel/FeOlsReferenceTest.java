package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FeOls against fixest 0.14.2 and lm with dummies (reference/ols/README.md). */
class FeOlsReferenceTest {
  private static final String DIR = "reference/ols/";
  private static List<ReferenceData.Value> trade;
  private static List<ReferenceData.Value> grunfeld;
  private static Panel tradePanel;
  private static Panel grunfeldPanel;
  private static RegressionResult tradeFit;

  /** Tight demeaning so that the reference tolerances (1e-8 relative) are met. */
  private static final FeOls TIGHT =
      FeOls.defaults().withDemeaner(Demeaner.defaults().withTolerance(1e-12));

  @BeforeAll
  static void load() throws java.io.IOException {
    trade = ReferenceData.longFormat(DIR + "ref_trade.csv");
    grunfeld = ReferenceData.longFormat(DIR + "ref_grunfeld.csv");
    try (java.io.Reader in =
        new java.io.InputStreamReader(
            new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(
                    ReferenceData.path(DIR + "fixest_trade.csv.gz"))),
            java.nio.charset.StandardCharsets.UTF_8)) {
      tradePanel = Panel.readCsv(in, CsvOptions.defaults());
    }
    grunfeldPanel =
        Panel.readCsv(ReferenceData.path(DIR + "plm_Grunfeld.csv")).withIndex("firm", "year");
    tradeFit =
        TIGHT
            .withClusters("Origin", "Destination")
            .fit(
                Formula.parse("log(Euros) ~ log(dist_km) | Origin + Destination + Product + Year"),
                tradePanel);
  }

  private static double ref(List<ReferenceData.Value> v, String model, String q, String term) {
    return ReferenceData.get(v, model, q, term);
  }

  private static void assertRel(double actual, double expected, double tol) {
    assertThat(Tolerances.relErr(actual, expected))
        .as("%s vs %s", actual, expected)
        .isLessThan(tol);
  }

  private static double se(RegressionResult r, String term) {
    return r.coefficient(term).orElseThrow().stdError();
  }

  @Test
  void tradeCoefficientAndIid() {
    String m = "feols_trade_4fe";
    String t = "log(dist_km)";
    assertRel(tradeFit.coefficient(t).orElseThrow().estimate(), ref(trade, m, "coef", t), 1e-8);
    assertRel(se(tradeFit, t), ref(trade, m, "se_iid", t), Tolerances.SE);
    assertThat(tradeFit.nobs()).isEqualTo(38325);
    assertThat(tradeFit.vcov().tDf()).isEqualTo(38325 - 58);
    SmallSampleCorrection noK = SmallSampleCorrection.fixest().withKAdj(false);
    assertRel(se(tradeFit.withVcov(Vcov.iid(), noK), t), ref(trade, m, "se_iid_noKadj", t), 1e-6);
    // lm with dummies
    assertRel(
        tradeFit.coefficient(t).orElseThrow().estimate(),
        ref(trade, "lm_dummies_trade", "coef", t),
        1e-8);
  }

  @Test
  void tradeHeteroAndCluster() {
    String m = "feols_trade_4fe";
    String t = "log(dist_km)";
    SmallSampleCorrection f = SmallSampleCorrection.fixest();
    assertRel(
        se(tradeFit.withVcov(Vcov.hetero()), t), ref(trade, m, "se_hetero_fixestdefault", t), 1e-6);
    assertRel(
        se(tradeFit.withVcov(Vcov.hetero(), f.withKAdj(false).withClusterAdj(false)), t),
        ref(trade, m, "se_hetero_HC0", t),
        1e-6);
    assertRel(
        se(tradeFit.withVcov(Vcov.cluster("Origin")), t),
        ref(trade, m, "se_cl_Origin_fixestdefault", t),
        1e-6);
    assertRel(
        se(tradeFit.withVcov(Vcov.cluster("Origin"), f.withKAdj(false).withClusterAdj(false)), t),
        ref(trade, m, "se_cl_Origin_noadj", t),
        1e-6);
    assertRel(
        se(tradeFit.withVcov(Vcov.cluster("Origin"), f.withKAdj(false)), t),
        ref(trade, m, "se_cl_Origin_G/(G-1)only", t),
        1e-6);
    RegressionResult full =
        tradeFit.withVcov(Vcov.cluster("Origin"), f.withFixefK(SmallSampleCorrection.FixefK.FULL));
    assertRel(se(full, t), ref(trade, m, "se_cl_Origin_Kfixef_full", t), 1e-6);
    // lm + sandwich::vcovCL(type = "HC1") counts every dummy: fixest K.fixef = "full"
    assertRel(se(full, t), ref(trade, "lm_dummies_trade", "se_CL_Origin_HC1(sandwich)", t), 1e-6);
    RegressionResult two = tradeFit.withVcov(Vcov.cluster("Origin", "Destination"));
    assertRel(se(two, t), ref(trade, m, "se_cl_twoway_Orig+Dest", t), 1e-6);
    // lm + sandwich cross-check: HC1 with all dummies counted
    assertRel(
        se(tradeFit.withVcov(Vcov.hetero()), t),
        ref(trade, "lm_dummies_trade", "se_HC1(sandwich)", t),
        1e-6);
  }

  @Test
  void tradeFitStatistics() {
    String m = "feols_trade_4fe";
    assertRel(tradeFit.fitStats().r2().orElseThrow(), ref(trade, m, "r2_", ""), 1e-8);
    assertRel(tradeFit.fitStats().adjR2().orElseThrow(), ref(trade, m, "adj_r2", ""), 1e-8);
    assertRel(tradeFit.fitStats().withinR2().orElseThrow(), ref(trade, m, "within_r2", ""), 1e-8);
    assertRel(tradeFit.fitStats().logLik().orElseThrow(), ref(trade, m, "logLik", ""), 1e-10);
    assertRel(tradeFit.fitStats().rmse().orElseThrow(), ref(trade, m, "rmse", ""), 1e-10);
  }

  @Test
  void tradeDefaultTolerance() {
    RegressionResult r =
        FeOls.defaults()
            .fit(
                Formula.parse("log(Euros) ~ log(dist_km) | Origin + Destination + Product + Year"),
                tradePanel);
    assertRel(
        r.coefficient("log(dist_km)").orElseThrow().estimate(),
        ref(trade, "feols_trade_4fe", "coef", "log(dist_km)"),
        1e-6);
  }

  @Test
  void grunfeldFixest() {
    for (String fes : new String[] {"firm", "firm + year"}) {
      String m = fes.equals("firm") ? "feols_grunfeld_1fe" : "feols_grunfeld_2fe";
      RegressionResult r =
          TIGHT.fit(Formula.parse("inv ~ value + capital | " + fes), grunfeldPanel);
      SmallSampleCorrection f = SmallSampleCorrection.fixest();
      for (String t : new String[] {"value", "capital"}) {
        assertRel(r.coefficient(t).orElseThrow().estimate(), ref(grunfeld, m, "coef", t), 1e-8);
        assertRel(se(r, t), ref(grunfeld, m, "se_iid", t), 1e-6);
        assertRel(
            se(r.withVcov(Vcov.hetero()), t), ref(grunfeld, m, "se_hetero_fixestdefault", t), 1e-6);
        assertRel(se(r.withVcov(Vcov.hc0()), t), ref(grunfeld, m, "se_hetero_HC0", t), 1e-6);
        assertRel(
            se(r.withVcov(Vcov.cluster("firm")), t),
            ref(grunfeld, m, "se_cl_fixestdefault", t),
            1e-6);
        assertRel(
            se(r.withVcov(Vcov.cluster("firm"), f.withKAdj(false).withClusterAdj(false)), t),
            ref(grunfeld, m, "se_cl_noadj", t),
            1e-6);
        assertRel(
            se(
                r.withVcov(Vcov.cluster("firm"), f.withFixefK(SmallSampleCorrection.FixefK.FULL)),
                t),
            ref(grunfeld, m, "se_cl_Kfixef_full", t),
            1e-6);
      }
      assertRel(r.fitStats().logLik().orElseThrow(), ref(grunfeld, m, "logLik", ""), 1e-10);
      assertRel(r.fitStats().r2().orElseThrow(), ref(grunfeld, m, "r2", ""), 1e-9);
      assertRel(r.fitStats().withinR2().orElseThrow(), ref(grunfeld, m, "within_r2", ""), 1e-9);
    }
  }

  @Test
  void grunfeldPlmWithinStatisticsAndFixedEffects() {
    FeOlsResult r = TIGHT.estimate(Formula.parse("inv ~ value + capital | firm"), grunfeldPanel);
    String m = "plm_within_individual";
    // fixest war2 = 1 - (1 - wr2)(n - nb_fe)/(n - nb_fe - K); plm: (n - 1)/(n - nb_fe - K)
    double wr2 = ref(grunfeld, m, "r.squared", "");
    assertRel(
        r.result().fitStats().withinAdjR2().orElseThrow(),
        1 - (1 - wr2) * (200.0 - 10) / (200 - 10 - 2),
        1e-9);
    assertRel(1 - (1 - wr2) * 199.0 / 188, ref(grunfeld, m, "adj.r.squared", ""), 1e-9);
    assertRel(r.fTest().orElseThrow().statistic(), ref(grunfeld, m, "F_stat", ""), 1e-9);
    for (int g = 1; g <= 10; g++) {
      assertThat(r.fixedEffect("firm", Integer.toString(g)).orElseThrow())
          .isCloseTo(ref(grunfeld, m, "fixef(firm)", "firm" + g), within(1e-7));
    }
    RegressionResult two =
        TIGHT.fit(Formula.parse("inv ~ value + capital | firm + year"), grunfeldPanel);
    double wr2two = ref(grunfeld, "plm_within_twoways", "r.squared", "");
    assertRel(
        two.fitStats().withinAdjR2().orElseThrow(),
        1 - (1 - wr2two) * (200.0 - 29) / (200 - 29 - 2),
        1e-9);
    assertRel(
        1 - (1 - wr2two) * 199.0 / 169,
        ref(grunfeld, "plm_within_twoways", "adj.r.squared", ""),
        1e-9);
  }

  @Test
  void grunfeldPooledOlsWithoutFixedEffects() {
    FeOlsResult r = TIGHT.estimate(Formula.parse("inv ~ value + capital"), grunfeldPanel);
    String m = "plm_pooling";
    for (String t : new String[] {"(Intercept)", "value", "capital"}) {
      assertRel(
          r.result().coefficient(t).orElseThrow().estimate(), ref(grunfeld, m, "coef", t), 1e-8);
      assertRel(se(r.result(), t), ref(grunfeld, m, "se_iid(plm default)", t), 1e-6);
      assertRel(se(r.result().withVcov(Vcov.hc0()), t), ref(grunfeld, m, "se_white1_HC0", t), 1e-6);
    }
    assertRel(r.result().fitStats().r2().orElseThrow(), ref(grunfeld, m, "r.squared", ""), 1e-9);
    assertRel(
        r.result().fitStats().adjR2().orElseThrow(), ref(grunfeld, m, "adj.r.squared", ""), 1e-9);
    assertRel(r.fTest().orElseThrow().statistic(), ref(grunfeld, m, "F_stat", ""), 1e-9);
  }
}
