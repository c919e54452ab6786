package org.econ4j.panel.fe;

/**
 * The Schur complement S = D<sub>R</sub>′W(I − P<sub>L</sub>)D<sub>R</sub> of the fixed-effect
 * normal equations after eliminating the largest dimension L, built explicitly in compressed-row
 * form (over a compact index of the levels of the other dimensions, so every vector of the solver
 * is small). Worth building when S is much smaller than the data (e.g. a ring of firms, the {@code
 * difficult} benchmark): a product with S then costs nnz(S) instead of a pass over the rows. Built
 * from the sparse level-pair matrix C = D<sub>L</sub>′WD<sub>R</sub> as S =
 * D<sub>R</sub>′WD<sub>R</sub> − C′ diag(1/W<sub>L</sub>) C (Gustavson's row-by-row sparse product
 * with a dense accumulator). Immutable once built.
 */
final class SchurMatrix {
  final int[] rowPtr;
  final int[] col;
  final double[] val;

  /** flattened coefficient index of each compact index */
  final int[] coefIndex;

  /** Σw of each compact index's level (the Jacobi preconditioner) */
  final double[] diagW;

  private SchurMatrix(int[] rowPtr, int[] col, double[] val, int[] coefIndex, double[] diagW) {
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
    this.coefIndex = coefIndex;
    this.diagW = diagW;
  }

  /**
   * Builds S, or returns null when the product would cost more than {@code maxWork} entries or S
   * has more than {@code maxNonZeros} entries (the build stops as soon as it has; {@code
   * tooDense[0]} is then set, a verdict that depends only on the fixed effects, not the weights).
   */
  static SchurMatrix build(Problem pr, long maxWork, long maxNonZeros, boolean[] tooDense) {
    if (work(pr) > maxWork) {
      return null;
    }
    SortedRows s = pr.sorted();
    int lg = s.largest;
    int p;
    int[] start = s.start;
    double[] sw = pr.sortedW();
    double[] wl = pr.sw[lg];
    int gl = pr.levels[lg];
    int nr = pr.terms - 1;
    CompactLayout cl = pr.compact();
    int[][] rc = cl.codes;
    int[] ro = cl.offsets;
    int m = cl.size;
    int[] coefIndex = cl.coefIndex;
    double[] diagW = cl.diagW;
    p = m;
    // step 0: distinct R levels per L group (their squares summed are the work checked above)
    int[] cStart = new int[gl + 1];
    int[] counts = distinctPerGroup(start, gl, rc, ro, p);
    long total = 0;
    for (int g = 0; g < gl; g++) {
      total += counts[g];
      cStart[g + 1] = (int) total;
    }
    int[] marker = new int[p];
    // step 1: C rows (per L group: R index and weight)
    int tot = (int) total;
    int[] cIdx = new int[tot];
    double[] cW = new double[tot];
    int[] slot = new int[p];
    java.util.Arrays.fill(marker, -1);
    for (int g = 0; g < gl; g++) {
      int next = cStart[g];
      for (int q = start[g]; q < start[g + 1]; q++) {
        double wq = sw == null ? 1 : sw[q];
        for (int j = 0; j < nr; j++) {
          int idx = ro[j] + rc[j][q];
          if (marker[idx] != g) {
            marker[idx] = g;
            slot[idx] = next;
            cIdx[next] = idx;
            next++;
          }
          cW[slot[idx]] += wq;
        }
      }
    }
    // step 2: transpose (per R index: L groups and weights)
    int[] tStart = new int[p + 1];
    for (int e = 0; e < tot; e++) {
      tStart[cIdx[e] + 1]++;
    }
    for (int j = 0; j < p; j++) {
      tStart[j + 1] += tStart[j];
    }
    int[] fill = new int[p];
    System.arraycopy(tStart, 0, fill, 0, p);
    int[] tG = new int[tot];
    double[] tW = new double[tot];
    for (int g = 0; g < gl; g++) {
      for (int e = cStart[g]; e < cStart[g + 1]; e++) {
        int j = cIdx[e];
        tG[fill[j]] = g;
        tW[fill[j]] = cW[e];
        fill[j]++;
      }
    }
    // step 2b: rows (sorted positions) holding each R level, for the D_R'WD_R part
    int n = start[gl];
    int[] rStart = new int[p + 1];
    for (int q = 0; q < n; q++) {
      for (int j = 0; j < nr; j++) {
        rStart[ro[j] + rc[j][q] + 1]++;
      }
    }
    for (int j = 0; j < p; j++) {
      rStart[j + 1] += rStart[j];
    }
    System.arraycopy(rStart, 0, fill, 0, p);
    int[] rList = new int[n * nr];
    for (int q = 0; q < n; q++) {
      for (int j = 0; j < nr; j++) {
        int idx = ro[j] + rc[j][q];
        rList[fill[idx]++] = q;
      }
    }
    // step 3: rows of S
    double[] acc = new double[p];
    int[] touched = new int[p];
    java.util.Arrays.fill(marker, -1);
    int[] rowPtr = new int[p + 1];
    int cap = Math.max(16, tot);
    int[] col = new int[cap];
    double[] val = new double[cap];
    int nnz = 0;
    for (int j = 0; j < p; j++) {
      rowPtr[j] = nnz;
      if (tStart[j] == tStart[j + 1]) {
        continue;
      }
      int nt = 0;
      for (int e = rStart[j]; e < rStart[j + 1]; e++) {
        int q = rList[e];
        double wq = sw == null ? 1 : sw[q];
        for (int r = 0; r < nr; r++) {
          int j2 = ro[r] + rc[r][q];
          if (marker[j2] != j) {
            marker[j2] = j;
            acc[j2] = 0;
            touched[nt++] = j2;
          }
          acc[j2] += wq;
        }
      }
      for (int e = tStart[j]; e < tStart[j + 1]; e++) {
        int g = tG[e];
        double wgj = tW[e];
        if (!(wl[g] > 0)) {
          continue;
        }
        double f = wgj / wl[g];
        for (int e2 = cStart[g]; e2 < cStart[g + 1]; e2++) {
          int j2 = cIdx[e2];
          if (marker[j2] != j) {
            marker[j2] = j;
            acc[j2] = 0;
            touched[nt++] = j2;
          }
          acc[j2] -= f * cW[e2];
        }
      }
      if (nnz + nt > col.length) {
        int nc = Math.max(col.length * 2, nnz + nt);
        col = java.util.Arrays.copyOf(col, nc);
        val = java.util.Arrays.copyOf(val, nc);
      }
      for (int k = 0; k < nt; k++) {
        col[nnz] = touched[k];
        val[nnz] = acc[touched[k]];
        nnz++;
      }
      if (nnz > maxNonZeros) {
        tooDense[0] = true;
        return null;
      }
    }
    rowPtr[p] = nnz;
    return new SchurMatrix(
        rowPtr,
        java.util.Arrays.copyOf(col, nnz),
        java.util.Arrays.copyOf(val, nnz),
        coefIndex,
        diagW);
  }

