package org.econ4j.count;

/**
 * Conditional fixed-effects negative binomial regression of Hausman, Hall &amp; Griliches (1984):
 * the model of Stata {@code xtnbreg, fe} and R pglm {@code family = negbin, model = "within"}.
 *
 * <p><b>Model.</b> y<sub>it</sub> is negative binomial with mean &lambda;<sub>it</sub>/&delta;
 * <sub>i</sub> and variance (&lambda;<sub>it</sub>/&delta;<sub>i</sub>)(1 + 1/&delta;<sub>i</sub>),
 * &lambda;<sub>it</sub> = exp(x<sub>it</sub>'&beta;) (an NB1-type model with a unit-specific
 * dispersion &delta;<sub>i</sub>). Conditioning on each unit's total count Y<sub>i</sub> =
 * &Sigma;<sub>t</sub> y<sub>it</sub> removes &delta;<sub>i</sub>:
 *
 * <pre>
 * ln L_i = lnG(sum_t lambda_it) + lnG(Y_i + 1) - lnG(Y_i + sum_t lambda_it)
 *          + sum_t [ lnG(lambda_it + y_it) - lnG(lambda_it) - lnG(y_it + 1) ]
 * </pre>
 *
 * <p><b>Intercept and time-invariant regressors.</b> Unlike conditional Poisson or logit, this
 * likelihood is not invariant to multiplying all &lambda;<sub>it</sub> of a unit by a constant, so
 * an intercept and regressors that are constant within units <em>are</em> identified, as in Stata
 * and pglm. Allison &amp; Waterman (2002) show why: the unit effect enters the dispersion, not the
 * mean, so the model is not a true fixed-effects model for the mean, and the coefficients of
 * time-invariant regressors reflect between-unit variation. When the aim is to control for all
 * time-invariant heterogeneity in the mean, prefer Poisson with unit fixed effects ({@link
 * ConditionalPoisson}, or {@code FePoisson} with cluster-robust SEs), or the unconditional negative
 * binomial with unit dummies ({@code FeNegBin}), whose incidental-parameter bias Allison &amp;
 * Waterman found small.
 *
 * <p><b>Data handling.</b> Units with a single observation and units whose outcomes are all zero
 * contribute nothing to the conditional likelihood (their contribution is identically zero) and are
 * dropped, each with a {@link org.econ4j.core.Note} ({@code SINGLETON}, {@code NO_VARIATION})
 * giving the counts; the log-likelihood is unchanged by dropping them. Outcomes must be
 * non-negative integers.
 *
 * <p><b>Algorithm.</b> Newton&ndash;Raphson from &beta; = 0 with the analytic gradient and Hessian
 * (log-gamma, digamma and trigamma terms), step-halving when the log-likelihood would fall (at most
 * 40 halvings), EJML Cholesky solves. Convergence when the scaled gradient g'(&minus;H)
 * <sup>&minus;1</sup>g is below {@link #tolerance()} (default {@value #DEFAULT_TOLERANCE}; Stata's
 * {@code nrtolerance} uses 1e-5), at most {@link #maxIterations()} iterations (default {@value
 * #DEFAULT_MAX_ITERATIONS}); non-convergence is reported by {@link CountFit#converged()} and a
 * {@code CONVERGENCE} note. The likelihood loop runs over units in fixed chunks on {@link
 * #threads()} threads; results are bit-identical for any thread count.
 *
 * <p><b>Standard errors.</b> {@link CountFit#vcov()} is the inverse of the negative Hessian
 * (Stata's default {@code vce(oim)}); {@link CountFit#clusterRobust(int[])} gives cluster-robust
 * sandwich SEs, which Stata does not offer for this model.
 *
 * <p>Immutable and thread-safe. Verified against pglm 0.2-4 on the patents&ndash;R&amp;D data
 * ({@code ConditionalNegBinReferenceTest}).
 *
 * <p>References: Hausman, J., Hall, B. H. &amp; Griliches, Z. (1984), "Econometric models for count
 * data with an application to the patents&ndash;R&amp;D relationship", Econometrica 52(4),
 * 909&ndash;938. Allison, P. D. &amp; Waterman, R. P. (2002), "Fixed-effects negative binomial
 * regression models", Sociological Methodology 32, 247&ndash;265. Guimar&atilde;es, P. (2008), "The
 * fixed effects negative binomial model revisited", Economics Letters 99(1), 63&ndash;66.
 */
