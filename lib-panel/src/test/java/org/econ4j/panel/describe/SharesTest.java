package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class SharesTest {
  private static final double EPS = 1e-12;

  @Test
  void totalsSharesCumulativeAndRanks() {
    Shares s = Shares.of(Fixtures.small(), "y", "region");
    assertThat(s.grandTotal()).isEqualTo(18);
    assertThat(s.rows()).extracting(Shares.Row::category).containsExactly("E", "W");
    Shares.Row e = s.row("E");
    assertThat(e.total()).isEqualTo(14);
    assertThat(e.rows()).isEqualTo(3);
    assertThat(e.share()).isCloseTo(100 * 14 / 18.0, within(EPS));
    assertThat(e.cumulativeShare()).isCloseTo(e.share(), within(EPS));
    assertThat(e.rank()).isEqualTo(1);
    assertThat(s.row("W").cumulativeShare()).isCloseTo(100, within(EPS));
    assertThat(s.row("W").rank()).isEqualTo(2);
    assertThat(s.notes())
        .extracting(Note::message)
        .containsExactly("1 row with a missing 'y' left out");
    assertThat(s.valueColumn()).contains("y");
  }

  @Test
  void tiesShareARankInLevelOrder() {
    Shares s = Shares.of(Fixtures.small(), "x", "region");
    assertThat(s.rows()).extracting(Shares.Row::rank).containsExactly(1, 1);
    assertThat(s.rows()).extracting(Shares.Row::category).containsExactly("E", "W");
  }

  @Test
  void countsRows() {
    Shares s = Shares.counts(Fixtures.small(), "unit");
    assertThat(s.grandTotal()).isEqualTo(6);
    assertThat(s.rows()).extracting(Shares.Row::rank).containsExactly(1, 1, 1);
    assertThat(s.row("b").share()).isCloseTo(100 / 3.0, within(EPS));
    assertThat(s.valueColumn()).isEmpty();
    assertThat(s.toTable().render(TableFormat.TEXT)).contains("Counts by unit").contains("Count");
  }

  @Test
  void twoCategoriesRankWithinGroups() {
    Shares s = Shares.of(Fixtures.small(), "y", "region").withBy2("unit");
    assertThat(s.by2()).contains("unit");
    assertThat(s.groupTotals()).extracting(Shares.Row::category).containsExactly("E", "W");
    assertThat(s.rows()).extracting(Shares.Row::category2).containsExactly("b", "a", "c");
    Shares.Row b = s.row("E", "b");
    assertThat(b.total()).isEqualTo(8);
    assertThat(b.rank()).isEqualTo(1);
    assertThat(b.share()).isCloseTo(100 * 8 / 18.0, within(EPS));
    assertThat(b.shareWithin()).isCloseTo(100 * 8 / 14.0, within(EPS));
    Shares.Row a = s.row("E", "a");
    assertThat(a.rank()).isEqualTo(2);
    assertThat(a.cumulativeShare()).isCloseTo(100, within(EPS));
    assertThat(s.row("W", "c").shareWithin()).isCloseTo(100, within(EPS));
    String text = s.toString();
    assertThat(text).contains("(all)").contains("Share in region %").contains("Total");
  }

  @Test
  void missingCategoriesAreNoted() {
    Panel p =
        Panel.builder()
            .categorical("g", new String[] {"a", null, "b"})
            .numeric("v", new double[] {1, 2, 3})
            .build();
    Shares s = Shares.of(p, "v", "g");
    assertThat(s.grandTotal()).isEqualTo(4);
    assertThat(s.notes())
        .extracting(Note::message)
        .containsExactly("1 row with a missing 'g' left out");
    Panel zero =
        Panel.builder().categorical("g", new String[] {"a"}).numeric("v", new double[] {0}).build();
    assertThat(Shares.of(zero, "v", "g").row("a").share()).isNaN();
  }

  @Test
  void errors() {
    Panel p = Fixtures.small();
    assertThatThrownBy(() -> Shares.of(p, "copat", "region"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'copat'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Shares.of(p, "y", "continent"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'continent'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Shares.counts(p, "continent"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'continent'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Shares.of(p, "y", "region").withBy2("country"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'country'; " + Fixtures.KNOWN);
    assertThatThrownBy(() -> Shares.of(p, "region", "unit"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'region' is categorical (e.g. 'E') but shares needs a numeric column; choose a"
                + " numeric column or convert it");
    Shares s = Shares.of(p, "y", "region");
    assertThatThrownBy(() -> s.row("N"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("category 'N' does not occur in 'region'");
    assertThatThrownBy(() -> s.row("E", "z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cell ('E', 'z') does not occur");
  }

  @Test
  void leavesInputsUnchanged() {
    Panel p = Fixtures.small();
    Shares.of(p, "y", "region").withBy2("unit").toTable();
    assertThat(p.numeric("y")).containsExactly(Fixtures.Y);
    assertThat(p.labels("region")).containsExactly(Fixtures.REGION);
  }
}
