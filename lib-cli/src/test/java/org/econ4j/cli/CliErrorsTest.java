package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's usage errors: exit code 2 and exactly one line {@code econ4j: ...} on standard
 * error that names the option and the remedy; {@code --help} on every sub-command.
 */
class CliErrorsTest {
  @TempDir Path dir;

  private Path data() {
    return ReferenceData.write(
        dir, "d.csv", "u,t,y,x,w\na,1,1,2,1\na,2,2,3,1\nb,1,3,1,2\nb,2,5,4,1\n");
  }

  private static void assertUsage(CliRunner.Result r, String message) {
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("econ4j: " + message + "\n");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void picocliErrorsAreOneLineWithTheHelpHint() {
    String d = data().toString();
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--bogus"),
        "unknown option: '--bogus'; try 'econ4j fit --help'");
    assertUsage(
        CliRunner.run("fit", "--data", d),
        "missing required option: '--formula=FORMULA'; try 'econ4j fit --help'");
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--repeat", "x"),
        "invalid value for option '--repeat': 'x' is not an int; try 'econ4j fit --help'");
    assertUsage(
        CliRunner.run("tobit"), "unmatched argument at index 0: 'tobit'; try 'econ4j --help'");
    CliRunner.Result none = CliRunner.run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    assertThat(none.err())
        .startsWith("econ4j: a sub-command is needed; use one of ")
        .contains("describe")
        .contains("fit")
        .contains("hausman")
        .endsWith(" (see 'econ4j --help')\n");
  }

  @Test
  void unknownFormatListsTheFormatsOfTheCommand() {
    String d = data().toString();
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--format", "yaml"),
        "option '--format' has the unknown value 'yaml'; use one of text, markdown, latex, html,"
            + " csv, json");
    assertUsage(
        CliRunner.run(
            "hausman", "--data", d, "--formula", "y ~ x", "--index", "u,t", "--format", "xls"),
        "option '--format' has the unknown value 'xls'; use one of text, markdown, latex, html,"
            + " csv, json");
    assertUsage(
        CliRunner.run("demo", "--format", "json"),
        "option '--format' has the unknown value 'json'; use one of text, markdown, latex, html,"
            + " csv");
  }

  @Test
  void columnOptionsNameTheOptionAndTheKnownColumns() {
    String d = data().toString();
    String known = "; known columns: u, t, y, x, w";
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--weights", "ww"),
        "unknown column 'ww' in option '--weights'" + known);
    assertUsage(
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ x", "--model", "poisson", "--offset", "o"),
        "unknown column 'o' in option '--offset'" + known);
    assertUsage(
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ x", "--model", "poisson", "--exposure", "e"),
        "unknown column 'e' in option '--exposure'" + known);
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--index", "u,time"),
        "unknown column 'time' in option '--index'" + known);
    assertUsage(
        CliRunner.run("describe", "--data", d, "--index", "unit,t"),
        "unknown column 'unit' in option '--index'" + known);
  }

  @Test
  void timeSeriesCovariancesNeedTheIndex() {
    String d = data().toString();
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--vcov", "nw:1"),
        "vcov 'nw:1' needs the time dimension of a panel; add --index unit,time");
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--vcov", "DK:2"),
        "vcov 'DK:2' needs the time dimension of a panel; add --index unit,time");
  }

  @Test
  void aSubsetThatKeepsNothingIsAUsageError() {
    String d = data().toString();
    assertUsage(
        CliRunner.run("fit", "--data", d, "--formula", "y ~ x", "--subset", "t > 5"),
        "option '--subset' keeps none of the 4 rows: no row satisfies 't > 5'; check the"
            + " condition");
    assertUsage(
        CliRunner.run("describe", "--data", d, "--subset", "u == 'c'"),
        "option '--subset' keeps none of the 4 rows: no row satisfies 'u == 'c''; check the"
            + " condition");
  }

  @Test
  void subsetNoteCountsRowsInTheSingular() {
    CliRunner.Result r =
        CliRunner.run(
            "describe", "--data", data().toString(), "--subset", "y < 5", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"message\" : \"1 row dropped by --subset 'y < 5'\"");
  }

  @Test
  void helpWorksOnEverySubcommand() {
    for (String cmd : new String[] {"describe", "fit", "hausman", "demo"}) {
      CliRunner.Result r = CliRunner.run(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).startsWith("Usage: econ4j " + cmd);
    }
  }

  @Test
  void demoDataIntoAFileIsAUsageError() {
    Path file = ReferenceData.write(dir, "taken.txt", "x");
    CliRunner.Result r = CliRunner.run("demo", "--write-data", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("econ4j: could not write the demo data into '" + file + "' (")
        .endsWith("); give a directory (created if missing) with --write-data\n");
    assertThat(r.err().split("\n")).hasSize(1);
  }
}
