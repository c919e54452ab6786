package org.econ4j.panel.fe;

import java.util.Arrays;

/**
 * Demeans one column: finds the fixed-effect coefficients c minimising Σ w (y − D c)² and returns
 * the residual r = y − D c. Three algorithms share the convergence criterion (see {@link
 * #changed(double, double)}):
 *
 * <ul>
 *   <li>alternating projections in residual form (Gauss–Seidel over the dimensions: each step
 *       subtracts the weighted group means of the current residual for one dimension), accelerated
 *       by Irons–Tuck extrapolation in coefficient space every two sweeps;
 *   <li>for exactly two intercept dimensions, the same iteration in coefficient space over the
 *       distinct level pairs, with the state being the smaller dimension's coefficients;
 *   <li>preconditioned conjugate gradients (block-Jacobi preconditioner) on the normal equations
 *       D'W D c = D'W y, over rows or, for two dimensions, over level pairs; for intercept-only
 *       dimensions on the Schur complement after eliminating the largest dimension, in the compact
 *       index space of the others' levels, with the product either explicit ({@link SchurMatrix})
 *       or one pass over the rows sorted by the largest dimension ({@link SortedRows}); with the
 *       explicit form the preconditioner is the incomplete Cholesky factor IC(0) of S ({@link
 *       IncompleteCholesky}), which on weakly connected graphs (chains of firms) cuts the
 *       iterations many-fold; the convergence test is unchanged (the Jacobi step, see below).
 * </ul>
 *
 * With {@link Demeaner.Method#AUTO}, three or more intercept-only dimensions, and two whose smaller
 * has at most {@link Problem#SMALL_TWO_WAY_LEVELS} levels, go to the Schur-complement CG at once;
 * otherwise projections run first and CG takes over after the switch iterations.
 *
 * <p>All work arrays are allocated before the loops; the loops allocate nothing. One instance per
 * column; not thread-safe.
 */
final class ColumnSolver {
  private final Problem pr;
  private final double tol;
  private final int maxIter;
  private final Demeaner.Method method;
  private final int switchIter;

  int iterations;
  boolean converged;
  double lastChange = Double.NaN;
  boolean usedCg;

  /** set when a solver already wrote the final residual */
  private boolean residualDone;

  // general AP state
  private boolean recompute;
  private int pending;
  private double[][] s0;
  private double[][] s1;
  private double[][] dA;
  private double[][] dS;
  private final double[] blk = new double[2];
  private boolean sweepConverged;
  private double sweepChange;

  ColumnSolver(Problem pr, double tol, int maxIter, Demeaner.Method method, int switchIter) {
    this.pr = pr;
    this.tol = tol;
    this.maxIter = maxIter;
    this.method = method;
    this.switchIter = switchIter;
  }

  /** Whether a coefficient moved by d to value v is still changing (fixest-style criterion). */
  private boolean changed(double d, double v) {
    double ad = Math.abs(d);
    return ad > tol && ad / (0.1 + Math.abs(v)) > tol;
  }

  /**
   * The quantity that {@link #changed(double, double)} compares with the tolerance: min(|d|, |d| /
   * (0.1 + |v|)), so that a coefficient has converged exactly when it is &le; tol. The reported
   * {@code lastChange} is its maximum over the coefficients of the last check.
   */
  private static double criterion(double d, double v) {
    double ad = Math.abs(d);
    return Math.min(ad, ad / (0.1 + Math.abs(v)));
  }

  /**
   * Demeans y, starting from (and updating) the coefficients c.
   *
   * @return the demeaned column
   */
  double[] solve(double[] y, double[] c) {
    double[] r = new double[pr.n];
    int apBudget;
    switch (method) {
      case ALTERNATING_PROJECTIONS:
        apBudget = maxIter;
        break;
      case CONJUGATE_GRADIENT:
        apBudget = 0;
        break;
      default:
        // three or more intercept dimensions: CG on the Schur complement needs far fewer passes
        // over the rows than projections even on well-connected graphs (5 vs 8 x 3 on base_dgp)
        apBudget =
            (pr.interceptsOnly && pr.terms >= 3) || pr.twoWayRows
                ? 0
                : Math.min(switchIter, maxIter);
    }
    boolean done = false;
    if (apBudget > 0) {
      done = pr.pairs != null ? apTwoWay(y, c, apBudget) : apGeneral(y, c, r, apBudget);
    }
    if (!done && iterations < maxIter) {
      usedCg = true;
      done = cg(y, c, r, maxIter - iterations);
    }
    converged = done;
    if (!residualDone) {
      residual(y, c, r);
    }
    return r;
  }

  // ------------------------------------------------------------------ residual and contributions

