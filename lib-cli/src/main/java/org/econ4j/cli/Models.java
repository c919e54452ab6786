package org.econ4j.cli;

import java.util.Locale;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.FeOls;
import org.econ4j.panel.FeOlsResult;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import org.econ4j.spatial.ConleyVcov;

/** Maps the command's {@code --model} and options onto the library's estimators. */
final class Models {
  private Models() {}

  /** The models {@code econ4j fit} knows, with their JSON / command-line names. */
  enum Kind {
    OLS("ols"),
    POISSON("poisson"),
    NEGBIN("negbin"),
    NEGBIN_CONDITIONAL("negbin-conditional"),
    POISSON_CONDITIONAL("poisson-conditional");

    final String cliName;

    Kind(String cliName) {
      this.cliName = cliName;
    }
  }

  /** Everything the estimator needs besides the formula and the data. */
  record Spec(
      Kind kind,
      Vcov vcov,
      SmallSampleCorrection ssc,
      String weights,
      String offset,
      String exposure) {}

  static Kind parseModel(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    for (Kind k : Kind.values()) {
      if (k.cliName.equals(n)) {
        return k;
      }
    }
    throw new CliException(
        "option '--model' has the unknown value '"
            + s
            + "'; use one of ols, poisson, negbin, negbin-conditional, poisson-conditional");
  }

  /**
   * Parses {@code --vcov}: the lib-core forms, and {@code conley:lat,lon,km[,...]} (lib-spatial).
   */
  static Vcov parseVcov(String s) {
    String t = s.trim();
    if (t.toLowerCase(Locale.ROOT).startsWith("conley:")) {
      return ConleyVcov.parse(t);
    }
    return Vcov.parse(t);
  }

  /**
   * Conley covariances need the coordinates of the estimation rows: fit with a robust covariance,
   * then recompute with the Conley type bound to the kept rows' coordinates (no refit).
   */
  static RegressionResult withConley(
      ConleyVcov conley, Panel panel, RegressionResult fitted, int[] keptRows, Spec spec) {
    ConleyVcov bound = conley.withCoordinatesFrom(panel, keptRows);
    SmallSampleCorrection ssc = spec.ssc() == null ? fitted.vcov().ssc() : spec.ssc();
    return fitted.withVcov(bound, ssc);
  }

  static RegressionResult fit(Spec spec, Formula formula, Panel panel) {
    switch (spec.kind()) {
      case OLS:
        {
          if (spec.offset() != null || spec.exposure() != null) {
            throw new CliException(
                "options '--offset' and '--exposure' apply to count models only; use --model poisson"
                    + " or negbin, or drop them");
          }
          boolean conley = spec.vcov() instanceof ConleyVcov;
          FeOls est = FeOls.defaults().withVcov(conley ? Vcov.hetero() : spec.vcov());
          if (spec.ssc() != null) {
            est = est.withSsc(spec.ssc());
          }
          if (spec.weights() != null) {
            est = est.withWeights(spec.weights());
          }
          if (!conley) {
            return est.fit(formula, panel);
          }
          FeOlsResult fit = est.estimate(formula, panel);
          return withConley((ConleyVcov) spec.vcov(), panel, fit.result(), fit.keptRows(), spec);
        }
      default:
        return CountModels.fit(spec, formula, panel);
    }
  }
}
