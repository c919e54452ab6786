package org.econ4j.core.linalg;

/**
 * Compensated (doubled-precision) accumulation after Ogita, Rump and Oishi (2005), "Accurate sum
 * and dot product", SIAM J. Sci. Comput. 26(6): products are split exactly with {@link Math#fma}
 * and sums with Knuth's TwoSum, so the result is as accurate as if computed in twice the working
 * precision and then rounded.
 */
final class CompensatedDot {
  private CompensatedDot() {}

  /**
   * Computes r<sub>i</sub> = y<sub>i</sub> &minus; &Sigma;<sub>j</sub> x<sub>j</sub>[i]
   * b<sub>j</sub> for the rows [r0, r0 + len) in doubled precision, as the unevaluated sum hi[i] +
   * lo[i] with hi[i] the correctly rounded double of the compensated sum. The loops run column by
   * column over the rows (no dependency between rows), columns in the order of {@code use}.
   *
   * @param x columns
   * @param y outcome
   * @param b coefficients
   * @param use indices of the columns that enter, increasing
   * @param r0 first row
   * @param len number of rows (at most hi.length)
   * @param hi receives the rounded residuals at [0, len)
   * @param lo receives the remainders at [0, len)
   * @param xb scratch of length at least len (the block of each column is copied there, so that the
   *     row loops run over arrays indexed alike and vectorise)
   */
  static void residuals(
      double[][] x,
      double[] y,
      double[] b,
      int[] use,
      int r0,
      int len,
      double[] hi,
      double[] lo,
      double[] xb) {
    for (int i = 0; i < len; i++) {
      hi[i] = y[r0 + i];
      lo[i] = 0;
    }
    for (int j : use) {
      double bj = b[j];
      System.arraycopy(x[j], r0, xb, 0, len);
      for (int i = 0; i < len; i++) {
        double xv = xb[i];
        double p = -xv * bj;
        double pe = Math.fma(-xv, bj, -p);
        double s = hi[i];
        double t = s + p;
        double z = t - s;
        double se = (s - (t - z)) + (p - z);
        hi[i] = t;
        lo[i] += se + pe;
      }
    }
    for (int i = 0; i < len; i++) {
      double s = hi[i];
      double c = lo[i];
      double t = s + c;
      double z = t - s;
      hi[i] = t;
      lo[i] = (s - (t - z)) + (c - z);
    }
  }
}
