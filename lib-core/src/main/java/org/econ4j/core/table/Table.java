package org.econ4j.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable grid of already-formatted cells with a caption, a header row, optional rules between
 * row blocks, and notes under the table. Every econ4j table (descriptive statistics, regression
 * tables) is built as a {@code Table} and rendered by {@link #render(TableFormat)}, a pure
 * function.
 *
 * <p>The first column is the row label (left-aligned); the other columns are right-aligned unless
 * {@link Builder#alignLeft(int)} says otherwise. Thread-safe.
 */
public final class Table {
  private final String caption;
  private final List<String> header;
  private final List<List<String>> rows;
  private final boolean[] ruleBefore;
  private final List<String> notes;
  private final List<List<String>> headerRowsAbove;
  private final boolean[] leftAligned;

  private Table(Builder b) {
    this.caption = b.caption;
    this.header = List.copyOf(b.header);
    int width = header.size();
    List<List<String>> rs = new ArrayList<>(b.rows.size());
    for (List<String> r : b.rows) {
      List<String> padded = new ArrayList<>(r);
      while (padded.size() < width) {
        padded.add("");
      }
      rs.add(Collections.unmodifiableList(padded));
    }
    this.rows = Collections.unmodifiableList(rs);
    this.ruleBefore = new boolean[rows.size() + 1];
    for (int i : b.rules) {
      ruleBefore[i] = true;
    }
    this.notes = List.copyOf(b.notes);
    List<List<String>> above = new ArrayList<>();
    for (List<String> r : b.above) {
      List<String> padded = new ArrayList<>(r);
      while (padded.size() < width) {
        padded.add("");
      }
      above.add(Collections.unmodifiableList(padded));
    }
    this.headerRowsAbove = Collections.unmodifiableList(above);
    this.leftAligned = new boolean[width];
    leftAligned[0] = true;
    for (int c : b.left) {
      if (c < width) {
        leftAligned[c] = true;
      }
    }
  }

  /**
   * @return a builder for a table with the given column headers (the first is the label column's
   *     header)
   * @param header column headers, at least one
   */
  public static Builder builder(List<String> header) {
    return new Builder(header);
  }

  /**
   * @return the caption (may be empty)
   */
  public String caption() {
    return caption;
  }

  /**
   * @return the column headers
   */
  public List<String> header() {
    return header;
  }

  /**
   * @return the body rows, each as long as the header
   */
  public List<List<String>> rows() {
    return rows;
  }

  /**
   * @return extra header rows printed above the column headers (e.g. model groups); empty for most
   *     tables
   */
  public List<List<String>> headerRowsAbove() {
    return headerRowsAbove;
  }

  /**
   * @return the notes printed under the table
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * Renders the table.
   *
   * @param format the output format
   * @return the rendered text, ending with a newline
   */
  public String render(TableFormat format) {
    Objects.requireNonNull(format, "format");
    switch (format) {
      case TEXT:
        return renderText();
      case MARKDOWN:
        return renderMarkdown();
      case LATEX:
        return renderLatex();
      case HTML:
        return renderHtml();
      case CSV:
        return renderCsv();
      default:
        throw new IllegalStateException("unreachable");
    }
  }

  @Override
  public String toString() {
    return render(TableFormat.TEXT);
  }

  private int[] widths() {
    int[] w = new int[header.size()];
    for (int c = 0; c < w.length; c++) {
      w[c] = header.get(c).length();
    }
    for (List<String> r : rows) {
      for (int c = 0; c < w.length; c++) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    for (List<String> r : headerRowsAbove) {
      for (int c = 0; c < w.length; c++) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    return w;
  }

  private static String pad(String s, int width, boolean left) {
    StringBuilder sb = new StringBuilder(width);
    if (left) {
      sb.append(s);
    }
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    if (!left) {
      sb.append(s);
    }
    return sb.toString();
  }

  private String textLine(List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < w.length; c++) {
      if (c > 0) {
        sb.append("  ");
      }
      sb.append(pad(cells.get(c), w[c], leftAligned[c]));
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    return sb.append('\n').toString();
  }

  private String renderText() {
    int[] w = widths();
    int total = 0;
    for (int x : w) {
      total += x;
    }
    total += 2 * (w.length - 1);
    char[] eq = new char[total];
    Arrays.fill(eq, '=');
    char[] dash = new char[total];
    Arrays.fill(dash, '-');
    String heavy = new String(eq) + "\n";
    String light = new String(dash) + "\n";
    StringBuilder sb = new StringBuilder();
    if (!caption.isEmpty()) {
      sb.append(caption).append('\n');
    }
    sb.append(heavy);
    for (List<String> r : headerRowsAbove) {
      sb.append(textLine(r, w));
    }
    sb.append(textLine(header, w)).append(light);
    for (int i = 0; i < rows.size(); i++) {
      if (ruleBefore[i] && i > 0) {
        sb.append(light);
      }
      sb.append(textLine(rows.get(i), w));
    }
    sb.append(heavy);
    for (String n : notes) {
      sb.append(n).append('\n');
    }
    return sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  private String renderMarkdown() {
    StringBuilder sb = new StringBuilder();
    if (!caption.isEmpty()) {
      sb.append("**").append(md(caption)).append("**\n\n");
    }
    sb.append('|');
    for (int c = 0; c < header.size(); c++) {
      StringBuilder cell = new StringBuilder();
      for (List<String> r : headerRowsAbove) {
        if (!r.get(c).isEmpty()) {
          cell.append(md(r.get(c))).append("<br>");
        }
      }
      cell.append(md(header.get(c)));
      sb.append(' ').append(cell).append(" |");
    }
    sb.append("\n|");
    for (int c = 0; c < header.size(); c++) {
      sb.append(leftAligned[c] ? ":---|" : "---:|");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append('|');
      for (String cell : r) {
        sb.append(' ').append(md(cell)).append(" |");
      }
      sb.append('\n');
    }
    if (!notes.isEmpty()) {
      sb.append('\n');
      for (String n : notes) {
        sb.append(md(n)).append("  \n");
      }
    }
    return sb.toString();
  }

  /**
   * Escapes LaTeX special characters.
   *
   * @param s raw text
   * @return text safe inside a LaTeX table cell
   */
  public static String escapeLatex(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\':
          sb.append("\\textbackslash{}");
          break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
          sb.append('\\').append(ch);
          break;
        case '~':
          sb.append("\\textasciitilde{}");
          break;
        case '^':
          sb.append("\\textasciicircum{}");
          break;
        case '<':
          sb.append("\\textless{}");
          break;
        case '>':
          sb.append("\\textgreater{}");
          break;
        default:
          sb.append(ch);
      }
    }
    return sb.toString();
  }

  private String latexLine(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append(" & ");
      }
      sb.append(escapeLatex(cells.get(c)));
    }
    return sb.append(" \\\\\n").toString();
  }

  private String renderLatex() {
    StringBuilder sb = new StringBuilder();
    sb.append("\\begin{table}[htbp]\n\\centering\n");
    if (!caption.isEmpty()) {
      sb.append("\\caption{").append(escapeLatex(caption)).append("}\n");
    }
    sb.append("\\begin{tabular}{");
    for (int c = 0; c < header.size(); c++) {
      sb.append(leftAligned[c] ? 'l' : 'r');
    }
    sb.append("}\n\\toprule\n");
    for (List<String> r : headerRowsAbove) {
      sb.append(latexLine(r));
    }
    sb.append(latexLine(header)).append("\\midrule\n");
    for (int i = 0; i < rows.size(); i++) {
      if (ruleBefore[i] && i > 0) {
        sb.append("\\midrule\n");
      }
      sb.append(latexLine(rows.get(i)));
    }
    sb.append("\\bottomrule\n\\end{tabular}\n");
    if (!notes.isEmpty()) {
      sb.append("\\par\\smallskip\n{\\footnotesize\n");
      for (String n : notes) {
        sb.append(escapeLatex(n)).append("\\\\\n");
      }
      sb.append("}\n");
    }
    sb.append("\\end{table}\n");
    return sb.toString();
  }

  /**
   * Escapes HTML special characters.
   *
   * @param s raw text
   * @return text safe inside an HTML element
   */
  public static String escapeHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        default:
          sb.append(ch);
      }
    }
    return sb.toString();
  }

  private String renderHtml() {
    StringBuilder sb = new StringBuilder("<table class=\"econ4j\">\n");
    if (!caption.isEmpty()) {
      sb.append("<caption>").append(escapeHtml(caption)).append("</caption>\n");
    }
    sb.append("<thead>\n");
    for (List<String> r : headerRowsAbove) {
      sb.append("<tr>");
      for (String h : r) {
        sb.append("<th>").append(escapeHtml(h)).append("</th>");
      }
      sb.append("</tr>\n");
    }
    sb.append("<tr>");
    for (String h : header) {
      sb.append("<th>").append(escapeHtml(h)).append("</th>");
    }
    sb.append("</tr>\n</thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      sb.append(ruleBefore[i] && i > 0 ? "<tr class=\"rule\">" : "<tr>");
      List<String> r = rows.get(i);
      for (int c = 0; c < r.size(); c++) {
        sb.append(c == 0 ? "<th scope=\"row\">" : "<td>").append(escapeHtml(r.get(c)));
        sb.append(c == 0 ? "</th>" : "</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n");
    if (!notes.isEmpty()) {
      sb.append("<tfoot>\n");
      for (String n : notes) {
        sb.append("<tr><td colspan=\"")
            .append(header.size())
            .append("\">")
            .append(escapeHtml(n))
            .append("</td></tr>\n");
      }
      sb.append("</tfoot>\n");
    }
    return sb.append("</table>\n").toString();
  }

  /**
   * Quotes a CSV field when needed (RFC 4180).
   *
   * @param s raw text
   * @return the field
   */
  public static String csvField(String s) {
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static void csvLine(StringBuilder sb, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      sb.append(csvField(cells.get(c)));
    }
    sb.append('\n');
  }

  private String renderCsv() {
    StringBuilder sb = new StringBuilder();
    for (List<String> r : headerRowsAbove) {
      csvLine(sb, r);
    }
    csvLine(sb, header);
    for (List<String> r : rows) {
      csvLine(sb, r);
    }
    return sb.toString();
  }

  /** Accumulates a table; not thread-safe. */
  public static final class Builder {
    private String caption = "";
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Integer> rules = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<List<String>> above = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();

    private Builder(List<String> header) {
      Objects.requireNonNull(header, "header");
      if (header.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one column header");
      }
      this.header = List.copyOf(header);
    }

    /**
     * @param caption the caption shown above the table
     * @return this builder
     */
    public Builder caption(String caption) {
      this.caption = Objects.requireNonNull(caption, "caption");
      return this;
    }

    /**
     * Adds a body row; shorter rows are padded with empty cells.
     *
     * @param cells the cells, label first
     * @return this builder
     * @throws IllegalArgumentException if the row is longer than the header
     */
    public Builder row(List<String> cells) {
      Objects.requireNonNull(cells, "cells");
      if (cells.size() > header.size()) {
        throw new IllegalArgumentException(
            "table row has " + cells.size() + " cells but the header has " + header.size());
      }
      for (String c : cells) {
        Objects.requireNonNull(c, "cell");
      }
      rows.add(List.copyOf(cells));
      return this;
    }

    /**
     * Adds a body row.
     *
     * @param cells the cells, label first
     * @return this builder
     */
    public Builder row(String... cells) {
      return row(Arrays.asList(cells));
    }

    /**
     * Draws a rule before the next row added.
     *
     * @return this builder
     */
    public Builder rule() {
      rules.add(rows.size());
      return this;
    }

    /**
     * @param note a line printed under the table
     * @return this builder
     */
    public Builder note(String note) {
      notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /**
     * Left-aligns a column (the first column always is).
     *
     * @param column zero-based column index
     * @return this builder
     */
    public Builder alignLeft(int column) {
      left.add(column);
      return this;
    }

    /**
     * Adds a header row printed above the column headers (e.g. model groups), in order of calls.
     *
     * @param cells the cells, label column first; shorter rows are padded
     * @return this builder
     * @throws IllegalArgumentException if the row is longer than the header
     */
    public Builder headerRowAbove(List<String> cells) {
      Objects.requireNonNull(cells, "cells");
      if (cells.size() > header.size()) {
        throw new IllegalArgumentException(
            "header row has " + cells.size() + " cells but the header has " + header.size());
      }
      for (String c : cells) {
        Objects.requireNonNull(c, "cell");
      }
      above.add(List.copyOf(cells));
      return this;
    }

    /**
     * @return the immutable table
     */
    public Table build() {
      return new Table(this);
    }
  }
}
