package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.econ4j.core.ConvergenceException;
import org.econ4j.core.Note;
import org.junit.jupiter.api.Test;

class DemeanerTest {
  private static final double TIGHT = 1e-10;

  @Test
  void oneFixedEffectSubtractsGroupMeans() {
    int[] g = {0, 0, 1, 1, 1, 2};
    double[] y = {1, 3, 2, 4, 9, 7};
    double[] before = y.clone();
    DemeanResult r = Demeaner.defaults().demean(FixedEffects.of("g", g), new double[][] {y});
    assertThat(r.column(0)).containsExactly(new double[] {-1, 1, -3, -1, 4, 0}, offset(1e-12));
    assertThat(r.converged()).isTrue();
    assertThat(r.notes()).isEmpty();
    assertThat(y).containsExactly(before);
    assertThat(r.columnCount()).isEqualTo(1);
    assertThat(r.method(0)).isEqualTo(Demeaner.Method.ALTERNATING_PROJECTIONS);
  }

  @Test
  void twoWayBalancedIsDoubleDemeaning() {
    int units = 4;
    int years = 3;
    int n = units * years;
    int[] u = new int[n];
    int[] t = new int[n];
    double[] y = new double[n];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      u[i] = i / years;
      t[i] = i % years;
      y[i] = rng.nextDouble() * 10;
    }
    double[] um = new double[units];
    double[] tm = new double[years];
    double all = 0;
    for (int i = 0; i < n; i++) {
      um[u[i]] += y[i] / years;
      tm[t[i]] += y[i] / units;
      all += y[i] / n;
    }
    for (Demeaner.Method m : Demeaner.Method.values()) {
      DemeanResult r =
          Demeaner.defaults()
              .withTolerance(TIGHT)
              .withMethod(m)
              .demean(FixedEffects.of("u", u).withDimension("t", t), new double[][] {y});
      for (int i = 0; i < n; i++) {
        assertThat(r.column(0)[i])
            .as("%s row %d", m, i)
            .isCloseTo(y[i] - um[u[i]] - tm[t[i]] + all, offset(1e-9));
      }
    }
  }

  @Test
  void weightedOneWayUsesWeightedMeans() {
    int[] g = {0, 0, 1, 1};
    double[] y = {1, 4, 2, 6};
    double[] w = {1, 2, 3, 1};
    DemeanResult r = Demeaner.defaults().demean(FixedEffects.of("g", g), new double[][] {y}, w);
    // weighted means: (1 + 8)/3 = 3, (6 + 6)/4 = 3
    assertThat(r.column(0)).containsExactly(new double[] {-2, 1, -1, 3}, offset(1e-12));
  }

  @Test
  void varyingSlopesRemoveGroupSpecificTrends() {
    int[] g = {0, 0, 0, 1, 1, 1};
    double[] t = {1, 2, 3, 1, 2, 3};
    double[] y = {2, 4, 6, 1, 0, -1}; // exact lines per group
    FixedEffects withIntercept = FixedEffects.of("g", g).withVaryingSlope("g", g, "t", t);
    // g + g[t] is redundant in the intercepts but still fits the lines exactly
    DemeanResult r =
        Demeaner.defaults().withTolerance(TIGHT).demean(withIntercept, new double[][] {y});
    assertThat(r.column(0)).containsExactly(new double[6], offset(1e-8));
    // slope only, through the origin: y = 2t in group 0 exact; group 1 gets a least-squares slope
    double[] y2 = {2, 4, 6, 1, 1, 1};
    DemeanResult s =
        Demeaner.defaults()
            .demean(
                FixedEffects.of("h", new int[6]).withSlopeOnly("g", g, "t", t),
                new double[][] {y2});
    // h (one level) + g[[t]]: residual orthogonal to 1 and to t within each g
    double[] res = s.column(0);
    double sum = 0;
    for (double v : res) {
      sum += v;
    }
    assertThat(sum).isCloseTo(0, offset(1e-5));
    assertThat(res[0] + 2 * res[1] + 3 * res[2]).isCloseTo(0, offset(1e-5));
    assertThat(res[3] + 2 * res[4] + 3 * res[5]).isCloseTo(0, offset(1e-5));
  }

  @Test
  void warmStartFromTheSolutionConvergesAtOnce() {
    DemeanerProperties.Case c = DemeanerProperties.randomCase(3, 200, true);
    Demeaner d = Demeaner.defaults().withTolerance(1e-9);
    DemeanResult cold = d.demean(c.fe, new double[][] {c.y});
    DemeanResult warm = d.demean(c.fe, new double[][] {c.y}, cold.state());
    assertThat(warm.iterations(0)).isLessThan(cold.iterations(0)).isLessThanOrEqualTo(2);
    assertThat(warm.column(0)).containsExactly(cold.column(0), offset(1e-7));
    DemeanResult warmW = d.demean(c.fe, new double[][] {c.y}, c.w, DemeanState.zeros(c.fe, 1));
    assertThat(warmW.converged()).isTrue();
    assertThat(cold.state().coefficients(0)).hasSize(c.fe.coefficientCount());
    double[] sum = cold.state().fixedEffectSum(c.fe, 0);
    for (int i = 0; i < c.y.length; i++) {
      assertThat(sum[i] + cold.column(0)[i]).isCloseTo(c.y[i], offset(1e-12));
    }
    assertThatThrownBy(() -> cold.state().fixedEffectSum(FixedEffects.of("g", new int[] {0, 1}), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("state has ")
        .hasMessageEndingWith(" coefficients per column, expected 2 for these fixed effects");
  }

  @Test
  void nonConvergenceIsANoteOrAnException() {
    DemeanerProperties.Case c = DemeanerProperties.randomCase(5, 300, false);
    Demeaner d =
        Demeaner.defaults()
            .withMethod(Demeaner.Method.ALTERNATING_PROJECTIONS)
            .withMaxIterations(1)
            .withTolerance(1e-12);
    DemeanResult r = d.demean(c.fe, new double[][] {c.y, c.y});
    assertThat(r.converged()).isFalse();
    assertThat(r.converged(0)).isFalse();
    assertThat(r.iterations(0)).isEqualTo(1);
    assertThat(r.maxIterations()).isEqualTo(1);
    assertThat(r.notes()).hasSize(1);
    Note note = r.notes().get(0);
    assertThat(note.kind()).isEqualTo(Note.Kind.CONVERGENCE);
    assertThat(note.message())
        .startsWith("demeaning did not converge after 1 iterations (tolerance 1e-12, last change ")
        .endsWith(
            "); raise maxIterations or check for weakly connected fixed effects (2 of 2 columns:"
                + " 0, 1)");
    assertThat(note.names()).containsExactly("0", "1");
    assertThatThrownBy(() -> d.withStrict(true).demean(c.fe, new double[][] {c.y}))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageMatching(
            "demeaning did not converge after 1 iterations \\(tolerance 1e-12, last change"
                + " [0-9.]+(e-[0-9]+)?\\); raise maxIterations or check for weakly connected fixed"
                + " effects")
        .satisfies(
            e -> {
              ConvergenceException ce = (ConvergenceException) e;
              assertThat(ce.iterations()).isEqualTo(1);
              assertThat(ce.tolerance()).isEqualTo(1e-12);
              assertThat(ce.lastChange()).isPositive();
            });
  }

  @Test
  void formatsNumbersLikeR() {
    assertThat(Formats.g(1e-6)).isEqualTo("1e-06");
    assertThat(Formats.g(3.2e-5)).isEqualTo("3.2e-05");
    assertThat(Formats.g(0.25)).isEqualTo("0.25");
    assertThat(Formats.g(0)).isEqualTo("0");
  }

  @Test
  void rejectsBadInputWithMessages() {
    FixedEffects fe = FixedEffects.of("g", new int[] {0, 0, 1});
    Demeaner d = Demeaner.defaults();
    assertThatThrownBy(() -> d.demean(fe, new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 0 has 2 rows, expected 3 (the rows of the fixed effects)");
    assertThatThrownBy(() -> d.demean(fe, new double[][] {{1, 2, 3}}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights have 2 rows, expected 3 (the rows of the fixed effects)");
    assertThatThrownBy(() -> d.demean(fe, new double[][] {{1, 2, 3}}, new double[] {1, -1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight at row 1 is -1.0, expected a finite value >= 0");
    assertThatThrownBy(() -> d.demean(fe, new double[][] {{1, 2, 3}}, DemeanState.zeros(fe, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "warm start has 2 columns of 2 coefficients, expected 1 columns of 2; pass the state"
                + " of a previous demeaning of the same fixed effects and columns");
    assertThatThrownBy(() -> d.withTolerance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demeaning tolerance must be a finite number > 0, got 0.0");
    assertThatThrownBy(() -> d.withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIterations must be >= 1, got 0");
    assertThatThrownBy(() -> d.withParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be >= 1, got 0");
    assertThatThrownBy(() -> d.withSwitchIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("switchIterations must be >= 1, got 0");
  }

  @Test
  void configurationIsImmutableWithDocumentedDefaults() {
    Demeaner d = Demeaner.defaults();
    assertThat(d.tolerance()).isEqualTo(1e-6);
    assertThat(d.maxIterations()).isEqualTo(10_000);
    assertThat(d.method()).isEqualTo(Demeaner.Method.AUTO);
    assertThat(d.strict()).isFalse();
    assertThat(d.executor()).isEmpty();
    assertThat(d.switchIterations()).isEqualTo(Demeaner.DEFAULT_SWITCH_ITERATIONS);
    Demeaner e = d.withTolerance(1e-8).withStrict(true).withParallelism(3);
    assertThat(d.tolerance()).isEqualTo(1e-6);
    assertThat(e.tolerance()).isEqualTo(1e-8);
    assertThat(e.strict()).isTrue();
    assertThat(e.parallelism()).isEqualTo(3);
  }

  @Test
  void runsOnACallerPool() {
    DemeanerProperties.Case c = DemeanerProperties.randomCase(11, 150, true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Demeaner d = Demeaner.defaults().withExecutor(pool).withParallelism(2);
      DemeanResult a = d.demean(c.fe, new double[][] {c.y, c.x, c.y});
      DemeanResult b =
          Demeaner.defaults().withParallelism(1).demean(c.fe, new double[][] {c.y, c.x, c.y});
      for (int j = 0; j < 3; j++) {
        assertThat(a.column(j)).containsExactly(b.column(j));
      }
      assertThat(d.executor()).contains(pool);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void autoSwitchesToConjugateGradientsOnAWeaklyConnectedGraph() {
    // a long chain: worker i works at firms i and i + 1 (and a year dimension), as in the
    // "difficult" benchmark design; projections need many iterations here
    int workers = 400;
    int n = 2 * workers;
    int[] worker = new int[n];
    int[] firm = new int[n];
    int[] year = new int[n];
    double[] y = new double[n];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int i = 0; i < workers; i++) {
      for (int t = 0; t < 2; t++) {
        int r = 2 * i + t;
        worker[r] = i;
        firm[r] = i + t;
        year[r] = t;
        y[r] = 0.01 * i + rng.nextDouble();
      }
    }
    FixedEffects fe =
        FixedEffects.of("worker", worker).withDimension("firm", firm).withDimension("year", year);
    Demeaner auto = Demeaner.defaults().withTolerance(1e-10);
    DemeanResult a = auto.demean(fe, new double[][] {y});
    assertThat(a.method(0)).isEqualTo(Demeaner.Method.CONJUGATE_GRADIENT);
    assertThat(a.iterations(0)).isGreaterThan(Demeaner.DEFAULT_SWITCH_ITERATIONS);
    assertThat(a.converged()).isTrue();
    DemeanResult ap =
        auto.withMethod(Demeaner.Method.ALTERNATING_PROJECTIONS)
            .withMaxIterations(200_000)
            .demean(fe, new double[][] {y});
    assertThat(a.column(0)).containsExactly(ap.column(0), offset(1e-6));
    FixedEffects two = FixedEffects.of("worker", worker).withDimension("firm", firm);
    DemeanResult a2 = auto.demean(two, new double[][] {y});
    assertThat(a2.method(0)).isEqualTo(Demeaner.Method.CONJUGATE_GRADIENT);
    assertThat(a2.column(0))
        .containsExactly(
            auto.withMethod(Demeaner.Method.ALTERNATING_PROJECTIONS)
                .withMaxIterations(200_000)
                .demean(two, new double[][] {y})
                .column(0),
            offset(1e-6));
  }
}
