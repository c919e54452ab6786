package org.econ4j.cli;

/** A bad command-line value detected by the command itself (exit code 2). */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
