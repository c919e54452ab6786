package org.econ4j.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;

/** Conditional FE Poisson against pglm 0.2-4 and fixest 0.14 fepois (firm FE). */
class ConditionalPoissonReferenceTest {

  @Test
  void patentsRdMatchesPglmAndFepois() {
    PatentsData d = PatentsData.load().withoutTimeInvariant();
    CountFit fit = ConditionalPoisson.defaults().fit(d.y, d.x, d.names, d.unit, false);
    List<ReferenceData.Value> ref = ReferenceData.longFormat(PatentsData.REF);
    assertThat(fit.converged()).isTrue();
    double[] se = fit.standardErrors();
    for (int j = 0; j < fit.names().size(); j++) {
      String term = fit.names().get(j);
      double b = ReferenceData.get(ref, "pglm_poisson_within", "coef", term);
      double s = ReferenceData.get(ref, "pglm_poisson_within", "se_hessian", term);
      // conditional Poisson is well conditioned and concave: Poisson tolerances (1e-8, 1e-6)
      assertThat(Tolerances.relErr(fit.coefficients()[j], b))
          .as("coef %s", term)
          .isLessThan(Tolerances.COEF);
      assertThat(Tolerances.relErr(se[j], s)).as("se %s", term).isLessThan(Tolerances.SE);
      // fixest fepois with firm FE: the same estimator
      String fx = j < 6 ? "lrd" + j : "yf" + term.substring(term.length() - 4);
      double bf = ReferenceData.get(ref, "fepois_firmFE_patents", "coef", fx);
      assertThat(Tolerances.relErr(fit.coefficients()[j], bf))
          .as("fepois coef %s", fx)
          .isLessThan(Tolerances.COEF);
    }
    assertThat(
            Tolerances.relErr(
                fit.logLik(),
                ReferenceData.get(ref, "pglm_poisson_within", "logLik(conditional)", "")))
        .isLessThan(1e-10);
    assertThat(fit.nobs()).isEqualTo(1620);
  }

  @Test
  void timeInvariantRegressorsAndInterceptAreDroppedWithANote() {
    PatentsData d = PatentsData.load();
    CountFit fit = ConditionalPoisson.defaults().fit(d.y, d.x, d.names, d.unit, true);
    assertThat(fit.names()).doesNotContain("(Intercept)", "scisectyes", "log(capital72)");
    assertThat(fit.notes())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Note.Kind.ABSORBED);
              assertThat(n.names()).containsExactly("(Intercept)", "scisectyes", "log(capital72)");
            });
    CountFit plain =
        ConditionalPoisson.defaults()
            .fit(d.y, d.withoutTimeInvariant().x, d.withoutTimeInvariant().names, d.unit, false);
    assertThat(fit.coefficients()).containsExactly(plain.coefficients());
  }

  /**
   * At the optimum the conditional Poisson unit scores equal the FE-Poisson scores summed by unit
   * and its Hessian equals the FE-profiled Poisson Hessian, so clustering on the firm reproduces
   * fixest's {@code vcov = ~cusip} once fixest's extra (n - 1)/(n - K) factor (K = 11) is applied.
   */
  @Test
  void clusterRobustOnFirmMatchesFixest() {
    PatentsData d = PatentsData.load().withoutTimeInvariant();
    CountFit fit = ConditionalPoisson.defaults().fit(d.y, d.x, d.names, d.unit, false);
    List<ReferenceData.Value> ref = ReferenceData.longFormat(PatentsData.REF);
    double[] se = fit.clusterRobustStandardErrors(d.unit);
    int n = fit.nobs();
    double k = ReferenceData.get(ref, "fepois_firmFE_patents", "df.K_cl_cusip_fixestdefault", "");
    double fixestAdj = Math.sqrt((n - 1.0) / (n - k));
    for (int j = 0; j < se.length; j++) {
      String term = fit.names().get(j);
      String fx = j < 6 ? "lrd" + j : "yf" + term.substring(term.length() - 4);
      double ref1 =
          ReferenceData.get(ref, "fepois_firmFE_patents", "se_cl_cusip_fixestdefault", fx);
      assertThat(Tolerances.relErr(se[j] * fixestAdj, ref1))
          .as("se %s", fx)
          .isLessThan(Tolerances.SE);
    }
  }
}
