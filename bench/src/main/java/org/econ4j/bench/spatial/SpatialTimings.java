package org.econ4j.bench.spatial;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.CollaborationNetwork;
import org.econ4j.spatial.Coordinates;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.Spillovers;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.Symmetrization;
import org.econ4j.spatial.WeightMatrix;
import org.econ4j.spatial.WeightSpec;

/**
 * A quick single-pass timing of the {@link SpatialBenchmark} operations (best of {@code reps} after
 * one warm-up), for machines where a full JMH run is too expensive. Arguments: points (default
 * 100000), regions (1000), years (30), reps (3), and optionally {@code symmetric} to also time the
 * spectral radius of the symmetrised kNN matrix (power iteration, slow for irregular graphs).
 */
public final class SpatialTimings {
  private SpatialTimings() {}

  /**
   * Runs the timings and prints one line per operation.
   *
   * @param args points regions years reps
   */
  public static void main(String[] args) {
    int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int regions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int years = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Coordinates sphere = SpatialData.sphere(points, 42);
    WeightMatrix knn =
        time(
            "knn k=10, n=" + points,
            reps,
            () -> WeightMatrix.fromCoordinates(sphere, WeightSpec.knn(10)));
    WeightMatrix band =
        time(
            "band 0-100 km, n=" + points,
            reps,
            () -> WeightMatrix.fromCoordinates(sphere, WeightSpec.band(0, 100), IslandPolicy.ZERO));
    time(
        "spectral normalisation of kNN, n=" + points,
        reps,
        () -> knn.standardize(Standardization.SPECTRAL));
    if (args.length > 4 && args[4].equals("symmetric")) {
      WeightMatrix sym = knn.symmetrize(Symmetrization.MAX);
      time("spectral radius of symmetrised kNN, n=" + points, reps, sym::spectralRadius);
    }
    Panel panel = SpatialData.panel(regions, years, 5, 7);
    CollaborationNetwork net = SpatialData.network(regions, years, 0.05, 11);
    SortedMap<Long, WeightMatrix> w =
        net.withNormalization(CollaborationNetwork.Normalization.ROW).toWeights();
    time(
        "spillovers 5 vars, " + regions + " regions x " + years + " years, 5% density",
        reps,
        () -> Spillovers.of(w).apply(panel, List.of("x0", "x1", "x2", "x3", "x4")).panel());
    System.out.printf(
        Locale.ROOT,
        "links: knn %d, band %d (%.2f per point)%n",
        knn.links(),
        band.links(),
        band.links() / (double) points);
  }

  private static <T> T time(String what, int reps, Supplier<T> task) {
    T out = task.get();
    long best = Long.MAX_VALUE;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      out = task.get();
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf(Locale.ROOT, "%-60s %8.1f ms%n", what, best / 1e6);
    return out;
  }
}
