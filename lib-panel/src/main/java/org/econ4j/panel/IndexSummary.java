package org.econ4j.panel;

import java.util.Locale;

/**
 * What {@link Panel#indexSummary()} reports about a (unit, time) index.
 *
 * @param unitColumn the unit column
 * @param timeColumn the time column
 * @param units number of distinct units
 * @param periods number of distinct time values
 * @param observations number of rows
 * @param minObsPerUnit fewest rows of a unit
 * @param meanObsPerUnit mean rows per unit (T-bar)
 * @param maxObsPerUnit most rows of a unit
 * @param balanced whether every unit is observed in every period
 * @param unitsWithGaps units with at least one missing step between their first and last time
 * @param timeStep the time step (greatest common divisor of within-unit gaps)
 * @param firstTime the earliest time
 * @param lastTime the latest time
 */
public record IndexSummary(
    String unitColumn,
    String timeColumn,
    int units,
    int periods,
    int observations,
    int minObsPerUnit,
    double meanObsPerUnit,
    int maxObsPerUnit,
    boolean balanced,
    int unitsWithGaps,
    long timeStep,
    long firstTime,
    long lastTime) {

  /**
   * @return a readable multi-line summary
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "panel index (%s, %s): %s%n"
            + "  units: %d, periods: %d (%d to %d, step %d), observations: %d%n"
            + "  observations per unit: min %d, mean %.2f, max %d%n"
            + "  units with gaps: %d",
        unitColumn,
        timeColumn,
        balanced ? "balanced" : "unbalanced",
        units,
        periods,
        firstTime,
        lastTime,
        timeStep,
        observations,
        minObsPerUnit,
        meanObsPerUnit,
        maxObsPerUnit,
        unitsWithGaps);
  }
}
