package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/** Weights against spdep 1.2-7 on Columbus (dense matrices and edge lists). */
class WeightMatrixReferenceTest {

  private static void assertDense(double[][] actual, double[][] expected) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        assertThat(actual[i][j])
            .as("w[%d][%d]", i, j)
            .isCloseTo(expected[i][j], within(Tolerances.WEIGHTS));
      }
    }
  }

  private static List<String> edges(WeightMatrix w) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      for (int j : w.neighbours(i)) {
        out.add(w.ids().get(i) + "-" + w.ids().get(j));
      }
    }
    return out;
  }

  private static List<String> edges(String file) {
    List<String> out = new ArrayList<>();
    for (String[] e : Columbus.edges(file)) {
      out.add(e[0] + "-" + e[1]);
    }
    return out;
  }

  @Test
  void galBinaryAndRowStandardised() {
    WeightMatrix b = Columbus.gal();
    assertThat(b.links()).isEqualTo((long) Columbus.ref("nb_gal", "n_links"));
    assertDense(
        b.standardize(Standardization.BINARY).toDense(),
        Columbus.dense("spatial_columbus_W_gal_binary.csv"));
    WeightMatrix w = b.standardize(Standardization.ROW);
    assertThat(w.standardization()).isEqualTo(Standardization.ROW);
    assertDense(w.toDense(), Columbus.dense("spatial_columbus_W_gal_rowstd.csv"));
    WeightSummary s = w.summary();
    assertThat(s.s0()).isCloseTo(Columbus.ref("W_gal_rowstd", "sum_all"), within(1e-12));
  }

  @Test
  void traceOfWSquaredMatchesSpdep() {
    WeightMatrix w = Columbus.gal().standardize(Standardization.ROW);
    double[][] d = w.toDense();
    double tr = 0;
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        tr += d[i][j] * d[j][i];
      }
    }
    assertThat(tr).isCloseTo(Columbus.ref("W_gal_rowstd", "trace(W^2)"), within(1e-9));
  }

  @Test
  void knn4OnXy() {
    WeightMatrix w = WeightMatrix.fromCoordinates(Columbus.xy(), WeightSpec.knn(4));
    assertThat(w.links()).isEqualTo((long) Columbus.ref("nb_knn4_XY", "n_links"));
    assertThat(edges(w))
        .containsExactlyInAnyOrderElementsOf(edges("spatial_columbus_knn4_XY_edges.csv"));
  }

  @Test
  void distanceBandOnXy() {
    double dmax = Columbus.ref("nb_dist_band_XY", "threshold(max 1-NN dist)");
    WeightMatrix w = WeightMatrix.fromCoordinates(Columbus.xy(), WeightSpec.band(0, dmax));
    assertThat(w.links()).isEqualTo((long) Columbus.ref("nb_dist_band_XY", "n_links"));
    assertThat(edges(w)).containsExactlyElementsOf(edges("spatial_columbus_distband_XY_edges.csv"));
  }

  @Test
  void inverseDistanceWithinBandRowStandardised() {
    double dmax = Columbus.ref("nb_dist_band_XY", "threshold(max 1-NN dist)");
    WeightMatrix w =
        WeightMatrix.fromCoordinates(Columbus.xy(), WeightSpec.inverseDistance(1).withCutoff(dmax))
            .standardize(Standardization.ROW);
    assertDense(w.toDense(), Columbus.dense("spatial_columbus_W_distband_invdist_rowstd.csv"));
  }
}
