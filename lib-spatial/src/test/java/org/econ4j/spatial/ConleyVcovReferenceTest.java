package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conley standard errors against fixest 0.14.2 {@code vcov_conley} (see the resource README). */
class ConleyVcovReferenceTest {
  private static final String DATA = "reference/conley/conley_points.csv";

  /** The OLS fit of y ~ x (with intercept) or of the within-grp demeaned y ~ x. */
  static InferenceData fit(boolean fe) {
    double[] lat = ReferenceData.numeric(DATA, "lat");
    double[] lon = ReferenceData.numeric(DATA, "lon");
    double[] x = ReferenceData.numeric(DATA, "x");
    double[] y = ReferenceData.numeric(DATA, "y");
    List<String> grp = ReferenceData.columns(DATA).get("grp");
    int n = y.length;
    double[][] cols;
    int fixefDof = 0;
    if (fe) {
      Map<String, Integer> code = new HashMap<>();
      int[] g = new int[n];
      for (int i = 0; i < n; i++) {
        g[i] = code.computeIfAbsent(grp.get(i), k -> code.size());
      }
      fixefDof = code.size();
      x = demean(x, g, code.size());
      y = demean(y, g, code.size());
      cols = new double[][] {x};
    } else {
      double[] one = new double[n];
      java.util.Arrays.fill(one, 1.0);
      cols = new double[][] {one, x};
    }
    LeastSquaresFit ls = LeastSquares.defaults().fit(cols, y);
    return InferenceData.forLeastSquares(ls, cols)
        .fixefDof(fixefDof)
        .column("lat", lat)
        .column("lon", lon)
        .build();
  }

  static double[] demean(double[] v, int[] g, int levels) {
    double[] sum = new double[levels];
    int[] cnt = new int[levels];
    for (int i = 0; i < v.length; i++) {
      sum[g[i]] += v[i];
      cnt[g[i]]++;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - sum[g[i]] / cnt[g[i]];
    }
    return out;
  }

  /** Parses conley.out: (cutoff, distance) → [se_intercept, se_x, se_x FE]. */
  static Map<String, double[]> reference() {
    Map<String, double[]> out = new HashMap<>();
    for (String line : ReferenceData.lines("reference/conley/conley.out")) {
      if (!line.startsWith("conley cutoff_km")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      List<Double> nums = new ArrayList<>();
      for (int i = 0; i < f.length; i++) {
        if (f[i].equals("se_intercept") || f[i].equals("se_x")) {
          nums.add(Double.parseDouble(f[i + 1]));
        }
      }
      out.put(f[2] + "/" + f[4], new double[] {nums.get(0), nums.get(1), nums.get(2)});
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "50, spherical",
    "100, spherical",
    "200, spherical",
    "50, triangular",
    "100, triangular",
    "200, triangular"
  })
  void matchesFixest(int cutoff, String distance) {
    double[] ref = reference().get(cutoff + "/" + distance);
    ConleyVcov v =
        ConleyVcov.of("lat", "lon", cutoff)
            .withEarthRadius(6376)
            .withDistance(
                distance.equals("spherical")
                    ? ConleyVcov.Distance.GREAT_CIRCLE
                    : ConleyVcov.Distance.TRIANGULAR);
    double[] se0 = v.compute(fit(false), SmallSampleCorrection.fixest()).standardErrors();
    double[] se1 = v.compute(fit(true), SmallSampleCorrection.fixest()).standardErrors();
    assertThat(Tolerances.relErr(se0[0], ref[0])).isLessThan(1e-8);
    assertThat(Tolerances.relErr(se0[1], ref[1])).isLessThan(1e-8);
    assertThat(Tolerances.relErr(se1[0], ref[2])).isLessThan(1e-8);
  }

  @ParameterizedTest
  @CsvSource({"50, spherical", "200, triangular"})
  void feOlsEndToEndMatchesFixest(int cutoff, String distance) {
    double[] ref = reference().get(cutoff + "/" + distance);
    org.econ4j.panel.Panel panel = org.econ4j.panel.Panel.readCsv(ReferenceData.path(DATA));
    ConleyVcov v =
        ConleyVcov.parse(
            "conley:lat,lon,"
                + cutoff
                + (distance.equals("spherical") ? ",radius=6376" : ",triangular"));
    for (String f : new String[] {"y ~ x", "y ~ x | grp"}) {
      org.econ4j.panel.FeOlsResult fit =
          org.econ4j.panel.FeOls.defaults()
              .estimate(org.econ4j.panel.formula.Formula.parse(f), panel);
      org.econ4j.core.RegressionResult r =
          fit.result().withVcov(v.withCoordinatesFrom(panel, fit.keptRows()));
      double se = r.coefficient("x").orElseThrow().stdError();
      double expected = f.contains("|") ? ref[2] : ref[1];
      assertThat(Tolerances.relErr(se, expected)).isLessThan(1e-8);
    }
  }
}
