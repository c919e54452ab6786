package org.econ4j.panel.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes columns as CSV (RFC 4180): a header row, then one row per record, {@code \n} line ends.
 * Numbers use {@link NumberText#format} (shortest text that reads back identically), missing values
 * are written as {@code NA} unquoted, labels are quoted when they contain the delimiter, a quote, a
 * line break, leading or trailing blanks, or equal a missing token. Not a public API.
 */
public final class CsvColumnWriter {
  private CsvColumnWriter() {}

  /** The tokens that a label must not be written bare as (the reader's defaults). */
  private static final List<String> RESERVED = List.of("", "NA", ".", "NaN");

  /**
   * Writes the columns.
   *
   * @param out destination (not closed; flushed)
   * @param columns the columns
   * @param rows number of rows
   * @param delimiter delimiter
   * @throws IOException on write failure
   */
  public static void write(
      Writer out, List<CsvColumnReader.Column> columns, int rows, char delimiter)
      throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    int ncol = columns.size();
    for (int j = 0; j < ncol; j++) {
      if (j > 0) {
        sb.append(delimiter);
      }
      appendLabel(sb, columns.get(j).name(), delimiter);
    }
    sb.append('\n');
    double[][] num = new double[ncol][];
    int[][] codes = new int[ncol][];
    String[][] levels = new String[ncol][];
    for (int j = 0; j < ncol; j++) {
      CsvColumnReader.Column c = columns.get(j);
      num[j] = c.numeric();
      codes[j] = c.codes();
      if (c.levels() != null) {
        levels[j] = new String[c.levels().length];
        for (int l = 0; l < levels[j].length; l++) {
          StringBuilder q = new StringBuilder();
          appendLabel(q, c.levels()[l], delimiter);
          levels[j][l] = q.toString();
        }
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < ncol; j++) {
        if (j > 0) {
          sb.append(delimiter);
        }
        if (num[j] != null) {
          double v = num[j][i];
          sb.append(Double.isNaN(v) ? "NA" : NumberText.format(v));
        } else {
          int c = codes[j][i];
          sb.append(c < 0 ? "NA" : levels[j][c]);
        }
      }
      sb.append('\n');
      if (sb.length() > (1 << 16)) {
        out.append(sb);
        sb.setLength(0);
      }
    }
    out.append(sb);
    out.flush();
  }

  private static void appendLabel(StringBuilder sb, String s, char delimiter) {
    boolean quote = RESERVED.contains(s);
    if (!quote && !s.isEmpty()) {
      char first = s.charAt(0);
      char last = s.charAt(s.length() - 1);
      quote = first == ' ' || first == '\t' || last == ' ' || last == '\t';
    }
    for (int k = 0; k < s.length() && !quote; k++) {
      char c = s.charAt(k);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }
}
