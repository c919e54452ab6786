package org.econ4j.spatial;

import java.util.List;
import java.util.Locale;

/**
 * Summary of a weight matrix, as spdep prints a {@code listw}: number of units, links, share of
 * non-zero weights, average number of links, and the weight constants
 *
 * <ul>
 *   <li>S0 = Σ<sub>i</sub>Σ<sub>j</sub> w<sub>ij</sub>,
 *   <li>S1 = ½ Σ<sub>i</sub>Σ<sub>j</sub> (w<sub>ij</sub> + w<sub>ji</sub>)²,
 *   <li>S2 = Σ<sub>i</sub> (w<sub>i·</sub> + w<sub>·i</sub>)² (row plus column sums).
 * </ul>
 *
 * @param n number of units
 * @param links number of stored non-zero weights
 * @param percentNonZero 100·links/n²
 * @param averageLinks links/n
 * @param s0 S0
 * @param s1 S1
 * @param s2 S2
 * @param islands units without neighbours
 * @param standardization the matrix's standardisation
 */
public record WeightSummary(
    int n,
    long links,
    double percentNonZero,
    double averageLinks,
    double s0,
    double s1,
    double s2,
    List<String> islands,
    Standardization standardization) {

  /** Copies the island list. */
  public WeightSummary {
    islands = List.copyOf(islands);
  }

  /**
   * @return a multi-line description like spdep's print of a listw
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Number of regions: %d%nNumber of nonzero links: %d%nPercentage nonzero weights: %.7g%n"
            + "Average number of links: %.7g%n%s"
            + "Weights style: %s%nWeights constants summary:%n  n = %d, S0 = %.7g, S1 = %.7g,"
            + " S2 = %.7g",
        n,
        links,
        percentNonZero,
        averageLinks,
        islands.isEmpty() ? "" : islands.size() + " regions with no links\n",
        standardization.cliName(),
        n,
        s0,
        s1,
        s2);
  }
}
