package org.econ4j.panel.fe;

import java.util.function.Consumer;

/**
 * The read-only data of one demeaning call shared by all columns: the fixed-effect terms, the
 * weights and the per-group weighted moments (Σw, Σwx, Σwx²) that the projections and the
 * preconditioner need. Built once per call; never modified afterwards (so columns can be demeaned
 * concurrently).
 */
final class Problem {
  final int n;
  final int terms;
  final int[][] codes;
  final double[][] x; // null entries: no slope
  final boolean[] intercept;
  final int[] levels;
  final int[][] layout; // [k][0] intercept offset or -1, [k][1] slope offset or -1
  final int coefficients;
  final double[] w; // null: unweighted
  final double[][] sw;
  final double[][] swx; // null entries without slope
  final double[][] swxx;
  final int maxLevels;
  final boolean interceptsOnly;
  final int[] interceptOffsets;

  // two-way plain path (null otherwise)
  final PairTable pairs;
  final double[] pairW;

  // Schur-complement CG layout for three or more intercept dimensions (null otherwise)
  private final FixedEffects fe;
  private SortedRows sorted;
  private double[] sortedW;
  private boolean sortedDone;
  private SchurMatrix schur;
  private boolean schurTried;

  /** Largest work Σ (distinct levels per group)² for building the explicit Schur complement. */
  static final long SCHUR_WORK_LIMIT = 60_000_000L;

  /** Passes over the rows the explicit Schur complement may cost to build (tests set 0). */
  static volatile long schurPasses = 50;

  /** The fixed effects of this call. */
  FixedEffects fixedEffects() {
    return fe;
  }

  /** Rows sorted by the largest dimension (built on first use, cached in the fixed effects). */
  synchronized SortedRows sorted() {
    prepareSorted();
    return sorted;
  }

  /** The weights in sorted row order, or null without weights. */
  synchronized double[] sortedW() {
    prepareSorted();
    return sortedW;
  }

  private void prepareSorted() {
    if (sortedDone) {
      return;
    }
    sortedDone = true;
    sorted = fe.sortedRows();
    if (w != null && sorted.order == null) {
      sortedW = w;
    } else if (w != null) {
      double[] sw2 = new double[n];
      int[] order = sorted.order;
      for (int p = 0; p < n; p++) {
        sw2[p] = w[order == null ? p : order[p]];
      }
      sortedW = sw2;
    }
  }

  /** Whether the Schur-complement solver applies: intercepts only, at least two dimensions. */
  boolean schurApplies() {
    return interceptsOnly && terms >= 2;
  }

  /**
   * The explicit Schur complement, built on first use when building it costs at most 50 passes over
   * the rows (and {@link #SCHUR_WORK_LIMIT}) and it has fewer non-zeros than the rows times the
   * remaining dimensions (else a product with it is not cheaper than a pass over the rows; that
   * verdict is cached in the fixed effects); null otherwise. Shared by the columns.
   */
  synchronized SchurMatrix schur() {
    if (!schurTried) {
      schurTried = true;
      if (!fe.schurTooDense()) {
        // a product with S must be cheaper than the pass over the rows it replaces (which touches
        // every row once per remaining dimension); otherwise the build stops as soon as S has
        // more entries than that, and the verdict is cached
        boolean[] tooDense = new boolean[1];
        schur =
            SchurMatrix.build(
                this,
                Math.min(SCHUR_WORK_LIMIT, schurPasses * n),
                (long) n * (terms - 1),
                tooDense);
        if (tooDense[0]) {
          fe.markSchurTooDense();
        }
      }
    }
    return schur;
  }

  private DenseSchur dense;
  private boolean denseTried;

  /** Tests switch the dense Schur solver off to exercise the iterative one. */
  static volatile boolean denseDisabled;

  /**
   * The Schur complement after eliminating the largest dimension written out densely ({@link
   * DenseSchur}) by {@link #prepareDense}, or null.
   */
  synchronized DenseSchur denseSchur() {
    return dense;
  }

  /**
   * Builds the dense Schur complement ({@link #denseSchur()}) before the columns are solved, for a
   * weighted call whose columns go to the Schur-complement solver at once when the other dimensions
   * have at most {@link DenseSchur#MAX_LEVELS} levels in all; its chunks run through {@code
   * runner}.
   *
   * @param runner runs tasks and returns when all are done
   * @param method the demeaning method
   */
  synchronized void prepareDense(Consumer<Runnable[]> runner, Demeaner.Method method) {
    if (denseTried) {
      return;
    }
    denseTried = true;
    boolean atOnce =
        method != Demeaner.Method.ALTERNATING_PROJECTIONS && (terms >= 3 || twoWayRows);
    // weighted calls only (the IRLS of count models, with new weights at every iteration, where CG
    // needs 3 to 7 steps per column); without weights CG on a panel converges in one or two steps
    // (exactly one when balanced), fewer passes than the build costs
    if (!atOnce || !schurApplies() || denseDisabled || w == null) {
      return;
    }
    SortedRows s = sorted();
    CompactLayout c = compact();
    if (!DenseSchur.worthIt(n, levels[s.largest], c.size)) {
      return;
    }
    dense = DenseSchur.build(s, c.codes, c.offsets, c.size, sortedW(), c.diagW, runner);
  }

