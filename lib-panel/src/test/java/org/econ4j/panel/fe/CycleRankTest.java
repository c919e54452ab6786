package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CycleRankTest {

  private static double[][] design(int[]... dims) {
    int n = dims[0].length;
    int p = 0;
    int[] offs = new int[dims.length];
    int[][] codes = new int[dims.length][];
    for (int k = 0; k < dims.length; k++) {
      offs[k] = p;
      codes[k] = FixedEffects.encode(dims[k]);
      p += FixedEffects.of("d", dims[k]).levels(0);
    }
    double[][] d = new double[n][p];
    for (int k = 0; k < dims.length; k++) {
      for (int i = 0; i < n; i++) {
        d[i][offs[k] + codes[k][i]] = 1;
      }
    }
    return d;
  }

  private static FixedEffects fe(int[]... dims) {
    FixedEffects f = FixedEffects.of("d0", dims[0]);
    for (int k = 1; k < dims.length; k++) {
      f = f.withDimension("d" + k, dims[k]);
    }
    return f;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void exactRankEqualsDenseRankOnRandomDesigns(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int rep = 0; rep < 6; rep++) {
      int n = 10 + rng.nextInt(40);
      int k = 3 + rng.nextInt(2);
      int[][] dims = new int[k][n];
      for (int d = 0; d < k; d++) {
        int levels = 1 + rng.nextInt(d < 2 ? 10 : 4);
        for (int i = 0; i < n; i++) {
          dims[d][i] = rng.nextInt(levels);
        }
      }
      FeDegreesOfFreedom dof = fe(dims).degreesOfFreedom();
      assertThat(dof.absorbed())
          .as("seed %d rep %d", seed, rep)
          .isEqualTo(DenseAlgebra.rank(design(dims)));
      assertThat(dof.exact()).isTrue();
      assertThat(dof.method()).contains("exact integer rank of the cycle constraints");
    }
  }

  @Test
  void ringDesignHasRedundancyBeyondTheConstants() {
    // the 'difficult' design in miniature: unit = i / 4, period = i % 4, firm = i % 6;
    // gcd(4, 6) = 2, so the parity of the firm fixes the parity of the period: one more redundancy
    int n = 48;
    int[] unit = new int[n];
    int[] period = new int[n];
    int[] firm = new int[n];
    for (int i = 0; i < n; i++) {
      unit[i] = i / 4;
      period[i] = i % 4;
      firm[i] = i % 6;
    }
    FixedEffects f = fe(unit, period, firm);
    FeDegreesOfFreedom dof = f.degreesOfFreedom();
    int rank = DenseAlgebra.rank(design(unit, period, firm));
    assertThat(dof.absorbed()).isEqualTo(rank);
    assertThat(dof.redundant()).isEqualTo(3); // 1 component + 1 constant + 1 parity
    assertThat(dof.method()).contains("exact integer rank of the cycle constraints");
    assertThat(dof.exact()).isTrue();
    assertThat(f.degreesOfFreedomBound().redundant()).isEqualTo(2);
  }

  @Test
  void certifiedByTheBoundOnAWellConnectedPanel() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 400;
    int[] unit = new int[n];
    int[] year = new int[n];
    int[] firm = new int[n];
    for (int i = 0; i < n; i++) {
      unit[i] = i / 5;
      year[i] = i % 5;
      firm[i] = rng.nextInt(12);
    }
    int[][] t = {FixedEffects.encode(year)};
    CycleRank.Result r =
        CycleRank.compute(
            FixedEffects.encode(unit), 80, FixedEffects.encode(firm), 12, t, new int[] {0}, 5);
    assertThat(r).isNotNull();
    assertThat(r.certifiedByBound()).isTrue();
    assertThat(r.rank()).isEqualTo(4);
    assertThat(r.components()).isEqualTo(1);
  }

  @Test
  void fallsBackToTheNumericalRankWhenPotentialsWouldBeTooLarge() {
    int[] unit = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    int[] year = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    int[] group = {0, 1, 0, 1, 0, 1, 1, 0, 0};
    long saved = CycleRank.potentialLimit;
    try {
      CycleRank.potentialLimit = 0;
      FeDegreesOfFreedom d = fe(unit, year, group).degreesOfFreedom();
      assertThat(d.absorbed()).isEqualTo(DenseAlgebra.rank(design(unit, year, group)));
      assertThat(d.method()).contains("pivoted-Cholesky rank of the 2 further level indicators");
      assertThat(d.exact()).isTrue();
    } finally {
      CycleRank.potentialLimit = saved;
    }
  }

  @Test
  void nullSpaceOfIntegerRows() {
    long[][] k = CycleRank.nullSpace(new long[][] {{1, -1, 0, 0}, {0, 2, -2, 0}}, 4);
    assertThat(k).hasNumberOfRows(2);
    for (long[] v : k) {
      assertThat(v[0] - v[1]).isZero();
      assertThat(2 * v[1] - 2 * v[2]).isZero();
    }
  }

  @Test
  void largeRingSpanningManyPotentialPages() {
    // 12,000 units (many pages of potentials) in the same ring design: still exactly 3 redundant
    int n = 48_000;
    int[] unit = new int[n];
    int[] period = new int[n];
    int[] firm = new int[n];
    for (int i = 0; i < n; i++) {
      unit[i] = i / 4;
      period[i] = i % 4;
      firm[i] = i % 6;
    }
    FeDegreesOfFreedom dof = fe(unit, period, firm).degreesOfFreedom();
    assertThat(dof.redundant()).isEqualTo(3);
    assertThat(dof.method()).contains("exact integer rank of the cycle constraints");
    // with a firm coprime to the period the parity link disappears: 1 component + 1 constant
    for (int i = 0; i < n; i++) {
      firm[i] = i % 7;
    }
    assertThat(fe(unit, period, firm).degreesOfFreedom().redundant()).isEqualTo(2);
  }
}
