package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code econ4j fit} on fixed-effects-only models and with an offset on the wrong scale. */
class FitGapsTest {
  @TempDir Path dir;

  /** 12 units x 6 periods: counts y, regressor x, exposure pop in the hundred thousands. */
  private Path data() {
    SplittableRandom rng = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("u,t,x,pop,y\n");
    for (int u = 0; u < 12; u++) {
      double a = rng.nextDouble() - 0.5;
      for (int t = 0; t < 6; t++) {
        double x = rng.nextDouble();
        long pop = 100_000 + rng.nextInt(900_000);
        double mu = pop / 2e5 * Math.exp(a + 0.5 * x);
        long y = Math.round(mu + rng.nextDouble() * 2);
        sb.append(String.format(Locale.ROOT, "u%d,%d,%.6f,%d,%d%n", u, 2000 + t, x, pop, y));
      }
    }
    return ReferenceData.write(dir, "d.csv", sb.toString());
  }

  @Test
  void fixedEffectsOnlyModelHasEmptyCoefficients() throws Exception {
    String d = data().toString();
    CliRunner.Result r =
        CliRunner.run("fit", "--data", d, "--formula", "y ~ 1 | u + t", "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode m = new ObjectMapper().readTree(r.out()).get("models").get(0);
    assertThat(m.get("coefficients").isArray()).isTrue();
    assertThat(m.get("coefficients")).isEmpty();
    assertThat(m.get("vcov").get("matrix")).isEmpty();
    assertThat(m.get("r2").asDouble()).isBetween(0.0, 1.0);
    assertThat(m.get("withinR2").asDouble()).isZero();
    assertThat(m.get("nobs").asInt()).isEqualTo(72);
    assertThat(m.get("dof").asInt()).isEqualTo(72 - 12 - 5);
    CliRunner.Result text =
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ 1 | u + t", "--formula", "y ~ x | u + t");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("u", "t", "x", "R2");
    CliRunner.Result pois =
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ 1 | u", "--model", "poisson", "--format", "json");
    assertThat(pois.code()).isZero();
    assertThat(new ObjectMapper().readTree(pois.out()).get("models").get(0).get("coefficients"))
        .isEmpty();
  }

  @Test
  void offsetOnTheWrongScaleIsAUsageErrorWithTheRemedy() {
    String d = data().toString();
    CliRunner.Result r =
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ x | u", "--model", "poisson", "--offset", "pop");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("econ4j: offset 'pop' has values up to ")
        .contains("so exp() of the linear predictor overflows")
        .endsWith("; offset is on the log scale: pass log(x) or use exposure(x) / --exposure x\n");
    assertThat(r.err()).doesNotContain("reference norm");
    CliRunner.Result ok =
        CliRunner.run(
            "fit",
            "--data",
            d,
            "--formula",
            "y ~ x | u",
            "--model",
            "poisson",
            "--exposure",
            "pop");
    assertThat(ok.code()).isZero();
    CliRunner.Result nb =
        CliRunner.run(
            "fit", "--data", d, "--formula", "y ~ x | u", "--model", "negbin", "--offset", "pop");
    assertThat(nb.code()).isEqualTo(2);
    assertThat(nb.err()).startsWith("econ4j: offset 'pop' has values up to ");
  }
}
