package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static final double EPS = 1e-12;

  @Test
  void computesStatisticsSkippingMissing() {
    Summary s = Summary.of(Fixtures.small(), "x");
    Summary.Row r = s.row("x");
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.mean()).isCloseTo(4, within(EPS));
    assertThat(r.sd()).isCloseTo(Math.sqrt(12.5), within(EPS));
    assertThat(r.min()).isEqualTo(1);
    assertThat(r.p25()).isEqualTo(2);
    assertThat(r.median()).isEqualTo(3);
    assertThat(r.p75()).isEqualTo(4);
    assertThat(r.max()).isEqualTo(10);
    assertThat(s.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.MISSING);
              assertThat(n.count()).isEqualTo(1);
              assertThat(n.message()).isEqualTo("'x': 1 missing value skipped (N = 5)");
            });
  }

  @Test
  void interpolatesQuantilesAsRType7() {
    Summary.Row r = Summary.of(Fixtures.small(), "x").withBy("region").row("E", "x");
    // 1, 2, 3, 4: h = 0.75, 1.5, 2.25
    assertThat(r.p25()).isCloseTo(1.75, within(EPS));
    assertThat(r.median()).isCloseTo(2.5, within(EPS));
    assertThat(r.p75()).isCloseTo(3.25, within(EPS));
    assertThat(r.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(EPS));
  }

  @Test
  void groupsGiveBlocksAndSingleValuesHaveNoSd() {
    Summary s = Summary.of(Fixtures.small(), "x", "y").withBy("region");
    assertThat(s.by()).contains("region");
    assertThat(s.rows()).hasSize(4);
    assertThat(s.rows().get(0).group()).isEqualTo("E");
    assertThat(s.rows().get(1).variable()).isEqualTo("y");
    Summary.Row w = s.row("W", "x");
    assertThat(w.n()).isEqualTo(1);
    assertThat(w.sd()).isNaN();
    assertThat(w.median()).isEqualTo(10);
    assertThat(s.notes())
        .extracting(Note::message)
        .containsExactly(
            "'x': 1 missing value skipped (N per group in the table)",
            "'y': 1 missing value skipped (N per group in the table)");
    String text = s.toTable().render(TableFormat.TEXT);
    assertThat(text).startsWith("Summary statistics by region\n").contains("region  Variable");
  }

  @Test
  void numericGroupColumnSortsByValueAndMissingGroupIsNoted() {
    Panel p =
        Panel.builder()
            .numeric("g", new double[] {2, 1, Double.NaN, 2})
            .numeric("v", new double[] {1, 2, 3, 4})
            .build();
    Summary s = Summary.of(p, "v").withBy("g");
    assertThat(s.rows()).extracting(Summary.Row::group).containsExactly("1", "2");
    assertThat(s.row("2", "v").mean()).isEqualTo(2.5);
    assertThat(s.notes())
        .extracting(Note::message)
        .containsExactly("1 row with a missing 'g' left out of the grouped summary");
  }

  @Test
  void allMissingVariableGivesEmptyStatistics() {
    Panel p = Panel.builder().numeric("v", new double[] {Double.NaN, Double.NaN}).build();
    Summary.Row r = Summary.of(p, "v").row("v");
    assertThat(r.n()).isZero();
    assertThat(r.mean()).isNaN();
    assertThat(r.median()).isNaN();
    assertThat(r.max()).isNaN();
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.small();
    Summary.of(p, "x", "y").withBy("region").toTable();
    assertThat(p.numeric("x")).containsExactly(Fixtures.X);
    assertThat(p.numeric("y")).containsExactly(Fixtures.Y);
  }

  @Test
  void rejectsUnknownColumnWithThePanelsMessage() {
    assertThatThrownBy(() -> Summary.of(Fixtures.small(), "x", "xx"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'xx'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Summary.of(Fixtures.small(), "x").withBy("regio"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'regio'; " + Fixtures.KNOWN);
  }

  @Test
  void rejectsCategoricalVariable() {
    assertThatThrownBy(() -> Summary.of(Fixtures.small(), "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'region' is categorical (e.g. 'E') but summary needs a numeric column; choose a"
                + " numeric column or convert it");
  }

  @Test
  void rejectsEmptySelection() {
    assertThatThrownBy(() -> Summary.of(Fixtures.small()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "no variables selected for summary; name at least one numeric column ("
                + Fixtures.KNOWN
                + ")");
  }

  @Test
  void rowLookupNamesTheVariables() {
    Summary s = Summary.of(Fixtures.small(), "x");
    assertThatThrownBy(() -> s.row("y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no summary row for variable 'y'; variables: x");
    assertThatThrownBy(() -> Summary.of(Fixtures.small(), (String) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void rendersEveryFormat() {
    Summary s = Summary.of(Fixtures.small(), "x", "y");
    for (TableFormat f : TableFormat.values()) {
      assertThat(s.toTable().render(f)).contains("Median");
    }
    assertThat(s.toString()).contains("'x': 1 missing value skipped (N = 5)");
  }
}
