package org.econ4j.bench.count;

import java.util.concurrent.TimeUnit;
import org.econ4j.bench.BaseDgp;
import org.econ4j.core.RegressionResult;
import org.econ4j.count.FeNegBin;
import org.econ4j.count.FePoisson;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fixed-effects count models on the fixest {@code base_dgp} ({@link BaseDgp}, "simple" firms, seed
 * 20260101): FePoisson of {@code negbin_y ~ x1 | indiv_id + year} and {@code | indiv_id + year +
 * firm_id}, and FeNegBin with the two fixed effects. Each measurement is a full fit from the panel
 * (formula binding, zero-group and singleton removal, separation checks for Poisson, IRLS, iid
 * standard errors), warm.
 *
 * <p>Run: {@code mvn -o -q package -pl bench -am -DskipTests && java -jar
 * bench/target/benchmarks.jar FeCountBenchmark -p n=1000000}; a single case: {@code -p
 * model=poisson2}. fixest equivalents: {@code fepois(negbin_y ~ x1 | indiv_id + year, base)},
 * {@code fenegbin(...)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx6g"})
public class FeCountBenchmark {

  /** Rows. */
  @Param({"1000000"})
  public int n;

  /**
   * Model: poisson2 (indiv + year), poisson3 (+ firm), negbin2 (indiv + year), poisson2-sep (indiv
   * + year with 5 % of the individuals all zero and a separated regressor, see {@link
   * #separationCase}).
   */
  @Param({"poisson2", "poisson3", "negbin2", "poisson2-sep"})
  public String model;

  private Panel panel;
  private Formula formula;

  /** Generates the data once per trial. */
  @Setup
  public void setup() {
    BaseDgp d = BaseDgp.generate(n, BaseDgp.Type.SIMPLE, 20_260_101L);
    if (model.equals("poisson2-sep")) {
      panel = separationCase(d);
      formula = Formula.parse("negbin_y ~ x1 + x2 | indiv_id + year");
      return;
    }
    panel =
        Panel.builder()
            .numeric("negbin_y", d.negbinY)
            .numeric("x1", d.x1)
            .numeric("indiv_id", d.indivId)
            .numeric("year", d.year)
            .numeric("firm_id", d.firmId)
            .build();
    formula =
        Formula.parse(
            model.equals("poisson3")
                ? "negbin_y ~ x1 | indiv_id + year + firm_id"
                : "negbin_y ~ x1 | indiv_id + year");
  }

  /**
   * The base data with every 20th individual's outcome set to zero in all years (5 % all-zero
   * units, dropped before the fit) and a regressor {@code x2} that is positive only on some rows
   * with a zero outcome (0.5 % of the rows, in other individuals), so that those rows are separated
   * (the ReLU check finds them) and x2 then has no variation left.
   *
   * @param d the base data
   * @return the panel
   */
  static Panel separationCase(BaseDgp d) {
    int n = d.n;
    double[] y = d.negbinY.clone();
    double[] x2 = new double[n];
    for (int i = 0; i < n; i++) {
      int unit = d.indivId[i];
      if (unit % 20 == 0) {
        y[i] = 0;
      } else if (unit % 20 == 7 && y[i] == 0 && i % 2 == 0) {
        x2[i] = 1 + (i % 5);
      }
    }
    return Panel.builder()
        .numeric("negbin_y", y)
        .numeric("x1", d.x1)
        .numeric("x2", x2)
        .numeric("indiv_id", d.indivId)
        .numeric("year", d.year)
        .build();
  }

  /**
   * @return the fit
   */
  @Benchmark
  public RegressionResult fit() {
    return model.startsWith("negbin")
        ? FeNegBin.defaults().fit(formula, panel)
        : FePoisson.defaults().fit(formula, panel);
  }

  /**
   * Runs one fit of each model at a size given as the first argument (default 100000) and reports
   * the wall time to stdout; a quick check outside JMH.
   *
   * @param args optional size
   */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    for (String m : new String[] {"poisson2", "poisson3", "negbin2", "poisson2-sep"}) {
      FeCountBenchmark b = new FeCountBenchmark();
      b.n = size;
      b.model = m;
      b.setup();
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        RegressionResult r = b.fit();
        long t1 = System.nanoTime();
        System.out.printf(
            "%s n=%d rep=%d %.3f s beta=%.6f iterations=%d%n",
            m,
            size,
            rep,
            (t1 - t0) / 1e9,
            r.coefficients().get(0).estimate(),
            r.convergence().iterations());
      }
    }
  }
}
