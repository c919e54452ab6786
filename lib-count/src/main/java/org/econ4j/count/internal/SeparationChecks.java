package org.econ4j.count.internal;

import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.DemeanState;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The separation checks of Correia, Guimar&atilde;es &amp; Zylkin (2021) on plain arrays. Each
 * check works on the rows flagged in {@code active} and returns, for every row, its certificate
 * value z (0 for inactive rows). Observations with z &gt; 0 are separated. Own implementation from
 * the paper and the ppmlhdfe documentation.
 */
public final class SeparationChecks {
  private SeparationChecks() {}

  /** Outcome of an iterative check. */
  public record Outcome(double[] z, int iterations, boolean converged) {}

  /**
   * Fixed-effect check: rows in a level of any FE dimension whose active outcomes are all zero.
   *
   * @param y outcomes
   * @param active rows in the sample
   * @param codes FE codes per dimension
   * @param levels levels per dimension
   * @param dimOfRow output: the first dimension that separates each row (&minus;1 if none)
   * @return certificate (1 on separated rows, 0 elsewhere)
   */
  public static double[] fixedEffects(
      double[] y, boolean[] active, int[][] codes, int[] levels, int[] dimOfRow) {
    int n = y.length;
    double[] z = new double[n];
    java.util.Arrays.fill(dimOfRow, -1);
    for (int d = 0; d < codes.length; d++) {
      boolean[] positive = new boolean[levels[d]];
      int[] c = codes[d];
      for (int i = 0; i < n; i++) {
        if (active[i] && y[i] > 0) {
          positive[c[i]] = true;
        }
      }
      for (int i = 0; i < n; i++) {
        if (active[i] && !positive[c[i]] && z[i] == 0) {
          z[i] = 1;
          dimOfRow[i] = d;
        }
      }
    }
    return z;
  }

