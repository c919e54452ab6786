package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class CoefficientOfVariationTest {
  private static final double EPS = 1e-12;

  @Test
  void cvAcrossUnitsPerPeriod() {
    CoefficientOfVariation cv = CoefficientOfVariation.of(Fixtures.indexed(), "x");
    assertThat(cv.timeColumn()).isEqualTo("year");
    assertThat(cv.variable()).isEqualTo("x");
    CoefficientOfVariation.Row r = cv.row(2000);
    assertThat(r.n()).isEqualTo(3);
    assertThat(r.mean()).isCloseTo(14.0 / 3, within(EPS));
    double sd = Math.sqrt((402.0 / 9) / 2);
    assertThat(r.sd()).isCloseTo(sd, within(EPS));
    assertThat(r.cv()).isCloseTo(sd / (14.0 / 3), within(EPS));
    assertThat(cv.values()[1]).isCloseTo(Math.sqrt(2) / 3, within(EPS));
    assertThat(cv.notes())
        .extracting(Note::message)
        .containsExactly("'x': 1 missing value skipped (N per period in the table)");
    assertThat(cv.toString()).contains("Coefficient of variation of x").contains("CV");
  }

  @Test
  void cvWithinGroups() {
    CoefficientOfVariation cv = CoefficientOfVariation.of(Fixtures.indexed(), "x").withBy("region");
    assertThat(cv.by()).contains("region");
    // E 2000: 1, 3 -> mean 2, sd sqrt(2); W 2001 has no value and is omitted
    assertThat(cv.row("E", 2000).cv()).isCloseTo(Math.sqrt(2) / 2, within(EPS));
    assertThat(cv.row("W", 2000).n()).isEqualTo(1);
    assertThat(cv.row("W", 2000).cv()).isNaN();
    assertThat(cv.rows()).hasSize(3);
    assertThatThrownBy(() -> cv.row("W", 2001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period 2001 of group 'W' does not occur in 'year'");
    assertThatThrownBy(cv::values)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("values() is for an ungrouped result; read rows() instead");
    assertThat(cv.toString()).contains("across units within region").contains("0.707");
    assertThatThrownBy(() -> cv.withBy("zone"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'zone'; " + Fixtures.KNOWN);
  }

  @Test
  void undefinedCvIsMissing() {
    Panel p =
        Panel.builder()
            .numeric("t", new double[] {1, 2, 2, Double.NaN})
            .numeric("v", new double[] {3, -1, 1, 5})
            .build();
    CoefficientOfVariation cv = CoefficientOfVariation.of(p, "v", "t");
    assertThat(cv.row(1).cv()).isNaN(); // one unit
    assertThat(cv.row(2).cv()).isNaN(); // mean zero
    assertThat(cv.notes())
        .extracting(Note::message)
        .containsExactly("1 row with a missing 't' left out");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> CoefficientOfVariation.of(Fixtures.small(), "x"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "coefficient of variation needs a panel index; call withIndex(unit, time) (command"
                + " line: --index unit,time)");
    assertThatThrownBy(() -> CoefficientOfVariation.of(Fixtures.small(), "xx", "year"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'xx'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> CoefficientOfVariation.of(Fixtures.small(), "x", "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("column 'region' is categorical (e.g. 'E') but the coefficient");
    assertThatThrownBy(() -> CoefficientOfVariation.of(Fixtures.indexed(), "x").row(1999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period 1999 does not occur in 'year'");
  }
}
