package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The accessors and the column hook used by {@link Vcov.Custom} implementations. */
class InferenceDataCustomTest {

  static InferenceData.Builder builder() {
    return InferenceData.builder(new double[][] {{1.0}}, new double[][] {{0.5, -0.5, 1.5}}, 3);
  }

  @Test
  void columnsScoresAndCodesAreCopies() {
    double[] lat = {1, 2, 3};
    InferenceData d =
        builder()
            .column("lat", lat)
            .time(new int[] {2000, 2001, 2002})
            .unit(new int[] {1, 1, 1})
            .build();
    assertThat(d.columnNames()).containsExactly("lat");
    assertThat(d.column("lat")).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2, 3));
    assertThat(d.column("lon")).isEmpty();
    d.column("lat").get()[0] = 99;
    assertThat(d.column("lat").get()[0]).isEqualTo(1.0);
    double[][] s = d.scores();
    assertThat(s[0]).containsExactly(0.5, -0.5, 1.5);
    s[0][0] = 7;
    assertThat(d.scores()[0][0]).isEqualTo(0.5);
    assertThat(d.timeCodes())
        .hasValueSatisfying(t -> assertThat(t).containsExactly(2000, 2001, 2002));
    assertThat(d.unitCodes()).hasValueSatisfying(u -> assertThat(u).containsExactly(1, 1, 1));
    InferenceData bare = builder().build();
    assertThat(bare.timeCodes()).isEmpty();
    assertThat(bare.unitCodes()).isEmpty();
    assertThat(bare.columnNames()).isEmpty();
  }

  @Test
  void badColumn() {
    assertThatThrownBy(() -> builder().column("lat", new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'lat' has length 2 but nobs is 3");
    assertThatThrownBy(() -> builder().column(null, new double[3]))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void customTypesListNoColumnsByDefault() {
    Vcov.Custom c =
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
            return Sandwich.compute(data, Vcov.hc0(), ssc);
          }
        };
    assertThat(c.columns()).isEqualTo(List.of());
    assertThat(
            Sandwich.compute(builder().build(), c, SmallSampleCorrection.fixest()).matrix()[0][0])
        .isEqualTo(0.25 + 0.25 + 2.25);
  }
}
