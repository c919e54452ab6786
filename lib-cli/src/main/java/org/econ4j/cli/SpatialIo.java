package org.econ4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;

/** Helpers shared by the spatial commands (weights, spillover, moran). */
final class SpatialIo {
  private SpatialIo() {}

  static void requireFile(Path path, String option) {
    if (!Files.exists(path)) {
      throw new CliException(
          option + " file '" + path + "' does not exist; give the path of a CSV file");
    }
  }

  static IslandPolicy islands(String value) {
    try {
      return IslandPolicy.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CliException("option '--islands': " + e.getMessage());
    }
  }

  static Standardization standardization(String value) {
    try {
      return Standardization.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CliException("option '--standardize': " + e.getMessage());
    }
  }

  static WeightMatrix readWeights(Path path, IslandPolicy islands) {
    requireFile(path, "weights");
    return WeightMatrix.readCsv(path, islands);
  }

  static boolean json(String format) {
    String f = format.trim().toLowerCase(Locale.ROOT);
    if (f.equals("json")) {
      return true;
    }
    if (f.equals("text")) {
      return false;
    }
    throw new CliException(
        "option '--format' has the unknown value '" + format + "'; use text or json");
  }

  /** Writes text to a file, or to the command's output when path is null. */
  static void write(Path path, PrintWriter out, String text) {
    if (path == null) {
      out.print(text);
      out.flush();
      return;
    }
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + path + "'", e);
    }
  }
}
