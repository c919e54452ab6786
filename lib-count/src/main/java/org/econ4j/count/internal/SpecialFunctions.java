package org.econ4j.count.internal;

/**
 * Log-gamma, digamma and trigamma for positive arguments, plus {@code log1pexp} and an
 * overflow-guarded {@code exp}, written for the likelihood loops: no allocation, no branches on
 * rare cases in the common path.
 *
 * <p>Algorithm: for x &ge; {@value #ASYMPTOTIC_FROM} the Stirling / de Moivre asymptotic series
 * with Bernoulli-number coefficients (Abramowitz &amp; Stegun 6.1.41, 6.3.18, 6.4.12), truncated
 * after the x<sup>&minus;13</sup> (log-gamma), x<sup>&minus;14</sup> (digamma) and
 * x<sup>&minus;15</sup> (trigamma) terms, so the first omitted term is below 1e-17 relative; for
 * smaller x the recurrences &Gamma;(x + 1) = x&Gamma;(x), &psi;(x + 1) = &psi;(x) + 1/x and
 * &psi;&prime;(x + 1) = &psi;&prime;(x) &minus; 1/x&sup2; shift the argument up (for log-gamma the
 * shifted factors are multiplied and one logarithm taken). Accuracy (tested against Commons Math
 * {@code Gamma.logGamma/digamma/trigamma} on a grid from 1e-8 to 1e12): about 1e-14 relative, or
 * 1e-14 absolute near the zeros of log-gamma (x = 1, 2) and of digamma (x &asymp; 1.4616).
 *
 * <p>Non-positive or NaN arguments give NaN (the count likelihoods only evaluate them at positive
 * arguments).
 */
public final class SpecialFunctions {
  private SpecialFunctions() {}

  /** Arguments from which the asymptotic series are used directly. */
  static final double ASYMPTOTIC_FROM = 12.0;

  /** ln(2&pi;)/2. */
  private static final double HALF_LOG_2PI = 0.9189385332046727417803297;

  /** Largest argument of {@link #safeExp}: exp(700) &asymp; 1.01e304, far from overflow. */
  public static final double MAX_EXP_ARG = 700.0;

  /**
   * ln &Gamma;(x) for x &gt; 0.
   *
   * @param x the argument
   * @return ln &Gamma;(x); NaN for x &le; 0 or NaN; +&infin; for x = +&infin;
   */
  public static double lgamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      return stirling(x);
    }
    if (x < 1e-300) {
      // Gamma(x) ~ 1/x for tiny x
      return -Math.log(x);
    }
    // shift up: lnGamma(x) = lnGamma(x + n) - ln(x (x+1) ... (x+n-1))
    double prod = x;
    double z = x + 1.0;
    while (z < ASYMPTOTIC_FROM) {
      prod *= z;
      z += 1.0;
    }
    return stirling(z) - Math.log(prod);
  }

  private static double stirling(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double r = 1.0 / x;
    double r2 = r * r;
    double series =
        r
            * (1.0 / 12
                + r2
                    * (-1.0 / 360
                        + r2
                            * (1.0 / 1260
                                + r2
                                    * (-1.0 / 1680
                                        + r2
                                            * (1.0 / 1188
                                                + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }

  /**
   * Digamma &psi;(x) = d ln &Gamma;(x) / dx for x &gt; 0.
   *
   * @param x the argument
   * @return &psi;(x); NaN for x &le; 0 or NaN
   */
  public static double digamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    double acc = 0.0;
    while (x < ASYMPTOTIC_FROM) {
      acc -= 1.0 / x;
      x += 1.0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double r = 1.0 / x;
    double r2 = r * r;
    double series =
        r2
            * (1.0 / 12
                + r2
                    * (-1.0 / 120
                        + r2
                            * (1.0 / 252
                                + r2
                                    * (-1.0 / 240
                                        + r2
                                            * (1.0 / 132
                                                + r2 * (-691.0 / 32760 + r2 * (1.0 / 12)))))));
    return acc + Math.log(x) - 0.5 * r - series;
  }

  /**
   * Trigamma &psi;&prime;(x) for x &gt; 0.
   *
   * @param x the argument
   * @return &psi;&prime;(x); NaN for x &le; 0 or NaN
   */
  public static double trigamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    double acc = 0.0;
    while (x < ASYMPTOTIC_FROM) {
      acc += 1.0 / (x * x);
      x += 1.0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return acc;
    }
    double r = 1.0 / x;
    double r2 = r * r;
    double series =
        r
            * (1.0
                + r
                    * (0.5
                        + r
                            * (1.0 / 6
                                + r2
                                    * (-1.0 / 30
                                        + r2
                                            * (1.0 / 42
                                                + r2
                                                    * (-1.0 / 30
                                                        + r2
                                                            * (5.0 / 66
                                                                + r2
                                                                    * (-691.0 / 2730
                                                                        + r2 * (7.0 / 6)))))))));
    return acc + series;
  }

  /**
   * &psi;(a + y) &minus; &psi;(a) for a &gt; 0 and a non-negative count y: a finite sum of 1/(a +
   * j) for small integer y (exact and cheaper), the digamma difference otherwise.
   *
   * @param a positive argument
   * @param y non-negative count
   * @return the difference
   */
  public static double digammaDiff(double a, double y) {
    if (y == 0) {
      return 0.0;
    }
    if (y <= 8 && y == Math.rint(y)) {
      double s = 0.0;
      for (int j = 0; j < (int) y; j++) {
        s += 1.0 / (a + j);
      }
      return s;
    }
    return digamma(a + y) - digamma(a);
  }

  /**
   * &psi;&prime;(a + y) &minus; &psi;&prime;(a) for a &gt; 0 and a non-negative count y (finite sum
   * of &minus;1/(a + j)&sup2; for small integer y).
   *
   * @param a positive argument
   * @param y non-negative count
   * @return the difference (&le; 0)
   */
  public static double trigammaDiff(double a, double y) {
    if (y == 0) {
      return 0.0;
    }
    if (y <= 8 && y == Math.rint(y)) {
      double s = 0.0;
      for (int j = 0; j < (int) y; j++) {
        double t = a + j;
        s -= 1.0 / (t * t);
      }
      return s;
    }
    return trigamma(a + y) - trigamma(a);
  }

  /**
   * ln(1 + e<sup>x</sup>) without overflow or loss of precision.
   *
   * @param x the argument
   * @return ln(1 + e<sup>x</sup>)
   */
  public static double log1pexp(double x) {
    if (x > 36.0) {
      return x + Math.exp(-x);
    }
    if (x < -37.0) {
      return Math.exp(x);
    }
    return Math.log1p(Math.exp(x));
  }

  /**
   * e<sup>x</sup> with the argument capped at {@value #MAX_EXP_ARG}, so linear predictors that run
   * away during a line search give a large finite value instead of +&infin; (and later NaN). NaN
   * stays NaN.
   *
   * @param x the argument
   * @return e<sup>min(x, 700)</sup>
   */
  public static double safeExp(double x) {
    return Math.exp(x > MAX_EXP_ARG ? MAX_EXP_ARG : x);
  }
}
