package org.econ4j.cli;

import java.io.PrintWriter;
import org.econ4j.core.Econ4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root {@code econ4j} command; the work is done by its sub-commands. */
@Command(
    name = "econ4j",
    mixinStandardHelpOptions = true,
    versionProvider = Econ4jCommand.Version.class,
    description =
        "Applied panel econometrics: describe data, fit fixed-effects models, print tables or JSON.",
    subcommands = {
      DescribeCommand.class,
      FitCommand.class,
      HausmanCommand.class,
      WeightsCommand.class,
      SpilloverCommand.class,
      MoranCommand.class,
      DemoCommand.class
    })
final class Econ4jCommand implements Runnable {
  private final PrintWriter out;

  @Option(
      names = "--verbose",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "On errors, also print the chain of causes.")
  private boolean verbose;

  Econ4jCommand(PrintWriter out) {
    this.out = out;
  }

  boolean verbose() {
    return verbose;
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a sub-command: a usage error (exit code 2) naming the sub-commands. */
  @Override
  public void run() {
    throw new CliException(
        "a sub-command is needed; use one of "
            + String.join(", ", spec.subcommands().keySet())
            + " (see 'econ4j --help')");
  }

  /** Prints the library version. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"econ4j " + Econ4j.version()};
    }
  }
}
