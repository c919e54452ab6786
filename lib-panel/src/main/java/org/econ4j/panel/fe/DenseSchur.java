package org.econ4j.panel.fe;

import java.util.function.Consumer;

/**
 * The Schur complement S = D<sub>R</sub>'W(I − P<sub>L</sub>)D<sub>R</sub> of the intercept-only
 * normal equations after eliminating the largest dimension L, written out as a dense matrix when
 * the remaining dimensions R have few levels in all (at most {@link #MAX_LEVELS}, e.g. the years of
 * a unit + year model), with a Cholesky factor that skips null pivots (S is singular: one null
 * direction per connected component of the fixed-effect graph).
 *
 * <p>S = D<sub>R</sub>'WD<sub>R</sub> − U'diag(1/W<sub>g</sub>)U, with U the L-groups' weighted
 * counts of R's levels (groups × m) and W<sub>g</sub> the groups' weights. It depends only on the
 * fixed effects and the weights, so one build serves every column of a demeaning call: each column
 * then costs the pass that forms its right-hand side, an m×m triangular solve and the pass that
 * recovers L's coefficients and the residual, instead of one more pass over the rows per
 * conjugate-gradient step. The build is one pass over the rows (writing U for a chunk of groups at
 * a time, column-major) and, per chunk, m(m + 1)/2 dot products of length the chunk's group count.
 * With one remaining dimension S is a weighted graph Laplacian (every row has a level in R, so its
 * rows sum to zero), and its diagonal is formed as minus the sum of the off-diagonal entries rather
 * than as Σw − Σu²/W, which would cancel away the digits of small weights next to large ones. The
 * caller checks each solve with the Jacobi criterion of the iterative solvers and falls back to
 * them when it fails.
 *
 * <p>Immutable after construction; shared by the columns of one call.
 */
final class DenseSchur {

  /** Largest number of remaining levels for which S is written out. */
  static final int MAX_LEVELS = 64;

  /** L-groups per chunk of the build (fixed, so the sums do not depend on the threads). */
  static final int CHUNK_GROUPS = 4096;

  /**
   * Largest build work per row: (groups × m(m + 1)/2) / rows, the dot-product work relative to a
   * pass over the rows.
   */
  static final double MAX_WORK_PER_ROW = 16;

  /** A pivot below this fraction of its diagonal entry is a null direction and is skipped. */
  static final double NULL_PIVOT = 1e-10;

  /** Number of remaining levels (the compact index space). */
  final int m;

  /** Row-major S. */
  private final double[] s;

  /** Lower Cholesky factor, row-major; rows and columns of skipped pivots are zero. */
  private final double[] l;

  private final boolean[] skip;

  private DenseSchur(int m, double[] s) {
    this.m = m;
    this.s = s;
    this.l = new double[m * m];
    this.skip = new boolean[m];
    factor();
  }

  /**
   * Whether S is worth writing out for these sizes.
   *
   * @param rows rows
   * @param groups levels of the largest dimension
   * @param m remaining levels
   * @return whether to build
   */
  static boolean worthIt(int rows, int groups, int m) {
    return m > 0
        && m <= MAX_LEVELS
        && (double) groups * m * (m + 1) / 2 <= MAX_WORK_PER_ROW * Math.max(rows, 1);
  }

