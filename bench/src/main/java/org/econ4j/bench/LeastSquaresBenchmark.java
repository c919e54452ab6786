package org.econ4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
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
 * {@link LeastSquares#fit(double[][], double[], double[], double[])} on a tall-thin problem: n =
 * 1e7 rows, p = 1 or 10 Gaussian regressors (no intercept column, as after fixed-effect demeaning),
 * y = &Sigma; x<sub>j</sub> + N(0, 1), unweighted or with weights uniform on [0.5, 1.5]. Results in
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
public class LeastSquaresBenchmark {

  /** Number of regressors. */
  @Param({"1", "10"})
  public int p;

  /** Whether the fit is weighted. */
  @Param({"false", "true"})
  public boolean weighted;

  /** Number of rows. */
  @Param({"10000000"})
  public int n;

  private double[][] x;
  private double[] y;
  private double[] w;

  /** Generates the data. */
  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom rng = new SplittableRandom(20_261_123L);
    x = new double[p][n];
    y = new double[n];
    w = weighted ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        double v = gaussian(rng);
        x[j][i] = v;
        s += v;
      }
      y[i] = s + gaussian(rng);
      if (w != null) {
        w[i] = 0.5 + rng.nextDouble();
      }
    }
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * @return the fit
   */
  @Benchmark
  public LeastSquaresFit fit() {
    return LeastSquares.defaults().fit(x, y, w, null);
  }
}
