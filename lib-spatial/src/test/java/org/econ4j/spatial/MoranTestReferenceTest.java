package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Moran's I against spdep 1.2-7 {@code moran.test} and {@code lm.morantest} on Columbus CRIME. */
class MoranTestReferenceTest {
  /** Statistics to 1e-8 (closed-form). */
  private static final double TOL = 1e-8;

  @Test
  void moranRandomisation() {
    WeightMatrix w = Columbus.gal().standardize(Standardization.ROW);
    MoranResult r = MoranTest.defaults().moran(Columbus.column("CRIME"), w);
    String m = "moran_CRIME_gal_W_randomisation";
    assertThat(r.statistic()).isCloseTo(Columbus.ref(m, "I"), within(TOL));
    assertThat(r.expectation()).isCloseTo(Columbus.ref(m, "E[I]"), within(TOL));
    assertThat(r.variance()).isCloseTo(Columbus.ref(m, "Var[I]"), within(TOL));
    assertThat(r.z()).isCloseTo(Columbus.ref(m, "z"), within(TOL));
    assertThat(r.inference()).isEqualTo(MoranTest.Inference.RANDOMISATION);
    assertThat(r.pValue()).isCloseTo(MoranTest.upperTail(r.z()), within(1e-15));
  }

  @Test
  void moranNormality() {
    WeightMatrix w = Columbus.gal().standardize(Standardization.ROW);
    MoranResult r =
        MoranTest.defaults()
            .withInference(MoranTest.Inference.NORMALITY)
            .moran(Columbus.column("CRIME"), w);
    String m = "moran_CRIME_gal_W_normality";
    assertThat(r.statistic()).isCloseTo(Columbus.ref(m, "I"), within(TOL));
    assertThat(r.expectation()).isCloseTo(Columbus.ref(m, "E[I]"), within(TOL));
    assertThat(r.variance()).isCloseTo(Columbus.ref(m, "Var[I]"), within(TOL));
    assertThat(r.z()).isCloseTo(Columbus.ref(m, "z"), within(TOL));
  }

  @Test
  void moranOfOlsResiduals() {
    WeightMatrix w = Columbus.gal().standardize(Standardization.ROW);
    MoranResult r =
        MoranTest.defaults()
            .olsResiduals(
                Columbus.column("CRIME"),
                new double[][] {Columbus.column("INC"), Columbus.column("HOVAL")},
                w);
    assertThat(r.statistic()).isCloseTo(Columbus.ref("moran_lm_residuals_gal_W", "I"), within(TOL));
    assertThat(r.z()).isCloseTo(Columbus.ref("moran_lm_residuals_gal_W", "z"), within(TOL));
  }
}
