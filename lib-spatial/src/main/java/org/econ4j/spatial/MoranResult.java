package org.econ4j.spatial;

import java.util.Objects;

/**
 * The result of a global spatial-autocorrelation test ({@link MoranTest}): Moran's I, Geary's C or
 * Moran's I of regression residuals, with its moments under the null of no spatial autocorrelation,
 * the standard deviate and the p-value. JSON keys (command {@code moran}): {@code I} ({@link
 * #statistic()}), {@code expectation}, {@code variance}, {@code z}, {@code pValue}.
 *
 * @param test which statistic
 * @param statistic I (or C for Geary)
 * @param expectation E[statistic] under the null (the mean of the permutation draws for {@link
 *     MoranTest.Inference#PERMUTATION})
 * @param variance Var[statistic] under the null (the variance of the draws for permutations)
 * @param z standard deviate (I − E)/√Var; for Geary (1 − C)/√Var, so positive autocorrelation gives
 *     a positive z in both (as spdep)
 * @param pValue p-value for the alternative
 * @param inference how the null distribution was obtained
 * @param alternative the alternative hypothesis
 * @param n number of units used (spdep {@code adjust.n}: islands are not counted)
 * @param permutations number of permutation draws (0 for analytic inference)
 */
public record MoranResult(
    MoranTest.Statistic test,
    double statistic,
    double expectation,
    double variance,
    double z,
    double pValue,
    MoranTest.Inference inference,
    MoranTest.Alternative alternative,
    int n,
    int permutations) {

  /** Validates non-null enums. */
  public MoranResult {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(alternative, "alternative");
  }
}
