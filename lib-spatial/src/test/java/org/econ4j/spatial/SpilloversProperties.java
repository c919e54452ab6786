package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.econ4j.panel.Panel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded invariants of spillover columns. */
class SpilloversProperties {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void staticSpilloverEqualsSparseProductPerPeriodInAnyRowOrder(long seed) {
    int n = 25;
    int years = 4;
    WeightMatrix w = WeightMatrixProperties.randomSparse(n, seed).withoutSelfLinks();
    SplittableRandom r = new SplittableRandom(seed);
    int rows = n * years;
    String[] unit = new String[rows];
    double[] year = new double[rows];
    double[] x = new double[rows];
    // shuffled row order
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[][] byYear = new double[years][n];
    for (int k = 0; k < rows; k++) {
      int cell = order[k];
      int u = cell % n;
      int t = cell / n;
      unit[k] = w.ids().get(u);
      year[k] = 2000 + t;
      x[k] = r.nextGaussian();
      byYear[t][u] = x[k];
    }
    Panel p =
        Panel.builder()
            .categorical("u", unit)
            .numeric("t", year)
            .numeric("x", x)
            .build()
            .withIndex("u", "t");
    Panel out = Spillovers.of(w).apply(p, List.of("x")).panel();
    Panel lagged = Spillovers.of(w).withValueLag(1).apply(p, List.of("x")).panel();
    double[][] lag = new double[years][];
    for (int t = 0; t < years; t++) {
      lag[t] = w.multiply(byYear[t]);
    }
    for (int k = 0; k < rows; k++) {
      int u = w.indexOf(unit[k]);
      int t = (int) year[k] - 2000;
      assertThat(out.value("W_x", k)).isCloseTo(lag[t][u], within(1e-12));
      if (t > 0) {
        assertThat(lagged.value("W_x", k)).isCloseTo(w.multiply(byYear[t - 1])[u], within(1e-12));
      } else if (w.cardinality(u) == 0) {
        assertThat(lagged.value("W_x", k)).isZero(); // a unit without neighbours has a zero lag
      } else {
        assertThat(Double.isNaN(lagged.value("W_x", k))).isTrue(); // no values before 2000
      }
    }
  }
}
