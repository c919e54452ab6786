package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class CorrelationsTest {
  private static final double EPS = 1e-12;

  /** Textbook one-pass formula, independent of the implementation. */
  private static double naive(double[] x, double[] y) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        continue;
      }
      n++;
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  }

  @Test
  void pairwiseUsesRowsWhereBothArePresent() {
    Correlations c = Correlations.of(Fixtures.small(), "x", "y");
    assertThat(c.missing()).isEqualTo(Correlations.Missing.PAIRWISE);
    assertThat(c.correlation("x", "y")).isCloseTo(naive(Fixtures.X, Fixtures.Y), within(EPS));
    assertThat(c.correlation("x", "x")).isEqualTo(1);
    Correlations.Block b = c.block("All");
    assertThat(b.pairCount("x", "y")).isEqualTo(4);
    assertThat(b.n("x")).isEqualTo(5);
    assertThat(b.mean("x")).isCloseTo(4, within(EPS));
    assertThat(b.rows()).isEqualTo(6);
    assertThat(b.matrix()[0][1]).isEqualTo(b.correlation("y", "x"));
    assertThat(c.notes())
        .extracting(Note::message)
        .containsExactly(
            "'x': 1 missing value skipped (pairwise-complete correlations)",
            "'y': 1 missing value skipped (pairwise-complete correlations)");
  }

  @Test
  void listwiseDropsIncompleteRows() {
    Correlations c = Correlations.of(Fixtures.small(), "x", "y").withListwise();
    Correlations.Block b = c.blocks().get(0);
    assertThat(b.rows()).isEqualTo(4);
    assertThat(b.mean("x")).isCloseTo(17.0 / 4, within(EPS));
    assertThat(c.correlation("x", "y")).isCloseTo(naive(Fixtures.X, Fixtures.Y), within(EPS));
    assertThat(c.notes())
        .extracting(Note::message)
        .containsExactly("2 rows with a missing value dropped (listwise)");
    assertThat(c.toString()).contains("(listwise)");
  }

  @Test
  void subsamplesByGroupAndByFilter() {
    Panel p = Fixtures.small();
    Correlations byRegion = Correlations.of(p, "x", "y").withBy("region");
    assertThat(byRegion.blocks()).extracting(Correlations.Block::name).containsExactly("E", "W");
    // W has a single complete pair: correlation undefined
    assertThat(byRegion.block("W").correlation("x", "y")).isNaN();
    Correlations named =
        Correlations.of(p, "x", "y")
            .withSubsample("early", i -> p.value("year", i) == 2000)
            .withSubsample("late", new boolean[] {false, true, false, true, false, true});
    assertThat(named.blocks())
        .extracting(Correlations.Block::name)
        .containsExactly("early", "late");
    assertThat(named.block("late").n("x")).isEqualTo(2);
    assertThat(named.block("late").correlation("x", "y")).isCloseTo(1, within(EPS));
    String text = named.toTable().render(TableFormat.TEXT);
    assertThat(text).contains("Sample").contains("early").contains("(2) y");
  }

  @Test
  void constantVariableHasNoCorrelation() {
    Panel p =
        Panel.builder()
            .numeric("a", new double[] {1, 1, 1})
            .numeric("b", new double[] {1, 2, 3})
            .build();
    Correlations c = Correlations.of(p, "a", "b");
    assertThat(c.correlation("a", "b")).isNaN();
    assertThat(c.correlation("a", "a")).isNaN();
    assertThat(c.correlation("b", "b")).isEqualTo(1);
  }

  @Test
  void errors() {
    Panel p = Fixtures.small();
    assertThatThrownBy(() -> Correlations.of(p, "x", "nope"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'nope'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Correlations.of(p, "x", "unit"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'unit' is categorical (e.g. 'a') but correlations needs a numeric column;"
                + " choose a numeric column or convert it");
    assertThatThrownBy(() -> Correlations.of(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("no variables selected for correlations;");
    Correlations c = Correlations.of(p, "x", "y").withSubsample("s", i -> true);
    assertThatThrownBy(() -> c.withSubsample("s", i -> false))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("subsample 's' is given twice; give each subsample its own name");
    assertThatThrownBy(() -> c.withSubsample("t", new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subsample 't' mask has 2 rows but the panel has 6");
    assertThatThrownBy(() -> c.block("All"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no correlation block 'All'; blocks: s");
    assertThatThrownBy(() -> c.blocks().get(0).mean("z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("variable 'z' is not in the correlation matrix; variables: x, y");
    assertThatThrownBy(() -> c.withBy("zone"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'zone'; " + Fixtures.KNOWN);
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.small();
    boolean[] mask = {true, true, false, false, true, true};
    Correlations.of(p, "x", "y").withSubsample("m", mask).withListwise().toTable();
    assertThat(mask).containsExactly(true, true, false, false, true, true);
    assertThat(p.numeric("y")).containsExactly(Fixtures.Y);
  }
}