  /**
   * Regressor check without fixed effects. A certificate z = [1 X]&gamma; must vanish on rows with
   * y &gt; 0, so &gamma; lies in the null space N of [1 X]<sub>+</sub> (SVD, singular values below
   * 1e-9 of the largest, after scaling the columns to unit maximum). If N is trivial no separation
   * exists (as ppmlhdfe's simplex step, which stops there); otherwise the feasibility problem
   * Z&delta; &ge; 0, Z = [1 X]<sub>0</sub>N, is solved exactly in N by the rectifier iteration
   * (least squares of u on Z, u &larr; max(Z&delta;, 0), from u = 1, until no fitted value is below
   * &minus;max(1e-10 max|fit|, tol&sup2;)) &mdash; the same linear-programming feasibility problem
   * that ppmlhdfe solves with a modified simplex. Rows with z &gt; tol are separated; smaller
   * values are set to zero in the certificate.
   *
   * @param y outcomes
   * @param active rows in the sample
   * @param x regressors, column-major
   * @param tol values with |z| &lt; tol count as zero
   * @param maxIterations iteration limit
   * @return the certificate on the active rows
   */
  /**
   * Whether the scaled design [1, x/scale] on the positive rows is so well conditioned (smallest
   * over largest singular value above {@value #GRAM_CONDITION}, from the eigenvalues of its p×p
   * Gram matrix, one pass over the rows) that its SVD would find no null space at the 1e-9 cut-off:
   * then no combination of the regressors vanishes on the positive rows and none separates. Gram
   * rounding (about 1e-13 of the largest eigenvalue) is far below that margin; otherwise the exact
   * SVD decides.
   */
  private static boolean wellConditioned(
      double[] y, boolean[] active, double[][] x, double[] scale, int p) {
    double[] g = new double[p * p];
    double[] row = new double[p];
    int n = y.length;
    for (int i = 0; i < n; i++) {
      if (!active[i] || !(y[i] > 0)) {
        continue;
      }
      row[0] = 1;
      for (int j = 1; j < p; j++) {
        row[j] = x[j - 1][i] / scale[j];
      }
      for (int a = 0; a < p; a++) {
        double ra = row[a];
        for (int b = 0; b <= a; b++) {
          g[a * p + b] += ra * row[b];
        }
      }
    }
    DMatrixRMaj gm = new DMatrixRMaj(p, p);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b <= a; b++) {
        gm.set(a, b, g[a * p + b]);
        gm.set(b, a, g[a * p + b]);
      }
    }
    org.ejml.interfaces.decomposition.EigenDecomposition_F64<DMatrixRMaj> eig =
        DecompositionFactory_DDRM.eig(p, false, true);
    if (!eig.decompose(gm)) {
      return false;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int q = 0; q < eig.getNumberOfEigenvalues(); q++) {
      double l = eig.getEigenvalue(q).getReal();
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    return max > 0 && min > GRAM_CONDITION * GRAM_CONDITION * max;
  }

  /** Smallest singular-value ratio for the Gram shortcut of the simplex check. */
  static final double GRAM_CONDITION = 1e-4;

  public static Outcome regressors(
      double[] y, boolean[] active, double[][] x, double tol, int maxIterations) {
    int n = y.length;
    int p = x.length + 1;
    int nPos = 0;
    int nZero = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        if (y[i] > 0) {
          nPos++;
        } else {
          nZero++;
        }
      }
    }
    double[] z = new double[n];
    if (nZero == 0) {
      return new Outcome(z, 0, true);
    }
    double[] scale = new double[p];
    scale[0] = 1;
    for (int j = 1; j < p; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          m = Math.max(m, Math.abs(x[j - 1][i]));
        }
      }
      scale[j] = m > 0 ? m : 1;
    }
    DMatrixRMaj nullSpace;
    if (nPos == 0) {
      nullSpace = new DMatrixRMaj(p, p);
      for (int j = 0; j < p; j++) {
        nullSpace.set(j, j, 1);
      }
    } else if (wellConditioned(y, active, x, scale, p)) {
      return new Outcome(z, 0, true); // the positive rows pin every direction: no null space
    } else {
      DMatrixRMaj pos = new DMatrixRMaj(nPos, p);
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (active[i] && y[i] > 0) {
          pos.set(r, 0, 1);
          for (int j = 1; j < p; j++) {
            pos.set(r, j, x[j - 1][i] / scale[j]);
          }
          r++;
        }
      }
      SingularValueDecomposition_F64<DMatrixRMaj> svd =
          DecompositionFactory_DDRM.svd(nPos, p, false, true, false);
      if (!svd.decompose(pos)) {
        return new Outcome(z, 0, false);
      }
      double[] sv = svd.getSingularValues();
      int nSv = svd.numberOfSingularValues();
      double maxSv = 0;
      for (int q = 0; q < nSv; q++) {
        maxSv = Math.max(maxSv, sv[q]);
      }
      double thr = 1e-9 * Math.max(maxSv, 1e-300);
      DMatrixRMaj v = svd.getV(null, false); // p x p, column q belongs to singular value q
      int dimNull = 0;
      for (int q = 0; q < p; q++) {
        if (q >= nSv || sv[q] <= thr) {
          dimNull++;
        }
      }
      nullSpace = new DMatrixRMaj(p, dimNull);
      int col = 0;
      for (int q = 0; q < p; q++) {
        if (q >= nSv || sv[q] <= thr) {
          for (int j = 0; j < p; j++) {
            nullSpace.set(j, col, v.get(j, q));
          }
          col++;
        }
      }
    }
    int dim = nullSpace.numCols;

    if (dim == 0) {
      return new Outcome(z, 0, true);
    }
    int[] zeroRows = new int[nZero];
    DMatrixRMaj zm = new DMatrixRMaj(nZero, dim);
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (active[i] && !(y[i] > 0)) {
        zeroRows[r] = i;
        for (int c = 0; c < dim; c++) {
          double s = nullSpace.get(0, c);
          for (int j = 1; j < p; j++) {
            s += x[j - 1][i] / scale[j] * nullSpace.get(j, c);
          }
          zm.set(r, c, s);
        }
        r++;
      }
    }
    // least squares through the SVD of Z with an ABSOLUTE cut-off: Z is often rank deficient and
    // may be pure round-off (a null-space direction that vanishes on every zero row); singular
    // values below 1e-9 sqrt(n0) count as zero (the scaled columns are bounded by 1 and N is
    // orthonormal)
    SingularValueDecomposition_F64<DMatrixRMaj> zsvd =
        DecompositionFactory_DDRM.svd(nZero, dim, true, false, true);
    if (!zsvd.decompose(zm.copy())) {
      return new Outcome(z, 0, false);
    }
    DMatrixRMaj uz = zsvd.getU(null, false);
    double[] sz = zsvd.getSingularValues();
    int nsz = zsvd.numberOfSingularValues();
    double absTol = 1e-9 * Math.sqrt(nZero);
    int rank = 0;
    for (int q = 0; q < nsz; q++) {
      if (sz[q] > absTol) {
        rank++;
      }
    }
    if (rank == 0) {
      return new Outcome(z, 0, true);
    }
    // keep the orthonormal basis Q = U[:, kept] of the column space: the fit is Q Q'u
    DMatrixRMaj basis = new DMatrixRMaj(nZero, rank);
    int qc = 0;
    for (int c = 0; c < nsz; c++) {
      if (sz[c] > absTol) {
        for (int r2 = 0; r2 < nZero; r2++) {
          basis.set(r2, qc, uz.get(r2, c));
        }
        qc++;
      }
    }
    DMatrixRMaj u = new DMatrixRMaj(nZero, 1);
    u.fill(1.0);
    DMatrixRMaj coef = new DMatrixRMaj(rank, 1);
    DMatrixRMaj fit = new DMatrixRMaj(nZero, 1);
    for (int it = 1; it <= maxIterations; it++) {
      org.ejml.dense.row.CommonOps_DDRM.multTransA(basis, u, coef);
      org.ejml.dense.row.CommonOps_DDRM.mult(basis, coef, fit);
      // stop once no fitted value is below -max(1e-10 max|fit|, tol^2); values of
      // rows that are not separated decay geometrically, so only then is the tol classification
      // below safe (stopping at |v| < tol, as the weighted form does, can leave non-separated rows
      // just above tol)
      double maxFit = 0;
      for (int q = 0; q < nZero; q++) {
        maxFit = Math.max(maxFit, Math.abs(fit.data[q]));
      }
      double zeroTol = Math.max(1e-10 * maxFit, tol * tol);
      boolean negative = false;
      for (int q = 0; q < nZero; q++) {
        double v = fit.data[q];
        if (Math.abs(v) <= zeroTol) {
          v = 0;
        }
        fit.data[q] = v;
        negative |= v < 0;
      }
      if (!negative) {
        for (int q = 0; q < nZero; q++) {
          double v = fit.data[q];
          z[zeroRows[q]] = v > tol ? v : 0.0;
        }
        return new Outcome(z, it, true);
      }
      for (int q = 0; q < nZero; q++) {
        u.data[q] = Math.max(fit.data[q], 0);
      }
    }
    return new Outcome(z, maxIterations, false);
  }

  /**
   * Iterative-rectifier (ReLU) check with regressors and fixed effects (Correia, Guimar&atilde;es
   * &amp; Zylkin 2021, Section 4). Small problems (rows &times; (FE levels + regressors) up to
   * {@link #DENSE_LIMIT}) use the exact form: the fixed effects become dummy columns and the y &gt;
   * 0 constraint is imposed exactly by working in the null space ({@link #regressors}); the
   * weighted form below is used for larger problems. Starting from u = 1{y = 0}, repeatedly regress
   * u on the regressors and the fixed effects by weighted least squares with weight K =
   * N<sub>0</sub>/tol <sup>2</sup> on rows with y &gt; 0 and 1 on rows with y = 0 (the "method of
   * weighting" forces the fit to zero on the positive rows), set |fitted| &lt; tol to zero, stop
   * once no fitted value on a zero row is negative, else update u = max(fitted, 0) on the zero
   * rows. The fitted values at the stop are the certificate z. The fixed effects are swept out with
   * the shared accelerated {@code Demeaner} of lib-panel with two or more dimensions (warm-started
   * from the previous rectifier iteration; the regressors are demeaned once, to {@value
   * #REGRESSOR_DEMEAN_TOLERANCE}) and with {@link GroupDemeaner} (exact in one sweep) with one
   * (Frisch&ndash;Waugh&ndash;Lovell); without fixed effects an intercept is used. Under the
   * extreme weights the weighted form can still miss separated rows when several fixed effects
   * interact through very few zero rows (4 of the 18 ppmlhdfe test sets); the exact form covers the
   * sizes where that matters most.
   *
   * @param y outcomes
   * @param active rows in the sample
   * @param x regressors, column-major (may have no columns)
   * @param codes FE codes per dimension (may be empty)
   * @param levels levels per dimension
   * @param tol zero tolerance (ppmlhdfe uses 1e-5)
   * @param maxIterations iteration limit
   * @return the certificate on the active rows
   */
  public static Outcome rectifier(
      double[] y,
      boolean[] active,
      double[][] x,
      int[][] codes,
      int[] levels,
      double tol,
      int maxIterations) {
    return rectifier(y, active, x, codes, levels, tol, maxIterations, DENSE_LIMIT);
  }

  /**
   * Problems with (rows &times; (FE levels + regressors)) up to this size use the exact null-space
   * form of the rectifier on explicit dummy columns; larger ones the weighted iteration.
   */
  public static final long DENSE_LIMIT = 4_000_000L;

  /**
   * Tolerance of the accelerated demeaner for the regressors in the weighted rectifier (its
   * criterion is relative on the fixed-effect coefficients, fixest's).
   */
  static final double REGRESSOR_DEMEAN_TOLERANCE = 1e-12;

  /**
   * As {@link #rectifier(double[], boolean[], double[][], int[][], int[], double, int)}, with the
   * size limit of the exact dense path given ({@code 0} forces the weighted iteration).
   *
   * @param y outcomes
   * @param active rows in the sample
   * @param x regressors
   * @param codes FE codes
   * @param levels levels per dimension
   * @param tol zero tolerance
   * @param maxIterations iteration limit
   * @param denseLimit largest rows &times; columns handled densely
   * @return the certificate
   */
  public static Outcome rectifier(
      double[] y,
      boolean[] active,
      double[][] x,
      int[][] codes,
      int[] levels,
      double tol,
      int maxIterations,
      long denseLimit) {
    int n = y.length;
    int m = 0;
    int nZero = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        m++;
        if (!(y[i] > 0)) {
          nZero++;
        }
      }
    }
    double[] z = new double[n];
    if (nZero == 0 || m == 0) {
      return new Outcome(z, 0, true);
    }
    long cols = x.length;
    for (int lv : levels) {
      cols += lv;
    }
    if ((long) m * cols <= denseLimit) {
      // exact form: the fixed effects as explicit dummy columns (levels present in the sample)
      java.util.List<double[]> all = new java.util.ArrayList<>();
      for (int d = 0; d < codes.length; d++) {
        boolean[] present = new boolean[levels[d]];
        for (int i = 0; i < n; i++) {
          if (active[i]) {
            present[codes[d][i]] = true;
          }
        }
        for (int g = 0; g < levels[d]; g++) {
          if (!present[g]) {
            continue;
          }
          double[] dummy = new double[n];
          for (int i = 0; i < n; i++) {
            if (codes[d][i] == g) {
              dummy[i] = 1;
            }
          }
          all.add(dummy);
        }
      }
      java.util.Collections.addAll(all, x);
      return regressors(y, active, all.toArray(new double[0][]), tol, maxIterations);
    }
    int[] rowOf = new int[m];
    boolean[] zero = new boolean[m];
    m = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        zero[m] = !(y[i] > 0);
        rowOf[m++] = i;
      }
    }
    // compact FE codes (renumber levels present in the sample); a constant when there are none
    int dims = Math.max(1, codes.length);
    int[][] cc = new int[dims][m];
    int[] lv = new int[dims];
    if (codes.length == 0) {
      lv[0] = 1;
    } else {
      for (int d = 0; d < dims; d++) {
        int[] map = new int[levels[d]];
        java.util.Arrays.fill(map, -1);
        int next = 0;
        for (int r = 0; r < m; r++) {
          int c = codes[d][rowOf[r]];
          if (map[c] < 0) {
            map[c] = next++;
          }
          cc[d][r] = map[c];
        }
        lv[d] = next;
      }
    }
    double bigWeight = nZero / (tol * tol);
    double[] w = new double[m];
    for (int r = 0; r < m; r++) {
      w[r] = zero[r] ? 1.0 : bigWeight;
    }
    GroupDemeaner dm = dims >= 2 ? null : new GroupDemeaner(cc, lv, w);
    double demeanTol = 1e-3 * tol;
    int maxSweeps = 100_000;
    // demean the regressors once (all together, with the accelerated shared demeaner when there
    // are several fixed-effect dimensions: plain sweeps need tens of passes at this tolerance);
    // drop those absorbed by the fixed effects
    int k = x.length;
    java.util.List<double[]> scaled = new java.util.ArrayList<>();
    for (int j = 0; j < k; j++) {
      double[] col = new double[m];
      double norm0 = 0;
      for (int r = 0; r < m; r++) {
        col[r] = x[j][rowOf[r]];
        norm0 = Math.max(norm0, Math.abs(col[r]));
      }
      if (norm0 == 0) {
        continue;
      }
      for (int r = 0; r < m; r++) {
        col[r] /= norm0;
      }
      scaled.add(col);
    }
    FixedEffects fe = null;
    if (dims >= 2) {
      fe = FixedEffects.of("d0", cc[0]);
      for (int d = 1; d < dims; d++) {
        fe = fe.withDimension("d" + d, cc[d]);
      }
    }
    java.util.List<double[]> kept = new java.util.ArrayList<>();
    // the first u = 1{y = 0}; with several fixed effects it is demeaned together with the
    // regressors (the columns run in parallel), to their tighter tolerance
    double[] u = new double[m];
    for (int r = 0; r < m; r++) {
      u[r] = zero[r] ? 1.0 : 0.0;
    }
    double[] firstUt = null;
    if (fe != null) {
      double[][] withU = scaled.toArray(new double[scaled.size() + 1][]);
      withU[scaled.size()] = u;
      double[][] all =
          Demeaner.defaults()
              .withTolerance(REGRESSOR_DEMEAN_TOLERANCE)
              .withMaxIterations(maxSweeps)
              .withDirectSchur(false)
              .demean(fe, withU, w)
              .columns();
      firstUt = all[scaled.size()];
      scaled = new java.util.ArrayList<>(java.util.Arrays.asList(all).subList(0, scaled.size()));
    }
    if (!scaled.isEmpty()) {
      double[][] demeaned;
      if (fe != null) {
        demeaned = scaled.toArray(new double[0][]); // demeaned above
      } else {
        demeaned = scaled.toArray(new double[0][]);
        for (double[] col : demeaned) {
          dm.demean(col, col, 1e-14, maxSweeps);
        }
      }
      for (double[] col : demeaned) {
        double norm = 0;
        for (int r = 0; r < m; r++) {
          norm = Math.max(norm, Math.abs(col[r]));
        }
        if (norm > 1e-9) {
          kept.add(col);
        }
      }
    }
    int kk = kept.size();
    double[][] keptCols = kept.toArray(new double[0][]);
    double[] gammaData = new double[kk];
    LeastSquares ls = LeastSquares.defaults().withTolerance(1e-12);
    double[] ut = new double[m];
    double[] fit = new double[m];
    // weights 1 and nZero/tol²: the implicit (iterative) Schur solver keeps the small weights'
    // digits
    Demeaner uDemeaner =
        Demeaner.defaults()
            .withTolerance(demeanTol)
            .withMaxIterations(maxSweeps)
            .withDirectSchur(false);
    DemeanState state = null;
    for (int it = 1; it <= maxIterations; it++) {
      if (fe == null) {
        dm.demean(u, ut, demeanTol, maxSweeps);
      } else if (it == 1) {
        System.arraycopy(firstUt, 0, ut, 0, m);
      } else {
        DemeanResult dr =
            state == null
                ? uDemeaner.demean(fe, new double[][] {u}, w)
                : uDemeaner.demean(fe, new double[][] {u}, w, state);
        state = dr.state();
        System.arraycopy(dr.columns()[0], 0, ut, 0, m);
      }
      if (kk > 0) {
        // weighted least squares of the demeaned u on the demeaned regressors (a regressor found
        // collinear gets coefficient 0, as a pseudo-inverse would)
        double[] g = ls.fit(keptCols, ut, w).coefficients();
        for (int j = 0; j < kk; j++) {
          gammaData[j] = Double.isNaN(g[j]) ? 0 : g[j];
        }
      }
      boolean negative = false;
      for (int r = 0; r < m; r++) {
        double resid = ut[r];
        for (int j = 0; j < kk; j++) {
          resid -= keptCols[j][r] * gammaData[j];
        }
        double f = u[r] - resid;
        if (Math.abs(f) < tol || !zero[r]) {
          f = 0;
        }
        fit[r] = f;
        negative |= f < 0;
      }
      if (!negative) {
        for (int r = 0; r < m; r++) {
          z[rowOf[r]] = fit[r];
        }
        return new Outcome(z, it, true);
      }
      for (int r = 0; r < m; r++) {
        u[r] = zero[r] ? Math.max(fit[r], 0.0) : 0.0;
      }
    }
    return new Outcome(z, maxIterations, false);
  }
}
