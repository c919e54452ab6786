package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Coefficient;
import org.econ4j.core.RegressionResult;

/**
 * An incidence-rate ratio exp(β) of a log-link count model (Stata's {@code irr} option, the {@code
 * --irr} column of tables): the multiplicative change of the expected count for a unit increase of
 * the regressor.
 *
 * <p>Standard error by the delta method, se(exp(β)) = exp(β)·se(β); the confidence interval is the
 * exponentiated interval of β, [exp(β<sub>lo</sub>), exp(β<sub>hi</sub>)] (as Stata reports it: it
 * respects the positivity of the ratio and has the same coverage as the interval of β); the z (or
 * t) statistic and p-value are those of β (the test of β = 0, i.e. of a ratio of 1).
 *
 * @param term the regressor
 * @param irr exp(β)
 * @param stdError delta-method standard error exp(β)·se(β)
 * @param pValue p-value of the test β = 0
 * @param ciLow exp of the lower confidence bound of β
 * @param ciHigh exp of the upper confidence bound of β
 */
public record Irr(
    String term, double irr, double stdError, double pValue, double ciLow, double ciHigh) {

  /**
   * @throws NullPointerException if term is null
   */
  public Irr {
    Objects.requireNonNull(term, "term");
  }

  /**
   * The incidence-rate ratios of all estimated coefficients of a result, at its confidence level
   * and covariance type.
   *
   * @param result a Poisson or negative binomial result (any log-link model)
   * @return one ratio per estimated coefficient, in order
   */
  public static List<Irr> of(RegressionResult result) {
    Objects.requireNonNull(result, "result");
    List<Irr> r = new ArrayList<>();
    for (Coefficient c : result.coefficients()) {
      double e = Math.exp(c.estimate());
      r.add(
          new Irr(
              c.term(),
              e,
              e * c.stdError(),
              c.pValue(),
              Math.exp(c.ciLow()),
              Math.exp(c.ciHigh())));
    }
    return List.copyOf(r);
  }
}
