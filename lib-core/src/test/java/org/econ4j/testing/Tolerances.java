package org.econ4j.testing;

/** Named test tolerances, each with its reason. */
public final class Tolerances {
  private Tolerances() {}

  /** Closed-form or well-conditioned estimates (OLS, Poisson) against fixest/plm: 1e-8 relative. */
  public static final double COEF = 1e-8;

  /**
   * Standard errors against reference software: 1e-6 relative (sandwich algebra and demeaning
   * tolerance).
   */
  public static final double SE = 1e-6;

  /** Iterative maximum likelihood (negative binomial): 1e-6 relative on coefficients. */
  public static final double ML_COEF = 1e-6;

  /** Iterative maximum likelihood standard errors: 1e-5 relative. */
  public static final double ML_SE = 1e-5;

  /** Spatial weights: exact arithmetic up to 1e-12. */
  public static final double WEIGHTS = 1e-12;

  /** Descriptive statistics printed by R with 10 significant digits: 1e-9 relative. */
  public static final double PRINTED_10 = 1e-9;

  /** Pure algebraic identities evaluated in floating point. */
  public static final double ALGEBRA = 1e-10;

  /**
   * Relative difference |a − b| / max(|b|, tiny), or the absolute difference when b is zero.
   *
   * @param actual computed value
   * @param expected reference value
   * @return the relative error
   */
  public static double relErr(double actual, double expected) {
    if (expected == 0) {
      return Math.abs(actual);
    }
    return Math.abs(actual - expected) / Math.abs(expected);
  }

  /**
   * The "log relative error" of the NIST StRD certification: −log10(|a − b| / |b|), capped at 15.
   *
   * @param actual computed value
   * @param expected certified value
   * @return number of correct significant digits
   */
  public static double lre(double actual, double expected) {
    double re = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
    if (re == 0) {
      return 15;
    }
    return Math.min(15, -Math.log10(re));
  }
}
