package org.econ4j.core;

/**
 * How an iterative algorithm ended (demeaning, IRLS, Newton). Closed-form fits report {@link
 * #closedForm()}. JSON: {@code {"converged", "iterations"}}.
 *
 * @param converged whether the stopping rule was met
 * @param iterations iterations used
 * @param tolerance the tolerance of the stopping rule
 * @param lastChange the criterion's value at the last iteration
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
