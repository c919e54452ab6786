package org.econ4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.econ4j.panel.Panel;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that read a data file: {@code --data}, {@code --index}, {@code
 * --subset}.
 */
final class DataOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.csv",
      description = "The data: a CSV file with a header row (missing values: empty, NA, ., NaN).")
  Path data;

  @Option(
      names = "--index",
      paramLabel = "UNIT,TIME",
      description = "The panel index: unit and time columns (needed by lags, xtsum, growth).")
  String index;

  @Option(
      names = "--subset",
      paramLabel = "CONDITION",
      description = "Keep only rows where the condition holds, e.g. \"year >= 2013\".")
  String subset;

  /** Milliseconds spent reading, set by {@link #read()}. */
  long readMs;

  /** Rows before the subset. */
  int rowsRead;

  Panel read() {
    long t0 = System.nanoTime();
    if (!Files.exists(data)) {
      throw new CliException(
          "data file '" + data + "' does not exist; give the path of a CSV file with --data");
    }
    Panel p = Panel.readCsv(data);
    rowsRead = p.rows();
    if (subset != null) {
      p = p.filter(subset);
      if (p.rows() == 0) {
        throw new CliException(
            "option '--subset' keeps none of the "
                + rowsRead
                + " rows: no row satisfies '"
                + subset
                + "'; check the condition");
      }
    }
    if (index != null) {
      String[] parts = index.split(",", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new CliException(
            "option '--index' needs two column names separated by a comma, got '"
                + index
                + "'; write --index unit,time");
      }
      for (String part : parts) {
        requireColumn(p, part.trim(), "--index");
      }
      p = p.withIndex(parts[0].trim(), parts[1].trim());
    }
    readMs = (System.nanoTime() - t0) / 1_000_000;
    return p;
  }

  /**
   * Checks that a column named by an option exists.
   *
   * @param p the data
   * @param column the column name
   * @param option the option that names it
   */
  static void requireColumn(Panel p, String column, String option) {
    if (!p.hasColumn(column)) {
      throw new CliException(
          "unknown column '"
              + column
              + "' in option '"
              + option
              + "'; known columns: "
              + String.join(", ", p.columnNames()));
    }
  }
}
