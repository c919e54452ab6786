package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemeanerProperties {

  /** A seeded random unbalanced panel with three fixed effects, weights and two columns. */
  static final class Case {
    final int[] a;
    final int[] b;
    final int[] c;
    final double[] y;
    final double[] x;
    final double[] w;
    final double[] t;
    final FixedEffects fe;

    Case(int[] a, int[] b, int[] c, double[] y, double[] x, double[] w, double[] t, boolean three) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.y = y;
      this.x = x;
      this.w = w;
      this.t = t;
      FixedEffects f = FixedEffects.of("a", a).withDimension("b", b);
      this.fe = three ? f.withDimension("c", c) : f;
    }
  }

  static Case randomCase(long seed, int n, boolean three) {
    SplittableRandom rng = new SplittableRandom(seed);
    int ga = 2 + n / 8;
    int gb = 2 + n / 20;
    int[] a = new int[n];
    int[] b = new int[n];
    int[] c = new int[n];
    double[] y = new double[n];
    double[] x = new double[n];
    double[] w = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(ga);
      b[i] = rng.nextInt(gb);
      c[i] = rng.nextInt(3);
      x[i] = rng.nextDouble() * 4 - 2;
      y[i] = x[i] + 0.3 * a[i] - 0.2 * b[i] + rng.nextDouble();
      w[i] = 0.2 + rng.nextDouble() * 3;
      t[i] = rng.nextInt(5);
    }
    return new Case(a, b, c, y, x, w, t, three);
  }

  static double[][] design(FixedEffects fe) {
    int n = fe.rows();
    int[][] lay = fe.layout();
    double[][] d = new double[n][fe.coefficientCount()];
    for (int k = 0; k < fe.dimensions(); k++) {
      int[] codes = fe.codes(k);
      double[] x = fe.slopeValues(k);
      for (int i = 0; i < n; i++) {
        if (lay[k][0] >= 0) {
          d[i][lay[k][0] + codes[i]] = 1;
        }
        if (lay[k][1] >= 0) {
          d[i][lay[k][1] + codes[i]] = x[i];
        }
      }
    }
    return d;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void weightedGroupMeansOfDemeanedColumnsAreZero(long seed) {
    Case c = randomCase(seed, 400, seed % 2 == 0);
    DemeanResult r =
        Demeaner.defaults().withTolerance(1e-9).demean(c.fe, new double[][] {c.y, c.x}, c.w);
    assertThat(r.converged()).isTrue();
    for (int j = 0; j < 2; j++) {
      double[] e = r.column(j);
      for (int k = 0; k < c.fe.dimensions(); k++) {
        int[] codes = c.fe.codes(k);
        double[] s = new double[c.fe.levels(k)];
        double[] sw = new double[c.fe.levels(k)];
        for (int i = 0; i < e.length; i++) {
          s[codes[i]] += c.w[i] * e[i];
          sw[codes[i]] += c.w[i];
        }
        for (int g = 0; g < s.length; g++) {
          assertThat(s[g] / sw[g])
              .as("column %d dim %d level %d", j, k, g)
              .isCloseTo(0, offset(1e-7));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void equalsResidualOfRegressionOnDummies(long seed) {
    Case c = randomCase(seed, 120, true);
    FixedEffects withSlope = c.fe.withVaryingSlope("s", c.c, "t", c.t);
    FixedEffects twoWay = FixedEffects.of("a", c.a).withDimension("b", c.b);
    FixedEffects combined =
        FixedEffects.of("a", c.a).withDimension("b^c", FixedEffects.combine(c.b, c.c));
    for (FixedEffects fe : List.of(c.fe, withSlope, twoWay, combined)) {
      for (boolean weighted : new boolean[] {false, true}) {
        double[] expected = DenseAlgebra.residual(design(fe), c.y, weighted ? c.w : null);
        for (Demeaner.Method m : Demeaner.Method.values()) {
          Demeaner d = Demeaner.defaults().withTolerance(1e-11).withMethod(m);
          DemeanResult r =
              weighted
                  ? d.demean(fe, new double[][] {c.y}, c.w)
                  : d.demean(fe, new double[][] {c.y});
          assertThat(r.column(0))
              .as("%s weighted=%s %s", m, weighted, fe)
              .containsExactly(expected, offset(1e-7));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void invariantToRowPermutationAndRelabelling(long seed) {
    Case c = randomCase(seed, 300, true);
    int n = c.y.length;
    SplittableRandom rng = new SplittableRandom(seed * 31);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    int[] a2 = new int[n];
    int[] b2 = new int[n];
    int[] c2 = new int[n];
    double[] y2 = new double[n];
    for (int i = 0; i < n; i++) {
      int s = perm[i];
      a2[i] = 1000 - 7 * c.a[s]; // relabelled, reversed order
      b2[i] = c.b[s] * 13 + 5;
      c2[i] = 2 - c.c[s];
      y2[i] = c.y[s];
    }
    Demeaner d = Demeaner.defaults().withTolerance(1e-11);
    double[] base = d.demean(c.fe, new double[][] {c.y}).column(0);
    FixedEffects fe2 = FixedEffects.of("a", a2).withDimension("b", b2).withDimension("c", c2);
    double[] other = d.demean(fe2, new double[][] {y2}).column(0);
    for (int i = 0; i < n; i++) {
      assertThat(other[i]).isCloseTo(base[perm[i]], offset(1e-8));
    }
    assertThat(fe2.degreesOfFreedom().absorbed()).isEqualTo(c.fe.degreesOfFreedom().absorbed());
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32})
  void bitIdenticalForAnyThreadCount(long seed) {
    Case c = randomCase(seed, 500, true);
    double[][] cols = {c.y, c.x, c.w, c.t};
    DemeanResult one = Demeaner.defaults().withParallelism(1).demean(c.fe, cols, c.w);
    DemeanResult two = Demeaner.defaults().withParallelism(2).demean(c.fe, cols, c.w);
    DemeanResult four = Demeaner.defaults().withParallelism(4).demean(c.fe, cols, c.w);
    for (int j = 0; j < cols.length; j++) {
      assertThat(two.column(j)).containsExactly(one.column(j));
      assertThat(four.column(j)).containsExactly(one.column(j));
      assertThat(two.iterations(j)).isEqualTo(one.iterations(j));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {71, 72})
  void implicitSchurCgIsBitIdenticalForAnyThreadCount(long seed) {
    Case c = randomCase(seed, 500, true);
    FixedEffects three = FixedEffects.of("a", c.a).withDimension("b", c.b).withDimension("c", c.c);
    double[][] cols = {c.y, c.x, c.t};
    long saved = Problem.schurPasses;
    Problem.schurPasses = 0; // no explicit Schur complement: the product is a pass over the rows
    try {
      for (double[] w : new double[][] {null, c.w}) {
        DemeanResult[] r = new DemeanResult[3];
        int[] threads = {1, 2, 4};
        for (int k = 0; k < 3; k++) {
          Demeaner d = Demeaner.defaults().withParallelism(threads[k]);
          r[k] = w == null ? d.demean(three, cols) : d.demean(three, cols, w);
        }
        assertThat(r[0].method(0)).isEqualTo(Demeaner.Method.CONJUGATE_GRADIENT);
        for (int j = 0; j < cols.length; j++) {
          assertThat(r[1].column(j)).containsExactly(r[0].column(j));
          assertThat(r[2].column(j)).containsExactly(r[0].column(j));
          assertThat(r[1].iterations(j)).isEqualTo(r[0].iterations(j));
        }
        double[] expected = DenseAlgebra.residual(design(three), c.y, w);
        assertThat(r[0].column(0)).containsExactly(expected, offset(1e-5));
      }
    } finally {
      Problem.schurPasses = saved;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43, 44})
  void projectionsAndConjugateGradientsAgree(long seed) {
    Case c = randomCase(seed, 600, seed % 2 == 0);
    Demeaner ap =
        Demeaner.defaults()
            .withTolerance(1e-10)
            .withMethod(Demeaner.Method.ALTERNATING_PROJECTIONS);
    Demeaner cg = ap.withMethod(Demeaner.Method.CONJUGATE_GRADIENT);
    DemeanResult r1 = ap.demean(c.fe, new double[][] {c.y, c.x}, c.w);
    DemeanResult r2 = cg.demean(c.fe, new double[][] {c.y, c.x}, c.w);
    assertThat(r2.method(0)).isEqualTo(Demeaner.Method.CONJUGATE_GRADIENT);
    for (int j = 0; j < 2; j++) {
      assertThat(r2.column(j)).containsExactly(r1.column(j), offset(1e-7));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {61, 62})
  void implicitAndExplicitSchurComplementsAgree(long seed) {
    Case c = randomCase(seed, 500, true);
    Demeaner cg =
        Demeaner.defaults().withTolerance(1e-10).withMethod(Demeaner.Method.CONJUGATE_GRADIENT);
    DemeanResult explicit = cg.demean(c.fe, new double[][] {c.y, c.x}, c.w);
    FixedEffects twoWay = FixedEffects.of("a", c.a).withDimension("b", c.b);
    DemeanResult explicit2 = cg.demean(twoWay, new double[][] {c.y}, c.w);
    long saved = Problem.schurPasses;
    Problem.schurPasses = 0;
    try {
      // two dimensions without a cheap Schur complement: CG over level pairs
      DemeanResult pairs = cg.demean(twoWay, new double[][] {c.y}, c.w);
      assertThat(pairs.column(0)).containsExactly(explicit2.column(0), offset(1e-7));
      DemeanResult implicit = cg.demean(c.fe, new double[][] {c.y, c.x}, c.w);
      DemeanResult unweighted = cg.demean(c.fe, new double[][] {c.y});
      for (int j = 0; j < 2; j++) {
        assertThat(implicit.column(j)).containsExactly(explicit.column(j), offset(1e-7));
      }
      double[] expected = DenseAlgebra.residual(design(c.fe), c.y, null);
      assertThat(unweighted.column(0)).containsExactly(expected, offset(1e-7));
    } finally {
      Problem.schurPasses = saved;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 52, 53})
  void recoveredEffectsReproduceTheFixedEffectSums(long seed) {
    Case c = randomCase(seed, 250, seed != 52);
    double beta = 1.0;
    List<FeCoefficients> coef = c.fe.recover(c.y, new double[][] {c.x}, new double[] {beta});
    double[] resid =
        Demeaner.defaults().withTolerance(1e-11).demean(c.fe, new double[][] {c.y}).column(0);
    double[] xres =
        Demeaner.defaults().withTolerance(1e-11).demean(c.fe, new double[][] {c.x}).column(0);
    int n = c.y.length;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < c.fe.dimensions(); k++) {
        sum += coef.get(k).intercepts()[c.fe.codes(k)[i]];
      }
      // y − xβ − Σα equals the demeaned (y − xβ)
      assertThat(c.y[i] - beta * c.x[i] - sum).isCloseTo(resid[i] - beta * xres[i], offset(1e-7));
    }
    // normalisation: the first level of the second dimension is 0 (connected graph here)
    assertThat(coef.get(1).intercepts()[0]).isEqualTo(0.0);
    if (c.fe.dimensions() == 3) {
      assertThat(coef.get(2).intercepts()[0]).isEqualTo(0.0);
    }
  }
}
