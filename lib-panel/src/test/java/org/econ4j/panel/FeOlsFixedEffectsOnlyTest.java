package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Models with fixed effects and no regressor ({@code y ~ 1 | fe}), as fixest {@code feols}. */
class FeOlsFixedEffectsOnlyTest {
  private static final Panel P = OlsTestData.panel(11, 8, 5, 3);
  private static final FeOls TIGHT =
      FeOls.defaults()
          .withDemeaner(Demeaner.defaults().withTolerance(1e-13))
          .withSingletonRemoval(false);

  @Test
  void oneFixedEffectHasNoCoefficientsAndTheFixedEffectFit() {
    FeOlsResult d = FeOls.defaults().estimate(Formula.parse("y ~ 1 | unit"), P);
    RegressionResult r = d.result();
    assertThat(r.coefficients()).isEmpty();
    assertThat(r.vcovMatrix()).isEmpty();
    assertThat(r.fixedEffectNames()).containsExactly("unit");
    assertThat(r.nobs()).isEqualTo(40);
    assertThat(r.dof()).isEqualTo(40 - 8);
    assertThat(d.fTest()).isEmpty();
    assertThat(r.provenance().options()).doesNotContainKey("fStat");
    // residuals are y minus its unit means
    double[] y = P.numeric("y");
    double[] e = d.residuals();
    double rss = 0;
    double tss = 0;
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    for (int u = 0; u < 8; u++) {
      double m = 0;
      for (int t = 0; t < 5; t++) {
        m += y[u * 5 + t] / 5;
      }
      for (int t = 0; t < 5; t++) {
        int i = u * 5 + t;
        assertThat(e[i]).isCloseTo(y[i] - m, within(1e-12));
        assertThat(d.fitted()[i]).isCloseTo(m, within(1e-12));
        rss += e[i] * e[i];
        tss += (y[i] - mean) * (y[i] - mean);
      }
    }
    double r2 = 1 - rss / tss;
    assertThat(r.fitStats().r2().orElseThrow()).isCloseTo(r2, within(1e-12));
    assertThat(r.fitStats().adjR2().orElseThrow())
        .isCloseTo(1 - (1 - r2) * 39.0 / 32.0, within(1e-12));
    assertThat(r.fitStats().withinR2().orElseThrow()).isEqualTo(0.0);
    assertThat(r.fitStats().rmse().orElseThrow()).isCloseTo(Math.sqrt(rss / 40), within(1e-12));
    assertThat(r.fitStats().logLik().orElseThrow())
        .isCloseTo(-20 * (Math.log(2 * Math.PI) + Math.log(rss / 40) + 1), within(1e-9));
    // fixed effects recovered and prediction on the estimation data gives the fitted values
    assertThat(d.fixedEffect("unit", "u0").orElseThrow()).isCloseTo(d.fitted()[0], within(1e-12));
    double[] pred = d.predict(P);
    for (int i = 0; i < 40; i++) {
      assertThat(pred[i]).isCloseTo(d.fitted()[i], within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void equalsLeastSquaresOnExplicitDummies(long seed) {
    Panel p = OlsTestData.panel(seed, 8, 5, 3);
    for (String spec :
        List.of("y ~ 0 | unit", "y ~ 1 | unit + year", "y ~ 1 | unit + year + firm")) {
      equalsLeastSquaresOnExplicitDummies(p, Formula.parse(spec), false);
      equalsLeastSquaresOnExplicitDummies(p, Formula.parse(spec), true);
    }
  }

  private static void equalsLeastSquaresOnExplicitDummies(Panel p, Formula f, boolean weighted) {
    FeOlsResult d = (weighted ? TIGHT.withWeights("w") : TIGHT).estimate(f, p);
    RegressionResult r = d.result();
    assertThat(r.coefficients()).isEmpty();
    double[][] dummies = dummies(p, f.fixedEffects().size());
    double[] w = p.numeric("w");
    if (!weighted) {
      java.util.Arrays.fill(w, 1);
    }
    LeastSquaresFit ls = LeastSquares.defaults().fit(dummies, p.numeric("y"), w);
    double rss = ls.rss();
    assertThat(r.fitStats().rmse().orElseThrow()).isCloseTo(Math.sqrt(rss / 40), within(1e-10));
    double[] fit = ls.fitted();
    for (int i = 0; i < 40; i++) {
      assertThat(d.fitted()[i]).isCloseTo(fit[i], within(1e-9));
    }
    int params = ls.rank();
    assertThat(r.dof()).isEqualTo(40 - params);
    double[] y = p.numeric("y");
    double sw = 0;
    double mean = 0;
    for (int i = 0; i < 40; i++) {
      sw += w[i];
      mean += w[i] * y[i];
    }
    mean /= sw;
    double tss = 0;
    for (int i = 0; i < 40; i++) {
      tss += w[i] * (y[i] - mean) * (y[i] - mean);
    }
    double r2 = 1 - rss / tss;
    assertThat(r.fitStats().r2().orElseThrow()).isCloseTo(r2, within(1e-10));
    assertThat(r.fitStats().withinR2().orElseThrow()).isEqualTo(0.0);
    assertThat(r.fitStats().adjR2().orElseThrow())
        .isCloseTo(1 - (1 - r2) * 39.0 / (40 - params), within(1e-10));
  }

  /** Intercept plus the dummies of the first m dimensions of unit, year, firm (first dropped). */
  private static double[][] dummies(Panel p, int m) {
    List<String> dims = List.of("unit", "year", "firm");
    java.util.List<double[]> cols = new java.util.ArrayList<>();
    double[] one = new double[40];
    java.util.Arrays.fill(one, 1);
    cols.add(one);
    for (int d = 0; d < m; d++) {
      String name = dims.get(d);
      List<String> labels = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String l = p.label(name, i);
        if (!labels.contains(l)) {
          labels.add(l);
        }
      }
      for (int l = 1; l < labels.size(); l++) {
        double[] c = new double[40];
        for (int i = 0; i < 40; i++) {
          c[i] = p.label(name, i).equals(labels.get(l)) ? 1 : 0;
        }
        cols.add(c);
      }
    }
    return cols.toArray(new double[0][]);
  }

  @Test
  void inferenceTableAndWithVcovCopeWithNoCoefficients() {
    RegressionResult r =
        FeOls.defaults().withVcov(Vcov.cluster("unit")).fit(Formula.parse("y ~ 1 | unit"), P);
    assertThat(r.coefficients()).isEmpty();
    assertThat(r.withVcov(Vcov.hetero()).coefficients()).isEmpty();
    assertThat(r.withVcov(Vcov.hc3()).vcovMatrix()).isEmpty();
    RegressionResult withX = FeOls.defaults().fit(Formula.parse("y ~ x1 | unit"), P);
    String text = RegressionTable.of(r, withX).render(TableFormat.TEXT);
    assertThat(text).contains("unit").contains("x1").contains("R2");
    for (TableFormat tf : TableFormat.values()) {
      assertThat(RegressionTable.of(r).render(tf)).isNotEmpty();
    }
  }

  @Test
  void withoutFixedEffectsOrRegressorsIsAnError() {
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("y ~ 0"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "formula 'y ~ 0' has no regressor and no fixed effect to estimate; add a term, an"
                + " intercept (y ~ 1) or fixed effects (y ~ 1 | fe) on the right-hand side");
  }

  @Test
  void outcomeFullyExplainedByTheFixedEffectsIsAnError() {
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("year ~ 1 | year"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'year' is fully explained by the fixed effects 'year' in formula 'year ~ 1 |"
                + " year' (no variation left within them); nothing is left to model, check the"
                + " outcome or remove fixed effects");
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("year ~ x1 | unit + year"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith(
            "outcome 'year' is fully explained by the fixed effects 'unit', 'year' in formula");
  }

  @Test
  void withinPanelModelWithOnlyTheUnitEffect() {
    Panel p = P.withIndex("unit", "year");
    RegressionResult within = PanelLinearModel.within().fit(Formula.parse("y ~ 1"), p);
    RegressionResult fe =
        FeOls.defaults().withSingletonRemoval(false).fit(Formula.parse("y ~ 1 | unit"), p);
    assertThat(within.coefficients()).isEmpty();
    assertThat(within.fitStats().r2().orElseThrow())
        .isCloseTo(fe.fitStats().r2().orElseThrow(), within(1e-12));
    assertThatThrownBy(() -> PanelLinearModel.pooling().fit(Formula.parse("y ~ 0"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "formula 'y ~ 0' has no regressor to estimate; add at least one term on the"
                + " right-hand side");
  }

  /**
   * fixest_trade, {@code log(Euros) ~ 1 | Origin + Destination}: the fit statistics equal least
   * squares on an intercept and explicit Origin and Destination dummies (no fixest reference file
   * has this model, so the expected values are computed here).
   */
  @Test
  void tradeGravityWithOnlyFixedEffectsEqualsExplicitDummies() throws java.io.IOException {
    Panel trade;
    try (java.io.Reader in =
        new java.io.InputStreamReader(
            new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(
                    org.econ4j.testing.ReferenceData.path("reference/ols/fixest_trade.csv.gz"))),
            java.nio.charset.StandardCharsets.UTF_8)) {
      trade = Panel.readCsv(in, org.econ4j.panel.CsvOptions.defaults());
    }
    FeOlsResult d =
        FeOls.defaults()
            .withDemeaner(Demeaner.defaults().withTolerance(1e-12))
            .estimate(Formula.parse("log(Euros) ~ 1 | Origin + Destination"), trade);
    RegressionResult r = d.result();
    assertThat(r.coefficients()).isEmpty();
    double[] euros = trade.numeric("Euros");
    int n = euros.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.log(euros[i]);
    }
    List<double[]> cols = new java.util.ArrayList<>();
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1);
    cols.add(one);
    for (String dim : List.of("Origin", "Destination")) {
      String[] lab = trade.labels(dim);
      java.util.TreeSet<String> levels = new java.util.TreeSet<>(java.util.Arrays.asList(lab));
      levels.pollFirst();
      for (String level : levels) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
          c[i] = lab[i].equals(level) ? 1 : 0;
        }
        cols.add(c);
      }
    }
    LeastSquaresFit ls = LeastSquares.defaults().fit(cols.toArray(new double[0][]), y);
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double tss = 0;
    for (double v : y) {
      tss += (v - mean) * (v - mean);
    }
    double r2 = 1 - ls.rss() / tss;
    int k = ls.rank();
    assertThat(r.nobs()).isEqualTo(n);
    assertThat(r.dof()).isEqualTo(n - k);
    assertThat(r.fitStats().r2().orElseThrow()).isCloseTo(r2, within(1e-9));
    assertThat(r.fitStats().adjR2().orElseThrow())
        .isCloseTo(1 - (1 - r2) * (n - 1.0) / (n - k), within(1e-9));
    assertThat(r.fitStats().rmse().orElseThrow()).isCloseTo(Math.sqrt(ls.rss() / n), within(1e-9));
    assertThat(r.fitStats().withinR2().orElseThrow()).isEqualTo(0.0);
    double[] fit = ls.fitted();
    double[] fitted = d.fitted();
    for (int i = 0; i < n; i += 97) {
      assertThat(fitted[i]).isCloseTo(fit[i], within(1e-8));
    }
  }
}
