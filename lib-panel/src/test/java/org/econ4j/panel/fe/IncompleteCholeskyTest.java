package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncompleteCholeskyTest {

  /** CSR (both triangles) of a dense symmetric matrix, skipping zeros. */
  private static Object[] csr(double[][] a) {
    int m = a.length;
    int[] ptr = new int[m + 1];
    int nnz = 0;
    for (double[] row : a) {
      for (double v : row) {
        if (v != 0) {
          nnz++;
        }
      }
    }
    int[] col = new int[nnz];
    double[] val = new double[nnz];
    int e = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (a[i][j] != 0) {
          col[e] = j;
          val[e++] = a[i][j];
        }
      }
      ptr[i + 1] = e;
    }
    return new Object[] {ptr, col, val};
  }

  private static double[] times(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i] += a[i][j] * x[j];
      }
    }
    return out;
  }

  private static IncompleteCholesky factor(double[][] a) {
    Object[] c = csr(a);
    return IncompleteCholesky.of((int[]) c[0], (int[]) c[1], (double[]) c[2]);
  }

  @Test
  void exactOnAnArrowMatrixWithTheDenseRowFirst() {
    // a path of 30 nodes plus one node linked to all (listed first): ordering by row length puts
    // it last, so IC(0) has no fill to drop and the solve is exact
    int m = 31;
    double[][] a = new double[m][m];
    for (int i = 1; i < m; i++) {
      a[i][i] = 4;
      a[0][i] = a[i][0] = -0.1;
      if (i + 1 < m) {
        a[i][i + 1] = a[i + 1][i] = -1;
      }
    }
    a[0][0] = 10;
    IncompleteCholesky ic = factor(a);
    assertThat(ic).isNotNull();
    SplittableRandom rng = new SplittableRandom(5);
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = rng.nextDouble() - 0.5;
    }
    double[] z = new double[m];
    ic.solve(times(a, x), z, new double[m]);
    assertThat(z).containsExactly(x, offset(1e-12));
  }

  @Test
  void zeroDiagonalRowsStayAtZero() {
    double[][] a = {{2, 0, -1}, {0, 0, 0}, {-1, 0, 2}};
    IncompleteCholesky ic = factor(a);
    double[] z = new double[3];
    ic.solve(new double[] {1, 5, 1}, z, new double[3]);
    assertThat(z[1]).isZero();
    assertThat(z[0]).isCloseTo(1, offset(1e-12));
    assertThat(z[2]).isCloseTo(1, offset(1e-12));
  }

  @Test
  void shiftsWhenIcZeroBreaksDown() {
    // SPD (eigenvalues 3 ± 2√2, twice) but IC(0) without a shift meets the pivot −5 in the last
    // row; the factorisation is redone on A + alpha diag(A) and stays an SPD operator
    double[][] a = {{3, -2, 0, 2}, {-2, 3, -2, 0}, {0, -2, 3, -2}, {2, 0, -2, 3}};
    IncompleteCholesky ic = factor(a);
    assertThat(ic).isNotNull();
    SplittableRandom rng = new SplittableRandom(9);
    for (int t = 0; t < 20; t++) {
      double[] r = new double[4];
      for (int i = 0; i < 4; i++) {
        r[i] = rng.nextDouble() - 0.5;
      }
      double[] z = new double[4];
      ic.solve(r, z, new double[4]);
      double rz = 0;
      for (int i = 0; i < 4; i++) {
        rz += r[i] * z[i];
      }
      assertThat(rz).isPositive();
    }
  }

  @Test
  void indefiniteMatricesGiveNoFactor() {
    double[][] a = {{1, 0.9, 0.9, 0}, {0.9, 1, 0, 0.9}, {0.9, 0, 1, 0.9}, {0, 0.9, 0.9, 2}};
    assertThat(factor(a)).isNull();
  }

  @Test
  void mersenneMulModMatchesBigInteger() {
    SplittableRandom rng = new SplittableRandom(13);
    BigInteger p = BigInteger.valueOf(CycleRank.P);
    long[] edge = {0, 1, 2, CycleRank.P - 2, CycleRank.P - 1, 1L << 30, (1L << 31) - 2};
    for (long a : edge) {
      for (long b : edge) {
        assertThat(CycleRank.mulMod(a, b))
            .isEqualTo(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(p).longValue());
      }
    }
    for (int t = 0; t < 10_000; t++) {
      long a = rng.nextLong(CycleRank.P);
      long b = rng.nextLong(CycleRank.P);
      assertThat(CycleRank.mulMod(a, b))
          .isEqualTo(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(p).longValue());
    }
  }
}
