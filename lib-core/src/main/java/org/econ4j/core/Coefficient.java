package org.econ4j.core;

import java.util.Objects;

/**
 * One estimated coefficient with its inference. {@code statistic} is a t statistic or a z statistic
 * depending on the result ({@link RegressionResult#usesZ()}); the p-value is two-sided; the
 * confidence interval is at the result's confidence level (95 % by default). JSON names: {@code
 * term, estimate, stdError, statistic, pValue, ciLow, ciHigh}.
 *
 * @param term the display name as the formula writes it, e.g. {@code log(dist_km)}
 * @param estimate the estimate
 * @param stdError its standard error
 * @param statistic estimate / stdError
 * @param pValue two-sided p-value
 * @param ciLow lower confidence bound
 * @param ciHigh upper confidence bound
 */
public record Coefficient(
    String term,
    double estimate,
    double stdError,
    double statistic,
    double pValue,
    double ciLow,
    double ciHigh) {

  /**
   * @throws NullPointerException if term is null
   */
  public Coefficient {
    Objects.requireNonNull(term, "term");
  }
}
