package org.econ4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.FeOls;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelBuilder;
import org.econ4j.panel.formula.Formula;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full FE-OLS fit ({@link FeOls#fit}: formula binding, fixed-effect encoding, singleton
 * removal, demeaning, QR, sandwich, fit statistics) on the fixest benchmark {@code base_dgp} shapes
 * of issue 3 §8 ({@link BaseDgp}):
 *
 * <ul>
 *   <li>{@code 2fe-1e7}: {@code y ~ x1 | indiv_id + year}, n = 1e7;
 *   <li>{@code 3fe-simple-1e7}: {@code y ~ x1 | indiv_id + year + firm_id}, random firms, n = 1e7;
 *   <li>{@code 3fe-difficult-1e6}: the same with cyclic firms, n = 1e6;
 *   <li>{@code 10x-2waycl-1e7}: {@code y ~ x1 + ... + x10 | indiv_id + year + firm_id}, simple,
 *       with standard errors clustered two-way by {@code indiv_id} and {@code firm_id}, n = 1e7;
 *   <li>{@code cold-1e5}: the 3-FE simple case at n = 1e5, run with {@code -wi 0 -i 1 -f 5} for the
 *       cold (fresh JVM, first call) time.
 * </ul>
 *
 * Commands and results in docs/benchmarks.md ("FE-OLS").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms6g", "-Xmx6g"})
public class FeOlsBenchmark {

  /** The case. */
  @Param({"2fe-1e7", "3fe-simple-1e7", "3fe-difficult-1e6", "10x-2waycl-1e7", "cold-1e5"})
  public String shape;

  private Panel panel;
  private Formula formula;
  private FeOls estimator;

  /** Generates the data as a panel (numeric columns) and the formula. */
  @Setup(Level.Trial)
  public void setup() {
    int n;
    if (shape.endsWith("1e7")) {
      n = 10_000_000;
    } else if (shape.endsWith("1e6")) {
      n = 1_000_000;
    } else {
      n = 100_000;
    }
    BaseDgp.Type type = shape.contains("difficult") ? BaseDgp.Type.DIFFICULT : BaseDgp.Type.SIMPLE;
    BaseDgp d = BaseDgp.generate(n, type, 20_260_101L);
    PanelBuilder b =
        Panel.builder()
            .numeric("indiv_id", d.indivId)
            .numeric("year", d.year)
            .numeric("firm_id", d.firmId)
            .numeric("x1", d.x1)
            .numeric("y", d.y);
    StringBuilder rhs = new StringBuilder("x1");
    estimator = FeOls.defaults();
    if (shape.startsWith("10x")) {
      SplittableRandom rng = new SplittableRandom(7);
      for (int j = 2; j <= 10; j++) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = BaseDgp.gaussian(rng);
        }
        b.numeric("x" + j, x);
        rhs.append(" + x").append(j);
      }
      estimator = estimator.withVcov(Vcov.cluster("indiv_id", "firm_id"));
    }
    panel = b.build();
    String fes = shape.startsWith("2fe") ? "indiv_id + year" : "indiv_id + year + firm_id";
    formula = Formula.parse("y ~ " + rhs + " | " + fes);
  }

  /**
   * @return the fitted model
   */
  @Benchmark
  public RegressionResult fit() {
    return estimator.fit(formula, panel);
  }
}
