package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.econ4j.cli.demo.DemoData;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.FeOls;
import org.econ4j.panel.Panel;
import org.econ4j.panel.describe.Summary;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java quick start, line by line, on the demo data: it must keep compiling and
 * running.
 */
class ReadmeQuickStartTest {
  @TempDir Path dir;

  @Test
  void quickStartRuns() {
    Path csv = dir.resolve("copatents.csv");
    DemoData.copatents().writeCsv(csv);

    Panel panel = Panel.readCsv(csv).withIndex("iso3", "year");
    Panel p2 =
        panel
            .withColumn("l_pat", panel.lag("pat_partner", 1))
            .withColumn("log_dist", "log(dist_km)");
    String summary =
        Summary.of(p2, "copat", "l_pat", "log_dist").toTable().render(TableFormat.TEXT);
    RegressionResult ols =
        FeOls.defaults()
            .withVcov(Vcov.cluster("iso3"))
            .fit(
                Formula.parse("log(copat) ~ log(pat_partner) + l(tech_prox, 1) | iso3 + year"),
                panel);
    String table =
        RegressionTable.of(ols)
            .withStatistic(RegressionTable.Statistic.T)
            .render(TableFormat.MARKDOWN);

    assertThat(summary).contains("l_pat").contains("log_dist");
    assertThat(table).contains("log(pat_partner)").contains("l(tech_prox, 1)").contains("[");
    assertThat(ols.fixedEffectNames()).containsExactly("iso3", "year");
  }
}
