package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.formula.Formula;
import org.junit.jupiter.api.Test;

class PanelLinearModelTest {
  private static final Panel P = OlsTestData.panel(31, 10, 6, 4).withIndex("unit", "year");
  private static final Formula F = Formula.parse("y ~ x1 + x2");

  @Test
  void betweenIsOlsOnUnitMeans() {
    RegressionResult b = PanelLinearModel.between().fit(F, P);
    assertThat(b.nobs()).isEqualTo(10);
    int n = P.rows();
    double[] y = P.numeric("y");
    double[] x1 = P.numeric("x1");
    double[] x2 = P.numeric("x2");
    double[] my = new double[10];
    double[] m1 = new double[10];
    double[] m2 = new double[10];
    for (int i = 0; i < n; i++) {
      my[i / 6] += y[i] / 6;
      m1[i / 6] += x1[i] / 6;
      m2[i / 6] += x2[i] / 6;
    }
    Panel means = Panel.builder().numeric("y", my).numeric("x1", m1).numeric("x2", m2).build();
    RegressionResult ols = FeOls.defaults().fit(F, means);
    for (String t : List.of("(Intercept)", "x1", "x2")) {
      assertThat(b.coefficient(t).orElseThrow().estimate())
          .isCloseTo(ols.coefficient(t).orElseThrow().estimate(), within(1e-10));
      assertThat(b.coefficient(t).orElseThrow().stdError())
          .isCloseTo(ols.coefficient(t).orElseThrow().stdError(), within(1e-10));
    }
  }

  @Test
  void firstDifferenceIsOlsOnDifferencesWithIntercept() {
    RegressionResult fd = PanelLinearModel.firstDifference().fit(F, P);
    assertThat(fd.nobs()).isEqualTo(P.rows() - 10);
    assertThat(fd.notes())
        .extracting(Note::message)
        .contains(
            "10 first observations of their unit have no previous period and give no difference");
    List<Double> dy = new ArrayList<>();
    List<Double> d1 = new ArrayList<>();
    List<Double> d2 = new ArrayList<>();
    double[] y = P.numeric("y");
    double[] x1 = P.numeric("x1");
    double[] x2 = P.numeric("x2");
    for (int i = 0; i < P.rows(); i++) {
      if (i % 6 != 0) {
        dy.add(y[i] - y[i - 1]);
        d1.add(x1[i] - x1[i - 1]);
        d2.add(x2[i] - x2[i - 1]);
      }
    }
    Panel d = Panel.builder().numeric("y", dy).numeric("x1", d1).numeric("x2", d2).build();
    RegressionResult ols = FeOls.defaults().fit(F, d);
    for (String t : List.of("(Intercept)", "x1", "x2")) {
      assertThat(fd.coefficient(t).orElseThrow().estimate())
          .isCloseTo(ols.coefficient(t).orElseThrow().estimate(), within(1e-10));
      assertThat(fd.coefficient(t).orElseThrow().stdError())
          .isCloseTo(ols.coefficient(t).orElseThrow().stdError(), within(1e-10));
    }
  }

  @Test
  void randomEffectsLieBetweenPoolingAndWithinAndReportTheta() {
    RegressionResult re = PanelLinearModel.random().fit(F, P);
    double theta = re.fitStats().theta().orElseThrow();
    assertThat(theta).isBetween(0.0, 1.0);
    assertThat(re.model()).isEqualTo("ols");
    assertThat(re.provenance().options()).containsEntry("model", "random");
    assertThat(re.provenance().options()).containsKeys("sigma2Idios", "sigma2Id", "theta");
  }

