package org.econ4j.panel.fe;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Dense reference computations for small test cases (EJML). */
final class DenseAlgebra {
  private DenseAlgebra() {}

  static int rank(double[][] a) {
    DMatrixRMaj m = new DMatrixRMaj(a);
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
    svd.decompose(m);
    return SingularOps_DDRM.rank(svd, 1e-9);
  }

  /** Residual of weighted least squares of y on the columns of d (rows x cols). */
  static double[] residual(double[][] d, double[] y, double[] w) {
    int n = y.length;
    int p = d[0].length;
    DMatrixRMaj a = new DMatrixRMaj(n, p);
    DMatrixRMaj b = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      double s = Math.sqrt(w == null ? 1 : w[i]);
      for (int j = 0; j < p; j++) {
        a.set(i, j, s * d[i][j]);
      }
      b.set(i, 0, s * y[i]);
    }
    DMatrixRMaj pinv = new DMatrixRMaj(p, n);
    CommonOps_DDRM.pinv(a, pinv);
    DMatrixRMaj coef = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(pinv, b, coef);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double f = 0;
      for (int j = 0; j < p; j++) {
        f += d[i][j] * coef.get(j, 0);
      }
      r[i] = y[i] - f;
    }
    return r;
  }
}
