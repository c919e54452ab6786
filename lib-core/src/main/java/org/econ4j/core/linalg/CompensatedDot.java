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
   * Computes r_i = y_i − Σ_j x_j[i] b_j for every row in doubled precision.
   *
   * @param x columns (only those with {@code use[j]})
   * @param b coefficients
   * @param use which columns enter
   * @param y outcome
   * @param out receives the residuals
   */
  static void residuals(double[][] x, double[] b, boolean[] use, double[] y, double[] out) {
    int n = y.length;
    for (int i = 0; i < n; i++) {
      double s = y[i];
      double c = 0;
      for (int j = 0; j < x.length; j++) {
        if (!use[j]) {
          continue;
        }
        double p = -x[j][i] * b[j];
        double pe = Math.fma(-x[j][i], b[j], -p);
        double t = s + p;
        double z = t - s;
        double se = (s - (t - z)) + (p - z);
        s = t;
        c += se + pe;
      }
      out[i] = s + c;
    }
  }
}
