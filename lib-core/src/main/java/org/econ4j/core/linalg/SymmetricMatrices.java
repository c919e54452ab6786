package org.econ4j.core.linalg;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.econ4j.core.EstimationException;

/**
 * Small dense symmetric matrices (k&times;k, row-major {@code double[][]}): Cholesky factorisation,
 * inverse of a symmetric positive-definite matrix, and the eigenvalue repair that makes a symmetric
 * matrix positive semi-definite (used for multiway cluster-robust covariance matrices). Pure
 * functions: inputs are never modified.
 */
public final class SymmetricMatrices {
  private SymmetricMatrices() {}

  /**
   * Cholesky factor L (lower triangular, A = LL').
   *
   * @param a symmetric positive-definite matrix
   * @return L
   * @throws EstimationException if {@code a} is not positive definite
   * @throws IllegalArgumentException if {@code a} is not square
   */
  public static double[][] cholesky(double[][] a) {
    int k = checkSquare(a);
    double[][] l = new double[k][k];
    for (int j = 0; j < k; j++) {
      double d = a[j][j];
      for (int m = 0; m < j; m++) {
        d -= l[j][m] * l[j][m];
      }
      if (!(d > 0)) {
        throw new EstimationException(
            "matrix is not positive definite (pivot "
                + j
                + " is "
                + d
                + "); check for collinear columns");
      }
      double ljj = Math.sqrt(d);
      l[j][j] = ljj;
      for (int i = j + 1; i < k; i++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        l[i][j] = s / ljj;
      }
    }
    return l;
  }

  /**
   * Inverse of a symmetric positive-definite matrix through its Cholesky factor:
   * A<sup>&minus;1</sup> = L<sup>&minus;T</sup>L<sup>&minus;1</sup>. The result is exactly
   * symmetric.
   *
   * @param a symmetric positive-definite matrix
   * @return its inverse
   * @throws EstimationException if {@code a} is not positive definite
   */
  public static double[][] inverse(double[][] a) {
    double[][] l = cholesky(a);
    int k = l.length;
    double[][] li = new double[k][k]; // L^{-1}, lower
    for (int c = 0; c < k; c++) {
      li[c][c] = 1 / l[c][c];
      for (int r = c + 1; r < k; r++) {
        double s = 0;
        for (int m = c; m < r; m++) {
          s -= l[r][m] * li[m][c];
        }
        li[r][c] = s / l[r][r];
      }
    }
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = 0;
        for (int m = j; m < k; m++) {
          s += li[m][i] * li[m][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  /**
   * Symmetric eigenvalues, ascending.
   *
   * @param a symmetric matrix
   * @return its eigenvalues in ascending order
   */
  public static double[] eigenvalues(double[][] a) {
    int k = checkSquare(a);
    if (k == 0) {
      return new double[0];
    }
    double[] ev =
        new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(a), false))
            .getRealEigenvalues();
    java.util.Arrays.sort(ev);
    return ev;
  }

  /**
   * Positive semi-definite repair: V = U&Lambda;U' &rarr; U max(&Lambda;, 0) U' (the negative
   * eigenvalues are set to zero), as recommended by Cameron, Gelbach and Miller (2011) for multiway
   * cluster-robust matrices.
   *
   * @param a symmetric matrix
   * @return the repaired matrix (a copy of {@code a} when it has no negative eigenvalue)
   */
  public static double[][] clipNegativeEigenvalues(double[][] a) {
    int k = checkSquare(a);
    if (k == 0) {
      return new double[0][0];
    }
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(a), false));
    double[] ev = e.getRealEigenvalues();
    RealMatrix u = e.getV();
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = 0;
        for (int m = 0; m < k; m++) {
          if (ev[m] > 0) {
            s += u.getEntry(i, m) * ev[m] * u.getEntry(j, m);
          }
        }
        out[i][j] = s;
        out[j][i] = s;
      }
    }
    return out;
  }

  /**
   * A B A' for square A (k&times;k) and symmetric B: the sandwich product. The result is exactly
   * symmetric.
   *
   * @param a the bread
   * @param b the meat
   * @return a b a'
   */
  public static double[][] sandwich(double[][] a, double[][] b) {
    int k = checkSquare(a);
    if (checkSquare(b) != k) {
      throw new IllegalArgumentException(
          "bread is " + k + "x" + k + " but meat is " + b.length + "x" + b.length);
    }
    double[][] ab = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int m = 0; m < k; m++) {
          s += a[i][m] * b[m][j];
        }
        ab[i][j] = s;
      }
    }
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = 0;
        for (int m = 0; m < k; m++) {
          s += ab[i][m] * a[j][m];
        }
        out[i][j] = s;
        out[j][i] = s;
      }
    }
    return out;
  }

  private static double[][] symmetrised(double[][] a) {
    int k = a.length;
    double[][] s = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        s[i][j] = 0.5 * (a[i][j] + a[j][i]);
      }
    }
    return s;
  }

  private static int checkSquare(double[][] a) {
    Objects.requireNonNull(a, "matrix");
    int k = a.length;
    for (double[] row : a) {
      if (row.length != k) {
        throw new IllegalArgumentException(
            "matrix must be square, got a row of length "
                + row.length
                + " in a "
                + k
                + "-row matrix");
      }
    }
    return k;
  }
}
