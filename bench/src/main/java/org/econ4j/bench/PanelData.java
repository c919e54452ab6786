package org.econ4j.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.econ4j.panel.Panel;

/**
 * Deterministic benchmark data for the Panel benchmarks (fixed seed). The CSV shape follows issue 2
 * §8: 10 million rows × 6 columns, 4 numeric ({@code year}, {@code x1}, {@code x2}, {@code y}) and
 * 2 categorical ({@code unit} with 100,000 levels, {@code region} with 10 levels). Rows are
 * unit-major (100,000 units × 100 years). Files go to {@code bench/data/} (git-ignored, never
 * committed).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.econ4j.bench.PanelData [rows] [file]}.
 */
public final class PanelData {
  /** Seed of every generated data set. */
  public static final long SEED = 20261123L;

  /** Number of units. */
  public static final int UNITS = 100_000;

  private PanelData() {}

  /**
   * Writes the CSV file when it is missing.
   *
   * @param args optional row count (default 10,000,000) and file (default {@code
   *     bench/data/panel_<rows>.csv})
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Path file = args.length > 1 ? Path.of(args[1]) : defaultFile(rows);
    ensureCsv(file, rows);
  }

  /**
   * @param rows number of rows
   * @return {@code bench/data/panel_<rows>.csv} (relative to the working directory; the repository
   *     root or {@code bench/})
   */
  public static Path defaultFile(int rows) {
    Path base = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "data") : Path.of("data");
    return base.resolve("panel_" + rows + ".csv");
  }

  /**
   * Writes the CSV unless it already exists.
   *
   * @param file destination
   * @param rows number of rows
   * @return the file
   */
  public static Path ensureCsv(Path file, int rows) {
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      SplittableRandom rng = new SplittableRandom(SEED);
      int periods = Math.max(1, rows / UNITS);
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write("unit,region,year,x1,x2,y\n");
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < rows; i++) {
          int u = i / periods;
          sb.setLength(0);
          sb.append('u').append(u).append(',');
          sb.append('r').append(u % 10).append(',');
          sb.append(1900 + i % periods).append(',');
          double x1 = Math.round(rng.nextDouble() * 1e6) / 1e3;
          double x2 = rng.nextInt(1000);
          sb.append(x1).append(',').append((long) x2).append(',');
          if (rng.nextInt(50) == 0) {
            sb.append("NA");
          } else {
            sb.append(Math.round((x1 + 0.5 * x2 + rng.nextGaussian()) * 1e4) / 1e4);
          }
          sb.append('\n');
          w.append(sb);
        }
      }
      Files.move(tmp, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same shape in memory (no CSV): {@code unit} (categorical, 100,000 levels), {@code year},
   * {@code x}, indexed by (unit, year).
   *
   * @param rows number of rows
   * @return the indexed panel
   */
  public static Panel inMemory(int rows) {
    SplittableRandom rng = new SplittableRandom(SEED);
    int periods = Math.max(1, rows / UNITS);
    String[] levels = new String[UNITS];
    for (int u = 0; u < UNITS; u++) {
      levels[u] = "u" + u;
    }
    int[] codes = new int[rows];
    double[] year = new double[rows];
    double[] x = new double[rows];
    for (int i = 0; i < rows; i++) {
      codes[i] = Math.min(UNITS - 1, i / periods);
      year[i] = 1900 + i % periods;
      x[i] = rng.nextDouble();
    }
    return Panel.builder()
        .categorical(
            "unit", org.econ4j.panel.CategoricalColumn.of(codes, java.util.List.of(levels)))
        .numeric("year", year)
        .numeric("x", x)
        .build()
        .withIndex("unit", "year");
  }
}