  private void residual(double[] y, double[] c, double[] r) {
    int n = pr.n;
    if (pr.interceptsOnly && pr.terms == 2) {
      int[] g0 = pr.codes[0];
      int[] g1 = pr.codes[1];
      int o0 = pr.layout[0][0];
      int o1 = pr.layout[1][0];
      for (int i = 0; i < n; i++) {
        r[i] = y[i] - c[o0 + g0[i]] - c[o1 + g1[i]];
      }
      return;
    }
    if (pr.interceptsOnly && pr.terms == 3) {
      int[] g0 = pr.codes[0];
      int[] g1 = pr.codes[1];
      int[] g2 = pr.codes[2];
      int o0 = pr.layout[0][0];
      int o1 = pr.layout[1][0];
      int o2 = pr.layout[2][0];
      for (int i = 0; i < n; i++) {
        r[i] = y[i] - c[o0 + g0[i]] - c[o1 + g1[i]] - c[o2 + g2[i]];
      }
      return;
    }
    System.arraycopy(y, 0, r, 0, n);
    for (int k = 0; k < pr.terms; k++) {
      int[] g = pr.codes[k];
      int oi = pr.layout[k][0];
      int os = pr.layout[k][1];
      if (oi >= 0) {
        for (int i = 0; i < n; i++) {
          r[i] -= c[oi + g[i]];
        }
      }
      if (os >= 0) {
        double[] x = pr.x[k];
        for (int i = 0; i < n; i++) {
          r[i] -= c[os + g[i]] * x[i];
        }
      }
    }
  }

  private double contribution(double[] c, int i) {
    double v = 0;
    for (int k = 0; k < pr.terms; k++) {
      int g = pr.codes[k][i];
      int oi = pr.layout[k][0];
      int os = pr.layout[k][1];
      if (oi >= 0) {
        v += c[oi + g];
      }
      if (os >= 0) {
        v += c[os + g] * pr.x[k][i];
      }
    }
    return v;
  }

  // ------------------------------------------------------------------ general AP

  private boolean apGeneral(double[] y, double[] c, double[] r, int budget) {
    int kk = pr.terms;
    int p = pr.coefficients;
    s0 = new double[kk][];
    s1 = new double[kk][];
    dA = new double[kk][];
    dS = new double[kk][];
    for (int k = 0; k < kk; k++) {
      s0[k] = new double[pr.levels[k]];
      dA[k] = new double[pr.levels[k]];
      if (pr.x[k] != null) {
        s1[k] = new double[pr.levels[k]];
        dS[k] = new double[pr.levels[k]];
      }
    }
    double[] cX = new double[p];
    double[] cGX = new double[p];
    recompute = true;
    pending = -1;
    int it = 0;
    boolean conv = false;
    while (it < budget) {
      System.arraycopy(c, 0, cX, 0, p);
      sweep(y, c, r);
      it++;
      if (sweepConverged) {
        conv = true;
        break;
      }
      if (it >= budget) {
        break;
      }
      System.arraycopy(c, 0, cGX, 0, p);
      sweep(y, c, r);
      it++;
      if (sweepConverged) {
        conv = true;
        break;
      }
      // Irons–Tuck: X' = GGX − (δGX·δ²X / δ²X·δ²X) δGX
      double num = 0;
      double den = 0;
      for (int j = 0; j < p; j++) {
        double dgx = c[j] - cGX[j];
        double d2 = dgx - (cGX[j] - cX[j]);
        num += dgx * d2;
        den += d2 * d2;
      }
      if (den > 0) {
        double f = num / den;
        for (int j = 0; j < p; j++) {
          c[j] -= f * (c[j] - cGX[j]);
        }
        recompute = true;
        pending = -1;
      }
    }
    iterations += it;
    lastChange = sweepChange;
    return conv;
  }

  /** One Gauss–Seidel sweep over the terms; sets sweepConverged and sweepChange. */
  private void sweep(double[] y, double[] c, double[] r) {
    boolean conv = true;
    double maxChange = 0;
    for (int k = 0; k < pr.terms; k++) {
      pass(k, y, c, r);
      int oi = pr.layout[k][0];
      int os = pr.layout[k][1];
      double[] a0 = s0[k];
      double[] a1 = s1[k];
      double[] da = dA[k];
      double[] ds = dS[k];
      int gk = pr.levels[k];
      if (a1 == null) {
        double[] sw = pr.sw[k];
        for (int g = 0; g < gk; g++) {
          double d = sw[g] > 0 ? a0[g] / sw[g] : 0;
          da[g] = d;
          double v = c[oi + g] + d;
          c[oi + g] = v;
          double ad = criterion(d, v);
          if (ad > maxChange) {
            maxChange = ad;
          }
          if (conv && changed(d, v)) {
            conv = false;
          }
        }
      } else {
        for (int g = 0; g < gk; g++) {
          pr.solveBlock(k, g, a0[g], a1[g], blk);
          da[g] = blk[0];
          ds[g] = blk[1];
          if (oi >= 0) {
            double v = c[oi + g] + blk[0];
            c[oi + g] = v;
            maxChange = Math.max(maxChange, criterion(blk[0], v));
            if (conv && changed(blk[0], v)) {
              conv = false;
            }
          }
          double v = c[os + g] + blk[1];
          c[os + g] = v;
          maxChange = Math.max(maxChange, criterion(blk[1], v));
          if (conv && changed(blk[1], v)) {
            conv = false;
          }
        }
      }
      pending = k;
    }
    sweepConverged = conv;
    sweepChange = maxChange;
    if (conv) {
      // bring r up to date with the last term's change (the caller recomputes r from c anyway)
      pending = -1;
    }
  }

