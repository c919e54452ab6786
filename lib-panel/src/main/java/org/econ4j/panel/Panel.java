package org.econ4j.panel;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.internal.CsvColumnReader;
import org.econ4j.panel.internal.CsvColumnWriter;
import org.econ4j.panel.internal.RecordColumns;
import org.econ4j.panel.internal.Shared;

/**
 * An immutable columnar table: numeric columns ({@code double[]}, NaN = missing) and categorical
 * columns ({@link CategoricalColumn}: integer codes into level labels, −1 = missing), with an
 * optional (unit, time) {@link PanelIndex}.
 *
 * <p>Every operation returns a new panel; columns are shared between panels (they are never
 * mutated) and copied at the boundary (arrays handed in and out are copies). Time-aware operators
 * ({@link #lag}, {@link #lead}, {@link #diff}, {@link #growth}, {@link #logDiff}) need an index and
 * work by time value, never by row order.
 *
 * <p>Immutable and thread-safe.
 */
public final class Panel {
  static {
    Shared.register(
        new Shared.PanelAccess() {
          @Override
          public double[] numeric(Panel panel, String name) {
            return panel.numericUnsafe(name);
          }

          @Override
          public int[] codes(CategoricalColumn column) {
            return column.codesShared();
          }
        });
  }

  private final Map<String, Object> columns;
  private final List<String> names;
  private final int rows;
  private final PanelIndex index;

  Panel(LinkedHashMap<String, Object> columns, PanelIndex index) {
    this.columns = Collections.unmodifiableMap(columns);
    this.names = List.copyOf(columns.keySet());
    this.rows = columns.isEmpty() ? 0 : sizeOf(columns.values().iterator().next());
    this.index = index;
  }

  static int sizeOf(Object column) {
    return column instanceof double[]
        ? ((double[]) column).length
        : ((CategoricalColumn) column).size();
  }

  /**
   * @return a builder for a panel made from arrays or lists
   */
  public static PanelBuilder builder() {
    return new PanelBuilder();
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return the column names in order
   */
  public List<String> columnNames() {
    return names;
  }

  /**
   * @param name a column name
   * @return whether the panel has the column
   */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * @param name a column name
   * @return its type
   * @throws SpecificationException if there is no such column (the message lists the known columns)
   */
  public ColumnType type(String name) {
    return column(name) instanceof double[] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  private Object column(String name) {
    Objects.requireNonNull(name, "name");
    Object c = columns.get(name);
    if (c == null) {
      throw new SpecificationException(
          "unknown column '" + name + "'; known columns: " + String.join(", ", names));
    }
    return c;
  }

  /**
   * @param name a numeric column
   * @return a copy of its values (NaN = missing)
   * @throws SpecificationException if the column is unknown or categorical
   */
  public double[] numeric(String name) {
    return numericUnsafe(name).clone();
  }

  /**
   * @param name a categorical column
   * @return the column (immutable)
   * @throws SpecificationException if the column is unknown or numeric
   */
  public CategoricalColumn categorical(String name) {
    return categoricalUnsafe(name);
  }

  /**
   * Integer codes of a column: the categorical codes, or, for a numeric column, codes of its
   * distinct values in order of first appearance (missing = −1). This is how fixed-effect and
   * cluster columns are read.
   *
   * @param name a column
   * @return the codes (a new array) as a categorical column
   */
  public CategoricalColumn asCategorical(String name) {
    Object c = column(name);
    if (c instanceof CategoricalColumn) {
      return (CategoricalColumn) c;
    }
    return CategoricalColumn.of(numberLabels((double[]) c));
  }

  /**
   * @param name a column
   * @param row zero-based row
   * @return the numeric value (NaN = missing)
   * @throws SpecificationException if the column is unknown or categorical
   */
  public double value(String name, int row) {
    return numericUnsafe(name)[row];
  }

  /**
   * A cell as text: the label of a categorical cell, or the shortest text of a number ({@code 2007}
   * rather than {@code 2007.0}); null when missing.
   *
   * @param name a column
   * @param row zero-based row
   * @return the text, or null when missing
   */
  public String label(String name, int row) {
    Object c = column(name);
    if (c instanceof CategoricalColumn) {
      return ((CategoricalColumn) c).label(row);
    }
    return numberLabel(((double[]) c)[row]);
  }

  /**
   * @param name a column
   * @return one label per row (null = missing)
   */
  public String[] labels(String name) {
    Object c = column(name);
    if (c instanceof CategoricalColumn) {
      return ((CategoricalColumn) c).labels();
    }
    return numberLabels((double[]) c);
  }

  /**
   * Adds or replaces a numeric column.
   *
   * @param name the column name
   * @param values one value per row; copied
   * @return the new panel (the index is kept unless the column is an index column)
   */
  public Panel withColumn(String name, double[] values) {
    Objects.requireNonNull(values, "values");
    return withColumnOwned(name, values.clone());
  }

  /**
   * Adds or replaces a categorical column.
   *
   * @param name the column name
   * @param labels one label per row (null = missing); copied
   * @return the new panel
   */
  public Panel withCategorical(String name, String[] labels) {
    return withColumnObject(name, CategoricalColumn.of(labels));
  }

  /**
   * Adds or replaces a categorical column.
   *
   * @param name the column name
   * @param column the column
   * @return the new panel
   */
  public Panel withCategorical(String name, CategoricalColumn column) {
    return withColumnObject(name, Objects.requireNonNull(column, "column"));
  }

  Panel withColumnOwned(String name, double[] values) {
    return withColumnObject(name, values);
  }

  private Panel withColumnObject(String name, Object col) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new SpecificationException("column name is empty; give every column a name");
    }
    int n = sizeOf(col);
    if (!columns.isEmpty() && n != rows) {
      throw new SpecificationException(
          "column '"
              + name
              + "' has "
              + n
              + " rows but the panel has "
              + rows
              + "; give it one value per row");
    }
    LinkedHashMap<String, Object> m = new LinkedHashMap<>(columns);
    m.put(name, col);
    boolean keepIndex =
        index != null && !name.equals(index.unitColumn()) && !name.equals(index.timeColumn());
    return new Panel(m, keepIndex ? index : null);
  }

