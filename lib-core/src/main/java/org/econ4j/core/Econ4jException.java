package org.econ4j.core;

/**
 * Base class of the three econ4j exceptions. Unchecked; messages are one line, start lower-case,
 * name the thing in quotes, give the value found and the value expected, and end with the remedy
 * after a semicolon.
 */
public abstract class Econ4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one-line message
   */
  protected Econ4jException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a foreign cause.
   *
   * @param message one-line message
   * @param cause the wrapped exception
   */
  protected Econ4jException(String message, Throwable cause) {
    super(message, cause);
  }
}
