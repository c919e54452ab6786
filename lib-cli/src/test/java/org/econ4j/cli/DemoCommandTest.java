package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoPrintsTheStudiesWithin100Columns() {
    CliRunner.Result r = CliRunner.run("demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Summary statistics")
        .contains("Totals of copat by region")
        .contains("Growth of copat")
        .contains("Coefficient of variation");
    for (String line : r.out().split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void demoWritesItsDataAsCsv() throws Exception {
    CliRunner.Result r = CliRunner.run("demo", "--write-data", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Panel back = Panel.readCsv(dir.resolve("copatents.csv"));
    assertThat(back.rows()).isEqualTo(1200);
    assertThat(Files.exists(dir.resolve("regions.csv"))).isTrue();
    assertThat(Files.exists(dir.resolve("copublications.csv"))).isTrue();
  }
}
