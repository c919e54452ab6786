package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 18 separation data sets of ppmlhdfe (MIT): outcome {@code y}, regressors {@code x*}, fixed
 * effects {@code id*}, and {@code separated} marking the observations a correct routine must drop.
 */
class SeparationReferenceTest {

  @ParameterizedTest(name = "data set {0}")
  @ValueSource(
      strings = {
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18"
      })
  void findsExactlyTheSeparatedObservations(String id) {
    String res = "reference/ppmlhdfe_separation/" + id + ".csv";
    Map<String, List<String>> cols = ReferenceData.columns(res);
    double[] y = ReferenceData.numeric(res, "y");
    List<double[]> xs = new ArrayList<>();
    List<String> xn = new ArrayList<>();
    List<int[]> fes = new ArrayList<>();
    List<String> fn = new ArrayList<>();
    for (String c : cols.keySet()) {
      if (c.startsWith("x")) {
        xs.add(ReferenceData.numeric(res, c));
        xn.add(c);
      } else if (c.startsWith("id")) {
        double[] v = ReferenceData.numeric(res, c);
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
          codes[i] = (int) v[i];
        }
        fes.add(codes);
        fn.add(c);
      }
    }
    double[] expected = ReferenceData.numeric(res, "separated");
    SeparationResult r =
        Separation.defaults()
            .detect(
                y,
                xs.toArray(new double[0][]),
                xn.toArray(new String[0]),
                fes.toArray(new int[0][]),
                fn.toArray(new String[0]));
    boolean[] sep = r.separated();
    List<Integer> missed = new ArrayList<>();
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (expected[i] == 1 && !sep[i]) {
        missed.add(i);
      }
      if (expected[i] == 0 && sep[i]) {
        wrong.add(i);
      }
    }
    assertThat(missed).as("separated rows not found").isEmpty();
    assertThat(wrong).as("rows wrongly flagged").isEmpty();
    assertThat(r.converged()).isTrue();
    double[] z = r.certificate();
    for (int i = 0; i < y.length; i++) {
      if (y[i] > 0) {
        assertThat(z[i]).isZero();
      } else {
        assertThat(z[i]).isGreaterThanOrEqualTo(0.0);
      }
      assertThat(z[i] > 0).isEqualTo(sep[i]);
    }
  }
}
