package org.econ4j.bench.count;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.econ4j.count.ConditionalNegBin;
import org.econ4j.count.CountFit;
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
 * Conditional FE negative binomial (Hausman, Hall &amp; Griliches) on a simulated panel of {@code
 * units} &times; {@code periods} rows with 3 regressors plus an intercept: y ~ NegBin(mean
 * exp(&alpha;<sub>i</sub> + 0.5 x1 &minus; 0.3 x2 + 0.2 x3), &theta; = 0.5), &alpha;<sub>i</sub> ~
 * N(0, 0.5&sup2;), seed 42. Full fit (data checks, Newton iterations, scores), warm.
 *
 * <p>Run: {@code mvn -o -q package -pl bench -am -DskipTests && java -jar
 * bench/target/benchmarks.jar ConditionalNegBinBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ConditionalNegBinBench {

  /** Number of units. */
  @Param({"100000"})
  public int units;

  /** Periods per unit. */
  @Param({"10"})
  public int periods;

  /** Threads of the likelihood loop. */
  @Param({"1", "2"})
  public int threads;

  private double[] y;
  private double[][] x;
  private int[] unit;
  private ConditionalNegBin estimator;

  /** Simulates the panel once per trial. */
  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(42);
    int n = units * periods;
    y = new double[n];
    x = new double[3][n];
    unit = new int[n];
    double theta = 0.5;
    for (int u = 0; u < units; u++) {
      double alpha = 0.5 * gaussian(rnd);
      for (int t = 0; t < periods; t++) {
        int i = u * periods + t;
        unit[i] = u;
        double x1 = gaussian(rnd);
        double x2 = gaussian(rnd) + 0.3 * alpha;
        double x3 = rnd.nextDouble();
        x[0][i] = x1;
        x[1][i] = x2;
        x[2][i] = x3;
        double mu = Math.exp(alpha + 0.5 * x1 - 0.3 * x2 + 0.2 * x3);
        double g = gamma(rnd, theta) / theta;
        y[i] = poisson(rnd, mu * g);
      }
    }
    estimator = ConditionalNegBin.defaults().withThreads(threads);
  }

  /**
   * @return the fit (consumed by JMH)
   */
  @Benchmark
  public CountFit fit() {
    return estimator.fit(y, x, new String[] {"x1", "x2", "x3"}, unit, true);
  }

  static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Gamma(shape, 1) by Marsaglia-Tsang, with the boost for shape &lt; 1. */
  static double gamma(SplittableRandom rnd, double shape) {
    if (shape < 1) {
      return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = gaussian(rnd);
      double v = Math.pow(1 + c * z, 3);
      if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  static int poisson(SplittableRandom rnd, double mu) {
    if (mu > 30) {
      // normal approximation for large means keeps the simulation fast
      return (int) Math.max(0, Math.round(mu + Math.sqrt(mu) * gaussian(rnd)));
    }
    double l = Math.exp(-mu);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
