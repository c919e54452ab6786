package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.core.EstimationException;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class MoranTestTest {
  private static final WeightMatrix W = Columbus.gal().standardize(Standardization.ROW);
  private static final double[] CRIME = Columbus.column("CRIME");

  @Test
  void permutationMomentsMatchRandomisationMoments() {
    // the randomisation moments are the exact moments of the permutation distribution
    MoranTest t = MoranTest.defaults().withPermutations(20000).withSeed(7);
    MoranResult perm = t.permutation(CRIME, W);
    MoranResult rand = t.moran(CRIME, W);
    assertThat(perm.statistic()).isEqualTo(rand.statistic());
    assertThat(perm.expectation()).isCloseTo(rand.expectation(), within(0.003));
    assertThat(perm.variance()).isCloseTo(rand.variance(), within(0.05 * rand.variance()));
    assertThat(perm.pValue()).isEqualTo(1.0 / 20001);
    assertThat(perm.inference()).isEqualTo(MoranTest.Inference.PERMUTATION);
    assertThat(perm.permutations()).isEqualTo(20000);
  }

  @Test
  void gearyRandomisationMomentsMatchPermutations() {
    MoranTest t = MoranTest.defaults();
    MoranResult g = t.geary(CRIME, W);
    assertThat(g.test()).isEqualTo(MoranTest.Statistic.GEARY);
    assertThat(g.expectation()).isEqualTo(1.0);
    // Monte Carlo check of E[C] = 1 and Var[C] under randomisation
    double[] x = CRIME.clone();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    int draws = 20000;
    double s = 0;
    double ss = 0;
    for (int d = 0; d < draws; d++) {
      for (int a = x.length - 1; a > 0; a--) {
        int b = rng.nextInt(a + 1);
        double tmp = x[a];
        x[a] = x[b];
        x[b] = tmp;
      }
      double c = t.geary(x, W).statistic();
      s += c;
      ss += c * c;
    }
    double mean = s / draws;
    double var = (ss - draws * mean * mean) / (draws - 1);
    assertThat(mean).isCloseTo(1.0, within(0.003));
    assertThat(var).isCloseTo(g.variance(), within(0.05 * g.variance()));
    // normality variance formula: hand-computed from S0, S1, S2
    WeightSummary sm = W.summary();
    double n = 49;
    double vn =
        ((2 * sm.s1() + sm.s2()) * (n - 1) - 4 * sm.s0() * sm.s0())
            / (2 * (n + 1) * sm.s0() * sm.s0());
    MoranResult gn = t.withInference(MoranTest.Inference.NORMALITY).geary(CRIME, W);
    assertThat(gn.variance()).isCloseTo(vn, within(1e-14));
    assertThat(gn.z()).isCloseTo((1 - gn.statistic()) / Math.sqrt(vn), within(1e-12));
    assertThat(g.statistic()).isLessThan(1); // positive autocorrelation
  }

  @Test
  void alternatives() {
    MoranResult g = MoranTest.defaults().moran(CRIME, W);
    MoranResult l =
        MoranTest.defaults().withAlternative(MoranTest.Alternative.LESS).moran(CRIME, W);
    MoranResult two =
        MoranTest.defaults()
            .withAlternative(MoranTest.Alternative.parse("two.sided"))
            .moran(CRIME, W);
    assertThat(g.pValue() + l.pValue()).isCloseTo(1, within(1e-15));
    assertThat(two.pValue()).isCloseTo(2 * g.pValue(), within(1e-20));
  }

  @Test
  void permutationIsSeededAndReportsProgress() {
    List<Integer> seen = new ArrayList<>();
    MoranTest t = MoranTest.defaults().withPermutations(200).withSeed(11).withProgress(seen::add);
    MoranResult a = t.permutation(CRIME, W);
    assertThat(seen).contains(200).isSorted();
    MoranResult b = t.permutation(CRIME, W);
    assertThat(a).isEqualTo(b);
    assertThat(t.withSeed(12).permutation(CRIME, W).expectation()).isNotEqualTo(a.expectation());
  }

  @Test
  void localMoran() {
    LocalMoranResult r = MoranTest.defaults().withPermutations(499).local(CRIME, W);
    double[] li = r.statistic();
    // sum of local statistics = n·I·S0/n... for row-standardised W: Σ I_i = n I (S0 = n)
    double sum = 0;
    for (double v : li) {
      sum += v;
    }
    double global = MoranTest.defaults().moran(CRIME, W).statistic();
    assertThat(sum / 49).isCloseTo(global, within(1e-12));
    assertThat(r.expectation()[0]).isCloseTo(-1.0 / 48, within(1e-15));
    for (double p : r.pValue()) {
      assertThat(p).isBetween(1.0 / 500, 1.0);
    }
    assertThat(r.quadrants()).hasSize(49).contains("high-high", "low-low");
    assertThat(r.ids()).isEqualTo(W.ids());
    assertThat(r.permutations()).isEqualTo(499);
    assertThat(MoranTest.defaults().withPermutations(499).local(CRIME, W).pValue())
        .containsExactly(r.pValue());
  }

  @Test
  void residualsFromGivenResidualsMatchOls() {
    double[] inc = Columbus.column("INC");
    double[] hoval = Columbus.column("HOVAL");
    MoranResult a = MoranTest.defaults().olsResiduals(CRIME, new double[][] {inc, hoval}, W);
    // residuals of a fit on the same design: projecting twice changes nothing
    double[] one = new double[49];
    java.util.Arrays.fill(one, 1);
    MoranResult b =
        MoranTest.defaults()
            .residuals(residuals(CRIME, one, inc, hoval), new double[][] {one, inc, hoval}, W);
    assertThat(b.statistic()).isCloseTo(a.statistic(), within(1e-10));
    assertThat(b.variance()).isCloseTo(a.variance(), within(1e-12));
  }

  private static double[] residuals(double[] y, double[]... x) {
    // tiny Gram-Schmidt projection for the test
    int n = y.length;
    double[][] q = new double[x.length][];
    for (int j = 0; j < x.length; j++) {
      double[] c = x[j].clone();
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double r = 0;
          for (int i = 0; i < n; i++) {
            r += q[k][i] * c[i];
          }
          for (int i = 0; i < n; i++) {
            c[i] -= r * q[k][i];
          }
        }
      }
      double nn = 0;
      for (double v : c) {
        nn += v * v;
      }
      for (int i = 0; i < n; i++) {
        c[i] /= Math.sqrt(nn);
      }
      q[j] = c;
    }
    double[] e = y.clone();
    for (double[] qk : q) {
      double r = 0;
      for (int i = 0; i < n; i++) {
        r += qk[i] * e[i];
      }
      for (int i = 0; i < n; i++) {
        e[i] -= r * qk[i];
      }
    }
    return e;
  }

  @Test
  void islandsAreNotCountedInN() {
    // unit "50" without neighbours, kept with the ZERO policy (spdep zero.policy = TRUE, adjust.n)
    List<String> ids = new ArrayList<>(W.ids());
    ids.add("50");
    double[][] d = W.toDense();
    double[][] big = new double[50][50];
    for (int i = 0; i < 49; i++) {
      System.arraycopy(d[i], 0, big[i], 0, 49);
    }
    WeightMatrix w = WeightMatrix.fromDense(ids, big, IslandPolicy.ZERO);
    double[] x = java.util.Arrays.copyOf(CRIME, 50);
    x[49] = 30;
    MoranResult r = MoranTest.defaults().moran(x, w);
    assertThat(r.n()).isEqualTo(49);
    assertThat(r.expectation()).isCloseTo(-1.0 / 48, within(1e-15));
  }

  @Test
  void inputsUnchanged() {
    double[] x = CRIME.clone();
    MoranTest.defaults().moran(x, W);
    MoranTest.defaults().withPermutations(10).permutation(x, W);
    assertThat(x).containsExactly(CRIME);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> MoranTest.defaults().moran(new double[3], W))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "Moran's I needs one value per unit of the weight matrix: got 3 values for 49 units;"
                + " align the data with WeightMatrix.align");
    double[] x = CRIME.clone();
    x[4] = Double.NaN;
    assertThatThrownBy(() -> MoranTest.defaults().moran(x, W))
        .hasMessage(
            "Moran's I needs complete data, but 1 units have missing or non-finite values: '5';"
                + " drop them from the data and the weight matrix");
    assertThatThrownBy(() -> MoranTest.defaults().geary(new double[49], W))
        .hasMessage("Geary's C is undefined for a constant variable (all values equal)");
    assertThatThrownBy(() -> MoranTest.defaults().withPermutations(0))
        .hasMessage("number of permutations must be at least 1, got 0; e.g. 999");
    assertThatThrownBy(
            () -> MoranTest.defaults().olsResiduals(CRIME, new double[][] {CRIME, CRIME}, W))
        .isInstanceOf(EstimationException.class)
        .hasMessage(
            "design column 3 is collinear with the previous columns; drop it before the residual"
                + " Moran test");
    assertThatThrownBy(() -> MoranTest.Alternative.parse("up"))
        .hasMessage("unknown alternative 'up'; use one of greater, less, two-sided");
    assertThatThrownBy(() -> MoranTest.defaults().withInference(MoranTest.Inference.PERMUTATION))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
