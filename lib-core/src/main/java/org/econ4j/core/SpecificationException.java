package org.econ4j.core;

/**
 * The specification does not fit the data or the grammar: an unknown column, a syntax error, a bad
 * option value, malformed input data.
 */
public class SpecificationException extends Econ4jException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one-line message naming the thing, the value found, the value expected and the
   *     remedy
   */
  public SpecificationException(String message) {
    super(message);
  }

  /**
   * Creates the exception wrapping a foreign cause.
   *
   * @param message one-line message
   * @param cause the wrapped exception
   */
  public SpecificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
