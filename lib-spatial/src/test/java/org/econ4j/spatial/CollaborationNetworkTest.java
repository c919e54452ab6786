package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class CollaborationNetworkTest {

  /** 2001: a–b 2, a–c 1; 2002: b–c 3, a–b 1 (twice: 0.5 + 0.5), a–a 4 (dropped). */
  private static CollaborationNetwork net() {
    return CollaborationNetwork.fromRecords(
        List.of("a", "a", "b", "a", "b", "a"),
        List.of("b", "c", "c", "b", "a", "a"),
        new long[] {2001, 2001, 2002, 2002, 2002, 2002},
        new double[] {2, 1, 3, 0.5, 0.5, 4},
        false);
  }

  @Test
  void countsAreSymmetricAndSummed() {
    CollaborationNetwork n = net();
    assertThat(n.ids()).containsExactly("a", "b", "c");
    assertThat(n.periods()).containsExactly(2001L, 2002L);
    WeightMatrix c = n.counts(2002);
    assertThat(c.weight(0, 1)).isEqualTo(1); // 0.5 + 0.5 (b→a record added to a–b)
    assertThat(c.weight(1, 0)).isEqualTo(1);
    assertThat(c.weight(2, 1)).isEqualTo(3);
    assertThat(c.weight(0, 0)).isZero();
    assertThat(n.notes()).hasSize(1);
    assertThat(n.notes().get(0).names()).containsExactly("a");
  }

  @Test
  void shareWithAndWithoutTotals() {
    // no totals: P_jt = column sums -> columns sum to 1
    WeightMatrix w = net().weights(2001);
    assertThat(w.columnSums()).containsExactly(1, 1, 1);
    assertThat(w.weight(0, 1)).isEqualTo(1);
    assertThat(w.weight(1, 0)).isCloseTo(2.0 / 3, within(1e-15));
    CollaborationNetwork withTotals =
        net()
            .withTotals(
                List.of("a", "b", "c"), new long[] {2001, 2001, 2001}, new double[] {10, 4, 5});
    WeightMatrix s = withTotals.weights(2001);
    assertThat(s.weight(1, 0)).isEqualTo(0.2); // P_ba / P_a = 2 / 10
    assertThat(s.weight(0, 1)).isEqualTo(0.5); // P_ab / P_b = 2 / 4
    assertThat(s.weight(0, 2)).isEqualTo(0.2);
  }

  @Test
  void otherNormalisationsAndWindows() {
    CollaborationNetwork n = net();
    assertThat(n.withNormalization(CollaborationNetwork.Normalization.ROW).weights(2001).rowSums())
        .containsExactly(1, 1, 1);
    assertThat(
            n.withNormalization(CollaborationNetwork.Normalization.BINARY).weights(2002).values())
        .containsOnly(1.0);
    WeightMatrix cum =
        n.withNormalization(CollaborationNetwork.Normalization.parse("counts"))
            .withWindow(0)
            .weights(2002);
    assertThat(cum.weight(0, 1)).isEqualTo(3);
    assertThat(cum.weight(0, 2)).isEqualTo(1);
    WeightMatrix moving =
        n.withNormalization(CollaborationNetwork.Normalization.COUNTS).withWindow(1).weights(2002);
    assertThat(moving.weight(0, 2)).isZero();
    assertThat(n.toWeights()).containsOnlyKeys(2001L, 2002L);
    // share over a cumulative window: counts and totals summed over periods <= t (2000 has totals
    // but no records)
    WeightMatrix cs =
        n.withWindow(0)
            .withTotals(
                List.of("a", "b", "c", "a", "b", "c", "b"),
                new long[] {2001, 2001, 2001, 2002, 2002, 2002, 2000},
                new double[] {10, 4, 5, 10, 4, 5, 2})
            .weights(2002);
    assertThat(cs.weight(0, 1)).isCloseTo(3.0 / 10, within(1e-15)); // (2 + 1) / (4 + 4 + 2)
  }

  @Test
  void directedAndExtraUnits() {
    CollaborationNetwork d =
        CollaborationNetwork.fromRecords(
                List.of("a"), List.of("b"), new long[] {1}, new double[] {5}, true)
            .withUnits(List.of("b", "z"))
            .withNormalization(CollaborationNetwork.Normalization.COUNTS);
    WeightMatrix w = d.weights(1);
    assertThat(d.ids()).containsExactly("a", "b", "z");
    assertThat(w.weight(0, 1)).isEqualTo(5);
    assertThat(w.weight(1, 0)).isZero();
    assertThat(w.islands()).containsExactly("b", "z");
  }

  @Test
  void feedsSpillovers() {
    Panel p =
        Panel.builder()
            .categorical("region", new String[] {"a", "b", "c", "a", "b", "c"})
            .numeric("year", new double[] {2001, 2001, 2001, 2002, 2002, 2002})
            .numeric("x", new double[] {1, 2, 3, 4, 5, 6})
            .build()
            .withIndex("region", "year");
    SpilloverResult r =
        Spillovers.of(net().withNormalization(CollaborationNetwork.Normalization.ROW))
            .apply(p, List.of("x"));
    // 2001 row a: (2·2 + 1·3)/3
    assertThat(r.panel().numeric("W_x")[0]).isCloseTo(7.0 / 3, within(1e-12));
    // 2002 row a: only b (weight 1) -> 5
    assertThat(r.panel().numeric("W_x")[3]).isEqualTo(5);
  }

  @Test
  void fromPanelRecordsAndTotalsFromPanel() {
    Panel rec =
        Panel.builder()
            .categorical("i", new String[] {"a", "a"})
            .categorical("j", new String[] {"b", "c"})
            .numeric("year", new double[] {2001, 2001})
            .numeric("n", new double[] {2, 1})
            .build();
    Panel totals =
        Panel.builder()
            .categorical("region", new String[] {"a", "b", "c"})
            .numeric("year", new double[] {2001, 2001, 2001})
            .numeric("pubs", new double[] {10, 4, 5})
            .build()
            .withIndex("region", "year");
    CollaborationNetwork n =
        CollaborationNetwork.fromPanel(rec, "i", "j", "year", "n", false)
            .withTotals(totals, "pubs");
    assertThat(n.weights(2001).toDense())
        .isDeepEqualTo(
            net()
                .withTotals(
                    List.of("a", "b", "c"), new long[] {2001, 2001, 2001}, new double[] {10, 4, 5})
                .weights(2001)
                .toDense());
    Panel bad =
        Panel.builder()
            .categorical("i", new String[] {"a"})
            .categorical("j", new String[] {"b"})
            .numeric("year", new double[] {2001.5})
            .numeric("n", new double[] {2})
            .build();
    assertThatThrownBy(() -> CollaborationNetwork.fromPanel(bad, "i", "j", "year", "n", false))
        .hasMessage(
            "network period column 'year' has the non-integer value 2001.5 at row 1; periods must be"
                + " integers");
  }

  @Test
  void intensity() {
    Panel p =
        Panel.builder()
            .categorical("region", new String[] {"a", "b", "a", "b"})
            .numeric("year", new double[] {1, 1, 2, 2})
            .numeric("pub", new double[] {10, 0, 20, 5})
            .build()
            .withIndex("region", "year");
    SpilloverResult r =
        CollaborationNetwork.intensity(
            p, "pub", List.of("a", "a", "b"), new long[] {1, 1, 2}, new double[] {2, 3, 1}, "ci");
    assertThat(r.panel().numeric("ci")[0]).isEqualTo(0.5);
    assertThat(Double.isNaN(r.panel().numeric("ci")[1])).isTrue();
    assertThat(r.panel().numeric("ci")[2]).isZero();
    assertThat(r.panel().numeric("ci")[3]).isEqualTo(0.2);
    assertThat(r.notes().get(0).message())
        .isEqualTo("'ci' is missing in 1 rows where 'pub' is 0 or missing");
    assertThatThrownBy(
            () ->
                CollaborationNetwork.intensity(
                    p, "pub", List.of("q"), new long[] {1}, new double[] {1}, "ci"))
        .hasMessage(
            "collaboration record 1 for unit 'q' in period 1 has no row in the panel; every record"
                + " must match a (unit, period) row");
  }

  @Test
  void errors() {
    assertThatThrownBy(
            () ->
                CollaborationNetwork.fromRecords(
                    List.of("a"), List.of("b"), new long[] {2001}, new double[] {-2}, false))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "network record 1 has count -2.0 for pair ('a', 'b') in period 2001; counts must be"
                + " finite and ≥ 0");
    assertThatThrownBy(() -> net().counts(1999))
        .hasMessage("network has no records for period 1999; periods: 2001–2002");
    assertThatThrownBy(
            () ->
                net().withTotals(List.of("a"), new long[] {2001}, new double[] {10}).weights(2001))
        .hasMessage(
            "share weights for period 2001 need total publications of 2 units with collaborations"
                + " but none are given: 'b', 'c'; add their totals or use column normalization");
    assertThatThrownBy(() -> net().withWindow(-1))
        .hasMessage(
            "network window must be 0 (cumulative) or a positive number of periods, got -1");
    assertThatThrownBy(
            () -> net().withTotals(List.of("a", "a"), new long[] {1, 1}, new double[] {1, 2}))
        .hasMessage(
            "total publications of unit 'a' in period 1 are given twice; give one total per unit"
                + " and period");
  }
}
