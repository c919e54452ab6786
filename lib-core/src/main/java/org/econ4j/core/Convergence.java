package org.econ4j.core;

/**
 * How an iterative algorithm ended (demeaning, IRLS, Newton). Closed-form fits report {@link
 * #closedForm()}. JSON: {@code {"converged", "iterations", "tolerance", "lastChange"}}.
 *
 * <p>{@code lastChange} is the very quantity the stopping rule compares with {@code tolerance}, at
 * the last iteration, so that a converged result has {@code lastChange <= tolerance} (for a
 * closed-form fit, such as OLS without fixed effects, both are 0). What it measures depends on the
 * algorithm: for FE-OLS the demeaner's criterion, the largest over the fixed-effect coefficients
 * (and the demeaned columns) of min(|d|, |d|/(0.1 + |c|)), d a coefficient's last change and c its
 * value (fixest {@code fixef.tol}); for the count models' IRLS the relative deviance change |D
 * &minus; D<sub>old</sub>|/(0.1 + |D|) (fixest {@code glm.tol}), and for the negative binomial's
 * outer loop the relative log-likelihood change |&ell; &minus; &ell;<sub>old</sub>|/(0.1 + |&ell;|)
 * (which must also meet rules on &theta; and &beta; to converge). Exception: the conditional count
 * models (Newton&ndash;Raphson, stopping on the Newton decrement) report the largest absolute score
 * component as {@code lastChange} and no tolerance (NaN).
 *
 * @param converged whether the stopping rule was met
 * @param iterations iterations used
 * @param tolerance the tolerance of the stopping rule
 * @param lastChange the value the stopping rule compared with the tolerance at the last iteration
 *     (&le; tolerance when converged)
 */
public record Convergence(boolean converged, int iterations, double tolerance, double lastChange) {

  /**
   * @throws IllegalArgumentException if iterations is negative
   */
  public Convergence {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
  }

  /**
   * @return converged, 0 iterations (a direct solve)
   */
  public static Convergence closedForm() {
    return new Convergence(true, 0, 0, 0);
  }
}
