package org.econ4j.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.panel.fe.FixedEffects;

/**
 * Exact leverages h<sub>ii</sub> of FE-OLS, for HC2/HC3.
 *
 * <p>The hat matrix of the full design [D X] (D the fixed-effect dummies) splits as the projection
 * on D plus the projection on X&#771; = M<sub>D</sub>X (Frisch&ndash;Waugh&ndash;Lovell), so
 * h<sub>ii</sub> = h<sup>D</sup><sub>ii</sub> + w<sub>i</sub>
 * x&#771;<sub>i</sub>'(X&#771;'WX&#771;) <sup>&minus;1</sup>x&#771;<sub>i</sub>. For the FE part, D
 * = [D<sub>1</sub> Z] with D<sub>1</sub> the intercept dimension with most levels and Z every other
 * fixed-effect column (dummies of the other dimensions, slope columns): h<sup>D</sup><sub>ii</sub>
 * = w<sub>i</sub>/&Sigma;<sub>g1(i)</sub> w + w<sub>i</sub>
 * z&#771;<sub>i</sub>'(Z&#771;'WZ&#771;)<sup>+</sup>z&#771;<sub>i</sub>, Z&#771; = Z minus its
 * weighted group means over D<sub>1</sub> (exact), the pseudo-inverse taken by pivoted QR
 * (redundant FE columns dropped). With one dimension only the first term remains.
 */
final class FeLeverage {
  /** Largest number of Z columns (levels beyond the largest dimension) handled exactly. */
  static final int MAX_EXTRA_COLUMNS = 2000;

  /** Largest n &times; (Z columns) handled exactly (memory). */
  static final long MAX_CELLS = 50_000_000L;

  private FeLeverage() {}

  static double[] compute(
      FixedEffects fe, double[][] xt, double[] w, double[][] bread, String vcovSpec) {
    int n = xt.length == 0 ? (fe == null ? 0 : fe.rows()) : xt[0].length;
    double[] h = new double[n];
    int k = xt.length;
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int a = 0; a < k; a++) {
        double xa = xt[a][i];
        double row = 0;
        for (int b = 0; b < k; b++) {
          row += bread[a][b] * xt[b][i];
        }
        acc += xa * row;
      }
      h[i] = (w == null ? 1 : w[i]) * acc;
    }
    if (fe == null) {
      return h;
    }
    int d1 = -1;
    for (int d = 0; d < fe.dimensions(); d++) {
      if (fe.hasIntercept(d) && (d1 < 0 || fe.levels(d) > fe.levels(d1))) {
        d1 = d;
      }
    }
    double[] groupW = null;
    int[] c1 = null;
    if (d1 >= 0) {
      c1 = fe.codes(d1);
      groupW = new double[fe.levels(d1)];
      for (int i = 0; i < n; i++) {
        groupW[c1[i]] += w == null ? 1 : w[i];
      }
      for (int i = 0; i < n; i++) {
        h[i] += (w == null ? 1 : w[i]) / groupW[c1[i]];
      }
    }
    int extra = 0;
    List<String> others = new ArrayList<>();
    for (int d = 0; d < fe.dimensions(); d++) {
      if (d != d1) {
        extra += fe.levels(d);
        others.add(fe.label(d));
      }
    }
    if (extra == 0) {
      return h;
    }
    if (extra > MAX_EXTRA_COLUMNS || (long) extra * n > MAX_CELLS) {
      throw new SpecificationException(
          String.format(
              Locale.ROOT,
              "vcov '%s' with several fixed effects needs their exact leverage, computed only for"
                  + " at most %d levels beyond the largest dimension and %d cells; the fixed"
                  + " effects '%s' have %d such levels on %d rows; use hetero (HC1) or a cluster"
                  + " vcov",
              vcovSpec,
              MAX_EXTRA_COLUMNS,
              MAX_CELLS,
              String.join(", ", others),
              extra,
              n));
    }
    double[][] z = new double[extra][];
    double[] ref = new double[extra];
    int col = 0;
    for (int d = 0; d < fe.dimensions(); d++) {
      if (d == d1) {
        continue;
      }
      int[] c = fe.codes(d);
      double[] s = fe.hasIntercept(d) ? null : fe.slopeValues(d);
      int g = fe.levels(d);
      for (int l = 0; l < g; l++) {
        z[col + l] = new double[n];
      }
      for (int i = 0; i < n; i++) {
        z[col + c[i]][i] = s == null ? 1 : s[i];
      }
      col += g;
    }
    for (int j = 0; j < extra; j++) {
      double[] zj = z[j];
      double nn = 0;
      for (int i = 0; i < n; i++) {
        nn += (w == null ? 1 : w[i]) * zj[i] * zj[i];
      }
      ref[j] = Math.sqrt(nn);
      if (c1 != null) {
        double[] sums = new double[groupW.length];
        for (int i = 0; i < n; i++) {
          sums[c1[i]] += (w == null ? 1 : w[i]) * zj[i];
        }
        for (int i = 0; i < n; i++) {
          zj[i] -= sums[c1[i]] / groupW[c1[i]];
        }
      }
    }
    double[] dummy = new double[n];
    LeastSquaresFit f = LeastSquares.defaults().fit(z, dummy, w, ref);
    int[] kept = f.keptColumns();
    double[][] b = f.bread();
    int m = kept.length;
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int a = 0; a < m; a++) {
        double za = z[kept[a]][i];
        if (za == 0) {
          continue;
        }
        double row = 0;
        for (int c = 0; c < m; c++) {
          row += b[a][c] * z[kept[c]][i];
        }
        acc += za * row;
      }
      h[i] += (w == null ? 1 : w[i]) * acc;
    }
    return h;
  }
}
