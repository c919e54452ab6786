package org.econ4j.count;

/**
 * Conditional fixed-effects Poisson regression (Hausman, Hall &amp; Griliches 1984): the model of
 * Stata {@code xtpoisson, fe} and R pglm {@code family = poisson, model = "within"}.
 *
 * <p><b>Model.</b> y<sub>it</sub> ~ Poisson(&alpha;<sub>i</sub> exp(x<sub>it</sub>'&beta;)).
 * Conditioning on each unit's total Y<sub>i</sub> gives a multinomial likelihood free of
 * &alpha;<sub>i</sub>: ln L<sub>i</sub> = ln Y<sub>i</sub>! &minus; &Sigma;<sub>t</sub> ln
 * y<sub>it</sub>! + &Sigma;<sub>t</sub> y<sub>it</sub> ln p<sub>it</sub>, p<sub>it</sub> =
 * exp(x<sub>it</sub>'&beta;) / &Sigma;<sub>s</sub> exp(x<sub>is</sub>'&beta;). Its &beta; equals
 * the &beta; of Poisson with unit dummies (one-way {@code FePoisson}; the unit effects are
 * concentrated out exactly), so this class gives the same point estimates with the conditional
 * log-likelihood and its Hessian. An intercept and regressors without variation within units are
 * not identified and are dropped with an {@code ABSORBED} note (as pglm does).
 *
 * <p>Data handling, algorithm, defaults and standard errors are those of {@link ConditionalNegBin}:
 * single-observation and all-zero units dropped with notes, Newton&ndash;Raphson with step-halving,
 * inverse-Hessian covariance ({@code vce(oim)}) and {@link CountFit#clusterRobust(int[])}; for
 * cluster-robust SEs clustered on the unit this is Stata's {@code xtpoisson, fe vce(robust)}.
 *
 * <p>Immutable and thread-safe. Verified against pglm 0.2-4 and fixest 0.14 {@code fepois} ({@code
 * ConditionalPoissonReferenceTest}, {@code ConditionalPoissonProperties}).
 */
public final class ConditionalPoisson {

  private static final ConditionalPoisson DEFAULTS =
      new ConditionalPoisson(
          ConditionalNegBin.DEFAULT_MAX_ITERATIONS,
          ConditionalNegBin.DEFAULT_TOLERANCE,
          Runtime.getRuntime().availableProcessors());

  private final int maxIterations;
  private final double tolerance;
  private final int threads;

  private ConditionalPoisson(int maxIterations, double tolerance, int threads) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.threads = threads;
  }

  /**
   * @return the estimator with default settings (those of {@link ConditionalNegBin})
   */
  public static ConditionalPoisson defaults() {
    return DEFAULTS;
  }

  /**
   * @param maxIterations maximum Newton iterations, &ge; 1
   * @return a copy with that limit
   */
  public ConditionalPoisson withMaxIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    return new ConditionalPoisson(maxIterations, tolerance, threads);
  }

  /**
   * @param tolerance tolerance on the scaled gradient, &gt; 0
   * @return a copy with that tolerance
   */
  public ConditionalPoisson withTolerance(double tolerance) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    return new ConditionalPoisson(maxIterations, tolerance, threads);
  }

  /**
   * @param threads threads for the likelihood loop, &ge; 1 (results do not depend on it)
   * @return a copy using that many threads
   */
  public ConditionalPoisson withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new ConditionalPoisson(maxIterations, tolerance, threads);
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
   * Fits the model on arrays.
   *
   * @param y outcome counts (non-negative integers)
   * @param x regressors, column-major {@code x[j][row]}
   * @param names one name per regressor
   * @param unit unit code per row
   * @param intercept whether an intercept was requested (it is not identified and is dropped with a
   *     note)
   * @return the fit
   * @throws org.econ4j.core.SpecificationException for non-count outcomes, non-finite regressors,
   *     or when no unit or no regressor is left
   * @throws org.econ4j.core.EstimationException if the Hessian is not negative definite
   * @throws IllegalArgumentException if array lengths disagree
   */
  public CountFit fit(double[] y, double[][] x, String[] names, int[] unit, boolean intercept) {
    return ConditionalFitter.fit(
        CountModel.POISSON_CONDITIONAL,
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
        CountModel.POISSON_CONDITIONAL,
        formula,
        panel,
        vcov,
        a -> fit(a.y(), a.x(), a.names(), a.unit(), a.intercept()));
  }
}
