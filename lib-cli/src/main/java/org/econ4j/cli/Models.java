package org.econ4j.cli;

import java.util.Locale;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.FeOls;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;

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

  static Vcov parseVcov(String s) {
    return Vcov.parse(s);
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
          FeOls est = FeOls.defaults().withVcov(spec.vcov());
          if (spec.ssc() != null) {
            est = est.withSsc(spec.ssc());
          }
          if (spec.weights() != null) {
            est = est.withWeights(spec.weights());
          }
          return est.fit(formula, panel);
        }
      default:
        return CountModels.fit(spec, formula, panel);
    }
  }
}
