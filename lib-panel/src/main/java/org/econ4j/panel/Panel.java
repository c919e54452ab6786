package org.econ4j.panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.SpecificationException;

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
