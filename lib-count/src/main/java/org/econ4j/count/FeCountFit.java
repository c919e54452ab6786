package org.econ4j.count;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.econ4j.core.RegressionResult;

/**
 * The detailed result of {@link FePoisson#fitDetailed} and {@link FeNegBin#fitDetailed}: the {@link
 * RegressionResult} plus what is specific to count models with fixed effects — the rows used, the
 * fitted means, the separated observations and the separation certificate, the squared correlation
 * pseudo R², and for the negative binomial θ with its standard error and the likelihood-ratio test
 * of θ → ∞ (Poisson).
 *
 * <p>Row indices are 0-based rows of the panel that was fitted. Immutable; arrays are copied out.
 */
public final class FeCountFit {

  /**
   * A likelihood-ratio test of the Poisson restriction θ → ∞ on the boundary of the parameter
   * space: LR = 2(ℓ<sub>NB</sub> − ℓ<sub>Poisson</sub>), p-value = ½·P(χ²(1) &gt; LR) (the
   * statistic is a 50:50 mixture of a point mass at 0 and χ²(1) under the null; Self &amp; Liang
   * 1987, Cameron &amp; Trivedi 2013 §3.4; Stata's "LR test of alpha = 0").
   *
   * @param statistic the LR statistic (≥ 0)
   * @param pValue the boundary-corrected p-value
   * @param poissonLogLik the log-likelihood of the FE Poisson model on the same sample
   */
  public record LrTest(double statistic, double pValue, double poissonLogLik) {}

  private final RegressionResult result;
  private final int[] rows;
  private final double[] fitted;
  private final boolean[] separated;
  private final double[] certificate;
  private final double squaredCorrelation;
  private final double theta;
  private final double thetaStdError;
  private final LrTest lrTest;

  FeCountFit(
      RegressionResult result,
      int[] rows,
      double[] fitted,
      boolean[] separated,
      double[] certificate,
      double squaredCorrelation,
      double theta,
      double thetaStdError,
      LrTest lrTest) {
    this.result = Objects.requireNonNull(result, "result");
    this.rows = rows;
    this.fitted = fitted;
    this.separated = separated;
    this.certificate = certificate;
    this.squaredCorrelation = squaredCorrelation;
    this.theta = theta;
    this.thetaStdError = thetaStdError;
    this.lrTest = lrTest;
  }

  /**
   * @return the regression result
   */
  public RegressionResult result() {
    return result;
  }

  /**
   * @return the 0-based panel rows of the estimation sample, increasing
   */
  public int[] rows() {
    return rows.clone();
  }

  /**
   * @return the fitted means μ<sub>i</sub> = exp(η<sub>i</sub>) on {@link #rows()}, including the
   *     fixed effects and the offset
   */
  public double[] fitted() {
    return fitted.clone();
  }

  /**
   * @return one flag per panel row: whether the separation check found the row separated (all false
   *     when none or when the check was off)
   */
  public boolean[] separated() {
    return separated.clone();
  }

  /**
   * @return the number of separated rows
   */
  public int separatedCount() {
    int c = 0;
    for (boolean b : separated) {
      if (b) {
        c++;
      }
    }
    return c;
  }

  /**
   * The separation certificate z = Xγ + Dα, one value per panel row: zero on the rows with a
   * positive outcome, ≥ 0 on the rows with a zero outcome, strictly positive on the separated ones
   * (Correia, Guimarães &amp; Zylkin 2021); NaN on rows that were not part of the check (dropped
   * earlier).
   *
   * @return the certificate, present when some row was found separated
   */
  public Optional<double[]> separationCertificate() {
    return certificate == null ? Optional.empty() : Optional.of(certificate.clone());
  }

  /**
   * @return the squared correlation between the outcome and the fitted means (fixest's {@code
   *     sq.cor}), a pseudo R² that does not depend on the likelihood
   */
  public double squaredCorrelation() {
    return squaredCorrelation;
  }

  /**
   * @return the NB2 shape θ (variance μ + μ²/θ) for {@link FeNegBin}; empty for Poisson
   */
  public OptionalDouble theta() {
    return Double.isNaN(theta) ? OptionalDouble.empty() : OptionalDouble.of(theta);
  }

  /**
   * @return the standard error of θ from the inverse of the observed information of (β, θ) with the
   *     fixed effects profiled out (MASS {@code glm.nb}'s {@code SE.theta}); empty for Poisson
   */
  public OptionalDouble thetaStdError() {
    return Double.isNaN(thetaStdError) ? OptionalDouble.empty() : OptionalDouble.of(thetaStdError);
  }

  /**
   * @return the LR test of θ → ∞ (negative binomial only)
   */
  public Optional<LrTest> overdispersionTest() {
    return Optional.ofNullable(lrTest);
  }

  /**
   * @return the incidence-rate ratios of the coefficients ({@link Irr#of(RegressionResult)})
   */
  public List<Irr> irr() {
    return Irr.of(result);
  }

  @Override
  public String toString() {
    return "FeCountFit[" + result.model() + ", nobs=" + result.nobs() + "]";
  }
}
