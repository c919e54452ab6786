package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.SpecificationException;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class ExpressionTest {
  private static final double NA = Double.NaN;

  private static Panel countries() {
    return Panel.builder()
        .categorical("country", new String[] {"CN", "CN", "JP", "JP", "DE", "DE"})
        .numeric("year", new double[] {2012, 2013, 2012, 2013, 2012, 2013})
        .categorical("region", new String[] {"Asia", "Asia", "Asia", "Asia", "Europe", null})
        .numeric("gdp", new double[] {10, 20, 5, NA, 4, 8})
        .numeric("exports", new double[] {1, 2, 1, 1, 2, 2})
        .build();
  }

  @Test
  void filtersByConditionOnNumbersAndLabels() {
    Panel p = countries();
    Panel f = p.filter("year >= 2013 & region == 'Asia'");
    assertThat(f.rows()).isEqualTo(2);
    assertThat(f.labels("country")).containsExactly("CN", "JP");
    assertThat(p.rows() - f.rows()).isEqualTo(4);
    assertThat(f.type("region")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(p.filter("region != \"Asia\"").labels("country")).containsExactly("DE");
    assertThat(p.filter("!(region == 'Asia') | year < 2013").labels("country"))
        .containsExactly("CN", "JP", "DE");
    assertThat(p.filter("gdp > 4 && exports == 1").labels("country")).containsExactly("CN", "JP");
    assertThat(p.filter("'Asia' == region & year == 2012").rows()).isEqualTo(2);
    assertThat(p.filter("country < 'JP'").labels("country"))
        .containsExactly("CN", "CN", "DE", "DE");
    assertThat(p.filter("year == '2013'").rows()).isEqualTo(3);
  }

  @Test
  void inIsASetOfEqualities() {
    Panel p = countries();
    assertThat(p.filter("country %in% c('CN', 'DE')").labels("country"))
        .containsExactly("CN", "CN", "DE", "DE");
    assertThat(p.filter("year %in% 2013").rows()).isEqualTo(3);
    assertThat(Expression.parse("x %in% c(1, 2)").toString()).isEqualTo("x == 1 | x == 2");
    assertThatThrownBy(() -> p.filter("year %on% 2013"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "condition 'year %on% 2013' has a syntax error at position 5: unknown operator '%on%';"
                + " the only %-operator is %in%");
  }

  @Test
  void missingConditionDropsTheRowWithThreeValuedLogic() {
    Panel p = countries();
    // gdp missing in row 4 (JP 2013): 'gdp > 1' is NA there, 'NA | TRUE' is TRUE
    assertThat(p.filter("gdp > 1").rows()).isEqualTo(5);
    assertThat(p.filter("gdp > 1 | year == 2013").rows()).isEqualTo(6);
    assertThat(p.filter("gdp > 1 & year == 2012").rows()).isEqualTo(3);
    assertThat(Expression.parseCondition("gdp > 100 & gdp > 1").evaluate(p)[3]).isNaN();
    assertThat(Expression.parseCondition("year == 2012 & gdp > 1").evaluate(p)[3]).isEqualTo(0);
  }

  @Test
  void filterKeepsTheIndex() {
    Panel p = countries().withIndex("country", "year").filter("year >= 2012");
    assertThat(p.index()).isPresent();
  }

  @Test
  void withColumnFromExpressions() {
    Panel p = countries().withColumn("lg", "log(gdp)").withColumn("share", "exports / gdp * 100");
    assertThat(p.numeric("lg"))
        .containsExactly(Math.log(10), Math.log(20), Math.log(5), NA, Math.log(4), Math.log(8));
    assertThat(p.numeric("share")).containsExactly(10, 10, 20, NA, 50, 25);
    assertThat(p.withColumn("r", "region").type("r")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(p.withColumn("c", "2^3 - -1").numeric("c")).containsOnly(9.0);
    assertThat(p.withColumn("asia", "region == 'Asia'").numeric("asia"))
        .containsExactly(1, 1, 1, 1, 0, NA);
    assertThat(p.withColumn("a", "abs(-exports) + sqrt(4) + exp(0) + log1p(0)").numeric("a"))
        .containsExactly(4, 5, 4, 4, 5, 5);
  }

  @Test
  void timeOperatorsInExpressionsUseTheIndex() {
    Panel p = countries().withIndex("country", "year");
    assertThat(p.withColumn("lg", "l(gdp, 1)").numeric("lg")).containsExactly(NA, 10, NA, 5, NA, 4);
    assertThat(p.withColumn("fg", "lead(gdp)").numeric("fg"))
        .containsExactly(20, NA, NA, NA, 8, NA);
    assertThat(p.withColumn("dg", "d(log(gdp))").numeric("dg")[1])
        .isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(1e-15));
    assertThatThrownBy(() -> countries().withColumn("lg", "l(gdp, 1)"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "l(gdp, 1) needs a panel index; call withIndex(unit, time) (command line: --index"
                + " unit,time)");
  }

  @Test
  void expressionsAreValues() {
    Expression e = Expression.parse("a+b*2");
    assertThat(e.toString()).isEqualTo("a + b * 2");
    assertThat(e).isEqualTo(Expression.parse("a + (b * 2)"));
    assertThat(e.hashCode()).isEqualTo(Expression.parse("a + (b * 2)").hashCode());
    assertThat(e.term()).isInstanceOf(Term.Operation.class);
    assertThat(Expression.parse("!a & b | c == 1").toString()).isEqualTo("!a & b | c == 1");
    assertThat(Expression.parse("!(a & b)").toString()).isEqualTo("!(a & b)");
    assertThat(Expression.parse("-(a + b)").toString()).isEqualTo("-(a + b)");
    assertThat(
            Expression.parseCondition("x >= 1")
                .test(Panel.builder().numeric("x", new double[] {0, 1, NA}).build()))
        .containsExactly(false, true, false);
  }

  @Test
  void unknownColumnInConditionListsKnownColumns() {
    assertThatThrownBy(() -> countries().filter("yeer > 2000"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "unknown column 'yeer' in condition 'yeer > 2000'; known columns: country, year,"
                + " region, gdp, exports");
    assertThatThrownBy(() -> countries().withColumn("z", "log(gdpp)"))
        .hasMessage(
            "unknown column 'gdpp' in expression 'log(gdpp)'; known columns: country, year,"
                + " region, gdp, exports");
  }

  @Test
  void badExpressions() {
    assertThatThrownBy(() -> countries().filter("year >"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "condition 'year >' has a syntax error at position 6: expected a term after '>'");
    assertThatThrownBy(() -> countries().filter("year = 2013"))
        .hasMessage(
            "condition 'year = 2013' has a syntax error at position 5: unexpected '='; use '==' to compare");
    assertThatThrownBy(() -> countries().filter("year 2013"))
        .hasMessage(
            "condition 'year 2013' has a syntax error at position 5: unexpected '2013'; expected an"
                + " operator or the end");
    assertThatThrownBy(() -> countries().filter("region > gdp"))
        .hasMessage(
            "'region > gdp' in condition 'region > gdp' compares the categorical column 'region' with"
                + " numbers; compare it with a label in quotes");
    assertThatThrownBy(() -> countries().filter("year == 'abc'"))
        .hasMessage(
            "'year == \"abc\"' in condition 'year == 'abc'' compares a number with the text \"abc\";"
                + " compare numbers with numbers and categorical columns with labels");
    assertThatThrownBy(() -> countries().filter("region < country"))
        .hasMessage(
            "'region < country' in condition 'region < country' compares two categorical columns;"
                + " only == and != can");
    assertThatThrownBy(() -> countries().withColumn("z", "'abc' + 1"))
        .hasMessage(
            "text \"abc\" in expression ''abc' + 1' is used as a number; compare a categorical"
                + " column with it (e.g. region == \"abc\")");
    assertThatThrownBy(() -> countries().withColumn("z", "region * 2"))
        .hasMessage(
            "column 'region' in expression 'region * 2' is categorical but a number is needed in"
                + " 'region * 2'; use factor(region) or i(region) for dummies, or compare it with a"
                + " label");
  }

  @Test
  void categoricalEqualityAcrossColumns() {
    Panel p =
        Panel.builder()
            .categorical("a", new String[] {"x", "y", null})
            .categorical("b", new String[] {"x", "x", "x"})
            .build();
    assertThat(Expression.parse("a == b").evaluate(p)).containsExactly(1, 0, NA);
    assertThat(Expression.parse("a != b").evaluate(p)).containsExactly(0, 1, NA);
  }
}
