package org.econ4j.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A regressor that was not estimated, with the reason; shown in tables in its row ("(collinear)",
 * "(absorbed)") and in JSON as {@code {"term", "reason"}}.
 *
 * @param term the display name
 * @param reason why it was dropped
 * @param with the terms or fixed effects it is collinear with / absorbed by (may be empty)
 */
public record DroppedTerm(String term, Reason reason, List<String> with) {

  /** Why a term was dropped. */
  public enum Reason {
    /** Linear combination of other regressors. */
    COLLINEAR,
    /** Absorbed by the fixed effects. */
    ABSORBED,
    /** Perfectly predicts the outcome (count models, separation). */
    SEPARATION;

    /**
     * @return the stable JSON name ({@code collinear}, {@code absorbed}, {@code separation})
     */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the text shown in a table cell, e.g. {@code (collinear)}
     */
    public String cellText() {
      return "(" + jsonName() + ")";
    }
  }

  /**
   * @throws NullPointerException if an argument is null
   */
  public DroppedTerm {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(reason, "reason");
    with = List.copyOf(Objects.requireNonNull(with, "with"));
  }

  /**
   * @param term the term
   * @param reason the reason
   * @return a dropped term without partners
   */
  public static DroppedTerm of(String term, Reason reason) {
    return new DroppedTerm(term, reason, List.of());
  }
}
