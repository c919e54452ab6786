package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class PanelIndexTest {
  private static Panel gapped() {
    // unit a: 2000, 2001, 2003 (gap at 2002); unit b: 2001, 2000 (rows out of order)
    return Panel.builder()
        .categorical("unit", new String[] {"a", "a", "b", "a", "b"})
        .numeric("year", new double[] {2000, 2001, 2001, 2003, 2000})
        .numeric("x", new double[] {1, 2, 30, 4, 10})
        .build()
        .withIndex("unit", "year");
  }

  @Test
  void lagsByTimeValueNotRowOrder() {
    Panel p = gapped();
    assertThat(p.lag("x", 1)).containsExactly(Double.NaN, 1, 10, Double.NaN, Double.NaN);
    assertThat(p.lag("x", 2)).containsExactly(Double.NaN, Double.NaN, Double.NaN, 2, Double.NaN);
    assertThat(p.lead("x", 1)).containsExactly(2, Double.NaN, Double.NaN, Double.NaN, 30);
    assertThat(p.diff("x", 1)).containsExactly(Double.NaN, 1, 20, Double.NaN, Double.NaN);
    assertThat(p.growth("x", 1)[2]).isEqualTo(200.0);
    assertThat(p.logDiff("x", 1)[1]).isEqualTo(Math.log(2));
    assertThat(p.index().orElseThrow().step()).isEqualTo(1);
  }

  @Test
  void detectsTimeStepAsGcd() {
    Panel p =
        Panel.builder()
            .numeric("id", new double[] {1, 1, 1, 2})
            .numeric("t", new double[] {1990, 1995, 2005, 2000})
            .numeric("x", new double[] {1, 2, 3, 4})
            .build()
            .withIndex("id", "t");
    assertThat(p.index().orElseThrow().step()).isEqualTo(5);
    assertThat(p.lag("x", 1)).containsExactly(Double.NaN, 1, Double.NaN, Double.NaN);
  }

  @Test
  void rejectsDuplicateKeysListingThem() {
    Panel p =
        Panel.builder()
            .categorical("unit", new String[] {"a", "a", "b"})
            .numeric("year", new double[] {2000, 2000, 2000})
            .build();
    assertThatThrownBy(() -> p.withIndex("unit", "year"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "index ('unit', 'year') has 1 duplicate keys: (a, 2000) at rows 1 and 2; aggregate or drop"
                + " duplicates so that each (unit, time) appears once");
  }

  @Test
  void rejectsNonNumericAndNonIntegerTime() {
    Panel p =
        Panel.builder()
            .categorical("unit", new String[] {"a", "b"})
            .categorical("when", new String[] {"x", "y"})
            .numeric("t", new double[] {1.5, 2})
            .build();
    assertThatThrownBy(() -> p.withIndex("unit", "when"))
        .hasMessage(
            "time column 'when' is categorical (e.g. 'x'); the time index must be numeric, such as a year");
    assertThatThrownBy(() -> p.withIndex("unit", "t"))
        .hasMessage(
            "time column 't' has the non-integer value 1.5 at row 1; time must hold integer periods (years,"
                + " or period numbers)");
    assertThatThrownBy(() -> p.withIndex("unitt", "t"))
        .hasMessage("unknown column 'unitt'; known columns: unit, when, t");
  }

  @Test
  void lagNeedsIndexAndNonNegativeOrder() {
    Panel p = Panel.builder().numeric("x", new double[] {1, 2}).build();
    assertThatThrownBy(() -> p.lag("x", 1))
        .hasMessage(
            "lag(x, 1) needs a panel index; call withIndex(unit, time) (command line: --index unit,time)");
    assertThatThrownBy(() -> gapped().lag("x", -1))
        .hasMessage("lag order must be a non-negative integer, got -1; use lead for negative lags");
  }

  @Test
  void leadOfLagIsIdentityOnBalancedPanels() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int rep = 0; rep < 20; rep++) {
      int units = 1 + rng.nextInt(8);
      int periods = 2 + rng.nextInt(6);
      int n = units * periods;
      String[] u = new String[n];
      double[] t = new double[n];
      double[] x = new double[n];
      int[] perm = org.econ4j.panel.PanelIndexTest.permutation(n, rng);
      for (int r = 0; r < n; r++) {
        int k = perm[r];
        u[r] = "u" + (k / periods);
        t[r] = 1990 + k % periods;
        x[r] = rng.nextDouble();
      }
      Panel p =
          Panel.builder()
              .categorical("u", u)
              .numeric("t", t)
              .numeric("x", x)
              .build()
              .withIndex("u", "t");
      double[] lagged = p.lag("x", 1);
      double[] back = p.withColumn("lx", lagged).lead("lx", 1);
      for (int r = 0; r < n; r++) {
        if (t[r] < 1990 + periods - 1) {
          assertThat(back[r]).isEqualTo(x[r]);
        } else {
          assertThat(back[r]).isNaN();
        }
      }
    }
  }

  static int[] permutation(int n, java.util.SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  @Test
  void callerArraysAreNotModified() {
    double[] x = {3, 1, 2};
    Panel p = Panel.builder().numeric("x", x).build();
    double[] got = p.numeric("x");
    got[0] = 99;
    assertThat(x).containsExactly(3, 1, 2);
    assertThat(p.numeric("x")).containsExactly(3, 1, 2);
  }
}
