package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * {@code econ4j fit --vcov conley:lat,lon,km} against fixest {@code vcov_conley}
 * (reference/conley).
 */
class FitConleyTest {
  private static final String DATA =
      ReferenceData.path("reference/conley/conley_points.csv").toString();

  private static JsonNode fit(String formula, String vcov) throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "fit", "--data", DATA, "--formula", formula, "--vcov", vcov, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out()).get("models").get(0);
  }

  private static double se(JsonNode model, String term) {
    for (JsonNode c : model.get("coefficients")) {
      if (c.get("term").asText().equals(term)) {
        return c.get("stdError").asDouble();
      }
    }
    throw new AssertionError("no term " + term);
  }

  @Test
  void greatCircleAndTriangularMatchFixest() throws Exception {
    JsonNode m = fit("y ~ x", "conley:lat,lon,100");
    assertThat(Tolerances.relErr(se(m, "x"), 0.0825322121525)).isLessThan(1e-8);
    assertThat(Tolerances.relErr(se(m, "(Intercept)"), 0.16007936789)).isLessThan(1e-8);
    assertThat(m.get("vcov").get("type").asText()).startsWith("conley:lat,lon,100");

    JsonNode fe = fit("y ~ x | grp", "conley:lat,lon,200");
    assertThat(Tolerances.relErr(se(fe, "x"), 0.11317345528)).isLessThan(1e-8);

    JsonNode tri = fit("y ~ x", "conley:lat,lon,50,triangular");
    assertThat(Tolerances.relErr(se(tri, "x"), 0.0547033659268)).isLessThan(1e-8);
  }

  @Test
  void badConleySpecsAreUsageErrors() {
    CliRunner.Result r =
        CliRunner.run("fit", "--data", DATA, "--formula", "y ~ x", "--vcov", "conley:lat,lon,-5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("econ4j: ").contains("-5");

    CliRunner.Result cond =
        CliRunner.run(
            "fit",
            "--data",
            DATA,
            "--formula",
            "y ~ x | grp",
            "--model",
            "poisson-conditional",
            "--vcov",
            "conley:lat,lon,50");
    assertThat(cond.code()).isEqualTo(2);
    assertThat(cond.err()).contains("is not available for the poisson-conditional model");
  }
}
