package org.econ4j.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing that happened to the data or the model that the user must be able to see: rows dropped
 * for a cause, singletons removed, separated observations, collinear or absorbed regressors, a
 * fallback, non-convergence. Notes are kept in results and printed under tables; nothing in econ4j
 * is dropped silently.
 *
 * @param kind what happened
 * @param count how many rows (or variables, or iterations) it concerns
 * @param message one-line human-readable explanation
 * @param names the columns, terms, units or levels concerned (may be empty)
 */
public record Note(Kind kind, long count, String message, List<String> names) {

  /** The kinds of note. {@link #jsonName()} gives the stable name used in JSON. */
  public enum Kind {
    /** Rows dropped because a variable was missing. */
    MISSING,
    /** Rows dropped because a transformation gave a non-finite value (e.g. log of zero). */
    NON_FINITE,
    /** Rows removed because a fixed-effect level had a single observation. */
    SINGLETON,
    /**
     * Rows or groups removed because the outcome has no variation in them (e.g. all-zero counts).
     */
    NO_VARIATION,
    /** Observations separated in a count model. */
    SEPARATION,
    /** A regressor collinear with others, dropped. */
    COLLINEAR,
    /** A regressor absorbed by fixed effects, dropped. */
    ABSORBED,
    /** An iterative algorithm did not converge. */
    CONVERGENCE,
    /** A method fell back to another one. */
    FALLBACK,
    /** Rows removed by a filter or subset the user asked for. */
    SUBSET,
    /** Rows removed because their observation weight is zero. */
    ZERO_WEIGHT,
    /** A value was changed or coerced (e.g. a non-integer count). */
    COERCED,
    /** Anything else worth saying. */
    INFO;

    /**
     * @return the stable lower-case, dash-separated name used in JSON and tables (e.g. {@code
     *     non-finite})
     */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Creates a note; {@code names} is copied.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public Note {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    if (count < 0) {
      throw new IllegalArgumentException("note count must be >= 0, got " + count);
    }
  }

  /**
   * Creates a note without names.
   *
   * @param kind what happened
   * @param count how many
   * @param message explanation
   * @return the note
   */
  public static Note of(Kind kind, long count, String message) {
    return new Note(kind, count, message, List.of());
  }

  /**
   * Creates a note with names.
   *
   * @param kind what happened
   * @param count how many
   * @param message explanation
   * @param names the names concerned
   * @return the note
   */
  public static Note of(Kind kind, long count, String message, List<String> names) {
    return new Note(kind, count, message, names);
  }

  @Override
  public String toString() {
    return message;
  }
}
