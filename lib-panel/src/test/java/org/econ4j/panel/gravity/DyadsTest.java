package org.econ4j.panel.gravity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.SpecificationException;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class DyadsTest {
  static Panel countries() {
    return Panel.builder()
        .categorical("iso", new String[] {"USA", "CHN", "DEU"})
        .numeric("gdp", new double[] {21, 14, 4})
        .categorical("region", new String[] {"America", "Asia", "Europe"})
        .build();
  }

  @Test
  void directedWithoutSelf() {
    Panel d = Dyads.from(countries(), "iso").build();
    assertThat(d.columnNames())
        .containsExactly("pair", "origin", "destination", "o_gdp", "d_gdp", "o_region", "d_region");
    assertThat(d.labels("pair"))
        .containsExactly("USA_CHN", "USA_DEU", "CHN_USA", "CHN_DEU", "DEU_USA", "DEU_CHN");
    assertThat(d.numeric("o_gdp")).containsExactly(21, 21, 14, 14, 4, 4);
    assertThat(d.numeric("d_gdp")).containsExactly(14, 4, 21, 4, 21, 14);
    assertThat(d.type("d_region")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(d.labels("d_region")).startsWith("Asia", "Europe");
  }

  @Test
  void undirectedCanonicalWithSelfAndPrefixes() {
    Panel d =
        Dyads.from(countries(), "iso")
            .undirected()
            .includeSelf(true)
            .withPrefixes("exp_", "imp_")
            .build();
    assertThat(d.labels("pair"))
        .containsExactly("USA_USA", "CHN_USA", "CHN_CHN", "CHN_DEU", "DEU_USA", "DEU_DEU");
    assertThat(d.labels("origin")).containsExactly("USA", "CHN", "CHN", "CHN", "DEU", "DEU");
    assertThat(d.numeric("exp_gdp")).containsExactly(21, 14, 14, 14, 4, 4);
    assertThat(d.numeric("imp_gdp")).containsExactly(21, 21, 14, 4, 21, 4);
    Panel d2 = Dyads.from(countries(), "iso").undirected().build();
    assertThat(d2.rows()).isEqualTo(3);
  }

  @Test
  void onlyChinaAsOriginPerYear() {
    Panel attrs =
        Panel.builder()
            .categorical("iso", new String[] {"CHN", "USA", "CHN", "USA", "DEU"})
            .numeric("year", new double[] {2001, 2001, 2000, 2000, 2001})
            .numeric("gdp", new double[] {2, 20, 1, 19, 4})
            .build();
    Panel d = Dyads.from(attrs, "iso").directed().withTime("year").withOrigins("CHN").build();
    assertThat(d.columnNames())
        .containsExactly("pair", "origin", "destination", "year", "o_gdp", "d_gdp");
    assertThat(d.labels("pair")).containsExactly("CHN_USA", "CHN_USA", "CHN_DEU");
    assertThat(d.numeric("year")).containsExactly(2000, 2001, 2001);
    assertThat(d.numeric("o_gdp")).containsExactly(1, 2, 2);
    assertThat(d.numeric("d_gdp")).containsExactly(19, 20, 4);
    Panel indexed = d.withIndex("pair", "year");
    assertThat(indexed.lag("d_gdp", 1)).containsExactly(Double.NaN, 19, Double.NaN);
  }

  @Test
  void restrictedUnits() {
    Panel d = Dyads.from(countries(), "iso").withUnits("CHN", "DEU").build();
    assertThat(d.labels("pair")).containsExactly("CHN_DEU", "DEU_CHN");
    assertThatThrownBy(() -> Dyads.from(countries(), "iso").withUnits("ITA").build())
        .hasMessage("unit 'ITA' is not an id in column 'iso'; known ids include: USA, CHN, DEU");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> Dyads.from(countries(), "isoo"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown id column 'isoo' for dyads; known columns: iso, gdp, region");
    assertThatThrownBy(() -> Dyads.from(countries(), "iso").withTime("yr"))
        .hasMessage("unknown time column 'yr' for dyads; known columns: iso, gdp, region");
    Panel dup =
        Panel.builder()
            .categorical("iso", new String[] {"CHN", "USA", "CHN"})
            .numeric("year", new double[] {2000, 2000, 2000})
            .build();
    assertThatThrownBy(() -> Dyads.from(dup, "iso").withTime("year").build())
        .hasMessage(
            "id 'CHN' appears twice in column 'iso' for year 2000 (rows 1 and 3); dyads need one"
                + " attribute row per unit and period");
    assertThatThrownBy(() -> Dyads.from(dup, "iso").build())
        .hasMessage(
            "id 'CHN' appears twice in column 'iso' (rows 1 and 3); dyads need one attribute row"
                + " per unit; set withTime(...) for a unit-time table");
    assertThatThrownBy(() -> Dyads.from(countries(), "iso").withOrigins("JPN").build())
        .hasMessage("origin 'JPN' is not an id in column 'iso'; known ids include: USA, CHN, DEU");
    assertThatThrownBy(() -> Dyads.from(countries(), "iso").withPrefixes("x", "x"))
        .hasMessage(
            "origin and destination prefixes are both 'x'; give two different prefixes such as o_"
                + " and d_");
    Panel missing = Panel.builder().categorical("iso", new String[] {"CHN", null}).build();
    assertThatThrownBy(() -> Dyads.from(missing, "iso").build())
        .hasMessage("id column 'iso' is missing at row 2; drop rows without an id");
  }

  @Test
  void builderIsImmutable() {
    Dyads base = Dyads.from(countries(), "iso");
    base.undirected().includeSelf(true).withTime("gdp");
    assertThat(base.build().rows()).isEqualTo(6);
    assertThat(base.timeColumn()).isEmpty();
    assertThat(base.toString())
        .isEqualTo("Dyads[id=iso, directed, prefixes=o_/d_, includeSelf=false]");
  }
}
