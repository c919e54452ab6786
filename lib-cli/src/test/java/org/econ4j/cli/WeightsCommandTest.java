package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsCommandTest {
  static final String COLUMBUS = "reference/spdep/spData_columbus.csv";

  static String columbus() {
    return ReferenceData.path(COLUMBUS).toString();
  }

  /** Edges "from-to" of an spdep edge file (1-based rows = POLYID). */
  static Set<String> referenceEdges(String resource) {
    Set<String> s = new TreeSet<>();
    List<String> lines = ReferenceData.lines(resource);
    for (String l : lines.subList(1, lines.size())) {
      if (!l.isBlank()) {
        List<String> f = ReferenceData.splitCsv(l);
        s.add(f.get(0) + "-" + f.get(1));
      }
    }
    return s;
  }

  static Set<String> writtenEdges(Path file) throws Exception {
    Set<String> s = new TreeSet<>();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("from,to,weight");
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      s.add(f[0] + "-" + f[1]);
    }
    return s;
  }

  @Test
  void knnMatchesSpdep(@TempDir Path dir) throws Exception {
    Path w = dir.resolve("W.csv");
    CliRun r =
        CliRun.of(
            "weights",
            "--coords",
            columbus(),
            "--id",
            "POLYID",
            "--x",
            "X",
            "--y",
            "Y",
            "--type",
            "knn:4",
            "--out",
            w.toString(),
            "--format",
            "json");
    assertThat(r.err).isEmpty();
    assertThat(r.code).isZero();
    assertThat(writtenEdges(w))
        .isEqualTo(referenceEdges("reference/spdep/spatial_columbus_knn4_XY_edges.csv"));
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.get("econ4j").asText()).isNotEmpty();
    assertThat(j.get("n").asInt()).isEqualTo(49);
    assertThat(j.get("links").asInt()).isEqualTo(196);
    assertThat(j.get("averageLinks").asDouble()).isEqualTo(4.0);
    assertThat(j.get("percentNonZero").asDouble()).isCloseTo(100.0 * 196 / (49 * 49), within());
    assertThat(j.get("s0").asDouble()).isEqualTo(196.0);
    assertThat(j.get("islands")).isEmpty();
    assertThat(j.get("standardization").asText()).isEqualTo("none");
    assertThat(j.get("type").asText()).isEqualTo("knn:4");
    assertThat(j.get("metric").asText()).isEqualTo("euclidean");
    assertThat(j.has("s1") && j.has("s2") && j.has("notes")).isTrue();
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void bandRowStandardisedMatchesSpdep(@TempDir Path dir) throws Exception {
    Path w = dir.resolve("W.csv");
    CliRun r =
        CliRun.of(
            "weights",
            "--coords",
            columbus(),
            "--id",
            "POLYID",
            "--x",
            "X",
            "--y",
            "Y",
            "--type",
            "band:0,3.3742713791279413",
            "--standardize",
            "row",
            "--out",
            w.toString());
    assertThat(r.code).isZero();
    assertThat(r.out).contains("written to " + w);
    assertThat(writtenEdges(w))
        .isEqualTo(referenceEdges("reference/spdep/spatial_columbus_distband_XY_edges.csv"));
    // rows sum to 1
    java.util.Map<String, Double> sums = new java.util.HashMap<>();
    for (String l : Files.readAllLines(w).subList(1, 219)) {
      String[] f = l.split(",");
      sums.merge(f[0], Double.parseDouble(f[2]), Double::sum);
    }
    assertThat(sums).hasSize(49);
    sums.values().forEach(v -> assertThat(v).isCloseTo(1.0, within()));
  }

  @Test
  void edgeListOnStdoutAndGreatCircle(@TempDir Path dir) throws Exception {
    Path coords = ReferenceData.write(dir, "c.csv", "id,lon,lat\na,0,0\nb,0,1\nc,0,3\n");
    CliRun r =
        CliRun.of(
            "weights",
            "--coords",
            coords.toString(),
            "--id",
            "id",
            "--lon",
            "lon",
            "--lat",
            "lat",
            "--type",
            "band:0,150",
            "--islands",
            "zero");
    assertThat(r.code).isZero();
    assertThat(r.out).isEqualTo("from,to,weight\na,b,1.0\nb,a,1.0\nc,,\n");
    CliRun j =
        CliRun.of(
            "weights",
            "--coords",
            coords.toString(),
            "--id",
            "id",
            "--lon",
            "lon",
            "--lat",
            "lat",
            "--type",
            "band:0,150",
            "--islands",
            "drop",
            "--format",
            "json");
    JsonNode doc = new ObjectMapper().readTree(j.out);
    assertThat(doc.get("n").asInt()).isEqualTo(2);
    assertThat(doc.get("metric").asText()).isEqualTo("great-circle");
    assertThat(doc.get("out").isNull()).isTrue();
    assertThat(doc.get("notes").get(0).get("message").asText())
        .isEqualTo("1 units without neighbours (islands) dropped from the matrix");
    assertThat(doc.get("notes").get(0).get("names").get(0).asText()).isEqualTo("c");
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    String c = columbus();
    assertError(
        "econ4j: no coordinate columns given; use --lon and --lat for degrees or --x and --y for"
            + " planar coordinates",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--type",
        "knn:4");
    assertError(
        "econ4j: options '--lon/--lat' and '--x/--y' were both given",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--lon",
        "X",
        "--lat",
        "Y",
        "--type",
        "knn:4");
    assertError(
        "econ4j: option '--lat' is missing; give both --lon and --lat",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--lon",
        "X",
        "--type",
        "knn:4");
    assertError(
        "econ4j: option '--y' is missing; give both --x and --y",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--type",
        "knn:4");
    assertError(
        "econ4j: invalid weight spec 'nearest:4'",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "nearest:4");
    assertError(
        "econ4j: option '--islands': unknown island policy 'keep'; use one of error, zero, drop",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "knn:4",
        "--islands",
        "keep");
    assertError(
        "econ4j: option '--standardize': ",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "knn:4",
        "--standardize",
        "rows");
    assertError(
        "econ4j: option '--format' has the unknown value 'xml'; use text or json",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "knn:4",
        "--format",
        "xml");
    assertError(
        "econ4j: coordinates file 'nope.csv' does not exist",
        "weights",
        "--coords",
        "nope.csv",
        "--id",
        "id",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "knn:4");
    assertError(
        "econ4j: k-nearest neighbours with k = 49 needs at least k + 1 = 50 units, got 49; choose k below 49",
        "weights",
        "--coords",
        c,
        "--id",
        "POLYID",
        "--x",
        "X",
        "--y",
        "Y",
        "--type",
        "knn:49");
    Path dup = ReferenceData.write(dir, "d.csv", "id,x,y\na,0,0\na,1,1\nb,2,2\n");
    assertError(
        "econ4j: duplicate unit id 'a' in coordinates (positions 1 and 2); each unit must appear once",
        "weights",
        "--coords",
        dup.toString(),
        "--id",
        "id",
        "--x",
        "x",
        "--y",
        "y",
        "--type",
        "knn:1");
    Path far = ReferenceData.write(dir, "f.csv", "id,x,y\na,0,0\nb,1,0\nc,10,0\n");
    assertError(
        "econ4j: 1 unit has no neighbours (islands): 'c'; choose an island policy",
        "weights",
        "--coords",
        far.toString(),
        "--id",
        "id",
        "--x",
        "x",
        "--y",
        "y",
        "--type",
        "band:0,2");
    Path badLat = ReferenceData.write(dir, "l.csv", "id,lon,lat\na,0,95\nb,1,0\nc,10,0\n");
    assertError(
        "econ4j: latitude 95.0 of unit 'a' is outside [-90, 90]",
        "weights",
        "--coords",
        badLat.toString(),
        "--id",
        "id",
        "--lon",
        "lon",
        "--lat",
        "lat",
        "--type",
        "knn:1");
    CliRun missing = CliRun.of("weights", "--coords", c, "--id", "POLYID");
    assertThat(missing.code).isEqualTo(Main.USAGE);
    assertThat(missing.err).contains("--type");
  }

  static void assertError(String messageStart, String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code).as(r.err).isEqualTo(Main.USAGE);
    assertThat(r.err).startsWith(messageStart);
    assertThat(r.err.strip().lines().count()).isEqualTo(1);
    assertThat(r.out).isEmpty();
  }

  @Test
  void helpListsTheSpatialCommands() {
    CliRun root = CliRun.of("--help");
    assertThat(root.code).isZero();
    assertThat(root.out).contains("weights", "spillover", "moran");
    for (String c : new String[] {"weights", "spillover", "moran"}) {
      CliRun h = CliRun.of(c, "--help");
      assertThat(h.code).isZero();
      assertThat(h.out).startsWith("Usage: econ4j " + c).contains("--format");
      assertThat(h.err).isEmpty();
    }
  }
}
