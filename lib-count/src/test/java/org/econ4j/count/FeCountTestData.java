package org.econ4j.count;

import java.util.SplittableRandom;
import org.econ4j.panel.Panel;
import org.econ4j.testing.RandomPanels;

/** Seeded count panels for the FE count-model tests. */
final class FeCountTestData {
  private FeCountTestData() {}

  /**
   * A panel with columns y (counts), x1, x2, g (unit codes), h (time codes), e (exposure in [0.5,
   * 2]), wt (integer weights 1..3): y ~ Poisson (theta = inf) or NB2(theta) with mean e·exp(0.5 x1
   * − 0.3 x2 + a_g + b_h).
   */
  static Panel generate(int units, int periods, double theta, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = units * periods;
    double[] y = new double[n];
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] g = new double[n];
    double[] h = new double[n];
    double[] e = new double[n];
    double[] wt = new double[n];
    double[] a = new double[units];
    double[] b = new double[periods];
    for (int u = 0; u < units; u++) {
      a[u] = 0.5 * RandomPanels.gaussian(rng);
    }
    for (int t = 0; t < periods; t++) {
      b[t] = 0.2 * RandomPanels.gaussian(rng);
    }
    int i = 0;
    for (int u = 0; u < units; u++) {
      for (int t = 0; t < periods; t++) {
        x1[i] = RandomPanels.gaussian(rng) + 0.3 * a[u];
        x2[i] = rng.nextDouble();
        e[i] = 0.5 + 1.5 * rng.nextDouble();
        wt[i] = 1 + rng.nextInt(3);
        g[i] = u;
        h[i] = 2000 + t;
        double mu = e[i] * Math.exp(0.5 * x1[i] - 0.3 * x2[i] + a[u] + b[t]);
        if (Double.isInfinite(theta)) {
          y[i] = RandomPanels.poisson(rng, mu);
        } else {
          double lambda = gamma(rng, theta) * mu / theta;
          y[i] = RandomPanels.poisson(rng, lambda);
        }
        i++;
      }
    }
    return Panel.builder()
        .numeric("y", y)
        .numeric("x1", x1)
        .numeric("x2", x2)
        .numeric("g", g)
        .numeric("h", h)
        .numeric("e", e)
        .numeric("wt", wt)
        .build();
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang. */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = RandomPanels.gaussian(rng);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
