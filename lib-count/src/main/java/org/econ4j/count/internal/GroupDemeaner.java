package org.econ4j.count.internal;

import java.util.Arrays;

/**
 * Weighted demeaning over one or more fixed-effect dimensions by plain alternating projections
 * (each sweep subtracts the weighted group means of every dimension in turn), for the separation
 * checks. A single dimension is exact in one sweep, which is where the separation checks use it;
 * with two or more dimensions they use the shared accelerated {@code Demeaner} of lib-panel.
 *
 * <p>Convergence: the largest absolute group mean removed in a sweep falls below the tolerance.
 */
public final class GroupDemeaner {
  private final int[][] codes;
  private final int[] levels;
  private final double[] w;
  private final double[][] weightSums;
  private final double[][] sums;

  /**
   * @param codes per dimension, a code per row in 0 &hellip; levels[d] &minus; 1
   * @param levels number of levels per dimension
   * @param weights weight per row (positive), or null for ones
   */
  public GroupDemeaner(int[][] codes, int[] levels, double[] weights) {
    this.codes = codes;
    this.levels = levels;
    this.w = weights;
    int dims = codes.length;
    weightSums = new double[dims][];
    sums = new double[dims][];
    for (int d = 0; d < dims; d++) {
      weightSums[d] = new double[levels[d]];
      sums[d] = new double[levels[d]];
      int[] c = codes[d];
      for (int i = 0; i < c.length; i++) {
        weightSums[d][c[i]] += w == null ? 1.0 : w[i];
      }
    }
  }

  /**
   * Demeans {@code v} into {@code out} (may be the same array).
   *
   * @param v values per row
   * @param out output per row
   * @param tol convergence tolerance on the largest group mean removed in a sweep
   * @param maxSweeps maximum sweeps
   * @return number of sweeps used (maxSweeps + 1 if not converged)
   */
  public int demean(double[] v, double[] out, double tol, int maxSweeps) {
    if (out != v) {
      System.arraycopy(v, 0, out, 0, v.length);
    }
    int dims = codes.length;
    for (int sweep = 1; sweep <= maxSweeps; sweep++) {
      double maxMean = 0;
      for (int d = 0; d < dims; d++) {
        int[] c = codes[d];
        double[] s = sums[d];
        double[] ws = weightSums[d];
        Arrays.fill(s, 0.0);
        if (w == null) {
          for (int i = 0; i < c.length; i++) {
            s[c[i]] += out[i];
          }
        } else {
          for (int i = 0; i < c.length; i++) {
            s[c[i]] += w[i] * out[i];
          }
        }
        for (int g = 0; g < levels[d]; g++) {
          s[g] /= ws[g];
          maxMean = Math.max(maxMean, Math.abs(s[g]));
        }
        for (int i = 0; i < c.length; i++) {
          out[i] -= s[c[i]];
        }
      }
      if (maxMean < tol || dims == 1) {
        return sweep;
      }
    }
    return maxSweeps + 1;
  }
}
