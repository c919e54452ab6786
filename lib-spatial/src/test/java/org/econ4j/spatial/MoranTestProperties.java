package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded invariants of Moran's I. */
class MoranTestProperties {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void invariantToRelabellingUnits(long seed) {
    int n = 40;
    Coordinates c = WeightMatrixProperties.randomPlanar(n, seed);
    WeightMatrix w =
        WeightMatrix.fromCoordinates(c, WeightSpec.knn(4)).standardize(Standardization.ROW);
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() + c.x()[i] / 50;
    }
    // permute unit order and rename units
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    List<String> ids = new ArrayList<>();
    double[] px = new double[n];
    double[] cx = c.x();
    double[] cy = c.y();
    double[] qx = new double[n];
    double[] qy = new double[n];
    for (int i = 0; i < n; i++) {
      ids.add("z" + (n - i));
      px[i] = x[perm[i]];
      qx[i] = cx[perm[i]];
      qy[i] = cy[perm[i]];
    }
    WeightMatrix w2 =
        WeightMatrix.fromCoordinates(Coordinates.planar(ids, qx, qy), WeightSpec.knn(4))
            .standardize(Standardization.ROW);
    MoranTest t = MoranTest.defaults();
    MoranResult a = t.moran(x, w);
    MoranResult b = t.moran(px, w2);
    assertThat(b.statistic()).isCloseTo(a.statistic(), within(1e-12));
    assertThat(b.variance()).isCloseTo(a.variance(), within(1e-12));
    assertThat(t.geary(px, w2).statistic()).isCloseTo(t.geary(x, w).statistic(), within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void moranOfResidualsWithInterceptOnlyEqualsMoranNormalityStatistic(long seed) {
    // with X = intercept only, e = x − mean: I equals the ordinary Moran's I
    int n = 30;
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    WeightMatrix full =
        WeightMatrix.fromCoordinates(
                WeightMatrixProperties.randomPlanar(n, seed), WeightSpec.knn(3))
            .standardize(Standardization.ROW);
    MoranResult res = MoranTest.defaults().olsResiduals(x, new double[0][], full);
    MoranResult plain = MoranTest.defaults().moran(x, full);
    assertThat(res.statistic()).isCloseTo(plain.statistic(), within(1e-12));
    assertThat(res.expectation()).isCloseTo(plain.expectation(), within(1e-12));
  }
}
