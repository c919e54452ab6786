package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.econ4j.core.ConvergenceException;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

class FeOlsTest {
  private static final Panel P = OlsTestData.panel(11, 12, 6, 5);

  private static Panel withColumn(Panel p, String name, double[] v) {
    return p.withColumn(name, v);
  }

  @Test
  void absorbedAndCollinearRegressorsAreNamed() {
    double[] x1 = P.numeric("x1");
    double[] x2 = P.numeric("x2");
    double[] year = P.numeric("year");
    double[] x4 = new double[x1.length];
    double[] x3 = new double[x1.length];
    for (int i = 0; i < x1.length; i++) {
      x4[i] = 2 * x1[i] - x2[i];
      x3[i] = year[i] * year[i];
    }
    Panel p = withColumn(withColumn(P, "x3", x3), "x4", x4);
    RegressionResult r =
        FeOls.defaults().fit(Formula.parse("y ~ x1 + x2 + x3 + x4 | unit + year"), p);
    assertThat(r.keptTerms()).containsExactly("x1", "x2");
    assertThat(r.terms()).containsExactly("x1", "x2", "x3", "x4");
    assertThat(r.dropped())
        .containsExactly(
            new DroppedTerm("x3", DroppedTerm.Reason.ABSORBED, java.util.List.of("year")),
            new DroppedTerm("x4", DroppedTerm.Reason.COLLINEAR, java.util.List.of("x1", "x2")));
    assertThat(r.notes())
        .extracting(Note::message)
        .contains("x3 is absorbed by the fixed effect 'year'", "x4 is collinear with x1, x2");
    assertThat(r.notes()).extracting(Note::kind).contains(Note.Kind.ABSORBED, Note.Kind.COLLINEAR);
    String table =
        org.econ4j.core.table.RegressionTable.of(r).render(org.econ4j.core.table.TableFormat.TEXT);
    assertThat(table).contains("x1", "(absorbed)", "(collinear)", "x4 is collinear with x1, x2");
  }

  @Test
  void absorptionByACombinationSurvivesApproximateDemeaning() {
    double[] year = P.numeric("year");
    String[] unit = P.labels("unit");
    double[] z = new double[year.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = 0.3 * year[i] + unit[i].length() + Integer.parseInt(unit[i].substring(1));
    }
    Panel p = P.withColumn("z", z);
    RegressionResult r = FeOls.defaults().fit(Formula.parse("y ~ x1 + z | unit + year + firm"), p);
    assertThat(r.keptTerms()).containsExactly("x1");
    assertThat(r.notes())
        .extracting(Note::message)
        .contains("z is absorbed by the fixed effects 'unit', 'year', 'firm'");
  }

  @Test
  void inputsUnchangedAndFittedPlusResidualsIsY() {
    double[] y0 = P.numeric("y");
    double[] x0 = P.numeric("x1");
    FeOlsResult r = FeOls.defaults().estimate(Formula.parse("y ~ x1 + x2 | unit + year"), P);
    assertThat(P.numeric("y")).containsExactly(y0);
    assertThat(P.numeric("x1")).containsExactly(x0);
    double[] f = r.fitted();
    double[] e = r.residuals();
    double[] y = r.response();
    for (int i = 0; i < y.length; i++) {
      assertThat(f[i] + e[i]).isCloseTo(y[i], within(1e-12));
    }
    assertThat(r.keptRows()).hasSize(P.rows());
    assertThat(r.fTest()).isPresent();
    assertThat(r.result().fixedEffectNames()).containsExactly("unit", "year");
  }

  @Test
  void predictReproducesFittedAndGivesNaNForUnseenLevels() {
    FeOls est = FeOls.defaults().withDemeaner(Demeaner.defaults().withTolerance(1e-12));
    FeOlsResult r = est.estimate(Formula.parse("y ~ x1 + x2 | unit + year"), P);
    double[] pred = r.predict(P);
    double[] fit = r.fitted();
    for (int i = 0; i < fit.length; i++) {
      assertThat(pred[i]).isCloseTo(fit[i], within(1e-8));
    }
    String[] units = P.labels("unit");
    units[0] = "never-seen";
    Panel q = P.withCategorical("unit", units);
    double[] p2 = r.predict(q);
    assertThat(p2[0]).isNaN();
    assertThat(p2[1]).isCloseTo(fit[1], within(1e-8));
  }

  @Test
  void plainOlsHasAnIntercept() {
    RegressionResult r = FeOls.defaults().fit(Formula.parse("y ~ x1 + x2"), P);
    assertThat(r.keptTerms()).containsExactly("(Intercept)", "x1", "x2");
    assertThat(r.fitStats().withinR2()).isEmpty();
    assertThat(r.dof()).isEqualTo(P.rows() - 3);
  }

