package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.econ4j.cli.demo.DemoData;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.econ4j.panel.describe.Summary;
import org.econ4j.panel.describe.XtSum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java quick start, step by step, on the demo data: it must keep compiling and
 * running.
 */
class ReadmeQuickStartTest {
  @TempDir Path dir;

  @Test
  void quickStartRuns() {
    Path csv = dir.resolve("copatents.csv");
    DemoData.copatents().writeCsv(csv);

    Panel panel = Panel.readCsv(csv).withIndex("iso3", "year");
    double[] lagged = panel.lag("pat_partner", 1);
    Panel p2 = panel.withColumn("l_pat", lagged).withColumn("log_dist", "log(dist_km)");
    String summary =
        Summary.of(p2, "copat", "l_pat", "log_dist").toTable().render(TableFormat.TEXT);
    String xtsum = XtSum.of(p2, "copat").toTable().render(TableFormat.MARKDOWN);

    assertThat(summary).contains("l_pat").contains("log_dist");
    assertThat(xtsum).contains("between").contains("within");
    assertThat(Double.isNaN(lagged[0])).isTrue(); // first year of the first unit has no lag
  }
}
