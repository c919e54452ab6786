package org.econ4j.panel.fe;

import java.util.Objects;

/**
 * The fixed-effect coefficients found by a demeaning, one vector per column, used to warm-start the
 * next demeaning of similar columns (e.g. the working response and regressors of the next IRLS
 * iteration of a count model). Obtained from {@link DemeanResult#state()}; pass it to {@link
 * Demeaner#demean(FixedEffects, double[][], double[], DemeanState)}.
 *
 * <p>Layout of each vector: for each dimension in order, its intercepts (one per level) then its
 * slopes (one per level) if it has varying slopes. The fixed-effect sum of row i is Σ<sub>k</sub>
 * α<sub>k,g(i)</sub> + γ<sub>k,g(i)</sub>·x<sub>k,i</sub>.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class DemeanState {
  private final double[][] coefficients;

  DemeanState(double[][] coefficients) {
    this.coefficients = coefficients;
  }

  /**
   * A state of zeros (a cold start) for the given fixed effects and number of columns.
   *
   * @param fe the fixed effects
   * @param columns number of columns
   * @return the state
   */
  public static DemeanState zeros(FixedEffects fe, int columns) {
    Objects.requireNonNull(fe, "fe");
    return new DemeanState(new double[columns][fe.coefficientCount()]);
  }

  /**
   * @return the number of columns
   */
  public int columns() {
    return coefficients.length;
  }

  /**
   * @param column column index
   * @return a copy of that column's fixed-effect coefficients (layout in the class comment)
   */
  public double[] coefficients(int column) {
    return coefficients[column].clone();
  }

  /**
   * The fixed-effect sum (Dc)<sub>i</sub> = Σ<sub>k</sub> α<sub>k,g(i)</sub> +
   * γ<sub>k,g(i)</sub>·x<sub>k,i</sub> of every row for one column — the part of the linear
   * predictor the fixed effects explain (for IRLS: η = Xβ + Dc); equals the column minus its
   * demeaned version.
   *
   * @param fe the fixed effects this state was computed with
   * @param column column index
   * @return one value per row
   * @throws IllegalArgumentException if the state does not fit the fixed effects
   */
  public double[] fixedEffectSum(FixedEffects fe, int column) {
    Objects.requireNonNull(fe, "fe");
    double[] c = coefficients[column];
    if (c.length != fe.coefficientCount()) {
      throw new IllegalArgumentException(
          "state has "
              + c.length
              + " coefficients per column, expected "
              + fe.coefficientCount()
              + " for these fixed effects");
    }
    int n = fe.rows();
    int[][] lay = fe.layout();
    double[] out = new double[n];
    for (int k = 0; k < fe.dimensions(); k++) {
      int[] g = fe.codesRef(k);
      if (lay[k][0] >= 0) {
        int o = lay[k][0];
        for (int i = 0; i < n; i++) {
          out[i] += c[o + g[i]];
        }
      }
      if (lay[k][1] >= 0) {
        int o = lay[k][1];
        double[] x = fe.slopeRef(k);
        for (int i = 0; i < n; i++) {
          out[i] += c[o + g[i]] * x[i];
        }
      }
    }
    return out;
  }

  double[] coefficientsRef(int column) {
    return coefficients[column];
  }
}
