package org.econ4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.econ4j.core.EstimationException;
import org.econ4j.core.SpecificationException;
import picocli.CommandLine;

/**
 * Entry point of the {@code econ4j} command. Exit codes: 0 success; 2 bad usage, bad data or a bad
 * specification (a one-line message on stderr naming what is wrong and how to fix it, never a stack
 * trace); 3 estimation failure. {@code --verbose} adds the cause chain.
 */
public final class Main {
  /** Exit code of success. */
  public static final int OK = 0;

  /** Exit code of bad usage, bad data or a bad specification. */
  public static final int USAGE = 2;

  /** Exit code of an estimation failure. */
  public static final int ESTIMATION = 3;

  private Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    // econ4j ships no logging backend; keep SLF4J's "no providers" warning off the terminal
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the command without exiting (for tests and embedding).
   *
   * @param args command-line arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    Econ4jCommand root = new Econ4jCommand(o);
    CommandLine cl = new CommandLine(root);
    cl.setOut(o);
    cl.setErr(e);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          e.println(
              "econ4j: "
                  + lowerFirst(message(ex))
                  + "; try '"
                  + c.getCommandSpec().qualifiedName()
                  + " --help'");
          e.flush();
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          int code = exitCode(ex);
          e.println("econ4j: " + message(ex));
          if (root.verbose()) {
            for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
              e.println("  caused by: " + t);
            }
          }
          e.flush();
          return code;
        });
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof EstimationException) {
      return ESTIMATION;
    }
    if (ex instanceof SpecificationException
        || ex instanceof IllegalArgumentException
        || ex instanceof CliException
        || ex instanceof java.io.IOException
        || ex instanceof java.io.UncheckedIOException) {
      return USAGE;
    }
    return ESTIMATION;
  }

  private static String lowerFirst(String m) {
    if (m.length() > 1
        && Character.isUpperCase(m.charAt(0))
        && !Character.isUpperCase(m.charAt(1))) {
      return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    return m;
  }

  static String message(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    return m.replace('\n', ' ');
  }
}
