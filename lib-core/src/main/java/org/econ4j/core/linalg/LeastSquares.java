package org.econ4j.core.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Ordinary and weighted least squares by a tall-skinny (communication-avoiding) Householder QR in
 * fixed row blocks, rank detection in design order on the small triangular factor, centring on the
 * intercept, column equilibration and refinement by corrected semi-normal equations with
 * compensated residuals.
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
 *       data (levels far from zero, e.g. years). The means come from one pass over the data
 *       (validation fused in; sums around the first row's value in fixed blocks, blocks added with
 *       compensated summation), which also gives the largest deviations for the exact power-of-two
 *       pre-scales that keep every block entry below 1. Without a constant column (e.g. after
 *       fixed-effect demeaning) that pass is skipped: the pre-scales come from a sample of rows
 *       (the first block and 64 evenly spaced rows), an invalid value shows up as a non-finite R
 *       and is then reported by the validation, and if a value far above the sample overflows the
 *       QR is redone with the exact scales.
 *   <li><b>TSQR</b> (Demmel et al. 2012): the rows are split into fixed blocks of 2048 rows,
 *       grouped into fixed segments of 16 blocks. Each block of the centred, &radic;w-scaled (and
 *       exactly power-of-two pre-scaled) [X | y] is formed in a small buffer and folded into its
 *       segment's (m+1)&times;(m+1) upper-triangular R by a Householder QR of R stacked over the
 *       block; the segment factors are then folded in segment order. The n&times;p work matrix is
 *       never formed. Every column of R is then scaled to unit norm (equilibration: R of the
 *       equilibrated matrix is R with its columns scaled); y is the last column, so it holds Q'y.
 *   <li><b>Rank detection on R</b>: since X = QR with orthonormal Q, R preserves every norm and
 *       projection of the columns, and the sequential Householder rule runs on the small columns of
 *       R: column j is <b>dropped</b> when &#8214;(I &minus; P<sub>A</sub>) &radic;w
 *       x<sub>j</sub>&#8214; &lt; tol &middot; &#8214;&radic;w x<sub>j</sub>&#8214;, where A are
 *       the columns accepted before j (the intercept first, then the others in design order) and
 *       the right-hand norm is the column's own weighted norm or the reference norm supplied by the
 *       caller (see {@link #fit(double[][], double[], double[], double[])}: an FE estimator passes
 *       the norm <em>before</em> demeaning, so that a regressor absorbed by the fixed effects is
 *       detected even when the demeaning is approximate). The residual norm is recomputed exactly
 *       (not downdated) at every step. The default tol is 1e-9 as fixest's {@code collin.tol}. The
 *       earlier column of a collinear set is kept, as fixest and R's {@code lm} do.
 *   <li>&beta; by back substitution on Q'y, then up to {@value #DEFAULT_REFINEMENT_STEPS} steps of
 *       refinement by <b>corrected semi-normal equations</b> (Björck 1987): the residual r = y
 *       &minus; X&beta; is computed in doubled precision ({@link Math#fma}-based compensated dot
 *       products), the gradient X'W(r &minus; r&#772;) is accumulated in compensated arithmetic
 *       from the doubled-precision residual, and &delta; solves R'R&delta; = X'W(r &minus; r&#772;)
 *       (in the equilibrated scale) by two triangular solves; &beta; += &delta;. Refinement is
 *       skipped when the problem is well conditioned (every kept unit-norm column keeps at least 1
 *       % of its norm outside the span of the columns before it).
 *   <li>The bread (X'WX)<sup>&minus;1</sup> of the kept columns from
 *       R<sup>&minus;1</sup>R<sup>&minus;T</sup> (with the exact block formula for the intercept
 *       when centring was used).
 * </ol>
 *
 * <p>Memory: O(p<sup>2</sup>) per segment plus one block buffer per thread; the only n-sized
 * allocation is the residual vector of the result (fitted values are computed on demand).
 *
 * <p>Determinism: block and segment boundaries are fixed constants and every reduction (sums,
 * segment factors, gradients) is combined in segment order, so the result is bit-identical for any
 * number of threads. Segments are processed in parallel on the common fork-join pool (the caller
 * takes part); a problem of at most one segment (32,768 rows) runs on the calling thread.
 *
 * <p>Accuracy: on the NIST StRD linear regressions the log relative errors are at least 12 (Longley
 * coefficients and standard errors, Wampler2) and 9 (Wampler1) ({@code LeastSquaresReferenceTest}).
 *
 * <p>Immutable and thread-safe.
 *
 * <h2>References</h2>
 *
 * Golub, G.H. and Van Loan, C.F. (2013). Matrix Computations, 4th ed., §5.2 and §5.3. Johns
 * Hopkins. Demmel, J., Grigori, L., Hoemmen, M. and Langou, J. (2012). Communication-optimal
 * parallel and sequential QR and LU factorizations. SIAM Journal on Scientific Computing 34(1),
 * A206-A239. Björck, Å. (1987). Stability analysis of the method of seminormal equations for linear
 * least squares problems. Linear Algebra and its Applications 88/89, 31-48. Björck, Å. (1996).
 * Numerical Methods for Least Squares Problems, §2.8 and §6.6. SIAM. Ogita, T., Rump, S.M. and
 * Oishi, S. (2005). Accurate sum and dot product. SIAM Journal on Scientific Computing 26(6),
 * 1955-1988. Bergé, L. (2018). Efficient estimation of maximum likelihood models with multiple
 * fixed-effects: the R package FENmlm (collinearity tolerance).
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

  /** Rows per block (fixed, independent of the thread count). */
  static final int BLOCK = 2048;

  /** Blocks per segment, the unit of parallel work (fixed). */
  static final int SEGMENT_BLOCKS = 16;

  /** Rows per segment. */
  static final int SEGMENT_ROWS = BLOCK * SEGMENT_BLOCKS;

  private static final double[] ONES = new double[BLOCK];

  static {
    Arrays.fill(ONES, 1);
  }

  /**
   * Test knob: number of threads (the caller included) for the segment loops; 0 = automatic (the
   * common pool's parallelism plus the caller). Results do not depend on it.
   */
  static volatile int parallelism = 0;

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
    if (!shapesValid(x, y, weights, referenceNorms)) {
      validate(x, y, weights, referenceNorms);
    }
    boolean sampled = !hasConstantColumn(x, y.length);
    LeastSquaresFit fit = solve(x, y, weights, referenceNorms, sampled);
    return fit != null ? fit : solve(x, y, weights, referenceNorms, false);
  }

  /**
   * The fit; with {@code sampled} (no constant column, so no centring) the first pass is skipped
   * and the pre-scales come from a sample of rows, and null is returned when the blocked QR then
   * overflows (the caller retries with the first pass).
   */
  private LeastSquaresFit solve(
      double[][] x, double[] y, double[] weights, double[] referenceNorms, boolean sampled) {
    final int n = y.length;
    final int p = x.length;
    final int segments = (n + SEGMENT_ROWS - 1) / SEGMENT_ROWS;
    final int threads = threadCount(segments);
    final double[][] cols = new double[p + 1][];
    System.arraycopy(x, 0, cols, 0, p);
    cols[p] = y;
    double sumWv = 0;
    int icpt = -1;
    double icptValue = 0;
    final double[] means = new double[p];
    double yMeanV = 0;
    final double[] pre = new double[p + 1];
    double prewV = 1;
    if (sampled) {
      // no intercept, so no centring: scales from a sample; an overflow is caught after the QR
      for (int c = 0; c <= p; c++) {
        pre[c] = powerOfTwoBelow(sampleMaxAbs(cols[c]));
      }
      if (weights != null) {
        prewV = powerOfTwoBelow(Math.sqrt(sampleMaxAbs(weights)));
      }
    } else {
      // pass 1: sums, means, deviations (validation fused in)
      final double[] shift = new double[p + 1];
      if (n > 0) {
        for (int c = 0; c <= p; c++) {
          shift[c] = cols[c][0];
        }
      }
      final int statWidth = 4 + 3 * (p + 1);
      final double[][] segStats = new double[segments][statWidth];
      forSegments(
          segments,
          threads,
          (from, to) -> {
            double[] tmp = new double[2];
            for (int s = from; s < to; s++) {
              segmentStats(cols, p, weights, shift, s, n, segStats[s], tmp);
            }
          });
      double[] acc = new double[2];
      double minW = Double.POSITIVE_INFINITY;
      double maxW = 0;
      for (int s = 0; s < segments; s++) {
        twoSumInto(acc, segStats[s][0]);
        acc[1] += segStats[s][1];
        minW = Math.min(minW, segStats[s][2]);
        maxW = Math.max(maxW, segStats[s][3]);
      }
      sumWv = segments == 0 ? 0 : total(acc);
      final double sumW = sumWv;
      final double[] dev = new double[p + 1];
      final double[] maxDev = new double[p + 1];
      boolean finite = Double.isFinite(sumW) && !(minW < 0);
      for (int c = 0; c <= p; c++) {
        int b = 4 + 3 * c;
        acc[0] = 0;
        acc[1] = 0;
        for (int s = 0; s < segments; s++) {
          twoSumInto(acc, segStats[s][b]);
          acc[1] += segStats[s][b + 1];
          maxDev[c] = Math.max(maxDev[c], segStats[s][b + 2]);
        }
        dev[c] = total(acc);
        finite &= Double.isFinite(dev[c]);
      }
      if (!finite) {
        validate(x, y, weights, referenceNorms); // throws unless the values are merely huge
      }
      // intercept detection
      if (n > 0 && sumW > 0) {
        for (int j = 0; j < p && icpt < 0; j++) {
          if (x[j][0] != 0 && maxDev[j] == 0) {
            icpt = j;
            icptValue = x[j][0];
          }
        }
      }
      if (icpt >= 0) {
        for (int j = 0; j < p; j++) {
          means[j] = j == icpt ? 0 : shift[j] + dev[j] / sumW;
        }
        yMeanV = shift[p] + dev[p] / sumW;
      }
      // exact power-of-two pre-scales keep every block entry below 1 in magnitude
      for (int c = 0; c <= p; c++) {
        double mu = c == p ? yMeanV : means[c];
        pre[c] = powerOfTwoBelow(maxDev[c] + Math.abs(shift[c] - mu));
      }
      prewV = weights == null ? 1 : powerOfTwoBelow(Math.sqrt(maxW));
    }
    final double sumW = sumWv;
    final double yMean = yMeanV;
    final double prew = prewV;
    // work columns in processing order (design order without the intercept), then y
    final int[] order = new int[p];
    int mm = 0;
    for (int j = 0; j < p; j++) {
      if (j != icpt) {
        order[mm++] = j;
      }
    }
    final int m = mm;
    final int k = m + 1;
    // pass 2: TSQR of the centred, sqrt(w)-scaled [X | y] in fixed blocks and segments
    final double[][] segR = new double[segments][k * k];
    forSegments(
        segments,
        threads,
        (from, to) -> {
          double[][] buf = new double[k][BLOCK];
          double[] swb = weights == null ? null : new double[BLOCK];
          for (int s = from; s < to; s++) {
            segmentR(x, y, weights, order, m, means, yMean, pre, prew, s, n, buf, swb, segR[s]);
          }
        });
    double[] rr = new double[k * k];
    if (segments > 0) {
      System.arraycopy(segR[0], 0, rr, 0, k * k);
      double[][] tb = new double[k][k];
      for (int s = 1; s < segments; s++) {
        double[] rs = segR[s];
        for (int r = 0; r < k; r++) {
          for (int c = 0; c < k; c++) {
            tb[c][r] = rs[r * k + c];
          }
        }
        stackedQr(rr, k, tb, k);
      }
    }
    if (sampled) {
      for (double v : rr) {
        if (!Double.isFinite(v)) {
          validate(x, y, weights, referenceNorms); // throws if a value is invalid
          return null; // the sampled scales overflowed
        }
      }
    }
    // equilibrated columns of R: the small problem the rank rule runs on
    double[][] work = new double[m][k];
    double[] scale = new double[p];
    for (int t = 0; t < m; t++) {
      int j = order[t];
      double[] c = work[t];
      for (int r = 0; r < k; r++) {
        c[r] = rr[r * k + t];
      }
      double nrm = norm(c, 0);
      scale[j] = nrm > 0 ? pre[j] * prew / nrm : 0;
      if (nrm > 0) {
        double inv = 1 / nrm;
        for (int r = 0; r < k; r++) {
          c[r] *= inv;
        }
      }
    }
    // the rank rule's reference: the caller's norms, or ||sqrt(w) x_j|| from R and the mean
    double[] ownNorm = new double[p];
    for (int t = 0; t < m; t++) {
      int j = order[t];
      if (referenceNorms != null) {
        ownNorm[j] = referenceNorms[j];
      } else {
        double centred = norm(rr, t, k) / (pre[j] * prew);
        ownNorm[j] = icpt >= 0 ? Math.hypot(centred, means[j] * Math.sqrt(sumW)) : centred;
      }
    }
    double[] yR = new double[k];
    for (int r = 0; r < k; r++) {
      yR[r] = rr[r * k + m];
    }
    final double py = pre[p] * prew;
    // sequential Householder with rank detection on the small problem
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
      for (int i = rank; i < k; i++) {
        s += c[i] * c[i];
      }
      vtv[rank] = s;
      rdiag[rank] = alpha;
      keptWork[rank] = t;
      for (int u = t + 1; u < m; u++) {
        reflect(c, s, rank, work[u]);
      }
      reflect(c, s, rank, yR);
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
      for (int q = 0; q < r; q++) {
        if (Math.abs(a[q]) > PARTNER_THRESHOLD) {
          ps.add(order[keptWork[q]]);
        }
      }
      partners[j] = toSortedArray(ps);
    }
    // solve from Q'y
    boolean[] use = new boolean[p];
    final int[] keptCol = new int[rank]; // design column of the q-th accepted column
    for (int q = 0; q < rank; q++) {
      keptCol[q] = order[keptWork[q]];
      use[keptCol[q]] = true;
    }
    if (icpt >= 0) {
      use[icpt] = true;
    }
    int nUse = 0;
    for (int j = 0; j < p; j++) {
      nUse += use[j] ? 1 : 0;
    }
    final int[] useIdx = new int[nUse];
    nUse = 0;
    for (int j = 0; j < p; j++) {
      if (use[j]) {
        useIdx[nUse++] = j;
      }
    }
    final double[] beta = new double[p];
    double[] a0 = backSolve(work, keptWork, rdiag, yR, rank);
    double b0 = yMean;
    for (int q = 0; q < rank; q++) {
      int j = keptCol[q];
      beta[j] = a0[q] * scale[j] / py;
      b0 -= means[j] * beta[j];
    }
    if (icpt >= 0) {
      beta[icpt] = b0 / icptValue;
    }
    // refinement by corrected semi-normal equations
    final double[] resid = new double[n];
    double minDiag = 1;
    for (int q = 0; q < rank; q++) {
      minDiag = Math.min(minDiag, Math.abs(rdiag[q]));
    }
    int steps = minDiag >= WELL_CONDITIONED ? 0 : refinementSteps;
    final int gw = 3 * rank + 2;
    final double[][] segG = new double[segments][gw];
    final int rk = rank;
    for (int step = 0; step < steps && nUse > 0; step++) {
      forSegments(
          segments,
          threads,
          (from, to) -> {
            double[] hi = new double[BLOCK];
            double[] lo = new double[BLOCK];
            double[] xb = new double[BLOCK];
            double[] wb = new double[BLOCK];
            for (int s = from; s < to; s++) {
              Arrays.fill(segG[s], 0);
              segmentGradient(
                  x, y, weights, beta, useIdx, keptCol, rk, means, s, n, hi, lo, xb, wb, resid,
                  segG[s]);
            }
          });
      double[] g = new double[gw];
      double[] pair = new double[2];
      for (int q = 0; q <= rank; q++) {
        pair[0] = 0;
        pair[1] = 0;
        for (int s = 0; s < segments; s++) {
          twoSumInto(pair, segG[s][2 * q]);
          pair[1] += segG[s][2 * q + 1];
        }
        g[q] = total(pair);
      }
      double rMean = icpt >= 0 && sumW > 0 ? g[rank] / sumW : 0;
      double[] h = new double[rank];
      for (int q = 0; q < rank; q++) {
        double sx = 0;
        for (int s = 0; s < segments; s++) {
          sx += segG[s][2 * rank + 2 + q];
        }
        h[q] = scale[keptCol[q]] * (g[q] - rMean * sx);
      }
      // R'R u = h: forward then back substitution
      double[] v = new double[rank];
      for (int q = 0; q < rank; q++) {
        double s = h[q];
        double[] col = work[keptWork[q]];
        for (int l = 0; l < q; l++) {
          s -= col[l] * v[l];
        }
        v[q] = s / rdiag[q];
      }
      double[] u = backSolve(work, keptWork, rdiag, v, rank);
      double d0 = rMean;
      for (int q = 0; q < rank; q++) {
        int j = keptCol[q];
        double dj = scale[j] * u[q];
        beta[j] += dj;
        d0 -= means[j] * dj;
      }
      if (icpt >= 0) {
        beta[icpt] += d0 / icptValue;
      }
    }
    // final residuals and RSS
    final double[] segRss = new double[segments * 2];
    forSegments(
        segments,
        threads,
        (from, to) -> {
          double[] hi = new double[BLOCK];
          double[] lo = new double[BLOCK];
          double[] xb = new double[BLOCK];
          for (int s = from; s < to; s++) {
            segmentResiduals(x, y, weights, beta, useIdx, s, n, hi, lo, xb, resid, segRss);
          }
        });
    double[] rssAcc = new double[2];
    for (int s = 0; s < segments; s++) {
      twoSumInto(rssAcc, segRss[2 * s]);
      rssAcc[1] += segRss[2 * s + 1];
    }
    double rss = total(rssAcc);
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
        y,
        bread,
        rss,
        tolerance);
  }

  private static int threadCount(int segments) {
    int t = parallelism;
    if (t <= 0) {
      t = ForkJoinPool.getCommonPoolParallelism() + 1;
    }
    return Math.max(1, Math.min(t, segments));
  }

  /** A range of segments [from, to) processed by one thread. */
  private interface SegmentRange {
    void run(int from, int to);
  }

  /**
   * Runs the segments in {@code threads} contiguous ranges, the first on the calling thread and the
   * others on the fork-join pool; every segment writes only its own output slot, so the result does
   * not depend on the split.
   */
  private static void forSegments(int segments, int threads, SegmentRange work) {
    if (threads <= 1) {
      work.run(0, segments);
      return;
    }
    ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[threads - 1];
    for (int t = 1; t < threads; t++) {
      int from = (int) ((long) segments * t / threads);
      int to = (int) ((long) segments * (t + 1) / threads);
      tasks[t - 1] = ForkJoinTask.adapt(() -> work.run(from, to)).fork();
    }
    work.run(0, (int) ((long) segments / threads));
    for (ForkJoinTask<?> task : tasks) {
      task.join();
    }
  }

  private static boolean shapesValid(double[][] x, double[] y, double[] w, double[] ref) {
    int n = y.length;
    for (double[] c : x) {
      if (c == null || c.length != n) {
        return false;
      }
    }
    if (w != null && w.length != n) {
      return false;
    }
    if (ref != null) {
      if (ref.length != x.length) {
        return false;
      }
      for (double r : ref) {
        if (!(r >= 0) || !Double.isFinite(r)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Adds v to the compensated pair (acc[0] + acc[1]) by TwoSum. */
  private static void twoSumInto(double[] acc, double v) {
    double s = acc[0];
    double t = s + v;
    double z = t - s;
    acc[1] += (s - (t - z)) + (v - z);
    acc[0] = t;
  }

  /** Whether some column is constant and non-zero (a candidate intercept). */
  private static boolean hasConstantColumn(double[][] x, int n) {
    for (double[] c : x) {
      if (n == 0 || c[0] == 0) {
        continue;
      }
      double v = c[0];
      int i = 1;
      while (i < n && c[i] == v) {
        i++;
      }
      if (i == n) {
        return true;
      }
    }
    return false;
  }

  /** The largest |v| over the first block and 64 evenly spaced further rows (NaN ignored). */
  private static double sampleMaxAbs(double[] v) {
    int n = v.length;
    double mx = 0;
    int head = Math.min(n, BLOCK);
    for (int i = 0; i < head; i++) {
      double a = Math.abs(v[i]);
      mx = a > mx ? a : mx;
    }
    if (n > head) {
      long step = Math.max(1, (n - head) / 64);
      for (long i = head; i < n; i += step) {
        double a = Math.abs(v[(int) i]);
        mx = a > mx ? a : mx;
      }
    }
    return mx;
  }

  /** The value of a compensated pair (the sum alone if it overflowed). */
  private static double total(double[] acc) {
    return Double.isFinite(acc[0]) ? acc[0] + acc[1] : acc[0];
  }

  /** 2<sup>&minus;e</sup> with 2<sup>e</sup> &gt; bound (1 for a zero or non-finite bound). */
  private static double powerOfTwoBelow(double bound) {
    if (!(bound > 0) || !Double.isFinite(bound)) {
      return 1;
    }
    int e = Math.getExponent(bound) + 1;
    e = Math.max(-1000, Math.min(1000, e));
    return Math.scalb(1.0, -e);
  }

  /**
   * Pass 1 on one segment: the weight sum, smallest and largest weight, and for every column c (x
   * then y) the weighted sum of x &minus; shift<sub>c</sub> (compensated across blocks), the
   * largest |x &minus; shift<sub>c</sub>| and, if asked, &Sigma; w x<sup>2</sup>.
   */
  private static void segmentStats(
      double[][] cols,
      int p,
      double[] weights,
      double[] shift,
      int s,
      int n,
      double[] out,
      double[] tmp) {
    int lo = s * SEGMENT_ROWS;
    int hi = Math.min(n, lo + SEGMENT_ROWS);
    double[] acc = new double[2];
    out[2] = Double.POSITIVE_INFINITY;
    out[3] = 0;
    for (int r0 = lo; r0 < hi; r0 += BLOCK) {
      int r1 = Math.min(hi, r0 + BLOCK);
      double[] wa;
      int woff;
      if (weights != null) {
        wa = weights;
        woff = 0;
        double s0 = 0;
        double s1 = 0;
        double mn = out[2];
        double mx = out[3];
        int i = r0;
        for (; i + 2 <= r1; i += 2) {
          double w0 = weights[i];
          double w1 = weights[i + 1];
          s0 += w0;
          s1 += w1;
          mn = w0 < mn ? w0 : mn;
          mn = w1 < mn ? w1 : mn;
          mx = w0 > mx ? w0 : mx;
          mx = w1 > mx ? w1 : mx;
        }
        for (; i < r1; i++) {
          double w0 = weights[i];
          s0 += w0;
          mn = w0 < mn ? w0 : mn;
          mx = w0 > mx ? w0 : mx;
        }
        out[2] = mn;
        out[3] = mx;
        acc[0] = out[0];
        acc[1] = out[1];
        twoSumInto(acc, s0 + s1);
      } else {
        wa = ONES;
        woff = -r0;
        out[2] = 1;
        out[3] = 1;
        acc[0] = out[0];
        acc[1] = out[1];
        twoSumInto(acc, r1 - r0);
      }
      out[0] = acc[0];
      out[1] = acc[1];
      for (int c = 0; c <= p; c++) {
        int b = 4 + 3 * c;
        blockStats(cols[c], wa, woff, r0, r1, shift[c], tmp);
        acc[0] = out[b];
        acc[1] = out[b + 1];
        twoSumInto(acc, tmp[0]);
        out[b] = acc[0];
        out[b + 1] = acc[1];
        out[b + 2] = Math.max(out[b + 2], tmp[1]);
      }
    }
  }

  /** out[0] = &Sigma; w (v &minus; shift), out[1] = max |v &minus; shift| over [from, to). */
  private static void blockStats(
      double[] v, double[] w, int woff, int from, int to, double shift, double[] out) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    double hi0 = shift;
    double hi1 = shift;
    double lo0 = shift;
    double lo1 = shift;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      double v0 = v[i];
      double v1 = v[i + 1];
      double v2 = v[i + 2];
      double v3 = v[i + 3];
      a0 += w[i + woff] * (v0 - shift);
      a1 += w[i + 1 + woff] * (v1 - shift);
      a2 += w[i + 2 + woff] * (v2 - shift);
      a3 += w[i + 3 + woff] * (v3 - shift);
      hi0 = v0 > hi0 ? v0 : hi0;
      hi1 = v1 > hi1 ? v1 : hi1;
      lo0 = v0 < lo0 ? v0 : lo0;
      lo1 = v1 < lo1 ? v1 : lo1;
      hi0 = v2 > hi0 ? v2 : hi0;
      hi1 = v3 > hi1 ? v3 : hi1;
      lo0 = v2 < lo0 ? v2 : lo0;
      lo1 = v3 < lo1 ? v3 : lo1;
    }
    for (; i < to; i++) {
      double v0 = v[i];
      a0 += w[i + woff] * (v0 - shift);
      hi0 = v0 > hi0 ? v0 : hi0;
      lo0 = v0 < lo0 ? v0 : lo0;
    }
    out[0] = (a0 + a1) + (a2 + a3);
    out[1] = Math.max(Math.max(hi0, hi1) - shift, shift - Math.min(lo0, lo1));
  }

  /** Pass 2 on one segment: R of the segment's centred, scaled [X | y], block by block. */
  private static void segmentR(
      double[][] x,
      double[] y,
      double[] weights,
      int[] order,
      int m,
      double[] means,
      double yMean,
      double[] pre,
      double prew,
      int s,
      int n,
      double[][] buf,
      double[] swb,
      double[] r) {
    int k = m + 1;
    int lo = s * SEGMENT_ROWS;
    int hi = Math.min(n, lo + SEGMENT_ROWS);
    for (int r0 = lo; r0 < hi; r0 += BLOCK) {
      int len = Math.min(hi, r0 + BLOCK) - r0;
      double[] sw = ONES;
      if (weights != null) {
        System.arraycopy(weights, r0, swb, 0, len);
        for (int i = 0; i < len; i++) {
          swb[i] = Math.sqrt(swb[i]) * prew;
        }
        sw = swb;
      }
      for (int t = 0; t <= m; t++) {
        double[] col = t < m ? x[order[t]] : y;
        double mu = t < m ? means[order[t]] : yMean;
        double pj = t < m ? pre[order[t]] : pre[pre.length - 1];
        double[] bt = buf[t];
        System.arraycopy(col, r0, bt, 0, len);
        for (int i = 0; i < len; i++) {
          bt[i] = ((bt[i] - mu) * pj) * sw[i];
        }
      }
      stackedQr(r, k, buf, len);
    }
  }

  /**
   * Householder QR of R (k&times;k upper triangular, row-major) stacked over B (len rows, k
   * columns, one array per column): R is overwritten with the triangular factor of [R; B], B is
   * destroyed.
   */
  static void stackedQr(double[] r, int k, double[][] b, int len) {
    double[] d = new double[k];
    for (int c = 0; c < k; c++) {
      double[] bc = b[c];
      double sigma = dot(bc, bc, len);
      if (sigma == 0) {
        continue;
      }
      int rc = c * k;
      double a = r[rc + c];
      double nrm = Math.sqrt(a * a + sigma);
      double alpha = a > 0 ? -nrm : nrm;
      double v0 = a - alpha;
      double vtv = v0 * v0 + sigma;
      // all products with the reflector first (they use the columns before this reflection)
      int j = c + 1;
      for (; j + 1 < k; j += 2) {
        dot2(bc, b[j], b[j + 1], len, d, j);
      }
      if (j < k) {
        d[j] = dot(bc, b[j], len);
      }
      for (j = c + 1; j < k; j++) {
        double f = 2 * (v0 * r[rc + j] + d[j]) / vtv;
        if (f != 0) {
          r[rc + j] -= f * v0;
          double[] bj = b[j];
          for (int i = 0; i < len; i++) {
            bj[i] -= f * bc[i];
          }
        }
      }
      r[rc + c] = alpha;
    }
  }

  /** The products of c[0..len) with u[0..len) and v[0..len) into d[j] and d[j + 1]. */
  private static void dot2(double[] c, double[] u, double[] v, int len, double[] d, int j) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    int i = 0;
    for (; i + 4 <= len; i += 4) {
      double c0 = c[i];
      double c1 = c[i + 1];
      double c2 = c[i + 2];
      double c3 = c[i + 3];
      s0 = Math.fma(c0, u[i], s0);
      s1 = Math.fma(c1, u[i + 1], s1);
      s2 = Math.fma(c2, u[i + 2], s2);
      s3 = Math.fma(c3, u[i + 3], s3);
      t0 = Math.fma(c0, v[i], t0);
      t1 = Math.fma(c1, v[i + 1], t1);
      t2 = Math.fma(c2, v[i + 2], t2);
      t3 = Math.fma(c3, v[i + 3], t3);
    }
    for (; i < len; i++) {
      s0 = Math.fma(c[i], u[i], s0);
      t0 = Math.fma(c[i], v[i], t0);
    }
    d[j] = (s0 + s1) + (s2 + s3);
    d[j + 1] = (t0 + t1) + (t2 + t3);
  }

  /** Dot product of a[0..len) and b[0..len) with four partial sums. */
  private static double dot(double[] a, double[] b, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 4 <= len; i += 4) {
      s0 = Math.fma(a[i], b[i], s0);
      s1 = Math.fma(a[i + 1], b[i + 1], s1);
      s2 = Math.fma(a[i + 2], b[i + 2], s2);
      s3 = Math.fma(a[i + 3], b[i + 3], s3);
    }
    for (; i < len; i++) {
      s0 = Math.fma(a[i], b[i], s0);
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Refinement pass on one segment: residuals (stored) and, in compensated arithmetic from the
   * doubled-precision residual, &Sigma; w (x<sub>j</sub> &minus; x&#772;<sub>j</sub>) r for the
   * kept columns and &Sigma; w r, plus the plain &Sigma; w (x<sub>j</sub> &minus;
   * x&#772;<sub>j</sub>). Layout of out: pairs (sum, compensation) for q &lt; rank and for &Sigma;
   * w r at q = rank, then the plain sums.
   */
  private static void segmentGradient(
      double[][] x,
      double[] y,
      double[] weights,
      double[] beta,
      int[] useIdx,
      int[] keptCol,
      int rank,
      double[] means,
      int s,
      int n,
      double[] hi,
      double[] lo,
      double[] xb,
      double[] wb,
      double[] resid,
      double[] out) {
    int from = s * SEGMENT_ROWS;
    int to = Math.min(n, from + SEGMENT_ROWS);
    double[] pair = new double[2];
    for (int r0 = from; r0 < to; r0 += BLOCK) {
      int len = Math.min(to, r0 + BLOCK) - r0;
      CompensatedDot.residuals(x, y, beta, useIdx, r0, len, hi, lo, xb);
      System.arraycopy(hi, 0, resid, r0, len);
      double[] wv = ONES;
      if (weights != null) {
        System.arraycopy(weights, r0, wb, 0, len);
        wv = wb;
      }
      for (int q = 0; q <= rank; q++) {
        double[] xv = ONES;
        double mu = 0;
        if (q < rank) {
          System.arraycopy(x[keptCol[q]], r0, xb, 0, len);
          xv = xb;
          mu = means[keptCol[q]];
        }
        // four interleaved compensated sums (Ogita, Rump and Oishi's Dot2 on the doubled residual)
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double c3 = 0;
        double sx = 0;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
          {
            double xc = xv[i] - mu;
            double t1 = wv[i] * xc;
            double e1 = Math.fma(wv[i], xc, -t1);
            double pr = t1 * hi[i];
            double pe = Math.fma(t1, hi[i], -pr) + (t1 * lo[i] + e1 * hi[i]);
            double t = a0 + pr;
            double z = t - a0;
            c0 += ((a0 - (t - z)) + (pr - z)) + pe;
            a0 = t;
            sx += t1;
          }
          {
            double xc = xv[i + 1] - mu;
            double t1 = wv[i + 1] * xc;
            double e1 = Math.fma(wv[i + 1], xc, -t1);
            double pr = t1 * hi[i + 1];
            double pe = Math.fma(t1, hi[i + 1], -pr) + (t1 * lo[i + 1] + e1 * hi[i + 1]);
            double t = a1 + pr;
            double z = t - a1;
            c1 += ((a1 - (t - z)) + (pr - z)) + pe;
            a1 = t;
            sx += t1;
          }
          {
            double xc = xv[i + 2] - mu;
            double t1 = wv[i + 2] * xc;
            double e1 = Math.fma(wv[i + 2], xc, -t1);
            double pr = t1 * hi[i + 2];
            double pe = Math.fma(t1, hi[i + 2], -pr) + (t1 * lo[i + 2] + e1 * hi[i + 2]);
            double t = a2 + pr;
            double z = t - a2;
            c2 += ((a2 - (t - z)) + (pr - z)) + pe;
            a2 = t;
            sx += t1;
          }
          {
            double xc = xv[i + 3] - mu;
            double t1 = wv[i + 3] * xc;
            double e1 = Math.fma(wv[i + 3], xc, -t1);
            double pr = t1 * hi[i + 3];
            double pe = Math.fma(t1, hi[i + 3], -pr) + (t1 * lo[i + 3] + e1 * hi[i + 3]);
            double t = a3 + pr;
            double z = t - a3;
            c3 += ((a3 - (t - z)) + (pr - z)) + pe;
            a3 = t;
            sx += t1;
          }
        }
        for (; i < len; i++) {
          {
            double xc = xv[i] - mu;
            double t1 = wv[i] * xc;
            double e1 = Math.fma(wv[i], xc, -t1);
            double pr = t1 * hi[i];
            double pe = Math.fma(t1, hi[i], -pr) + (t1 * lo[i] + e1 * hi[i]);
            double t = a0 + pr;
            double z = t - a0;
            c0 += ((a0 - (t - z)) + (pr - z)) + pe;
            a0 = t;
            sx += t1;
          }
        }
        pair[0] = out[2 * q];
        pair[1] = out[2 * q + 1] + ((c0 + c1) + (c2 + c3));
        twoSumInto(pair, a0);
        twoSumInto(pair, a1);
        twoSumInto(pair, a2);
        twoSumInto(pair, a3);
        out[2 * q] = pair[0];
        out[2 * q + 1] = pair[1];
        if (q < rank) {
          out[2 * rank + 2 + q] += sx;
        }
      }
    }
  }

  /** Final pass on one segment: residuals (stored) and the weighted RSS (compensated pair). */
  private static void segmentResiduals(
      double[][] x,
      double[] y,
      double[] weights,
      double[] beta,
      int[] useIdx,
      int s,
      int n,
      double[] hi,
      double[] lo,
      double[] xb,
      double[] resid,
      double[] rss) {
    int from = s * SEGMENT_ROWS;
    int to = Math.min(n, from + SEGMENT_ROWS);
    double[] acc = new double[2];
    for (int r0 = from; r0 < to; r0 += BLOCK) {
      int len = Math.min(to, r0 + BLOCK) - r0;
      CompensatedDot.residuals(x, y, beta, useIdx, r0, len, hi, lo, xb);
      System.arraycopy(hi, 0, resid, r0, len);
      double s0 = 0;
      double s1 = 0;
      int i = 0;
      if (weights == null) {
        for (; i + 2 <= len; i += 2) {
          s0 += hi[i] * hi[i];
          s1 += hi[i + 1] * hi[i + 1];
        }
        for (; i < len; i++) {
          s0 += hi[i] * hi[i];
        }
      } else {
        for (; i + 2 <= len; i += 2) {
          s0 += weights[r0 + i] * hi[i] * hi[i];
          s1 += weights[r0 + i + 1] * hi[i + 1] * hi[i + 1];
        }
        for (; i < len; i++) {
          s0 += weights[r0 + i] * hi[i] * hi[i];
        }
      }
      twoSumInto(acc, s0 + s1);
    }
    rss[2 * s] = acc[0];
    rss[2 * s + 1] = acc[1];
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

  /** Euclidean norm of column t of the row-major k&times;k matrix r. */
  private static double norm(double[] r, int t, int k) {
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      c[i] = r[i * k + t];
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
    Arrays.fill(pos, -1);
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
    Arrays.sort(a);
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
