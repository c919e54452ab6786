package org.econ4j.bench.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.CollaborationNetwork;
import org.econ4j.spatial.Coordinates;

/** Seeded synthetic inputs for the spatial benchmarks. */
final class SpatialData {
  private SpatialData() {}

  /** n points uniform on the sphere (longitude, latitude in degrees). */
  static Coordinates sphere(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] lon = new double[n];
    double[] lat = new double[n];
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lon[i] = r.nextDouble() * 360 - 180;
      lat[i] = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
      ids.add("p" + i);
    }
    return Coordinates.lonLat(ids, lon, lat);
  }

  /** A region-year panel with {@code vars} numeric variables x0, x1, .... */
  static Panel panel(int regions, int years, int vars, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = regions * years;
    String[] region = new String[n];
    double[] year = new double[n];
    double[][] x = new double[vars][n];
    int row = 0;
    for (int i = 0; i < regions; i++) {
      for (int t = 0; t < years; t++) {
        region[row] = "r" + i;
        year[row] = 1990 + t;
        for (int v = 0; v < vars; v++) {
          x[v][row] = r.nextDouble();
        }
        row++;
      }
    }
    var b = Panel.builder().categorical("region", region).numeric("year", year);
    for (int v = 0; v < vars; v++) {
      b.numeric("x" + v, x[v]);
    }
    return b.build().withIndex("region", "year");
  }

  /** A yearly undirected collaboration network where each pair collaborates with prob. density. */
  static CollaborationNetwork network(int regions, int years, double density, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    int cap = (int) (regions * (double) regions * density * years / 2 * 1.1) + 16;
    long[] t = new long[cap];
    double[] c = new double[cap];
    int m = 0;
    for (int y = 0; y < years; y++) {
      for (int i = 0; i < regions; i++) {
        for (int j = i + 1; j < regions; j++) {
          if (r.nextDouble() < density) {
            if (m == cap) {
              cap *= 2;
              t = java.util.Arrays.copyOf(t, cap);
              c = java.util.Arrays.copyOf(c, cap);
            }
            from.add("r" + i);
            to.add("r" + j);
            t[m] = 1990 + y;
            c[m] = 1 + r.nextInt(20);
            m++;
          }
        }
      }
    }
    return CollaborationNetwork.fromRecords(
        from, to, java.util.Arrays.copyOf(t, m), java.util.Arrays.copyOf(c, m), false);
  }
}
