package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/** Conditional FE negative binomial against pglm 0.2-4 (HHG model, Newton-Raphson). */
class ConditionalNegBinReferenceTest {
  private static final String MODEL = "pglm_negbin_within_HHG";

  @Test
  void patentsRdMatchesPglm() {
    PatentsData d = PatentsData.load();
    assertThat(d.y).hasSize(1730);
    CountFit fit = ConditionalNegBin.defaults().fit(d.y, d.x, d.names, d.unit, true);
    List<ReferenceData.Value> ref = ReferenceData.longFormat(PatentsData.REF);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.names().get(0)).isEqualTo("(Intercept)");
    double[] se = fit.standardErrors();
    for (int j = 0; j < fit.names().size(); j++) {
      String term = fit.names().get(j);
      double b = ReferenceData.get(ref, MODEL, "coef", term);
      double s = ReferenceData.get(ref, MODEL, "se_hessian", term);
      assertThat(Tolerances.relErr(fit.coefficients()[j], b))
          .as("coef %s", term)
          .isLessThan(Tolerances.ML_COEF);
      assertThat(Tolerances.relErr(se[j], s)).as("se %s", term).isLessThan(Tolerances.ML_SE);
    }
    assertThat(Tolerances.relErr(fit.logLik(), ReferenceData.get(ref, MODEL, "logLik", "")))
        .isLessThan(1e-10);
    // pglm keeps the 22 all-zero firms (their conditional likelihood is identically 1); we drop
    // them with a note, which changes neither the estimates nor the log-likelihood
    assertThat(fit.nobsOriginal()).isEqualTo(1730);
    assertThat(fit.nobs()).isEqualTo(1620);
    assertThat(fit.units()).isEqualTo(324);
    assertThat(fit.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.NO_VARIATION);
              assertThat(n.count()).isEqualTo(110);
              assertThat(n.message()).startsWith("22 unit(s) with only zero outcomes dropped");
            });
  }
}
