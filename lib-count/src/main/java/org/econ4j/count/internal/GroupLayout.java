package org.econ4j.count.internal;

/**
 * Rows grouped by an {@code int} code (counting sort): the rows of group g are {@code
 * rows[start[g]] .. rows[start[g + 1] - 1]}, in their original order.
 */
public final class GroupLayout {
  private final int[] start;
  private final int[] rows;

  private GroupLayout(int[] start, int[] rows) {
    this.start = start;
    this.rows = rows;
  }

  /**
   * Groups rows by code.
   *
   * @param codes one code per row, in 0 &hellip; {@code groups} &minus; 1
   * @param groups number of groups
   * @return the layout
   */
  public static GroupLayout of(int[] codes, int groups) {
    int[] start = new int[groups + 1];
    for (int c : codes) {
      start[c + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] fill = start.clone();
    int[] rows = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      rows[fill[codes[i]]++] = i;
    }
    return new GroupLayout(start, rows);
  }

  /**
   * @return number of groups
   */
  public int groups() {
    return start.length - 1;
  }

  /**
   * @param g group
   * @return index into {@link #rows()} of its first row
   */
  public int start(int g) {
    return start[g];
  }

  /**
   * @param g group
   * @return index into {@link #rows()} one past its last row
   */
  public int end(int g) {
    return start[g + 1];
  }

  /**
   * @param k position
   * @return the row at position k of the grouped order
   */
  public int row(int k) {
    return rows[k];
  }
}
