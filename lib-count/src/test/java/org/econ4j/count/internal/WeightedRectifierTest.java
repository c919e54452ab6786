package org.econ4j.count.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weighted (method-of-weighting) form of the rectifier, used for problems too large for the
 * exact dense form, forced on the ppmlhdfe data sets. With two or more fixed effects the sweeps use
 * the shared accelerated {@code Demeaner} (warm-started across rectifier iterations), which also
 * handles 04 and 07 where plain projections stalled. On 02, 03, 12 and 13, where several fixed
 * effects interact through very few zero rows, the weighted form still misses the separated rows at
 * the 1e-5 tolerance under the extreme weights; the exact form (used below {@code DENSE_LIMIT})
 * handles them, see {@code SeparationReferenceTest}.
 */
class WeightedRectifierTest {

  @ParameterizedTest(name = "data set {0}")
  @ValueSource(
      strings = {
        "01", "04", "05", "06", "07", "08", "09", "10", "11", "14", "15", "16", "17", "18"
      })
  void weightedFormFindsTheSeparatedObservations(String id) {
    String res = "reference/ppmlhdfe_separation/" + id + ".csv";
    Map<String, List<String>> cols = ReferenceData.columns(res);
    double[] y = ReferenceData.numeric(res, "y");
    List<double[]> xs = new ArrayList<>();
    List<int[]> fes = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    for (String c : cols.keySet()) {
      if (c.startsWith("x")) {
        xs.add(ReferenceData.numeric(res, c));
      } else if (c.startsWith("id")) {
        double[] v = ReferenceData.numeric(res, c);
        int[] codes = new int[v.length];
        int max = 0;
        for (int i = 0; i < v.length; i++) {
          codes[i] = (int) v[i];
          max = Math.max(max, codes[i]);
        }
        fes.add(codes);
        levels.add(max + 1);
      }
    }
    int[] lv = new int[levels.size()];
    for (int d = 0; d < lv.length; d++) {
      lv[d] = levels.get(d);
    }
    boolean[] active = new boolean[y.length];
    java.util.Arrays.fill(active, true);
    SeparationChecks.Outcome o =
        SeparationChecks.rectifier(
            y, active, xs.toArray(new double[0][]), fes.toArray(new int[0][]), lv, 1e-5, 1000, 0);
    double[] expected = ReferenceData.numeric(res, "separated");
    assertThat(o.converged()).isTrue();
    for (int i = 0; i < y.length; i++) {
      assertThat(o.z()[i] > 0).as("row %s", i).isEqualTo(expected[i] == 1);
    }
  }
}
