package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON keys of docs/cli.md, which other tools rely on: present, camelCase, as documented. */
class JsonContractTest {
  private static final String GRUNFELD = "reference/plm/plm_Grunfeld.csv";

  @TempDir Path dir;

  private static JsonNode run(String... args) throws Exception {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void fitDocumentHasTheDocumentedKeys() throws Exception {
    JsonNode doc =
        run(
            "fit",
            "--data",
            ReferenceData.path(GRUNFELD).toString(),
            "--formula",
            "inv ~ value + capital + I(2 * value) | firm",
            "--vcov",
            "cluster:firm",
            "--subset",
            "year > 1935",
            "--format",
            "json");
    assertThat(keys(doc)).containsExactly("econ4j", "models");
    JsonNode m = doc.get("models").get(0);
    assertThat(keys(m))
        .containsSubsequence(
            "formula",
            "model",
            "dependentVariable",
            "nobs",
            "nobsOriginal",
            "dof",
            "statisticType",
            "confidenceLevel",
            "coefficients",
            "dropped",
            "fixedEffects",
            "vcov")
        .contains("r2", "adjR2", "withinR2", "withinAdjR2", "rmse", "logLik")
        .contains("notes", "convergence", "timings");
    assertThat(keys(m.get("coefficients").get(0)))
        .containsExactly("term", "estimate", "stdError", "statistic", "pValue", "ciLow", "ciHigh");
    assertThat(keys(m.get("dropped").get(0))).containsExactly("term", "reason", "with");
    assertThat(m.get("dropped").get(0).get("reason").asText()).isEqualTo("collinear");
    assertThat(keys(m.get("vcov")))
        .containsExactly("type", "label", "clusters", "ssc", "df", "terms", "matrix");
    assertThat(keys(m.get("vcov").get("clusters").get(0))).containsExactly("variable", "count");
    assertThat(keys(m.get("notes").get(0))).containsExactly("kind", "count", "message", "names");
    assertThat(m.get("notes").get(0).get("kind").asText()).isEqualTo("subset");
    assertThat(keys(m.get("convergence")))
        .containsExactly("converged", "iterations", "tolerance", "lastChange");
    assertThat(keys(m.get("timings"))).containsExactly("readMs", "fitMs", "repeatFitMs");
    assertThat(m.get("nobsOriginal").asInt()).isEqualTo(190);
  }

  @Test
  void countModelsAddThetaAndIncidenceRateRatios() throws Exception {
    JsonNode m =
        run(
                "fit",
                "--data",
                ReferenceData.path("reference/pglm/pglm_PatentsRDUS.csv").toString(),
                "--formula",
                "patents ~ log(rd) | cusip",
                "--model",
                "negbin",
                "--irr",
                "--format",
                "json")
            .get("models")
            .get(0);
    assertThat(m.get("statisticType").asText()).isEqualTo("z");
    assertThat(m.get("vcov").get("df").isNull()).isTrue();
    assertThat(keys(m)).contains("logLik", "theta", "thetaStdError", "irr");
    assertThat(keys(m.get("irr").get(0)))
        .containsExactly("term", "irr", "stdError", "pValue", "ciLow", "ciHigh");
  }

  @Test
  void undefinedNumbersAreNull() throws Exception {
    // a single observation in group 'a': its standard deviation is not defined
    String data = ReferenceData.write(dir, "d.csv", "g,x\na,1\nb,2\nb,3\n").toString();
    JsonNode doc = run("describe", "--data", data, "--by", "g", "--format", "json");
    assertThat(keys(doc))
        .contains("econ4j", "what", "nobs", "nobsOriginal", "notes", "timings", "statistics");
    assertThat(doc.get("statistics").get(0).get("group").asText()).isEqualTo("a");
    assertThat(doc.get("statistics").get(0).get("sd").isNull()).isTrue();
  }
}
