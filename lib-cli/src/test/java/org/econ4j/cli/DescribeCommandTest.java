package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.econ4j.core.Econ4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
  @TempDir Path dir;
  private Path csv;

  @BeforeEach
  void writeData() throws Exception {
    csv = dir.resolve("p.csv");
    Files.writeString(
        csv,
        "unit,year,region,x,y\n"
            + "a,2000,east,1,10\n"
            + "a,2001,east,2,NA\n"
            + "a,2002,east,3,14\n"
            + "b,2000,west,4,20\n"
            + "b,2001,west,6,22\n"
            + "b,2002,west,8,30\n");
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void summaryAsJson() throws Exception {
    CliRunner.Result r = CliRunner.run("describe", "--data", csv.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("econ4j").asText()).isEqualTo(Econ4j.version());
    assertThat(j.get("what").asText()).isEqualTo("summary");
    assertThat(j.get("nobs").asInt()).isEqualTo(6);
    JsonNode stats = j.get("statistics");
    assertThat(stats).hasSize(3); // year, x, y (no index given)
    JsonNode y = stats.get(2);
    assertThat(y.get("variable").asText()).isEqualTo("y");
    assertThat(y.get("n").asInt()).isEqualTo(5);
    assertThat(y.get("missing").asInt()).isEqualTo(1);
    assertThat(y.get("mean").asDouble()).isEqualTo(19.2);
    assertThat(y.get("median").asDouble()).isEqualTo(20.0);
  }

  @Test
  void xtsumNeedsAndUsesTheIndex() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--index",
            "unit,year",
            "--vars",
            "x",
            "--what",
            "xtsum",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode row = json(r.out()).get("statistics").get(0);
    assertThat(row.get("units").asInt()).isEqualTo(2);
    assertThat(row.get("tBar").asDouble()).isEqualTo(3.0);
    assertThat(row.get("mean").asDouble()).isEqualTo(4.0);

    CliRunner.Result bad =
        CliRunner.run("describe", "--data", csv.toString(), "--vars", "x", "--what", "xtsum");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("econ4j: ").contains("index");
  }

  @Test
  void sharesGrowthCorrAndCvRender() throws Exception {
    CliRunner.Result shares =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--vars",
            "x",
            "--by",
            "region",
            "--what",
            "shares",
            "--format",
            "json");
    assertThat(shares.code()).as(shares.err()).isZero();
    JsonNode s = json(shares.out());
    assertThat(s.get("grandTotal").asDouble()).isEqualTo(24.0);
    JsonNode west = s.get("shares").get(0);
    assertThat(west.get("category").asText()).isEqualTo("west");
    assertThat(west.get("share").asDouble()).isEqualTo(75.0);
    assertThat(west.get("rank").asInt()).isEqualTo(1);

    CliRunner.Result growth =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--index",
            "unit,year",
            "--vars",
            "x",
            "--what",
            "growth",
            "--format",
            "json");
    assertThat(growth.code()).as(growth.err()).isZero();
    JsonNode g = json(growth.out());
    assertThat(g.get("totalRate").get("multiple").asDouble()).isEqualTo(11.0 / 5.0);

    CliRunner.Result corr =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--vars",
            "x,y",
            "--what",
            "corr",
            "--format",
            "markdown");
    assertThat(corr.code()).as(corr.err()).isZero();
    assertThat(corr.out()).contains("|");

    CliRunner.Result cv =
        CliRunner.run(
            "describe", "--data", csv.toString(), "--time", "year", "--vars", "x", "--what", "cv");
    assertThat(cv.code()).as(cv.err()).isZero();
    assertThat(cv.out()).contains("2001");
  }

  @Test
  void subsetDropsRowsWithANote() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--subset",
            "year >= 2001",
            "--vars",
            "x",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("nobs").asInt()).isEqualTo(4);
    assertThat(j.get("nobsOriginal").asInt()).isEqualTo(6);
    assertThat(j.get("notes").get(0).get("kind").asText()).isEqualTo("subset");
    assertThat(j.get("notes").get(0).get("count").asInt()).isEqualTo(2);
  }

  @Test
  void writesToAFile() throws Exception {
    Path out = dir.resolve("t.tex");
    CliRunner.Result r =
        CliRunner.run(
            "describe",
            "--data",
            csv.toString(),
            "--vars",
            "x",
            "--format",
            "latex",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\\toprule");
  }

  @Test
  void badInputGivesExitCode2AndOneLine() {
    CliRunner.Result missing =
        CliRunner.run("describe", "--data", dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "econ4j: data file '"
                + dir.resolve("nope.csv")
                + "' does not exist; give the path of a CSV file with --data\n");

    CliRunner.Result what = CliRunner.run("describe", "--data", csv.toString(), "--what", "median");
    assertThat(what.code()).isEqualTo(2);
    assertThat(what.err())
        .isEqualTo(
            "econ4j: option '--what' has the unknown value 'median'; use one of summary, xtsum,"
                + " corr, shares, growth, cv\n");

    CliRunner.Result col = CliRunner.run("describe", "--data", csv.toString(), "--vars", "xx");
    assertThat(col.code()).isEqualTo(2);
    assertThat(col.err())
        .isEqualTo("econ4j: unknown column 'xx'; known columns: unit, year, region, x, y\n");

    CliRunner.Result idx = CliRunner.run("describe", "--data", csv.toString(), "--index", "unit");
    assertThat(idx.code()).isEqualTo(2);
    assertThat(idx.err())
        .isEqualTo(
            "econ4j: option '--index' needs two column names separated by a comma, got 'unit';"
                + " write --index unit,time\n");

    CliRunner.Result shares =
        CliRunner.run("describe", "--data", csv.toString(), "--what", "shares");
    assertThat(shares.code()).isEqualTo(2);
    assertThat(shares.err()).contains("needs --by COLUMN");

    CliRunner.Result growth =
        CliRunner.run("describe", "--data", csv.toString(), "--vars", "x", "--what", "growth");
    assertThat(growth.code()).isEqualTo(2);
    assertThat(growth.err())
        .isEqualTo(
            "econ4j: describe --what growth needs a time column; add --index unit,time or --time"
                + " COLUMN\n");

    CliRunner.Result fmt = CliRunner.run("describe", "--data", csv.toString(), "--format", "docx");
    assertThat(fmt.code()).isEqualTo(2);
    assertThat(fmt.err())
        .isEqualTo(
            "econ4j: option '--format' has the unknown value 'docx'; use one of text, markdown,"
                + " latex, html, csv, json\n");

    CliRunner.Result opt = CliRunner.run("describe", "--data", csv.toString(), "--bogus");
    assertThat(opt.code()).isEqualTo(2);
    assertThat(opt.err())
        .isEqualTo("econ4j: unknown option: '--bogus'; try 'econ4j describe --help'\n");
  }

  @Test
  void helpWorksOnEverySubcommand() {
    for (String cmd : new String[] {"describe", "demo"}) {
      CliRunner.Result r = CliRunner.run(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: econ4j " + cmd);
    }
    assertThat(CliRunner.run("--version").out()).contains("econ4j " + Econ4j.version());
  }
}
