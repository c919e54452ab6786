package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoranCommandTest {
  static final String REF = "reference/spdep/ref_spatial.csv";

  static String gal() {
    return ReferenceData.path("reference/spdep/spData_columbus_gal_edges.csv").toString();
  }

  static double ref(String model, String quantity) {
    List<ReferenceData.Value> v = ReferenceData.longFormat(REF);
    return ReferenceData.get(v, model, quantity, "");
  }

  static JsonNode json(String... args) throws Exception {
    CliRun r = CliRun.of(args);
    assertThat(r.err).isEmpty();
    assertThat(r.code).isZero();
    return new ObjectMapper().readTree(r.out);
  }

  @Test
  void randomisationMatchesSpdep() throws Exception {
    JsonNode j =
        json(
            "moran",
            "--data",
            WeightsCommandTest.columbus(),
            "--id",
            "POLYID",
            "--var",
            "CRIME",
            "--weights",
            gal(),
            "--standardize",
            "row",
            "--format",
            "json");
    String m = "moran_CRIME_gal_W_randomisation";
    assertThat(Tolerances.relErr(j.get("I").asDouble(), ref(m, "I"))).isLessThan(1e-8);
    assertThat(Tolerances.relErr(j.get("expectation").asDouble(), ref(m, "E[I]"))).isLessThan(1e-8);
    assertThat(Tolerances.relErr(j.get("variance").asDouble(), ref(m, "Var[I]"))).isLessThan(1e-8);
    assertThat(Tolerances.relErr(j.get("z").asDouble(), ref(m, "z"))).isLessThan(1e-8);
    assertThat(j.get("pValue").asDouble()).isBetween(0.0, 1e-6);
    assertThat(j.get("inference").asText()).isEqualTo("randomisation");
    assertThat(j.get("alternative").asText()).isEqualTo("greater");
    assertThat(j.get("variable").asText()).isEqualTo("CRIME");
    assertThat(j.get("n").asInt()).isEqualTo(49);
    assertThat(j.get("permutations").asInt()).isZero();
    assertThat(j.get("econ4j").asText()).isNotEmpty();
  }

  @Test
  void normalityMatchesSpdep() throws Exception {
    JsonNode j =
        json(
            "moran",
            "--data",
            WeightsCommandTest.columbus(),
            "--id",
            "POLYID",
            "--var",
            "CRIME",
            "--weights",
            gal(),
            "--standardize",
            "W",
            "--inference",
            "normality",
            "--alternative",
            "two-sided",
            "--format",
            "json");
    String m = "moran_CRIME_gal_W_normality";
    assertThat(Tolerances.relErr(j.get("variance").asDouble(), ref(m, "Var[I]"))).isLessThan(1e-8);
    assertThat(Tolerances.relErr(j.get("z").asDouble(), ref(m, "z"))).isLessThan(1e-8);
    assertThat(j.get("alternative").asText()).isEqualTo("two-sided");
    assertThat(j.get("inference").asText()).isEqualTo("normality");
  }

  @Test
  void permutationsAreSeededAndTextOutput() throws Exception {
    String[] args = {
      "moran",
      "--data",
      WeightsCommandTest.columbus(),
      "--id",
      "POLYID",
      "--var",
      "CRIME",
      "--weights",
      gal(),
      "--standardize",
      "row",
      "--permutations",
      "99",
      "--seed",
      "42",
      "--format",
      "json"
    };
    JsonNode a = json(args);
    JsonNode b = json(args);
    assertThat(a).isEqualTo(b);
    assertThat(a.get("permutations").asInt()).isEqualTo(99);
    assertThat(a.get("inference").asText()).isEqualTo("permutation");
    assertThat(a.get("pValue").asDouble()).isEqualTo(0.01);
    assertThat(
            Tolerances.relErr(a.get("I").asDouble(), ref("moran_CRIME_gal_W_randomisation", "I")))
        .isLessThan(1e-8);
    CliRun t =
        CliRun.of(
            "moran",
            "--data",
            WeightsCommandTest.columbus(),
            "--id",
            "POLYID",
            "--var",
            "CRIME",
            "--weights",
            gal(),
            "--standardize",
            "row");
    assertThat(t.code).isZero();
    assertThat(t.out)
        .startsWith("Moran's I test of 'CRIME' (randomisation, alternative greater)")
        .contains("I            0.4857709137")
        .contains("n = 49");
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    String c = WeightsCommandTest.columbus();
    String g = gal();
    WeightsCommandTest.assertError(
        "econ4j: option '--alternative': unknown alternative 'up'; use one of greater, less,"
            + " two-sided",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        g,
        "--alternative",
        "up");
    WeightsCommandTest.assertError(
        "econ4j: option '--inference' has the unknown value 'exact'; use randomisation or"
            + " normality (or --permutations N)",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        g,
        "--inference",
        "exact");
    WeightsCommandTest.assertError(
        "econ4j: number of permutations must be at least 1, got 0; e.g. 999",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        g,
        "--permutations",
        "0");
    WeightsCommandTest.assertError(
        "econ4j: option '--seed' needs --permutations N; add e.g. --permutations 999",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        g,
        "--seed",
        "1");
    WeightsCommandTest.assertError(
        "econ4j: weights file 'none.csv' does not exist; give the path of a CSV file",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        "none.csv");
    WeightsCommandTest.assertError(
        "econ4j: unknown column 'CRIMES'",
        "moran",
        "--data",
        c,
        "--id",
        "POLYID",
        "--var",
        "CRIMES",
        "--weights",
        g);
    Path few = ReferenceData.write(dir, "few.csv", "POLYID,CRIME\n1,2\n2,3\n");
    WeightsCommandTest.assertError(
        "econ4j: data and weight matrix have different units: 47 in the matrix but not in the"
            + " data",
        "moran",
        "--data",
        few.toString(),
        "--id",
        "POLYID",
        "--var",
        "CRIME",
        "--weights",
        g);
    Path isl = ReferenceData.write(dir, "w.csv", "from,to,weight\n1,2,1\n2,1,1\n3,,\n");
    Path d3 = ReferenceData.write(dir, "d3.csv", "id,z\n1,1\n2,2\n3,3\n");
    WeightsCommandTest.assertError(
        "econ4j: 1 unit has no neighbours (islands): '3'",
        "moran",
        "--data",
        d3.toString(),
        "--id",
        "id",
        "--var",
        "z",
        "--weights",
        isl.toString());
  }
}
