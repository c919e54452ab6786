package org.econ4j.spatial.internal;

import java.util.Arrays;

/**
 * A mutable compressed-sparse-row accumulator and a few kernels on CSR arrays. Rows are appended in
 * order; columns within a row may come in any order and are sorted by {@link #endRow()}.
 */
public final class Csr {
  private int[] rowPtr;
  private int[] col;
  private double[] val;
  private int rows;
  private int nnz;

  /**
   * @param expectedRows number of rows
   * @param expectedNnz initial capacity for entries
   */
  public Csr(int expectedRows, int expectedNnz) {
    rowPtr = new int[expectedRows + 1];
    col = new int[Math.max(16, expectedNnz)];
    val = new double[col.length];
  }

  /**
   * Appends an entry to the current row.
   *
   * @param j column
   * @param w weight
   */
  public void add(int j, double w) {
    if (nnz == col.length) {
      int cap = col.length * 2;
      col = Arrays.copyOf(col, cap);
      val = Arrays.copyOf(val, cap);
    }
    col[nnz] = j;
    val[nnz] = w;
    nnz++;
  }

  /** Closes the current row (sorting its columns). */
  public void endRow() {
    int start = rowPtr[rows];
    Sorts.sortPaired(col, val, start, nnz);
    rows++;
    if (rows + 1 > rowPtr.length) {
      rowPtr = Arrays.copyOf(rowPtr, rowPtr.length * 2 + 1);
    }
    rowPtr[rows] = nnz;
  }

  /**
   * @return row pointers (length rows + 1), trimmed
   */
  public int[] rowPtr() {
    return Arrays.copyOf(rowPtr, rows + 1);
  }

  /**
   * @return column indices, trimmed
   */
  public int[] col() {
    return Arrays.copyOf(col, nnz);
  }

  /**
   * @return values, trimmed
   */
  public double[] val() {
    return Arrays.copyOf(val, nnz);
  }

  /**
   * Transposes a CSR matrix.
   *
   * @param n number of rows and columns
   * @param rp row pointers
   * @param ci column indices
   * @param v values
   * @return {rowPtr, col} as int arrays in [0], [1] and values in the returned double array via out
   * @param outVal receives the transposed values (length nnz)
   */
  public static int[][] transpose(int n, int[] rp, int[] ci, double[] v, double[] outVal) {
    int nnz = rp[n];
    int[] tp = new int[n + 1];
    for (int p = 0; p < nnz; p++) {
      tp[ci[p] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      tp[i + 1] += tp[i];
    }
    int[] next = Arrays.copyOf(tp, n);
    int[] tc = new int[nnz];
    for (int i = 0; i < n; i++) {
      for (int p = rp[i]; p < rp[i + 1]; p++) {
        int j = ci[p];
        int q = next[j]++;
        tc[q] = i;
        outVal[q] = v[p];
      }
    }
    return new int[][] {tp, tc};
  }

  /**
   * y = A·x.
   *
   * @param n rows
   * @param rp row pointers
   * @param ci columns
   * @param v values
   * @param x input
   * @param y output (overwritten)
   */
  public static void multiply(int n, int[] rp, int[] ci, double[] v, double[] x, double[] y) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int p = rp[i]; p < rp[i + 1]; p++) {
        s += v[p] * x[ci[p]];
      }
      y[i] = s;
    }
  }
}
