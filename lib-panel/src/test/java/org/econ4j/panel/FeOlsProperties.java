package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of FeOls over seeded random panels. */
class FeOlsProperties {
  private static final FeOls TIGHT =
      FeOls.defaults()
          .withDemeaner(Demeaner.defaults().withTolerance(1e-13))
          .withSingletonRemoval(false);
  private static final List<String> SLOPES = List.of("x1", "x2");

  private static void assertClose(double a, double b, double tol) {
    assertThat(Tolerances.relErr(a, b)).as("%s vs %s", a, b).isLessThan(tol);
  }

  private static void assertSame(RegressionResult a, RegressionResult b, double seTol) {
    for (String t : SLOPES) {
      assertClose(
          a.coefficient(t).orElseThrow().estimate(),
          b.coefficient(t).orElseThrow().estimate(),
          1e-8);
      assertClose(
          a.coefficient(t).orElseThrow().stdError(),
          b.coefficient(t).orElseThrow().stdError(),
          seTol);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void equalsOlsWithExplicitDummies(long seed) {
    Panel p = OlsTestData.panel(seed, 9, 5, 4);
    RegressionResult fe = TIGHT.fit(Formula.parse("y ~ x1 + x2 | unit + year + firm"), p);
    RegressionResult dummies =
        TIGHT
            .withClusters("unit")
            .fit(Formula.parse("y ~ x1 + x2 + factor(unit) + factor(year) + factor(firm)"), p);
    assertSame(fe, dummies, 1e-8);
    SmallSampleCorrection full =
        SmallSampleCorrection.fixest().withFixefK(SmallSampleCorrection.FixefK.FULL);
    for (Vcov v : List.of(Vcov.hetero(), Vcov.hc0())) {
      assertSame(fe.withVcov(v), dummies.withVcov(v), 1e-8);
    }
    assertSame(
        fe.withVcov(Vcov.cluster("unit"), full),
        dummies.withVcov(Vcov.cluster("unit"), full),
        1e-8);
    assertClose(fe.fitStats().r2().orElseThrow(), dummies.fitStats().r2().orElseThrow(), 1e-10);
    assertClose(
        fe.fitStats().adjR2().orElseThrow(), dummies.fitStats().adjR2().orElseThrow(), 1e-10);
    assertClose(
        fe.fitStats().logLik().orElseThrow(), dummies.fitStats().logLik().orElseThrow(), 1e-10);
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void hc2AndHc3IncludeTheFixedEffectLeverage(long seed) {
    Panel p = OlsTestData.panel(seed, 8, 5, 3);
    for (String fes : new String[] {"unit", "unit + year", "unit + year + firm"}) {
      RegressionResult fe =
          TIGHT.withVcov(Vcov.hc2()).fit(Formula.parse("y ~ x1 + x2 | " + fes), p);
      String dummies = "factor(" + fes.replace(" + ", ") + factor(") + ")";
      RegressionResult d =
          TIGHT.withVcov(Vcov.hc2()).fit(Formula.parse("y ~ x1 + x2 + " + dummies), p);
      assertSame(fe, d, 1e-7);
      assertSame(
          TIGHT.withVcov(Vcov.hc3()).fit(Formula.parse("y ~ x1 + x2 | " + fes), p),
          d.withVcov(Vcov.hc3()),
          1e-7);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {15, 16})
  void varyingSlopesEqualInteractedDummies(long seed) {
    Panel p = OlsTestData.panel(seed, 8, 6, 3);
    RegressionResult fe = TIGHT.fit(Formula.parse("y ~ x1 | unit[x2] + year"), p);
    RegressionResult d =
        TIGHT.fit(Formula.parse("y ~ x1 + factor(unit) + factor(year) + i(unit, x2)"), p);
    assertClose(
        fe.coefficient("x1").orElseThrow().estimate(),
        d.coefficient("x1").orElseThrow().estimate(),
        1e-8);
    assertClose(
        fe.coefficient("x1").orElseThrow().stdError(),
        d.coefficient("x1").orElseThrow().stdError(),
        1e-8);
  }

  @ParameterizedTest
  @ValueSource(longs = {8, 9})
  void weightedEqualsWeightedDummies(long seed) {
    Panel p = OlsTestData.panel(seed, 8, 5, 3);
    FeOls w = TIGHT.withWeights("w");
    RegressionResult fe = w.withVcov(Vcov.hc3()).fit(Formula.parse("y ~ x1 + x2 | unit + year"), p);
    RegressionResult d =
        w.withVcov(Vcov.hc3()).fit(Formula.parse("y ~ x1 + x2 + factor(unit) + factor(year)"), p);
    assertSame(fe, d, 1e-7);
    assertSame(fe.withVcov(Vcov.iid()), d.withVcov(Vcov.iid()), 1e-8);
    assertClose(fe.fitStats().logLik().orElseThrow(), d.fitStats().logLik().orElseThrow(), 1e-10);
  }

  @ParameterizedTest
  @ValueSource(longs = {10, 11, 12})
  void invariantUnderRowPermutationAndRelabelling(long seed) {
    Panel p = OlsTestData.panel(seed, 10, 6, 4);
    Formula f = Formula.parse("y ~ x1 + x2 | unit + year + firm");
    RegressionResult a = TIGHT.withVcov(Vcov.cluster("unit")).fit(f, p);
    SplittableRandom rng = new SplittableRandom(seed);
    int n = p.rows();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Panel q = p.selectRows(perm);
    String[] units = q.labels("unit");
    for (int i = 0; i < n; i++) {
      units[i] = "relabelled-" + units[i].hashCode();
    }
    double[] firm = q.numeric("firm");
    for (int i = 0; i < n; i++) {
      firm[i] = 1000 - 7 * firm[i];
    }
    q = q.withCategorical("unit", units).withColumn("firm", firm);
    RegressionResult b = TIGHT.withVcov(Vcov.cluster("unit")).fit(f, q);
    assertSame(a, b, 1e-8);
    assertClose(a.fitStats().withinR2().orElseThrow(), b.fitStats().withinR2().orElseThrow(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(longs = {13, 14})
  void oneObservationPerClusterEqualsHc1(long seed) {
    Panel p = OlsTestData.panel(seed, 10, 5, 3);
    double[] id = new double[p.rows()];
    for (int i = 0; i < id.length; i++) {
      id[i] = i;
    }
    Panel q = p.withColumn("id", id);
    Formula f = Formula.parse("y ~ x1 + x2 | unit + year");
    RegressionResult cl = TIGHT.withVcov(Vcov.cluster("id")).fit(f, q);
    RegressionResult hc1 = TIGHT.withVcov(Vcov.hetero()).fit(f, q);
    // documented factor under the fixest correction: G/(G-1)(n-1)/(n-K) = n/(n-K) with G = n: 1
    assertSame(cl, hc1, 1e-10);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-3.0, 0.25, 1e4})
  void scalingYScalesBetaAndStandardErrors(double c) {
    Panel p = OlsTestData.panel(21, 9, 5, 3);
    double[] y = p.numeric("y");
    for (int i = 0; i < y.length; i++) {
      y[i] *= c;
    }
    Panel q = p.withColumn("y", y);
    Formula f = Formula.parse("y ~ x1 + x2 | unit + year");
    for (Vcov v : List.of(Vcov.iid(), Vcov.hetero(), Vcov.cluster("unit"))) {
      RegressionResult a = TIGHT.withVcov(v).fit(f, p);
      RegressionResult b = TIGHT.withVcov(v).fit(f, q);
      for (String t : SLOPES) {
        assertClose(
            b.coefficient(t).orElseThrow().estimate(),
            c * a.coefficient(t).orElseThrow().estimate(),
            1e-8);
        assertClose(
            b.coefficient(t).orElseThrow().stdError(),
            Math.abs(c) * a.coefficient(t).orElseThrow().stdError(),
            1e-8);
      }
    }
  }
}