  @Test
  void leanResultRefusesWithVcov() {
    RegressionResult r = FeOls.defaults().lean().fit(Formula.parse("y ~ x1 | unit"), P);
    assertThat(r.isLean()).isTrue();
    assertThatThrownBy(() -> r.withVcov(Vcov.hetero()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lean()");
  }

  @Test
  void fewerObservationsThanParameters() {
    Panel small = P.selectRows(new int[] {0, 1, 2});
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("y ~ x1 + x2 + year + w"), small))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "fewer observations than parameters in formula 'y ~ x1 + x2 + year + w': 3"
                + " observations for 5 parameters (5 regressors + 0 fixed-effect parameters); use"
                + " more data or fewer regressors or fixed effects");
  }

  @Test
  void everyRegressorAbsorbed() {
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("y ~ year | unit + year"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "every regressor in formula 'y ~ year | unit + year' is collinear or absorbed by the"
                + " fixed effects (year absorbed by 'year'); nothing is left to estimate, remove"
                + " those terms or fixed effects");
  }

  @Test
  void zeroVarianceOutcome() {
    double[] c = new double[P.rows()];
    Arrays.fill(c, 3);
    Panel p = P.withColumn("c", c);
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("c ~ x1 | unit"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'c' has no variation: all 72 values used equal 3; a constant outcome cannot"
                + " be modelled, check the data or the subset");
  }

  @Test
  void nonIntegerFixedEffectOrClusterIsAnError() {
    assertThatThrownBy(() -> FeOls.defaults().fit(Formula.parse("y ~ x1 | x2"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("fixed effect 'x2' is numeric with non-integer values");
    assertThatThrownBy(
            () ->
                FeOls.defaults()
                    .withVcov(Vcov.cluster("x2"))
                    .fit(Formula.parse("y ~ x1 | unit"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("cluster column 'x2' is numeric with non-integer values");
  }

  @Test
  void missingFixedEffectOrClusterValuesDropRowsWithANote() {
    double[] firm = P.numeric("firm");
    firm[3] = Double.NaN;
    firm[7] = Double.NaN;
    Panel p = P.withColumn("firm", firm);
    RegressionResult r = FeOls.defaults().fit(Formula.parse("y ~ x1 | unit + firm"), p);
    assertThat(r.nobs()).isEqualTo(P.rows() - 2);
    assertThat(r.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.MISSING);
              assertThat(n.count()).isEqualTo(2);
              assertThat(n.message()).contains("missing values", "'firm'");
            });
    RegressionResult c =
        FeOls.defaults().withVcov(Vcov.cluster("firm")).fit(Formula.parse("y ~ x1 | unit"), p);
    assertThat(c.nobs()).isEqualTo(P.rows() - 2);
    assertThat(c.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("missing values", "cluster", "'firm'"));
  }

  @Test
  void weightsNegativeZeroOrMissing() {
    double[] w = P.numeric("w");
    w[4] = -1;
    Panel neg = P.withColumn("w", w);
    assertThatThrownBy(
            () -> FeOls.defaults().withWeights("w").fit(Formula.parse("y ~ x1 | unit"), neg))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("weights 'w' have 1 negative value (e.g. -1 in row 5); weights must be >= 0");
    w[4] = 0;
    w[5] = Double.NaN;
    Panel zm = P.withColumn("w", w);
    RegressionResult r = FeOls.defaults().withWeights("w").fit(Formula.parse("y ~ x1 | unit"), zm);
    assertThat(r.nobs()).isEqualTo(P.rows() - 2);
    assertThat(r.notes())
        .extracting(Note::message)
        .contains("1 observation with zero weight removed (weights 'w')");
    assertThat(r.notes()).extracting(Note::kind).contains(Note.Kind.ZERO_WEIGHT);
    assertThat(r.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("missing values", "'w'"));
    Arrays.fill(w, 0);
    Panel zero = P.withColumn("w", w);
    assertThatThrownBy(
            () -> FeOls.defaults().withWeights("w").fit(Formula.parse("y ~ x1 | unit"), zero))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("weights 'w' are zero in all 72 rows; at least one positive weight is needed");
  }

  @Test
  void clusterNamingAnUnknownColumn() {
    assertThatThrownBy(
            () ->
                FeOls.defaults()
                    .withVcov(Vcov.cluster("firmm"))
                    .fit(Formula.parse("y ~ x1 | unit"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "unknown cluster column 'firmm' in vcov 'cluster:firmm'; known columns: unit, year,"
                + " firm, x1, x2, w, y");
  }

  @Test
  void clusterOnACombinedFixedEffect() {
    Formula f = Formula.parse("y ~ x1 | year + unit^firm");
    RegressionResult r = FeOls.defaults().withVcov(Vcov.cluster("unit^firm")).fit(f, P);
    assertThat(r.vcov().label()).contains("unit^firm");
    assertThat(r.coefficient("x1").orElseThrow().stdError()).isPositive();
  }

  @Test
  void neweyWestNeedsATimeIndex() {
    assertThatThrownBy(
            () ->
                FeOls.defaults().withVcov(Vcov.neweyWest(2)).fit(Formula.parse("y ~ x1 | unit"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("nw:2")
        .hasMessageContaining("index");
    RegressionResult ok =
        FeOls.defaults()
            .withVcov(Vcov.neweyWest(2))
            .fit(Formula.parse("y ~ x1 | unit"), P.withIndex("unit", "year"));
    assertThat(ok.coefficient("x1").orElseThrow().stdError()).isPositive();
    assertThat(ok.withVcov(Vcov.driscollKraay(1)).coefficient("x1").orElseThrow().stdError())
        .isPositive();
  }

  @Test
  void nonConvergenceIsANoteOrAnExceptionWhenStrict() {
    FeOls oneIter =
        FeOls.defaults()
            .withDemeaner(
                Demeaner.defaults()
                    .withMaxIterations(1)
                    .withTolerance(1e-14)
                    .withMethod(Demeaner.Method.ALTERNATING_PROJECTIONS));
    Formula f = Formula.parse("y ~ x1 + x2 | unit + year + firm");
    RegressionResult r = oneIter.fit(f, P);
    assertThat(r.convergence().converged()).isFalse();
    assertThat(r.notes()).extracting(Note::kind).contains(Note.Kind.CONVERGENCE);
    assertThatThrownBy(() -> oneIter.strict().fit(f, P))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageContaining("did not converge");
  }

  @Test
  void hc2WithManyFixedEffectLevelsIsRefusedClearly() {
    int n = 4200;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 2100;
      b[i] = (i * 7 + i / 2100) % 2050;
      x[i] = Math.sin(i);
      y[i] = Math.cos(i * 0.37) + x[i];
    }
    Panel p =
        Panel.builder().numeric("a", a).numeric("b", b).numeric("x", x).numeric("y", y).build();
    assertThatThrownBy(
            () ->
                FeOls.defaults()
                    .withSingletonRemoval(false)
                    .withVcov(Vcov.hc2())
                    .fit(Formula.parse("y ~ x | a + b"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith(
            "vcov 'hc2' with several fixed effects needs their exact leverage, computed only for"
                + " at most 2000 levels beyond the largest dimension")
        .hasMessageContaining("use hetero (HC1) or a cluster vcov");
  }

  @Test
  void leveragesKeptForALaterHc2OrHc3() {
    Formula one = Formula.parse("y ~ x1 + x2 | unit");
    RegressionResult later = FeOls.defaults().fit(one, P).withVcov(Vcov.hc3());
    RegressionResult now = FeOls.defaults().withVcov(Vcov.hc3()).fit(one, P);
    assertThat(later.coefficient("x1").orElseThrow().stdError())
        .isEqualTo(now.coefficient("x1").orElseThrow().stdError());
    RegressionResult two = FeOls.defaults().fit(Formula.parse("y ~ x1 + x2 | unit + year"), P);
    assertThat(two.withVcov(Vcov.hc2()).coefficient("x1").orElseThrow().stdError()).isPositive();
  }

  @Test
  void configurationAccessorsAndValidation() {
    FeOls f =
        FeOls.defaults()
            .withCollinearityTolerance(1e-7)
            .withSingletonRemoval(false)
            .withClusters("firm")
            .withWeights("w")
            .strict()
            .lean();
    assertThat(f.collinearityTolerance()).isEqualTo(1e-7);
    assertThat(f.singletonRemoval()).isFalse();
    assertThat(f.clusters()).containsExactly("firm");
    assertThat(f.weights()).contains("w");
    assertThat(f.isStrict()).isTrue();
    assertThat(f.isLean()).isTrue();
    assertThat(FeOls.defaults().vcov()).isEqualTo(Vcov.iid());
    assertThatThrownBy(() -> FeOls.defaults().withCollinearityTolerance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("collinearity tolerance must be in (0, 1), got 0.0");
  }

  @Test
  void singletonsAreRemovedWithANote() {
    double[] firm = P.numeric("firm");
    firm[0] = 99;
    Panel p = P.withColumn("firm", firm);
    RegressionResult r = FeOls.defaults().fit(Formula.parse("y ~ x1 | firm"), p);
    assertThat(r.nobs()).isEqualTo(P.rows() - 1);
    assertThat(r.notes()).extracting(Note::kind).contains(Note.Kind.SINGLETON);
    RegressionResult k =
        FeOls.defaults().withSingletonRemoval(false).fit(Formula.parse("y ~ x1 | firm"), p);
    assertThat(k.nobs()).isEqualTo(P.rows());
  }
}
