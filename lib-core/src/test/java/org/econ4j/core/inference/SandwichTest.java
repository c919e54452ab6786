package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.econ4j.core.EstimationException;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

/** Hand-computed one-coefficient examples: bread b = 0.5, scores 1, 2, 3, 4. */
class SandwichTest {
  private static final double B = 0.5;
  private static final double EPS = 1e-12;

  private static InferenceData.Builder data() {
    return InferenceData.builder(new double[][] {{B}}, new double[][] {{1, 2, 3, 4}}, 4)
        .iidScale(2.0)
        .cluster("a", new int[] {0, 0, 1, 1})
        .cluster("b", new int[] {5, 9, 5, 9});
  }

  private static double v(VcovEstimate e) {
    return e.matrix()[0][0];
  }

  @Test
  void iidAndHeteroskedasticityRobust() {
    InferenceData d = data().build();
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    VcovEstimate iid = Sandwich.compute(d, Vcov.iid(), fx);
    assertThat(v(iid)).isCloseTo(2.0 * B * 3.0 / 3.0, within(EPS)); // (n-1)/(n-K) = 3/3
    assertThat(iid.tDf()).isEqualTo(3);
    assertThat(iid.parameters()).isEqualTo(1);
    assertThat(iid.label()).isEqualTo("IID");
    assertThat(v(Sandwich.compute(d, Vcov.hc0(), fx))).isCloseTo(B * B * 30, within(EPS));
    assertThat(v(Sandwich.compute(d, Vcov.hetero(), fx)))
        .isCloseTo(B * B * 30 * 4 / 3.0, within(EPS));
    assertThat(v(Sandwich.compute(d, Vcov.hetero(), SmallSampleCorrection.none())))
        .isCloseTo(B * B * 30, within(EPS));
  }

  @Test
  void hc2AndHc3UseLeverage() {
    InferenceData d = data().leverage(new double[] {0.5, 0, 0, 0}).build();
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertThat(v(Sandwich.compute(d, Vcov.hc2(), fx))).isCloseTo(B * B * 31, within(EPS));
    assertThat(v(Sandwich.compute(d, Vcov.hc3(), fx))).isCloseTo(B * B * 33, within(EPS));
    assertThat(Sandwich.compute(d, Vcov.hc3(), fx).label())
        .isEqualTo("Heteroskedasticity-robust (HC3)");
  }

  @Test
  void oneWayCluster() {
    VcovEstimate e =
        Sandwich.compute(data().build(), Vcov.cluster("a"), SmallSampleCorrection.fixest());
    // sums 3 and 7: meat 58; G/(G-1) = 2, (n-1)/(n-K) = 1
    assertThat(v(e)).isCloseTo(B * B * 58 * 2, within(EPS));
    assertThat(e.tDf()).isEqualTo(1);
    assertThat(e.clusters()).containsExactly(2);
    assertThat(e.label()).isEqualTo("Clustered (a)");
    assertThat(e.notes()).isEmpty();
  }

  @Test
  void twoWayClusterInclusionExclusion() {
    InferenceData d = data().build();
    VcovEstimate min = Sandwich.compute(d, Vcov.cluster("a", "b"), SmallSampleCorrection.fixest());
    // meats: a 58, b 52, a∩b 30
    assertThat(v(min)).isCloseTo(B * B * 2 * (58 + 52 - 30), within(EPS));
    assertThat(min.clusters()).containsExactly(2, 2);
    assertThat(min.label()).isEqualTo("Clustered (a & b)");
    VcovEstimate conv =
        Sandwich.compute(
            d,
            Vcov.cluster("a", "b"),
            SmallSampleCorrection.fixest()
                .withClusterDf(SmallSampleCorrection.ClusterDf.CONVENTIONAL));
    assertThat(v(conv)).isCloseTo(B * B * (2 * 58 + 2 * 52 - 4.0 / 3 * 30), within(EPS));
  }

  @Test
  void negativeMultiwayMatrixIsRepairedWithNote() {
    InferenceData d =
        InferenceData.builder(new double[][] {{1}}, new double[][] {{1, -1, -1, 1}}, 4)
            .cluster("a", new int[] {0, 0, 1, 1})
            .cluster("b", new int[] {0, 1, 0, 1})
            .build();
    VcovEstimate e = Sandwich.compute(d, Vcov.cluster("a", "b"), SmallSampleCorrection.fixest());
    assertThat(v(e)).isZero();
    assertThat(e.notes()).hasSize(1);
    Note n = e.notes().get(0);
    assertThat(n.kind()).isEqualTo(Note.Kind.FALLBACK);
    assertThat(n.names()).containsExactly("a", "b");
    assertThat(n.message())
        .isEqualTo(
            "the 2-way clustered covariance matrix was not positive semi-definite (1 negative"
                + " eigenvalue, smallest -8.00); negative eigenvalues were set to 0 (Cameron,"
                + " Gelbach & Miller 2011)");
  }

