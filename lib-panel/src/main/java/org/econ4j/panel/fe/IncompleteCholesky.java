package org.econ4j.panel.fe;

import java.util.Arrays;

/**
 * Incomplete Cholesky factorisation without fill, IC(0), of a symmetric positive semi-definite
 * sparse matrix given in compressed-row form with both triangles (the explicit Schur complement
 * {@link SchurMatrix}), used as the preconditioner M = LL′ of conjugate gradients.
 *
 * <p>Rows are first ordered by increasing number of non-zeros (dense rows last: e.g. the few year
 * levels that touch every firm), which keeps the dropped fill small; an arrow-shaped matrix is then
 * factorised exactly. Row i of L is computed up-looking with a dense scatter of row i:
 * L<sub>ij</sub> = (A<sub>ij</sub> − Σ<sub>k&lt;j</sub> L<sub>ik</sub>L<sub>jk</sub>) /
 * L<sub>jj</sub> for j in the pattern of row i, L<sub>ii</sub> = √(A<sub>ii</sub> −
 * Σ<sub>k&lt;i</sub> L<sub>ik</sub><sup>2</sup>). When a pivot is not positive (IC(0) of a general
 * SPD matrix can break down), the factorisation restarts on A + α·diag(A) with α = 10⁻³, 4·10⁻³, …
 * (Manteuffel 1980). Rows with a zero diagonal (levels absorbed by the eliminated dimension) get
 * the identity, so the preconditioner leaves them at zero like the Jacobi one. Immutable once
 * built; {@link #solve} is thread-safe with caller-supplied work space.
 *
 * <p>References: Meijerink, J.A. and van der Vorst, H.A. (1977). An iterative solution method for
 * linear systems of which the coefficient matrix is a symmetric M-matrix. Mathematics of
 * Computation 31(137), 148–162. Manteuffel, T.A. (1980). An incomplete factorization technique for
 * positive definite linear systems. Mathematics of Computation 34(150), 473–497.
 */
final class IncompleteCholesky {
  private final int[] perm; // perm[i] = original index of the i-th row in factor order
  private final int[] rowPtr; // strictly lower part of L, factor order
  private final int[] col;
  private final double[] val;
  private final double[] diag;

  private IncompleteCholesky(int[] perm, int[] rowPtr, int[] col, double[] val, double[] diag) {
    this.perm = perm;
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
    this.diag = diag;
  }

  /**
   * Factorises A.
   *
   * @param aPtr row pointers of A (both triangles)
   * @param aCol column indices
   * @param aVal values
   * @return the factor, or null when no shift up to α = 1 gives positive pivots
   */
  static IncompleteCholesky of(int[] aPtr, int[] aCol, double[] aVal) {
    int m = aPtr.length - 1;
    // order by row length (stable: ties keep the original order)
    long[] key = new long[m];
    for (int i = 0; i < m; i++) {
      key[i] = ((long) (aPtr[i + 1] - aPtr[i]) << 32) | i;
    }
    Arrays.sort(key);
    int[] perm = new int[m];
    int[] inv = new int[m];
    for (int i = 0; i < m; i++) {
      perm[i] = (int) key[i];
      inv[perm[i]] = i;
    }
    // strictly lower pattern in factor order, columns sorted
    int[] ptr = new int[m + 1];
    double[] aDiag = new double[m];
    for (int i = 0; i < m; i++) {
      int r = perm[i];
      int cnt = 0;
      for (int e = aPtr[r]; e < aPtr[r + 1]; e++) {
        int j = inv[aCol[e]];
        if (j < i) {
          cnt++;
        } else if (j == i) {
          aDiag[i] += aVal[e];
        }
      }
      ptr[i + 1] = ptr[i] + cnt;
    }
    int nnz = ptr[m];
    int[] col = new int[nnz];
    double[] aLow = new double[nnz];
    long[] buf = new long[m];
    for (int i = 0; i < m; i++) {
      int r = perm[i];
      int cnt = 0;
      for (int e = aPtr[r]; e < aPtr[r + 1]; e++) {
        int j = inv[aCol[e]];
        if (j < i) {
          buf[cnt++] = ((long) j << 32) | e;
        }
      }
      Arrays.sort(buf, 0, cnt);
      for (int t = 0; t < cnt; t++) {
        col[ptr[i] + t] = (int) (buf[t] >>> 32);
        aLow[ptr[i] + t] = aVal[(int) buf[t]];
      }
    }
    double[] val = new double[nnz];
    double[] diag = new double[m];
    double[] w = new double[m];
    for (double alpha = 0; alpha <= 1; alpha = alpha == 0 ? 1e-3 : alpha * 4) {
      if (factor(ptr, col, aLow, aDiag, alpha, val, diag, w)) {
        return new IncompleteCholesky(perm, ptr, col, val, diag);
      }
    }
    return null;
  }

  private static boolean factor(
      int[] ptr,
      int[] col,
      double[] aLow,
      double[] aDiag,
      double alpha,
      double[] val,
      double[] diag,
      double[] w) {
    int m = diag.length;
    for (int i = 0; i < m; i++) {
      int lo = ptr[i];
      int hi = ptr[i + 1];
      if (!(aDiag[i] > 0)) {
        // a level with no information left: identity row, no coupling
        for (int e = lo; e < hi; e++) {
          val[e] = 0;
        }
        diag[i] = 0;
        continue;
      }
      for (int e = lo; e < hi; e++) {
        w[col[e]] = aLow[e];
      }
      double sq = 0;
      for (int e = lo; e < hi; e++) {
        int j = col[e];
        double s = w[j];
        // subtract Σ_{k<j} L_ik L_jk over row j of L (w holds row i's finished entries for k < j)
        for (int f = ptr[j]; f < ptr[j + 1]; f++) {
          s -= val[f] * w[col[f]];
        }
        double lij = diag[j] > 0 ? s / diag[j] : 0;
        w[j] = lij;
        val[e] = lij;
        sq += lij * lij;
      }
      for (int e = lo; e < hi; e++) {
        w[col[e]] = 0;
      }
      double d = aDiag[i] * (1 + alpha) - sq;
      if (!(d > 1e-12 * aDiag[i] * (1 + alpha))) {
        return false;
      }
      diag[i] = Math.sqrt(d);
    }
    return true;
  }

  /**
   * z = (LL′)⁻¹ r.
   *
   * @param r the residual (original order)
   * @param z the result (original order)
   * @param work a work array of the matrix size
   */
  void solve(double[] r, double[] z, double[] work) {
    int m = diag.length;
    for (int i = 0; i < m; i++) {
      if (diag[i] == 0) {
        work[i] = 0;
        continue;
      }
      double s = r[perm[i]];
      for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
        s -= val[e] * work[col[e]];
      }
      work[i] = s / diag[i];
    }
    for (int i = m - 1; i >= 0; i--) {
      if (diag[i] == 0) {
        continue;
      }
      double xi = work[i] / diag[i];
      work[i] = xi;
      for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
        work[col[e]] -= val[e] * xi;
      }
    }
    for (int i = 0; i < m; i++) {
      z[perm[i]] = work[i];
    }
  }
}
