package org.econ4j.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Fit statistics of a model, each optional (only those that apply are present). JSON names (see
 * {@link Stat#jsonName()}): {@code r2, adjR2, withinR2, withinAdjR2, rmse, logLik, deviance,
 * pseudoR2, aic, bic, theta, thetaStdError}. Immutable; {@code withX} returns a copy.
 */
public final class FitStats {

  /** The statistics, in the order tables show them. */
  public enum Stat {
    /** R&sup2;. */
    R2("r2"),
    /** Adjusted R&sup2;. */
    ADJ_R2("adjR2"),
    /** Within R&sup2; (after the fixed effects). */
    WITHIN_R2("withinR2"),
    /** Within adjusted R&sup2;. */
    WITHIN_ADJ_R2("withinAdjR2"),
    /** Root mean squared error. */
    RMSE("rmse"),
    /** Log-likelihood. */
    LOG_LIK("logLik"),
    /** Deviance. */
    DEVIANCE("deviance"),
    /** Pseudo R&sup2; (McFadden). */
    PSEUDO_R2("pseudoR2"),
    /** Akaike information criterion. */
    AIC("aic"),
    /** Bayesian information criterion. */
    BIC("bic"),
    /** Negative binomial dispersion &theta;. */
    THETA("theta"),
    /** Standard error of &theta;. */
    THETA_STD_ERROR("thetaStdError");

    private final String json;

    Stat(String json) {
      this.json = json;
    }

    /**
     * @return the stable JSON key
     */
    public String jsonName() {
      return json;
    }
  }

  private static final FitStats EMPTY = new FitStats(nanArray());

  private final double[] values;

  private FitStats(double[] values) {
    this.values = values;
  }

  private static double[] nanArray() {
    double[] v = new double[Stat.values().length];
    Arrays.fill(v, Double.NaN);
    return v;
  }

  /**
   * @return statistics with nothing set
   */
  public static FitStats empty() {
    return EMPTY;
  }

  /**
   * The fit statistics of an (unweighted) least-squares fit, as fixest reports them: R&sup2; = 1
   * &minus; RSS/TSS; adjusted R&sup2; = 1 &minus; (1 &minus; R&sup2;)(n &minus; 1)/(n &minus; K)
   * with K = k + F; within R&sup2; = 1 &minus; RSS/TSS<sub>within</sub> (only with fixed effects,
   * TSS<sub>within</sub> the sum of squares of the demeaned outcome); RMSE = &radic;(RSS/n);
   * log-likelihood &minus;n/2 (1 + log 2&pi; + log(RSS/n)). Verified against fixest 0.14 on its
   * trade data ({@code SandwichTradeReferenceTest}).
   *
   * @param rss residual sum of squares
   * @param tss total sum of squares around the mean
   * @param withinTss sum of squares of the demeaned outcome, or NaN without fixed effects
   * @param n observations
   * @param k kept coefficients (including an intercept)
   * @param fixefDof identified FE parameters F (0 without fixed effects)
   * @return the statistics
   */
  public static FitStats forLeastSquares(
      double rss, double tss, double withinTss, long n, int k, int fixefDof) {
    double r2 = 1 - rss / tss;
    int bigK = k + fixefDof;
    FitStats f =
        empty()
            .withR2(r2)
            .withAdjR2(1 - (1 - r2) * (n - 1.0) / (n - bigK))
            .withRmse(Math.sqrt(rss / n))
            .withLogLik(-0.5 * n * (1 + Math.log(2 * Math.PI) + Math.log(rss / n)));
    if (!Double.isNaN(withinTss)) {
      f = f.withWithinR2(1 - rss / withinTss);
    }
    return f;
  }

  /**
   * @param stat which statistic
   * @return its value, if set
   */
  public OptionalDouble get(Stat stat) {
    double v = values[Objects.requireNonNull(stat, "stat").ordinal()];
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * @param stat which statistic
   * @param value its value (not NaN)
   * @return a copy with the value set
   * @throws IllegalArgumentException if value is NaN
   */
  public FitStats with(Stat stat, double value) {
    Objects.requireNonNull(stat, "stat");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "fit statistic '" + stat.jsonName() + "' cannot be NaN; leave it unset instead");
    }
    double[] v = values.clone();
    v[stat.ordinal()] = value;
    return new FitStats(v);
  }

  /**
   * @return the set statistics keyed by JSON name, in {@link Stat} order
   */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Stat s : Stat.values()) {
      if (!Double.isNaN(values[s.ordinal()])) {
        m.put(s.jsonName(), values[s.ordinal()]);
      }
    }
    return m;
  }

  /**
   * @return R&sup2;
   */
  public OptionalDouble r2() {
    return get(Stat.R2);
  }

  /**
   * @return adjusted R&sup2;
   */
  public OptionalDouble adjR2() {
    return get(Stat.ADJ_R2);
  }

  /**
   * @return within R&sup2;
   */
  public OptionalDouble withinR2() {
    return get(Stat.WITHIN_R2);
  }

  /**
   * @return within adjusted R&sup2;
   */
  public OptionalDouble withinAdjR2() {
    return get(Stat.WITHIN_ADJ_R2);
  }

  /**
   * @return RMSE
   */
  public OptionalDouble rmse() {
    return get(Stat.RMSE);
  }

  /**
   * @return log-likelihood
   */
  public OptionalDouble logLik() {
    return get(Stat.LOG_LIK);
  }

  /**
   * @return deviance
   */
  public OptionalDouble deviance() {
    return get(Stat.DEVIANCE);
  }

  /**
   * @return pseudo R&sup2;
   */
  public OptionalDouble pseudoR2() {
    return get(Stat.PSEUDO_R2);
  }

  /**
   * @return AIC
   */
  public OptionalDouble aic() {
    return get(Stat.AIC);
  }

  /**
   * @return BIC
   */
  public OptionalDouble bic() {
    return get(Stat.BIC);
  }

  /**
   * @return &theta;
   */
  public OptionalDouble theta() {
    return get(Stat.THETA);
  }

  /**
   * @return SE of &theta;
   */
  public OptionalDouble thetaStdError() {
    return get(Stat.THETA_STD_ERROR);
  }

  /**
   * @param v R&sup2;
   * @return a copy
   */
  public FitStats withR2(double v) {
    return with(Stat.R2, v);
  }

  /**
   * @param v adjusted R&sup2;
   * @return a copy
   */
  public FitStats withAdjR2(double v) {
    return with(Stat.ADJ_R2, v);
  }

  /**
   * @param v within R&sup2;
   * @return a copy
   */
  public FitStats withWithinR2(double v) {
    return with(Stat.WITHIN_R2, v);
  }

  /**
   * @param v within adjusted R&sup2;
   * @return a copy
   */
  public FitStats withWithinAdjR2(double v) {
    return with(Stat.WITHIN_ADJ_R2, v);
  }

  /**
   * @param v RMSE
   * @return a copy
   */
  public FitStats withRmse(double v) {
    return with(Stat.RMSE, v);
  }

  /**
   * @param v log-likelihood
   * @return a copy
   */
  public FitStats withLogLik(double v) {
    return with(Stat.LOG_LIK, v);
  }

  /**
   * @param v deviance
   * @return a copy
   */
  public FitStats withDeviance(double v) {
    return with(Stat.DEVIANCE, v);
  }

  /**
   * @param v pseudo R&sup2;
   * @return a copy
   */
  public FitStats withPseudoR2(double v) {
    return with(Stat.PSEUDO_R2, v);
  }

  /**
   * @param v AIC
   * @return a copy
   */
  public FitStats withAic(double v) {
    return with(Stat.AIC, v);
  }

  /**
   * @param v BIC
   * @return a copy
   */
  public FitStats withBic(double v) {
    return with(Stat.BIC, v);
  }

  /**
   * @param v &theta;
   * @return a copy
   */
  public FitStats withTheta(double v) {
    return with(Stat.THETA, v);
  }

  /**
   * @param v SE of &theta;
   * @return a copy
   */
  public FitStats withThetaStdError(double v) {
    return with(Stat.THETA_STD_ERROR, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FitStats && Arrays.equals(values, ((FitStats) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FitStats{");
    boolean first = true;
    for (Map.Entry<String, Double> e : asMap().entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.6g", e.getValue()));
    }
    return sb.append('}').toString();
  }
}
