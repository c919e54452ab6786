package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Time-aware lags against plm 2.6-2 {@code lag(x, k, shift = "time")} and {@code diff} on Produc
 * with gaps (all of 1975 and ALABAMA 1980 removed). The file is read with our own {@code readCsv}.
 */
class PanelLagReferenceTest {
  private static final String FILE = "reference/plm/produc_gap_lags.csv";

  @Test
  void lagsAndDiffsMatchPlmExactly() {
    Panel p = Panel.readCsv(ReferenceData.path(FILE)).withIndex("state", "year");
    assertThat(p.rows()).isEqualTo(767);
    assertThat(p.type("state")).isEqualTo(ColumnType.CATEGORICAL);
    assertExact(p.lag("gsp", 1), p.numeric("lag1_time"));
    assertExact(p.lag("gsp", 2), p.numeric("lag2_time"));
    assertExact(p.diff("gsp", 1), p.numeric("diff1_time"));
    IndexSummary s = p.indexSummary();
    assertThat(s.units()).isEqualTo(48);
    assertThat(s.periods()).isEqualTo(16);
    assertThat(s.timeStep()).isEqualTo(1);
    assertThat(s.unitsWithGaps()).isEqualTo(48);
    assertThat(s.balanced()).isFalse();
    // the gaps give missing values, not the previous row
    int missing = 0;
    for (double v : p.lag("gsp", 1)) {
      if (Double.isNaN(v)) {
        missing++;
      }
    }
    assertThat(missing).isEqualTo(48 * 2 + 1);
  }

  private static void assertExact(double[] got, double[] expected) {
    assertThat(got).hasSize(expected.length);
    for (int i = 0; i < got.length; i++) {
      assertThat(Double.doubleToLongBits(got[i]))
          .as("row %d: %s vs plm %s", i + 1, got[i], expected[i])
          .isEqualTo(Double.doubleToLongBits(expected[i]));
    }
  }
}
