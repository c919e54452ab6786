package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --vcov cluster:a^b} clusters by the observed (a, b) pairs, as fixest {@code ~a^b}. */
class ClusterCombinationTest {
  @TempDir Path dir;

  private static JsonNode model(CliRunner.Result r) throws Exception {
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    return new ObjectMapper().readTree(r.out()).get("models").get(0);
  }

  @Test
  void combinedClusterEqualsClusteringOnAPairColumn() throws Exception {
    SplittableRandom rng = new SplittableRandom(7);
    StringBuilder csv = new StringBuilder("a,b,pair,g,x,y\n");
    for (int i = 0; i < 240; i++) {
      int a = rng.nextInt(6);
      String b = "b" + rng.nextInt(5);
      double x = rng.nextDouble();
      double y = 0.5 * x + a * 0.1 + rng.nextDouble();
      csv.append(a).append(',').append(b).append(',').append(a).append('_').append(b);
      csv.append(',').append(i % 4).append(',').append(x).append(',').append(y).append('\n');
    }
    String data = ReferenceData.write(dir, "pairs.csv", csv.toString()).toString();
    JsonNode combined =
        model(
            CliRunner.run(
                "fit",
                "--data",
                data,
                "--formula",
                "y ~ x | g",
                "--vcov",
                "cluster:a^b+g",
                "--format",
                "json"));
    JsonNode pair =
        model(
            CliRunner.run(
                "fit",
                "--data",
                data,
                "--formula",
                "y ~ x | g",
                "--vcov",
                "cluster:pair+g",
                "--format",
                "json"));
    double se = combined.get("coefficients").get(0).get("stdError").asDouble();
    assertThat(se).isEqualTo(pair.get("coefficients").get(0).get("stdError").asDouble());
    assertThat(combined.get("vcov").get("type").asText()).isEqualTo("cluster:a^b+g");
    assertThat(combined.get("vcov").get("clusters").get(0).get("variable").asText())
        .isEqualTo("a^b");
    assertThat(combined.get("vcov").get("clusters").get(0).get("count").asInt())
        .isEqualTo(pair.get("vcov").get("clusters").get(0).get("count").asInt());
  }

  @Test
  void unknownPartOfACombinationIsNamed() {
    String data =
        ReferenceData.write(dir, "d.csv", "a,b,x,y\n1,1,1,2\n2,1,2,3\n1,2,3,3\n").toString();
    CliRunner.Result r =
        CliRunner.run("fit", "--data", data, "--formula", "y ~ x", "--vcov", "cluster:a^c");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "econ4j: unknown cluster column 'c' in vcov 'cluster:a^c'; known columns: a, b, x,"
                + " y\n");
  }
}
