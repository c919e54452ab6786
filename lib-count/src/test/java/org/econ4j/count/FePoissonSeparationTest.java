package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.econ4j.core.Coefficient;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 18 separation data sets of ppmlhdfe through {@link FePoisson} end to end: no observation
 * flagged {@code separated} stays in the estimation sample, and the fit on the remaining sample
 * converges with finite estimates, standard errors and likelihood.
 */
class FePoissonSeparationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18"
      })
  void separatedRowsDroppedAndFitConverges(String id) {
    String res = "reference/ppmlhdfe_separation/" + id + ".csv";
    Map<String, List<String>> cols = ReferenceData.columns(res);
    List<String> xs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (String c : cols.keySet()) {
      if (c.startsWith("x")) {
        xs.add(c);
      } else if (c.startsWith("id")) {
        ids.add(c);
      }
    }
    String f =
        "y ~ "
            + (xs.isEmpty() ? "1" : String.join(" + ", xs))
            + (ids.isEmpty() ? "" : " | " + String.join(" + ", ids));
    Panel p = Panel.readCsv(ReferenceData.path(res));
    double[] flag = ReferenceData.numeric(res, "separated");
    FeCountFit fit = FePoisson.defaults().withVcov(Vcov.hetero()).fitDetailed(Formula.parse(f), p);
    RegressionResult r = fit.result();
    for (int row : fit.rows()) {
      assertThat(flag[row]).as("row %d of %s kept", row, id).isZero();
    }
    assertThat(r.convergence().converged()).as(id).isTrue();
    for (Coefficient c : r.coefficients()) {
      assertThat(c.estimate()).as(id + " " + c.term()).isFinite();
      assertThat(c.stdError()).as(id + " " + c.term()).isFinite();
    }
    assertThat(r.fitStats().get(FitStats.Stat.LOG_LIK).getAsDouble()).isFinite();
    for (double m : fit.fitted()) {
      assertThat(m).isFinite().isPositive();
    }
    int separatedByCheck = fit.separatedCount();
    if (separatedByCheck > 0) {
      assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.SEPARATION);
      double[] cert = fit.separationCertificate().orElseThrow();
      boolean[] sep = fit.separated();
      for (int i = 0; i < sep.length; i++) {
        if (sep[i]) {
          assertThat(cert[i]).isPositive();
          assertThat(flag[i]).isEqualTo(1.0);
        }
      }
    }
  }
}
