package org.econ4j.spatial;

import java.util.Locale;

/**
 * What to do with islands: units without any neighbour (an empty row of the weight matrix). Chosen
 * when a {@link WeightMatrix} is constructed and recorded on it ({@link
 * WeightMatrix#islandPolicy()}). Mirrors spdep's {@code zero.policy}: {@link #ERROR} is spdep's
 * default {@code zero.policy = FALSE}, {@link #ZERO} is {@code zero.policy = TRUE}.
 */
public enum IslandPolicy {
  /** Islands are an error naming them (the default). */
  ERROR,
  /** Islands are kept; their spatial lag is 0 and their row stays zero after standardisation. */
  ZERO,
  /**
   * Islands are removed from the matrix (rows and columns), repeatedly until none is left; a {@link
   * org.econ4j.core.Note} names them.
   */
  DROP;

  /**
   * @return the default, {@link #ERROR}
   */
  public static IslandPolicy defaults() {
    return ERROR;
  }

  /**
   * Parses {@code error}, {@code zero} or {@code drop} (case-insensitive).
   *
   * @param name the name
   * @return the policy
   * @throws IllegalArgumentException naming the accepted values
   */
  public static IslandPolicy parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (IslandPolicy p : values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown island policy '" + name + "'; use one of error, zero, drop");
  }
}
