package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class PanelOpsTest {
  static Panel countries() {
    return Panel.builder()
        .categorical("iso", new String[] {"CHN", "USA", "DEU", "FRA", "JPN"})
        .categorical("region", new String[] {"Asia", "America", "Europe", "Europe", "Asia"})
        .numeric("gdp", new double[] {14, 21, 4, 3, Double.NaN})
        .numeric("pop", new double[] {1400, 330, 83, 67, 126})
        .build();
  }

  @Test
  void selectDropRename() {
    Panel p = countries();
    assertThat(p.select("gdp", "iso").columnNames()).containsExactly("gdp", "iso");
    assertThat(p.drop("region", "pop").columnNames()).containsExactly("iso", "gdp");
    Panel r = p.rename("gdp", "y");
    assertThat(r.columnNames()).containsExactly("iso", "region", "y", "pop");
    assertThat(r.numeric("y")).containsExactly(14, 21, 4, 3, Double.NaN);
    assertThat(p.columnNames()).containsExactly("iso", "region", "gdp", "pop");
    assertThatThrownBy(() -> p.select("gpd"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("unknown column 'gpd'; known columns: iso, region, gdp, pop");
    assertThatThrownBy(() -> p.select("gdp", "gdp"))
        .hasMessage("column 'gdp' is selected twice; name each column once");
    assertThatThrownBy(() -> p.select())
        .hasMessage("select needs at least one column; name the columns to keep");
    assertThatThrownBy(() -> p.drop("iso", "region", "gdp", "pop"))
        .hasMessage("drop would remove every column; keep at least one column");
    assertThatThrownBy(() -> p.rename("gdp", "pop"))
        .hasMessage(
            "cannot rename 'gdp' to 'pop': a column of that name exists; drop or rename it"
                + " first");
    assertThatThrownBy(() -> p.rename("gdp", ""))
        .hasMessage("new name for column 'gdp' is empty; give a name");
  }

  @Test
  void indexSurvivesSelectRenameAndFilter() {
    Panel p =
        Panel.builder()
            .categorical("u", new String[] {"a", "a", "b"})
            .numeric("t", new double[] {1, 2, 1})
            .numeric("x", new double[] {1, 2, 3})
            .build()
            .withIndex("u", "t");
    assertThat(p.select("u", "t", "x").index()).isPresent();
    assertThat(p.select("u", "x").index()).isEmpty();
    Panel r = p.rename("t", "year");
    assertThat(r.index().orElseThrow().timeColumn()).isEqualTo("year");
    assertThat(r.lag("x", 1)).containsExactly(Double.NaN, 1, Double.NaN);
    Panel f = p.filter(row -> row.num("t") >= 2 || row.label("u").equals("b"));
    assertThat(f.rows()).isEqualTo(2);
    assertThat(f.index()).isPresent();
  }

  @Test
  void filterKeepsTypesAndLevels() {
    Panel p = countries();
    Panel f = p.filter(r -> "Europe".equals(r.label("region")) && r.index() > 2);
    assertThat(f.labels("iso")).containsExactly("FRA");
    assertThat(f.categorical("region").levels()).containsExactly("Asia", "America", "Europe");
    Panel m = p.filter(r -> r.isMissing("gdp"));
    assertThat(m.labels("iso")).containsExactly("JPN");
    assertThatThrownBy(() -> p.filter(r -> r.num("region") > 0))
        .hasMessageStartingWith("column 'region' is categorical");
  }

  @Test
  void sortIsStableWithMissingLast() {
    Panel p = countries();
    Panel s = p.sort("region", "gdp");
    assertThat(s.labels("iso")).containsExactly("USA", "CHN", "JPN", "FRA", "DEU");
    Panel g = p.sort("gdp");
    assertThat(g.labels("iso")).containsExactly("FRA", "DEU", "CHN", "USA", "JPN");
    Panel ties = p.sort("region");
    assertThat(ties.labels("iso")).containsExactly("USA", "CHN", "JPN", "DEU", "FRA");
    assertThatThrownBy(() -> p.sort())
        .hasMessage("sort needs at least one column; name the sort keys");
  }

  @Test
  void sortLargeMatchesReference() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    int n = 1000;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(7) == 0 ? Double.NaN : rng.nextInt(10);
      b[i] = i;
    }
    Panel s = Panel.builder().numeric("a", a).numeric("b", b).build().sort("a");
    double[] sa = s.numeric("a");
    double[] sb = s.numeric("b");
    for (int i = 1; i < n; i++) {
      boolean ordered =
          Double.isNaN(sa[i])
              || sa[i - 1] < sa[i]
              || (sa[i - 1] == sa[i] && sb[i - 1] < sb[i])
              || (Double.isNaN(sa[i - 1]) && Double.isNaN(sa[i]) && sb[i - 1] < sb[i]);
      assertThat(ordered).as("row %d", i).isTrue();
      if (Double.isNaN(sa[i - 1])) {
        assertThat(sa[i]).isNaN();
      }
    }
  }

  @Test
  void groupByAggregates() {
    Panel p = countries();
    Panel g =
        p.groupBy("region")
            .aggregate(
                Aggregation.count("n"),
                Aggregation.of("gdp", Aggregation.Function.COUNT),
                Aggregation.sum("gdp"),
                Aggregation.mean("gdp"),
                Aggregation.of("pop", Aggregation.Function.SD),
                Aggregation.of("pop", Aggregation.Function.MIN),
                Aggregation.of("pop", Aggregation.Function.MAX),
                Aggregation.of("iso", Aggregation.Function.FIRST),
                Aggregation.of("iso", Aggregation.Function.LAST, "last_iso"),
                Aggregation.of("pop", Aggregation.Function.SHARE, "pop_share"));
    assertThat(g.labels("region")).containsExactly("Asia", "America", "Europe");
    assertThat(g.numeric("n")).containsExactly(2, 1, 2);
    assertThat(g.numeric("gdp_count")).containsExactly(1, 1, 2);
    assertThat(g.numeric("gdp_sum")).containsExactly(14, 21, 7);
    assertThat(g.numeric("gdp_mean")).containsExactly(14, 21, 3.5);
    assertThat(g.numeric("pop_sd")[0]).isEqualTo(Math.sqrt((637.0 * 637.0 * 2) / 1));
    assertThat(g.numeric("pop_sd")[1]).isNaN();
    assertThat(g.numeric("pop_min")).containsExactly(126, 330, 67);
    assertThat(g.numeric("pop_max")).containsExactly(1400, 330, 83);
    assertThat(g.labels("iso_first")).containsExactly("CHN", "USA", "DEU");
    assertThat(g.labels("last_iso")).containsExactly("JPN", "USA", "FRA");
    assertThat(g.numeric("pop_share")[1]).isEqualTo(100.0 * 330 / 2006);
  }

  @Test
  void groupByTwoKeysAndNumericKeysAndMissingKeys() {
    Panel p =
        Panel.builder()
            .numeric("year", new double[] {2000, 2000, 2001, 2000, Double.NaN})
            .categorical("c", new String[] {"a", "b", "a", "a", null})
            .numeric("x", new double[] {1, 2, 3, 4, 5})
            .build();
    Panel g = p.groupBy("year", "c").aggregate(Aggregation.sum("x"));
    assertThat(g.numeric("year")).containsExactly(2000, 2000, 2001, Double.NaN);
    assertThat(g.labels("c")).containsExactly("a", "b", "a", null);
    assertThat(g.numeric("x_sum")).containsExactly(5, 2, 3, 5);
    assertThat(p.groupBy("year").groupCount()).isEqualTo(3);
  }

  @Test
  void groupByErrors() {
    Panel p = countries();
    assertThatThrownBy(() -> p.groupBy("region").aggregate(Aggregation.mean("iso")))
        .hasMessage(
            "aggregation MEAN needs a numeric column but 'iso' is categorical; use COUNT, FIRST or"
                + " LAST, or choose a numeric column");
    assertThatThrownBy(() -> p.groupBy("region").aggregate(Aggregation.mean("gpd")))
        .hasMessage("unknown column 'gpd'; known columns: iso, region, gdp, pop");
    assertThatThrownBy(
            () ->
                p.groupBy("region")
                    .aggregate(Aggregation.of("gdp", Aggregation.Function.SUM, "region")))
        .hasMessage(
            "aggregation output name 'region' is used twice (or is a key); give each output a"
                + " distinct name");
    assertThatThrownBy(() -> p.groupBy("region", "region"))
        .hasMessage("group key 'region' is given twice; name each key once");
    assertThatThrownBy(() -> p.groupBy()).hasMessage("groupBy needs at least one key column");
    assertThatThrownBy(() -> Aggregation.of("", Aggregation.Function.SUM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Panel dyads() {
    return Panel.builder()
        .categorical("o", new String[] {"CHN", "CHN", "USA", "XXX", null})
        .categorical("d", new String[] {"USA", "DEU", "CHN", "CHN", "CHN"})
        .numeric("year", new double[] {2000, 2000, 2001, 2000, 2000})
        .numeric("flow", new double[] {1, 2, 3, 4, 5})
        .build();
  }

  @Test
  void leftJoinOneAndTwoKeys() {
    Panel attrs = countries().rename("iso", "o");
    Panel j = dyads().leftJoin(attrs, "o");
    assertThat(j.columnNames()).containsExactly("o", "d", "year", "flow", "region", "gdp", "pop");
    assertThat(j.numeric("gdp")).containsExactly(14, 14, 21, Double.NaN, Double.NaN);
    assertThat(j.labels("region")).containsExactly("Asia", "Asia", "America", null, null);
    Panel byYear =
        Panel.builder()
            .categorical("o", new String[] {"CHN", "CHN", "USA"})
            .numeric("year", new double[] {2000, 2001, 2001})
            .numeric("flow", new double[] {10, 11, 12})
            .build();
    Panel j2 = dyads().leftJoin(byYear, "o", "year");
    assertThat(j2.numeric("flow_right")).containsExactly(10, 10, 12, Double.NaN, Double.NaN);
    assertThat(j2.numeric("flow")).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void leftJoinErrors() {
    Panel right =
        Panel.builder()
            .categorical("o", new String[] {"CHN", "USA", "CHN"})
            .numeric("year", new double[] {2000, 2000, 2000})
            .build();
    assertThatThrownBy(() -> dyads().leftJoin(right, "o"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "the right panel of the join has duplicate keys: (CHN) at rows 1 and 3; make the right"
                + " keys unique (e.g. aggregate with groupBy first)");
    assertThatThrownBy(() -> dyads().leftJoin(right, "o", "year"))
        .hasMessage(
            "the right panel of the join has duplicate keys: (CHN, 2000) at rows 1 and 3; make the"
                + " right keys unique (e.g. aggregate with groupBy first)");
    Panel numeric = Panel.builder().numeric("o", new double[] {1}).build();
    assertThatThrownBy(() -> dyads().leftJoin(numeric, "o"))
        .hasMessage(
            "join key types differ: left column 'o' is CATEGORICAL but right column 'o' is"
                + " NUMERIC; convert one of them so that both keys have the same type");
    assertThatThrownBy(() -> dyads().leftJoin(numeric, "d"))
        .hasMessage("join key 'd' is not a column of the right panel; its columns: o");
    assertThatThrownBy(() -> dyads().leftJoin(numeric))
        .hasMessage("leftJoin needs one or more key columns present in both panels");
  }

  @Test
  void stackMergesLevels() {
    Panel a = countries().select("iso", "gdp");
    Panel b =
        Panel.builder()
            .numeric("gdp", new double[] {1})
            .categorical("iso", new String[] {"ITA"})
            .build();
    Panel s = a.stack(b);
    assertThat(s.rows()).isEqualTo(6);
    assertThat(s.columnNames()).containsExactly("iso", "gdp");
    assertThat(s.labels("iso")).endsWith("JPN", "ITA");
    assertThat(s.numeric("gdp")).endsWith(Double.NaN, 1);
    assertThatThrownBy(() -> a.stack(b.drop("gdp")))
        .hasMessage(
            "cannot stack: column 'gdp' is missing from the other panel; give both panels the same"
                + " columns");
    assertThatThrownBy(() -> a.stack(b.withCategorical("gdp", new String[] {"x"})))
        .hasMessage(
            "cannot stack: column 'gdp' is NUMERIC here but CATEGORICAL in the other panel; convert"
                + " one of them");
    assertThatThrownBy(() -> a.stack(b.withColumn("z", new double[] {1})))
        .hasMessage(
            "cannot stack: the other panel has column 'z' which this panel lacks; give both panels"
                + " the same columns");
  }

  @Test
  void operationsLeaveInputsUnchanged() {
    Panel p = countries();
    String before = p.toString();
    double[] gdp = p.numeric("gdp");
    p.sort("gdp");
    p.filter(r -> false);
    p.groupBy("region").aggregate(Aggregation.mean("gdp"));
    p.leftJoin(p.select("iso", "pop").rename("pop", "pop2"), "iso");
    p.stack(p);
    assertThat(p.toString()).isEqualTo(before);
    assertThat(p.numeric("gdp")).containsExactly(gdp);
    assertThat(p.labels("iso")).containsExactly("CHN", "USA", "DEU", "FRA", "JPN");
  }
}
