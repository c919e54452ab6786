package org.econ4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.EstimationException;
import org.junit.jupiter.api.Test;

class SymmetricMatricesTest {
  private static final double[][] A = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};

  @Test
  void choleskyReproducesMatrix() {
    double[][] l = SymmetricMatrices.cholesky(A);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int m = 0; m < 3; m++) {
          s += l[i][m] * l[j][m];
        }
        assertThat(s).isCloseTo(A[i][j], within(1e-14));
      }
    }
    assertThat(l[0][1]).isZero();
  }

  @Test
  void inverseTimesMatrixIsIdentity() {
    double[][] inv = SymmetricMatrices.inverse(A);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int m = 0; m < 3; m++) {
          s += A[i][m] * inv[m][j];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-14));
      }
      assertThat(inv[i][(i + 1) % 3]).isEqualTo(inv[(i + 1) % 3][i]);
    }
  }

  @Test
  void notPositiveDefinite() {
    assertThatThrownBy(() -> SymmetricMatrices.inverse(new double[][] {{1, 2}, {2, 1}}))
        .isInstanceOf(EstimationException.class)
        .hasMessageStartingWith("matrix is not positive definite (pivot 1 is -3.0)")
        .hasMessageEndingWith("; check for collinear columns");
    assertThatThrownBy(() -> SymmetricMatrices.cholesky(new double[][] {{1, 2}}))
        .hasMessage("matrix must be square, got a row of length 2 in a 1-row matrix");
  }

  @Test
  void clippingNegativeEigenvalues() {
    double[][] m = {{1, 2}, {2, 1}}; // eigenvalues 3 and -1
    assertThat(SymmetricMatrices.eigenvalues(m))
        .containsExactly(new double[] {-1, 3}, within(1e-12));
    double[][] c = SymmetricMatrices.clipNegativeEigenvalues(m);
    // 3 * v v' with v = (1, 1)/sqrt 2
    assertThat(c[0]).containsExactly(new double[] {1.5, 1.5}, within(1e-12));
    assertThat(SymmetricMatrices.eigenvalues(c)[0]).isCloseTo(0, within(1e-12));
    double[][] psd = SymmetricMatrices.clipNegativeEigenvalues(A);
    for (int i = 0; i < 3; i++) {
      assertThat(psd[i]).containsExactly(A[i], within(1e-12));
    }
    assertThat(SymmetricMatrices.eigenvalues(new double[0][0])).isEmpty();
  }

  @Test
  void sandwichProduct() {
    double[][] b = {{1, 2}, {0, 1}};
    double[][] m = {{1, 0}, {0, 2}};
    double[][] s = SymmetricMatrices.sandwich(b, m);
    assertThat(s[0]).containsExactly(9, 4);
    assertThat(s[1]).containsExactly(4, 2);
    assertThatThrownBy(() -> SymmetricMatrices.sandwich(b, new double[][] {{1}}))
        .hasMessage("bread is 2x2 but meat is 1x1");
  }
}
