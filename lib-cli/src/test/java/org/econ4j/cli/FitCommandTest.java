package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.econ4j.core.Econ4j;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code econ4j fit} and {@code econ4j hausman} against fixest and plm on Grunfeld, and bad input.
 */
class FitCommandTest {
  private static final String DATA = "reference/plm/plm_Grunfeld.csv";
  private static final List<ReferenceData.Value> REF =
      ReferenceData.longFormat("reference/plm/ref_grunfeld.csv");

  @TempDir Path dir;

  private static String data() {
    return ReferenceData.path(DATA).toString();
  }

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  private static JsonNode coefficient(JsonNode model, String term) {
    for (JsonNode c : model.get("coefficients")) {
      if (c.get("term").asText().equals(term)) {
        return c;
      }
    }
    throw new AssertionError("no coefficient " + term);
  }

  private static double ref(String model, String quantity, String term) {
    return ReferenceData.get(REF, model, quantity, term);
  }

  @Test
  void oneWayFixedEffectsMatchFixestWithClusteredErrors() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "fit",
            "--data",
            data(),
            "--formula",
            "inv ~ value + capital | firm",
            "--vcov",
            "cluster:firm",
            "--format",
            "json",
            "--repeat",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = json(r.out());
    assertThat(doc.get("econ4j").asText()).isEqualTo(Econ4j.version());
    JsonNode m = doc.get("models").get(0);
    assertThat(m.get("model").asText()).isEqualTo("ols");
    assertThat(m.get("nobs").asInt()).isEqualTo(200);
    assertThat(m.get("formula").asText()).isEqualTo("inv ~ value + capital | firm");
    for (String term : List.of("value", "capital")) {
      JsonNode c = coefficient(m, term);
      assertThat(
              Tolerances.relErr(
                  c.get("estimate").asDouble(), ref("feols_grunfeld_1fe", "coef", term)))
          .isLessThan(Tolerances.COEF);
      assertThat(
              Tolerances.relErr(
                  c.get("stdError").asDouble(),
                  ref("feols_grunfeld_1fe", "se_cl_fixestdefault", term)))
          .isLessThan(Tolerances.SE);
      assertThat(c.has("pValue") && c.has("ciLow") && c.has("ciHigh") && c.has("statistic"))
          .isTrue();
    }
    JsonNode v = m.get("vcov");
    assertThat(v.get("type").asText()).isEqualTo("cluster:firm");
    assertThat(v.get("clusters").get(0).get("count").asInt()).isEqualTo(10);
    assertThat(v.get("matrix")).hasSize(2);
    assertThat(m.get("r2").asDouble())
        .isCloseTo(ref("feols_grunfeld_1fe", "r2", ""), within(1e-10));
    assertThat(m.get("timings").get("repeatFitMs")).hasSize(2);
    assertThat(m.get("convergence").get("converged").asBoolean()).isTrue();
  }

  @Test
  void iidIsTheDefaultAndTablesShowTValuesInBrackets() throws Exception {
    CliRunner.Result j =
        CliRunner.run(
            "fit",
            "--data",
            data(),
            "--formula",
            "inv ~ value + capital | firm",
            "--format",
            "json");
    JsonNode c = coefficient(json(j.out()).get("models").get(0), "value");
    assertThat(
            Tolerances.relErr(
                c.get("stdError").asDouble(), ref("feols_grunfeld_1fe", "se_iid", "value")))
        .isLessThan(Tolerances.SE);

    CliRunner.Result t =
        CliRunner.run(
            "fit",
            "--data",
            data(),
            "--formula",
            "inv ~ value | firm",
            "--formula",
            "inv ~ value + capital | firm",
            "--statistic",
            "t");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out())
        .contains("(1)")
        .contains("(2)")
        .contains("[")
        .contains("firm")
        .contains("Yes");
  }

  @Test
  void hausmanMatchesPlmPhtest() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "hausman",
            "--data",
            data(),
            "--index",
            "firm,year",
            "--formula",
            "inv ~ value + capital",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode h = json(r.out());
    assertThat(
            Tolerances.relErr(h.get("statistic").asDouble(), ref("phtest_fe_vs_re", "chisq", "")))
        .isLessThan(1e-6);
    assertThat(h.get("df").asInt()).isEqualTo(2);
    assertThat(Tolerances.relErr(h.get("pValue").asDouble(), ref("phtest_fe_vs_re", "p.value", "")))
        .isLessThan(1e-6);
    assertThat(h.get("models")).hasSize(2);

    CliRunner.Result text =
        CliRunner.run(
            "hausman",
            "--data",
            data(),
            "--index",
            "firm,year",
            "--formula",
            "inv ~ value + capital",
            "--method",
            "mundlak");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("Hausman");
  }

  @Test
  void countModelsRunFromTheCommandLine() throws Exception {
    Path csv = dir.resolve("counts.csv");
    StringBuilder sb = new StringBuilder("unit,year,x,y\n");
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int u = 0; u < 30; u++) {
      for (int t = 0; t < 6; t++) {
        double x = rng.nextDouble();
        double mu = Math.exp(0.5 + 0.8 * x + (u % 3) * 0.3);
        int y =
            org.econ4j.testing.RandomPanels.poisson(rng, mu) > 0
                ? (int) org.econ4j.testing.RandomPanels.poisson(rng, mu)
                : 0;
        sb.append("u")
            .append(u)
            .append(',')
            .append(2000 + t)
            .append(',')
            .append(x)
            .append(',')
            .append(y)
            .append('\n');
      }
    }
    Files.writeString(csv, sb.toString());
    for (String model : List.of("poisson", "negbin", "negbin-conditional", "poisson-conditional")) {
      CliRunner.Result r =
          CliRunner.run(
              "fit",
              "--data",
              csv.toString(),
              "--index",
              "unit,year",
              "--model",
              model,
              "--formula",
              model.endsWith("conditional") ? "y ~ x - 1" : "y ~ x | unit",
              "--format",
              "json");
      assertThat(r.code()).as(model + ": " + r.err()).isZero();
      JsonNode m = json(r.out()).get("models").get(0);
      assertThat(m.get("model").asText()).isEqualTo(model);
      assertThat(m.get("statisticType").asText()).isEqualTo("z");
      assertThat(coefficient(m, "x").get("estimate").asDouble()).isBetween(0.2, 2.0);
      assertThat(m.has("logLik")).isTrue();
    }
    CliRunner.Result irr =
        CliRunner.run(
            "fit",
            "--data",
            csv.toString(),
            "--model",
            "poisson",
            "--formula",
            "y ~ x | unit",
            "--irr");
    assertThat(irr.code()).as(irr.err()).isZero();
    assertThat(irr.out()).contains("Incidence-rate ratios");
  }

  @Test
  void badInputExitsWith2AndANamedMessage() {
    CliRunner.Result model =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--model", "tobit");
    assertThat(model.code()).isEqualTo(2);
    assertThat(model.err())
        .isEqualTo(
            "econ4j: option '--model' has the unknown value 'tobit'; use one of ols, poisson, negbin,"
                + " negbin-conditional, poisson-conditional\n");

    CliRunner.Result column =
        CliRunner.run("fit", "--data", data(), "--formula", "log(invv) ~ value | firm");
    assertThat(column.code()).isEqualTo(2);
    assertThat(column.err())
        .startsWith(
            "econ4j: unknown column 'invv' in formula 'log(invv) ~ value | firm'; known columns:");

    CliRunner.Result syntax = CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value +");
    assertThat(syntax.code()).isEqualTo(2);
    assertThat(syntax.err()).contains("syntax error at position");

    CliRunner.Result vcov =
        CliRunner.run(
            "fit", "--data", data(), "--formula", "inv ~ value", "--vcov", "cluster:firmm");
    assertThat(vcov.code()).isEqualTo(2);
    assertThat(vcov.err()).contains("firmm");

    CliRunner.Result badVcov =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--vcov", "sandwich");
    assertThat(badVcov.code()).isEqualTo(2);
    assertThat(badVcov.err()).contains("sandwich").contains("cluster:a");

    CliRunner.Result stat =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--statistic", "stars");
    assertThat(stat.code()).isEqualTo(2);
    assertThat(stat.err())
        .isEqualTo(
            "econ4j: option '--statistic' has the unknown value 'stars'; use one of se, t, p, ci\n");

    CliRunner.Result offset =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--offset", "capital");
    assertThat(offset.code()).isEqualTo(2);
    assertThat(offset.err()).contains("'--offset' and '--exposure' apply to count models only");

    CliRunner.Result irr =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--irr");
    assertThat(irr.code()).isEqualTo(2);
    assertThat(irr.err())
        .isEqualTo(
            "econ4j: option '--irr' applies to count models only; add --model poisson or negbin\n");

    CliRunner.Result repeat =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--repeat", "0");
    assertThat(repeat.code()).isEqualTo(2);
    assertThat(repeat.err()).isEqualTo("econ4j: option '--repeat' must be at least 1, got 0\n");

    CliRunner.Result nw =
        CliRunner.run("fit", "--data", data(), "--formula", "inv ~ value", "--vcov", "nw:2");
    assertThat(nw.code()).isEqualTo(2);
    assertThat(nw.err()).contains("index");

    CliRunner.Result hausman =
        CliRunner.run("hausman", "--data", data(), "--formula", "inv ~ value + capital");
    assertThat(hausman.code()).isEqualTo(2);
    assertThat(hausman.err())
        .isEqualTo(
            "econ4j: the Hausman test needs the panel index; add --index unit,time (the unit"
                + " effect)\n");

    CliRunner.Result method =
        CliRunner.run(
            "hausman",
            "--data",
            data(),
            "--index",
            "firm,year",
            "--formula",
            "inv ~ value",
            "--method",
            "aux");
    assertThat(method.code()).isEqualTo(2);
    assertThat(method.err())
        .isEqualTo(
            "econ4j: option '--method' has the unknown value 'aux'; use classic or mundlak\n");
  }

  @Test
  void estimationFailureExitsWith3() throws Exception {
    Path csv = dir.resolve("collinear.csv");
    Files.writeString(
        csv, "u,t,x,z,y\na,1,1,2,0\na,2,2,4,3\nb,1,3,6,1\nb,2,4,8,5\nc,1,2,4,2\nc,2,1,2,4\n");
    CliRunner.Result r =
        CliRunner.run(
            "fit",
            "--data",
            csv.toString(),
            "--model",
            "negbin-conditional",
            "--formula",
            "y ~ x + z | u");
    assertThat(r.err()).startsWith("econ4j: ");
    assertThat(r.err().split("\n")).hasSize(1);
    assertThat(r.code()).isIn(2, 3);
  }
}
