package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.RandomPanels;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of the sandwich over seeded random regressions. */
class SandwichProperties {

  private static final class Problem {
    final double[][] x;
    final double[] y;
    final int[] groups;
    final int[] time;
    final int[] unit;

    Problem(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      int n = 60 + rng.nextInt(60);
      x = new double[3][n];
      y = new double[n];
      groups = new int[n];
      time = new int[n];
      unit = new int[n];
      for (int i = 0; i < n; i++) {
        x[0][i] = 1;
        x[1][i] = RandomPanels.gaussian(rng);
        x[2][i] = RandomPanels.gaussian(rng) * 2 + x[1][i];
        y[i] = 1 + x[1][i] - 0.5 * x[2][i] + RandomPanels.gaussian(rng) * (1 + Math.abs(x[1][i]));
        groups[i] = rng.nextInt(7);
        unit[i] = i / 6;
        time[i] = 2000 + i % 6;
      }
    }

    InferenceData data(double scale) {
      LeastSquaresFit f = LeastSquares.defaults().fit(x, y);
      double[] e = f.residuals();
      int n = y.length;
      double[][] s = new double[3][n];
      for (int j = 0; j < 3; j++) {
        for (int i = 0; i < n; i++) {
          s[j][i] = x[j][i] * e[i] * scale;
        }
      }
      int[] own = new int[n];
      for (int i = 0; i < n; i++) {
        own[i] = 3 * i + 11;
      }
      return InferenceData.builder(f.bread(), s, n)
          .iidScale(scale * scale * f.rss() / (n - 1))
          .cluster("g", groups)
          .cluster("own", own)
          .cluster("t", time)
          .time(time)
          .unit(unit)
          .build();
    }
  }

  private static void assertClose(double[][] a, double[][] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        assertThat(Tolerances.relErr(a[i][j], b[i][j])).isLessThan(tol);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void oneObservationPerClusterEqualsHc1(long seed) {
    InferenceData d = new Problem(seed).data(1);
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    // fixest: G/(G-1) (n-1)/(n-K) with G = n is exactly HC1's n/(n-K)
    assertClose(
        Sandwich.compute(d, Vcov.cluster("own"), fx).matrix(),
        Sandwich.compute(d, Vcov.hetero(), fx).matrix(),
        1e-12);
    // without adjustments, clustering on singletons is HC0
    assertClose(
        Sandwich.compute(d, Vcov.cluster("own"), SmallSampleCorrection.none()).matrix(),
        Sandwich.compute(d, Vcov.hc0(), SmallSampleCorrection.none()).matrix(),
        1e-12);
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7, 8})
  void scalingScoresScalesVcovQuadratically(long seed) {
    Problem p = new Problem(seed);
    InferenceData d1 = p.data(1);
    InferenceData d3 = p.data(-3);
    for (Vcov v :
        new Vcov[] {
          Vcov.iid(), Vcov.hetero(), Vcov.cluster("g"), Vcov.neweyWest(2), Vcov.driscollKraay(1)
        }) {
      double[][] a = Sandwich.compute(d1, v, SmallSampleCorrection.fixest()).matrix();
      double[][] b = Sandwich.compute(d3, v, SmallSampleCorrection.fixest()).matrix();
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a.length; j++) {
          a[i][j] *= 9;
        }
      }
      assertClose(b, a, 1e-10);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {9, 10, 11})
  void clusterVcovIsSymmetricPsdAndRelabellingInvariant(long seed) {
    Problem p = new Problem(seed);
    InferenceData d = p.data(1);
    double[][] v = Sandwich.compute(d, Vcov.cluster("g"), SmallSampleCorrection.fixest()).matrix();
    int[] relabelled = new int[p.groups.length];
    for (int i = 0; i < relabelled.length; i++) {
      relabelled[i] = 100 - 7 * p.groups[i];
    }
    InferenceData d2 =
        InferenceData.builder(d.bread(), copyScores(p), p.y.length)
            .cluster("g", relabelled)
            .build();
    assertClose(
        Sandwich.compute(d2, Vcov.cluster("g"), SmallSampleCorrection.fixest()).matrix(), v, 1e-12);
    for (int i = 0; i < v.length; i++) {
      assertThat(v[i][i]).isPositive();
      for (int j = 0; j < v.length; j++) {
        assertThat(v[i][j]).isEqualTo(v[j][i]);
      }
    }
    double[] ev = org.econ4j.core.linalg.SymmetricMatrices.eigenvalues(v);
    assertThat(ev[0]).isGreaterThan(-1e-12 * ev[ev.length - 1]);
  }

  private static double[][] copyScores(Problem p) {
    LeastSquaresFit f = LeastSquares.defaults().fit(p.x, p.y);
    double[] e = f.residuals();
    double[][] s = new double[3][p.y.length];
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < p.y.length; i++) {
        s[j][i] = p.x[j][i] * e[i];
      }
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(longs = {14, 15, 16})
  void twoWayWithSingletonWayEqualsOneWay(long seed) {
    // V_g + V_own - V_(g & own) = V_g since g & own = own; with G.df = min both use G_g
    InferenceData d = new Problem(seed).data(1);
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertClose(
        Sandwich.compute(d, Vcov.cluster("g", "own"), fx).matrix(),
        Sandwich.compute(d, Vcov.cluster("g"), fx).matrix(),
        1e-10);
    assertThat(Sandwich.compute(d, Vcov.cluster("own", "g"), fx).tDf()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(longs = {17, 18})
  void threeWayWithSingletonWayEqualsTwoWay(long seed) {
    // the terms involving the singleton way cancel: V_c - V_ac - V_bc + V_abc = 0
    InferenceData d = new Problem(seed).data(1);
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertClose(
        Sandwich.compute(d, Vcov.cluster("g", "t", "own"), fx).matrix(),
        Sandwich.compute(d, Vcov.cluster("g", "t"), fx).matrix(),
        1e-9);
  }

  @ParameterizedTest
  @ValueSource(longs = {12, 13})
  void neweyWestLagZeroIsHc0TimesKFactor(long seed) {
    InferenceData d = new Problem(seed).data(1);
    SmallSampleCorrection none = SmallSampleCorrection.none();
    assertClose(
        Sandwich.compute(d, Vcov.neweyWest(0), none).matrix(),
        Sandwich.compute(d, Vcov.hc0(), none).matrix(),
        1e-12);
  }
}
