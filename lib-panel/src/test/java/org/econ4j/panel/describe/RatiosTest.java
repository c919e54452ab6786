package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class RatiosTest {
  private static final double EPS = 1e-12;

  @Test
  void rowRatiosAndNewColumn() {
    Ratios r = Ratios.of(Fixtures.small(), "y", "x").withScale(100).withName("dep");
    assertThat(r.scale()).isEqualTo(100);
    assertThat(r.name()).isEqualTo("dep");
    assertThat(r.values()).containsExactly(200, 200, Double.NaN, 200, 10, Double.NaN);
    Panel withCol = r.addTo();
    assertThat(withCol.numeric("dep")).containsExactly(r.values());
    assertThat(r.notes())
        .extracting(Note::message)
        .containsExactly("2 rows have a missing 'y' or 'x'; ratio missing");
    Ratios.Row all = r.row("All", "");
    assertThat(all.n()).isEqualTo(4);
    assertThat(all.ratioOfSums()).isCloseTo(100 * 15.0 / 17, within(EPS));
    assertThat(all.meanRatio()).isCloseTo(152.5, within(EPS));
    assertThat(all.min()).isEqualTo(10);
    assertThat(all.max()).isEqualTo(200);
    assertThat(Ratios.of(Fixtures.small(), "y", "x").name()).isEqualTo("y_to_x");
  }

  @Test
  void summaryByGroupAndPeriod() {
    Ratios r = Ratios.of(Fixtures.small(), "y", "x").withScale(100).withBy("region", "year");
    assertThat(r.rows()).hasSize(3);
    Ratios.Row e01 = r.row("E", "2001");
    assertThat(e01.n()).isEqualTo(2);
    assertThat(e01.numeratorSum()).isEqualTo(12);
    assertThat(e01.denominatorSum()).isEqualTo(6);
    assertThat(e01.ratioOfSums()).isCloseTo(200, within(EPS));
    assertThat(r.row("W", "2000").meanRatio()).isCloseTo(10, within(EPS));
    assertThat(r.toString()).contains("y_to_x = 100 * y / x by region and year");
    Ratios byRegion = r.withBy("region");
    assertThat(byRegion.row("E", "").n()).isEqualTo(3);
  }

  @Test
  void zeroDenominatorIsMissingWithANote() {
    Panel p =
        Panel.builder()
            .numeric("imports", new double[] {1, 2})
            .numeric("gdp", new double[] {0, 4})
            .build();
    Ratios r = Ratios.of(p, "imports", "gdp");
    assertThat(r.values()).containsExactly(Double.NaN, 0.5);
    assertThat(r.notes())
        .extracting(Note::message)
        .containsExactly("1 row has a zero 'gdp'; ratio missing");
  }

  @Test
  void errors() {
    Panel p = Fixtures.small();
    assertThatThrownBy(() -> Ratios.of(p, "imports", "x"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'imports'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Ratios.of(p, "y", "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'region' is categorical (e.g. 'E') but a ratio needs a numeric column; choose a"
                + " numeric column or convert it");
    Ratios r = Ratios.of(p, "y", "x");
    assertThatThrownBy(() -> r.withBy("region", "year", "unit"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "ratio summary by 3 columns (region, year, unit); give at most two, e.g. a group and a"
                + " period");
    assertThatThrownBy(() -> r.withBy("zone"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'zone'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> r.withScale(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio scale must be a finite non-zero number, got 0.0");
    assertThatThrownBy(() -> r.withName(""))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("ratio column name is empty; give the ratio a name");
    assertThatThrownBy(() -> r.row("E", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no ratio summary for ('E', '')");
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.small();
    Ratios r = Ratios.of(p, "y", "x");
    double[] v = r.values();
    v[0] = 99;
    assertThat(r.values()[0]).isEqualTo(2.0);
    r.addTo();
    assertThat(p.hasColumn("y_to_x")).isFalse();
    assertThat(p.numeric("x")).containsExactly(Fixtures.X);
  }
}
