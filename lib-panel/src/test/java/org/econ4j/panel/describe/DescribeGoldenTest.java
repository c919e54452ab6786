package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendered tables against files in {@code src/test/resources/golden/}. To regenerate after an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class DescribeGoldenTest {
  private static final Panel GRUNFELD = TestCsv.grunfeld().withIndex("firm", "year");

  static Stream<Arguments> tables() {
    Panel g = GRUNFELD;
    boolean[] early = new boolean[g.rows()];
    for (int i = 0; i < early.length; i++) {
      early[i] = g.value("year", i) < 1945;
    }
    return Stream.of(
        Arguments.of(
            "describe_summary.txt",
            Summary.of(g, "inv", "value", "capital").toTable(),
            TableFormat.TEXT),
        Arguments.of(
            "describe_summary.tex",
            Summary.of(g, "inv", "value", "capital").toTable(),
            TableFormat.LATEX),
        Arguments.of(
            "describe_xtsum.txt",
            XtSum.of(g, "inv", "value", "capital").toTable(),
            TableFormat.TEXT),
        Arguments.of(
            "describe_xtsum.tex",
            XtSum.of(g, "inv", "value", "capital").toTable(),
            TableFormat.LATEX),
        Arguments.of(
            "describe_correlations.txt",
            Correlations.of(g, "inv", "value", "capital")
                .withSubsample("1935-1944", early)
                .withSubsample("1945-1954", i -> !early[i])
                .toTable(),
            TableFormat.TEXT),
        Arguments.of(
            "describe_growth.txt",
            Growth.of(g, "inv", "year").rates(1935, 1954).toTable(),
            TableFormat.TEXT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void rendersAsGolden(String file, Table table, TableFormat format) throws IOException {
    String actual = table.render(format);
    if (Boolean.getBoolean("golden.update")) {
      Path dir = Paths.get("src/test/resources/golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file), actual, StandardCharsets.UTF_8);
    }
    String expected =
        String.join("\n", org.econ4j.testing.ReferenceData.lines("golden/" + file)) + "\n";
    assertThat(actual).isEqualTo(expected);
  }
}