  /**
   * Declares the (unit, time) index, validated: unit and time must not be missing; time must be
   * numeric with integer values; each (unit, time) pair must appear once (otherwise the error lists
   * the first five duplicates).
   *
   * @param unit the unit column (categorical or numeric)
   * @param time the time column (numeric, integer-valued)
   * @return the indexed panel
   * @throws SpecificationException if a rule above is broken
   */
  public Panel withIndex(String unit, String time) {
    column(unit);
    column(time);
    return new Panel(new LinkedHashMap<>(columns), PanelIndex.build(this, unit, time));
  }

  /**
   * @return the index, if declared
   */
  public Optional<PanelIndex> index() {
    return Optional.ofNullable(index);
  }

  /**
   * @return the index
   * @throws SpecificationException naming {@code operation} if the panel has none
   * @param operation what needs the index, for the message (e.g. {@code "l(x, 1)"})
   */
  public PanelIndex requireIndex(String operation) {
    if (index == null) {
      throw new SpecificationException(
          operation
              + " needs a panel index; call withIndex(unit, time) (command line: --index unit,time)");
    }
    return index;
  }

  private static void checkOrder(String op, int k) {
    if (k < 0) {
      throw new SpecificationException(
          op + " order must be a non-negative integer, got " + k + "; use lead for negative lags");
    }
  }

  /**
   * Lag by time: the value of the same unit {@code k} time steps earlier; missing when that period
   * is absent.
   *
   * @param column a numeric column
   * @param k order, ≥ 0
   * @return one value per row
   */
  public double[] lag(String column, int k) {
    checkOrder("lag", k);
    return requireIndex("lag(" + column + ", " + k + ")").shift(numericUnsafe(column), k);
  }

  /**
   * Lead by time: the value of the same unit {@code k} steps later.
   *
   * @param column a numeric column
   * @param k order, ≥ 0
   * @return one value per row
   */
  public double[] lead(String column, int k) {
    checkOrder("lead", k);
    return requireIndex("lead(" + column + ", " + k + ")").shift(numericUnsafe(column), -k);
  }

