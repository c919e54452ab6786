package org.econ4j.cli;

import java.nio.file.Path;
import org.econ4j.core.table.TableFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --format} and {@code --out} options of the commands that print a table or JSON ({@code
 * describe}, {@code fit}, {@code hausman}).
 */
final class TableOutputOptions {
  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text | markdown | latex | html | csv | json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to this file instead of stdout.")
  Path out;

  /**
   * @return whether JSON was asked for
   */
  boolean json() {
    return Output.parseFormat(format, true) == null;
  }

  /**
   * @return the table format (TEXT when JSON was asked for)
   */
  TableFormat tableFormat() {
    TableFormat f = Output.parseFormat(format, true);
    return f == null ? TableFormat.TEXT : f;
  }

  void write(CommandLine cl, String text) {
    Output.write(cl, out, text);
  }
}