  /**
   * The work of the product that builds S, Σ over the largest dimension's levels of (distinct other
   * levels in it)²: a property of the fixed effects only, computed once per {@link FixedEffects}
   * (one pass over the rows), so an IRLS that demeans with new weights at every iteration does not
   * recount it.
   */
  static long work(Problem pr) {
    return pr.fixedEffects()
        .schurWork(
            () -> {
              SortedRows s = pr.sorted();
              CompactLayout cl = pr.compact();
              long work = 0;
              for (int c :
                  distinctPerGroup(s.start, pr.levels[s.largest], cl.codes, cl.offsets, cl.size)) {
                work += (long) c * c;
              }
              return work;
            });
  }

  /** The number of distinct levels of the remaining dimensions in each group of the largest. */
  private static int[] distinctPerGroup(int[] start, int gl, int[][] rc, int[] ro, int m) {
    int nr = rc.length;
    int[] marker = new int[m];
    java.util.Arrays.fill(marker, -1);
    int[] counts = new int[gl];
    for (int g = 0; g < gl; g++) {
      int cnt = 0;
      for (int q = start[g]; q < start[g + 1]; q++) {
        for (int j = 0; j < nr; j++) {
          int idx = ro[j] + rc[j][q];
          if (marker[idx] != g) {
            marker[idx] = g;
            cnt++;
          }
        }
      }
      counts[g] = cnt;
    }
    return counts;
  }

  private IncompleteCholesky ic;
  private boolean icTried;

  /**
   * The IC(0) preconditioner of S, built on first use (null if it broke down at every shift).
   *
   * @return the factor or null
   */
  synchronized IncompleteCholesky preconditioner() {
    if (!icTried) {
      icTried = true;
      ic = IncompleteCholesky.of(rowPtr, col, val);
    }
    return ic;
  }

  /** The number of stored entries. */
  long nonZeros() {
    return col.length;
  }

  /** q = S v (compact indices). */
  void multiply(double[] v, double[] q) {
    int p = rowPtr.length - 1;
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int e = rowPtr[j]; e < rowPtr[j + 1]; e++) {
        s += val[e] * v[col[e]];
      }
      q[j] = s;
    }
  }
}
