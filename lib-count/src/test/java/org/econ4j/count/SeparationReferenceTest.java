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
    assertPoissonConvergesWithout(y, xs, fes, sep);
  }

  /**
   * On the rows left after dropping the separated ones, Poisson ML on [1, x, FE dummies] converges
   * to finite fitted values (no overflow; data set 11 has a regressor value of -716, so the linear
   * predictors legitimately span a wide range): Newton with a pseudo-inverse (collinear columns,
   * which separation leaves behind, do not matter for the fitted means).
   */
  private static void assertPoissonConvergesWithout(
      double[] y, List<double[]> xs, List<int[]> fes, boolean[] sep) {
    List<double[]> cols = new ArrayList<>();
    int n = y.length;
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1);
    cols.add(one);
    cols.addAll(xs);
    for (int[] f : fes) {
      java.util.TreeSet<Integer> levels = new java.util.TreeSet<>();
      for (int v : f) {
        levels.add(v);
      }
      for (int level : levels) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = f[i] == level ? 1 : 0;
        }
        cols.add(d);
      }
    }
    int p = cols.size();
    double[] b = new double[p];
    double[] eta = new double[n];
    double maxScore = Double.NaN;
    for (int it = 0; it < 200; it++) {
      org.ejml.data.DMatrixRMaj h = new org.ejml.data.DMatrixRMaj(p, p);
      org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(p, 1);
      maxScore = 0;
      for (int i = 0; i < n; i++) {
        if (sep[i]) {
          continue;
        }
        double e = 0;
        for (int j = 0; j < p; j++) {
          e += cols.get(j)[i] * b[j];
        }
        eta[i] = e;
        double mu = Math.exp(e);
        for (int a = 0; a < p; a++) {
          double xa = cols.get(a)[i];
          g.data[a] += (y[i] - mu) * xa;
          for (int c = 0; c < p; c++) {
            h.data[a * p + c] += mu * xa * cols.get(c)[i];
          }
        }
      }
      for (double v : g.data) {
        maxScore = Math.max(maxScore, Math.abs(v));
      }
      if (maxScore < 1e-9) {
        break;
      }
      org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM solver =
          new org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM(p, p);
      solver.setThreshold(1e-10);
      solver.setA(h);
      org.ejml.data.DMatrixRMaj d = new org.ejml.data.DMatrixRMaj(p, 1);
      solver.solve(g, d);
      for (int j = 0; j < p; j++) {
        b[j] += d.data[j];
      }
    }
    assertThat(maxScore).as("poisson score on the kept rows").isLessThan(1e-9);
    for (int i = 0; i < n; i++) {
      if (!sep[i]) {
        assertThat(Math.abs(eta[i])).as("linear predictor, row %s", i).isLessThan(700.0);
      }
    }
  }
}
