package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightSpecTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "knn:5",
        "band:0,250",
        "band:10,250.5",
        "idw:2",
        "idw:1.5,250",
        "exp:0.01,500",
        "kernel:triangular,100",
        "kernel:gaussian,knn:8",
        "kernel:epanechnikov,2.5"
      })
  void roundTrips(String s) {
    assertThat(WeightSpec.parse(s).toString()).isEqualTo(s);
    assertThat(WeightSpec.parse(s))
        .isEqualTo(WeightSpec.parse(s.toUpperCase(java.util.Locale.ROOT).replace("KNN:", "knn:")));
  }

  @Test
  void shortBandAndAccessors() {
    WeightSpec b = WeightSpec.parse("band:250");
    assertThat(b.kind()).isEqualTo(WeightSpec.Kind.BAND);
    assertThat(b.lower()).isZero();
    assertThat(b.upper()).isEqualTo(250);
    WeightSpec k = WeightSpec.parse("kernel:gaussian,knn:8");
    assertThat(k.adaptive()).isTrue();
    assertThat(k.k()).isEqualTo(8);
    assertThat(k.kernel()).isEqualTo(Kernel.GAUSSIAN);
  }

  @Test
  void errors() {
    String forms =
        "; use knn:k, band:d1,d2, idw:alpha[,cutoff], exp:alpha[,cutoff], kernel:name,h or"
            + " kernel:name,knn:k";
    assertThatThrownBy(() -> WeightSpec.parse("knn"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("invalid weight spec 'knn': missing ':' after the kind" + forms);
    assertThatThrownBy(() -> WeightSpec.parse("knn:x"))
        .hasMessage("invalid weight spec 'knn:x': 'x' is not an integer" + forms);
    assertThatThrownBy(() -> WeightSpec.parse("queen:1"))
        .hasMessage("invalid weight spec 'queen:1': unknown kind 'queen'" + forms);
    assertThatThrownBy(() -> WeightSpec.parse("idw:0"))
        .hasMessage("inverse-distance decay alpha = 0 must be finite and positive");
    assertThatThrownBy(() -> WeightSpec.parse("kernel:box,3"))
        .hasMessage(
            "unknown kernel 'box'; use one of triangular, epanechnikov, gaussian, uniform (in"
                + " weight spec 'kernel:box,3')");
    assertThatThrownBy(() -> WeightSpec.knn(3).withCutoff(5))
        .hasMessage("a cutoff applies to idw and exp weights, not to 'knn:3'");
    assertThatThrownBy(() -> WeightSpec.parse("band:1,2,3"))
        .hasMessage(
            "invalid weight spec 'band:1,2,3': band takes d2 or d1,d2, e.g. band:0,250" + forms);
  }

  @Test
  void enumParsers() {
    assertThat(Standardization.parse("minmax")).isEqualTo(Standardization.MIN_MAX);
    assertThat(Standardization.parse("W")).isEqualTo(Standardization.ROW);
    assertThat(IslandPolicy.parse("Zero")).isEqualTo(IslandPolicy.ZERO);
    assertThatThrownBy(() -> IslandPolicy.parse("keep"))
        .hasMessage("unknown island policy 'keep'; use one of error, zero, drop");
    assertThatThrownBy(() -> Standardization.parse("rows"))
        .hasMessage(
            "unknown standardization 'rows'; use one of none, binary, row, column, global, unit,"
                + " variance, minmax, spectral");
  }
}
