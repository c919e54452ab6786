package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded invariants of weight matrices. */
class WeightMatrixProperties {

  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("u" + i);
    }
    return ids;
  }

  static Coordinates randomPlanar(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() * 100;
      y[i] = r.nextDouble() * 100;
    }
    return Coordinates.planar(ids(n), x, y);
  }

  static Coordinates randomSphere(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      lon[i] = r.nextDouble() * 360 - 180;
      lat[i] = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
    }
    return Coordinates.lonLat(ids(n), lon, lat);
  }

  /** A random sparse non-negative matrix with some empty rows (islands kept). */
  static WeightMatrix randomSparse(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < 0.1) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (i != j && r.nextDouble() < 0.2) {
          d[i][j] = r.nextDouble() * 3;
        }
      }
    }
    return WeightMatrix.fromDense(ids(n), d, IslandPolicy.ZERO);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void rowStandardisedRowsSumToOneOrZero(long seed) {
    WeightMatrix w = randomSparse(30, seed).standardize(Standardization.ROW);
    double[] rs = w.rowSums();
    for (int i = 0; i < rs.length; i++) {
      assertThat(rs[i]).isCloseTo(w.cardinality(i) == 0 ? 0 : 1, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void columnStandardisedColumnsSumToOne(long seed) {
    WeightMatrix w = randomSparse(30, seed);
    double[] before = w.columnSums();
    double[] cs = w.standardize(Standardization.COLUMN).columnSums();
    for (int j = 0; j < cs.length; j++) {
      assertThat(cs[j]).isCloseTo(before[j] == 0 ? 0 : 1, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void spectralRadiusOfSpectrallyNormalisedMatrixIsOne(long seed) {
    WeightMatrix w = randomSparse(25, seed).standardize(Standardization.SPECTRAL);
    double[][] d = w.toDense();
    DMatrixRMaj m = new DMatrixRMaj(d);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d.length, false);
    assertThat(eig.decompose(m)).isTrue();
    double rho = 0;
    for (int i = 0; i < d.length; i++) {
      rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
    }
    assertThat(rho).isCloseTo(1, within(1e-9));
    // symmetric kNN too
    WeightMatrix k =
        WeightMatrix.fromCoordinates(randomPlanar(40, seed), WeightSpec.knn(3))
            .symmetrize(Symmetrization.MAX)
            .standardize(Standardization.SPECTRAL);
    EigenDecomposition_F64<DMatrixRMaj> e2 = DecompositionFactory_DDRM.eig(40, false);
    assertThat(e2.decompose(new DMatrixRMaj(k.toDense()))).isTrue();
    double r2 = 0;
    for (int i = 0; i < 40; i++) {
      r2 = Math.max(r2, e2.getEigenvalue(i).getMagnitude());
    }
    assertThat(r2).isCloseTo(1, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void spatialLagEqualsDenseProduct(long seed) {
    WeightMatrix w = randomSparse(30, seed);
    SplittableRandom r = new SplittableRandom(seed + 100);
    double[] x = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i] = r.nextGaussian();
    }
    double[][] d = w.toDense();
    double[] lag = w.multiply(x);
    double[] tlag = w.transposeMultiply(x);
    for (int i = 0; i < 30; i++) {
      double s = 0;
      double t = 0;
      for (int j = 0; j < 30; j++) {
        s += d[i][j] * x[j];
        t += d[j][i] * x[j];
      }
      assertThat(lag[i]).isCloseTo(s, within(1e-12));
      assertThat(tlag[i]).isCloseTo(t, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void knnHasExactlyKNeighboursAndMatchesBruteForce(long seed) {
    for (Coordinates c : List.of(randomPlanar(300, seed), randomSphere(300, seed))) {
      int k = 6;
      WeightMatrix w = WeightMatrix.fromCoordinates(c, WeightSpec.knn(k));
      for (int i = 0; i < c.size(); i++) {
        assertThat(w.cardinality(i)).isEqualTo(k);
        double[] d = new double[c.size()];
        for (int j = 0; j < c.size(); j++) {
          d[j] = j == i ? Double.POSITIVE_INFINITY : c.distance(i, j);
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        for (int j : w.neighbours(i)) {
          assertThat(d[j]).isLessThanOrEqualTo(sorted[k - 1]);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bandMatchesBruteForce(long seed) {
    Coordinates sphere = randomSphere(400, seed);
    WeightMatrix w =
        WeightMatrix.fromCoordinates(sphere, WeightSpec.band(500, 1500), IslandPolicy.ZERO);
    Coordinates plane = randomPlanar(400, seed);
    WeightMatrix p = WeightMatrix.fromCoordinates(plane, WeightSpec.band(0, 8), IslandPolicy.ZERO);
    for (int i = 0; i < 400; i++) {
      for (int j = 0; j < 400; j++) {
        double d = sphere.distance(i, j);
        assertThat(w.weight(i, j) == 1).isEqualTo(i != j && d > 500 && d <= 1500);
        double e = plane.distance(i, j);
        assertThat(p.weight(i, j) == 1).isEqualTo(i != j && e <= 8);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void csvRoundTripIsExact(long seed) {
    WeightMatrix w = randomSparse(20, seed).standardize(Standardization.ROW);
    java.io.StringWriter sw = new java.io.StringWriter();
    w.writeCsv(sw);
    WeightMatrix r =
        WeightMatrix.parseCsv(
            new java.io.StringReader(sw.toString()), List.of(), IslandPolicy.ZERO);
    assertThat(r.ids()).isEqualTo(w.ids());
    assertThat(r.toDense()).isDeepEqualTo(w.toDense());
  }
}
