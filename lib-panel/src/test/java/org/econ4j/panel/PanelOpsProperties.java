package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PanelOpsProperties {
  static Panel random(long seed) {
    RandomPanels.Columns c =
        RandomPanels.generate(
            RandomPanels.Spec.of(6 + (int) (seed % 5), 5)
                .withCategorical(2, 4)
                .withShuffledRows(true)
                .withMissingProbability(0.1)
                .withDropProbability(0.2),
            seed);
    PanelBuilder b = Panel.builder();
    for (Map.Entry<String, String[]> e : c.categorical().entrySet()) {
      b.categorical(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, double[]> e : c.numeric().entrySet()) {
      b.numeric(e.getKey(), e.getValue());
    }
    return b.build();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void filtersAndJoinsKeepColumnTypes(long seed) {
    Panel p = random(seed);
    SplittableRandom rng = new SplittableRandom(seed);
    Panel f = p.filter(r -> rng.nextBoolean());
    assertThat(f.columnNames()).isEqualTo(p.columnNames());
    for (String c : p.columnNames()) {
      assertThat(f.type(c)).isEqualTo(p.type(c));
    }
    Panel attrs =
        p.groupBy("unit")
            .aggregate(Aggregation.mean("y"), Aggregation.of("c1", Aggregation.Function.FIRST));
    Panel j = p.leftJoin(attrs, "unit");
    for (String c : p.columnNames()) {
      assertThat(j.type(c)).isEqualTo(p.type(c));
    }
    assertThat(j.type("y_mean")).isEqualTo(ColumnType.NUMERIC);
    assertThat(j.type("c1_first")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(j.rows()).isEqualTo(p.rows());
    Panel s = p.sort("c1", "y");
    for (String c : p.columnNames()) {
      assertThat(s.type(c)).isEqualTo(p.type(c));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void groupSumsEqualTheTotal(long seed) {
    Panel p = random(seed);
    double total = 0;
    for (double v : p.numeric("x1")) {
      if (!Double.isNaN(v)) {
        total += v;
      }
    }
    for (String[] keys : new String[][] {{"unit"}, {"c1"}, {"unit", "time"}, {"c1", "c2"}}) {
      Panel g =
          p.groupBy(keys)
              .aggregate(
                  Aggregation.sum("x1"),
                  Aggregation.count("n"),
                  Aggregation.of("x1", Aggregation.Function.SHARE));
      double s = 0;
      double n = 0;
      double share = 0;
      for (int i = 0; i < g.rows(); i++) {
        s += g.value("x1_sum", i);
        n += g.value("n", i);
        share += g.value("x1_share", i);
      }
      assertThat(s).isCloseTo(total, within(1e-9 * (1 + Math.abs(total))));
      assertThat(n).isEqualTo(p.rows());
      assertThat(share).isCloseTo(100, within(1e-6));
    }
  }
}
