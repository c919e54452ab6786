package org.econ4j.spatial;

import java.util.List;

/**
 * Local Moran statistics (LISA, Anselin 1995) for every unit, in weight-matrix order: I<sub>i</sub>
 * = (z<sub>i</sub>/m<sub>2</sub>) Σ<sub>j</sub> w<sub>ij</sub> z<sub>j</sub> with z = x − x̄ and
 * m<sub>2</sub> = Σ z<sub>i</sub>²/n (spdep {@code localmoran}), its expectation −w<sub>i·</sub>/(n
 * − 1), and conditional-permutation pseudo p-values.
 *
 * <p>Reference: Anselin (1995), Local indicators of spatial association — LISA, <i>Geographical
 * Analysis</i> 27(2), 93–115.
 */
public final class LocalMoranResult {
  private final List<String> ids;
  private final double[] statistic;
  private final double[] expectation;
  private final double[] pValue;
  private final String[] quadrant;
  private final int permutations;

  LocalMoranResult(
      List<String> ids,
      double[] statistic,
      double[] expectation,
      double[] pValue,
      String[] quadrant,
      int permutations) {
    this.ids = List.copyOf(ids);
    this.statistic = statistic;
    this.expectation = expectation;
    this.pValue = pValue;
    this.quadrant = quadrant;
    this.permutations = permutations;
  }

  /**
   * @return unit ids, aligned with the arrays
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * @return I<sub>i</sub> per unit (copy)
   */
  public double[] statistic() {
    return statistic.clone();
  }

  /**
   * @return E[I<sub>i</sub>] = −w<sub>i·</sub>/(n − 1) per unit (copy)
   */
  public double[] expectation() {
    return expectation.clone();
  }

  /**
   * @return conditional-permutation pseudo p-values (copy); NaN for islands
   */
  public double[] pValue() {
    return pValue.clone();
  }

  /**
   * @return the Moran-scatterplot quadrant of each unit: {@code high-high}, {@code low-low}, {@code
   *     high-low}, {@code low-high} (sign of z<sub>i</sub>, then of its lag), or {@code none} for
   *     islands
   */
  public List<String> quadrants() {
    return List.of(quadrant);
  }

  /**
   * @return number of permutation draws per unit
   */
  public int permutations() {
    return permutations;
  }
}
