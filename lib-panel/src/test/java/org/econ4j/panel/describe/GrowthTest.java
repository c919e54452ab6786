package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class GrowthTest {
  private static final double EPS = 1e-10;

  /** Two countries growing at exactly 10% and 5% a year, 2000-2010, in region R. */
  private static Panel exponential() {
    int years = 11;
    String[] c = new String[2 * years];
    String[] region = new String[2 * years];
    double[] t = new double[2 * years];
    double[] v = new double[2 * years];
    for (int i = 0; i < years; i++) {
      c[i] = "A";
      c[years + i] = "B";
      region[i] = "R";
      region[years + i] = "R";
      t[i] = 2000 + i;
      t[years + i] = 2000 + i;
      v[i] = 100 * Math.pow(1.10, i);
      v[years + i] = 50 * Math.pow(1.05, i);
    }
    return Panel.builder()
        .categorical("country", c)
        .categorical("region", region)
        .numeric("year", t)
        .numeric("v", v)
        .build();
  }

  @Test
  void yearOnYearByGroupAndTotal() {
    Growth g = Growth.of(Fixtures.small(), "y", "year").withBy("region");
    assertThat(g.groups()).containsExactly("E", "W");
    assertThat(g.times()).containsExactly(2000, 2001);
    assertThat(g.step()).isEqualTo(1);
    assertThat(g.series("E")).containsExactly(2, 12);
    assertThat(g.total()).containsExactly(3, 15);
    assertThat(g.yearOnYear("E")[1]).isCloseTo(500, within(EPS));
    assertThat(g.yearOnYear("W")[1]).isCloseTo(200, within(EPS));
    assertThat(g.yearOnYear("W")[0]).isNaN();
    assertThat(g.yearOnYearTotal()[1]).isCloseTo(400, within(EPS));
    assertThat(g.notes())
        .extracting(Note::message)
        .containsExactly(
            "1 row with a missing 'y' left out",
            "the number of rows summed per period varies from 2 to 3; totals mix growth with entry"
                + " and exit of units");
    assertThat(g.toTable().render(TableFormat.TEXT))
        .contains("Growth of y by region")
        .contains("500.00");
  }

  @Test
  void multipleCagrAndExponentialRate() {
    Growth.Rates r = Growth.of(exponential(), "v", "year").withBy("country").rates(2000, 2010);
    Growth.Rate a = r.row("A");
    assertThat(a.start()).isCloseTo(100, within(EPS));
    assertThat(a.multiple()).isCloseTo(Math.pow(1.1, 10), within(EPS));
    assertThat(a.cagrPercent()).isCloseTo(10, within(EPS));
    assertThat(a.logSlope()).isCloseTo(Math.log(1.1), within(EPS));
    assertThat(a.exponentialPercent()).isCloseTo(10, within(EPS));
    assertThat(a.points()).isEqualTo(11);
    assertThat(r.row("B").cagrPercent()).isCloseTo(5, within(EPS));
    // the total is a mixture: its CAGR lies between the two rates
    assertThat(r.total().group()).isEqualTo("Total");
    assertThat(r.total().cagrPercent()).isBetween(5.0, 10.0);
    assertThat(r.start()).isEqualTo(2000);
    assertThat(r.end()).isEqualTo(2010);
    assertThat(r.toString()).contains("CAGR %").contains("10.00");
  }

  @Test
  void wholePanelSumsOverUnitsFirst() {
    Growth g = Growth.of(exponential(), "v", "year");
    assertThat(g.groups()).isEmpty();
    assertThat(g.by()).isEmpty();
    assertThat(g.total()[0]).isCloseTo(150, within(EPS));
    Growth.Rates r = g.rates(2000, 2001);
    assertThat(r.rows()).hasSize(1);
    assertThat(r.total().multiple()).isCloseTo((110 + 52.5) / 150, within(EPS));
  }

  @Test
  void nonPositiveValuesGiveMissingWithNotes() {
    Panel p =
        Panel.builder()
            .numeric("t", new double[] {1, 2, 3, 4})
            .numeric("v", new double[] {0, 5, -1, 4})
            .build();
    Growth g = Growth.of(p, "v", "t");
    double[] y = g.yearOnYearTotal();
    assertThat(y[1]).isNaN(); // base 0
    assertThat(y[2]).isCloseTo(-120, within(EPS));
    assertThat(y[3]).isNaN(); // base -1
    assertThat(g.notes())
        .extracting(Note::message)
        .containsExactly(
            "2 period-on-period changes are missing because the earlier value of 'v' is zero or"
                + " negative");
    Growth.Rates r = g.rates(1, 4);
    assertThat(r.total().multiple()).isNaN();
    assertThat(r.total().cagrPercent()).isNaN();
    assertThat(r.total().points()).isEqualTo(2);
    assertThat(r.total().logSlope()).isCloseTo(Math.log(4.0 / 5) / 2, within(EPS));
    assertThat(r.notes())
        .extracting(Note::message)
        .contains(
            "1 growth multiple is missing: the start value is missing, zero or negative, or the end"
                + " value is missing",
            "2 periods with a missing, zero or negative 'v' left out of the exponential growth"
                + " regressions");
  }

  @Test
  void detectsTheStepAndComparesWithTheEarlierPeriod() {
    Panel p =
        Panel.builder()
            .numeric("t", new double[] {1990, 1995, 2005})
            .numeric("v", new double[] {1, 2, 4})
            .build();
    Growth g = Growth.of(p, "v", "t");
    assertThat(g.step()).isEqualTo(5);
    double[] y = g.yearOnYearTotal();
    assertThat(y[1]).isCloseTo(100, within(EPS));
    assertThat(y[2]).isNaN(); // 2000 absent
    assertThat(g.rates(1990, 2005).total().cagrPercent())
        .isCloseTo(100 * (Math.pow(4, 1.0 / 15) - 1), within(EPS));
  }

  @Test
  void errors() {
    Panel p = Fixtures.small();
    assertThatThrownBy(() -> Growth.of(p, "gdp", "year"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'gdp'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Growth.of(p, "y", "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'region' is categorical (e.g. 'E') but growth (time) needs a numeric column;"
                + " choose a numeric column or convert it");
    assertThatThrownBy(() -> Growth.of(p, "unit", "year"))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("column 'unit' is categorical (e.g. 'a') but growth needs");
    assertThatThrownBy(() -> Growth.of(p, "y", "year").withBy("country"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'country'; " + Fixtures.KNOWN);
    Panel frac =
        Panel.builder().numeric("t", new double[] {1.5}).numeric("v", new double[] {1}).build();
    assertThatThrownBy(() -> Growth.of(frac, "v", "t"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "time column 't' has the non-integer value 1.5; growth needs integer periods (years, or"
                + " period numbers)");
    Panel none =
        Panel.builder()
            .numeric("t", new double[] {Double.NaN})
            .numeric("v", new double[] {1})
            .build();
    assertThatThrownBy(() -> Growth.of(none, "v", "t"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("time column 't' has no non-missing value; growth needs at least one period");
    Growth g = Growth.of(p, "y", "year");
    assertThatThrownBy(() -> g.rates(2001, 2000))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "growth window from 2001 to 2000 is empty; the end period must come after the start"
                + " period");
    assertThatThrownBy(() -> g.rates(1999, 2001))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "period 1999 does not occur in 'year' (periods 2000 to 2001); choose a period present in"
                + " the data");
    assertThatThrownBy(() -> g.series("E"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown group 'E'; no group column was set (use total())");
    assertThatThrownBy(() -> g.withBy("region").yearOnYear("N"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown group 'N' in 'region'");
  }

  @Test
  void ratesLookupAndTotalTable() {
    Growth g = Growth.of(Fixtures.small(), "y", "year");
    assertThatThrownBy(() -> g.rates(2000, 2001).row("E"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown group 'E'");
    assertThat(g.valueColumn()).isEqualTo("y");
    assertThat(g.timeColumn()).isEqualTo("year");
    assertThat(g.toString()).contains("Change %").contains("400.00");
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.small();
    Growth.of(p, "y", "year").withBy("unit").rates(2000, 2001).toTable();
    assertThat(p.numeric("y")).containsExactly(Fixtures.Y);
  }
}
