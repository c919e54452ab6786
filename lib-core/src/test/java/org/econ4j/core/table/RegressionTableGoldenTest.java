package org.econ4j.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.VcovEstimate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rendered regression tables against golden files in src/test/resources/golden/. To regenerate
 * after an intended change run the test with {@code -Dgolden.update=true} and review the diff.
 */
class RegressionTableGoldenTest {

  static RegressionResult ols() {
    return RegressionResult.builder("ols", "log(copat) ~ log(pat_cn) + log(pat_partner)")
        .dependentVariable("log(copat)")
        .coefficients(
            List.of("(Intercept)", "log(pat_cn)", "log(pat_partner)"),
            new double[] {-1.25, 0.4321, 0.0123})
        .vcovEstimate(
            new VcovEstimate(
                Vcov.iid(),
                SmallSampleCorrection.fixest(),
                new double[][] {{0.09, 0, 0}, {0, 0.0004, 0.0001}, {0, 0.0001, 0.0049}},
                List.of(),
                997,
                3,
                List.of()))
        .nobs(1000)
        .fitStats(FitStats.empty().withR2(0.51234).withAdjR2(0.51136).withRmse(0.8765))
        .build();
  }

  static RegressionResult fe() {
    return RegressionResult.builder(
            "ols",
            "log(copat) ~ log(pat_cn) + log(pat_partner) + l(tech_prox, 1) + dist | country + year")
        .dependentVariable("log(copat)")
        .coefficients(
            List.of("log(pat_cn)", "log(pat_partner)", "l(tech_prox, 1)"),
            new double[] {0.3012, 0.2101, -0.0456})
        .dropped(List.of(DroppedTerm.of("dist", DroppedTerm.Reason.ABSORBED)))
        .termOrder(List.of("log(pat_cn)", "log(pat_partner)", "l(tech_prox, 1)", "dist"))
        .vcovEstimate(
            new VcovEstimate(
                Vcov.cluster("country"),
                SmallSampleCorrection.fixest(),
                new double[][] {{0.0025, 0, 0}, {0, 0.01, 0}, {0, 0, 0.0009}},
                List.of(40),
                39,
                20,
                List.of()))
        .nobs(988)
        .nobsOriginal(1000)
        .fixedEffects(List.of("country", "year"))
        .note(
            Note.of(
                Note.Kind.MISSING,
                12,
                "12 observations removed because of missing values (tech_prox)"))
        .fitStats(FitStats.empty().withR2(0.8123).withWithinR2(0.2345))
        .build();
  }

  static RegressionResult negbin() {
    return RegressionResult.builder("negbin", "copat ~ log(pat_cn) + log(pat_partner) | country")
        .dependentVariable("copat")
        .coefficients(List.of("log(pat_cn)", "log(pat_partner)"), new double[] {0.55, 0.0})
        .vcovEstimate(
            new VcovEstimate(
                Vcov.hetero(),
                SmallSampleCorrection.fixest(),
                new double[][] {{0.0121, 0}, {0, 0.04}},
                List.of(),
                Double.POSITIVE_INFINITY,
                42,
                List.of()))
        .nobs(1000)
        .fixedEffects(List.of("country"))
        .fitStats(
            FitStats.empty()
                .withLogLik(-2345.678)
                .withAic(4775.356)
                .withBic(4981.47)
                .withTheta(1.234)
                .withThetaStdError(0.056))
        .build();
  }

  static RegressionTable table() {
    return RegressionTable.of(ols(), fe(), negbin())
        .withLabels(Map.of("log(pat_cn)", "Patents (CN, log)"))
        .withCaption("Co-patenting & proximity");
  }

  private static void compare(String name, String actual) throws IOException {
    Path file = Paths.get("src/test/resources/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(actual).isEqualTo(expected);
  }

  private static String extension(TableFormat f) {
    switch (f) {
      case LATEX:
        return "tex";
      case MARKDOWN:
        return "md";
      case HTML:
        return "html";
      case CSV:
        return "csv";
      default:
        return "txt";
    }
  }

  @ParameterizedTest
  @EnumSource(TableFormat.class)
  void defaultTable(TableFormat format) throws IOException {
    compare("regression_table." + extension(format), table().render(format));
  }

  @ParameterizedTest
  @EnumSource(
      value = TableFormat.class,
      names = {"TEXT", "LATEX"})
  void tValuesInBracketsBesideWithGroupsAndTitles(TableFormat format) throws IOException {
    RegressionTable t =
        table()
            .withStatistic(RegressionTable.Statistic.T)
            .withPosition(RegressionTable.Position.BESIDE)
            .withTitles("OLS", "FE", "NB")
            .withGroups(
                new RegressionTable.ModelGroup("Linear", 1, 2),
                new RegressionTable.ModelGroup("Count", 3, 3))
            .withDrop("Intercept")
            .withOrder("pat_partner");
    compare("regression_table_t_beside." + extension(format), t.render(format));
  }
}
