package org.econ4j.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.econ4j.core.RegressionResult;
import org.junit.jupiter.api.Test;

class RegressionTableTest {
  private static final RegressionResult OLS = RegressionTableGoldenTest.ols();
  private static final RegressionResult FE = RegressionTableGoldenTest.fe();

  private static List<String> labels(Table t) {
    return t.rows().stream().map(r -> r.get(0)).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void keepDropOrderAndLabels() {
    Table t =
        RegressionTable.of(OLS, FE)
            .withKeep("pat")
            .withOrder("partner")
            .withLabels(Map.of("log(pat_partner)", "Partner patents", "country", "Country FE"))
            .toTable();
    assertThat(labels(t))
        .containsSubsequence("Partner patents", "log(pat_cn)", "Country FE")
        .doesNotContain("(Intercept)", "l(tech_prox, 1)", "dist");
    Table d = RegressionTable.of(OLS, FE).withDrop("^log").toTable();
    assertThat(labels(d)).contains("(Intercept)", "dist").doesNotContain("log(pat_cn)");
  }

  @Test
  void statisticsStarsAndDecimals() {
    String p =
        RegressionTable.of(OLS).withStatistic(RegressionTable.Statistic.P).render(TableFormat.TEXT);
    assertThat(p).contains("p-values in parentheses.");
    String ci =
        RegressionTable.of(OLS)
            .withStatistic(RegressionTable.Statistic.CI)
            .withDecimals(2)
            .render(TableFormat.TEXT);
    assertThat(ci).contains("[-1.84; -0.66]").contains("95% confidence intervals in brackets.");
    String none =
        RegressionTable.of(OLS)
            .withStatistic(RegressionTable.Statistic.NONE)
            .withStars()
            .withNotes(false)
            .render(TableFormat.TEXT);
    assertThat(none).doesNotContain("*").doesNotContain("(0.300)").doesNotContain("Significance");
    String custom = RegressionTable.of(OLS).withStars(0.05, 0.001).render(TableFormat.TEXT);
    assertThat(custom).contains("-1.250**").contains("Significance: ** p<0.001, * p<0.05.");
    String t =
        RegressionTable.of(OLS).withStatistic(RegressionTable.Statistic.T).render(TableFormat.TEXT);
    assertThat(t).contains("[-4.167]").contains("t statistics in brackets.");
  }

  @Test
  void chosenStatistics() {
    Table t =
        RegressionTable.of(OLS, FE)
            .withStats(org.econ4j.core.FitStats.Stat.WITHIN_R2, org.econ4j.core.FitStats.Stat.R2)
            .toTable();
    assertThat(labels(t))
        .containsSubsequence("Observations", "Within R2", "R2")
        .doesNotContain("RMSE");
  }

  @Test
  void statisticParse() {
    assertThat(RegressionTable.Statistic.parse("SE")).isEqualTo(RegressionTable.Statistic.SE);
    assertThat(RegressionTable.Statistic.parse("t")).isEqualTo(RegressionTable.Statistic.T);
    assertThat(RegressionTable.Statistic.parse("p")).isEqualTo(RegressionTable.Statistic.P);
    assertThat(RegressionTable.Statistic.parse("ci")).isEqualTo(RegressionTable.Statistic.CI);
    assertThat(RegressionTable.Statistic.parse("none")).isEqualTo(RegressionTable.Statistic.NONE);
    assertThatThrownBy(() -> RegressionTable.Statistic.parse("sd"))
        .hasMessage("unknown statistic 'sd'; expected one of se, t, p, ci, none");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> RegressionTable.of(List.of()))
        .hasMessage("a regression table needs at least one result");
    assertThatThrownBy(() -> RegressionTable.of(OLS).withTitles("a", "b"))
        .hasMessage("got 2 model titles for 1 models");
    assertThatThrownBy(
            () -> RegressionTable.of(OLS).withGroups(new RegressionTable.ModelGroup("g", 1, 2)))
        .hasMessage("model group 'g' ends at model 2 but the table has 1");
    assertThatThrownBy(() -> new RegressionTable.ModelGroup("g", 2, 1))
        .hasMessage("model group 'g' has range 2..1; expected 1 <= first <= last");
    assertThatThrownBy(() -> RegressionTable.of(OLS).withStars(0.01, 0.05))
        .hasMessage("star levels must be strictly decreasing in (0, 1), got [0.01, 0.05]");
    assertThatThrownBy(() -> RegressionTable.of(OLS).withDecimals(11))
        .hasMessage("decimals must be in [0, 10], got 11");
    assertThatThrownBy(() -> RegressionTable.of(OLS).withKeep("("))
        .isInstanceOf(java.util.regex.PatternSyntaxException.class);
  }

  @Test
  void isAPureFunction() {
    RegressionTable t = RegressionTable.of(OLS, FE);
    assertThat(t.render(TableFormat.TEXT)).isEqualTo(t.toString());
    RegressionTable u = t.withDecimals(1);
    assertThat(u.render(TableFormat.TEXT)).isNotEqualTo(t.render(TableFormat.TEXT));
    assertThat(t.render(TableFormat.TEXT))
        .isEqualTo(RegressionTable.of(OLS, FE).render(TableFormat.TEXT));
  }
}
