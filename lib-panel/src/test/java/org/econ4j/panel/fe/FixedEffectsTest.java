package org.econ4j.panel.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class FixedEffectsTest {

  @Test
  void encodesArbitraryCodesDenselyInValueOrder() {
    int[] raw = {70, 5, 70, 1_000_000_000, 5};
    FixedEffects fe = FixedEffects.of("firm", raw);
    assertThat(fe.codes(0)).containsExactly(1, 0, 1, 2, 0);
    assertThat(fe.levels(0)).isEqualTo(3);
    assertThat(fe.levelCounts(0)).containsExactly(2, 2, 1);
    assertThat(fe.originalCodes(0)).containsExactly(5L, 70L, 1_000_000_000L);
    assertThat(raw).containsExactly(70, 5, 70, 1_000_000_000, 5);
    assertThat(FixedEffects.encode(new int[] {2, 0, 1})).containsExactly(2, 0, 1);
    assertThat(fe.toString()).isEqualTo("FixedEffects[rows=5, firm: 3 levels]");
  }

  @Test
  void combinesPairsLexicographically() {
    int[] a = {0, 0, 1, 1, 0, 7};
    int[] b = {3, 4, 3, 3, 3, 4};
    assertThat(FixedEffects.combine(a, b)).containsExactly(0, 1, 2, 2, 0, 3);
    // large level counts take the hashing path
    int[] big = {2_000_000_000, 5, 2_000_000_000, 5};
    int[] other = {1_999_999_999, 1_999_999_999, 1_999_999_999, 4};
    assertThat(FixedEffects.combine(big, other)).containsExactly(2, 1, 2, 0);
  }

  @Test
  void rejectsMissingCodesWithMessage() {
    assertThatThrownBy(() -> FixedEffects.of("unit", new int[] {0, -1, 2}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "fixed effect 'unit' has code -1 at row 1, expected a non-negative code; drop rows"
                + " with missing fixed-effect values before encoding");
    assertThatThrownBy(() -> FixedEffects.combine(new int[] {0, 1}, new int[] {0, -3}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "code array 'b' has code -3 at row 1, expected a non-negative code; drop rows with"
                + " missing values before encoding");
  }

  @Test
  void rejectsMisuseWithMessages() {
    FixedEffects fe = FixedEffects.of("unit", new int[] {0, 1, 2});
    assertThatThrownBy(() -> fe.withDimension("year", new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fixed effect 'year' has 2 rows, expected 3; all fixed effects must cover the same"
                + " rows");
    assertThatThrownBy(() -> fe.withDimension("unit", new int[] {0, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed effect 'unit' is given twice; use distinct dimensions");
    assertThatThrownBy(() -> FixedEffects.of("unit", new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed effect 'unit' has no rows; expected at least one observation");
    assertThatThrownBy(
            () -> fe.withVaryingSlope("unit", new int[] {0, 1, 2}, "t", new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "slope variable 't' has 2 rows, expected 3; all fixed effects must cover the same"
                + " rows");
    assertThatThrownBy(
            () ->
                fe.withVaryingSlope(
                    "unit", new int[] {0, 1, 2}, "t", new double[] {1, Double.NaN, 2}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "slope variable 't' of fixed effect 'unit[t]' is NaN at row 1, expected a finite"
                + " value; drop rows with missing values before encoding");
    assertThatThrownBy(() -> FixedEffects.combine(new int[] {0}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot combine code arrays of lengths 1 and 2");
    assertThatThrownBy(() -> FixedEffects.isNested(new int[] {0}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot test nesting of arrays of lengths 1 and 2");
    assertThatThrownBy(() -> fe.subset(new boolean[] {false, false, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row mask keeps no row; expected at least one");
    assertThatThrownBy(() -> fe.subset(new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row mask has 1 rows, expected 3");
  }

  @Test
  void labelsSlopes() {
    int[] u = {0, 0, 1, 1};
    double[] t = {1, 2, 1, 2};
    FixedEffects fe =
        FixedEffects.of("unit", u)
            .withVaryingSlope("unit", u, "t", t)
            .withSlopeOnly("firm", u, "t", t);
    assertThat(fe.labels()).containsExactly("unit", "unit[t]", "firm[[t]]");
    assertThat(fe.hasIntercept(2)).isFalse();
    assertThat(fe.slopeName(1)).contains("t");
    assertThat(fe.slopeName(0)).isEmpty();
    assertThat(fe.slopeValues(1)).containsExactly(1, 2, 1, 2);
    assertThat(fe.slopeValues(0)).isEmpty();
    assertThat(fe.coefficientCount()).isEqualTo(2 + 4 + 2);
  }

  @Test
  void removesSingletonsIteratively() {
    // unit 3 has one row (round 1); removing it leaves firm 2 with one row (round 2)
    int[] unit = {0, 0, 1, 1, 2, 2, 3};
    int[] firm = {0, 1, 0, 1, 2, 0, 2};
    FixedEffects fe = FixedEffects.of("unit", unit).withDimension("firm", firm);
    SingletonRemoval s = fe.removeSingletons();
    assertThat(s.removedPerRound()).containsExactly(1, 1, 1);
    assertThat(s.removed()).isEqualTo(3);
    assertThat(s.rounds()).isEqualTo(3);
    assertThat(s.kept()).containsExactly(true, true, true, true, false, false, false);
    assertThat(s.fixedEffects().rows()).isEqualTo(4);
    assertThat(s.fixedEffects().levels(0)).isEqualTo(2);
    assertThat(s.fixedEffects().originalCodes(1)).containsExactly(0L, 1L);
    assertThat(s.notes()).hasSize(1);
    Note note = s.notes().get(0);
    assertThat(note.kind()).isEqualTo(Note.Kind.SINGLETON);
    assertThat(note.count()).isEqualTo(3);
    assertThat(note.message())
        .isEqualTo(
            "3 singleton observations removed in 3 rounds (per round: 1, 1, 1; fixed effects:"
                + " unit, firm)");
    assertThat(note.names()).containsExactly("unit", "firm");
  }

  @Test
  void noSingletonsMeansNoNote() {
    FixedEffects fe = FixedEffects.of("unit", new int[] {0, 0, 1, 1});
    SingletonRemoval s = fe.removeSingletons();
    assertThat(s.removed()).isZero();
    assertThat(s.notes()).isEmpty();
    assertThat(s.fixedEffects()).isSameAs(fe);
  }

  @Test
  void allSingletonsIsAnError() {
    FixedEffects fe = FixedEffects.of("unit", new int[] {0, 1, 2});
    assertThatThrownBy(fe::removeSingletons)
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "all 3 observations are singletons of the fixed effects 'unit'; nothing is left to"
                + " estimate, keep singletons or use fewer fixed effects");
  }

  @Test
  void degreesOfFreedomOneDimension() {
    FeDegreesOfFreedom d = FixedEffects.of("unit", new int[] {0, 0, 1, 2}).degreesOfFreedom();
    assertThat(d).isEqualTo(new FeDegreesOfFreedom(3, 0, 3, 1, "one dimension", true));
  }

  @Test
  void degreesOfFreedomTwoDimensionsConnectedAndDisconnected() {
    // connected: units 0,1 x years 0,1 (balanced)
    FixedEffects connected =
        FixedEffects.of("unit", new int[] {0, 0, 1, 1})
            .withDimension("year", new int[] {0, 1, 0, 1});
    FeDegreesOfFreedom c = connected.degreesOfFreedom();
    assertThat(c.absorbed()).isEqualTo(3);
    assertThat(c.redundant()).isEqualTo(1);
    assertThat(c.components()).isEqualTo(1);
    assertThat(c.method()).isEqualTo("connected components (union-find) of 'unit' and 'year'");
    // two separate blocks: workers {0,1} at firms {0,1}; workers {2,3} at firms {2,3}
    FixedEffects split =
        FixedEffects.of("worker", new int[] {0, 0, 1, 2, 2, 3})
            .withDimension("firm", new int[] {0, 1, 1, 2, 3, 3});
    FeDegreesOfFreedom s = split.degreesOfFreedom();
    assertThat(s.components()).isEqualTo(2);
    assertThat(s.redundant()).isEqualTo(2);
    assertThat(s.absorbed()).isEqualTo(8 - 2);
    assertThat(s.exact()).isTrue();
  }

  @Test
  void degreesOfFreedomThreeDimensionsExact() {
    // balanced 3 x 3 panel (unit, year) plus a third dimension equal to the year: redundant
    int[] unit = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    int[] year = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    FixedEffects redundantThird =
        FixedEffects.of("unit", unit).withDimension("year", year).withDimension("copy", year);
    FeDegreesOfFreedom r = redundantThird.degreesOfFreedom();
    assertThat(r.coefficients()).isEqualTo(9);
    assertThat(r.absorbed()).isEqualTo(5); // rank of [unit, year] = 3 + 3 - 1
    assertThat(r.redundant()).isEqualTo(4);
    assertThat(r.exact()).isTrue();
    assertThat(r.method()).contains("pivoted-Cholesky rank of the 3 further level indicators");
    FeDegreesOfFreedom bound = redundantThird.degreesOfFreedomBound();
    assertThat(bound.exact()).isFalse();
    assertThat(bound.redundant()).isEqualTo(2); // 1 component + 1 further dimension
    assertThat(bound.absorbed()).isGreaterThanOrEqualTo(r.absorbed());
    assertThat(bound.method())
        .isEqualTo(
            "connected components of 'unit' and 'year' plus one per further dimension"
                + " (conservative bound, as reghdfe)");
    FixedEffects two = FixedEffects.of("unit", unit).withDimension("year", year);
    assertThat(two.degreesOfFreedomBound()).isEqualTo(two.degreesOfFreedom());
    // a third dimension splitting rows into two groups, not nested in unit or year
    int[] group = {0, 1, 0, 1, 0, 1, 1, 0, 0};
    FeDegreesOfFreedom g =
        FixedEffects.of("unit", unit)
            .withDimension("year", year)
            .withDimension("group", group)
            .degreesOfFreedom();
    assertThat(g.absorbed()).isEqualTo(DenseAlgebra.rank(designOf(unit, year, group)));
    assertThat(g.absorbed()).isEqualTo(6);
    // disconnected two blocks plus a third dimension constant in each block: redundant
    int[] w = {0, 0, 1, 2, 2, 3};
    int[] f = {0, 1, 1, 2, 3, 3};
    int[] block = {0, 0, 0, 1, 1, 1};
    FeDegreesOfFreedom b =
        FixedEffects.of("worker", w)
            .withDimension("firm", f)
            .withDimension("block", block)
            .degreesOfFreedom();
    assertThat(b.absorbed()).isEqualTo(DenseAlgebra.rank(designOf(w, f, block)));
    assertThat(b.redundant()).isEqualTo(2 + 2);
  }

  @Test
  void degreesOfFreedomMatchDenseRankOnRandomDesigns() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int rep = 0; rep < 10; rep++) {
      int n = 30;
      int[] a = new int[n];
      int[] b = new int[n];
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = rng.nextInt(8);
        b[i] = rng.nextInt(6);
        c[i] = rng.nextInt(3);
      }
      FixedEffects fe = FixedEffects.of("a", a).withDimension("b", b).withDimension("c", c);
      assertThat(fe.degreesOfFreedom().absorbed())
          .as("rep %d", rep)
          .isEqualTo(DenseAlgebra.rank(designOf(a, b, c)));
    }
  }

  @Test
  void slopesAreCountedInFull() {
    int[] u = {0, 0, 1, 1};
    FeDegreesOfFreedom d =
        FixedEffects.of("unit", u)
            .withSlopeOnly("unit", u, "t", new double[] {1, 2, 1, 2})
            .degreesOfFreedom();
    assertThat(d.coefficients()).isEqualTo(4);
    assertThat(d.absorbed()).isEqualTo(4);
  }

  @Test
  void detectsNesting() {
    int[] state = {0, 0, 1, 1, 1};
    int[] county = {10, 11, 12, 12, 13};
    assertThat(FixedEffects.isNested(county, state)).isTrue();
    assertThat(FixedEffects.isNested(state, county)).isFalse();
    assertThat(FixedEffects.isNested(new int[] {0, 0}, new int[] {1, 2})).isFalse();
  }

  @Test
  void recoversTwoWayEffectsWithReferenceLevels() {
    int[] unit = {0, 0, 1, 1, 2, 2};
    int[] year = {0, 1, 0, 1, 0, 1};
    double[] alpha = {1, 2, 3};
    double[] gamma = {10, 20};
    double[] x = {0.5, -1, 2, 0.1, 0.3, 0.9};
    double[] y = new double[6];
    for (int i = 0; i < 6; i++) {
      y[i] = 2 * x[i] + alpha[unit[i]] + gamma[year[i]];
    }
    FixedEffects fe = FixedEffects.of("unit", unit).withDimension("year", year);
    List<FeCoefficients> coef = fe.recover(y, new double[][] {x}, new double[] {2});
    assertThat(coef).hasSize(2);
    assertThat(coef.get(0).name()).isEqualTo("unit");
    // year 0 is the reference (0); its value moves into the unit effects
    assertThat(coef.get(1).intercepts()[0]).isEqualTo(0.0);
    assertThat(coef.get(1).intercepts()[1])
        .isCloseTo(10, org.assertj.core.data.Offset.offset(1e-8));
    assertThat(coef.get(0).intercepts())
        .containsExactly(new double[] {11, 12, 13}, org.assertj.core.data.Offset.offset(1e-8));
    assertThat(coef.get(0).slopes()).isEmpty();
  }

  private static double[][] designOf(int[]... dims) {
    int n = dims[0].length;
    int p = 0;
    int[] offs = new int[dims.length];
    for (int k = 0; k < dims.length; k++) {
      offs[k] = p;
      int mx = 0;
      for (int v : dims[k]) {
        mx = Math.max(mx, v);
      }
      p += FixedEffects.of("d", dims[k]).levels(0);
    }
    double[][] d = new double[n][p];
    for (int k = 0; k < dims.length; k++) {
      int[] codes = FixedEffects.encode(dims[k]);
      for (int i = 0; i < n; i++) {
        d[i][offs[k] + codes[i]] = 1;
      }
    }
    return d;
  }
}
