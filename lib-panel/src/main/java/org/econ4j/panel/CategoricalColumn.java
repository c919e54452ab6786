package org.econ4j.panel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable categorical column: one integer code per row into a list of distinct level labels
 * (code −1 = missing). Levels are kept in order of first appearance unless built otherwise.
 */
public final class CategoricalColumn {
  /** The code of a missing value. */
  public static final int MISSING = -1;

  private final int[] codes;
  private final String[] levels;

  CategoricalColumn(int[] codes, String[] levels, boolean trusted) {
    if (trusted) {
      this.codes = codes;
      this.levels = levels;
    } else {
      this.codes = codes.clone();
      this.levels = levels.clone();
      for (int i = 0; i < this.codes.length; i++) {
        int c = this.codes[i];
        if (c < MISSING || c >= this.levels.length) {
          throw new IllegalArgumentException(
              "categorical code "
                  + c
                  + " at row "
                  + (i + 1)
                  + " is outside [-1, "
                  + levels.length
                  + ")");
        }
      }
      for (int l = 0; l < this.levels.length; l++) {
        Objects.requireNonNull(this.levels[l], "level");
      }
    }
  }

  /**
   * Encodes labels (null = missing) with levels in order of first appearance.
   *
   * @param labels one label per row; not modified
   * @return the column
   */
  public static CategoricalColumn of(String[] labels) {
    Objects.requireNonNull(labels, "labels");
    int[] codes = new int[labels.length];
    Map<String, Integer> index = new HashMap<>();
    java.util.ArrayList<String> levels = new java.util.ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      String s = labels[i];
      if (s == null) {
        codes[i] = MISSING;
        continue;
      }
      Integer c = index.get(s);
      if (c == null) {
        c = levels.size();
        index.put(s, c);
        levels.add(s);
      }
      codes[i] = c;
    }
    return new CategoricalColumn(codes, levels.toArray(new String[0]), true);
  }

  /**
   * Wraps codes and levels (both copied and checked).
   *
   * @param codes codes in [−1, levels)
   * @param levels distinct level labels
   * @return the column
   */
  public static CategoricalColumn of(int[] codes, List<String> levels) {
    return new CategoricalColumn(codes, levels.toArray(new String[0]), false);
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return codes.length;
  }

  /**
   * @return a copy of the codes
   */
  public int[] codes() {
    return codes.clone();
  }

  /** The codes without a copy, for {@link org.econ4j.panel.internal.Shared}. */
  int[] codesShared() {
    return codes;
  }

  /**
   * @param row zero-based row
   * @return the code of the row (−1 = missing)
   */
  public int code(int row) {
    return codes[row];
  }

  /**
   * @return the levels, in code order
   */
  public List<String> levels() {
    return List.of(levels);
  }

  /**
   * @return the number of levels
   */
  public int levelCount() {
    return levels.length;
  }

  /**
   * @param row zero-based row
   * @return the label of the row, or null when missing
   */
  public String label(int row) {
    int c = codes[row];
    return c < 0 ? null : levels[c];
  }

  /**
   * @return one label per row (null = missing)
   */
  public String[] labels() {
    String[] out = new String[codes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }

  /**
   * @return the number of missing rows
   */
  public int missingCount() {
    int m = 0;
    for (int c : codes) {
      if (c < 0) {
        m++;
      }
    }
    return m;
  }

  /**
   * Rows selected by an index array, keeping the level list.
   *
   * @param rows zero-based rows to keep, in order
   * @return the new column
   */
  public CategoricalColumn select(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = codes[rows[i]];
    }
    return new CategoricalColumn(out, levels, true);
  }

  int[] codesUnsafe() {
    return codes;
  }

  String[] levelsUnsafe() {
    return levels;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CategoricalColumn)) {
      return false;
    }
    CategoricalColumn other = (CategoricalColumn) o;
    if (other.codes.length != codes.length) {
      return false;
    }
    for (int i = 0; i < codes.length; i++) {
      if (!Objects.equals(label(i), other.label(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labels());
  }
}
