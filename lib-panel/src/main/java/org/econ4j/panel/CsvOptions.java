package org.econ4j.panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Panel#readCsv(java.nio.file.Path, CsvOptions)} reads a CSV file. Immutable; every
 * {@code withX} returns a new instance.
 *
 * <p>Defaults ({@link #defaults()}): delimiter {@code ','}, quote {@code '"'}, missing tokens
 * {@code ""}, {@code NA}, {@code .} and {@code NaN} (the union of R, Stata and pandas conventions),
 * every column's type inferred. A header row is always required: its fields name the columns
 * (non-empty, unique).
 *
 * <p>Missing tokens are matched after trimming spaces and tabs, and only in unquoted fields: a
 * quoted field is always data ({@code "NA"} is the label NA). Type inference: a column is numeric
 * when every non-missing field parses as a number (optional sign, digits, optional decimal point
 * and exponent, {@code Inf}, {@code -Inf}; quoted or not), otherwise categorical. {@link
 * #withColumnType} overrides inference for one column: a column declared {@link ColumnType#NUMERIC}
 * with a non-number is an error naming row, column and value; a column declared {@link
 * ColumnType#CATEGORICAL} keeps every text as a label (e.g. zip codes {@code 00501}).
 */
public final class CsvOptions {
  private static final CsvOptions DEFAULTS =
      new CsvOptions(',', '"', List.of("", "NA", ".", "NaN"), Map.of());

  private final char delimiter;
  private final char quote;
  private final List<String> missingTokens;
  private final Map<String, ColumnType> columnTypes;

  private CsvOptions(
      char delimiter, char quote, List<String> missingTokens, Map<String, ColumnType> types) {
    this.delimiter = delimiter;
    this.quote = quote;
    this.missingTokens = missingTokens;
    this.columnTypes = types;
  }

  /**
   * @return the default options (see the class comment)
   */
  public static CsvOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param delimiter the field delimiter, e.g. {@code ';'} or {@code '\t'}
   * @return new options
   * @throws IllegalArgumentException if it is a line break or equals the quote character
   */
  public CsvOptions withDelimiter(char delimiter) {
    check(delimiter, quote);
    return new CsvOptions(delimiter, quote, missingTokens, columnTypes);
  }

  /**
   * @param quote the quote character (a quote inside a quoted field is written twice)
   * @return new options
   * @throws IllegalArgumentException if it is a line break or equals the delimiter
   */
  public CsvOptions withQuote(char quote) {
    check(delimiter, quote);
    return new CsvOptions(delimiter, quote, missingTokens, columnTypes);
  }

  private static void check(char delimiter, char quote) {
    if (delimiter == quote) {
      throw new IllegalArgumentException(
          "delimiter and quote must differ, both are '" + delimiter + "'");
    }
    if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("delimiter and quote must not be line breaks");
    }
  }

  /**
   * @param tokens the texts that mean "missing" (replacing the defaults); may be empty
   * @return new options
   */
  public CsvOptions withMissingTokens(String... tokens) {
    Objects.requireNonNull(tokens, "tokens");
    List<String> t = new ArrayList<>();
    for (String s : tokens) {
      t.add(Objects.requireNonNull(s, "token"));
    }
    return new CsvOptions(delimiter, quote, List.copyOf(t), columnTypes);
  }

  /**
   * Overrides type inference for one column.
   *
   * @param column the column name (it must exist in the file)
   * @param type its type
   * @return new options
   */
  public CsvOptions withColumnType(String column, ColumnType type) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    LinkedHashMap<String, ColumnType> m = new LinkedHashMap<>(columnTypes);
    m.put(column, type);
    return new CsvOptions(delimiter, quote, missingTokens, Collections.unmodifiableMap(m));
  }

  /**
   * @return the delimiter
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * @return the quote character
   */
  public char quote() {
    return quote;
  }

  /**
   * @return the missing tokens
   */
  public List<String> missingTokens() {
    return missingTokens;
  }

  /**
   * @return the per-column type overrides (unmodifiable)
   */
  public Map<String, ColumnType> columnTypes() {
    return columnTypes;
  }

  @Override
  public String toString() {
    return "CsvOptions[delimiter='"
        + delimiter
        + "', quote='"
        + quote
        + "', missing="
        + missingTokens
        + ", types="
        + columnTypes
        + "]";
  }
}
