package org.econ4j.panel.fe;

import java.util.ArrayList;
import java.util.List;

/** Computes {@link FeDegreesOfFreedom}; see {@link FixedEffects#degreesOfFreedom()}. */
final class DegreesOfFreedom {
  private DegreesOfFreedom() {}

  /** Tolerance of the projections of indicator columns. */
  static final double PROJECTION_TOLERANCE = 1e-8;

  /** A Cholesky pivot below this times the level's row count counts as zero. */
  static final double PIVOT_TOLERANCE = 1e-8;

  /** Indicator columns projected at once (memory: BATCH · n doubles). */
  private static final int BATCH = 2;

  static FeDegreesOfFreedom compute(FixedEffects fe) {
    return compute(fe, true);
  }

  static FeDegreesOfFreedom compute(FixedEffects fe, boolean exactRank) {
    int coefficients = fe.coefficientCount();
    List<Integer> dims = new ArrayList<>();
    for (int d = 0; d < fe.dimensions(); d++) {
      if (fe.hasIntercept(d)) {
        dims.add(d);
      }
    }
    if (dims.isEmpty()) {
      return new FeDegreesOfFreedom(
          coefficients, 0, coefficients, 0, "varying slopes only (counted in full)", true);
    }
    if (dims.size() == 1) {
      return new FeDegreesOfFreedom(coefficients, 0, coefficients, 1, "one dimension", true);
    }
    // the two intercept dimensions with most levels
    int a = -1;
    int b = -1;
    for (int d : dims) {
      if (a < 0 || fe.levels(d) > fe.levels(a)) {
        b = a;
        a = d;
      } else if (b < 0 || fe.levels(d) > fe.levels(b)) {
        b = d;
      }
    }
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
    int comps =
        UnionFind.bipartite(fe.codesRef(a), fe.levels(a), fe.codesRef(b), fe.levels(b))
            .components();
    if (dims.size() == 2) {
      return new FeDegreesOfFreedom(
          coefficients,
          comps,
          coefficients - comps,
          comps,
          "connected components (union-find) of '" + fe.label(a) + "' and '" + fe.label(b) + "'",
          true);
    }
    List<Integer> rest = new ArrayList<>();
    int m = 0;
    for (int d : dims) {
      if (d != a && d != b) {
        rest.add(d);
        m += fe.levels(d);
      }
    }
    if (!exactRank) {
      int red = comps + rest.size();
      return new FeDegreesOfFreedom(
          coefficients,
          red,
          coefficients - red,
          comps,
          "connected components of '"
              + fe.label(a)
              + "' and '"
              + fe.label(b)
              + "' plus one per further dimension (conservative bound, as reghdfe)",
          false);
    }
    if (m > FixedEffects.EXACT_RANK_LEVEL_LIMIT) {
      int red = comps + rest.size();
      return new FeDegreesOfFreedom(
          coefficients,
          red,
          coefficients - red,
          comps,
          "connected components of '"
              + fe.label(a)
              + "' and '"
              + fe.label(b)
              + "' plus one per further dimension (conservative bound: "
              + m
              + " further levels exceed "
              + FixedEffects.EXACT_RANK_LEVEL_LIMIT
              + ")",
          false);
    }
    int rank = projectedRank(fe, a, b, rest, m);
    int red = comps + (m - rank);
    return new FeDegreesOfFreedom(
        coefficients,
        red,
        coefficients - red,
        comps,
        "connected components (union-find) of '"
            + fe.label(a)
            + "' and '"
            + fe.label(b)
            + "' + pivoted-Cholesky rank of the "
            + m
            + " further level indicators projected off them",
        true);
  }

  /** Rank of the further dimensions' indicator columns after projecting off dimensions a and b. */
  private static int projectedRank(FixedEffects fe, int a, int b, List<Integer> rest, int m) {
    int n = fe.rows();
    FixedEffects pair =
        FixedEffects.of(fe.name(a), fe.codesRef(a)).withDimension(fe.name(b), fe.codesRef(b));
    Demeaner dm =
        Demeaner.defaults().withTolerance(PROJECTION_TOLERANCE).withMaxIterations(100_000);
    int r = rest.size();
    int[] offset = new int[r];
    double[] count = new double[m];
    int o = 0;
    for (int t = 0; t < r; t++) {
      offset[t] = o;
      int[] cnt = fe.levelCounts(rest.get(t));
      for (int g = 0; g < cnt.length; g++) {
        count[o + g] = cnt[g];
      }
      o += cnt.length;
    }
    double[][] gram = new double[m][m];
    int[] colDim = new int[m];
    int[] colLevel = new int[m];
    for (int t = 0; t < r; t++) {
      for (int g = 0; g < fe.levels(rest.get(t)); g++) {
        colDim[offset[t] + g] = t;
        colLevel[offset[t] + g] = g;
      }
    }
    for (int start = 0; start < m; start += BATCH) {
      int bs = Math.min(BATCH, m - start);
      double[][] cols = new double[bs][n];
      for (int j = 0; j < bs; j++) {
        int col = start + j;
        int[] codes = fe.codesRef(rest.get(colDim[col]));
        int lev = colLevel[col];
        for (int i = 0; i < n; i++) {
          if (codes[i] == lev) {
            cols[j][i] = 1;
          }
        }
      }
      double[][] res = dm.demean(pair, cols).columns();
      for (int j = 0; j < bs; j++) {
        double[] row = gram[start + j];
        double[] e = res[j];
        for (int t = 0; t < r; t++) {
          int[] codes = fe.codesRef(rest.get(t));
          int off = offset[t];
          for (int i = 0; i < n; i++) {
            row[off + codes[i]] += e[i];
          }
        }
      }
    }
    // symmetrise, then pivoted Cholesky
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        double v = 0.5 * (gram[i][j] + gram[j][i]);
        gram[i][j] = v;
        gram[j][i] = v;
      }
    }
    return pivotedCholeskyRank(gram, count);
  }

  /** Rank of a symmetric PSD matrix by Cholesky with diagonal pivoting (destroys the matrix). */
  static int pivotedCholeskyRank(double[][] s, double[] scale) {
    int m = s.length;
    boolean[] used = new boolean[m];
    int rank = 0;
    for (int step = 0; step < m; step++) {
      int piv = -1;
      double best = 0;
      for (int j = 0; j < m; j++) {
        if (!used[j] && s[j][j] > PIVOT_TOLERANCE * scale[j] && s[j][j] / scale[j] > best) {
          best = s[j][j] / scale[j];
          piv = j;
        }
      }
      if (piv < 0) {
        break;
      }
      used[piv] = true;
      rank++;
      double d = Math.sqrt(s[piv][piv]);
      double[] l = new double[m];
      for (int j = 0; j < m; j++) {
        if (!used[j]) {
          l[j] = s[j][piv] / d;
        }
      }
      for (int j = 0; j < m; j++) {
        if (used[j]) {
          continue;
        }
        for (int k = 0; k < m; k++) {
          if (!used[k]) {
            s[j][k] -= l[j] * l[k];
          }
        }
      }
    }
    return rank;
  }
}
