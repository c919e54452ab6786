package org.econ4j.panel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.econ4j.core.SpecificationException;

/**
 * Accumulates columns for a {@link Panel}. Arrays and lists are copied; the caller's data are never
 * modified. Not thread-safe; the panel it builds is.
 */
public final class PanelBuilder {
  private final Map<String, Object> columns = new LinkedHashMap<>();

  PanelBuilder() {}

  private void put(String name, Object column, int size) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new SpecificationException("column name is empty; give every column a name");
    }
    if (columns.containsKey(name)) {
      throw new SpecificationException(
          "duplicate column name '" + name + "'; rename one of the columns");
    }
    if (!columns.isEmpty()) {
      int n = Panel.sizeOf(columns.values().iterator().next());
      if (n != size) {
        throw new SpecificationException(
            "column '"
                + name
                + "' has "
                + size
                + " rows but the panel has "
                + n
                + "; give every column the same length");
      }
    }
    columns.put(name, column);
  }

  /**
   * Adds a numeric column (NaN = missing).
   *
   * @param name column name, unique
   * @param values values; copied
   * @return this builder
   */
  public PanelBuilder numeric(String name, double[] values) {
    Objects.requireNonNull(values, "values");
    put(name, values.clone(), values.length);
    return this;
  }

  /**
   * Adds a numeric column from integers.
   *
   * @param name column name, unique
   * @param values values; copied
   * @return this builder
   */
  public PanelBuilder numeric(String name, int[] values) {
    Objects.requireNonNull(values, "values");
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    put(name, d, d.length);
    return this;
  }

  /**
   * Adds a numeric column from boxed numbers (null = missing).
   *
   * @param name column name, unique
   * @param values values; copied
   * @return this builder
   */
  public PanelBuilder numeric(String name, List<? extends Number> values) {
    Objects.requireNonNull(values, "values");
    double[] d = new double[values.size()];
    int i = 0;
    for (Number v : values) {
      d[i++] = v == null ? Double.NaN : v.doubleValue();
    }
    put(name, d, d.length);
    return this;
  }

  /**
   * Adds a categorical column from labels (null = missing).
   *
   * @param name column name, unique
   * @param labels labels; copied
   * @return this builder
   */
  public PanelBuilder categorical(String name, String[] labels) {
    CategoricalColumn c = CategoricalColumn.of(labels);
    put(name, c, c.size());
    return this;
  }

  /**
   * Adds a categorical column from labels (null = missing).
   *
   * @param name column name, unique
   * @param labels labels; copied
   * @return this builder
   */
  public PanelBuilder categorical(String name, List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    return categorical(name, labels.toArray(new String[0]));
  }

  /**
   * Adds an already-encoded categorical column.
   *
   * @param name column name, unique
   * @param column the column (immutable, shared)
   * @return this builder
   */
  public PanelBuilder categorical(String name, CategoricalColumn column) {
    Objects.requireNonNull(column, "column");
    put(name, column, column.size());
    return this;
  }

  /**
   * @return the panel
   * @throws SpecificationException if no column was added
   */
  public Panel build() {
    if (columns.isEmpty()) {
      throw new SpecificationException("panel has no columns; add at least one column");
    }
    return new Panel(new LinkedHashMap<>(columns), null);
  }

  /** Adds a column without copying (for internal producers that own the array). */
  PanelBuilder numericOwned(String name, double[] values) {
    put(name, values, values.length);
    return this;
  }
}
