package org.econ4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/** NIST StRD certified linear regressions (data in reference/nist, see its README). */
class LeastSquaresReferenceTest {

  private static final double[] LONGLEY_B = {
    -3482258.63459582,
    15.0618722713733,
    -0.358191792925910E-01,
    -2.02022980381683,
    -1.03322686717359,
    -0.511041056535807E-01,
    1829.15146461355
  };
  private static final double[] LONGLEY_SE = {
    890420.383607373,
    84.9149257747669,
    0.334910077722432E-01,
    0.488399681651699,
    0.214274163161675,
    0.226073200069370,
    455.478499142212
  };

  private static double[] ones(int n) {
    double[] o = new double[n];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  @Test
  void longleyCoefficientsAndStandardErrors() {
    String r = "reference/nist/longley.csv";
    double[] y = ReferenceData.numeric(r, "y");
    double[][] x = new double[7][];
    x[0] = ones(y.length);
    for (int j = 1; j <= 6; j++) {
      x[j] = ReferenceData.numeric(r, "x" + j);
    }
    LeastSquaresFit fit = LeastSquares.defaults().fit(x, y);
    assertThat(fit.rank()).isEqualTo(7);
    double[] b = fit.coefficients();
    double[][] bread = fit.bread();
    double s2 = fit.rss() / (y.length - 7);
    for (int j = 0; j < 7; j++) {
      assertThat(Tolerances.lre(b[j], LONGLEY_B[j])).as("LRE of B%d", j).isGreaterThanOrEqualTo(12);
      double se = Math.sqrt(s2 * bread[j][j]);
      assertThat(Tolerances.lre(se, LONGLEY_SE[j]))
          .as("LRE of SE B%d", j)
          .isGreaterThanOrEqualTo(12);
    }
    assertThat(Tolerances.lre(fit.rss(), 836424.055505915)).isGreaterThanOrEqualTo(12);
  }

  private static LeastSquaresFit polynomial(String resource) {
    double[] y = ReferenceData.numeric(resource, "y");
    double[] xv = ReferenceData.numeric(resource, "x");
    double[][] x = new double[6][y.length];
    for (int i = 0; i < y.length; i++) {
      double p = 1;
      for (int j = 0; j < 6; j++) {
        x[j][i] = p;
        p *= xv[i];
      }
    }
    return LeastSquares.defaults().fit(x, y);
  }

  @Test
  void wampler1() {
    LeastSquaresFit fit = polynomial("reference/nist/wampler1.csv");
    assertThat(fit.rank()).isEqualTo(6);
    double[] b = fit.coefficients();
    for (int j = 0; j < 6; j++) {
      assertThat(Tolerances.lre(b[j], 1.0)).as("LRE of B%d", j).isGreaterThanOrEqualTo(9);
    }
  }

  @Test
  void wampler2() {
    LeastSquaresFit fit = polynomial("reference/nist/wampler2.csv");
    double[] b = fit.coefficients();
    double c = 1;
    for (int j = 0; j < 6; j++) {
      assertThat(Tolerances.lre(b[j], c)).as("LRE of B%d", j).isGreaterThanOrEqualTo(12);
      c /= 10;
    }
  }
}
