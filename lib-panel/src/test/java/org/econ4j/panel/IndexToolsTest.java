package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexToolsTest {
  static Panel gapped() {
    return Panel.builder()
        .categorical("unit", new String[] {"a", "a", "b", "a", "b", "c"})
        .numeric("year", new double[] {2000, 2001, 2001, 2003, 2000, 2002})
        .numeric("x", new double[] {1, 2, 30, 4, 10, 7})
        .categorical("g", new String[] {"p", "q", "p", "q", "p", "r"})
        .build()
        .withIndex("unit", "year");
  }

  @Test
  void summary() {
    IndexSummary s = gapped().indexSummary();
    assertThat(s.units()).isEqualTo(3);
    assertThat(s.periods()).isEqualTo(4);
    assertThat(s.observations()).isEqualTo(6);
    assertThat(s.minObsPerUnit()).isEqualTo(1);
    assertThat(s.meanObsPerUnit()).isEqualTo(2.0);
    assertThat(s.maxObsPerUnit()).isEqualTo(3);
    assertThat(s.balanced()).isFalse();
    assertThat(s.unitsWithGaps()).isEqualTo(1);
    assertThat(s.timeStep()).isEqualTo(1);
    assertThat(s.firstTime()).isEqualTo(2000);
    assertThat(s.lastTime()).isEqualTo(2003);
    assertThat(s.toString())
        .isEqualTo(
            String.format(
                "panel index (unit, year): unbalanced%n"
                    + "  units: 3, periods: 4 (2000 to 2003, step 1), observations: 6%n"
                    + "  observations per unit: min 1, mean 2.00, max 3%n"
                    + "  units with gaps: 1"));
    assertThat(gapped().balanced().indexSummary().balanced()).isTrue();
  }

  @Test
  void balancedFillsTheGrid() {
    Panel b = gapped().balanced();
    assertThat(b.rows()).isEqualTo(12);
    assertThat(b.labels("unit"))
        .containsExactly("a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c");
    assertThat(b.numeric("year")).startsWith(2000, 2001, 2002, 2003, 2000);
    assertThat(b.numeric("x"))
        .containsExactly(
            1,
            2,
            Double.NaN,
            4,
            10,
            30,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            7,
            Double.NaN);
    assertThat(b.labels("g")).startsWith("p", "q", null, "q");
    assertThat(b.categorical("g").levels()).containsExactly("p", "q", "r");
    assertThat(b.index().orElseThrow().unitColumn()).isEqualTo("unit");
    assertThat(b.lag("x", 1)[3]).isNaN();
  }

  @Test
  void balancedOnStepGridWithNumericUnits() {
    Panel p =
        Panel.builder()
            .numeric("id", new double[] {7, 7, 9})
            .numeric("t", new double[] {1990, 2000, 1995})
            .build()
            .withIndex("id", "t");
    Panel b = p.balanced();
    assertThat(b.numeric("id")).containsExactly(7, 7, 7, 9, 9, 9);
    assertThat(p.index().orElseThrow().step()).isEqualTo(10);
    assertThat(b.numeric("t")).containsExactly(1990, 1995, 2000, 1990, 1995, 2000);
  }

  @Test
  void balancedRefusesHugeGrids() {
    Panel p =
        Panel.builder()
            .categorical("u", new String[] {"a", "a", "b"})
            .numeric("t", new double[] {0, 1, 2e9})
            .build()
            .withIndex("u", "t");
    assertThatThrownBy(p::balanced)
        .hasMessage(
            "the balanced panel would have 4000000002 rows (2 units × 2000000001 periods), more than"
                + " a panel can hold; filter units or periods first");
  }

  @Test
  void needIndex() {
    Panel p = Panel.builder().numeric("x", new double[] {1}).build();
    assertThatThrownBy(p::indexSummary)
        .hasMessage(
            "indexSummary() needs a panel index; call withIndex(unit, time) (command line: --index"
                + " unit,time)");
    assertThatThrownBy(p::balanced)
        .hasMessage(
            "balanced() needs a panel index; call withIndex(unit, time) (command line: --index"
                + " unit,time)");
  }
}
