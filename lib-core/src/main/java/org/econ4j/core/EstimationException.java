package org.econ4j.core;

/**
 * The numerics failed: a singular system, a Hessian that is not negative definite, no variation
 * left after dropping.
 */
public class EstimationException extends Econ4jException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one-line message naming the thing, the value found, the value expected and the
   *     remedy
   */
  public EstimationException(String message) {
    super(message);
  }

  /**
   * Creates the exception wrapping a foreign cause.
   *
   * @param message one-line message
   * @param cause the wrapped exception
   */
  public EstimationException(String message, Throwable cause) {
    super(message, cause);
  }
}
