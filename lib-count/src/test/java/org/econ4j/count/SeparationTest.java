package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class SeparationTest {

  /** The primer's first example: x = 1 only where y = 0. */
  @Test
  void simpleRegressorSeparationWithNoteAndCertificate() {
    double[] y = {0, 0, 0, 1, 2, 3};
    double[] x = {1, 1, 0, 0, 0, 0};
    double[] xCopy = x.clone();
    SeparationResult r =
        Separation.defaults()
            .detect(y, new double[][] {x}, new String[] {"x"}, new int[0][], new String[0]);
    assertThat(r.separated()).containsExactly(true, true, false, false, false, false);
    assertThat(r.count()).isEqualTo(2);
    double[] z = r.certificate();
    assertThat(z[0]).isPositive();
    assertThat(z[0]).isCloseTo(z[1], org.assertj.core.data.Offset.offset(1e-12));
    assertThat(z[2]).isZero();
    assertThat(r.notes())
        .extracting(Note::kind, Note::count, Note::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Note.Kind.SEPARATION,
                2L,
                "2 observation(s) separated by regressors (simplex-type check) dropped"));
    assertThat(x).containsExactly(xCopy);
    assertThat(r.converged()).isTrue();
  }

  /** The primer's fixed-effect example: individual 1 has only zeros. */
  @Test
  void allZeroFixedEffectLevel() {
    double[] y = {0, 0, 0, 1, 2, 3};
    int[] id = {1, 1, 2, 2, 3, 3};
    SeparationResult r =
        Separation.defaults()
            .detect(y, new double[0][], new String[0], new int[][] {id}, new String[] {"id"});
    assertThat(r.separated()).containsExactly(true, true, false, false, false, false);
    assertThat(r.certificate()).containsExactly(1, 1, 0, 0, 0, 0);
    assertThat(r.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.message())
                  .isEqualTo(
                      "2 observation(s) separated by fixed effect 'id' (levels with only zero"
                          + " outcomes) dropped");
              assertThat(n.names()).containsExactly("id");
            });
  }

  /** The primer's two-way example that fe + simplex miss and the rectifier finds. */
  @Test
  void twoWayFixedEffectsNeedTheRectifier() {
    double[] y = {0, 1, 0, 0, 1};
    int[] id1 = {1, 1, 2, 2, 2};
    int[] id2 = {1, 1, 1, 2, 2};
    int[][] fe = {id1, id2};
    String[] fn = {"id1", "id2"};
    SeparationResult without =
        Separation.defaults()
            .withMethods(Separation.Method.FE, Separation.Method.SIMPLEX)
            .detect(y, new double[0][], new String[0], fe, fn);
    assertThat(without.count()).isZero();
    assertThat(without.notes()).isEmpty();
    SeparationResult with = Separation.defaults().detect(y, new double[0][], new String[0], fe, fn);
    assertThat(with.separated()).containsExactly(false, false, true, false, false);
    assertThat(with.notes().get(0).message())
        .startsWith(
            "1 observation(s) separated by regressors and fixed effects (iterative rectifier, ");
  }

  @Test
  void settingsAndMisuse() {
    Separation s = Separation.defaults().withTolerance(1e-6).withMaxIterations(50);
    assertThat(s.tolerance()).isEqualTo(1e-6);
    assertThat(s.maxIterations()).isEqualTo(50);
    assertThat(s.methods()).isEqualTo(EnumSet.allOf(Separation.Method.class));
    assertThatThrownBy(() -> Separation.defaults().withTolerance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be in (0, 1), got 0.0");
    assertThatThrownBy(() -> Separation.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIterations must be >= 1, got 0");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[] {1, -1},
                        new double[0][],
                        new String[0],
                        new int[0][],
                        new String[0]))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "outcome is negative or non-finite at row 1 (0-based): -1.0; count models need"
                + " non-negative outcomes");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[] {1, 0},
                        new double[][] {{1, Double.NaN}},
                        new String[] {"x"},
                        new int[0][],
                        new String[0]))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "regressor 'x' is missing or non-finite at row 1 (0-based); drop such rows before the"
                + " separation check");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[2],
                        new double[][] {{1}},
                        new String[] {"x"},
                        new int[0][],
                        new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regressor 'x' has 1 rows but y has 2");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[2],
                        new double[0][],
                        new String[0],
                        new int[][] {{1}},
                        new String[] {"f"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed effect 'f' has 1 rows but y has 2");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[2],
                        new double[0][],
                        new String[] {"a"},
                        new int[0][],
                        new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("names has 1 entries but x has 0 columns");
    assertThatThrownBy(
            () ->
                Separation.defaults()
                    .detect(
                        new double[2],
                        new double[0][],
                        new String[0],
                        new int[0][],
                        new String[] {"f"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feNames has 1 entries but fe has 0 dimensions");
  }

  @Test
  void noZerosMeansNoSeparation() {
    SeparationResult r =
        Separation.defaults()
            .detect(
                new double[] {1, 2, 3},
                new double[][] {{1, 2, 3}},
                new String[] {"x"},
                new int[][] {{1, 1, 2}},
                new String[] {"f"});
    assertThat(r.count()).isZero();
    assertThat(r.certificate()).containsOnly(0.0);
  }
}
