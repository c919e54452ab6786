package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class SpilloversTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  /** 3 units × years 2000–2002; x = 10·unit + (year − 2000). Rows in shuffled order. */
  private static Panel panel() {
    String[] unit = {"c", "a", "b", "a", "b", "c", "a", "b", "c"};
    double[] year = {2000, 2000, 2000, 2001, 2001, 2001, 2002, 2002, 2002};
    double[] x = new double[9];
    for (int r = 0; r < 9; r++) {
      x[r] = 10 * (unit[r].charAt(0) - 'a' + 1) + (year[r] - 2000);
    }
    return Panel.builder()
        .categorical("region", unit)
        .numeric("year", year)
        .numeric("x", x)
        .numeric("y", x.clone())
        .build()
        .withIndex("region", "year");
  }

  private static WeightMatrix w() {
    // a -> b (0.5), a -> c (0.5), b -> a (1), c -> b (1), plus a self-link c -> c ignored
    return WeightMatrix.fromEdges(
        ABC,
        List.of("a", "a", "b", "c", "c"),
        List.of("b", "c", "a", "b", "c"),
        new double[] {0.5, 0.5, 1, 1, 7},
        IslandPolicy.ERROR);
  }

  private static double value(Panel p, String col, String unit, int year) {
    for (int r = 0; r < p.rows(); r++) {
      if (p.label("region", r).equals(unit) && p.value("year", r) == year) {
        return p.value(col, r);
      }
    }
    throw new AssertionError("no row");
  }

  @Test
  void staticSpatialLagOfSeveralVariables() {
    SpilloverResult r = Spillovers.of(w()).apply(panel(), List.of("x", "y"));
    Panel p = r.panel();
    assertThat(r.columns()).containsExactly("W_x", "W_y");
    // 2001: a=11, b=21, c=31
    assertThat(value(p, "W_x", "a", 2001)).isCloseTo(0.5 * 21 + 0.5 * 31, within(1e-12));
    assertThat(value(p, "W_x", "b", 2001)).isEqualTo(11);
    assertThat(value(p, "W_y", "c", 2001)).isEqualTo(21);
    assertThat(r.notes()).isEmpty();
    assertThat(panel().hasColumn("W_x")).isFalse();
  }

  @Test
  void lagUsesPreviousPeriod() {
    SpilloverResult r = Spillovers.of(w()).withLag(1).withPrefix("L_").apply(panel(), List.of("x"));
    Panel p = r.panel();
    assertThat(value(p, "L_x", "a", 2001)).isCloseTo(0.5 * 20 + 0.5 * 30, within(1e-12));
    assertThat(Double.isNaN(value(p, "L_x", "a", 2000))).isTrue();
    assertThat(r.notes()).extracting(Note::count).containsExactly(3L);
  }

  @Test
  void timeVaryingNetworkWithNetworkLag() {
    SortedMap<Long, WeightMatrix> byYear = new TreeMap<>();
    byYear.put(2000L, w());
    byYear.put(
        2001L,
        WeightMatrix.fromEdges(
            ABC, List.of("a", "b", "c"), List.of("c", "c", "a"), IslandPolicy.ERROR));
    SpilloverResult r = Spillovers.of(byYear).withNetworkLag(1).apply(panel(), List.of("x"));
    Panel p = r.panel();
    // 2001 uses W_2000 with x_2001; 2002 uses W_2001 with x_2002
    assertThat(value(p, "W_x", "b", 2001)).isEqualTo(11);
    assertThat(value(p, "W_x", "b", 2002)).isEqualTo(32);
    assertThat(Double.isNaN(value(p, "W_x", "b", 2000))).isTrue();
    assertThat(r.notes().get(0).message())
        .isEqualTo("spillovers missing in 3 rows whose period has no network (network lag 1)");
  }

  @Test
  void missingValuePolicies() {
    Panel base = panel();
    double[] x = base.numeric("x");
    for (int r = 0; r < x.length; r++) {
      if (base.label("region", r).equals("c") && base.value("year", r) == 2001) {
        x[r] = Double.NaN;
      }
    }
    Panel p = base.withColumn("x", x);
    Panel prop = Spillovers.of(w()).apply(p, List.of("x")).panel();
    assertThat(Double.isNaN(value(prop, "W_x", "a", 2001))).isTrue();
    Panel skip =
        Spillovers.of(w())
            .withMissing(Spillovers.MissingPolicy.SKIP)
            .apply(p, List.of("x"))
            .panel();
    assertThat(value(skip, "W_x", "a", 2001)).isEqualTo(10.5);
    Panel ren =
        Spillovers.of(w())
            .withMissing(Spillovers.MissingPolicy.parse("renormalize"))
            .apply(p, List.of("x"))
            .panel();
    assertThat(value(ren, "W_x", "a", 2001)).isEqualTo(21);
    SpilloverResult r = Spillovers.of(w()).apply(p, List.of("x"));
    assertThat(r.notes()).hasSize(1);
    assertThat(r.notes().get(0).count()).isEqualTo(1);
  }

  @Test
  void unitPolicyIgnore() {
    WeightMatrix w2 =
        WeightMatrix.fromEdges(
            List.of("a", "b", "z"),
            List.of("a", "b", "z"),
            List.of("z", "a", "a"),
            IslandPolicy.ERROR);
    SpilloverResult r =
        Spillovers.of(w2).withUnitPolicy(Spillovers.UnitPolicy.IGNORE).apply(panel(), List.of("x"));
    assertThat(Double.isNaN(value(r.panel(), "W_x", "a", 2000))).isTrue(); // z has no data
    assertThat(value(r.panel(), "W_x", "b", 2000)).isEqualTo(10);
    assertThat(Double.isNaN(value(r.panel(), "W_x", "c", 2000))).isTrue(); // c not in W
    assertThat(r.notes().get(0).names()).containsExactly("c", "z");
  }

  @Test
  void errors() {
    WeightMatrix w2 =
        WeightMatrix.fromEdges(
            List.of("a", "b"), List.of("a", "b"), List.of("b", "a"), IslandPolicy.ERROR);
    assertThatThrownBy(() -> Spillovers.of(w2).apply(panel(), List.of("x")))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "panel and weights have different units: 1 panel units are not in the weights: 'c';"
                + " align them or use UnitPolicy.IGNORE");
    SortedMap<Long, WeightMatrix> byYear = new TreeMap<>();
    byYear.put(1999L, w());
    byYear.put(2000L, w());
    assertThatThrownBy(() -> Spillovers.of(byYear).apply(panel(), List.of("x")))
        .hasMessage(
            "network period [1999] is not a period of the panel (periods 2000–2002); drop them"
                + " from the network or extend the panel");
    Panel noIndex = Panel.builder().numeric("x", new double[] {1}).build();
    assertThatThrownBy(() -> Spillovers.of(w()).apply(noIndex, List.of("x")))
        .hasMessage(
            "spillover columns needs a panel index; call withIndex(unit, time) (command line:"
                + " --index unit,time)");
    assertThatThrownBy(() -> Spillovers.of(w()).withPrefix("").apply(panel(), List.of("x")))
        .hasMessage(
            "column 'x' already exists in the panel; choose another name or prefix (withPrefix)");
    assertThatThrownBy(() -> Spillovers.of(w()).withLag(-1))
        .hasMessage("spillover lag must be ≥ 0, got -1");
  }
}
