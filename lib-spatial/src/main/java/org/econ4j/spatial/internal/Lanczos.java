package org.econ4j.spatial.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The largest eigenvalue of a symmetric sparse matrix by the Lanczos iteration (no
 * re-orthogonalisation; only three vectors of length n are kept). Started from the vector of ones,
 * which overlaps the Perron vector of a non-negative matrix, so the largest Ritz value converges to
 * the Perron root. Stops when the residual bound β<sub>j</sub>·|s<sub>j</sub>| of the largest Ritz
 * pair (θ, s) falls below {@code tol·θ}; for a symmetric matrix some eigenvalue lies within that
 * bound of θ (Parlett, <i>The Symmetric Eigenvalue Problem</i>, 1998, §13.2).
 */
public final class Lanczos {
  private Lanczos() {}

  /**
   * @param n order
   * @param rp CSR row pointers
   * @param ci CSR columns
   * @param v CSR values (symmetric matrix)
   * @param tol relative tolerance
   * @param maxIter iteration limit
   * @return {θ, iterations, last bound}; iterations = −1 if not converged
   */
  public static double[] largest(int n, int[] rp, int[] ci, double[] v, double tol, int maxIter) {
    double[] qPrev = new double[n];
    double[] q = new double[n];
    double[] w = new double[n];
    double inv = 1.0 / Math.sqrt(n);
    for (int i = 0; i < n; i++) {
      q[i] = inv;
    }
    int m = Math.min(maxIter, n);
    double[] alpha = new double[m + 1];
    double[] beta = new double[m + 1];
    double theta = Double.NaN;
    double bound = Double.NaN;
    double betaPrev = 0;
    for (int j = 0; j < m; j++) {
      Csr.multiply(n, rp, ci, v, q, w);
      double a = 0;
      for (int i = 0; i < n; i++) {
        w[i] -= betaPrev * qPrev[i];
        a += w[i] * q[i];
      }
      double b2 = 0;
      for (int i = 0; i < n; i++) {
        w[i] -= a * q[i];
        b2 += w[i] * w[i];
      }
      double b = Math.sqrt(b2);
      alpha[j] = a;
      beta[j] = b;
      int k = j + 1;
      boolean check = k <= 10 || k % 5 == 0 || b == 0 || k == m;
      if (check) {
        double[] ritz = topRitz(alpha, beta, k);
        theta = ritz[0];
        bound = Math.abs(b * ritz[1]);
        if (bound <= tol * Math.abs(theta) || b <= tol * Math.abs(theta)) {
          return new double[] {theta, k, bound};
        }
      }
      double invB = 1.0 / b;
      for (int i = 0; i < n; i++) {
        double t = q[i];
        q[i] = w[i] * invB;
        qPrev[i] = t;
      }
      betaPrev = b;
    }
    return new double[] {theta, -1, bound};
  }

  /** Largest eigenvalue of the k×k tridiagonal T and the last component of its eigenvector. */
  private static double[] topRitz(double[] alpha, double[] beta, int k) {
    DMatrixRMaj t = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      t.set(i, i, alpha[i]);
      if (i + 1 < k) {
        t.set(i, i + 1, beta[i]);
        t.set(i + 1, i, beta[i]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
    if (!eig.decompose(t)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int best = 0;
    for (int i = 1; i < k; i++) {
      if (eig.getEigenvalue(i).getReal() > eig.getEigenvalue(best).getReal()) {
        best = i;
      }
    }
    DMatrixRMaj s = eig.getEigenVector(best);
    double last = s == null ? Double.NaN : s.get(k - 1, 0);
    double norm = 0;
    for (int i = 0; s != null && i < k; i++) {
      norm += s.get(i, 0) * s.get(i, 0);
    }
    return new double[] {eig.getEigenvalue(best).getReal(), last / Math.sqrt(norm)};
  }
}