public final class ConditionalNegBin {

  /** Default maximum number of Newton iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Default tolerance on the scaled gradient g'(&minus;H)<sup>&minus;1</sup>g. */
  public static final double DEFAULT_TOLERANCE = 1e-14;

  private static final ConditionalNegBin DEFAULTS =
      new ConditionalNegBin(
          DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, Runtime.getRuntime().availableProcessors());

  private final int maxIterations;
  private final double tolerance;
  private final int threads;

  private ConditionalNegBin(int maxIterations, double tolerance, int threads) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.threads = threads;
  }

  /**
   * @return the estimator with default settings
   */
  public static ConditionalNegBin defaults() {
    return DEFAULTS;
  }

  /**
   * @param maxIterations maximum Newton iterations, &ge; 1
   * @return a copy with that limit
   */
  public ConditionalNegBin withMaxIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    return new ConditionalNegBin(maxIterations, tolerance, threads);
  }

  /**
   * @param tolerance tolerance on the scaled gradient, &gt; 0
   * @return a copy with that tolerance
   */
  public ConditionalNegBin withTolerance(double tolerance) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    return new ConditionalNegBin(maxIterations, tolerance, threads);
  }

  /**
   * @param threads threads for the likelihood loop, &ge; 1 (results do not depend on it)
   * @return a copy using that many threads
   */
  public ConditionalNegBin withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new ConditionalNegBin(maxIterations, tolerance, threads);
  }

  /**
   * @return maximum Newton iterations
   */
  public int maxIterations() {
    return maxIterations;
  }

  /**
   * @return convergence tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @return threads used by the likelihood loop
   */
  public int threads() {
    return threads;
  }

  /**
   * Fits the model on arrays (the formula/panel front end builds these).
   *
   * @param y outcome counts, one per row (non-negative integers)
   * @param x regressors, column-major: {@code x[j][row]} (may have zero columns)
   * @param names one name per regressor
   * @param unit unit (panel) code per row, any integers
   * @param intercept whether to add an intercept, named {@code (Intercept)}, as the first
   *     coefficient (identified in this model; see the class description)
   * @return the fit
   * @throws org.econ4j.core.SpecificationException for non-count outcomes, non-finite regressors,
   *     or when no unit is left
   * @throws org.econ4j.core.EstimationException if the Hessian is not negative definite (collinear
   *     regressors)
   * @throws IllegalArgumentException if array lengths disagree
   */
  public CountFit fit(double[] y, double[][] x, String[] names, int[] unit, boolean intercept) {
    return ConditionalFitter.fit(
        CountModel.NEGBIN_CONDITIONAL,
        y,
        x,
        names,
        unit,
        intercept,
        maxIterations,
        tolerance,
        threads);
  }

  /**
   * Fits the model from a formula: {@code y ~ x1 + x2 | unit}, or {@code y ~ x1 + x2} on a panel
   * with an index (the unit is the index's unit). An intercept is estimated unless the formula says
   * {@code - 1}. Rows with missing values are dropped with notes; units with a single period or
   * only zero counts too.
   *
   * @param formula the formula (at most one fixed effect: the unit)
   * @param panel the data
   * @param vcov {@code Vcov.iid()} (inverse Hessian, Stata {@code oim}) or {@code Vcov.cluster(c)}
   *     with units nested in c (sandwich with G/(G &minus; 1)); z statistics
   * @return the result
   * @throws org.econ4j.core.SpecificationException for other covariance types, several fixed
   *     effects, or no unit
   */
  public org.econ4j.core.RegressionResult fit(
      org.econ4j.panel.formula.Formula formula,
      org.econ4j.panel.Panel panel,
      org.econ4j.core.inference.Vcov vcov) {
    return ConditionalFormulaFit.fit(
        CountModel.NEGBIN_CONDITIONAL,
        formula,
        panel,
        vcov,
        a -> fit(a.y(), a.x(), a.names(), a.unit(), a.intercept()));
  }
}
