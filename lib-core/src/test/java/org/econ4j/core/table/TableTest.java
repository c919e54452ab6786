package org.econ4j.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static Table sample() {
    return Table.builder(List.of("variable", "mean", "sd"))
        .caption("Summary & stats")
        .row("x_1", "1.50", "0.25")
        .rule()
        .row("y", "10.00", "3.00")
        .note("N = 2")
        .build();
  }

  @Test
  void rendersTextAligned() {
    String s = sample().render(TableFormat.TEXT);
    assertThat(s)
        .isEqualTo(
            "Summary & stats\n"
                + "=====================\n"
                + "variable   mean    sd\n"
                + "---------------------\n"
                + "x_1        1.50  0.25\n"
                + "---------------------\n"
                + "y         10.00  3.00\n"
                + "=====================\n"
                + "N = 2\n");
  }

  @Test
  void rendersLatexEscaped() {
    String s = sample().render(TableFormat.LATEX);
    assertThat(s).contains("\\caption{Summary \\& stats}").contains("x\\_1 & 1.50 & 0.25 \\\\");
    assertThat(s).contains("\\toprule").contains("\\bottomrule").contains("{lrr}");
  }

  @Test
  void rendersHtmlMarkdownCsv() {
    assertThat(sample().render(TableFormat.HTML))
        .contains("<caption>Summary &amp; stats</caption>");
    assertThat(sample().render(TableFormat.MARKDOWN)).contains("| x_1 | 1.50 | 0.25 |");
    assertThat(sample().render(TableFormat.CSV))
        .isEqualTo("variable,mean,sd\nx_1,1.50,0.25\ny,10.00,3.00\n");
  }

  @Test
  void rejectsLongRowsAndUnknownFormats() {
    assertThatThrownBy(() -> Table.builder(List.of("a")).row("1", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table row has 2 cells but the header has 1");
    assertThatThrownBy(() -> TableFormat.parse("docx"))
        .hasMessage("unknown table format 'docx'; use one of text, markdown, latex, html, csv");
  }

  @Test
  void formatsNumbers() {
    assertThat(Format.fixed(1.23456, 3)).isEqualTo("1.235");
    assertThat(Format.fixed(Double.NaN, 3)).isEmpty();
    assertThat(Format.fixed(-0.0001, 2)).isEqualTo("-1.00e-04");
    assertThat(Format.significant(123.456789, 4)).isEqualTo("123.5");
    assertThat(Format.integer(38325)).isEqualTo("38,325");
    assertThat(Format.auto(5, 2)).isEqualTo("5");
  }
}
