package org.econ4j.core;

/**
 * An iterative algorithm did not converge and the caller asked for strictness. Carries the number
 * of iterations, the tolerance and the last change, so a caller can decide what to raise.
 */
public class ConvergenceException extends EstimationException {
  private static final long serialVersionUID = 1L;

  private final int iterations;
  private final double tolerance;
  private final double lastChange;

  /**
   * Creates the exception.
   *
   * @param message one-line message
   * @param iterations iterations performed
   * @param tolerance the tolerance that was not reached
   * @param lastChange the last change measured
   */
  public ConvergenceException(String message, int iterations, double tolerance, double lastChange) {
    super(message);
    this.iterations = iterations;
    this.tolerance = tolerance;
    this.lastChange = lastChange;
  }

  /**
   * @return iterations performed
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return the tolerance that was not reached
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @return the last change measured
   */
  public double lastChange() {
    return lastChange;
  }
}