  /**
   * Difference by time: x<sub>t</sub> − x<sub>t−k</sub>.
   *
   * @param column a numeric column
   * @param k order, ≥ 0
   * @return one value per row
   */
  public double[] diff(String column, int k) {
    checkOrder("diff", k);
    double[] x = numericUnsafe(column);
    double[] l = requireIndex("diff(" + column + ", " + k + ")").shift(x, k);
    for (int i = 0; i < l.length; i++) {
      l[i] = x[i] - l[i];
    }
    return l;
  }

  /**
   * Percent change by time: 100 · (x<sub>t</sub> − x<sub>t−k</sub>) / x<sub>t−k</sub>; missing when
   * the earlier value is missing or zero.
   *
   * @param column a numeric column
   * @param k order, ≥ 1
   * @return one value per row
   */
  public double[] growth(String column, int k) {
    checkOrder("growth", k);
    double[] x = numericUnsafe(column);
    double[] l = requireIndex("growth(" + column + ", " + k + ")").shift(x, k);
    for (int i = 0; i < l.length; i++) {
      l[i] = l[i] == 0 ? Double.NaN : 100 * (x[i] - l[i]) / l[i];
    }
    return l;
  }

  /**
   * Log difference by time: log x<sub>t</sub> − log x<sub>t−k</sub>; missing for non-positive
   * values.
   *
   * @param column a numeric column
   * @param k order, ≥ 0
   * @return one value per row
   */
  public double[] logDiff(String column, int k) {
    checkOrder("logDiff", k);
    double[] x = numericUnsafe(column);
    double[] lx = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      lx[i] = x[i] > 0 ? Math.log(x[i]) : Double.NaN;
    }
    double[] l = requireIndex("logDiff(" + column + ", " + k + ")").shift(lx, k);
    for (int i = 0; i < l.length; i++) {
      l[i] = lx[i] - l[i];
    }
    return l;
  }

  /**
   * The rows at the given positions, in that order (the index is rebuilt when present).
   *
   * @param rowNumbers zero-based rows
   * @return the new panel
   */
  public Panel selectRows(int[] rowNumbers) {
    Objects.requireNonNull(rowNumbers, "rowNumbers");
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      Object c = e.getValue();
      if (c instanceof double[]) {
        double[] src = (double[]) c;
        double[] out = new double[rowNumbers.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = src[rowNumbers[i]];
        }
        m.put(e.getKey(), out);
      } else {
        m.put(e.getKey(), ((CategoricalColumn) c).select(rowNumbers));
      }
    }
    Panel p = new Panel(m, null);
    return index == null ? p : p.withIndex(index.unitColumn(), index.timeColumn());
  }

  /**
   * The rows where {@code keep} is true.
   *
   * @param keep one flag per row
   * @return the new panel
   */
  public Panel selectRows(boolean[] keep) {
    if (keep.length != rows) {
      throw new IllegalArgumentException(
          "mask has " + keep.length + " rows but the panel has " + rows);
    }
    int k = 0;
    for (boolean b : keep) {
      if (b) {
        k++;
      }
    }
    int[] r = new int[k];
    k = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        r[k++] = i;
      }
    }
    return selectRows(r);
  }

  /**
   * The rows where a condition in the formula grammar holds, e.g. {@code "year >= 2013 & region ==
   * 'Asia'"}; rows where it is false or missing are dropped (as R's {@code subset}); the number
   * dropped is {@code rows() - filter(c).rows()}. See {@link org.econ4j.panel.formula.Expression}.
   *
   * @param condition the condition
   * @return the new panel
   * @throws SpecificationException for a syntax error or an unknown column
   */
  public Panel filter(String condition) {
    return org.econ4j.panel.formula.Expression.filter(this, condition);
  }

  /**
   * Adds or replaces a column computed from an expression in the formula grammar, e.g. {@code
   * "log(gdp)"}, {@code "exports / gdp * 100"} or {@code "l(x, 1)"} (needs the index). See {@link
   * org.econ4j.panel.formula.Expression}.
   *
   * @param name the column name
   * @param expression the expression
   * @return the new panel
   * @throws SpecificationException for a syntax error, an unknown column or a missing index
   */
  public Panel withColumn(String name, String expression) {
    return org.econ4j.panel.formula.Expression.withColumn(this, name, expression);
  }

  double[] numericUnsafe(String name) {
    Object c = column(name);
    if (!(c instanceof double[])) {
      throw new SpecificationException(
          "column '"
              + name
              + "' is categorical (e.g. '"
              + firstLabel((CategoricalColumn) c)
              + "') but a numeric column is needed here; convert it or choose a numeric column");
    }
    return (double[]) c;
  }

  private static String firstLabel(CategoricalColumn c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.label(i) != null) {
        return c.label(i);
      }
    }
    return "";
  }

  CategoricalColumn categoricalUnsafe(String name) {
    Object c = column(name);
    if (!(c instanceof CategoricalColumn)) {
      throw new SpecificationException(
          "column '"
              + name
              + "' is numeric but a categorical column is needed here; use asCategorical");
    }
    return (CategoricalColumn) c;
  }

  Map<String, Object> columnsUnsafe() {
    return columns;
  }

  /**
   * The shortest text of a number: integers without a decimal point, others by {@link
   * Double#toString}; null for NaN.
   *
   * @param v the number
   * @return the text
   */
  public static String numberLabel(double v) {
    if (Double.isNaN(v)) {
      return null;
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String[] numberLabels(double[] v) {
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = numberLabel(v[i]);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Input/output, row and column operations, grouping, joins and index tools (panel-io).
  // ---------------------------------------------------------------------------------------------

  /**
   * Reads a CSV file with the {@link CsvOptions#defaults() default options}.
   *
   * @param file the file (UTF-8, optional byte-order mark)
   * @return the panel (no index)
   * @throws SpecificationException for a missing, empty, header-only or malformed file (see {@link
   *     #readCsv(Path, CsvOptions)})
   */
  public static Panel readCsv(Path file) {
    return readCsv(file, CsvOptions.defaults());
  }

  /**
   * Reads a CSV file: a header row naming the columns, then one row per record. The file is
   * streamed (FastCSV tokenises; fields go straight into primitive column buffers, no intermediate
   * table of strings), numbers are parsed exactly as {@link Double#parseDouble} would, and each
   * column's type is inferred (numeric when every non-missing value is a number, else categorical
   * with levels in order of first appearance) unless {@link CsvOptions#withColumnType} sets it.
   * Peak memory is about the final columns' size plus one column.
   *
   * <p>Errors ({@link SpecificationException}, one line, naming file, row and column): the file
   * does not exist or cannot be read (the {@code IOException} is the cause); the file is empty; it
   * has a header but no data rows; a header field is empty or repeated; a row has more or fewer
   * fields than the header (row and line number, both counts); a column declared numeric holds a
   * non-number (row, column, value); unbalanced quotes or other malformed CSV.
   *
   * @param file the file (UTF-8, optional byte-order mark)
   * @param options delimiter, quote, missing tokens and type overrides
   * @return the panel (no index)
   */
  public static Panel readCsv(Path file, CsvOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return fromCsvColumns(
        CsvColumnReader.read(
            file, options.delimiter(), options.quote(), options.missingTokens(), kinds(options)));
  }

  /**
   * Reads CSV text from a reader (e.g. a class-path resource), with the same rules and errors as
   * {@link #readCsv(Path, CsvOptions)}; messages name the source {@code (reader)}. The text is
   * first read into memory (so that a column found categorical late can be re-read for its original
   * texts): use the {@code Path} variant for large files. The reader is read to its end, not
   * closed.
   *
   * @param reader the CSV text
   * @param options delimiter, quote, missing tokens and type overrides
   * @return the panel (no index)
   * @throws SpecificationException for malformed input, or wrapping the {@code IOException}
   */
  public static Panel readCsv(Reader reader, CsvOptions options) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(options, "options");
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 14];
    try {
      for (int k = reader.read(buf); k >= 0; k = reader.read(buf)) {
        sb.append(buf, 0, k);
      }
    } catch (IOException e) {
      throw new SpecificationException(
          "cannot read CSV text: " + e.getMessage() + "; check the source", e);
    }
    return fromCsvColumns(
        CsvColumnReader.read(
            "(reader)",
            sb.toString(),
            options.delimiter(),
            options.quote(),
            options.missingTokens(),
            kinds(options)));
  }

  private static Map<String, CsvColumnReader.Kind> kinds(CsvOptions options) {
    Map<String, CsvColumnReader.Kind> kinds = new LinkedHashMap<>();
    for (Map.Entry<String, ColumnType> e : options.columnTypes().entrySet()) {
      kinds.put(
          e.getKey(),
          e.getValue() == ColumnType.NUMERIC
              ? CsvColumnReader.Kind.NUMERIC
              : CsvColumnReader.Kind.CATEGORICAL);
    }
    return kinds;
  }

  private static Panel fromCsvColumns(List<CsvColumnReader.Column> cols) {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (CsvColumnReader.Column c : cols) {
      m.put(
          c.name(),
          c.numeric() != null ? c.numeric() : new CategoricalColumn(c.codes(), c.levels(), true));
    }
    return new Panel(m, null);
  }

  /**
   * Writes the panel as CSV (comma-delimited, {@code \n} line ends, UTF-8): numbers in the shortest
   * text that reads back to the identical double (integers without {@code .0}, infinities as {@code
   * Inf}), missing values as {@code NA}, labels quoted when they contain a comma, a quote or a line
   * break, have leading or trailing blanks, or equal a missing token. {@link #readCsv(Path)} reads
   * the file back to an equal panel, except that a categorical column whose labels all look like
   * numbers comes back numeric unless its type is set in {@link CsvOptions}.
   *
   * @param file the destination (created or replaced)
   * @throws SpecificationException wrapping the {@code IOException} when the file cannot be written
   */
  public void writeCsv(Path file) {
    Objects.requireNonNull(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(w);
    } catch (IOException e) {
      throw new SpecificationException(
          "cannot write file '"
              + file
              + "': "
              + e.getMessage()
              + "; check the path and permissions",
          e);
    }
  }

  /**
   * Writes the panel as CSV to a writer (see {@link #writeCsv(Path)}); the writer is flushed, not
   * closed.
   *
   * @param out the destination
   * @throws SpecificationException wrapping the {@code IOException} when writing fails
   */
  public void writeCsv(Writer out) {
    Objects.requireNonNull(out, "out");
    List<CsvColumnReader.Column> cols = new ArrayList<>();
    for (String n : names) {
      Object c = columns.get(n);
      if (c instanceof double[]) {
        cols.add(new CsvColumnReader.Column(n, (double[]) c, null, null));
      } else {
        CategoricalColumn cc = (CategoricalColumn) c;
        cols.add(new CsvColumnReader.Column(n, null, cc.codesUnsafe(), cc.levelsUnsafe()));
      }
    }
    try {
      CsvColumnWriter.write(out, cols, rows, ',');
    } catch (IOException e) {
      throw new SpecificationException(
          "cannot write CSV: " + e.getMessage() + "; check the destination", e);
    }
  }

  /**
   * A panel from Java records, one row per record, one column per record component (in declaration
   * order): numbers ({@code int}, {@code long}, {@code double}, …, and their boxes, {@code
   * BigDecimal}) become numeric columns, booleans numeric 0/1, {@code String}, {@code char} and
   * enums categorical ({@code name()}); a null box or string is missing.
   *
   * @param records the records (non-empty; all of the same record class)
   * @param <R> the record type
   * @return the panel
   * @throws SpecificationException if the list is empty or a component has another type
   */
  public static <R extends Record> Panel fromRecords(List<R> records) {
    Objects.requireNonNull(records, "records");
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : RecordColumns.columns(records).entrySet()) {
      Object c = e.getValue();
      m.put(e.getKey(), c instanceof double[] ? c : CategoricalColumn.of((String[]) c));
    }
    return new Panel(m, null);
  }

  /**
   * A panel from a JDBC result set (read to its end, not closed): SQL numeric types ({@code
   * TINYINT}…{@code BIGINT}, {@code REAL}, {@code FLOAT}, {@code DOUBLE}, {@code NUMERIC}, {@code
   * DECIMAL}) become numeric columns, {@code BIT}/{@code BOOLEAN} numeric 0/1, every other type a
   * categorical column of {@code getString} texts; SQL NULL is missing. Columns are named by their
   * labels. Works with any driver (DuckDB, PostgreSQL, SQLite…).
   *
   * @param resultSet the result set, positioned before its first row
   * @return the panel
   * @throws SpecificationException wrapping the {@code SQLException}, or for duplicate column
   *     labels
   */
  public static Panel fromResultSet(ResultSet resultSet) {
    Objects.requireNonNull(resultSet, "resultSet");
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : RecordColumns.columns(resultSet).entrySet()) {
      Object c = e.getValue();
      m.put(e.getKey(), c instanceof double[] ? c : CategoricalColumn.of((String[]) c));
    }
    if (m.isEmpty()) {
      throw new SpecificationException("the result set has no columns; select at least one column");
    }
    return new Panel(m, null);
  }

  /**
   * The named columns, in the given order (the index is kept when both its columns are selected).
   *
   * @param columnNames columns to keep
   * @return the new panel
   * @throws SpecificationException for an unknown or repeated name
   */
  public Panel select(String... columnNames) {
    Objects.requireNonNull(columnNames, "columnNames");
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (String n : columnNames) {
      Object c = column(n);
      if (m.put(n, c) != null) {
        throw new SpecificationException(
            "column '" + n + "' is selected twice; name each column once");
      }
    }
    if (m.isEmpty()) {
      throw new SpecificationException(
          "select needs at least one column; name the columns to keep");
    }
    return new Panel(m, keptIndex(m));
  }

  /**
   * All columns except the named ones (the index is kept unless one of its columns is dropped).
   *
   * @param columnNames columns to drop (each must exist)
   * @return the new panel
   * @throws SpecificationException for an unknown name, or when every column would be dropped
   */
  public Panel drop(String... columnNames) {
    Objects.requireNonNull(columnNames, "columnNames");
    LinkedHashMap<String, Object> m = new LinkedHashMap<>(columns);
    for (String n : columnNames) {
      column(n);
      m.remove(n);
    }
    if (m.isEmpty()) {
      throw new SpecificationException("drop would remove every column; keep at least one column");
    }
    return new Panel(m, keptIndex(m));
  }

  private PanelIndex keptIndex(Map<String, Object> m) {
    return index != null && m.containsKey(index.unitColumn()) && m.containsKey(index.timeColumn())
        ? index
        : null;
  }

  /**
   * Renames one column, keeping the column order (and the index, renamed along).
   *
   * @param oldName the existing name
   * @param newName the new name (non-empty, not already used)
   * @return the new panel
   * @throws SpecificationException for an unknown old name or a taken new name
   */
  public Panel rename(String oldName, String newName) {
    column(oldName);
    Objects.requireNonNull(newName, "newName");
    if (newName.isEmpty()) {
      throw new SpecificationException(
          "new name for column '" + oldName + "' is empty; give a name");
    }
    if (!newName.equals(oldName) && columns.containsKey(newName)) {
      throw new SpecificationException(
          "cannot rename '"
              + oldName
              + "' to '"
              + newName
              + "': a column of that name exists; drop or rename it first");
    }
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n.equals(oldName) ? newName : n, columns.get(n));
    }
    Panel p = new Panel(m, null);
    if (index == null) {
      return p;
    }
    String u = index.unitColumn().equals(oldName) ? newName : index.unitColumn();
    String t = index.timeColumn().equals(oldName) ? newName : index.timeColumn();
    return new Panel(m, index.renamed(u, t));
  }

  /**
   * The rows for which the predicate holds, in their order (column types, levels and the index are
   * kept). The {@link Row} handed to the predicate is a reused view, valid only during the call.
   *
   * @param predicate the condition, e.g. {@code r -> r.num("year") >= 2013}
   * @return the new panel
   */
  public Panel filter(Predicate<Row> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    boolean[] keep = new boolean[rows];
    Row row = new Row(this);
    for (int i = 0; i < rows; i++) {
      row.at(i);
      keep[i] = predicate.test(row);
    }
    return selectRows(keep);
  }

  /**
   * The rows sorted by the given columns, ascending, lexicographically: numbers by value,
   * categorical columns by label ({@link String#compareTo}); missing values last; stable (ties keep
   * their order). The index is kept.
   *
   * @param columnNames one or more sort keys
   * @return the new panel
   */
  public Panel sort(String... columnNames) {
    Objects.requireNonNull(columnNames, "columnNames");
    if (columnNames.length == 0) {
      throw new SpecificationException("sort needs at least one column; name the sort keys");
    }
    double[][] keys = new double[columnNames.length][];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = PanelOps.sortKey(column(columnNames[k]));
    }
    return selectRows(PanelOps.stableOrder(keys, rows));
  }

  /**
   * Groups the rows by one or more key columns (numeric or categorical) for {@link
   * GroupBy#aggregate}.
   *
   * @param keys the key columns
   * @return the grouping
   * @throws SpecificationException for an unknown or repeated key
   */
  public GroupBy groupBy(String... keys) {
    Objects.requireNonNull(keys, "keys");
    if (keys.length == 0) {
      throw new SpecificationException("groupBy needs at least one key column");
    }
    for (int k = 0; k < keys.length; k++) {
      column(keys[k]);
      for (int l = 0; l < k; l++) {
        if (keys[l].equals(keys[k])) {
          throw new SpecificationException(
              "group key '" + keys[k] + "' is given twice; name each key once");
        }
      }
    }
    return new GroupBy(this, keys.clone());
  }

  /**
   * Left join: every row of this panel, in order, with the columns of {@code right} whose key
   * values match (e.g. country attributes onto dyads). The key columns must have the same names and
   * types in both panels; the right panel's keys must be unique. Rows without a match, and rows
   * with a missing key, get missing values. Right columns whose names are already taken get the
   * suffix {@code _right} (repeated until unique). This panel's index is kept.
   *
   * @param right the panel to attach
   * @param keys one or more key columns, present in both
   * @return the new panel
   * @throws SpecificationException for an unknown key, a key of different types in the two panels,
   *     or a duplicated right key (the message names the first duplicate)
   */
  public Panel leftJoin(Panel right, String... keys) {
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(keys, "keys");
    return PanelOps.leftJoin(this, right, keys);
  }

  /**
   * Stacks two panels with the same columns (same names, any order, same types): this panel's rows,
   * then {@code other}'s, in this panel's column order. Categorical levels are merged (this panel's
   * first). When both panels have the same index columns the result is indexed again (which fails
   * on duplicate keys); otherwise it has no index.
   *
   * @param other the rows to append
   * @return the new panel
   * @throws SpecificationException naming the first column that is missing or of another type
   */
  public Panel stack(Panel other) {
    Objects.requireNonNull(other, "other");
    return PanelOps.stack(this, other);
  }

  /**
   * A summary of the index: units, periods, observations per unit, balance, gaps and time step.
   *
   * @return the summary
   * @throws SpecificationException if the panel has no index
   */
  public IndexSummary indexSummary() {
    return PanelOps.indexSummary(this, requireIndex("indexSummary()"));
  }

  /**
   * The balanced panel: one row per unit and per time on the grid from the first to the last time
   * of the whole panel by the time step (the step is reduced when needed so that the grid holds
   * every observed time, e.g. units observed in 1990/2000 and in 1995 give a 5-year grid); rows
   * that were absent are added with the unit and the time filled and every other column missing
   * (categorical levels kept). Rows are ordered by unit (in index order) then time; the result is
   * indexed.
   *
   * @return the new panel
   * @throws SpecificationException if the panel has no index, or the grid would exceed
   *     2<sup>31</sup>−1 rows
   */
  public Panel balanced() {
    return PanelOps.balanced(this, requireIndex("balanced()"));
  }

  // ---------------------------------------------------------------------------------------------
  // End of the panel-io block.
  // ---------------------------------------------------------------------------------------------

  @Override
  public String toString() {
    List<String> desc = new ArrayList<>();
    for (String n : names) {
      desc.add(n + (columns.get(n) instanceof double[] ? ":num" : ":cat"));
    }
    return "Panel["
        + rows
        + " rows; "
        + String.join(", ", desc)
        + (index == null ? "" : "; index " + index.unitColumn() + "," + index.timeColumn())
        + "]";
  }
}
