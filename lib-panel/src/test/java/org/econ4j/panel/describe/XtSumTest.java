package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class XtSumTest {
  private static final double EPS = 1e-12;

  @Test
  void decomposesVariationAsStata() {
    XtSum xt = XtSum.of(Fixtures.indexed(), "x");
    XtSum.Row r = xt.row("x");
    // unit means a 1.5, b 3.5, c 10; overall mean 4
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.mean()).isCloseTo(4, within(EPS));
    assertThat(r.overallSd()).isCloseTo(Math.sqrt(12.5), within(EPS));
    assertThat(r.overallMin()).isEqualTo(1);
    assertThat(r.overallMax()).isEqualTo(10);
    assertThat(r.units()).isEqualTo(3);
    assertThat(r.betweenSd()).isCloseTo(Math.sqrt(19.75), within(EPS));
    assertThat(r.betweenMin()).isEqualTo(1.5);
    assertThat(r.betweenMax()).isEqualTo(10);
    assertThat(r.withinSd()).isCloseTo(0.5, within(EPS));
    assertThat(r.withinMin()).isCloseTo(3.5, within(EPS));
    assertThat(r.withinMax()).isCloseTo(4.5, within(EPS));
    assertThat(r.tBar()).isCloseTo(5.0 / 3, within(EPS));
    assertThat(xt.unitColumn()).isEqualTo("unit");
    assertThat(xt.notes()).singleElement().hasToString("'x': 1 missing value skipped (N = 5)");
    assertThat(xt.toString()).contains("T-bar = 1.67").contains("n = 3").contains("N = 5");
  }

  @Test
  void unitsWithoutValuesAreNotCounted() {
    Panel p =
        Panel.builder()
            .numeric("id", new double[] {1, 1, 2, 2})
            .numeric("t", new double[] {1, 2, 1, 2})
            .numeric("v", new double[] {1, 3, Double.NaN, Double.NaN})
            .build()
            .withIndex("id", "t");
    XtSum.Row r = XtSum.of(p, "v").row("v");
    assertThat(r.units()).isEqualTo(1);
    assertThat(r.betweenSd()).isNaN();
    assertThat(r.tBar()).isEqualTo(2);
    assertThat(r.withinSd()).isCloseTo(Math.sqrt(2), within(EPS));
  }

  @Test
  void needsTheIndex() {
    assertThatThrownBy(() -> XtSum.of(Fixtures.small(), "x"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "xtsum needs a panel index; call withIndex(unit, time) (command line: --index"
                + " unit,time)");
  }

  @Test
  void rejectsBadVariables() {
    Panel p = Fixtures.indexed();
    assertThatThrownBy(() -> XtSum.of(p, "z"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'z'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> XtSum.of(p, "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("column 'region' is categorical (e.g. 'E') but xtsum needs");
    assertThatThrownBy(() -> XtSum.of(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("no variables selected for xtsum;");
    assertThatThrownBy(() -> XtSum.of(p, "x").row("y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no xtsum row for variable 'y'; variables: x");
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.indexed();
    XtSum.of(p, "x", "y").toTable();
    assertThat(p.numeric("x")).containsExactly(Fixtures.X);
  }
}
