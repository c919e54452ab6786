package org.econ4j.cli;

import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.table.Format;
import org.econ4j.core.table.Table;
import org.econ4j.count.ConditionalNegBin;
import org.econ4j.count.ConditionalPoisson;
import org.econ4j.count.FeCountFit;
import org.econ4j.count.FeNegBin;
import org.econ4j.count.FePoisson;
import org.econ4j.count.Irr;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.spatial.ConleyVcov;

/**
 * The count models behind {@code econ4j fit --model
 * poisson|negbin|negbin-conditional|poisson-conditional}.
 */
final class CountModels {
  private CountModels() {}

  static RegressionResult fit(Models.Spec spec, Formula formula, Panel panel) {
    switch (spec.kind()) {
      case POISSON:
        {
          boolean conley = spec.vcov() instanceof ConleyVcov;
          FePoisson est = FePoisson.defaults().withVcov(conley ? Vcov.hetero() : spec.vcov());
          if (spec.ssc() != null) {
            est = est.withSmallSampleCorrection(spec.ssc());
          }
          if (spec.weights() != null) {
            est = est.withWeights(spec.weights());
          }
          if (spec.offset() != null) {
            est = est.withOffset(spec.offset());
          }
          if (spec.exposure() != null) {
            est = est.withExposure(spec.exposure());
          }
          if (!conley) {
            return est.fit(formula, panel);
          }
          FeCountFit fit = est.fitDetailed(formula, panel);
          return Models.withConley((ConleyVcov) spec.vcov(), panel, fit.result(), fit.rows(), spec);
        }
      case NEGBIN:
        {
          boolean conley = spec.vcov() instanceof ConleyVcov;
          FeNegBin est = FeNegBin.defaults().withVcov(conley ? Vcov.hetero() : spec.vcov());
          if (spec.ssc() != null) {
            est = est.withSmallSampleCorrection(spec.ssc());
          }
          if (spec.weights() != null) {
            est = est.withWeights(spec.weights());
          }
          if (spec.offset() != null) {
            est = est.withOffset(spec.offset());
          }
          if (spec.exposure() != null) {
            est = est.withExposure(spec.exposure());
          }
          if (!conley) {
            return est.fit(formula, panel);
          }
          FeCountFit fit = est.fitDetailed(formula, panel);
          return Models.withConley((ConleyVcov) spec.vcov(), panel, fit.result(), fit.rows(), spec);
        }
      case NEGBIN_CONDITIONAL:
      case POISSON_CONDITIONAL:
        {
          String model = spec.kind().cliName;
          if (spec.weights() != null || spec.offset() != null || spec.exposure() != null) {
            throw new CliException(
                "options '--weights', '--offset' and '--exposure' are not available for the "
                    + model
                    + " model; drop them or use --model poisson or negbin");
          }
          if (spec.ssc() != null) {
            throw new CliException(
                "option '--ssc' does not apply to the "
                    + model
                    + " model (inverse Hessian, or clusters with G/(G-1)); drop it");
          }
          return spec.kind() == Models.Kind.NEGBIN_CONDITIONAL
              ? ConditionalNegBin.defaults().fit(formula, panel, spec.vcov())
              : ConditionalPoisson.defaults().fit(formula, panel, spec.vcov());
        }
      default:
        throw new IllegalStateException("not a count model: " + spec.kind());
    }
  }

  static void requireCount(Models.Spec spec, String option) {
    if (spec.kind() == Models.Kind.OLS) {
      throw new CliException(
          "option '" + option + "' applies to count models only; add --model poisson or negbin");
    }
  }

  /** Incidence-rate ratios of one model as a table. */
  static Table irrTable(RegressionResult r, int index) {
    Table.Builder b =
        Table.builder(List.of("term", "IRR", "std. error", "p-value", "ci low", "ci high"))
            .caption("Incidence-rate ratios exp(b), model (" + index + ")");
    for (Irr i : Irr.of(r)) {
      b.row(
          i.term(),
          Format.fixed(i.irr(), 4),
          Format.fixed(i.stdError(), 4),
          Format.fixed(i.pValue(), 4),
          Format.fixed(i.ciLow(), 4),
          Format.fixed(i.ciHigh(), 4));
    }
    b.note("Standard errors by the delta method; intervals are the exponentiated intervals of b.");
    return b.build();
  }
}
