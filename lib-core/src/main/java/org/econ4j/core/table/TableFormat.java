package org.econ4j.core.table;

import java.util.Locale;

/** Output formats of every econ4j table. */
public enum TableFormat {
  /**
   * Plain text with aligned columns and rules, for terminals (fits 100 columns when the content
   * does).
   */
  TEXT,
  /** GitHub-flavoured Markdown pipe table. */
  MARKDOWN,
  /** LaTeX {@code tabular} with booktabs rules; special characters escaped. */
  LATEX,
  /** An HTML {@code <table>} fragment; special characters escaped. */
  HTML,
  /** RFC 4180 comma-separated values (header row first; caption and notes omitted). */
  CSV;

  /**
   * Parses a format name, case-insensitively ({@code text}, {@code markdown} or {@code md}, {@code
   * latex} or {@code tex}, {@code html}, {@code csv}).
   *
   * @param name the name
   * @return the format
   * @throws IllegalArgumentException naming the accepted values when {@code name} is unknown
   */
  public static TableFormat parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "text":
      case "txt":
        return TEXT;
      case "markdown":
      case "md":
        return MARKDOWN;
      case "latex":
      case "tex":
        return LATEX;
      case "html":
        return HTML;
      case "csv":
        return CSV;
      default:
        throw new IllegalArgumentException(
            "unknown table format '" + name + "'; use one of text, markdown, latex, html, csv");
    }
  }
}
