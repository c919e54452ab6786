package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelBuilder;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of the descriptive statistics over seeded random panels. */
class DescribeProperties {
  private static final double REL = 1e-10;

  private static Panel panel(RandomPanels.Spec spec, long seed) {
    RandomPanels.Columns c = RandomPanels.generate(spec, seed);
    PanelBuilder b = Panel.builder();
    for (Map.Entry<String, String[]> e : c.categorical().entrySet()) {
      b.categorical(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, double[]> e : c.numeric().entrySet()) {
      b.numeric(e.getKey(), e.getValue());
    }
    return b.build().withIndex("unit", "time");
  }

  private static void close(double a, double b) {
    if (Double.isNaN(b)) {
      assertThat(a).isNaN();
    } else {
      assertThat(a).isCloseTo(b, within(REL * Math.max(1, Math.abs(b))));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void summaryIsInvariantToRowOrder(long seed) {
    Panel p = panel(RandomPanels.Spec.of(12, 8).withMissingProbability(0.1), seed);
    int[] perm = new int[p.rows()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = perm.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Panel q = p.selectRows(perm);
    Summary a = Summary.of(p, "x1", "x2", "y").withBy("c1");
    Summary b = Summary.of(q, "x1", "x2", "y").withBy("c1");
    for (int r = 0; r < a.rows().size(); r++) {
      Summary.Row ra = a.rows().get(r);
      Summary.Row rb = b.row(ra.group(), ra.variable());
      assertThat(rb.n()).isEqualTo(ra.n());
      close(rb.mean(), ra.mean());
      close(rb.sd(), ra.sd());
      assertThat(rb.median()).isEqualTo(ra.median());
      assertThat(rb.p25()).isEqualTo(ra.p25());
      assertThat(rb.max()).isEqualTo(ra.max());
    }
    XtSum.Row xa = XtSum.of(p, "y").row("y");
    XtSum.Row xb = XtSum.of(q, "y").row("y");
    close(xb.withinSd(), xa.withinSd());
    close(xb.betweenSd(), xa.betweenSd());
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void xtsumDecomposesTheSumOfSquaresOnBalancedPanels(long seed) {
    int units = 9;
    int periods = 7;
    Panel p = panel(RandomPanels.Spec.of(units, periods), seed);
    XtSum.Row r = XtSum.of(p, "x1").row("x1");
    double total = (r.n() - 1) * r.overallSd() * r.overallSd();
    double within = (r.n() - 1) * r.withinSd() * r.withinSd();
    double between = periods * (units - 1) * r.betweenSd() * r.betweenSd();
    close(within + between, total);
    close(r.tBar(), periods);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void correlationsAreSymmetricBoundedAndAgreeWithoutMissing(long seed) {
    Panel p = panel(RandomPanels.Spec.of(10, 6).withNumericColumns(3), seed);
    Correlations pw = Correlations.of(p, "x1", "x2", "x3", "y");
    Correlations lw = pw.withListwise();
    double[][] m = pw.blocks().get(0).matrix();
    double[][] l = lw.blocks().get(0).matrix();
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        assertThat(m[i][j]).isEqualTo(m[j][i]).isBetween(-1.0, 1.0);
        close(l[i][j], m[i][j]);
      }
    }
    assertThat(lw.notes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33})
  void sharesAddUpAndGroupSeriesSumToTheTotal(long seed) {
    Panel p = panel(RandomPanels.Spec.of(15, 5).withDropProbability(0.2), seed);
    Shares s = Shares.of(p, "pos", "c1").withBy2("unit");
    double sum = 0;
    for (Shares.Row r : s.groupTotals()) {
      sum += r.share();
      double cells = 0;
      for (Shares.Row c : s.rows()) {
        if (c.category().equals(r.category())) {
          cells += c.total();
        }
      }
      close(cells, r.total());
    }
    close(sum, 100);
    Growth g = Growth.of(p, "pos", "time").withBy("c1");
    double[] total = g.total();
    double[] bySum = new double[total.length];
    for (String grp : g.groups()) {
      double[] s1 = g.series(grp);
      for (int t = 0; t < s1.length; t++) {
        if (!Double.isNaN(s1[t])) {
          bySum[t] += s1[t];
        }
      }
    }
    for (int t = 0; t < total.length; t++) {
      close(bySum[t], total[t]);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42})
  void cvIsScaleInvariant(long seed) {
    Panel p = panel(RandomPanels.Spec.of(10, 4), seed);
    double[] x = p.numeric("pos");
    for (int i = 0; i < x.length; i++) {
      x[i] *= 7.5;
    }
    Panel q = p.withColumn("scaled", x);
    double[] a = CoefficientOfVariation.of(p, "pos").values();
    double[] b = CoefficientOfVariation.of(q, "scaled").values();
    for (int t = 0; t < a.length; t++) {
      close(b[t], a[t]);
    }
  }
}
