package org.econ4j.panel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+5",
        "1.",
        ".5",
        "123456789012345",
        "1234567890123456789",
        "0.1",
        "0.3",
        "3.141592653589793",
        "2.2250738585072014E-308",
        "4.9e-324",
        "1e308",
        "1e400",
        "-1.5E-10",
        "0.000000000000000000000000001",
        "9007199254740993",
        "  42  ",
        "123.456e2",
        "99999999999999.99",
        "1.7976931348623157e308"
      })
  void agreesWithParseDouble(String s) {
    assertThat(NumberText.parse(s)).isEqualTo(Double.parseDouble(s.trim()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-", ".", "1e", "1e+", "abc", "1x", "0x10", "1d", "1.2.3", "--1", "NaN"})
  void rejectsNonNumbers(String s) {
    assertThat(NumberText.parse(s)).isNaN();
  }

  @Test
  void infinities() {
    assertThat(NumberText.parse("Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NumberText.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NumberText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void randomDecimalsParseExactlyAndFormatRoundTrips() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int k = 0; k < 20000; k++) {
      long m = rng.nextLong(1L << 53);
      int scale = rng.nextInt(25);
      String s = java.math.BigDecimal.valueOf(m, scale).toPlainString();
      if (rng.nextBoolean()) {
        s = "-" + s;
      }
      assertThat(NumberText.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
      double v = Double.longBitsToDouble(rng.nextLong());
      if (!Double.isNaN(v)) {
        assertThat(NumberText.parse(NumberText.format(v))).isEqualTo(v);
      }
    }
  }
}
