package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.econ4j.core.SpecificationException;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCsvTest {
  @TempDir Path dir;

  private Path csv(String content) {
    return ReferenceData.write(dir, "x.csv", content);
  }

  private String shown(Path p) {
    return p.toString();
  }

  @Test
  void readsTypesMissingAndQuotes() {
    Path p =
        csv(
            "iso,year,gdp,region,note\n"
                + "CHN,2000,1.5,\"East, Asia\",NA\n"
                + "USA,2001,NA,America,\"say \"\"hi\"\"\"\n"
                + "DEU,2002,.,Europe,\n"
                + "FRA,2003,-2.5e3,Europe,\"NA\"\n");
    Panel panel = Panel.readCsv(p);
    assertThat(panel.rows()).isEqualTo(4);
    assertThat(panel.columnNames()).containsExactly("iso", "year", "gdp", "region", "note");
    assertThat(panel.type("iso")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(panel.type("year")).isEqualTo(ColumnType.NUMERIC);
    assertThat(panel.numeric("gdp")).containsExactly(1.5, Double.NaN, Double.NaN, -2500.0);
    assertThat(panel.labels("region")).containsExactly("East, Asia", "America", "Europe", "Europe");
    assertThat(panel.categorical("region").levels())
        .containsExactly("East, Asia", "America", "Europe");
    // quoted "NA" is the label NA, unquoted NA and empty are missing
    assertThat(panel.labels("note")).containsExactly(null, "say \"hi\"", null, "NA");
  }

  @Test
  void columnTurningCategoricalKeepsOriginalTexts() {
    Path p = csv("id,v\n007,1\n12,2\nNA,3\nA9,4\n007,5\n");
    Panel panel = Panel.readCsv(p);
    assertThat(panel.type("id")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(panel.labels("id")).containsExactly("007", "12", null, "A9", "007");
    assertThat(panel.categorical("id").levels()).containsExactly("007", "12", "A9");
    assertThat(panel.numeric("v")).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void columnAllMissingBeforeLabelsNeedsNoSecondPass() {
    Panel panel = Panel.readCsv(csv("a,b\nNA,1\n,2\nx,3\n"));
    assertThat(panel.labels("a")).containsExactly(null, null, "x");
    Panel allMissing = Panel.readCsv(csv("a,b\nNA,1\n,2\n"));
    assertThat(allMissing.type("a")).isEqualTo(ColumnType.NUMERIC);
    assertThat(allMissing.numeric("a")).containsExactly(Double.NaN, Double.NaN);
  }

  @Test
  void optionsDelimiterQuoteMissingAndTypes() {
    Path p = csv("zip;val;flag\n'00501';1,5;-99\n'10001';2;3\n");
    Panel panel =
        Panel.readCsv(
            p,
            CsvOptions.defaults()
                .withDelimiter(';')
                .withQuote('\'')
                .withMissingTokens("-99")
                .withColumnType("zip", ColumnType.CATEGORICAL));
    assertThat(panel.labels("zip")).containsExactly("00501", "10001");
    assertThat(panel.labels("val")).containsExactly("1,5", "2");
    assertThat(panel.numeric("flag")).containsExactly(Double.NaN, 3);
    Panel inferred = Panel.readCsv(p, CsvOptions.defaults().withDelimiter(';').withQuote('\''));
    assertThat(inferred.numeric("zip")).containsExactly(501, 10001);
    assertThat(CsvOptions.defaults().missingTokens()).containsExactly("", "NA", ".", "NaN");
    assertThat(CsvOptions.defaults().delimiter()).isEqualTo(',');
    assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bomBlankLinesInfinityAndCrLf() {
    Panel p = Panel.readCsv(csv("\uFEFFa,b\r\n1,Inf\r\n\r\n2,-Inf\r\n"));
    assertThat(p.columnNames()).containsExactly("a", "b");
    assertThat(p.numeric("b")).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Test
  void readsFromReaderIncludingSecondPass() {
    Panel p = Panel.readCsv(new java.io.StringReader("id,v\n007,1\nA9,2\n"), CsvOptions.defaults());
    assertThat(p.labels("id")).containsExactly("007", "A9");
    assertThatThrownBy(
            () -> Panel.readCsv(new java.io.StringReader("a,b\n"), CsvOptions.defaults()))
        .hasMessage(
            "file '(reader)' has a header but no data rows; add data rows or check that this is the"
                + " right file");
    java.io.Reader failing =
        new java.io.Reader() {
          @Override
          public int read(char[] c, int o, int l) throws IOException {
            throw new IOException("boom");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> Panel.readCsv(failing, CsvOptions.defaults()))
        .hasMessage("cannot read CSV text: boom; check the source")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void errorMissingFile() {
    Path p = dir.resolve("nope.csv");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "file '" + shown(p) + "' does not exist; check the path and the working directory");
  }

  @Test
  void errorDirectory() {
    assertThatThrownBy(() -> Panel.readCsv(dir))
        .hasMessage("'" + dir + "' is a directory, not a CSV file; give the path of a file");
  }

  @Test
  void errorEmptyFile() {
    Path p = csv("");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "file '" + shown(p) + "' is empty; expected a header row followed by data rows");
  }

  @Test
  void errorHeaderOnly() {
    Path p = csv("a,b,c\n");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "file '"
                + shown(p)
                + "' has a header but no data rows; add data rows or check that this is the right"
                + " file");
  }

  @Test
  void errorRaggedRow() {
    Path p = csv("a,b,c\n1,2,3\n4,5\n");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "row 2 of '"
                + shown(p)
                + "' (line 3) has 2 fields but the header has 3; give every row one field per"
                + " column (quote fields that contain the delimiter)");
    Path q = csv("a,b\n1,2\n3,4,5\n");
    assertThatThrownBy(() -> Panel.readCsv(q))
        .hasMessageContaining("row 2 of")
        .hasMessageContaining("has 3 fields but the header has 2");
  }

  @Test
  void errorNonNumericInForcedNumericColumn() {
    Path p = csv("a,gdp\n1,2\n2,n/a\n");
    assertThatThrownBy(
            () -> Panel.readCsv(p, CsvOptions.defaults().withColumnType("gdp", ColumnType.NUMERIC)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column 'gdp' is declared NUMERIC but row 2 of '"
                + shown(p)
                + "' (line 3) has the value 'n/a'; fix the value, add it to the missing tokens, or"
                + " declare the column CATEGORICAL");
  }

  @Test
  void errorDuplicateAndEmptyColumnNames() {
    Path p = csv("a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "column name 'a' appears twice in the header of '"
                + shown(p)
                + "' (columns 1 and 3); rename one of them");
    Path q = csv("a,,c\n1,2,3\n");
    assertThatThrownBy(() -> Panel.readCsv(q))
        .hasMessage(
            "column 2 of the header of '"
                + shown(q)
                + "' has no name; name every column in the"
                + " header row");
  }

  @Test
  void errorTypeForUnknownColumn() {
    Path p = csv("a,b\n1,2\n");
    assertThatThrownBy(
            () -> Panel.readCsv(p, CsvOptions.defaults().withColumnType("c", ColumnType.NUMERIC)))
        .hasMessage(
            "a type is set for column 'c' but '"
                + shown(p)
                + "' has no such column; known"
                + " columns: a, b");
  }

  @Test
  void errorUnclosedQuoteIsWrapped() {
    Path p = csv("a,b\n1,\"2\"x\n");
    assertThatThrownBy(() -> Panel.readCsv(p))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("cannot parse CSV file '" + shown(p) + "': ")
        .hasMessageEndingWith("; check the quoting and the delimiter ','")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void writeShortestNumbersAndQuotedLabels() {
    Panel p =
        Panel.builder()
            .numeric("x", new double[] {2007, 0.1, Double.NaN, -0.0, 1e20, 1.0 / 3})
            .categorical("s", new String[] {"a,b", "NA", null, "q\"q", " pad", "plain"})
            .build();
    StringWriter w = new StringWriter();
    p.writeCsv(w);
    assertThat(w.toString())
        .isEqualTo(
            "x,s\n2007,\"a,b\"\n0.1,\"NA\"\nNA,NA\n-0,\"q\"\"q\"\n1.0E20,\" pad\"\n"
                + "0.3333333333333333,plain\n");
  }

  @Test
  void writeToPathAndReadBack() throws IOException {
    Panel p =
        Panel.builder()
            .categorical("iso", new String[] {"CHN", "USA"})
            .numeric("gdp", new double[] {1.25, Double.NaN})
            .build();
    Path f = dir.resolve("out.csv");
    p.writeCsv(f);
    assertThat(Files.readString(f)).isEqualTo("iso,gdp\nCHN,1.25\nUSA,NA\n");
    Panel back = Panel.readCsv(f);
    assertThat(back.labels("iso")).containsExactly("CHN", "USA");
    assertThat(back.numeric("gdp")).containsExactly(1.25, Double.NaN);
  }

  @Test
  void writerErrorIsWrapped() {
    Panel p = Panel.builder().numeric("x", new double[] {1}).build();
    java.io.Writer failing =
        new java.io.Writer() {
          @Override
          public void write(char[] c, int o, int l) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> p.writeCsv(failing))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("cannot write CSV: disk full; check the destination")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void writeErrorIsWrapped() {
    Panel p = Panel.builder().numeric("x", new double[] {1}).build();
    Path f = dir.resolve("no/such/dir/out.csv");
    assertThatThrownBy(() -> p.writeCsv(f))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("cannot write file '" + f + "': ")
        .hasCauseInstanceOf(IOException.class);
  }
}
