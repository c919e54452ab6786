package org.econ4j.spatial;

import java.util.Locale;

/**
 * How a spatial or network weight matrix is scaled. Names follow spdep's {@code style} letters
 * where they exist.
 */
public enum Standardization {
  /** Weights as given. */
  NONE,
  /** Every non-zero weight set to 1 (spdep "B"). */
  BINARY,
  /** Each row divided by its sum, so rows sum to 1 (spdep "W"). */
  ROW,
  /** Each column divided by its sum, so columns sum to 1. */
  COLUMN,
  /** All weights scaled so that they sum to n (spdep "C"). */
  GLOBAL,
  /** All weights scaled so that they sum to 1 (spdep "U"). */
  UNIT_SUM,
  /** Variance-stabilising scheme of Tiefelsdorf, Griffith and Boots (1999) (spdep "S"). */
  VARIANCE_STABILIZING,
  /** Divided by min(max row sum, max column sum) (Kelejian and Prucha 2010). */
  MIN_MAX,
  /** Divided by the largest absolute eigenvalue (Stata {@code spmatrix} default). */
  SPECTRAL;

  /**
   * @return the command-line name, e.g. {@code minmax}
   */
  public String cliName() {
    switch (this) {
      case UNIT_SUM:
        return "unit";
      case VARIANCE_STABILIZING:
        return "variance";
      case MIN_MAX:
        return "minmax";
      default:
        return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Parses a command-line name ({@link #cliName()}) or an spdep style letter (B, W, C, U, S).
   *
   * @param name the name
   * @return the standardisation
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Standardization parse(String name) {
    String n = name.trim();
    switch (n) {
      case "B":
        return BINARY;
      case "W":
        return ROW;
      case "C":
        return GLOBAL;
      case "U":
        return UNIT_SUM;
      case "S":
        return VARIANCE_STABILIZING;
      default:
        break;
    }
    for (Standardization s : values()) {
      if (s.cliName().equals(n.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown standardization '"
            + name
            + "'; use one of none, binary, row, column, global, unit, variance, minmax, spectral");
  }
}
