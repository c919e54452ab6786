package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.econ4j.core.Convergence;
import org.econ4j.core.RegressionResult;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reported convergence is the demeaner's stopping criterion: converged implies lastChange &le;
 * tolerance, for every algorithm and fixed-effect structure, on panels whose fixed effects are
 * large (where fixest's relative rule stops while absolute changes still exceed the tolerance).
 */
class FeOlsConvergenceProperties {
  private static final String[] FES = {"a", "a + b", "a + b + c", "a + b[z]", "a^b + c"};

  /** n rows, three FE dimensions (b and c sparse, c nearly nested in a), effects of scale 1e4. */
  private static Panel panel(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 300 + rng.nextInt(200);
    int ga = 20 + rng.nextInt(20);
    int gb = 10 + rng.nextInt(20);
    int gc = 15 + rng.nextInt(10);
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    double[] x = new double[n];
    double[] z = new double[n];
    double[] y = new double[n];
    double[] ea = new double[ga];
    double[] eb = new double[gb];
    double[] ec = new double[gc];
    for (int g = 0; g < ga; g++) {
      ea[g] = 1e4 * RandomPanels.gaussian(rng);
    }
    for (int g = 0; g < gb; g++) {
      eb[g] = 3e3 * RandomPanels.gaussian(rng);
    }
    for (int g = 0; g < gc; g++) {
      ec[g] = 5e2 * RandomPanels.gaussian(rng);
    }
    for (int i = 0; i < n; i++) {
      int ia = rng.nextInt(ga);
      int ib = rng.nextInt(gb);
      int ic = rng.nextDouble() < 0.9 ? ia % gc : rng.nextInt(gc);
      a[i] = ia;
      b[i] = ib;
      c[i] = ic;
      x[i] = RandomPanels.gaussian(rng) + 1e-3 * ea[ia];
      z[i] = 1 + rng.nextDouble();
      y[i] = 2 * x[i] + ea[ia] + eb[ib] * z[i] + ec[ic] + RandomPanels.gaussian(rng);
    }
    return Panel.builder()
        .numeric("a", a)
        .numeric("b", b)
        .numeric("c", c)
        .numeric("x", x)
        .numeric("z", z)
        .numeric("y", y)
        .build();
  }

  private static void assertHonest(Convergence c) {
    assertThat(c.lastChange()).isNotNaN().isGreaterThanOrEqualTo(0);
    if (c.converged()) {
      assertThat(c.lastChange()).as("%s", c).isLessThanOrEqualTo(c.tolerance());
    } else {
      assertThat(c.lastChange()).as("%s", c).isGreaterThan(c.tolerance());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void convergedImpliesLastChangeWithinTolerance(long seed) {
    Panel p = panel(seed);
    for (Demeaner.Method m : Demeaner.Method.values()) {
      for (double tol : new double[] {1e-4, 1e-6, 1e-9}) {
        for (int maxIt : new int[] {3, 10_000}) {
          FeOls est =
              FeOls.defaults()
                  .withSingletonRemoval(false)
                  .withDemeaner(
                      Demeaner.defaults()
                          .withMethod(m)
                          .withTolerance(tol)
                          .withMaxIterations(maxIt));
          for (String fe : FES) {
            RegressionResult r = est.fit(Formula.parse("y ~ x | " + fe), p);
            assertThat(r.convergence().tolerance()).isEqualTo(tol);
            assertHonest(r.convergence());
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void demeanerColumnsReportTheirCriterion(long seed) {
    Panel p = panel(seed);
    int n = p.rows();
    int[] a = codes(p.numeric("a"));
    int[] b = codes(p.numeric("b"));
    int[] c = codes(p.numeric("c"));
    FixedEffects fe = FixedEffects.of("a", a).withDimension("b", b).withDimension("c", c);
    double[] w = new double[n];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + rng.nextDouble();
    }
    for (Demeaner.Method m : Demeaner.Method.values()) {
      for (int maxIt : new int[] {2, 5, 10_000}) {
        Demeaner d = Demeaner.defaults().withMethod(m).withMaxIterations(maxIt);
        for (DemeanResult r :
            new DemeanResult[] {
              d.demean(fe, new double[][] {p.numeric("y"), p.numeric("x")}),
              d.demean(fe, new double[][] {p.numeric("y"), p.numeric("x")}, w)
            }) {
          for (int j = 0; j < r.columnCount(); j++) {
            if (r.converged(j)) {
              assertThat(r.lastChange(j)).isLessThanOrEqualTo(d.tolerance());
            } else {
              assertThat(r.lastChange(j)).isGreaterThan(d.tolerance());
            }
          }
        }
      }
    }
  }

  private static int[] codes(double[] v) {
    int[] c = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      c[i] = (int) v[i];
    }
    return c;
  }
}
