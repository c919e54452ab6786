package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class ModelFrameTest {
  private static final double NA = Double.NaN;

  /** firm a: 2000, 2001, 2003 (gap at 2002); firm b: 2001, 2000 (rows out of order). */
  private static Panel panel() {
    return Panel.builder()
        .categorical("firm", new String[] {"a", "a", "b", "a", "b"})
        .numeric("year", new double[] {2000, 2001, 2001, 2003, 2000})
        .numeric("wage", new double[] {1, 2, 3, 4, 5})
        .numeric("union", new double[] {0, 1, 1, 0, 1})
        .build();
  }

  private static Panel regions() {
    return Panel.builder()
        .numeric("y", new double[] {1, 2, 3, 4, 5, 6})
        .numeric("x", new double[] {1, 0, 2, 5, 3, 1})
        .numeric("year", new double[] {2004, 2003, 2005, 2003, 2004, 2005})
        .categorical("region", new String[] {"Europe", "Asia", "Asia", "Africa", "Europe", "Asia"})
        .build();
  }

  @Test
  void bindsResponseDesignAndIntercept() {
    ModelFrame m = Formula.parse("log(wage) ~ union + I(wage^2)").bind(panel());
    assertThat(m.hasIntercept()).isTrue();
    assertThat(m.columnNames()).containsExactly("(Intercept)", "union", "I(wage^2)");
    assertThat(m.response()).containsExactly(0, Math.log(2), Math.log(3), Math.log(4), Math.log(5));
    assertThat(m.column(0)).containsOnly(1.0);
    assertThat(m.column("I(wage^2)")).containsExactly(1, 4, 9, 16, 25);
    assertThat(m.columns()[1]).containsExactly(0, 1, 1, 0, 1);
    assertThat(m.columnCount()).isEqualTo(3);
    assertThat(m.nobs()).isEqualTo(5);
    assertThat(m.nobsOriginal()).isEqualTo(5);
    assertThat(m.notes()).isEmpty();
    assertThat(m.responseName()).isEqualTo("log(wage)");
    assertThat(m.fixedEffects()).isEmpty();
    assertThat(m.weights()).isEmpty();
    assertThat(m.offset()).isEmpty();
    assertThat(m.toString()).contains("5 of 5 rows");
  }

  @Test
  void noInterceptColumnWithFixedEffectsOrMinusOne() {
    assertThat(Formula.parse("wage ~ union | firm").bind(panel()).columnNames())
        .containsExactly("union");
    assertThat(Formula.parse("wage ~ union | firm").bind(panel()).hasIntercept()).isFalse();
    assertThat(Formula.parse("wage ~ union - 1").bind(panel()).columnNames())
        .containsExactly("union");
  }

  @Test
  void notesPerCauseWithCountsAddingUpToTheDroppedRows() {
    Panel p =
        Panel.builder()
            .numeric("y", new double[] {1, NA, 3, 4, 5, 6, 7})
            .numeric("x", new double[] {1, 1, NA, 0, 2, 3, -1})
            .categorical("g", new String[] {"a", "a", "b", "b", null, "c", "c"})
            .build();
    ModelFrame m = Formula.parse("y ~ log(x) | g").bind(p);
    assertThat(m.nobs()).isEqualTo(2);
    assertThat(m.keptRows()).containsExactly(0, 5);
    assertThat(m.keptMask()).containsExactly(true, false, false, false, false, true, false);
    assertThat(m.notes())
        .containsExactly(
            Note.of(
                Note.Kind.MISSING,
                1,
                "1 row dropped because of missing values in the response 'y'",
                List.of("y")),
            Note.of(
                Note.Kind.MISSING,
                1,
                "1 row dropped because of missing values in regressor 'log(x)'",
                List.of("log(x)")),
            Note.of(
                Note.Kind.NON_FINITE,
                2,
                "2 rows dropped because regressor 'log(x)' is not finite (e.g. log of zero or of"
                    + " a negative number, division by zero)",
                List.of("log(x)")),
            Note.of(
                Note.Kind.MISSING,
                1,
                "1 row dropped because of missing values in fixed effect 'g'",
                List.of("g")));
    long total = 0;
    for (Note n : m.notes()) {
      total += n.count();
    }
    assertThat(total).isEqualTo(m.nobsOriginal() - m.nobs());
    assertThat(m.fixedEffects().get(0).levels()).containsExactly("a", "c");
    assertThat(m.fixedEffects().get(0).codes()).containsExactly(0, 1);
  }

  @Test
  void factorDummiesDropTheFirstSortedLevelWithAnIntercept() {
    ModelFrame m = Formula.parse("y ~ factor(year) + region").bind(regions());
    assertThat(m.columnNames())
        .containsExactly(
            "(Intercept)", "factor(year)2004", "factor(year)2005", "regionAsia", "regionEurope");
    assertThat(m.column("factor(year)2004")).containsExactly(1, 0, 0, 0, 1, 0);
    assertThat(m.column("regionEurope")).containsExactly(1, 0, 0, 0, 1, 0);
    assertThat(m.termOf(0)).isEqualTo(-1);
    assertThat(m.termOf(1)).isEqualTo(0);
    assertThat(m.termOf(2)).isEqualTo(0);
    assertThat(m.termOf(3)).isEqualTo(1);
    assertThat(m.termOf(4)).isEqualTo(1);
  }

  @Test
  void factorWithoutInterceptKeepsAllLevelsOfTheFirstFactorOnly() {
    ModelFrame m = Formula.parse("y ~ factor(year) + region - 1").bind(regions());
    assertThat(m.columnNames())
        .containsExactly(
            "factor(year)2003",
            "factor(year)2004",
            "factor(year)2005",
            "regionAsia",
            "regionEurope");
  }

  @Test
  void factorWithFixedEffectsDropsTheFirstLevelAsFixest() {
    ModelFrame m = Formula.parse("y ~ factor(year) | region").bind(regions());
    assertThat(m.columnNames()).containsExactly("factor(year)2004", "factor(year)2005");
  }

  @Test
  void referenceLevelsReplaceTheDefaultReference() {
    ModelFrame m = Formula.parse("y ~ factor(year, ref = 2004)").bind(regions());
    assertThat(m.columnNames())
        .containsExactly("(Intercept)", "factor(year)2003", "factor(year)2005");
    ModelFrame r = Formula.parse("y ~ factor(region, ref = c('Asia', 'Europe'))").bind(regions());
    assertThat(r.columnNames()).containsExactly("(Intercept)", "factor(region)Africa");
  }

  @Test
  void indicatorsKeepAllLevelsButRefAndUseFixestNames() {
    ModelFrame m = Formula.parse("y ~ i(year) | region").bind(regions());
    assertThat(m.columnNames()).containsExactly("year::2003", "year::2004", "year::2005");
    ModelFrame r = Formula.parse("y ~ i(year, x, ref = 2003) | region").bind(regions());
    assertThat(r.columnNames()).containsExactly("year::2004:x", "year::2005:x");
    assertThat(r.column("year::2004:x")).containsExactly(1, 0, 0, 0, 3, 0);
    ModelFrame s = Formula.parse("y ~ i(region, ref = \"Asia\")").bind(regions());
    assertThat(s.columnNames()).containsExactly("(Intercept)", "region::Africa", "region::Europe");
  }

  @Test
  void numericLevelsSortNumerically() {
    Panel p =
        Panel.builder()
            .numeric("y", new double[] {1, 2, 3, 4})
            .numeric("k", new double[] {10, 9, 100, 9})
            .build();
    assertThat(Formula.parse("y ~ factor(k) - 1").bind(p).columnNames())
        .containsExactly("factor(k)9", "factor(k)10", "factor(k)100");
  }

  @Test
  void interactionsMultiplyAndCrossFactors() {
    ModelFrame m = Formula.parse("y ~ x:year + region:x").bind(regions());
    assertThat(m.columnNames())
        .containsExactly(
            "(Intercept)", "x:year", "regionAfrica:x", "regionAsia:x", "regionEurope:x");
    assertThat(m.column("x:year")).containsExactly(2004, 0, 4010, 10015, 6012, 2005);
    assertThat(m.column("regionAsia:x")).containsExactly(0, 0, 2, 0, 0, 1);
    ModelFrame q = Formula.parse("y ~ region*x").bind(regions());
    assertThat(q.columnNames())
        .containsExactly(
            "(Intercept)", "regionAsia", "regionEurope", "x", "regionAsia:x", "regionEurope:x");
    ModelFrame ff = Formula.parse("y ~ factor(year):region + region").bind(regions());
    assertThat(ff.columnNames())
        .containsExactly(
            "(Intercept)",
            "factor(year)2004:regionAfrica",
            "factor(year)2004:regionAsia",
            "factor(year)2004:regionEurope",
            "factor(year)2005:regionAfrica",
            "factor(year)2005:regionAsia",
            "factor(year)2005:regionEurope",
            "regionAsia",
            "regionEurope");
    ModelFrame p = Formula.parse("y ~ x*year").bind(regions());
    assertThat(p.columnNames()).containsExactly("(Intercept)", "x", "year", "x:year");
  }

  @Test
  void lagsGoThroughTheIndexWithGaps() {
    Panel p = panel().withIndex("firm", "year");
    // firm a: 2000 (w1), 2001 (w2), 2003 (w4); firm b: 2000 (w5), 2001 (w3)
    ModelFrame m = Formula.parse("wage ~ l(wage, 1) + d(wage)").bind(p);
    assertThat(m.keptRows()).containsExactly(1, 2);
    assertThat(m.columnNames()).containsExactly("(Intercept)", "l(wage, 1)", "d(wage, 1)");
    assertThat(m.column("l(wage, 1)")).containsExactly(1, 5);
    assertThat(m.column("d(wage, 1)")).containsExactly(1, -2);
    assertThat(m.notes())
        .containsExactly(
            Note.of(
                Note.Kind.MISSING,
                3,
                "3 rows dropped because of missing values in regressor 'l(wage, 1)'",
                List.of("l(wage, 1)")));
    ModelFrame f = Formula.parse("wage ~ f(union)").bind(p);
    assertThat(f.keptRows()).containsExactly(0, 4);
    assertThat(f.column("f(union, 1)")).containsExactly(1, 1);
    ModelFrame r = Formula.parse("wage ~ l(wage, 0:1)").bind(p);
    assertThat(r.columnNames()).containsExactly("(Intercept)", "wage", "l(wage, 1)");
    assertThat(r.column("l(wage, 1)")).containsExactly(1, 5);
    ModelFrame e = Formula.parse("wage ~ l(log(wage), 1)").bind(p);
    assertThat(e.column("l(log(wage), 1)")).containsExactly(0, Math.log(5));
  }

  @Test
  void fixedEffectCodesCombinationsAndSlopes() {
    ModelFrame m = Formula.parse("y ~ x | region + region^year + region[x]").bind(regions());
    assertThat(m.fixedEffects()).hasSize(3);
    GroupCodes g = m.fixedEffects().get(0);
    assertThat(g.name()).isEqualTo("region");
    assertThat(g.codes()).containsExactly(0, 1, 1, 2, 0, 1);
    assertThat(g.levels()).containsExactly("Europe", "Asia", "Africa");
    assertThat(g.groupCount()).isEqualTo(3);
    assertThat(g.groupSizes()).containsExactly(2, 3, 1);
    GroupCodes c = m.fixedEffects().get(1);
    assertThat(c.name()).isEqualTo("region^year");
    assertThat(c.levels()).containsExactly("Europe_2004", "Asia_2003", "Asia_2005", "Africa_2003");
    assertThat(c.codes()).containsExactly(0, 1, 2, 3, 0, 2);
    assertThat(m.slopes()).hasSize(1);
    VaryingSlope s = m.slopes().get(0);
    assertThat(s.name()).isEqualTo("region[x]");
    assertThat(s.fixedEffectIndex()).isEqualTo(2);
    assertThat(s.fixedEffectName()).isEqualTo("region");
    assertThat(s.variable()).isEqualTo("x");
    assertThat(s.values()).containsExactly(1, 0, 2, 5, 3, 1);
    assertThat(g.toString()).isEqualTo("GroupCodes[region: 3 groups, 6 rows]");
  }

  @Test
  void optionsCarryWeightsOffsetAndClustersAligned() {
    Panel p =
        regions()
            .withColumn("w", new double[] {1, 2, NA, 4, 5, 6})
            .withColumn("e", new double[] {1, 1, 1, 0, 1, 1});
    BindOptions o =
        BindOptions.defaults().withWeights("w").withOffset("log(e)").withClusters("region", "year");
    ModelFrame m = Formula.parse("y ~ x").bind(p, o);
    assertThat(m.keptRows()).containsExactly(0, 1, 4, 5);
    assertThat(m.weights().orElseThrow()).containsExactly(1, 2, 5, 6);
    assertThat(m.offset().orElseThrow()).containsOnly(0.0);
    assertThat(m.clusters()).extracting(GroupCodes::name).containsExactly("region", "year");
    assertThat(m.clusters().get(1).codes()).containsExactly(0, 1, 0, 2);
    assertThat(m.notes())
        .extracting(Note::message)
        .containsExactly(
            "1 row dropped because of missing values in weights 'w'",
            "1 row dropped because offset 'log(e)' is not finite (e.g. log of zero or of a negative"
                + " number, division by zero)");
    assertThat(o.weights()).contains("w");
    assertThat(o.offset()).contains("log(e)");
    assertThat(o.clusters()).containsExactly("region", "year");
    assertThat(o)
        .isEqualTo(
            BindOptions.defaults()
                .withWeights("w")
                .withOffset("log(e)")
                .withClusters(List.of("region", "year")));
    assertThat(o.hashCode()).isEqualTo(o.withClusters("region", "year").hashCode());
  }

  @Test
  void inputsAreUnchangedAndOutputsAreCopies() {
    double[] y = {1, 2, 3, 4};
    double[] x = {1, 2, 3, 5};
    Panel p = Panel.builder().numeric("y", y).numeric("x", x).build();
    ModelFrame m = Formula.parse("y ~ log(x) + I(x * 2)").bind(p);
    m.response()[0] = 99;
    m.column(1)[0] = 99;
    m.keptRows()[0] = 99;
    assertThat(m.response()[0]).isEqualTo(1);
    assertThat(m.column(1)[0]).isEqualTo(0);
    assertThat(p.numeric("x")).containsExactly(1, 2, 3, 5);
    assertThat(y).containsExactly(1, 2, 3, 4);
    assertThat(x).containsExactly(1, 2, 3, 5);
    // a bare variable used by the design is a copy, not the panel's array
    ModelFrame v = Formula.parse("y ~ x").bind(p);
    assertThat(v.column("x")).containsExactly(1, 2, 3, 5);
  }

  @Test
  void unknownColumnListsTheKnownOnes() {
    assertThatThrownBy(() -> Formula.parse("log(wagee) ~ union | firm").bind(panel()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "unknown column 'wagee' in formula 'log(wagee) ~ union | firm'; known columns: firm,"
                + " year, wage, union");
    assertThatThrownBy(() -> Formula.parse("wage ~ union | firmm").bind(panel()))
        .hasMessageStartingWith("unknown column 'firmm' in formula");
    assertThatThrownBy(
            () ->
                Formula.parse("wage ~ union")
                    .bind(panel(), BindOptions.defaults().withClusters("frm")))
        .hasMessageStartingWith("unknown column 'frm' in formula 'wage ~ union'; known columns");
  }

  @Test
  void lagWithoutIndexSaysHowToFixIt() {
    assertThatThrownBy(() -> Formula.parse("wage ~ l(union, 1)").bind(panel()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "l(union, 1) needs a panel index; call withIndex(unit, time) (command line: --index"
                + " unit,time)");
  }

  @Test
  void categoricalWhereANumberIsNeeded() {
    assertThatThrownBy(() -> Formula.parse("firm ~ union").bind(panel()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'firm' in formula 'firm ~ union' is categorical but a number is needed here;"
                + " use factor(firm) or i(firm) for dummies, or compare it with a label");
    assertThatThrownBy(() -> Formula.parse("wage ~ log(firm)").bind(panel()))
        .hasMessage(
            "column 'firm' in formula 'wage ~ log(firm)' is categorical but a number is needed in"
                + " 'log(firm)'; use factor(firm) or i(firm) for dummies, or compare it with a label");
  }

  @Test
  void unknownReferenceLevel() {
    assertThatThrownBy(() -> Formula.parse("y ~ i(year, ref = 2099)").bind(regions()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "reference level '2099' in 'i(year, ref = 2099)' is not a level of 'year' in formula"
                + " 'y ~ i(year, ref = 2099)'; levels: 2003, 2004, 2005");
  }

  @Test
  void nonIntegerNumericFixedEffect() {
    assertThatThrownBy(
            () ->
                Formula.parse("wage ~ union | g")
                    .bind(panel().withColumn("g", new double[] {1, 1.5, 2, 2, 1})))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "fixed effect 'g' is numeric with non-integer values (e.g. 1.5 at row 2) in formula"
                + " 'wage ~ union | g'; use a categorical or integer-valued column");
  }

  @Test
  void nonIntegerNumericClusterAndCategoricalSlope() {
    Panel p = panel().withColumn("c", new double[] {1, 2.5, 2, 2, 1});
    assertThatThrownBy(
            () -> Formula.parse("wage ~ union").bind(p, BindOptions.defaults().withClusters("c")))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "cluster column 'c' is numeric with non-integer values (e.g. 2.5 at row 2) in formula"
                + " 'wage ~ union'; use a categorical or integer-valued column");
    assertThatThrownBy(() -> Formula.parse("wage ~ union | year[firm]").bind(p))
        .hasMessage(
            "column 'firm' in formula 'wage ~ union | year[firm]' is categorical but a number is"
                + " needed here; use factor(firm) or i(firm) for dummies, or compare it with a"
                + " label");
  }

  @Test
  void noRowsLeft() {
    Panel p =
        Panel.builder()
            .numeric("y", new double[] {NA, 1})
            .numeric("x", new double[] {1, NA})
            .build();
    assertThatThrownBy(() -> Formula.parse("y ~ x").bind(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "no rows left in formula 'y ~ x' after dropping rows with missing or non-finite values"
                + " (1 row dropped because of missing values in the response 'y'; 1 row dropped"
                + " because of missing values in regressor 'x'); check the columns or the filter");
  }

  @Test
  void numericFixedEffectsAndClustersAreEncoded() {
    ModelFrame m =
        Formula.parse("y ~ x | year").bind(regions(), BindOptions.defaults().withClusters("year"));
    assertThat(m.fixedEffects().get(0).levels()).containsExactly("2004", "2003", "2005");
    assertThat(m.fixedEffects().get(0).codes()).containsExactly(0, 1, 2, 1, 0, 2);
    assertThat(m.clusters().get(0).codes()).containsExactly(0, 1, 2, 1, 0, 2);
  }

  @Test
  void groupCodesValidate() {
    assertThat(GroupCodes.of("g", new int[] {0, 1, 0}, List.of("a", "b")).code(1)).isEqualTo(1);
    assertThatThrownBy(() -> GroupCodes.of("g", new int[] {0, 2}, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group code 2 at row 1 is outside [0, 2)");
  }
}
