package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dense Schur-complement solve ({@link DenseSchur}) for fixed effects whose smaller dimensions
 * have few levels: it gives the exact least-squares residual, the same as the iterative solver, on
 * connected and disconnected graphs, and the same bits for any thread count. It serves weighted
 * calls only (the IRLS of count models).
 */
class DenseSchurProperties {

  /** A unit × year panel (unbalanced: each unit is seen in a random subset of the years). */
  static FixedEffects unitYear(SplittableRandom rng, int units, int years, int[] rows) {
    int n = rows[0];
    int[] u = new int[n];
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % units;
      t[i] = rng.nextInt(years);
    }
    return FixedEffects.of("unit", u).withDimension("year", t);
  }

  static double[] column(SplittableRandom rng, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextGaussian() * 3 + (i % 7);
    }
    return y;
  }

  static double[] weights(SplittableRandom rng, int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(rng.nextGaussian() * 1.5);
    }
    return w;
  }

  static DemeanResult withoutDense(Demeaner d, FixedEffects fe, double[][] cols, double[] w) {
    boolean saved = Problem.denseDisabled;
    Problem.denseDisabled = true;
    try {
      return w == null ? d.demean(fe, cols) : d.demean(fe, cols, w);
    } finally {
      Problem.denseDisabled = saved;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void denseEqualsTheExactResidualAndTheIterativeSolver(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 400;
    FixedEffects fe = unitYear(rng, 60, 8, new int[] {n});
    double[] y = column(rng, n);
    double[] w = seed % 2 == 0 ? weights(rng, n) : null;
    Demeaner d = Demeaner.defaults().withTolerance(1e-12);
    DemeanResult dense =
        w == null ? d.demean(fe, new double[][] {y}) : d.demean(fe, new double[][] {y}, w);
    DemeanResult cg = withoutDense(d, fe, new double[][] {y}, w);
    double[] exact = DenseAlgebra.residual(DemeanerProperties.design(fe), y, w);
    assertThat(dense.converged()).isTrue();
    if (w != null) {
      assertThat(dense.iterations(0)).isEqualTo(1); // one direct solve
    } else {
      // without weights the direct solve is not used (CG converges in one or two steps)
      assertThat(dense.iterations(0)).isEqualTo(cg.iterations(0));
    }
    assertThat(dense.column(0)).containsExactly(exact, offset(1e-9));
    assertThat(cg.column(0)).containsExactly(dense.column(0), offset(1e-8));
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32})
  void rowsSortedByUnitAsPanelsUsuallyCome(long seed) {
    // rows grouped by unit (the layout the solver reads without a permutation), years unbalanced
    SplittableRandom rng = new SplittableRandom(seed);
    int units = 70;
    int[] sizes = new int[units];
    int n = 0;
    for (int g = 0; g < units; g++) {
      sizes[g] = 2 + rng.nextInt(6);
      n += sizes[g];
    }
    int[] u = new int[n];
    int[] t = new int[n];
    int i = 0;
    for (int g = 0; g < units; g++) {
      for (int k = 0; k < sizes[g]; k++) {
        u[i] = g;
        t[i] = rng.nextInt(9);
        i++;
      }
    }
    FixedEffects fe = FixedEffects.of("unit", u).withDimension("year", t);
    double[] y = column(rng, n);
    double[] x = column(rng, n);
    double[] w = weights(rng, n);
    Demeaner d = Demeaner.defaults().withTolerance(1e-12);
    DemeanResult r = d.demean(fe, new double[][] {y, x}, w);
    DemeanResult cg = withoutDense(d, fe, new double[][] {y, x}, w);
    double[][] design = DemeanerProperties.design(fe);
    for (int j = 0; j < 2; j++) {
      assertThat(r.iterations(j)).isEqualTo(1);
      double[] exact = DenseAlgebra.residual(design, j == 0 ? y : x, w);
      assertThat(r.column(j)).containsExactly(exact, offset(1e-9));
      assertThat(cg.column(j)).containsExactly(r.column(j), offset(1e-8));
    }
  }

  @Test
  void disconnectedGraphsHaveOneNullDirectionPerComponent() {
    // units 0..19 are seen in years 0..3 only and units 20..39 in years 4..7 only: two components
    SplittableRandom rng = new SplittableRandom(5);
    int n = 320;
    int[] u = new int[n];
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 40;
      t[i] = (u[i] < 20 ? 0 : 4) + rng.nextInt(4);
    }
    FixedEffects fe = FixedEffects.of("unit", u).withDimension("year", t);
    double[] y = column(rng, n);
    double[] w = weights(rng, n);
    DemeanResult r = Demeaner.defaults().demean(fe, new double[][] {y}, w);
    double[] exact = DenseAlgebra.residual(DemeanerProperties.design(fe), y, w);
    assertThat(r.iterations(0)).isEqualTo(1);
    assertThat(r.column(0)).containsExactly(exact, offset(1e-9));
  }

  @Test
  void threeDimensionsWithTwoSmallOnes() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 600;
    int[] u = new int[n];
    int[] t = new int[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 90;
      t[i] = rng.nextInt(9);
      g[i] = rng.nextInt(5);
    }
    FixedEffects fe =
        FixedEffects.of("unit", u).withDimension("year", t).withDimension("region", g);
    double[] y = column(rng, n);
    double[] w = weights(rng, n);
    Demeaner d = Demeaner.defaults().withTolerance(1e-12);
    DemeanResult r = d.demean(fe, new double[][] {y}, w);
    DemeanResult cg = withoutDense(d, fe, new double[][] {y}, w);
    double[] exact = DenseAlgebra.residual(DemeanerProperties.design(fe), y, w);
    assertThat(r.iterations(0)).isEqualTo(1);
    assertThat(r.column(0)).containsExactly(exact, offset(1e-9));
    assertThat(cg.column(0)).containsExactly(r.column(0), offset(1e-8));
  }

  @Test
  void bitIdenticalForAnyThreadCountAcrossSeveralChunks() {
    SplittableRandom rng = new SplittableRandom(9);
    int units = 3 * DenseSchur.CHUNK_GROUPS + 17; // several chunks of groups
    int n = units * 3;
    FixedEffects fe = unitYear(rng, units, 6, new int[] {n});
    double[] y = column(rng, n);
    double[] x = column(rng, n);
    double[] w = weights(rng, n);
    DemeanResult[] r = new DemeanResult[3];
    int[] threads = {1, 2, 4};
    for (int k = 0; k < 3; k++) {
      r[k] = Demeaner.defaults().withParallelism(threads[k]).demean(fe, new double[][] {y, x}, w);
    }
    for (int j = 0; j < 2; j++) {
      assertThat(r[0].iterations(j)).isEqualTo(1);
      assertThat(r[1].column(j)).containsExactly(r[0].column(j));
      assertThat(r[2].column(j)).containsExactly(r[0].column(j));
    }
  }

  @Test
  void switchedOffTheIterativeSolverRuns() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 400;
    FixedEffects fe = unitYear(rng, 60, 8, new int[] {n});
    double[] y = column(rng, n);
    double[] w = weights(rng, n);
    Demeaner d = Demeaner.defaults().withTolerance(1e-12).withDirectSchur(false);
    assertThat(d.directSchur()).isFalse();
    assertThat(Demeaner.defaults().directSchur()).isTrue();
    DemeanResult r = d.demean(fe, new double[][] {y}, w);
    assertThat(r.iterations(0)).isGreaterThan(1);
    double[] exact = DenseAlgebra.residual(DemeanerProperties.design(fe), y, w);
    assertThat(r.column(0)).containsExactly(exact, offset(1e-8));
  }

  @Test
  void tooManyRemainingLevelsOrTooLittleWorkIsLeftToTheIterativeSolver() {
    assertThat(DenseSchur.worthIt(1000, 100, 10)).isTrue();
    assertThat(DenseSchur.worthIt(1000, 100, DenseSchur.MAX_LEVELS + 1)).isFalse();
    assertThat(DenseSchur.worthIt(1000, 0, 0)).isFalse();
    // 500 groups of 2 rows each and 60 levels: 500 · 1830 dot-product terms > 16 per row
    assertThat(DenseSchur.worthIt(1000, 500, 60)).isFalse();
  }
}
