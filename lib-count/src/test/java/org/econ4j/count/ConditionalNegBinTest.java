package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.EstimationException;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class ConditionalNegBinTest {

  private static ConditionalPoissonProperties.Sim sim() {
    return new ConditionalPoissonProperties.Sim(7, 30, 4, 2);
  }

  @Test
  void inputsAreUnchanged() {
    ConditionalPoissonProperties.Sim s = sim();
    double[] y = s.y.clone();
    double[][] x = {s.x[0].clone(), s.x[1].clone()};
    int[] u = s.unit.clone();
    ConditionalNegBin.defaults().fit(s.y, s.x, s.names, s.unit, true);
    assertThat(s.y).containsExactly(y);
    assertThat(s.x[0]).containsExactly(x[0]);
    assertThat(s.x[1]).containsExactly(x[1]);
    assertThat(s.unit).containsExactly(u);
  }

  @Test
  void singletonAndAllZeroUnitsAreDroppedWithNotes() {
    double[] y = {1, 2, 0, 0, 3, 0, 4, 1, 5};
    double[] x = {0.1, 0.5, 0.3, 0.2, 0.9, -0.4, 0.3, 0.7, -0.2};
    int[] unit = {1, 1, 2, 2, 3, 4, 4, 4, 1};
    CountFit fit =
        ConditionalNegBin.defaults().fit(y, new double[][] {x}, new String[] {"x"}, unit, true);
    assertThat(fit.kept()).containsExactly(true, true, false, false, false, true, true, true, true);
    assertThat(fit.nobs()).isEqualTo(6);
    assertThat(fit.units()).isEqualTo(2);
    assertThat(fit.notes())
        .extracting(Note::kind, Note::count, Note::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Note.Kind.SINGLETON,
                1L,
                "1 unit(s) with a single observation dropped (1 row(s)); they carry no information"
                    + " in the conditional likelihood"),
            org.assertj.core.groups.Tuple.tuple(
                Note.Kind.NO_VARIATION,
                2L,
                "1 unit(s) with only zero outcomes dropped (2 row(s)); they carry no information"
                    + " in the conditional likelihood"));
    assertThat(fit.scores()[0][2]).isZero();
  }

  @Test
  void negativeOrFractionalOutcomesAreRejected() {
    double[] y = {1, -2, 0.5, 3};
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        y,
                        new double[][] {{1, 2, 3, 4}},
                        new String[] {"x"},
                        new int[] {1, 1, 2, 2},
                        true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome has 2 value(s) that are not non-negative integer counts (rows 1, 2, 0-based);"
                + " 'negbin-conditional' needs counts 0, 1, 2, ...; remove those rows or use a"
                + " Poisson pseudo-likelihood");
  }

  @Test
  void nonFiniteRegressorIsRejected() {
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        new double[] {1, 2, 3, 4},
                        new double[][] {{1, Double.NaN, 3, Double.POSITIVE_INFINITY}},
                        new String[] {"rd"},
                        new int[] {1, 1, 2, 2},
                        true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "regressor 'rd' has 2 missing or non-finite value(s) (rows 1, 3, 0-based); drop those"
                + " rows before fitting");
  }

  @Test
  void nothingLeftIsRejected() {
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        new double[] {0, 0, 5},
                        new double[][] {{1, 2, 3}},
                        new String[] {"x"},
                        new int[] {1, 1, 2},
                        true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "no observations left for 'negbin-conditional' after dropping 1 all-zero unit(s) and 1"
                + " single-observation unit(s); the model needs units with at least two periods and"
                + " a positive total count");
  }

  @Test
  void noRegressorLeftIsRejectedForConditionalPoisson() {
    assertThatThrownBy(
            () ->
                ConditionalPoisson.defaults()
                    .fit(
                        new double[] {1, 2, 3, 4},
                        new double[][] {{1, 1, 2, 2}},
                        new String[] {"size"},
                        new int[] {1, 1, 2, 2},
                        true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "no regressor left to estimate in 'poisson-conditional'; add regressors that vary"
                + " within units");
  }

  @Test
  void collinearRegressorsAreRejectedByName() {
    ConditionalPoissonProperties.Sim s = sim();
    double[] twice = s.x[0].clone();
    for (int i = 0; i < twice.length; i++) {
      twice[i] *= 2;
    }
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        s.y, new double[][] {s.x[0], twice}, new String[] {"a", "b"}, s.unit, true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "regressor 'b' is collinear with the regressors before it ((Intercept), a); remove it");
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        s.y,
                        new double[][] {new double[s.y.length]},
                        new String[] {"z"},
                        s.unit,
                        true))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("regressor 'z' is zero on every row used; remove it");
  }

  /** b = a + unit-specific shift: fine in levels, collinear once the unit effects are removed. */
  @Test
  void singularHessianGivesAClearEstimationException() {
    ConditionalPoissonProperties.Sim s = sim();
    double[] b = s.x[0].clone();
    for (int i = 0; i < b.length; i++) {
      b[i] += 0.01 * s.unit[i];
    }
    assertThatThrownBy(
            () ->
                ConditionalPoisson.defaults()
                    .fit(s.y, new double[][] {s.x[0], b}, new String[] {"a", "b"}, s.unit, false))
        .isInstanceOf(EstimationException.class)
        .hasMessageStartingWith("hessian of the log-likelihood is not negative definite")
        .hasMessageEndingWith(
            "; a regressor is collinear with others or not identified, remove it");
  }

  @Test
  void iterationLimitGivesANoteNotAnError() {
    ConditionalPoissonProperties.Sim s = sim();
    CountFit fit =
        ConditionalNegBin.defaults().withMaxIterations(1).fit(s.y, s.x, s.names, s.unit, true);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.iterations()).isEqualTo(1);
    assertThat(fit.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.CONVERGENCE);
              assertThat(n.message()).startsWith("Newton-Raphson did not converge in 1 iterations");
            });
  }

  @Test
  void misuseIsRejected() {
    assertThatThrownBy(() -> ConditionalNegBin.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIterations must be >= 1, got 0");
    assertThatThrownBy(() -> ConditionalNegBin.defaults().withTolerance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be > 0, got 0.0");
    assertThatThrownBy(() -> ConditionalPoisson.defaults().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be >= 1, got 0");
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(
                        new double[2],
                        new double[][] {{1, 2}},
                        new String[] {"a"},
                        new int[3],
                        true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit has 3 values but y has 2; give one unit code per row");
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(new double[2], new double[][] {{1, 2}}, new String[0], new int[2], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("names has 0 entries but x has 1 columns");
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(new double[2], new double[][] {{1}}, new String[] {"a"}, new int[2], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regressor 'a' has 1 rows but y has 2");
    assertThatThrownBy(
            () ->
                ConditionalNegBin.defaults()
                    .fit(null, new double[0][], new String[0], new int[0], true))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("y");
  }

  @Test
  void clusterRobustChecksItsInput() {
    ConditionalPoissonProperties.Sim s = sim();
    CountFit fit = ConditionalNegBin.defaults().fit(s.y, s.x, s.names, s.unit, true);
    assertThatThrownBy(() -> fit.clusterRobust(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "clusters has 3 values but the fit used 120 input rows; give one cluster code per row");
    int[] byRow = new int[s.y.length];
    for (int i = 0; i < byRow.length; i++) {
      byRow[i] = i;
    }
    assertThatThrownBy(() -> fit.clusterRobust(byRow))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "clusters do not nest units: rows 0 and 1 (0-based) belong to the same unit but to"
                + " clusters 0 and 1; cluster on the unit or on a grouping of units");
    assertThatThrownBy(() -> fit.clusterRobust(new int[s.y.length]))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "cluster-robust covariance needs at least 2 clusters, found 1; use vcov() or a finer"
                + " clustering");
    assertThatThrownBy(() -> fit.coefficient("z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown coefficient 'z'; known coefficients: (Intercept), x1, x2");
    assertThat(fit.coefficient("x1")).isEqualTo(fit.coefficients()[1]);
  }

  @Test
  void clusteringOnUnitsOrGroupsOfUnitsWithOneUnitPerClusterAgree() {
    ConditionalPoissonProperties.Sim s = sim();
    CountFit fit = ConditionalNegBin.defaults().fit(s.y, s.x, s.names, s.unit, true);
    int[] relabelled = new int[s.unit.length];
    for (int i = 0; i < relabelled.length; i++) {
      relabelled[i] = 1000 - s.unit[i];
    }
    double[] a = fit.clusterRobustStandardErrors(relabelled);
    double[] b = fit.clusterRobustStandardErrors(s.unit);
    for (int j = 0; j < a.length; j++) {
      assertThat(a[j]).isCloseTo(b[j], org.assertj.core.data.Offset.offset(1e-12 * b[j]));
    }
    assertThat(fit.vcov()[1][2]).isEqualTo(fit.vcov()[2][1]);
    assertThat(fit.toString()).startsWith("negbin-conditional: (Intercept) = ");
  }

  /**
   * Regressors on a scale where a full Newton step overflows exp(x'b): step-halving keeps it sane.
   */
  @Test
  void hugeRegressorsGiveFiniteResultsNeverNaN() {
    ConditionalPoissonProperties.Sim s = sim();
    double[] big = s.x[0].clone();
    for (int i = 0; i < big.length; i++) {
      big[i] *= 1000;
    }
    CountFit nb =
        ConditionalNegBin.defaults()
            .fit(s.y, new double[][] {big}, new String[] {"big"}, s.unit, true);
    CountFit small =
        ConditionalNegBin.defaults()
            .fit(s.y, new double[][] {s.x[0]}, new String[] {"x"}, s.unit, true);
    assertThat(nb.converged()).isTrue();
    assertThat(nb.logLik()).isFinite();
    assertThat(nb.coefficients()[1] * 1000)
        .isCloseTo(small.coefficients()[1], org.assertj.core.data.Offset.offset(1e-7));
    for (double se : nb.standardErrors()) {
      assertThat(se).isFinite().isPositive();
    }
  }
}