  private CompactLayout compact;

  /** The compact layout of the dimensions other than the largest (built on first use). */
  synchronized CompactLayout compact() {
    if (compact == null) {
      compact = new CompactLayout(this, sorted());
    }
    return compact;
  }

  /**
   * With two intercept dimensions, AUTO skips the pair table and runs CG on the Schur complement
   * over rows when the smaller dimension has at most this many levels (e.g. years): CG then needs
   * at most that many (in practice two or three) passes, fewer than building and iterating over a
   * pair table that hardly compresses a balanced panel.
   */
  static final int SMALL_TWO_WAY_LEVELS = 32;

  /** Whether the two-way problem runs CG on the Schur complement over rows (no pair table). */
  final boolean twoWayRows;

  Problem(FixedEffects fe, double[] weights, boolean auto) {
    n = fe.rows();
    terms = fe.dimensions();
    codes = new int[terms][];
    x = new double[terms][];
    intercept = new boolean[terms];
    levels = new int[terms];
    layout = fe.layout();
    coefficients = fe.coefficientCount();
    w = weights;
    sw = new double[terms][];
    swx = new double[terms][];
    swxx = new double[terms][];
    int mx = 0;
    for (int k = 0; k < terms; k++) {
      codes[k] = fe.codesRef(k);
      x[k] = fe.slopeRef(k);
      intercept[k] = fe.interceptRef(k);
      levels[k] = fe.levels(k);
      mx = Math.max(mx, levels[k]);
      int[] g = codes[k];
      double[] s0 = new double[levels[k]];
      if (w == null) {
        int[] cnt = fe.countsRef(k);
        for (int h = 0; h < s0.length; h++) {
          s0[h] = cnt[h];
        }
      } else {
        for (int i = 0; i < n; i++) {
          s0[g[i]] += w[i];
        }
      }
      sw[k] = s0;
      if (x[k] != null) {
        double[] s1 = new double[levels[k]];
        double[] s2 = new double[levels[k]];
        double[] xk = x[k];
        for (int i = 0; i < n; i++) {
          double wi = w == null ? 1 : w[i];
          s1[g[i]] += wi * xk[i];
          s2[g[i]] += wi * xk[i] * xk[i];
        }
        swx[k] = s1;
        swxx[k] = s2;
      }
    }
    maxLevels = mx;
    boolean io = true;
    interceptOffsets = new int[terms];
    for (int k = 0; k < terms; k++) {
      io &= intercept[k] && x[k] == null;
      interceptOffsets[k] = layout[k][0];
    }
    interceptsOnly = io;
    this.fe = fe;
    twoWayRows = auto && fe.twoWayPlain() && Math.min(levels[0], levels[1]) <= SMALL_TWO_WAY_LEVELS;
    if (fe.twoWayPlain() && !twoWayRows) {
      pairs = fe.pairTable();
      if (w == null) {
        pairW = pairs.count;
      } else {
        double[] pw = new double[pairs.pairs];
        int[] po = pairs.pairOf;
        for (int i = 0; i < n; i++) {
          pw[po[i]] += w[i];
        }
        pairW = pw;
      }
    } else {
      pairs = null;
      pairW = null;
    }
  }

  /**
   * Solves the per-group block for term k: given s0 = Σ w·r and s1 = Σ w·x·r over group g, writes
   * the intercept change to out[0] and the slope change to out[1] (the weighted least-squares fit
   * of r on the term's columns within the group).
   */
  void solveBlock(int k, int g, double s0, double s1, double[] out) {
    double a = sw[k][g];
    if (x[k] == null) {
      out[0] = a > 0 ? s0 / a : 0;
      out[1] = 0;
      return;
    }
    double c = swxx[k][g];
    if (!intercept[k]) {
      out[0] = 0;
      out[1] = c > 0 ? s1 / c : 0;
      return;
    }
    double b = swx[k][g];
    double det = a * c - b * b;
    if (a <= 0) {
      out[0] = 0;
      out[1] = 0;
    } else if (det <= 1e-12 * a * c || c <= 0) {
      // the slope variable is constant within the group: its slope is not identified
      out[0] = s0 / a;
      out[1] = 0;
    } else {
      out[0] = (c * s0 - b * s1) / det;
      out[1] = (a * s1 - b * s0) / det;
    }
  }
}