  /**
   * Builds S. The L-groups are split into fixed chunks, each summed into its own m×m partial (the
   * chunks run through {@code runner}, possibly in parallel); the partials are added in chunk
   * order, so the result is the same for any number of threads.
   *
   * @param s the rows sorted by the largest dimension
   * @param rc codes of the remaining dimensions in sorted row order
   * @param roc compact offsets of the remaining dimensions
   * @param m total remaining levels
   * @param sw weights in sorted row order, or null
   * @param diagW Σw of each remaining level (compact order): the diagonal of D_R'WD_R with one
   *     remaining dimension
   * @param runner runs the chunk tasks (in any order, possibly concurrently) and returns when all
   *     are done
   * @return S with its factor
   */
  static DenseSchur build(
      SortedRows s,
      int[][] rc,
      int[] roc,
      int m,
      double[] sw,
      double[] diagW,
      Consumer<Runnable[]> runner) {
    int[] start = s.start;
    int gl = start.length - 1;
    int chunks = Math.max(1, (gl + CHUNK_GROUPS - 1) / CHUNK_GROUPS);
    double[][] part = new double[chunks][];
    Runnable[] tasks = new Runnable[chunks];
    for (int c = 0; c < chunks; c++) {
      final int ch = c;
      tasks[c] =
          () -> {
            int g0 = ch * CHUNK_GROUPS;
            int g1 = Math.min(gl, g0 + CHUNK_GROUPS);
            part[ch] = partial(start, rc, roc, m, sw, g0, g1);
          };
    }
    runner.accept(tasks);
    double[] a = part[0];
    for (int c = 1; c < chunks; c++) {
      double[] p = part[c];
      for (int i = 0; i < a.length; i++) {
        a[i] += p[i];
      }
    }
    // the lower triangle was summed; mirror it
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < i; j++) {
        a[j * m + i] = a[i * m + j];
      }
    }
    if (rc.length == 1) {
      // S_aa = Σ_g u_ga (W_g − u_ga)/W_g = −Σ_{b≠a} S_ab: formed without the cancellation of
      // Σw − Σ u²/W (which loses the digits of small weights next to large ones)
      for (int i = 0; i < m; i++) {
        double d = 0;
        for (int j = 0; j < m; j++) {
          if (j != i) {
            d -= a[i * m + j];
          }
        }
        a[i * m + i] = d;
      }
    }
    return new DenseSchur(m, a);
  }

  /**
   * The lower triangle of Σ over the L-groups [g0, g1) of (Σ<sub>r</sub> w d d' − u u'/W), without
   * the diagonal Σ w d d' when one dimension remains (the caller adds it).
   */
  private static double[] partial(
      int[] start, int[][] rc, int[] roc, int m, double[] sw, int g0, int g1) {
    int nr = rc.length;
    double[] a = new double[m * m];
    int ng = g1 - g0;
    // column-major: level k of group gi at k * ld + gi; the leading dimension is padded so that the
    // m columns do not map to the same cache sets (a power-of-two stride would)
    int ld = ng + 9;
    double[] u = new double[m * ld];
    double[] inv = new double[ng];
    if (nr == 1) {
      // one remaining dimension (unit + year): only U and the group weights
      int[] c0 = rc[0];
      int o0 = roc[0];
      for (int g = g0; g < g1; g++) {
        int gi = g - g0;
        double t = 0;
        int hi = start[g + 1];
        for (int q = start[g]; q < hi; q++) {
          double w = sw == null ? 1.0 : sw[q];
          t += w;
          u[(o0 + c0[q]) * ld + gi] += w;
        }
        inv[gi] = t > 0 ? 1.0 / t : 0;
      }
    }
    for (int g = g0; g < g1 && nr > 1; g++) {
      int gi = g - g0;
      double t = 0;
      for (int q = start[g]; q < start[g + 1]; q++) {
        double w = sw == null ? 1.0 : sw[q];
        t += w;
        for (int j1 = 0; j1 < nr; j1++) {
          int k1 = roc[j1] + rc[j1][q];
          u[k1 * ld + gi] += w;
          a[k1 * m + k1] += w;
          for (int j2 = 0; j2 < j1; j2++) {
            // distinct dimensions have disjoint compact ranges: k1 != k2
            int k2 = roc[j2] + rc[j2][q];
            a[Math.max(k1, k2) * m + Math.min(k1, k2)] += w;
          }
        }
      }
      inv[gi] = t > 0 ? 1.0 / t : 0;
    }
    double[] v = new double[ng];
    for (int i = 0; i < m; i++) {
      int oi = i * ld;
      boolean any = false;
      for (int gi = 0; gi < ng; gi++) {
        double x = u[oi + gi] * inv[gi];
        v[gi] = x;
        any |= x != 0;
      }
      if (!any) {
        continue;
      }
      // one remaining dimension: S is a graph Laplacian, its diagonal follows from the rest
      int last = nr == 1 ? i - 1 : i;
      for (int j = 0; j <= last; j++) {
        a[i * m + j] -= dot(v, u, j * ld, ng);
      }
    }
    return a;
  }

  /** Σ v[g] u[off + g] over g &lt; len, in four interleaved sums. */
  private static double dot(double[] v, double[] u, int off, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int g = 0;
    for (; g + 3 < len; g += 4) {
      s0 += v[g] * u[off + g];
      s1 += v[g + 1] * u[off + g + 1];
      s2 += v[g + 2] * u[off + g + 2];
      s3 += v[g + 3] * u[off + g + 3];
    }
    for (; g < len; g++) {
      s0 += v[g] * u[off + g];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private void factor() {
    for (int k = 0; k < m; k++) {
      double d = s[k * m + k];
      for (int j = 0; j < k; j++) {
        double v = l[k * m + j];
        d -= v * v;
      }
      if (!(d > NULL_PIVOT * Math.abs(s[k * m + k]))) {
        skip[k] = true;
        continue;
      }
      double lkk = Math.sqrt(d);
      l[k * m + k] = lkk;
      for (int i = k + 1; i < m; i++) {
        double v = s[i * m + k];
        for (int j = 0; j < k; j++) {
          v -= l[i * m + j] * l[k * m + j];
        }
        l[i * m + k] = v / lkk;
      }
    }
  }

  /**
   * Solves S x = b on the non-null pivots (x is 0 at skipped ones).
   *
   * @param b right-hand side (length m)
   * @param x solution (length m), overwritten
   */
  void solve(double[] b, double[] x) {
    for (int k = 0; k < m; k++) {
      if (skip[k]) {
        x[k] = 0;
        continue;
      }
      double v = b[k];
      for (int j = 0; j < k; j++) {
        v -= l[k * m + j] * x[j];
      }
      x[k] = v / l[k * m + k];
    }
    for (int k = m - 1; k >= 0; k--) {
      if (skip[k]) {
        x[k] = 0;
        continue;
      }
      double v = x[k];
      for (int i = k + 1; i < m; i++) {
        v -= l[i * m + k] * x[i];
      }
      x[k] = v / l[k * m + k];
    }
  }

  /**
   * q = S v.
   *
   * @param v vector (length m)
   * @param q product (length m), overwritten
   */
  void multiply(double[] v, double[] q) {
    for (int i = 0; i < m; i++) {
      double t = 0;
      int row = i * m;
      for (int j = 0; j < m; j++) {
        t += s[row + j] * v[j];
      }
      q[i] = t;
    }
  }
}
