package org.econ4j.panel.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.econ4j.panel.Panel;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Summary, xtsum and correlations of the Grunfeld data against R 4.2.2 (reference/describe/
 * describe.out, 12 significant digits; relative tolerance {@link Tolerances#PRINTED_10}).
 */
class DescribeReferenceTest {
  private static final Panel GRUNFELD = TestCsv.grunfeld().withIndex("firm", "year");

  /** Parses the lines "kind variable key value key value ..." of describe.out. */
  private static Map<String, Double> block(String kind, String variable) {
    Map<String, Double> out = new HashMap<>();
    for (String line : ReferenceData.lines("reference/describe/describe.out")) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 2 && f[0].equals(kind) && f[1].equals(variable)) {
        for (int i = 2; i + 1 < f.length; i += 2) {
          out.put(f[i], Double.parseDouble(f[i + 1]));
        }
      }
    }
    assertThat(out).as(kind + " " + variable).isNotEmpty();
    return out;
  }

  private static double corr(String a, String b) {
    for (String line : ReferenceData.lines("reference/describe/describe.out")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 4 && f[0].equals("corr") && f[1].equals(a) && f[2].equals(b)) {
        return Double.parseDouble(f[3]);
      }
    }
    throw new AssertionError("no reference correlation " + a + " " + b);
  }

  private static void close(double actual, double expected) {
    assertThat(actual)
        .isCloseTo(expected, within(Tolerances.PRINTED_10 * Math.max(1, Math.abs(expected))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"inv", "value", "capital"})
  void summaryMatchesR(String v) {
    Map<String, Double> ref = block("summary", v);
    Summary.Row r = Summary.of(GRUNFELD, "inv", "value", "capital").row(v);
    assertThat(r.n()).isEqualTo(ref.get("N").longValue());
    assertThat(r.missing()).isZero();
    close(r.mean(), ref.get("mean"));
    close(r.sd(), ref.get("sd"));
    close(r.min(), ref.get("min"));
    close(r.p25(), ref.get("p25"));
    close(r.median(), ref.get("median"));
    close(r.p75(), ref.get("p75"));
    close(r.max(), ref.get("max"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"inv", "value", "capital"})
  void xtsumMatchesStataDefinitions(String v) {
    Map<String, Double> ref = block("xtsum", v);
    XtSum.Row r = XtSum.of(GRUNFELD, "inv", "value", "capital").row(v);
    close(r.overallSd(), ref.get("overall_sd"));
    close(r.betweenSd(), ref.get("between_sd"));
    close(r.withinSd(), ref.get("within_sd"));
    close(r.betweenMin(), ref.get("between_min"));
    close(r.betweenMax(), ref.get("between_max"));
    close(r.withinMin(), ref.get("within_min"));
    close(r.withinMax(), ref.get("within_max"));
    assertThat(r.units()).isEqualTo(ref.get("n").intValue());
    close(r.tBar(), ref.get("Tbar"));
    assertThat(r.n()).isEqualTo(200);
    Map<String, Double> sum = block("summary", v);
    close(r.mean(), sum.get("mean"));
    close(r.overallMin(), sum.get("min"));
    close(r.overallMax(), sum.get("max"));
  }

  @Test
  void correlationsMatchR() {
    List<String> vars = List.of("inv", "value", "capital");
    Correlations pairwise = Correlations.of(GRUNFELD, "inv", "value", "capital");
    Correlations listwise = pairwise.withListwise();
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        double ref = corr(vars.get(i), vars.get(j));
        close(pairwise.correlation(vars.get(i), vars.get(j)), ref);
        close(pairwise.correlation(vars.get(j), vars.get(i)), ref);
        close(listwise.correlation(vars.get(i), vars.get(j)), ref);
      }
    }
    Correlations.Block all = pairwise.block("All");
    close(all.mean("value"), block("summary", "value").get("mean"));
    close(all.sd("capital"), block("summary", "capital").get("sd"));
    assertThat(all.pairCount("inv", "value")).isEqualTo(200);
  }
}
