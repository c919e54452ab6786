package org.econ4j.core.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ordinary and weighted least squares by Householder QR with rank detection in design order,
 * centring on the intercept, column equilibration and iterative refinement with compensated
 * residuals.
 *
 * <p>Problem: minimise &Sigma;<sub>i</sub> w<sub>i</sub> (y<sub>i</sub> &minus;
 * x<sub>i</sub>'&beta;)<sup>2</sup> over the columns of X (column-major {@code double[][]}, one
 * array per column), w = 1 when no weights are given. The weighted problem is solved as the
 * unweighted one on &radic;w&middot;y and &radic;w&middot;X.
 *
 * <p>Algorithm:
 *
 * <ol>
 *   <li>If a column is constant and non-zero (the intercept), the first such column is kept and the
 *       other columns and y are centred on their weighted means; the intercept is recovered from
 *       the means at the end. Centring removes the dominant source of ill-conditioning in economic
 *       data (levels far from zero, e.g. years).
 *   <li>Every remaining column is scaled to unit weighted norm (equilibration; the solution is
 *       unscaled afterwards).
 *   <li>Householder QR in design order with <b>rank detection</b>: column j is <b>dropped</b> when
 *       &#8214;(I &minus; P<sub>A</sub>) &radic;w x<sub>j</sub>&#8214; &lt; tol &middot;
 *       &#8214;&radic;w x<sub>j</sub>&#8214;, where A are the columns accepted before j (the
 *       intercept first, then the others in design order) and the right-hand norm is the column's
 *       own weighted norm or the reference norm supplied by the caller (see {@link #fit(double[][],
 *       double[], double[], double[])}: an FE estimator passes the norm <em>before</em> demeaning,
 *       so that a regressor absorbed by the fixed effects is detected even when the demeaning is
 *       approximate). The residual norm is recomputed exactly (not downdated) at every step. The
 *       default tol is 1e-9 as fixest's {@code collin.tol}. The earlier column of a collinear set
 *       is kept, as fixest and R's {@code lm} do.
 *   <li>&beta; by back substitution, then {@value #DEFAULT_REFINEMENT_STEPS} steps of iterative
 *       refinement: the residual y &minus; X&beta; is computed in doubled precision ({@link
 *       Math#fma}-based compensated dot products) and regressed on X with the same factorisation.
 *   <li>The bread (X'WX)<sup>&minus;1</sup> of the kept columns from
 *       R<sup>&minus;1</sup>R<sup>&minus;T</sup> (with the exact block formula for the intercept
 *       when centring was used).
 * </ol>
 *
 * <p>Accuracy: on the NIST StRD linear regressions the log relative errors are at least 12 (Longley
 * coefficients and standard errors, Wampler2) and 9 (Wampler1) ({@code LeastSquaresReferenceTest}).
 *
 * <p>Immutable and thread-safe.
 *
 * <h2>References</h2>
 *
 * Golub, G.H. and Van Loan, C.F. (2013). Matrix Computations, 4th ed., §5.2 and §5.3. Johns
 * Hopkins. Ogita, T., Rump, S.M. and Oishi, S. (2005). Accurate sum and dot product. SIAM Journal
 * on Scientific Computing 26(6), 1955-1988. Bergé, L. (2018). Efficient estimation of maximum
 * likelihood models with multiple fixed-effects: the R package FENmlm (collinearity tolerance).
 */
public final class LeastSquares {
  /** Default collinearity tolerance, as fixest's {@code collin.tol}. */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  /** Default number of iterative-refinement steps. */
  public static final int DEFAULT_REFINEMENT_STEPS = 2;

  /**
   * Refinement is skipped when every kept (centred, unit-norm) column keeps at least this share of
   * its norm outside the span of the columns before it: the problem is then so well conditioned
   * (condition number below about 100&middot;k) that QR alone is accurate to about 1e-12.
   */
  private static final double WELL_CONDITIONED = 1e-2;

  /** Coefficient magnitude (in unit-norm scale) above which a kept column is named as a partner. */
  private static final double PARTNER_THRESHOLD = 1e-6;

  private static final LeastSquares DEFAULTS =
      new LeastSquares(DEFAULT_TOLERANCE, DEFAULT_REFINEMENT_STEPS);

  private final double tolerance;
  private final int refinementSteps;

  private LeastSquares(double tolerance, int refinementSteps) {
    this.tolerance = tolerance;
    this.refinementSteps = refinementSteps;
  }

  /**
   * @return the solver with tolerance {@value #DEFAULT_TOLERANCE} and {@value
   *     #DEFAULT_REFINEMENT_STEPS} refinement steps
   */
  public static LeastSquares defaults() {
    return DEFAULTS;
  }

  /**
   * @param tolerance collinearity tolerance (relative residual norm), in [0, 1)
   * @return a copy with that tolerance
   * @throws IllegalArgumentException if out of range
   */
  public LeastSquares withTolerance(double tolerance) {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException(
          "collinearity tolerance must be in [0, 1), got " + tolerance);
    }
    return new LeastSquares(tolerance, refinementSteps);
  }

  /**
   * @param steps iterative-refinement steps, 0 to 10
   * @return a copy with that many steps
   * @throws IllegalArgumentException if out of range
   */
  public LeastSquares withRefinementSteps(int steps) {
    if (steps < 0 || steps > 10) {
      throw new IllegalArgumentException("refinement steps must be in [0, 10], got " + steps);
    }
    return new LeastSquares(tolerance, steps);
  }

  /**
   * @return the collinearity tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @return the number of refinement steps
   */
  public int refinementSteps() {
    return refinementSteps;
  }

  /**
   * Unweighted least squares.
   *
   * @param x columns of X (each of length n); not modified
   * @param y outcome of length n; not modified
   * @return the fit
   * @throws IllegalArgumentException if lengths differ or a value is not finite
   */
  public LeastSquaresFit fit(double[][] x, double[] y) {
    return fit(x, y, null, null);
  }

  /**
   * Weighted least squares.
   *
   * @param x columns of X; not modified
   * @param y outcome; not modified
   * @param weights non-negative finite weights of length n; not modified
   * @return the fit
   * @throws IllegalArgumentException if lengths differ, a value is not finite or a weight is
   *     negative
   */
  public LeastSquaresFit fit(double[][] x, double[] y, double[] weights) {
    Objects.requireNonNull(weights, "weights");
    return fit(x, y, weights, null);
  }

  /**
   * Weighted least squares with reference norms for the rank rule.
   *
   * @param x columns of X; not modified
   * @param y outcome; not modified
   * @param weights weights or {@code null} for none
   * @param referenceNorms for each column, the norm &#8214;&radic;w x<sub>j</sub>&#8214; to compare
   *     the residual norm against (e.g. the norm before demeaning), or {@code null} to use each
   *     column's own weighted norm
   * @return the fit
   * @throws IllegalArgumentException if lengths differ, a value is not finite or a weight is
   *     negative
   */
  public LeastSquaresFit fit(double[][] x, double[] y, double[] weights, double[] referenceNorms) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    final int n = y.length;
    final int p = x.length;
    validate(x, y, weights, referenceNorms);
    double[] sw = null;
    double sumW = n;
    if (weights != null) {
      sw = new double[n];
      sumW = 0;
      for (int i = 0; i < n; i++) {
        sw[i] = Math.sqrt(weights[i]);
        sumW += weights[i];
      }
    }
    // intercept detection
    int icpt = -1;
    double icptValue = 0;
    if (n > 0 && sumW > 0) {
      for (int j = 0; j < p && icpt < 0; j++) {
        double v = x[j][0];
        if (v == 0) {
          continue;
        }
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
          constant = x[j][i] == v;
        }
        if (constant) {
          icpt = j;
          icptValue = v;
        }
      }
    }
    double[] means = new double[p];
    double yMean = 0;
    if (icpt >= 0) {
      for (int j = 0; j < p; j++) {
        means[j] = j == icpt ? 0 : weightedMean(x[j], weights, sumW);
      }
      yMean = weightedMean(y, weights, sumW);
    }
    // work columns in processing order (design order without the intercept)
    int[] order = new int[p];
    int m = 0;
    for (int j = 0; j < p; j++) {
      if (j != icpt) {
        order[m++] = j;
      }
    }
    double[][] work = new double[m][];
    double[] scale = new double[p];
    double[] ownNorm = new double[p];
    for (int t = 0; t < m; t++) {
      int j = order[t];
      double[] c = new double[n];
      double mu = means[j];
      for (int i = 0; i < n; i++) {
        double v = x[j][i] - mu;
        c[i] = sw == null ? v : v * sw[i];
      }
      double nrm = norm(c, 0);
      ownNorm[j] = referenceNorms != null ? referenceNorms[j] : weightedNorm(x[j], sw);
      scale[j] = nrm > 0 ? 1 / nrm : 0;
      if (nrm > 0) {
        for (int i = 0; i < n; i++) {
          c[i] *= scale[j];
        }
      }
      work[t] = c;
    }
    // Householder QR with rank detection
    double[] vtv = new double[m];
    double[] rdiag = new double[m];
    int[] keptWork = new int[m]; // work index of the k-th accepted column
    int rank = 0;
    boolean[] dropped = new boolean[p];
    double[] droppedRatio = new double[p];
    int[][] partners = new int[p][];
    int[] acceptedBefore = new int[m];
    for (int t = 0; t < m; t++) {
      int j = order[t];
      double[] c = work[t];
      acceptedBefore[t] = rank;
      double tail = scale[j] > 0 ? norm(c, rank) / scale[j] : 0;
      double ref = ownNorm[j];
      double ratio = ref > 0 ? tail / ref : 0;
      if (scale[j] == 0 || ratio < tolerance || rank >= n) {
        dropped[j] = true;
        droppedRatio[j] = ratio;
        continue;
      }
      double alpha = norm(c, rank);
      if (c[rank] > 0) {
        alpha = -alpha;
      }
      c[rank] -= alpha;
      double s = 0;
      for (int i = rank; i < n; i++) {
        s += c[i] * c[i];
      }
      vtv[rank] = s;
      rdiag[rank] = alpha;
      keptWork[rank] = t;
      for (int u = t + 1; u < m; u++) {
        reflect(c, s, rank, work[u]);
      }
      rank++;
    }
    // partners of dropped columns: back-solve on the accepted columns before them
    for (int t = 0; t < m; t++) {
      int j = order[t];
      if (!dropped[j] || scale[j] == 0) {
        partners[j] = icpt >= 0 && means[j] != 0 ? new int[] {icpt} : new int[0];
        continue;
      }
      int r = acceptedBefore[t];
      double[] a = backSolve(work, keptWork, rdiag, work[t], r);
      List<Integer> ps = new ArrayList<>();
      if (icpt >= 0 && Math.abs(means[j]) * Math.sqrt(sumW) > PARTNER_THRESHOLD * ownNorm[j]) {
        ps.add(icpt);
      }
      for (int k = 0; k < r; k++) {
        if (Math.abs(a[k]) > PARTNER_THRESHOLD) {
          ps.add(order[keptWork[k]]);
        }
      }
      partners[j] = toSortedArray(ps);
    }
    // solve
    boolean[] use = new boolean[p];
    for (int k = 0; k < rank; k++) {
      use[order[keptWork[k]]] = true;
    }
    if (icpt >= 0) {
      use[icpt] = true;
    }
    double[] beta = new double[p];
    solveInto(
        y, yMean, sw, work, keptWork, vtv, rdiag, rank, order, scale, means, icpt, icptValue, beta);
    double[] resid = new double[n];
    double[] delta = new double[p];
    double minDiag = 1;
    for (int k = 0; k < rank; k++) {
      minDiag = Math.min(minDiag, Math.abs(rdiag[k]));
    }
    int steps = minDiag >= WELL_CONDITIONED ? 0 : refinementSteps;
    for (int step = 0; step < steps && rank + (icpt >= 0 ? 1 : 0) > 0; step++) {
      CompensatedDot.residuals(x, beta, use, y, resid);
      double rMean = icpt >= 0 ? weightedMean(resid, weights, sumW) : 0;
      java.util.Arrays.fill(delta, 0);
      solveInto(
          resid, rMean, sw, work, keptWork, vtv, rdiag, rank, order, scale, means, icpt, icptValue,
          delta);
      for (int j = 0; j < p; j++) {
        if (use[j]) {
          beta[j] += delta[j];
        }
      }
    }
    CompensatedDot.residuals(x, beta, use, y, resid);
    double[] fitted = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      fitted[i] = y[i] - resid[i];
      double e = resid[i];
      rss += weights == null ? e * e : weights[i] * e * e;
    }
    // bread in design order of kept columns
    int kKept = rank + (icpt >= 0 ? 1 : 0);
    int[] kept = new int[kKept];
    int q = 0;
    for (int j = 0; j < p; j++) {
      if (use[j]) {
        kept[q++] = j;
      } else {
        beta[j] = Double.NaN;
      }
    }
    double[][] bread =
        bread(work, keptWork, rdiag, rank, order, scale, means, icpt, icptValue, sumW, kept, p);
    List<Integer> droppedList = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (dropped[j]) {
        droppedList.add(j);
      }
    }
    return new LeastSquaresFit(
        beta,
        kept,
        toArrayInt(droppedList),
        partners,
        droppedRatio,
        resid,
        fitted,
        bread,
        rss,
        tolerance);
  }

  private static void validate(double[][] x, double[] y, double[] w, double[] ref) {
    int n = y.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y has a non-finite value " + y[i] + " at row " + i);
      }
    }
    for (int j = 0; j < x.length; j++) {
      Objects.requireNonNull(x[j], "x column");
      if (x[j].length != n) {
        throw new IllegalArgumentException(
            "column " + j + " of x has length " + x[j].length + " but y has length " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[j][i])) {
          throw new IllegalArgumentException(
              "column " + j + " of x has a non-finite value " + x[j][i] + " at row " + i);
        }
      }
    }
    if (w != null) {
      if (w.length != n) {
        throw new IllegalArgumentException(
            "weights have length " + w.length + " but y has length " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
          throw new IllegalArgumentException(
              "weight at row " + i + " is " + w[i] + "; weights must be finite and >= 0");
        }
      }
    }
    if (ref != null) {
      if (ref.length != x.length) {
        throw new IllegalArgumentException(
            "referenceNorms have length " + ref.length + " but x has " + x.length + " columns");
      }
      for (double r : ref) {
        if (!(r >= 0) || !Double.isFinite(r)) {
          throw new IllegalArgumentException(
              "reference norm " + r + " is invalid; reference norms must be finite and >= 0");
        }
      }
    }
  }

  private static double weightedMean(double[] v, double[] w, double sumW) {
    int n = v.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += w == null ? v[i] : w[i] * v[i];
    }
    double mu = s / sumW;
    // second pass correction
    double c = 0;
    for (int i = 0; i < n; i++) {
      c += w == null ? v[i] - mu : w[i] * (v[i] - mu);
    }
    return mu + c / sumW;
  }

  private static double weightedNorm(double[] v, double[] sw) {
    if (sw == null) {
      return norm(v, 0);
    }
    double ss = 0;
    for (int i = 0; i < v.length; i++) {
      double z = v[i] * sw[i];
      ss += z * z;
    }
    if (ss > 1e-280 && ss < 1e280) {
      return Math.sqrt(ss);
    }
    double[] c = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      c[i] = v[i] * sw[i];
    }
    return norm(c, 0);
  }

  /** Overflow-safe Euclidean norm of v[from..). */
  static double norm(double[] v, int from) {
    double ss = 0;
    for (int i = from; i < v.length; i++) {
      ss += v[i] * v[i];
    }
    if (ss > 1e-280 && ss < 1e280) {
      return Math.sqrt(ss);
    }
    double scale = 0;
    for (int i = from; i < v.length; i++) {
      scale = Math.max(scale, Math.abs(v[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < v.length; i++) {
      double z = v[i] / scale;
      s += z * z;
    }
    return scale * Math.sqrt(s);
  }

  private static void reflect(double[] v, double vtv, int from, double[] z) {
    if (vtv == 0) {
      return;
    }
    double d = 0;
    int n = v.length;
    for (int i = from; i < n; i++) {
      d += v[i] * z[i];
    }
    double f = 2 * d / vtv;
    for (int i = from; i < n; i++) {
      z[i] -= f * v[i];
    }
  }

  /** Solves R a = (Q'c)[0..r) where c already has the first r reflections applied. */
  private static double[] backSolve(
      double[][] work, int[] keptWork, double[] rdiag, double[] c, int r) {
    double[] a = new double[r];
    for (int k = r - 1; k >= 0; k--) {
      double s = c[k];
      for (int l = k + 1; l < r; l++) {
        s -= work[keptWork[l]][k] * a[l];
      }
      a[k] = s / rdiag[k];
    }
    return a;
  }

  private static void solveInto(
      double[] rhs,
      double rhsMean,
      double[] sw,
      double[][] work,
      int[] keptWork,
      double[] vtv,
      double[] rdiag,
      int rank,
      int[] order,
      double[] scale,
      double[] means,
      int icpt,
      double icptValue,
      double[] out) {
    int n = rhs.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double v = rhs[i] - rhsMean;
      z[i] = sw == null ? v : v * sw[i];
    }
    for (int k = 0; k < rank; k++) {
      reflect(work[keptWork[k]], vtv[k], k, z);
    }
    double[] a = backSolve(work, keptWork, rdiag, z, rank);
    double b0 = rhsMean;
    for (int k = 0; k < rank; k++) {
      int j = order[keptWork[k]];
      out[j] = a[k] * scale[j];
      b0 -= means[j] * out[j];
    }
    if (icpt >= 0) {
      out[icpt] = b0 / icptValue;
    }
  }

  private static double[][] bread(
      double[][] work,
      int[] keptWork,
      double[] rdiag,
      int rank,
      int[] order,
      double[] scale,
      double[] means,
      int icpt,
      double icptValue,
      double sumW,
      int[] kept,
      int p) {
    // Rinv upper triangular
    double[][] rinv = new double[rank][rank];
    for (int c = 0; c < rank; c++) {
      rinv[c][c] = 1 / rdiag[c];
      for (int r = c - 1; r >= 0; r--) {
        double s = 0;
        for (int l = r + 1; l <= c; l++) {
          s += work[keptWork[l]][r] * rinv[l][c];
        }
        rinv[r][c] = -s / rdiag[r];
      }
    }
    // M = Rinv Rinv' scaled
    double[][] mm = new double[rank][rank];
    for (int a = 0; a < rank; a++) {
      for (int b = a; b < rank; b++) {
        double s = 0;
        for (int l = b; l < rank; l++) {
          s += rinv[a][l] * rinv[b][l];
        }
        int ja = order[keptWork[a]];
        int jb = order[keptWork[b]];
        s *= scale[ja] * scale[jb];
        mm[a][b] = s;
        mm[b][a] = s;
      }
    }
    int[] pos = new int[p]; // design column -> index in mm
    java.util.Arrays.fill(pos, -1);
    for (int k = 0; k < rank; k++) {
      pos[order[keptWork[k]]] = k;
    }
    int kk = kept.length;
    double[][] out = new double[kk][kk];
    double[] mx = new double[rank]; // M xbar
    if (icpt >= 0) {
      for (int a = 0; a < rank; a++) {
        double s = 0;
        for (int b = 0; b < rank; b++) {
          s += mm[a][b] * means[order[keptWork[b]]];
        }
        mx[a] = s;
      }
    }
    for (int u = 0; u < kk; u++) {
      for (int v = 0; v < kk; v++) {
        int ju = kept[u];
        int jv = kept[v];
        double val;
        if (ju == icpt && jv == icpt) {
          double s = 1 / sumW;
          for (int a = 0; a < rank; a++) {
            s += means[order[keptWork[a]]] * mx[a];
          }
          val = s / (icptValue * icptValue);
        } else if (ju == icpt) {
          val = -mx[pos[jv]] / icptValue;
        } else if (jv == icpt) {
          val = -mx[pos[ju]] / icptValue;
        } else {
          val = mm[pos[ju]][pos[jv]];
        }
        out[u][v] = val;
      }
    }
    return out;
  }

  private static int[] toSortedArray(List<Integer> l) {
    int[] a = toArrayInt(l);
    java.util.Arrays.sort(a);
    return a;
  }

  private static int[] toArrayInt(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
