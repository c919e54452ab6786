package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.Coefficient;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

class FePoissonTest {
  static final Formula F = Formula.parse("y ~ x1 + x2 | g + h");

  static Panel small(double[] y, double[] g) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i + 1.0);
    }
    return Panel.builder().numeric("y", y).numeric("x", x).numeric("g", g).build();
  }

  @Test
  void negativeOutcomesAreAnErrorNamingRows() {
    Panel p = small(new double[] {1, -2, 3, 0, -1, 2}, new double[] {1, 1, 2, 2, 3, 3});
    assertThatThrownBy(() -> FePoisson.defaults().fit(Formula.parse("y ~ x | g"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'y' is negative in 2 rows (rows 2, 5); a poisson model needs outcomes >= 0,"
                + " drop or recode those rows");
  }

  @Test
  void allZeroOutcomesAreAnError() {
    Panel p = small(new double[] {0, 0, 0, 0}, new double[] {1, 1, 2, 2});
    assertThatThrownBy(() -> FePoisson.defaults().fit(Formula.parse("y ~ x | g"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome 'y' is zero in all 4 rows; a poisson model needs some positive outcomes");
  }

  @Test
  void nonIntegerOutcomesGiveANote() {
    Panel p =
        small(new double[] {1.5, 2, 0.25, 3, 1, 2, 4, 0.5}, new double[] {1, 1, 2, 2, 3, 3, 4, 4});
    RegressionResult r = FePoisson.defaults().fit(Formula.parse("y ~ x | g"), p);
    assertThat(r.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.COERCED);
              assertThat(n.count()).isEqualTo(3);
              assertThat(n.message()).contains("not an integer in 3 rows").contains("PPML");
            });
  }

  @Test
  void zeroOutcomeGroupsAndSingletonsAreDroppedWithNotes() {
    // group 2 all zero; group 4 a singleton
    Panel p =
        small(new double[] {1, 3, 0, 0, 2, 5, 7, 1, 2}, new double[] {1, 1, 2, 2, 3, 3, 4, 5, 5});
    RegressionResult r = FePoisson.defaults().fit(Formula.parse("y ~ x | g"), p);
    assertThat(r.nobs()).isEqualTo(6);
    assertThat(r.nobsOriginal()).isEqualTo(9);
    assertThat(r.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.NO_VARIATION);
              assertThat(n.message())
                  .isEqualTo(
                      "2 observations removed because 1 level of fixed effect 'g' has only zero"
                          + " outcomes");
            });
    assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.SINGLETON && n.count() == 1);
    RegressionResult kept =
        FePoisson.defaults().withSingletons(false).fit(Formula.parse("y ~ x | g"), p);
    assertThat(kept.nobs()).isEqualTo(7);
    assertThat(kept.notes()).noneMatch(n -> n.kind() == Note.Kind.SINGLETON);
    // a singleton's own FE fits it exactly: the slope is unchanged
    assertThat(kept.coefficient("x").orElseThrow().estimate())
        .isCloseTo(r.coefficient("x").orElseThrow().estimate(), within(1e-8));
  }

  @Test
  void nothingLeftAfterDroppingIsAnError() {
    // only group 1 has positive outcomes, and it is a singleton
    Panel p = small(new double[] {4, 0, 0, 0, 0}, new double[] {1, 2, 2, 3, 3});
    assertThatThrownBy(() -> FePoisson.defaults().fit(Formula.parse("y ~ x | g"), p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "all 1 observations are singletons of the fixed effects 'g'; nothing is left to"
                + " estimate, keep singletons or use fewer fixed effects");
    // keeping the singleton, its fixed effect absorbs the regressor: dropped with a note
    RegressionResult r =
        FePoisson.defaults().withSingletons(false).fit(Formula.parse("y ~ x | g"), p);
    assertThat(r.keptTerms()).isEmpty();
    assertThat(r.dropped()).containsExactly(DroppedTerm.of("x", DroppedTerm.Reason.ABSORBED));
  }

  @Test
  void negativeWeightsAreAnError() {
    Panel p =
        FeCountTestData.generate(10, 4, Double.POSITIVE_INFINITY, 3)
            .withColumn("badw", negateSome(10 * 4));
    assertThatThrownBy(() -> FePoisson.defaults().withWeights("badw").fit(F, p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("observation weights are negative in 2 rows (rows 3, 7); weights must be >= 0");
  }

  static double[] negateSome(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    w[2] = -1;
    w[6] = -0.5;
    return w;
  }

  @Test
  void offsetAndExposureTogetherAreAnError() {
    Panel p = FeCountTestData.generate(10, 4, Double.POSITIVE_INFINITY, 3);
    assertThatThrownBy(() -> FePoisson.defaults().withOffset("x2").withExposure("e").fit(F, p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "both an offset 'x2' and an exposure 'e' were given; use one (exposure x is the offset"
                + " log(x))");
  }

  @Test
  void exposureEqualsLogOffsetAndMissingOffsetsDropRows() {
    Panel p = FeCountTestData.generate(30, 5, Double.POSITIVE_INFINITY, 11);
    RegressionResult a = FePoisson.defaults().withExposure("e").fit(F, p);
    RegressionResult b = FePoisson.defaults().withOffset("log(e)").fit(F, p);
    assertThat(a.coefficient("x1").orElseThrow().estimate())
        .isEqualTo(b.coefficient("x1").orElseThrow().estimate());
    assertThat(a.coefficient("x1").orElseThrow().estimate()).isCloseTo(0.5, within(0.1));
    double[] off = p.numeric("e").clone();
    off[4] = Double.NaN;
    Panel q = p.withColumn("e2", off);
    RegressionResult c = FePoisson.defaults().withExposure("e2").fit(F, q);
    assertThat(c.nobsOriginal()).isEqualTo(150);
    assertThat(c.notes()).anyMatch(n -> n.kind() == Note.Kind.MISSING && n.count() == 1);
  }

  @Test
  void hugeOffsetsDoNotOverflow() {
    Panel p = FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 5);
    double[] off = new double[100];
    double[] g = p.numeric("g");
    for (int i = 0; i < off.length; i++) {
      off[i] = g[i] == 3 ? 750 : (g[i] == 4 ? -750 : 0); // constant within a unit: absorbed
    }
    Panel q = p.withColumn("big", off);
    RegressionResult a = FePoisson.defaults().fit(F, q);
    RegressionResult b = FePoisson.defaults().withOffset("big").fit(F, q);
    for (Coefficient c : b.coefficients()) {
      assertThat(c.estimate()).isFinite();
      assertThat(c.stdError()).isFinite();
      assertThat(c.estimate())
          .isCloseTo(a.coefficient(c.term()).orElseThrow().estimate(), within(1e-7));
    }
    assertThat(b.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble()).isFinite();
  }

  @Test
  void absorbedRegressorIsDroppedWithANote() {
    Panel p = FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 7);
    double[] g = p.numeric("g");
    double[] z = new double[g.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = 0.1 * g[i] * g[i];
    }
    RegressionResult r =
        FePoisson.defaults().fit(Formula.parse("y ~ x1 + z | g + h"), p.withColumn("z", z));
    assertThat(r.keptTerms()).containsExactly("x1");
    assertThat(r.dropped()).containsExactly(DroppedTerm.of("z", DroppedTerm.Reason.ABSORBED));
    assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.ABSORBED);
  }

  @Test
  void iterationLimitGivesAConvergenceNote() {
    Panel p = FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 9);
    RegressionResult r = FePoisson.defaults().withMaxIterations(2).fit(F, p);
    assertThat(r.convergence().converged()).isFalse();
    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n.message())
                    .startsWith("Poisson IRLS did not converge in 2 iterations"));
  }

  @Test
  void irrIsExpOfTheCoefficientWithDeltaMethodSe() {
    Panel p = FeCountTestData.generate(20, 5, Double.POSITIVE_INFINITY, 13);
    FeCountFit fit = FePoisson.defaults().withVcov(Vcov.cluster("g")).fitDetailed(F, p);
    List<Irr> irr = fit.irr();
    Coefficient c = fit.result().coefficient("x1").orElseThrow();
    Irr i = irr.get(0);
    assertThat(i.term()).isEqualTo("x1");
    assertThat(i.irr()).isEqualTo(Math.exp(c.estimate()));
    assertThat(i.stdError()).isEqualTo(Math.exp(c.estimate()) * c.stdError());
    assertThat(i.ciLow()).isEqualTo(Math.exp(c.ciLow()));
    assertThat(i.ciHigh()).isEqualTo(Math.exp(c.ciHigh()));
    assertThat(i.pValue()).isEqualTo(c.pValue());
    assertThat(fit.result().vcov().tDf()).isInfinite();
  }

  @Test
  void inputsAreUnchanged() {
    Panel p = FeCountTestData.generate(10, 5, Double.POSITIVE_INFINITY, 17);
    double[] y = p.numeric("y").clone();
    FePoisson.defaults().fit(F, p);
    assertThat(p.numeric("y")).containsExactly(y);
  }

  @Test
  void configurationChecks() {
    assertThatThrownBy(() -> FePoisson.defaults().withTolerance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be in (0, 1), got 0.0");
    assertThatThrownBy(() -> FePoisson.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum iterations must be >= 1, got 0");
  }
}
