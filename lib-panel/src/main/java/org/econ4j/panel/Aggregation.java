package org.econ4j.panel;

import java.util.Locale;
import java.util.Objects;

/**
 * One summary computed per group by {@link GroupBy#aggregate}: a function applied to a column,
 * stored under an output name.
 *
 * <p>Missing values are skipped by every function except {@link Function#FIRST} and {@link
 * Function#LAST} (as Stata {@code collapse}): {@code SUM} of a group with no values is 0, {@code
 * MEAN}, {@code SD}, {@code MIN} and {@code MAX} are then missing.
 *
 * @param column the input column ({@code ""} with {@link Function#COUNT}: count rows)
 * @param function the function
 * @param outputName the name of the result column
 */
public record Aggregation(String column, Function function, String outputName) {

  /** The functions. */
  public enum Function {
    /** Number of non-missing values (of rows, when the column is {@code ""}). */
    COUNT,
    /** Sum of the values. */
    SUM,
    /** Arithmetic mean. */
    MEAN,
    /** Sample standard deviation (divisor n − 1; missing for fewer than two values). */
    SD,
    /** Minimum. */
    MIN,
    /** Maximum. */
    MAX,
    /** The value of the group's first row (in row order; may be missing; any column type). */
    FIRST,
    /** The value of the group's last row (in row order; may be missing; any column type). */
    LAST,
    /** The group's sum as a percentage of the column's total sum (over all rows). */
    SHARE
  }

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the output name is empty, or the column is empty for a
   *     function other than COUNT
   */
  public Aggregation {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(outputName, "outputName");
    if (outputName.isEmpty()) {
      throw new IllegalArgumentException("output name is empty");
    }
    if (column.isEmpty() && function != Function.COUNT) {
      throw new IllegalArgumentException(function + " needs a column");
    }
  }

  /**
   * @param column the input column
   * @param function the function
   * @return the aggregation named {@code column_function} (e.g. {@code gdp_mean})
   */
  public static Aggregation of(String column, Function function) {
    return new Aggregation(
        column, function, column + "_" + function.name().toLowerCase(Locale.ROOT));
  }

  /**
   * @param column the input column
   * @param function the function
   * @param outputName the result column's name
   * @return the aggregation
   */
  public static Aggregation of(String column, Function function, String outputName) {
    return new Aggregation(column, function, outputName);
  }

  /**
   * @param outputName the result column's name
   * @return the number of rows per group
   */
  public static Aggregation count(String outputName) {
    return new Aggregation("", Function.COUNT, outputName);
  }

  /**
   * @param column the input column
   * @return its mean per group, named {@code column_mean}
   */
  public static Aggregation mean(String column) {
    return of(column, Function.MEAN);
  }

  /**
   * @param column the input column
   * @return its sum per group, named {@code column_sum}
   */
  public static Aggregation sum(String column) {
    return of(column, Function.SUM);
  }
}
