package org.econ4j.panel.fe;

/**
 * Rows sorted by the levels of the dimension with most levels ("largest"), with the other
 * dimensions' codes permuted into that order: the layout of the Schur-complement conjugate-gradient
 * solver, which eliminates the largest dimension exactly (its coefficients are group means given
 * the others) and iterates on the others only.
 */
final class SortedRows {
  final int largest;
  final int[] start;

  /** sorted position → original row, or null when the rows are already sorted (identity) */
  final int[] order;

  /**
   * codes of every dimension in sorted row order (null for the largest); when the rows are already
   * sorted these are the fixed effects' own arrays (shared, not copied)
   */
  final int[][] codes;

  private SortedRows(int largest, int[] start, int[] order, int[][] codes) {
    this.largest = largest;
    this.start = start;
    this.order = order;
    this.codes = codes;
  }

  static SortedRows build(FixedEffects fe) {
    int k = fe.dimensions();
    int largest = 0;
    for (int d = 1; d < k; d++) {
      if (fe.levels(d) > fe.levels(largest)) {
        largest = d;
      }
    }
    int[] g = fe.codesRef(largest);
    int gl = fe.levels(largest);
    int n = g.length;
    int[] start = new int[gl + 1];
    for (int v : g) {
      start[v + 1]++;
    }
    for (int h = 0; h < gl; h++) {
      start[h + 1] += start[h];
    }
    boolean sortedAlready = true;
    for (int i = 1; i < n && sortedAlready; i++) {
      sortedAlready = g[i - 1] <= g[i];
    }
    if (sortedAlready) {
      // panel data usually come sorted by unit: no permutation, no copies of the other codes
      int[][] own = new int[k][];
      for (int d = 0; d < k; d++) {
        if (d != largest) {
          own[d] = fe.codesRef(d);
        }
      }
      return new SortedRows(largest, start, null, own);
    }
    int[] pos = new int[gl];
    System.arraycopy(start, 0, pos, 0, gl);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[pos[g[i]]++] = i;
    }
    int[][] codes = new int[k][];
    for (int d = 0; d < k; d++) {
      if (d == largest) {
        continue;
      }
      int[] src = fe.codesRef(d);
      int[] dst = new int[n];
      for (int p = 0; p < n; p++) {
        dst[p] = src[order[p]];
      }
      codes[d] = dst;
    }
    return new SortedRows(largest, start, order, codes);
  }
}
