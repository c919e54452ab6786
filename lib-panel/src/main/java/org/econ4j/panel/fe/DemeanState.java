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

  double[] coefficientsRef(int column) {
    return coefficients[column];
  }
}
