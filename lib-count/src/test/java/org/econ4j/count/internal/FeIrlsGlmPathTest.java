package org.econ4j.count.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.junit.jupiter.api.Test;

/**
 * FeIrls on fixest's path ({@link FeIrls#runGlm}): it reaches the same optimum as the ppmlhdfe
 * start with the adaptive schedule, and its first step is measured against the constant predictor
 * 1e-5 (halved towards it when it does worse, as fixest).
 */
class FeIrlsGlmPathTest {

  private static FeIrls irls(double[] y, double[][] x, FixedEffects fe) {
    double[] w = new double[y.length];
    Arrays.fill(w, 1);
    return new FeIrls(
        y,
        w,
        new double[y.length],
        x,
        fe,
        Demeaner.defaults().withTolerance(1e-12),
        LeastSquares.defaults());
  }

  @Test
  void outcomesOfOneMakeTheFirstStepHalveAndTheOptimumIsUnchanged() {
    // y = 1 everywhere: the constant predictor 1e-5 (μ ≈ 1) fits better than the first step from
    // μ = y + 0.1 (η ≈ 0.0044), so fixest's rule halves that step towards it
    SplittableRandom rng = new SplittableRandom(17);
    int n = 200;
    double[] y = new double[n];
    double[] one = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      one[i] = 1;
      x[i] = rng.nextGaussian();
      y[i] = 1;
    }
    double[][] cols = {one, x};
    FeIrls glm = irls(y, cols, null);
    glm.startGlm();
    assertThat(glm.runGlm(25, 1e-13)).isTrue();
    assertThat(glm.halvings()).isPositive();
    FeIrls adaptive = irls(y, cols, null);
    adaptive.startFromOutcome();
    assertThat(adaptive.run(Double.POSITIVE_INFINITY, 25, 1e-13)).isTrue();
    assertThat(glm.beta()).containsExactly(adaptive.beta(), offset(1e-9));
    assertThat(glm.beta()).containsExactly(new double[] {0, 0}, offset(1e-9)); // μ = 1
  }

  @Test
  void withFixedEffectsBothPathsReachTheSameOptimum() {
    SplittableRandom rng = new SplittableRandom(23);
    int n = 600;
    int[] unit = new int[n];
    int[] year = new int[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      unit[i] = i % 60;
      year[i] = i / 60;
      x[i] = rng.nextGaussian();
      double mu = Math.exp(0.5 * x[i] + 0.3 * (unit[i] % 5) - 0.1 * year[i]);
      // a Poisson draw by inversion
      double u = rng.nextDouble();
      double p = Math.exp(-mu);
      double c = p;
      int k = 0;
      while (u > c && k < 1000) {
        k++;
        p *= mu / k;
        c += p;
      }
      y[i] = k;
    }
    FixedEffects fe = FixedEffects.of("unit", unit).withDimension("year", year);
    FeIrls glm = irls(y, new double[][] {x}, fe);
    glm.startGlm();
    assertThat(glm.runGlm(25, 1e-13)).isTrue();
    FeIrls adaptive = irls(y, new double[][] {x}, fe);
    adaptive.startFromOutcome();
    assertThat(adaptive.run(Double.POSITIVE_INFINITY, 25, 1e-13)).isTrue();
    assertThat(glm.beta()[0]).isCloseTo(adaptive.beta()[0], offset(1e-9));
    assertThat(glm.beta()[0]).isCloseTo(0.5, offset(0.15));
  }
}
