package org.econ4j.bench.count;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.special.Gamma;
import org.econ4j.count.internal.SpecialFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * econ4j's log-gamma, digamma and trigamma against Commons Math on 4096 arguments drawn like the
 * &lambda; and &lambda; + y of count likelihoods (log-uniform on [0.01, 100]); time per array.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SpecialFunctionsBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpecialFunctionsBench {
  private double[] args;

  /** Draws the arguments. */
  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1);
    args = new double[4096];
    for (int i = 0; i < args.length; i++) {
      args[i] = Math.pow(10, -2 + 4 * rnd.nextDouble());
    }
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double lgammaEcon4j() {
    double s = 0;
    for (double a : args) {
      s += SpecialFunctions.lgamma(a);
    }
    return s;
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double lgammaCommonsMath() {
    double s = 0;
    for (double a : args) {
      s += Gamma.logGamma(a);
    }
    return s;
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double digammaEcon4j() {
    double s = 0;
    for (double a : args) {
      s += SpecialFunctions.digamma(a);
    }
    return s;
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double digammaCommonsMath() {
    double s = 0;
    for (double a : args) {
      s += Gamma.digamma(a);
    }
    return s;
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double trigammaEcon4j() {
    double s = 0;
    for (double a : args) {
      s += SpecialFunctions.trigamma(a);
    }
    return s;
  }

  /**
   * @return checksum
   */
  @Benchmark
  public double trigammaCommonsMath() {
    double s = 0;
    for (double a : args) {
      s += Gamma.trigamma(a);
    }
    return s;
  }
}