  /**
   * One pass over the rows: brings r up to date (recompute from c, or subtract the pending term's
   * change) and accumulates Σ w r (and Σ w x r) per group of term k.
   */
  private void pass(int k, double[] y, double[] c, double[] r) {
    int n = pr.n;
    int[] gk = pr.codes[k];
    double[] xk = pr.x[k];
    double[] a0 = s0[k];
    double[] a1 = s1[k];
    double[] w = pr.w;
    Arrays.fill(a0, 0);
    if (a1 != null) {
      Arrays.fill(a1, 0);
    }
    if (recompute && pr.interceptsOnly) {
      int[] off = pr.interceptOffsets;
      int[][] cd = pr.codes;
      int kk = pr.terms;
      for (int i = 0; i < n; i++) {
        double v = y[i];
        for (int t = 0; t < kk; t++) {
          v -= c[off[t] + cd[t][i]];
        }
        r[i] = v;
        a0[gk[i]] += w == null ? v : w[i] * v;
      }
      recompute = false;
      return;
    }
    if (recompute) {
      for (int i = 0; i < n; i++) {
        double v = y[i] - contribution(c, i);
        r[i] = v;
        double wv = w == null ? v : w[i] * v;
        a0[gk[i]] += wv;
        if (a1 != null) {
          a1[gk[i]] += wv * xk[i];
        }
      }
      recompute = false;
      return;
    }
    if (pending < 0) {
      for (int i = 0; i < n; i++) {
        double wv = w == null ? r[i] : w[i] * r[i];
        a0[gk[i]] += wv;
        if (a1 != null) {
          a1[gk[i]] += wv * xk[i];
        }
      }
      return;
    }
    int[] gp = pr.codes[pending];
    double[] xp = pr.x[pending];
    double[] dap = dA[pending];
    double[] dsp = dS[pending];
    if (xp == null && a1 == null) {
      if (w == null) {
        for (int i = 0; i < n; i++) {
          double v = r[i] - dap[gp[i]];
          r[i] = v;
          a0[gk[i]] += v;
        }
      } else {
        for (int i = 0; i < n; i++) {
          double v = r[i] - dap[gp[i]];
          r[i] = v;
          a0[gk[i]] += w[i] * v;
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int h = gp[i];
      double v = r[i] - dap[h];
      if (xp != null) {
        v -= dsp[h] * xp[i];
      }
      r[i] = v;
      double wv = w == null ? v : w[i] * v;
      a0[gk[i]] += wv;
      if (a1 != null) {
        a1[gk[i]] += wv * xk[i];
      }
    }
  }

  // ------------------------------------------------------------------ two-way path

  private boolean apTwoWay(double[] y, double[] c, int budget) {
    PairTable t = pr.pairs;
    int ga = pr.levels[0];
    int gb = pr.levels[1];
    double[] sya = new double[ga];
    double[] syb = new double[gb];
    sumsTwoWay(y, sya, syb);
    double[] aa = new double[ga];
    double[] ab = new double[gb];
    boolean stateB = gb <= ga;
    int m = stateB ? gb : ga;
    double[] x0 = new double[m];
    double[] gx = new double[m];
    double[] ggx = new double[m];
    System.arraycopy(c, stateB ? ga : 0, x0, 0, m);
    int it = 0;
    boolean conv = false;
    double change = Double.NaN;
    while (it < budget) {
      change = mapTwoWay(t, sya, syb, aa, ab, stateB, x0, gx);
      it++;
      if (!changedAny(x0, gx)) {
        System.arraycopy(gx, 0, x0, 0, m);
        conv = true;
        break;
      }
      if (it >= budget) {
        System.arraycopy(gx, 0, x0, 0, m);
        break;
      }
      change = mapTwoWay(t, sya, syb, aa, ab, stateB, gx, ggx);
      it++;
      if (!changedAny(gx, ggx)) {
        System.arraycopy(ggx, 0, x0, 0, m);
        conv = true;
        break;
      }
      double num = 0;
      double den = 0;
      for (int j = 0; j < m; j++) {
        double dgx = ggx[j] - gx[j];
        double d2 = dgx - (gx[j] - x0[j]);
        num += dgx * d2;
        den += d2 * d2;
      }
      double f = den > 0 ? num / den : 0;
      for (int j = 0; j < m; j++) {
        x0[j] = ggx[j] - f * (ggx[j] - gx[j]);
      }
    }
    // derive the other dimension from the final state, write both into c
    if (stateB) {
      deriveA(t, sya, x0, aa);
      System.arraycopy(aa, 0, c, 0, ga);
      System.arraycopy(x0, 0, c, ga, gb);
    } else {
      deriveB(t, syb, x0, ab);
      System.arraycopy(x0, 0, c, 0, ga);
      System.arraycopy(ab, 0, c, ga, gb);
    }
    iterations += it;
    lastChange = change;
    return conv;
  }

  private void sumsTwoWay(double[] y, double[] sya, double[] syb) {
    int[] a = pr.codes[0];
    int[] b = pr.codes[1];
    double[] w = pr.w;
    int n = pr.n;
    if (w == null) {
      for (int i = 0; i < n; i++) {
        sya[a[i]] += y[i];
        syb[b[i]] += y[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        double wy = w[i] * y[i];
        sya[a[i]] += wy;
        syb[b[i]] += wy;
      }
    }
  }

  private boolean changedAny(double[] before, double[] after) {
    for (int j = 0; j < before.length; j++) {
      if (changed(after[j] - before[j], after[j])) {
        return true;
      }
    }
    return false;
  }

  /**
   * One full map of the two-way iteration; returns the largest {@link #criterion(double, double)}
   * of the state's changes (the value compared with the tolerance by {@code changedAny}).
   */
  private double mapTwoWay(
      PairTable t,
      double[] sya,
      double[] syb,
      double[] aa,
      double[] ab,
      boolean stateB,
      double[] in,
      double[] out) {
    if (stateB) {
      deriveA(t, sya, in, aa);
      deriveB(t, syb, aa, out);
    } else {
      deriveB(t, syb, in, ab);
      deriveA(t, sya, ab, out);
    }
    double mx = 0;
    for (int j = 0; j < in.length; j++) {
      mx = Math.max(mx, criterion(out[j] - in[j], out[j]));
    }
    return mx;
  }

  /** α_a[g] = (Σ_{rows in g} w y − Σ_{pairs (g,h)} W_gh α_b[h]) / W_g. */
  private void deriveA(PairTable t, double[] sya, double[] ab, double[] aa) {
    int[] start = t.startA;
    int[] pb = t.pairB;
    double[] pw = pr.pairW;
    double[] wa = pr.sw[0];
    for (int g = 0; g < aa.length; g++) {
      double acc = sya[g];
      for (int p = start[g]; p < start[g + 1]; p++) {
        acc -= pw[p] * ab[pb[p]];
      }
      aa[g] = wa[g] > 0 ? acc / wa[g] : 0;
    }
  }

  /** α_b[h] = (Σ_{rows in h} w y − Σ_{pairs (g,h)} W_gh α_a[g]) / W_h. */
  private void deriveB(PairTable t, double[] syb, double[] aa, double[] ab) {
    int[] pa = t.pairA;
    int[] pb = t.pairB;
    double[] pw = pr.pairW;
    double[] wb = pr.sw[1];
    System.arraycopy(syb, 0, ab, 0, ab.length);
    int np = t.pairs;
    for (int p = 0; p < np; p++) {
      ab[pb[p]] -= pw[p] * aa[pa[p]];
    }
    for (int h = 0; h < ab.length; h++) {
      ab[h] = wb[h] > 0 ? ab[h] / wb[h] : 0;
    }
  }

  // ------------------------------------------------------------------ conjugate gradients

  private boolean cg(double[] y, double[] c, double[] r, int budget) {
    if (pr.schurApplies() && (pr.terms >= 3 || pr.twoWayRows || pr.schur() != null)) {
      // three or more dimensions: always; two: only when the explicit Schur complement is cheap
      return cgSchur(y, c, r, budget);
    }
    int p = pr.coefficients;
    int m;
    int[][] rc;
    double[][] rx;
    double[] rw;
    double[] b = new double[p];
    if (pr.pairs != null) {
      PairTable t = pr.pairs;
      m = t.pairs;
      rc = new int[][] {t.pairA, t.pairB};
      rx = new double[2][];
      rw = pr.pairW;
      double[] sya = new double[pr.levels[0]];
      double[] syb = new double[pr.levels[1]];
      sumsTwoWay(y, sya, syb);
      System.arraycopy(sya, 0, b, 0, sya.length);
      System.arraycopy(syb, 0, b, sya.length, syb.length);
    } else {
      m = pr.n;
      rc = pr.codes;
      rx = pr.x;
      rw = pr.w;
      for (int i = 0; i < m; i++) {
        double wy = rw == null ? y[i] : rw[i] * y[i];
        for (int k = 0; k < pr.terms; k++) {
          int g = rc[k][i];
          int oi = pr.layout[k][0];
          int os = pr.layout[k][1];
          if (oi >= 0) {
            b[oi + g] += wy;
          }
          if (os >= 0) {
            b[os + g] += wy * rx[k][i];
          }
        }
      }
    }
    double[] res = new double[p];
    double[] z = new double[p];
    double[] dir = new double[p];
    double[] q = new double[p];
    matvec(m, rc, rx, rw, c, q);
    for (int j = 0; j < p; j++) {
      res[j] = b[j] - q[j];
    }
    boolean conv = precondition(res, z, c);
    if (conv) {
      return true;
    }
    System.arraycopy(z, 0, dir, 0, p);
    double rz = dot(res, z);
    int it = 0;
    while (it < budget) {
      matvec(m, rc, rx, rw, dir, q);
      double pq = dot(dir, q);
      it++;
      if (!(pq > 0)) {
        break;
      }
      double a = rz / pq;
      for (int j = 0; j < p; j++) {
        c[j] += a * dir[j];
        res[j] -= a * q[j];
      }
      if (precondition(res, z, c)) {
        conv = true;
        break;
      }
      double rzNew = dot(res, z);
      double beta = rzNew / rz;
      rz = rzNew;
      for (int j = 0; j < p; j++) {
        dir[j] = z[j] + beta * dir[j];
      }
    }
    iterations += it;
    return conv;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** q = D'W D v over the row set. */
  private void matvec(int m, int[][] rc, double[][] rx, double[] rw, double[] v, double[] q) {
    Arrays.fill(q, 0);
    int kk = pr.terms;
    int[][] lay = pr.layout;
    if (pr.interceptsOnly && kk == 3) {
      int[] g0 = rc[0];
      int[] g1 = rc[1];
      int[] g2 = rc[2];
      int o0 = lay[0][0];
      int o1 = lay[1][0];
      int o2 = lay[2][0];
      for (int i = 0; i < m; i++) {
        int a = o0 + g0[i];
        int bb = o1 + g1[i];
        int cc = o2 + g2[i];
        double u = v[a] + v[bb] + v[cc];
        if (rw != null) {
          u *= rw[i];
        }
        q[a] += u;
        q[bb] += u;
        q[cc] += u;
      }
      return;
    }
    if (pr.interceptsOnly) {
      int[] off = pr.interceptOffsets;
      for (int i = 0; i < m; i++) {
        double u = 0;
        for (int k = 0; k < kk; k++) {
          u += v[off[k] + rc[k][i]];
        }
        if (rw != null) {
          u *= rw[i];
        }
        for (int k = 0; k < kk; k++) {
          q[off[k] + rc[k][i]] += u;
        }
      }
      return;
    }
    if (kk == 2 && rx[0] == null && rx[1] == null && lay[0][0] >= 0 && lay[1][0] >= 0) {
      int[] g0 = rc[0];
      int[] g1 = rc[1];
      int o0 = lay[0][0];
      int o1 = lay[1][0];
      for (int i = 0; i < m; i++) {
        int a = o0 + g0[i];
        int bb = o1 + g1[i];
        double u = v[a] + v[bb];
        if (rw != null) {
          u *= rw[i];
        }
        q[a] += u;
        q[bb] += u;
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      double u = 0;
      for (int k = 0; k < kk; k++) {
        int g = rc[k][i];
        if (lay[k][0] >= 0) {
          u += v[lay[k][0] + g];
        }
        if (lay[k][1] >= 0) {
          u += v[lay[k][1] + g] * rx[k][i];
        }
      }
      if (rw != null) {
        u *= rw[i];
      }
      for (int k = 0; k < kk; k++) {
        int g = rc[k][i];
        if (lay[k][0] >= 0) {
          q[lay[k][0] + g] += u;
        }
        if (lay[k][1] >= 0) {
          q[lay[k][1] + g] += u * rx[k][i];
        }
      }
    }
  }

  /**
   * z = M⁻¹ res with the block-Jacobi preconditioner (per group of each term); returns whether
   * every component of z (the step one projection would take) is within tolerance.
   */
  private boolean precondition(double[] res, double[] z, double[] c) {
    boolean conv = true;
    double mx = 0;
    for (int k = 0; k < pr.terms; k++) {
      int oi = pr.layout[k][0];
      int os = pr.layout[k][1];
      for (int g = 0; g < pr.levels[k]; g++) {
        pr.solveBlock(k, g, oi >= 0 ? res[oi + g] : 0, os >= 0 ? res[os + g] : 0, blk);
        if (oi >= 0) {
          z[oi + g] = blk[0];
          mx = Math.max(mx, criterion(blk[0], c[oi + g]));
          if (conv && changed(blk[0], c[oi + g])) {
            conv = false;
          }
        }
        if (os >= 0) {
          z[os + g] = blk[1];
          mx = Math.max(mx, criterion(blk[1], c[os + g]));
          if (conv && changed(blk[1], c[os + g])) {
            conv = false;
          }
        }
      }
    }
    lastChange = mx;
    return conv;
  }

  // ------------------------------------------------------------------ Schur-complement CG

  /**
   * Conjugate gradients on the Schur complement after eliminating the largest dimension L: S =
   * D_R'W(I − P_L)D_R, with P_L the weighted projection on L's indicators. Rows are visited grouped
   * by L (sorted layout), so one pass computes S v. Jacobi preconditioner Σw per level (IC(0) of S
   * when S is explicit); convergence is judged on the Jacobi step (b − S c)/Σw, the weighted group
   * mean of the current residual, as for the other solvers.
   */
  private boolean cgSchur(double[] y, double[] c, double[] out, int budget) {
    SortedRows s = pr.sorted();
    int lg = s.largest;
    int p = pr.coefficients;
    int[] start = s.start;
    int[] order = s.order;
    double[] sw = pr.sortedW();
    double[] wl = pr.sw[lg];
    int gl = pr.levels[lg];
    int kk = pr.terms;
    int nr = kk - 1;
    int[][] rc = new int[nr][];
    int[] ro = new int[nr];
    int t = 0;
    for (int k = 0; k < kk; k++) {
      if (k != lg) {
        rc[t] = s.codes[k];
        ro[t] = pr.layout[k][0];
        t++;
      }
    }
    int maxGroup = 0;
    for (int g = 0; g < gl; g++) {
      maxGroup = Math.max(maxGroup, start[g + 1] - start[g]);
    }
    double[] buf = new double[maxGroup];
    double[] ys = new double[maxGroup];
    // b = D_R' W (I − P_L) y
    double[] b = new double[p];
    if (nr == 2 && sw == null) {
      // the common case, specialised (unweighted, two other dimensions)
      int[] c0 = rc[0];
      int[] c1 = rc[1];
      int o0 = ro[0];
      int o1 = ro[1];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int q = lo; q < hi; q++) {
          double v = y[order == null ? q : order[q]];
          ys[q - lo] = v;
          m += v;
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int q = lo; q < hi; q++) {
          double v = ys[q - lo] - m;
          b[o0 + c0[q]] += v;
          b[o1 + c1[q]] += v;
        }
      }
    } else if (nr == 1 && sw != null) {
      // the IRLS of unit + year: one remaining dimension, weighted
      int[] c0 = rc[0];
      int o0 = ro[0];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int q = lo; q < hi; q++) {
          double v = y[order == null ? q : order[q]];
          ys[q - lo] = v;
          m += sw[q] * v;
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int q = lo; q < hi; q++) {
          b[o0 + c0[q]] += (ys[q - lo] - m) * sw[q];
        }
      }
    } else {
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int q = lo; q < hi; q++) {
          double v = y[order == null ? q : order[q]];
          ys[q - lo] = v;
          m += sw == null ? v : sw[q] * v;
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int q = lo; q < hi; q++) {
          double v = ys[q - lo] - m;
          if (sw != null) {
            v *= sw[q];
          }
          for (int j = 0; j < nr; j++) {
            b[ro[j] + rc[j][q]] += v;
          }
        }
      }
    }
    DenseSchur dense = pr.denseSchur();
    if (dense != null && denseSolve(dense, b, c)) {
      // the check on the true operator: D_R'W r of the final residual, summed in the same pass
      double[] check = new double[p];
      largestAndResidual(y, c, s, rc, ro, sw, wl, lg, buf, out, check);
      if (denseAccepted(check, c)) {
        return true;
      }
      residualDone = false; // the explicit S lost too much to rounding: iterate from its solution
    }
    SchurMatrix explicit = pr.twoWayRows || dense != null ? null : pr.schur();
    if (explicit != null) {
      boolean done =
          cgCompact(
              explicit::multiply,
              explicit.preconditioner(),
              explicit.coefIndex,
              explicit.diagW,
              b,
              c,
              budget);
      largestAndResidual(y, c, s, rc, ro, sw, wl, lg, buf, out, null);
      return done;
    }
    // implicit: iterate in the compact index space of the other dimensions' levels (vectors of
    // their size, not of all coefficients); the product is one pass over the sorted rows
    CompactLayout cl = pr.compact();
    int[] roc = cl.offsets;
    int[] ci = cl.coefIndex;
    double[] dw = cl.diagW;
    boolean done =
        cgCompact((v, q) -> schurMatvec(s, rc, roc, sw, wl, buf, v, q), null, ci, dw, b, c, budget);
    largestAndResidual(y, c, s, rc, ro, sw, wl, lg, buf, out, null);
    return done;
  }

  /**
   * Solves the Schur system directly with the dense factor and accepts the solution when the Jacobi
   * step of its residual b − S x meets the convergence criterion (it does unless S is too
   * ill-conditioned for the factor; the iterative solver then continues from x). Costs no pass over
   * the rows.
   */
  private boolean denseSolve(DenseSchur dense, double[] bFull, double[] c) {
    int[] ci = pr.compact().coefIndex;
    double[] dw = pr.compact().diagW;
    int m = dense.m;
    double[] b = new double[m];
    for (int j = 0; j < m; j++) {
      b[j] = bFull[ci[j]];
    }
    double[] x = new double[m];
    dense.solve(b, x);
    double[] res = new double[m];
    dense.multiply(x, res);
    for (int j = 0; j < m; j++) {
      res[j] = b[j] - res[j];
      c[ci[j]] = x[j];
    }
    iterations++;
    return jacobi(res, b, x, dw);
  }

  /**
   * Whether the dense solution passes the convergence test on the true operator: the Jacobi step
   * (D_R'W r)/Σw of the final residual r, for every remaining level.
   */
  private boolean denseAccepted(double[] check, double[] c) {
    int[] ci = pr.compact().coefIndex;
    double[] dw = pr.compact().diagW;
    int m = ci.length;
    double[] res = new double[m];
    double[] x = new double[m];
    for (int j = 0; j < m; j++) {
      res[j] = check[ci[j]];
      x[j] = c[ci[j]];
    }
    return jacobi(res, new double[m], x, dw);
  }

  /** The dimension whose intercepts start at the given offset. */
  private int dimOf(int offset) {
    for (int k = 0; k < pr.terms; k++) {
      if (pr.layout[k][0] == offset) {
        return k;
      }
    }
    throw new IllegalStateException("no dimension at offset " + offset);
  }

  /** A product with the Schur complement in compact indices. */
  private interface Product {
    void apply(double[] v, double[] q);
  }

  /**
   * One pass in sorted order: the largest dimension's coefficients (weighted group means of y − D_R
   * c_R) and the final residual y − D_R c_R − D_L c_L, written in the original row order.
   */
  private void largestAndResidual(
      double[] y,
      double[] c,
      SortedRows s,
      int[][] rc,
      int[] ro,
      double[] sw,
      double[] wl,
      int lg,
      double[] buf,
      double[] out,
      double[] check) {
    int[] start = s.start;
    int[] order = s.order;
    int gl = wl.length;
    int nr = rc.length;
    int ol = pr.layout[lg][0];
    int[] c0 = rc[0];
    int[] c1 = nr > 1 ? rc[1] : null;
    int o0 = ro[0];
    int o1 = nr > 1 ? ro[1] : 0;
    if (nr == 1 && sw != null && order == null) {
      // the IRLS of unit + year on rows sorted by unit: one remaining dimension, weighted
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int q = lo; q < hi; q++) {
          double v = y[q] - c[o0 + c0[q]];
          buf[q - lo] = v;
          m += sw[q] * v;
        }
        double mean = wl[g] > 0 ? m / wl[g] : 0;
        c[ol + g] = mean;
        if (check == null) {
          for (int q = lo; q < hi; q++) {
            out[q] = buf[q - lo] - mean;
          }
        } else {
          for (int q = lo; q < hi; q++) {
            double r = buf[q - lo] - mean;
            out[q] = r;
            check[o0 + c0[q]] += sw[q] * r;
          }
        }
      }
      residualDone = true;
      return;
    }
    for (int g = 0; g < gl; g++) {
      int lo = start[g];
      int hi = start[g + 1];
      double m = 0;
      for (int q = lo; q < hi; q++) {
        double v = y[order == null ? q : order[q]] - c[o0 + c0[q]];
        if (nr == 2) {
          v -= c[o1 + c1[q]];
        } else {
          for (int j = 1; j < nr; j++) {
            v -= c[ro[j] + rc[j][q]];
          }
        }
        buf[q - lo] = v;
        m += sw == null ? v : sw[q] * v;
      }
      double mean = wl[g] > 0 ? m / wl[g] : 0;
      c[ol + g] = mean;
      for (int q = lo; q < hi; q++) {
        double r = buf[q - lo] - mean;
        out[order == null ? q : order[q]] = r;
        if (check != null) {
          double wr = sw == null ? r : sw[q] * r;
          for (int j = 0; j < nr; j++) {
            check[ro[j] + rc[j][q]] += wr;
          }
        }
      }
    }
    residualDone = true;
  }

  /** Jacobi-preconditioned CG on the explicit Schur complement, in its compact index space. */
  private boolean cgCompact(
      Product op,
      IncompleteCholesky ic,
      int[] ci,
      double[] dw,
      double[] bFull,
      double[] c,
      int budget) {
    int m = ci.length;
    double[] icWork = ic == null ? null : new double[m];
    double[] x = new double[m];
    double[] res = new double[m];
    double[] z = new double[m];
    double[] dir = new double[m];
    double[] q = new double[m];
    boolean cold = true;
    for (int j = 0; j < m; j++) {
      x[j] = c[ci[j]];
      cold &= x[j] == 0;
    }
    if (cold) {
      for (int j = 0; j < m; j++) {
        res[j] = bFull[ci[j]]; // S·0 = 0: saves a product (a pass over the rows if implicit)
      }
    } else {
      op.apply(x, q);
      for (int j = 0; j < m; j++) {
        res[j] = bFull[ci[j]] - q[j];
      }
    }
    boolean conv = jacobi(res, z, x, dw);
    int it = 0;
    if (!conv) {
      if (ic != null) {
        ic.solve(res, z, icWork);
      }
      System.arraycopy(z, 0, dir, 0, m);
      double rz = dot(res, z);
      while (it < budget) {
        op.apply(dir, q);
        double pq = dot(dir, q);
        it++;
        if (!(pq > 0)) {
          break;
        }
        double a = rz / pq;
        for (int j = 0; j < m; j++) {
          x[j] += a * dir[j];
          res[j] -= a * q[j];
        }
        if (jacobi(res, z, x, dw)) {
          conv = true;
          break;
        }
        if (ic != null) {
          ic.solve(res, z, icWork);
        }
        double rzNew = dot(res, z);
        double beta = rzNew / rz;
        rz = rzNew;
        for (int j = 0; j < m; j++) {
          dir[j] = z[j] + beta * dir[j];
        }
      }
    }
    for (int j = 0; j < m; j++) {
      c[ci[j]] = x[j];
    }
    iterations += it;
    return conv;
  }

  private boolean jacobi(double[] res, double[] z, double[] x, double[] dw) {
    boolean conv = true;
    double mx = 0;
    for (int j = 0; j < res.length; j++) {
      double d = dw[j] > 0 ? res[j] / dw[j] : 0;
      z[j] = d;
      double ad = criterion(d, x[j]);
      if (ad > mx) {
        mx = ad;
      }
      if (conv && changed(d, x[j])) {
        conv = false;
      }
    }
    lastChange = mx;
    return conv;
  }

  private void schurMatvec(
      SortedRows s,
      int[][] rc,
      int[] ro,
      double[] sw,
      double[] wl,
      double[] buf,
      double[] v,
      double[] q) {
    Arrays.fill(q, 0);
    int[] start = s.start;
    int nr = rc.length;
    int gl = wl.length;
    if (nr == 1 && sw == null) {
      int[] c0 = rc[0];
      int o0 = ro[0];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int r = lo; r < hi; r++) {
          m += v[o0 + c0[r]];
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int r = lo; r < hi; r++) {
          q[o0 + c0[r]] += v[o0 + c0[r]] - m;
        }
      }
      return;
    }
    if (nr == 2 && sw == null) {
      int[] c0 = rc[0];
      int[] c1 = rc[1];
      int o0 = ro[0];
      int o1 = ro[1];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int r = lo; r < hi; r++) {
          double u = v[o0 + c0[r]] + v[o1 + c1[r]];
          buf[r - lo] = u;
          m += u;
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int r = lo; r < hi; r++) {
          double u = buf[r - lo] - m;
          q[o0 + c0[r]] += u;
          q[o1 + c1[r]] += u;
        }
      }
      return;
    }
    if (nr == 2) {
      int[] c0 = rc[0];
      int[] c1 = rc[1];
      int o0 = ro[0];
      int o1 = ro[1];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int r = lo; r < hi; r++) {
          double u = v[o0 + c0[r]] + v[o1 + c1[r]];
          buf[r - lo] = u;
          m += sw == null ? u : sw[r] * u;
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int r = lo; r < hi; r++) {
          double u = buf[r - lo] - m;
          if (sw != null) {
            u *= sw[r];
          }
          q[o0 + c0[r]] += u;
          q[o1 + c1[r]] += u;
        }
      }
      return;
    }
    if (nr == 1) {
      // weighted, one remaining dimension (the IRLS of unit + year): same arithmetic as below
      int[] c0 = rc[0];
      int o0 = ro[0];
      for (int g = 0; g < gl; g++) {
        int lo = start[g];
        int hi = start[g + 1];
        double m = 0;
        for (int r = lo; r < hi; r++) {
          m += sw[r] * v[o0 + c0[r]];
        }
        m = wl[g] > 0 ? m / wl[g] : 0;
        for (int r = lo; r < hi; r++) {
          int k = o0 + c0[r];
          q[k] += (v[k] - m) * sw[r];
        }
      }
      return;
    }
    for (int g = 0; g < gl; g++) {
      int lo = start[g];
      int hi = start[g + 1];
      double m = 0;
      for (int r = lo; r < hi; r++) {
        double u = 0;
        for (int j = 0; j < nr; j++) {
          u += v[ro[j] + rc[j][r]];
        }
        buf[r - lo] = u;
        m += sw == null ? u : sw[r] * u;
      }
      m = wl[g] > 0 ? m / wl[g] : 0;
      for (int r = lo; r < hi; r++) {
        double u = buf[r - lo] - m;
        if (sw != null) {
          u *= sw[r];
        }
        for (int j = 0; j < nr; j++) {
          q[ro[j] + rc[j][r]] += u;
        }
      }
    }
  }
}
