package org.econ4j.bench.spatial;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.VcovEstimate;
import org.econ4j.spatial.ConleyVcov;
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
 * Issue 5 §7: Conley standard errors for n = 100,000 observations with a 100-km cutoff (target ≤ 5
 * s), K = 3 coefficients. Shapes: {@code sphere} (points uniform on the globe, about 6 neighbours
 * within 100 km) and {@code box30} (points uniform in a 30° × 30° box at latitudes 30–60, about 300
 * neighbours each, a dense regional study).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ConleyBenchmark}, or {@link #main} for one
 * quick pass ({@code n shape reps}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ConleyBenchmark {
  /** Observations. */
  @Param({"100000"})
  public int n;

  /** Point layout: sphere or box30. */
  @Param({"sphere", "box30"})
  public String shape;

  private InferenceData data;
  private ConleyVcov vcov;

  /** Builds the data once. */
  @Setup
  public void setup() {
    data = data(n, shape, 42);
    vcov = ConleyVcov.of("lat", "lon", 100);
  }

  static InferenceData data(int n, String shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] lat = new double[n];
    double[] lon = new double[n];
    int k = 3;
    double[][] s = new double[k][n];
    for (int i = 0; i < n; i++) {
      if (shape.equals("box30")) {
        lon[i] = r.nextDouble() * 30;
        lat[i] = 30 + r.nextDouble() * 30;
      } else {
        lon[i] = r.nextDouble() * 360 - 180;
        lat[i] = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
      }
      for (int a = 0; a < k; a++) {
        s[a][i] = r.nextDouble() - 0.5;
      }
    }
    double[][] bread = new double[k][k];
    for (int a = 0; a < k; a++) {
      bread[a][a] = 1.0 / n;
    }
    return InferenceData.builder(bread, s, n).column("lat", lat).column("lon", lon).build();
  }

  /**
   * @return the Conley covariance, uniform kernel, great-circle distance, 100 km
   */
  @Benchmark
  public VcovEstimate conley100km() {
    return vcov.compute(data, SmallSampleCorrection.fixest());
  }

  /**
   * One quick pass: best of {@code reps} after one warm-up.
   *
   * @param args n, shape (sphere|box30), reps
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String shape = args.length > 1 ? args[1] : "sphere";
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    InferenceData d = data(n, shape, 42);
    ConleyVcov v = ConleyVcov.of("lat", "lon", 100);
    v.compute(d, SmallSampleCorrection.fixest());
    long best = Long.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      v.compute(d, SmallSampleCorrection.fixest());
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.println(
        String.format(Locale.ROOT, "conley n=%d shape=%s 100km: %.3f s", n, shape, best / 1e9));
  }
}
