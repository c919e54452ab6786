package org.econ4j.bench;

import java.util.concurrent.TimeUnit;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FeDegreesOfFreedom;
import org.econ4j.panel.fe.FixedEffects;
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
 * Demeaning of {@code y} and {@code x1} of the fixest {@code base_dgp} ({@link BaseDgp}), the part
 * of FE-OLS that dominates its time. Cases: {@code 2fe-1e7} and {@code 2fe-1e6} ({@code indiv_id +
 * year}), {@code 3fe-simple-1e7} and {@code 3fe-difficult-1e6} ({@code indiv_id + year + firm_id}).
 * {@link #demean} times the demeaning of both columns with fixed effects already encoded; {@link
 * #encodeAndDemean} adds the encoding (dense codes from the raw code arrays). Results in
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class DemeanBenchmark {

  /** The case. */
  @Param({"2fe-1e7", "2fe-1e6", "3fe-simple-1e7", "3fe-difficult-1e6"})
  public String shape;

  private BaseDgp data;
  private FixedEffects fe;
  private final Demeaner demeaner = Demeaner.defaults();

  /** Generates the data and encodes the fixed effects. */
  @Setup(Level.Trial)
  public void setup() {
    int n = shape.endsWith("1e7") ? 10_000_000 : 1_000_000;
    BaseDgp.Type type = shape.contains("difficult") ? BaseDgp.Type.DIFFICULT : BaseDgp.Type.SIMPLE;
    data = BaseDgp.generate(n, type, 20_260_101L);
    fe = encode();
  }

  private FixedEffects encode() {
    FixedEffects f = FixedEffects.of("indiv_id", data.indivId).withDimension("year", data.year);
    if (shape.startsWith("3fe")) {
      f = f.withDimension("firm_id", data.firmId);
    }
    return f;
  }

  /**
   * @return the demeaned y and x1
   */
  @Benchmark
  public DemeanResult demean() {
    return demeaner.demean(fe, new double[][] {data.y, data.x1});
  }

  /**
   * @return the demeaned y and x1, encoding included
   */
  @Benchmark
  public DemeanResult encodeAndDemean() {
    return demeaner.demean(encode(), new double[][] {data.y, data.x1});
  }

  /**
   * @return the exact degrees of freedom absorbed, encoding included (the exact rank is cached per
   *     {@code FixedEffects}, so a fresh encoding is timed)
   */
  @Benchmark
  public FeDegreesOfFreedom encodeAndDegreesOfFreedom() {
    return encode().degreesOfFreedom();
  }

  /**
   * Runs one case outside JMH (a smoke run): {@code java -cp benchmarks.jar
   * org.econ4j.bench.DemeanBenchmark 3fe-difficult-1e6
   * [AUTO|ALTERNATING_PROJECTIONS|CONJUGATE_GRADIENT]}.
   *
   * @param args the case
   */
  public static void main(String[] args) {
    DemeanBenchmark b = new DemeanBenchmark();
    b.shape = args.length > 0 ? args[0] : "2fe-1e6";
    b.setup();
    Demeaner d =
        args.length > 1
            ? Demeaner.defaults().withMethod(Demeaner.Method.valueOf(args[1]))
            : b.demeaner;
    for (int rep = 0; rep < 4; rep++) {
      long t0 = System.nanoTime();
      DemeanResult r = d.demean(b.fe, new double[][] {b.data.y, b.data.x1});
      long t1 = System.nanoTime();
      System.out.printf(
          "%s: %.1f ms, iterations %d/%d, methods %s/%s, converged %s%n",
          b.shape,
          (t1 - t0) / 1e6,
          r.iterations(0),
          r.iterations(1),
          r.method(0),
          r.method(1),
          r.converged());
    }
    for (int rep = 0; rep < 2; rep++) {
      long t0 = System.nanoTime();
      FeDegreesOfFreedom dof = b.encodeAndDegreesOfFreedom();
      long t1 = System.nanoTime();
      System.out.printf(
          "%s: encode + degrees of freedom %.1f ms: %s%n", b.shape, (t1 - t0) / 1e6, dof);
    }
  }
}