  @Test
  void neweyWestTimeSeriesWithGapsAndPanel() {
    SmallSampleCorrection none = SmallSampleCorrection.none();
    InferenceData ts = data().time(new int[] {1, 2, 3, 4}).build();
    assertThat(v(Sandwich.compute(ts, Vcov.neweyWest(0), none)))
        .isCloseTo(v(Sandwich.compute(ts, Vcov.hc0(), none)), within(EPS));
    // 30 + 2 * 0.5 * (2 + 6 + 12)
    assertThat(v(Sandwich.compute(ts, Vcov.neweyWest(1), none))).isCloseTo(B * B * 50, within(EPS));
    InferenceData gaps = data().time(new int[] {1, 2, 4, 5}).build();
    assertThat(v(Sandwich.compute(gaps, Vcov.neweyWest(1), none)))
        .isCloseTo(B * B * 44, within(EPS));
    InferenceData panel = data().time(new int[] {1, 2, 1, 2}).unit(new int[] {0, 0, 1, 1}).build();
    VcovEstimate p = Sandwich.compute(panel, Vcov.neweyWest(1), none);
    assertThat(v(p)).isCloseTo(B * B * 44, within(EPS));
    assertThat(p.label()).isEqualTo("Newey-West (L=1)");
    // order of rows does not matter
    InferenceData shuffled =
        InferenceData.builder(new double[][] {{B}}, new double[][] {{4, 1, 3, 2}}, 4)
            .time(new int[] {2, 1, 1, 2})
            .unit(new int[] {1, 0, 1, 0})
            .build();
    assertThat(v(Sandwich.compute(shuffled, Vcov.neweyWest(1), none)))
        .isCloseTo(B * B * 44, within(EPS));
  }

  @Test
  void driscollKraayOnPeriodSums() {
    InferenceData d = data().time(new int[] {1, 1, 2, 2}).build();
    VcovEstimate e = Sandwich.compute(d, Vcov.driscollKraay(1), SmallSampleCorrection.fixest());
    // S = (3, 7): 58 + 2 * 0.5 * 21 = 79; (n-1)/(n-K) = 1
    assertThat(v(e)).isCloseTo(B * B * 79, within(EPS));
    assertThat(e.tDf()).isEqualTo(1);
    assertThat(e.label()).isEqualTo("Driscoll-Kraay (L=1)");
  }

  @Test
  void normalInferenceAndPresets() {
    InferenceData d = data().normal(true).build();
    assertThat(Sandwich.compute(d, Vcov.iid(), SmallSampleCorrection.fixest()).usesZ()).isTrue();
    assertThat(
            Sandwich.compute(data().build(), Vcov.hetero(), SmallSampleCorrection.stataPpmlhdfe())
                .tDf())
        .isInfinite();
  }

  @Test
  void customVcovComputesItself() {
    Vcov.Custom custom =
        new Vcov.Custom() {
          @Override
          public String spec() {
            return "custom";
          }

          @Override
          public String label() {
            return "Custom";
          }

          @Override
          public VcovEstimate compute(InferenceData data, SmallSampleCorrection ssc) {
            return new VcovEstimate(this, ssc, new double[][] {{7}}, List.of(), 3, 1, List.of());
          }
        };
    assertThat(v(Sandwich.compute(data().build(), custom, SmallSampleCorrection.fixest())))
        .isEqualTo(7);
  }

