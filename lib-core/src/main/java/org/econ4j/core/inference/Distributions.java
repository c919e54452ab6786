package org.econ4j.core.inference;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * p-values and quantiles of the t, normal, &chi;&sup2; and F distributions (Commons Math), with
 * infinite degrees of freedom meaning the normal (or &chi;&sup2;/q) limit. Tail probabilities are
 * computed directly in the tail (no 1 &minus; cdf cancellation), so tiny p-values stay accurate.
 * Pure functions, thread-safe.
 */
public final class Distributions {
  /** Degrees of freedom above which t is replaced by the normal (difference below 1e-12). */
  public static final double NORMAL_LIMIT = 1e10;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private Distributions() {}

  private static void checkDf(double df, String what) {
    if (!(df > 0)) {
      throw new IllegalArgumentException(what + " degrees of freedom must be > 0, got " + df);
    }
  }

  /**
   * Two-sided p-value 2&middot;P(T &gt; |t|).
   *
   * @param t statistic
   * @param df degrees of freedom (&gt; 0; infinite for the normal)
   * @return the p-value, NaN for a NaN statistic
   */
  public static double twoSidedT(double t, double df) {
    checkDf(df, "t");
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    double a = -Math.abs(t);
    if (df >= NORMAL_LIMIT) {
      return 2 * NORMAL.cumulativeProbability(a);
    }
    return 2 * new TDistribution(null, df).cumulativeProbability(a);
  }

  /**
   * Two-sided normal p-value 2&middot;&Phi;(&minus;|z|).
   *
   * @param z statistic
   * @return the p-value
   */
  public static double twoSidedNormal(double z) {
    return twoSidedT(z, Double.POSITIVE_INFINITY);
  }

  /**
   * Quantile of t (normal when df is infinite or beyond {@link #NORMAL_LIMIT}).
   *
   * @param p probability in (0, 1)
   * @param df degrees of freedom
   * @return the quantile
   */
  public static double tQuantile(double p, double df) {
    checkDf(df, "t");
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    if (df >= NORMAL_LIMIT) {
      return NORMAL.inverseCumulativeProbability(p);
    }
    return new TDistribution(null, df).inverseCumulativeProbability(p);
  }

  /**
   * Upper-tail &chi;&sup2; p-value P(X &gt; x).
   *
   * @param x statistic
   * @param df degrees of freedom
   * @return the p-value
   */
  public static double chiSquaredUpper(double x, double df) {
    checkDf(df, "chi-squared");
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x <= 0) {
      return 1;
    }
    return org.apache.commons.math3.special.Gamma.regularizedGammaQ(df / 2, x / 2);
  }

  /**
   * Upper-tail F p-value P(F &gt; f); infinite df2 gives the &chi;&sup2;(df1)/df1 limit.
   *
   * @param f statistic
   * @param df1 numerator degrees of freedom
   * @param df2 denominator degrees of freedom
   * @return the p-value
   */
  public static double fUpper(double f, double df1, double df2) {
    checkDf(df1, "F numerator");
    checkDf(df2, "F denominator");
    if (Double.isNaN(f)) {
      return Double.NaN;
    }
    if (f <= 0) {
      return 1;
    }
    if (df2 >= NORMAL_LIMIT) {
      return chiSquaredUpper(f * df1, df1);
    }
    // P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2)
    double xx = df2 / (df2 + df1 * f);
    return org.apache.commons.math3.special.Beta.regularizedBeta(xx, df2 / 2, df1 / 2);
  }

  /**
   * Quantile of &chi;&sup2;.
   *
   * @param p probability in (0, 1)
   * @param df degrees of freedom
   * @return the quantile
   */
  public static double chiSquaredQuantile(double p, double df) {
    checkDf(df, "chi-squared");
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    return new ChiSquaredDistribution(null, df).inverseCumulativeProbability(p);
  }

  /**
   * Quantile of F.
   *
   * @param p probability in (0, 1)
   * @param df1 numerator degrees of freedom
   * @param df2 denominator degrees of freedom
   * @return the quantile
   */
  public static double fQuantile(double p, double df1, double df2) {
    checkDf(df1, "F numerator");
    checkDf(df2, "F denominator");
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    if (df2 >= NORMAL_LIMIT) {
      return chiSquaredQuantile(p, df1) / df1;
    }
    return new FDistribution(null, df1, df2).inverseCumulativeProbability(p);
  }
}
