package org.econ4j.panel;

/** The two kinds of column a {@link Panel} holds. */
public enum ColumnType {
  /** Numbers as {@code double}; NaN marks a missing value. */
  NUMERIC,
  /** Labels stored as integer codes into a level list; code −1 marks a missing value. */
  CATEGORICAL
}
