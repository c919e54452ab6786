package org.econ4j.count;

import java.util.Locale;

/** The count models of this module, with the stable names used by the command line and JSON. */
public enum CountModel {
  /**
   * Poisson pseudo-maximum-likelihood with fixed effects (fixest {@code fepois}, Stata {@code
   * ppmlhdfe}).
   */
  POISSON,
  /** Unconditional NB2 with fixed effects (fixest {@code fenegbin}). */
  NEGBIN,
  /**
   * Conditional FE negative binomial of Hausman, Hall and Griliches (Stata {@code xtnbreg, fe}).
   */
  NEGBIN_CONDITIONAL,
  /** Conditional FE Poisson (Stata {@code xtpoisson, fe}). */
  POISSON_CONDITIONAL;

  /**
   * @return the JSON and command-line name, e.g. {@code negbin-conditional}
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a command-line name.
   *
   * @param name e.g. {@code poisson} or {@code negbin-conditional}
   * @return the model
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CountModel parse(String name) {
    for (CountModel m : values()) {
      if (m.jsonName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown count model '"
            + name
            + "'; use one of poisson, negbin, negbin-conditional, poisson-conditional");
  }
}
