package org.econ4j.panel;

import java.util.SplittableRandom;
import org.econ4j.testing.RandomPanels;

/** Small seeded panels for the FE-OLS tests. */
final class OlsTestData {
  private OlsTestData() {}

  /**
   * A panel with columns unit (categorical), year (integer), firm (integer, {@code firms} levels
   * assigned at random), x1, x2, w (positive weights), y = 1.5 x1 &minus; 0.5 x2 + unit + year +
   * firm effects + noise.
   */
  static Panel panel(long seed, int units, int years, int firms) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = units * years;
    String[] unit = new String[n];
    double[] year = new double[n];
    double[] firm = new double[n];
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] w = new double[n];
    double[] y = new double[n];
    double[] ue = new double[units];
    double[] ye = new double[years];
    double[] fe = new double[firms];
    for (int u = 0; u < units; u++) {
      ue[u] = RandomPanels.gaussian(rng);
    }
    for (int t = 0; t < years; t++) {
      ye[t] = RandomPanels.gaussian(rng);
    }
    for (int f = 0; f < firms; f++) {
      fe[f] = RandomPanels.gaussian(rng);
    }
    for (int u = 0; u < units; u++) {
      for (int t = 0; t < years; t++) {
        int i = u * years + t;
        unit[i] = "u" + u;
        year[i] = 2000 + t;
        int f = rng.nextInt(firms);
        firm[i] = f;
        x1[i] = RandomPanels.gaussian(rng) + 0.5 * ue[u];
        x2[i] = RandomPanels.gaussian(rng) + 0.3 * ye[t];
        w[i] = 0.5 + rng.nextDouble();
        y[i] = 1.5 * x1[i] - 0.5 * x2[i] + ue[u] + ye[t] + fe[f] + RandomPanels.gaussian(rng);
      }
    }
    return Panel.builder()
        .categorical("unit", unit)
        .numeric("year", year)
        .numeric("firm", firm)
        .numeric("x1", x1)
        .numeric("x2", x2)
        .numeric("w", w)
        .numeric("y", y)
        .build();
  }
}
