package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fixest on its trade data: {@code log(Euros) ~ log(dist_km) | Origin + Destination + Product +
 * Year}, recomputed with the four FE as explicit dummy columns partialled out by {@link
 * LeastSquares}; every fixest standard error of reference/fixest/ref_trade_feols.csv (iid with and
 * without K.adj, hetero, HC0, clustered by Origin with three ssc settings, two-way Origin +
 * Destination) and fixest's df.K.
 */
class SandwichTradeReferenceTest {
  private static final String MODEL = "feols_trade_4fe";
  private static final String TERM = "log(dist_km)";
  private static List<ReferenceData.Value> ref;
  private static InferenceData data;
  private static double coefficient;
  private static org.econ4j.core.FitStats stats;

  @BeforeAll
  static void fit() throws IOException {
    ref = ReferenceData.longFormat("reference/fixest/ref_trade_feols.csv");
    List<String[]> rows = new ArrayList<>();
    try (InputStream in =
            SandwichTradeReferenceTest.class
                .getClassLoader()
                .getResourceAsStream("reference/fixest/fixest_trade.csv.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(line.replace("\"", "").split(","));
      }
    }
    int n = rows.size();
    int[][] codes = new int[4][n]; // Destination, Origin, Product, Year
    List<Map<String, Integer>> maps = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      maps.add(new HashMap<>());
    }
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(i);
      for (int f = 0; f < 4; f++) {
        Map<String, Integer> m = maps.get(f);
        codes[f][i] = m.computeIfAbsent(row[f], k -> m.size());
      }
      x[i] = Math.log(Double.parseDouble(row[4]));
      y[i] = Math.log(Double.parseDouble(row[5]));
    }
    List<double[]> dummies = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      int levels = maps.get(f).size();
      for (int level = f == 0 ? 0 : 1; level < levels; level++) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = codes[f][i] == level ? 1 : 0;
        }
        dummies.add(d);
      }
    }
    double[][] dm = dummies.toArray(new double[0][]);
    double[][] xt = {LeastSquares.defaults().fit(dm, x).residuals()};
    double[] yt = LeastSquares.defaults().fit(dm, y).residuals();
    LeastSquaresFit fit = LeastSquares.defaults().fit(xt, yt);
    coefficient = fit.coefficients()[0];
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double tss = 0;
    double wtss = 0;
    for (int i = 0; i < n; i++) {
      tss += (y[i] - mean) * (y[i] - mean);
      wtss += yt[i] * yt[i];
    }
    stats = org.econ4j.core.FitStats.forLeastSquares(fit.rss(), tss, wtss, n, 1, dm.length);
    data =
        InferenceData.forLeastSquares(fit, xt)
            .fixefDof(dm.length)
            .fixedEffect("Destination", codes[0])
            .fixedEffect("Origin", codes[1])
            .fixedEffect("Product", codes[2])
            .fixedEffect("Year", codes[3])
            .build();
  }

  private static void check(Vcov v, SmallSampleCorrection s, String tag, int dfK) {
    VcovEstimate e = Sandwich.compute(data, v, s);
    double expected = ReferenceData.get(ref, MODEL, "se_" + tag, TERM);
    assertThat(Tolerances.relErr(e.standardErrors()[0], expected))
        .as(tag)
        .isLessThan(Tolerances.SE);
    assertThat(e.parameters()).as("df.K of " + tag).isEqualTo(dfK);
    assertThat((double) dfK).isEqualTo(ReferenceData.get(ref, MODEL, "df.K_" + tag, ""));
  }

  @Test
  void coefficientMatches() {
    double expected = ReferenceData.get(ref, MODEL, "coef", TERM);
    assertThat(Tolerances.relErr(coefficient, expected)).isLessThan(Tolerances.COEF);
  }

  @Test
  void fitStatistics() {
    double tol = 1e-9;
    assertThat(
            Tolerances.relErr(stats.r2().orElseThrow(), ReferenceData.get(ref, MODEL, "r2_", "")))
        .isLessThan(tol);
    assertThat(
            Tolerances.relErr(
                stats.adjR2().orElseThrow(), ReferenceData.get(ref, MODEL, "adj_r2", "")))
        .isLessThan(tol);
    assertThat(
            Tolerances.relErr(
                stats.withinR2().orElseThrow(), ReferenceData.get(ref, MODEL, "within_r2", "")))
        .isLessThan(tol);
    assertThat(
            Tolerances.relErr(
                stats.rmse().orElseThrow(), ReferenceData.get(ref, MODEL, "rmse", "")))
        .isLessThan(tol);
    assertThat(
            Tolerances.relErr(
                stats.logLik().orElseThrow(), ReferenceData.get(ref, MODEL, "logLik", "")))
        .isLessThan(tol);
  }

  @Test
  void iidAndHetero() {
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    check(Vcov.iid(), fx, "iid", 58);
    check(Vcov.iid(), fx.withKAdj(false), "iid_noKadj", 58);
    check(Vcov.hetero(), fx, "hetero_fixestdefault", 58);
    check(Vcov.hetero(), fx.withKAdj(false).withClusterAdj(false), "hetero_HC0", 58);
    check(Vcov.hc0(), fx, "hetero_HC0", 58);
  }

  @Test
  void clustered() {
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    check(Vcov.cluster("Origin"), fx, "cl_Origin_fixestdefault", 44);
    check(Vcov.cluster("Origin"), fx.withKAdj(false).withClusterAdj(false), "cl_Origin_noadj", 44);
    check(Vcov.cluster("Origin"), fx.withKAdj(false), "cl_Origin_G/(G-1)only", 44);
    check(Vcov.cluster("Origin", "Destination"), fx, "cl_twoway_Orig+Dest", 30);
    VcovEstimate two = Sandwich.compute(data, Vcov.cluster("Origin", "Destination"), fx);
    assertThat(two.tDf()).isEqualTo(14);
    assertThat(two.clusters()).containsExactly(15, 15);
  }
}
