package org.econ4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Sandwich;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.api.Test;

class RegressionResultTest {
  private static final int N = 80;

  private static InferenceData data(boolean normal) {
    SplittableRandom rng = new SplittableRandom(42);
    double[][] x = new double[2][N];
    double[] y = new double[N];
    int[] g = new int[N];
    int[] t = new int[N];
    for (int i = 0; i < N; i++) {
      x[0][i] = 1;
      x[1][i] = RandomPanels.gaussian(rng);
      y[i] = 2 + 0.5 * x[1][i] + RandomPanels.gaussian(rng);
      g[i] = i % 8;
      t[i] = i / 8;
    }
    LeastSquaresFit f = LeastSquares.defaults().fit(x, y);
    double[] e = f.residuals();
    double[][] s = new double[2][N];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < N; i++) {
        s[j][i] = x[j][i] * e[i];
      }
    }
    return InferenceData.builder(f.bread(), s, N)
        .iidScale(f.rss() / (N - 1))
        .cluster("g", g)
        .time(t)
        .unit(g)
        .normal(normal)
        .build();
  }

  private static RegressionResult.Builder builder(InferenceData d) {
    return RegressionResult.builder("ols", "y ~ x")
        .dependentVariable("y")
        .coefficients(List.of("(Intercept)", "x"), new double[] {2.1, 0.45})
        .inferenceData(d)
        .note(Note.of(Note.Kind.MISSING, 3, "3 observations removed because of missing values"));
  }

  @Test
  void coefficientsCarryInference() {
    InferenceData d = data(false);
    RegressionResult r = builder(d).vcov(Vcov.cluster("g"), SmallSampleCorrection.fixest()).build();
    double[][] v = Sandwich.compute(d, Vcov.cluster("g"), SmallSampleCorrection.fixest()).matrix();
    Coefficient c = r.coefficient("x").orElseThrow();
    double se = Math.sqrt(v[1][1]);
    assertThat(c.stdError()).isEqualTo(se);
    assertThat(c.statistic()).isEqualTo(0.45 / se);
    assertThat(c.pValue()).isEqualTo(Distributions.twoSidedT(0.45 / se, 7));
    double q = Distributions.tQuantile(0.975, 7);
    assertThat(c.ciLow()).isCloseTo(0.45 - q * se, within(1e-15));
    assertThat(c.ciHigh()).isCloseTo(0.45 + q * se, within(1e-15));
    assertThat(r.usesZ()).isFalse();
    assertThat(r.vcov().label()).isEqualTo("Clustered (g)");
    assertThat(r.nobs()).isEqualTo(N);
    assertThat(r.nobsOriginal()).isEqualTo(N);
    assertThat(r.dof()).isEqualTo(N - 2);
    assertThat(r.coefficient("nope")).isEmpty();
    assertThat(r.terms()).containsExactly("(Intercept)", "x");
    assertThat(r.model()).isEqualTo("ols");
    assertThat(r.formula()).isEqualTo("y ~ x");
    assertThat(r.dependentVariable()).isEqualTo("y");
    assertThat(r.convergence()).isEqualTo(Convergence.closedForm());
    assertThat(r.provenance().estimator()).isEqualTo("ols");
    assertThat(r.isLean()).isFalse();
    assertThat(r.toString()).isEqualTo("ols y ~ x (n = 80, Clustered (g))");
  }

  @Test
  void withVcovEqualsFreshComputation() {
    InferenceData d = data(false);
    RegressionResult iid = builder(d).build();
    assertThat(iid.vcov().label()).isEqualTo("IID");
    for (Vcov v :
        List.of(Vcov.hetero(), Vcov.cluster("g"), Vcov.neweyWest(1), Vcov.driscollKraay(2))) {
      RegressionResult changed = iid.withVcov(v);
      RegressionResult fresh = builder(d).vcov(v, SmallSampleCorrection.fixest()).build();
      assertThat(changed.coefficients()).isEqualTo(fresh.coefficients());
      assertThat(changed.vcovMatrix()).isDeepEqualTo(fresh.vcovMatrix());
    }
    RegressionResult plm = iid.withVcov(Vcov.cluster("g"), SmallSampleCorrection.plm());
    assertThat(plm.vcov().ssc().name()).isEqualTo("plm");
    assertThat(iid.vcov().label()).isEqualTo("IID"); // unchanged
  }

  @Test
  void zStatisticsWhenNormal() {
    RegressionResult r = builder(data(true)).build();
    assertThat(r.usesZ()).isTrue();
    Coefficient c = r.coefficient("x").orElseThrow();
    assertThat(c.pValue()).isEqualTo(Distributions.twoSidedNormal(c.statistic()));
    RegressionResult r90 = r.withConfidenceLevel(0.9);
    assertThat(r90.confidenceLevel()).isEqualTo(0.9);
    assertThat(r90.coefficient("x").orElseThrow().ciHigh())
        .isCloseTo(c.estimate() + 1.6448536269514722 * c.stdError(), within(1e-12));
  }

  @Test
  void immutability() {
    InferenceData d = data(false);
    double[] est = {2.1, 0.45};
    RegressionResult r =
        RegressionResult.builder("ols", "y ~ x")
            .coefficients(List.of("(Intercept)", "x"), est)
            .inferenceData(d)
            .build();
    est[1] = 99;
    assertThat(r.coefficient("x").orElseThrow().estimate()).isEqualTo(0.45);
    double[][] m = r.vcovMatrix();
    m[0][0] = -1;
    assertThat(r.vcovMatrix()[0][0]).isPositive();
    assertThatThrownBy(() -> r.coefficients().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.notes().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void leanResultsRefuseWithVcov() {
    RegressionResult r = builder(data(false)).keepInferenceData(false).build();
    assertThat(r.isLean()).isTrue();
    assertThatThrownBy(() -> r.withVcov(Vcov.hetero()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this result was fitted lean() and keeps no inference data, so vcov 'hetero' cannot be"
                + " computed; refit without lean() or with this vcov");
  }

  @Test
  void droppedTermsAndNotes() {
    RegressionResult r =
        builder(data(false))
            .dropped(List.of(new DroppedTerm("x2", DroppedTerm.Reason.COLLINEAR, List.of("x"))))
            .fixedEffects(List.of("g"))
            .build();
    assertThat(r.terms()).containsExactly("(Intercept)", "x", "x2");
    assertThat(r.droppedTerm("x2").orElseThrow().with()).containsExactly("x");
    assertThat(r.droppedTerm("x")).isEmpty();
    assertThat(r.fixedEffectNames()).containsExactly("g");
    assertThat(r.notes()).extracting(Note::count).containsExactly(3L);
    assertThat(DroppedTerm.Reason.ABSORBED.cellText()).isEqualTo("(absorbed)");
  }

  @Test
  void builderErrors() {
    assertThatThrownBy(() -> RegressionResult.builder("ols", "y ~ x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a result needs a vcovEstimate or inferenceData to compute its covariance matrix");
    assertThatThrownBy(
            () ->
                RegressionResult.builder("ols", "y ~ x")
                    .coefficients(List.of("x"), new double[] {1})
                    .inferenceData(data(false))
                    .build())
        .hasMessage("covariance matrix is 2x2 but there are 1 estimated terms");
    assertThatThrownBy(
            () -> RegressionResult.builder("ols", "y").coefficients(List.of("x"), new double[0]))
        .hasMessage("1 terms but 0 estimates");
    assertThatThrownBy(() -> RegressionResult.builder("ols", "y").confidenceLevel(1))
        .hasMessage("confidence level must be in (0, 1), got 1.0");
  }

  @Test
  void fitStatsAreOptional() {
    FitStats s = FitStats.empty().withR2(0.5).withTheta(2);
    assertThat(s.r2()).hasValue(0.5);
    assertThat(s.adjR2()).isEmpty();
    assertThat(s.asMap())
        .containsExactly(java.util.Map.entry("r2", 0.5), java.util.Map.entry("theta", 2.0));
    assertThat(FitStats.empty().r2()).isEmpty();
    assertThat(s).isEqualTo(FitStats.empty().withTheta(2).withR2(0.5));
    assertThat(s.toString()).isEqualTo("FitStats{r2=0.500000, theta=2.00000}");
    assertThatThrownBy(() -> s.withBic(Double.NaN))
        .hasMessage("fit statistic 'bic' cannot be NaN; leave it unset instead");
    FitStats all =
        FitStats.empty()
            .withAdjR2(1)
            .withWithinR2(1)
            .withWithinAdjR2(1)
            .withRmse(1)
            .withLogLik(1)
            .withDeviance(1)
            .withPseudoR2(1)
            .withAic(1)
            .withBic(1)
            .withThetaStdError(1);
    assertThat(all.asMap()).hasSize(10);
    assertThat(all.withinAdjR2()).hasValue(1);
    assertThat(all.pseudoR2()).hasValue(1);
    assertThat(all.deviance()).hasValue(1);
    assertThat(all.thetaStdError()).hasValue(1);
  }

  @Test
  void leastSquaresFitStatsWithoutFixedEffects() {
    FitStats f = FitStats.forLeastSquares(50, 200, Double.NaN, 100, 3, 0);
    assertThat(f.r2()).hasValue(0.75);
    assertThat(f.adjR2().getAsDouble()).isCloseTo(1 - 0.25 * 99 / 97, within(1e-15));
    assertThat(f.withinR2()).isEmpty();
    assertThat(f.rmse().getAsDouble()).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(f.logLik().getAsDouble())
        .isCloseTo(-50 * (1 + Math.log(2 * Math.PI) + Math.log(0.5)), within(1e-12));
  }

  @Test
  void smallRecords() {
    assertThatThrownBy(() -> new Convergence(true, -1, 0, 0))
        .hasMessage("iterations must be >= 0, got -1");
    Provenance p = Provenance.of("FeOls").withOption("collinTol", "1e-09");
    assertThat(p.options()).containsEntry("collinTol", "1e-09");
    assertThat(p.version()).isEqualTo(Econ4j.version());
  }
}
