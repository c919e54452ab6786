package org.econ4j.panel.fe;

/**
 * Recovered coefficients of one fixed-effect dimension (see {@link FixedEffects#recover(double[],
 * double[][], double[])} for the normalisation).
 *
 * @param name the dimension's label ({@code fe}, {@code fe[x]} or {@code fe[[x]]})
 * @param intercepts one value per dense level, or empty for a slope-only dimension
 * @param slopes one slope per dense level, or empty without varying slopes
 */
public record FeCoefficients(String name, double[] intercepts, double[] slopes) {
  /** Copies the arrays. */
  public FeCoefficients {
    intercepts = intercepts.clone();
    slopes = slopes.clone();
  }

  /**
   * @return a copy of the intercepts
   */
  @Override
  public double[] intercepts() {
    return intercepts.clone();
  }

  /**
   * @return a copy of the slopes
   */
  @Override
  public double[] slopes() {
    return slopes.clone();
  }
}
