package org.econ4j.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.econ4j.panel.Aggregation;
import org.econ4j.panel.GroupBy;
import org.econ4j.panel.Panel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Panel benchmarks of issue 2 §8 (targets on the 2-core reference machine): {@code readCsv} of 10
 * million rows × 6 columns ≤ 8 s; {@code lag(x, 1)} on a 1e7-row panel indexed by (unit, time) ≤
 * 0.5 s warm; group-by mean over 1e7 rows with 1e5 groups ≤ 0.3 s warm. Results and the exact
 * command are in {@code docs/benchmarks.md}.
 */
public class PanelBenchmarks {
  private PanelBenchmarks() {}

  /** Reads the generated CSV (written to {@code bench/data/} on first use). */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
  public static class ReadCsv {
    /** Rows of the CSV. */
    @Param({"10000000"})
    public int rows;

    private Path file;

    /** Generates the file if missing. */
    @Setup(Level.Trial)
    public void setUp() {
      file = PanelData.ensureCsv(PanelData.defaultFile(rows), rows);
    }

    /**
     * @return the panel
     */
    @Benchmark
    public Panel readCsv() {
      return Panel.readCsv(file);
    }
  }

  /** Time operators and grouping on an in-memory 1e7-row panel. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
  public static class InMemory {
    /** Rows of the panel (100,000 units). */
    @Param({"10000000"})
    public int rows;

    private Panel panel;
    private GroupBy byUnit;

    /** Builds the panel. */
    @Setup(Level.Trial)
    public void setUp() {
      panel = PanelData.inMemory(rows);
      byUnit = panel.groupBy("unit");
    }

    /**
     * @return lag(x, 1) by time
     */
    @Benchmark
    public double[] lag1() {
      return panel.lag("x", 1);
    }

    /**
     * @return the mean of x in each of the 1e5 units, grouping included
     */
    @Benchmark
    public Panel groupByMean() {
      return panel.groupBy("unit").aggregate(Aggregation.mean("x"));
    }

    /**
     * @return the mean of x in each of the 1e5 units, grouping precomputed
     */
    @Benchmark
    public Panel aggregateMean() {
      return byUnit.aggregate(Aggregation.mean("x"));
    }
  }
}
