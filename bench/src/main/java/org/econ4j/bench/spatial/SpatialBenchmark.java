package org.econ4j.bench.spatial;

import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.CollaborationNetwork;
import org.econ4j.spatial.Coordinates;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.Spillovers;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;
import org.econ4j.spatial.WeightSpec;
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
 * Issue 5 §7 targets: kNN (k = 10) and 100-km band on 100,000 random points on the sphere (≤ 2 s
 * each); spectral normalisation of a 100,000-node kNN matrix (≤ 2 s); spillover columns for 1,000
 * regions × 30 years, yearly network of ~5 % density, 5 variables (≤ 0.5 s).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SpatialBenchmark} (after {@code mvn -o
 * package -pl bench -am -DskipTests}), or {@link SpatialTimings} for a single quick pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SpatialBenchmark {
  /** Number of points on the sphere. */
  @Param({"100000"})
  public int points;

  /** Number of regions of the spillover panel. */
  @Param({"1000"})
  public int regions;

  private Coordinates sphere;
  private WeightMatrix knn;
  private Panel panel;
  private SortedMap<Long, WeightMatrix> network;

  /** Builds the inputs once. */
  @Setup
  public void setup() {
    sphere = SpatialData.sphere(points, 42);
    knn = WeightMatrix.fromCoordinates(sphere, WeightSpec.knn(10));
    panel = SpatialData.panel(regions, 30, 5, 7);
    CollaborationNetwork net = SpatialData.network(regions, 30, 0.05, 11);
    network = net.withNormalization(CollaborationNetwork.Normalization.ROW).toWeights();
  }

  /**
   * @return kNN weights, k = 10
   */
  @Benchmark
  public WeightMatrix knn10() {
    return WeightMatrix.fromCoordinates(sphere, WeightSpec.knn(10));
  }

  /**
   * @return 100-km distance band
   */
  @Benchmark
  public WeightMatrix band100km() {
    return WeightMatrix.fromCoordinates(sphere, WeightSpec.band(0, 100), IslandPolicy.ZERO);
  }

  /**
   * @return spectrally normalised kNN matrix
   */
  @Benchmark
  public WeightMatrix spectral() {
    return knn.standardize(Standardization.SPECTRAL);
  }

  /**
   * @return the spectral radius of the symmetrised kNN matrix (irregular degrees; Lanczos)
   */
  @Benchmark
  public double spectralRadiusSymmetricKnn() {
    return knn.symmetrize(org.econ4j.spatial.Symmetrization.MAX).spectralRadius();
  }

  /**
   * @return the panel with 5 spillover columns
   */
  @Benchmark
  public Panel spillovers() {
    return Spillovers.of(network).apply(panel, List.of("x0", "x1", "x2", "x3", "x4")).panel();
  }
}
