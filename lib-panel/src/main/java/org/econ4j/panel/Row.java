package org.econ4j.panel;

/**
 * A read-only view of one row of a {@link Panel}, handed to {@link Panel#filter}. The view is
 * reused from row to row: read from it during the call, do not keep it.
 */
public final class Row {
  private final Panel panel;
  private int row;

  Row(Panel panel) {
    this.panel = panel;
  }

  void at(int i) {
    this.row = i;
  }

  /**
   * @return the zero-based row number in the panel being filtered
   */
  public int index() {
    return row;
  }

  /**
   * @param column a numeric column
   * @return its value in this row (NaN = missing)
   * @throws org.econ4j.core.SpecificationException if the column is unknown or categorical
   */
  public double num(String column) {
    return panel.numericUnsafe(column)[row];
  }

  /**
   * @param column any column
   * @return the label of a categorical cell, or the shortest text of a number; null when missing
   * @throws org.econ4j.core.SpecificationException if the column is unknown
   */
  public String label(String column) {
    return panel.label(column, row);
  }

  /**
   * @param column any column
   * @return whether the cell is missing
   */
  public boolean isMissing(String column) {
    return panel.label(column, row) == null;
  }

  @Override
  public String toString() {
    return "Row[" + row + "]";
  }
}
