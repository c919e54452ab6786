package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightMatrixTest {
  private static final List<String> ABCD = List.of("a", "b", "c", "d");

  /** a–b–c–d on a line at x = 0, 1, 3, 6. */
  private static Coordinates line() {
    return Coordinates.planar(ABCD, new double[] {0, 1, 3, 6}, new double[] {0, 0, 0, 0});
  }

  private static WeightMatrix small() {
    // a→b 1, a→c 2, b→a 3, c→d 4, d→a 1
    return WeightMatrix.fromEdges(
        ABCD,
        List.of("a", "a", "b", "c", "d"),
        List.of("b", "c", "a", "d", "a"),
        new double[] {1, 2, 3, 4, 1},
        IslandPolicy.ERROR);
  }

  // ------------------------------------------------------------ construction examples

  @Test
  void knnOnALine() {
    WeightMatrix w = WeightMatrix.fromCoordinates(line(), WeightSpec.knn(1));
    assertThat(w.neighbours("a")).containsExactly("b");
    assertThat(w.neighbours("b")).containsExactly("a");
    assertThat(w.neighbours("c")).containsExactly("b");
    assertThat(w.neighbours("d")).containsExactly("c");
    assertThat(w.standardization()).isEqualTo(Standardization.NONE);
    assertThat(w.islandPolicy()).isEqualTo(IslandPolicy.ERROR);
  }

  @Test
  void knnTieBrokenByUnitOrder() {
    // b is at distance 1 from both a and c
    Coordinates c =
        Coordinates.planar(List.of("a", "b", "c"), new double[] {0, 1, 2}, new double[] {0, 0, 0});
    WeightMatrix w = WeightMatrix.fromCoordinates(c, WeightSpec.knn(1));
    assertThat(w.neighbours("b")).containsExactly("a");
  }

  @Test
  void inverseDistanceExponentialAndKernels() {
    WeightMatrix idw = WeightMatrix.fromCoordinates(line(), WeightSpec.inverseDistance(2));
    assertThat(idw.weight(0, 2)).isCloseTo(1.0 / 9, within(1e-15));
    assertThat(idw.links()).isEqualTo(12);
    WeightMatrix cut =
        WeightMatrix.fromCoordinates(line(), WeightSpec.parse("idw:1.5,2"), IslandPolicy.ZERO);
    assertThat(cut.weight(1, 2)).isCloseTo(Math.pow(2, -1.5), within(1e-15));
    assertThat(cut.weight(0, 2)).isZero();
    WeightMatrix ex = WeightMatrix.fromCoordinates(line(), WeightSpec.parse("exp:0.5,3"));
    assertThat(ex.weight(0, 2)).isCloseTo(Math.exp(-1.5), within(1e-15));
    WeightMatrix tri =
        WeightMatrix.fromCoordinates(line(), WeightSpec.parse("kernel:triangular,4"));
    assertThat(tri.weight(0, 2)).isCloseTo(0.25, within(1e-15));
    WeightMatrix epa =
        WeightMatrix.fromCoordinates(line(), WeightSpec.kernel(Kernel.EPANECHNIKOV, 4));
    assertThat(epa.weight(0, 1)).isCloseTo(0.75 * (1 - 1.0 / 16), within(1e-15));
    WeightMatrix gau =
        WeightMatrix.fromCoordinates(line(), WeightSpec.parse("kernel:gaussian,knn:2"));
    // a's 2nd neighbour c at distance 3 -> bandwidth 3; b at u = 1/3
    assertThat(gau.weight(0, 1))
        .isCloseTo(Math.exp(-0.5 / 9) / Math.sqrt(2 * Math.PI), within(1e-15));
    assertThat(gau.weight(0, 2)).isCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), within(1e-15));
    assertThat(gau.weight(0, 3)).isZero();
  }

  @Test
  void greatCircleDistances() {
    assertThat(Coordinates.haversineKm(0, 0, 0, 1))
        .isCloseTo(Coordinates.EARTH_RADIUS_KM * Math.PI / 180, within(1e-9));
    Coordinates c =
        Coordinates.lonLat(
            List.of("x", "y", "z"), new double[] {0, 0, 179.9}, new double[] {0, 1, 0});
    WeightMatrix w = WeightMatrix.fromCoordinates(c, WeightSpec.band(0, 112), IslandPolicy.ZERO);
    assertThat(w.neighbours("x")).containsExactly("y");
    assertThat(w.islands()).containsExactly("z");
    assertThat(w.notes()).extracting(Note::names).containsExactly(List.of("z"));
  }

  @Test
  void fromDenseNeighbourListsAndCsr() {
    double[][] d = small().toDense();
    WeightMatrix a = WeightMatrix.fromDense(ABCD, d, IslandPolicy.ERROR);
    assertThat(a.toDense()).isDeepEqualTo(d);
    WeightMatrix b =
        WeightMatrix.fromNeighbourLists(
            ABCD, new int[][] {{1, 2}, {0}, {3}, {0}}, IslandPolicy.ERROR);
    assertThat(b.toDense()).isDeepEqualTo(small().standardize(Standardization.BINARY).toDense());
    WeightMatrix c =
        WeightMatrix.fromCsr(
            ABCD, a.rowPointers(), a.columnIndices(), a.values(), IslandPolicy.ERROR);
    assertThat(c.toDense()).isDeepEqualTo(d);
    assertThat(d[0][0]).isZero(); // inputs unchanged
  }

  @Test
  void inputArraysAreCopied() {
    double[] x = {0, 1, 3, 6};
    double[] y = {0, 0, 0, 0};
    Coordinates c = Coordinates.planar(ABCD, x, y);
    x[0] = 100;
    assertThat(c.x()[0]).isZero();
    int[] rp = {0, 1, 2};
    int[] ci = {1, 0};
    double[] v = {2, 3};
    WeightMatrix w = WeightMatrix.fromCsr(List.of("p", "q"), rp, ci, v, IslandPolicy.ERROR);
    v[0] = 99;
    assertThat(w.weight(0, 1)).isEqualTo(2);
    w.values()[0] = 42;
    assertThat(w.weight(0, 1)).isEqualTo(2);
    double[] in = {1, 2};
    w.multiply(in);
    assertThat(in).containsExactly(1, 2);
  }

  @Test
  void galParsing() {
    String gal = "0 3 test id\n1 2\n2 3\n2 1\n1\n3 1\n1\n";
    WeightMatrix w = WeightMatrix.parseGal(new StringReader(gal), IslandPolicy.ERROR);
    assertThat(w.ids()).containsExactly("1", "2", "3");
    assertThat(w.neighbours("1")).containsExactly("2", "3");
    assertThat(w.neighbours("3")).containsExactly("1");
  }

  @Test
  void csvRoundTripIncludingIslands(@TempDir Path dir) {
    WeightMatrix w =
        WeightMatrix.fromEdges(
            ABCD,
            List.of("a", "b"),
            List.of("b", "a"),
            new double[] {0.1, 1.0 / 3},
            IslandPolicy.ZERO);
    Path f = dir.resolve("w.csv");
    w.writeCsv(f);
    WeightMatrix r = WeightMatrix.readCsv(f, IslandPolicy.ZERO);
    assertThat(r.ids()).containsExactlyElementsOf(ABCD);
    assertThat(r.toDense()).isDeepEqualTo(w.toDense());
    StringWriter sw = new StringWriter();
    w.writeCsv(sw);
    assertThat(sw.toString()).startsWith("from,to,weight\na,b,0.1\n").contains("c,,\n");
  }

  @Test
  void galFileAndPanelInputs(@TempDir Path dir) throws java.io.IOException {
    Path f = dir.resolve("w.gal");
    java.nio.file.Files.writeString(f, "2\nx 1\ny\ny 1\nx\n");
    WeightMatrix w = WeightMatrix.readGal(f, IslandPolicy.ERROR);
    assertThat(w.neighbours("y")).containsExactly("x");
    org.econ4j.panel.Panel p =
        org.econ4j.panel.Panel.builder()
            .categorical("id", new String[] {"a", "b"})
            .numeric("lon", new double[] {0, 1})
            .numeric("lat", new double[] {0, 0})
            .build();
    Coordinates c = Coordinates.fromPanel(p, "id", "lon", "lat", Metric.GREAT_CIRCLE);
    assertThat(c.ids()).containsExactly("a", "b");
    assertThat(c.distance(0, 1))
        .isCloseTo(Coordinates.EARTH_RADIUS_KM * Math.PI / 180, within(1e-9));
    assertThat(c.metric()).isEqualTo(Metric.GREAT_CIRCLE);
  }

  @Test
  void csvWithoutWeightColumnIsBinary() {
    WeightMatrix w =
        WeightMatrix.parseCsv(
            new StringReader("from,to\nx,y\ny,x\n"), List.of(), IslandPolicy.ERROR);
    assertThat(w.weight(0, 1)).isEqualTo(1.0);
  }

  // ------------------------------------------------------------ transformations

  @Test
  void standardisations() {
    WeightMatrix w = small();
    double s0 = 11;
    assertThat(w.standardize(Standardization.ROW).weight(0, 2)).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(w.standardize(Standardization.COLUMN).weight(1, 0))
        .isCloseTo(3.0 / 4, within(1e-15));
    assertThat(w.standardize(Standardization.GLOBAL).summary().s0()).isCloseTo(4, within(1e-12));
    assertThat(w.standardize(Standardization.UNIT_SUM).weight(0, 1))
        .isCloseTo(1 / s0, within(1e-15));
    // S: row a has q = sqrt(5): u = 1/sqrt5, 2/sqrt5; b: 1; c: 1; d: 1 -> total = 3/sqrt5 + 3
    double total = 3 / Math.sqrt(5) + 3;
    assertThat(w.standardize(Standardization.VARIANCE_STABILIZING).weight(0, 1))
        .isCloseTo(4 / total / Math.sqrt(5), within(1e-15));
    // row sums 3,3,4,1; column sums 4,1,2,4 -> min(4,4) = 4
    assertThat(w.standardize(Standardization.MIN_MAX).weight(2, 3)).isCloseTo(1, within(1e-15));
    WeightMatrix sp = w.standardize(Standardization.SPECTRAL);
    assertThat(sp.spectralRadius()).isCloseTo(1, within(1e-10));
    assertThat(sp.standardization()).isEqualTo(Standardization.SPECTRAL);
    assertThat(w.standardize(Standardization.BINARY).values()).containsOnly(1.0);
  }

  @Test
  void spectralRadiusOfBipartiteGraph() {
    // path a-b-c-d (bipartite: eigenvalues ±1.618.., ±0.618..)
    WeightMatrix w =
        WeightMatrix.fromNeighbourLists(
            ABCD, new int[][] {{1}, {0, 2}, {1, 3}, {2}}, IslandPolicy.ERROR);
    assertThat(w.spectralRadius()).isCloseTo((1 + Math.sqrt(5)) / 2, within(1e-10));
  }

  @Test
  void symmetrizeUnionIntersectionSelfLinks() {
    WeightMatrix w = small();
    WeightMatrix mx = w.symmetrize(Symmetrization.MAX);
    assertThat(mx.isSymmetric()).isTrue();
    assertThat(mx.weight(0, 1)).isEqualTo(3);
    assertThat(w.symmetrize(Symmetrization.AVERAGE).weight(0, 2)).isEqualTo(1);
    // mutual links only: a-b; c and d keep none -> island error under the default policy
    assertThatThrownBy(() -> w.symmetrize(Symmetrization.MIN))
        .hasMessageStartingWith("2 units have no neighbours (islands): 'c', 'd';");
    WeightMatrix other =
        WeightMatrix.fromEdges(
            List.of("d", "c", "b", "a"),
            List.of("a", "b", "c", "d"),
            List.of("b", "c", "d", "a"),
            new double[] {9, 9, 9, 9},
            IslandPolicy.ERROR);
    WeightMatrix u = w.union(other);
    assertThat(u.weight(0, 1)).isEqualTo(1); // this matrix's weight kept
    assertThat(u.weight(1, 2)).isEqualTo(9);
    WeightMatrix in = w.intersection(other.union(w));
    assertThat(in.toDense()).isDeepEqualTo(w.toDense());
    WeightMatrix self =
        WeightMatrix.fromEdges(
            List.of("a", "b"), List.of("a", "a", "b"), List.of("a", "b", "a"), IslandPolicy.ERROR);
    assertThat(self.withoutSelfLinks().links()).isEqualTo(2);
  }

  @Test
  void summaryMatchesDenseFormulas() {
    WeightMatrix w = small();
    double[][] d = w.toDense();
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < 4; i++) {
      double r = 0;
      double c = 0;
      for (int j = 0; j < 4; j++) {
        s1 += 0.5 * (d[i][j] + d[j][i]) * (d[i][j] + d[j][i]);
        r += d[i][j];
        c += d[j][i];
      }
      s2 += (r + c) * (r + c);
    }
    WeightSummary s = w.summary();
    assertThat(s.n()).isEqualTo(4);
    assertThat(s.links()).isEqualTo(5);
    assertThat(s.percentNonZero()).isCloseTo(100 * 5 / 16.0, within(1e-12));
    assertThat(s.averageLinks()).isEqualTo(1.25);
    assertThat(s.s0()).isEqualTo(11);
    assertThat(s.s1()).isCloseTo(s1, within(1e-12));
    assertThat(s.s2()).isCloseTo(s2, within(1e-12));
    assertThat(s.toString()).contains("Number of regions: 4").contains("S0 = 11");
    assertThat(w.rowSums()).containsExactly(3, 3, 4, 1);
    assertThat(w.columnSums()).containsExactly(4, 1, 2, 4);
    assertThat(w.multiply(new double[] {1, 2, 3, 4})).containsExactly(8, 3, 16, 1);
    assertThat(w.transposeMultiply(new double[] {1, 2, 3, 4})).containsExactly(10, 1, 2, 12);
  }

  @Test
  void alignReordersData() {
    WeightMatrix w = small();
    assertThat(w.align(List.of("d", "c", "b", "a"), new double[] {4, 3, 2, 1}))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void dropIslands() {
    WeightMatrix w =
        WeightMatrix.fromEdges(
            ABCD, List.of("a", "b", "c"), List.of("b", "a", "d"), IslandPolicy.DROP);
    // d is an island; after dropping it c has no remaining neighbour and is dropped too
    assertThat(w.ids()).containsExactly("a", "b");
    assertThat(w.notes()).hasSize(1);
    assertThat(w.notes().get(0).names()).containsExactly("d", "c");
  }

  // ------------------------------------------------------------ bad input (issue 5 §8)

  @Test
  void duplicateIdsInCoordinates() {
    assertThatThrownBy(
            () ->
                Coordinates.planar(
                    List.of("a", "b", "a"), new double[] {0, 1, 2}, new double[] {0, 0, 0}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "duplicate unit id 'a' in coordinates (positions 1 and 3); each unit must appear once");
  }

  @Test
  void missingCoordinates() {
    assertThatThrownBy(
            () ->
                Coordinates.planar(
                    List.of("a", "b"), new double[] {0, Double.NaN}, new double[] {0, 0}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("missing x coordinate for unit 'b'; drop the unit or supply its coordinates");
    assertThatThrownBy(
            () ->
                Coordinates.planar(
                    List.of("a", "b"),
                    new double[] {0, 1},
                    new double[] {0, Double.POSITIVE_INFINITY}))
        .hasMessage("y coordinate of unit 'b' is infinite; expected a finite number");
  }

  @Test
  void latitudeOutOfRange() {
    assertThatThrownBy(
            () ->
                Coordinates.lonLat(List.of("a", "b"), new double[] {10, 20}, new double[] {45, 95}))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "latitude 95.0 of unit 'b' is outside [-90, 90]; check that longitude and latitude"
                + " are not swapped");
    assertThatThrownBy(
            () -> Coordinates.lonLat(List.of("a"), new double[] {400}, new double[] {45}))
        .hasMessage("longitude 400.0 of unit 'a' is outside [-180, 360]");
  }

  @Test
  void kAtLeastN() {
    assertThatThrownBy(() -> WeightMatrix.fromCoordinates(line(), WeightSpec.knn(4)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "k-nearest neighbours with k = 4 needs at least k + 1 = 5 units, got 4; choose k below 4");
    assertThatThrownBy(() -> WeightSpec.knn(0))
        .hasMessage("number of nearest neighbours k = 0 must be at least 1");
  }

  @Test
  void coincidentPointsWithInverseDistance() {
    Coordinates c =
        Coordinates.planar(List.of("a", "b", "c"), new double[] {0, 0, 1}, new double[] {0, 0, 0});
    assertThatThrownBy(() -> WeightMatrix.fromCoordinates(c, WeightSpec.inverseDistance(2)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "units 'a' and 'b' have the same coordinates (distance 0), so the inverse-distance"
                + " weight is undefined; remove duplicate points or set a distance floor with"
                + " WeightSpec.withMinDistance");
    WeightMatrix w =
        WeightMatrix.fromCoordinates(c, WeightSpec.inverseDistance(2).withMinDistance(0.5));
    assertThat(w.weight(0, 1)).isEqualTo(4);
    assertThat(w.weight(0, 2)).isEqualTo(1);
  }

  @Test
  void emptyBand() {
    assertThatThrownBy(() -> WeightMatrix.fromCoordinates(line(), WeightSpec.band(0, 0.5)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "weight spec 'band:0,0.5' links no pair of units; the shortest nearest-neighbour"
                + " distance is 1; widen the band or cutoff");
    assertThatThrownBy(() -> WeightSpec.band(5, 2))
        .hasMessage(
            "distance band lower bound 5 is not below the upper bound 2; use band:d1,d2 with d1 < d2");
  }

  @Test
  void islandsUnderDefaultPolicy() {
    assertThatThrownBy(() -> WeightMatrix.fromCoordinates(line(), WeightSpec.band(0, 2)))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "1 unit has no neighbours (islands): 'd'; choose an island policy: ZERO keeps them with"
                + " a zero spatial lag, DROP removes them (command line: --islands zero|drop)");
  }

  @Test
  void nonSquareAndMislabelledMatrices() {
    assertThatThrownBy(
            () ->
                WeightMatrix.fromDense(
                    List.of("a", "b"), new double[][] {{0, 1, 0}, {1, 0, 0}}, IslandPolicy.ERROR))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "weight matrix is not square: it has 2 rows but row 1 has 3 columns; a weight matrix"
                + " must be n×n");
    assertThatThrownBy(
            () ->
                WeightMatrix.fromDense(
                    List.of("a", "b", "c"), new double[][] {{0, 1}, {1, 0}}, IslandPolicy.ERROR))
        .hasMessage(
            "weight matrix is 2×2 but 3 unit ids were given; give one id per row and column");
    assertThatThrownBy(
            () ->
                WeightMatrix.fromEdges(
                    List.of("a", "b"), List.of("a"), List.of("z"), IslandPolicy.ERROR))
        .hasMessage(
            "edge 1 refers to unit 'z' which is not among the 2 unit ids; add it to the ids or fix"
                + " the edge list");
    assertThatThrownBy(
            () ->
                WeightMatrix.fromEdges(
                    List.of("a", "b"), List.of("a", "a"), List.of("b", "b"), IslandPolicy.ZERO))
        .hasMessage("duplicate link from 'a' to 'b'; each pair may appear once");
    assertThatThrownBy(() -> small().union(line().ids().size() == 4 ? gal3() : small()))
        .hasMessageStartingWith("cannot combine weight matrices over different units:");
    assertThatThrownBy(() -> small().align(List.of("a", "b", "c", "x"), new double[4]))
        .hasMessage(
            "data and weight matrix have different units: 1 in the matrix but not in the data:"
                + " 'd'; 1 in the data but not in the matrix: 'x'; subset one to match the other");
  }

  private static WeightMatrix gal3() {
    return WeightMatrix.parseGal(
        new StringReader("3\n1 1\n2\n2 1\n1\n3 1\n1\n"), IslandPolicy.ERROR);
  }

  @Test
  void idwWithoutCutoffTooLarge() {
    int n = 8000;
    double[] x = new double[n];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      ids[i] = "u" + i;
    }
    Coordinates c = Coordinates.planar(List.of(ids), x, new double[n]);
    assertThatThrownBy(() -> WeightMatrix.fromCoordinates(c, WeightSpec.inverseDistance(2)))
        .hasMessage(
            "weight spec 'idw:2' without a cutoff for 8000 units would store 63992000 links; add a"
                + " cutoff, e.g. idw:2,250");
  }

  @Test
  void malformedGalAndCsv() {
    assertThatThrownBy(() -> WeightMatrix.parseGal(new StringReader("x y\n"), IslandPolicy.ERROR))
        .hasMessage(
            "GAL header 'x y' does not give the number of units; expected 'n' or '0 n name id'");
    assertThatThrownBy(
            () -> WeightMatrix.parseGal(new StringReader("2\n1 1\n2\n"), IslandPolicy.ERROR))
        .hasMessage("GAL input ends after 1 of 2 units; expected 'id k' for unit 2");
    assertThatThrownBy(
            () -> WeightMatrix.parseCsv(new StringReader("a,b\n"), List.of(), IslandPolicy.ERROR))
        .hasMessage(
            "weights CSV header 'a,b' lacks the columns 'from' and 'to'; expected 'from,to,weight'");
    assertThatThrownBy(
            () ->
                WeightMatrix.parseCsv(
                    new StringReader("from,to,weight\na,b,x\n"), List.of(), IslandPolicy.ERROR))
        .hasMessage("weights CSV line 2: weight 'x' is not a number");
  }

  @Test
  void spectralNeedsNonNegativeWeights() {
    WeightMatrix w =
        WeightMatrix.fromDense(
            List.of("a", "b"), new double[][] {{0, -1}, {1, 0}}, IslandPolicy.ERROR);
    assertThatThrownBy(() -> w.standardize(Standardization.SPECTRAL))
        .hasMessage("spectral radius needs non-negative weights, found -1.0; use minmax instead");
  }
}