  @Test
  void missingDataErrors() {
    InferenceData d = data().fixedEffect("fe", new int[] {0, 0, 1, 1}).build();
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertThatThrownBy(() -> Sandwich.compute(d, Vcov.cluster("firm"), fx))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "cluster variable 'firm' was not captured at fit time; available: a, b, fe; refit with"
                + " this vcov or name it as a cluster variable when fitting");
    assertThatThrownBy(() -> Sandwich.compute(d, Vcov.neweyWest(1), fx))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "vcov 'nw:1' needs a time index, which this fit does not have; set the panel index"
                + " (unit, time) before fitting");
    assertThatThrownBy(() -> Sandwich.compute(d, Vcov.hc2(), fx))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "vcov 'hc2' needs the leverages h_ii, which this estimator did not provide; use hetero"
                + " or hc0");
    InferenceData lev = data().leverage(new double[] {0, 1, 0, 0}).build();
    assertThatThrownBy(() -> Sandwich.compute(lev, Vcov.hc3(), fx))
        .isInstanceOf(EstimationException.class)
        .hasMessage(
            "observation 1 has leverage 1.0; HC3 is undefined when a leverage is 1, use hetero or hc0");
    InferenceData dup = data().time(new int[] {1, 1, 2, 3}).build();
    assertThatThrownBy(() -> Sandwich.compute(dup, Vcov.neweyWest(1), fx))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "vcov 'nw:1' found two observations with the same period 1; Newey-West on a panel"
                + " needs the unit index, or use dk:L");
    InferenceData one = data().cluster("c", new int[] {3, 3, 3, 3}).build();
    assertThatThrownBy(() -> Sandwich.compute(one, Vcov.cluster("c"), fx))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "cluster variable in 'cluster:c' has 1 cluster; clustering needs at least 2 clusters");
    InferenceData noScale =
        InferenceData.builder(new double[][] {{1}}, new double[][] {{1, 2}}, 2).build();
    assertThatThrownBy(() -> Sandwich.compute(noScale, Vcov.iid(), fx))
        .hasMessage(
            "vcov 'iid' needs the iid scale, which this estimator did not provide; use hetero");
    InferenceData tiny =
        InferenceData.builder(new double[][] {{1}}, new double[][] {{1}}, 1).iidScale(1).build();
    assertThatThrownBy(() -> Sandwich.compute(tiny, Vcov.iid(), fx))
        .hasMessage(
            "no residual degrees of freedom left for vcov 'iid' (n = 1, K = 1); fewer parameters or"
                + " more observations are needed");
  }

  @Test
  void builderErrors() {
    assertThatThrownBy(
            () -> InferenceData.builder(new double[][] {{1}}, new double[][] {{1, 2}}, 3))
        .hasMessage("a score column has length 2 but nobs is 3");
    assertThatThrownBy(() -> InferenceData.builder(new double[][] {{1}}, new double[0][], 3))
        .hasMessage("scores have 0 columns but the bread is 1x1");
    assertThatThrownBy(() -> data().cluster("x", new int[] {1}))
        .hasMessage("cluster codes have length 1 but nobs is 4");
    assertThatThrownBy(() -> data().fixefDof(-1)).hasMessage("fixefDof must be >= 0, got -1");
    assertThatThrownBy(() -> data().leverage(new double[2]))
        .hasMessage("leverage has length 2 but nobs is 4");
  }

  @Test
  void estimateValidation() {
    assertThatThrownBy(
            () ->
                new VcovEstimate(
                    Vcov.iid(),
                    SmallSampleCorrection.fixest(),
                    new double[][] {{1}},
                    List.of(),
                    0,
                    1,
                    List.of()))
        .hasMessage("t degrees of freedom must be > 0, got 0.0");
    VcovEstimate e =
        Sandwich.compute(data().build(), Vcov.cluster("a"), SmallSampleCorrection.fixest());
    assertThat(e.toString()).isEqualTo("Clustered (a), clusters [2], ssc fixest");
    assertThat(e.vcov()).isEqualTo(Vcov.cluster("a"));
  }

  @Test
  void nestedFixedEffectsChangeK() {
    // k = 1, F = 2 (two levels of "fe"), fe nested in cluster "a"
    InferenceData d = data().fixefDof(2).fixedEffect("fe", new int[] {0, 0, 1, 1}).build();
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertThat(Sandwich.compute(d, Vcov.cluster("a"), fx).parameters())
        .isEqualTo(2); // 1 + 2 - 2 + 1
    assertThat(Sandwich.compute(d, Vcov.cluster("b"), fx).parameters()).isEqualTo(3);
    assertThat(Sandwich.compute(d, Vcov.iid(), fx).parameters()).isEqualTo(3);
    assertThat(
            Sandwich.compute(d, Vcov.cluster("a"), SmallSampleCorrection.stataAreg()).parameters())
        .isEqualTo(3);
    // the FE itself can be the cluster variable
    assertThat(Sandwich.compute(d, Vcov.cluster("fe"), fx).clusters()).containsExactly(2);
  }
}
