package org.econ4j.panel.describe;

import org.econ4j.panel.Panel;

/** A small hand-checked panel shared by the describe tests. */
final class Fixtures {
  private Fixtures() {}

  static final double NA = Double.NaN;

  static final String[] UNIT = {"a", "a", "b", "b", "c", "c"};
  static final double[] YEAR = {2000, 2001, 2000, 2001, 2000, 2001};
  static final String[] REGION = {"E", "E", "E", "E", "W", "W"};
  static final double[] X = {1, 2, 3, 4, 10, NA};
  static final double[] Y = {2, 4, NA, 8, 1, 3};

  /** unit, year, region (categorical), x and y (numeric, one missing each); no index. */
  static Panel small() {
    return Panel.builder()
        .categorical("unit", UNIT)
        .numeric("year", YEAR)
        .categorical("region", REGION)
        .numeric("x", X)
        .numeric("y", Y)
        .build();
  }

  static Panel indexed() {
    return small().withIndex("unit", "year");
  }

  static final String KNOWN = "known columns: unit, year, region, x, y";
}