  @Test
  void randomEffectsOnAnUnbalancedPanel() {
    int[] rows = new int[P.rows()];
    int k = 0;
    for (int i = 0; i < P.rows(); i++) {
      int unit = i / 6;
      int t = i % 6;
      if (unit == 0 || unit > 3 || t < 6 - unit) {
        rows[k++] = i;
      }
    }
    Panel u = P.selectRows(Arrays.copyOf(rows, k));
    RegressionResult re = PanelLinearModel.random().fit(F, u);
    assertThat(re.nobs()).isEqualTo(k).isLessThan(P.rows());
    assertThat(re.fitStats().theta().orElseThrow()).isBetween(0.0, 1.0);
    double s2u = Double.parseDouble(re.provenance().options().get("sigma2Id"));
    assertThat(s2u).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void hausmanMundlakIsRobustAndDeterministic() {
    HausmanTest h = HausmanTest.mundlak(F, P);
    assertThat(h.df()).isEqualTo(2);
    assertThat(h.statistic()).isPositive();
    assertThat(h.pValue()).isBetween(0.0, 1.0);
    assertThat(h.method()).isEqualTo("regression-based (Mundlak), vcov cluster:unit");
    assertThat(HausmanTest.mundlak(F, P).statistic()).isEqualTo(h.statistic());
    HausmanTest hc = HausmanTest.mundlak(F, P, Vcov.hc3());
    assertThat(hc.statistic()).isPositive();
    assertThat(h.asMap()).containsKeys("statistic", "df", "pValue");
    assertThat(h.toTable().render(TableFormat.MARKDOWN)).contains("Hausman");
  }

  @Test
  void classicHausmanFromResultsAndNegativeStatisticIsReported() {
    RegressionResult fe = PanelLinearModel.within().fit(F, P);
    RegressionResult re = PanelLinearModel.random().fit(F, P);
    HausmanTest h = HausmanTest.of(fe, re);
    assertThat(h.terms()).containsExactly("x1", "x2");
    // swapping the models flips the sign of V_FE - V_RE: the statistic becomes negative
    HausmanTest swapped = HausmanTest.of(re, fe);
    assertThat(swapped.statistic()).isCloseTo(-h.statistic(), within(1e-9 * h.statistic()));
    assertThat(swapped.statistic()).isNegative();
    assertThat(swapped.pValue()).isEqualTo(1.0);
    assertThat(swapped.notes())
        .singleElement()
        .satisfies(n -> assertThat(n.message()).startsWith("the Hausman statistic is negative ("));
  }

  @Test
  void termsTheWithinModelLacksAreNamedInANote() {
    RegressionResult fe = PanelLinearModel.within().fit(Formula.parse("y ~ x1"), P);
    RegressionResult re = PanelLinearModel.random().fit(F, P);
    HausmanTest h = HausmanTest.of(fe, re);
    assertThat(h.terms()).containsExactly("x1");
    assertThat(h.notes())
        .anySatisfy(
            n -> {
              assertThat(n.message())
                  .isEqualTo(
                      "not compared (not estimated by the fixed-effects model, e.g."
                          + " time-invariant): x2");
              assertThat(n.names()).containsExactly("x2");
            });
  }

  @Test
  void badInput() {
    Panel noIndex = OlsTestData.panel(31, 4, 3, 2);
    assertThatThrownBy(() -> PanelLinearModel.random().fit(F, noIndex))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("random panel model");
    assertThatThrownBy(() -> PanelLinearModel.pooling().fit(Formula.parse("y ~ x1 | unit"), P))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "formula 'y ~ x1 | unit' has fixed effects, but the pooling model takes the unit"
                + " effect from the panel index ('unit'); remove the '| ...' part or use FeOls");
    assertThatThrownBy(
            () ->
                HausmanTest.of(
                    PanelLinearModel.within().fit(F, P),
                    PanelLinearModel.between().fit(Formula.parse("y ~ 1"), P)))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("share no coefficient");
    assertThatThrownBy(() -> PanelLinearModel.pooling().withVcov(Vcov.cluster("nope")).fit(F, P))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith("unknown cluster column 'nope' in vcov 'cluster:nope'");
  }
}
