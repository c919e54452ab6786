package org.econ4j.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.core.SpecificationException;

/**
 * The (unit, time) index of a {@link Panel}: dense unit codes, integer time values, the rows sorted
 * by (unit, time) and the time step. Time-aware operators work by time value, never by row order:
 * the lag of a row is the row of the same unit whose time is {@code k·step} earlier, and it is
 * missing when that row does not exist (as Stata {@code L.} and plm {@code lag(shift = "time")}).
 *
 * <p>The step is the greatest common divisor of all within-unit gaps between consecutive times (1
 * for yearly data with gaps, 5 for quinquennial data). Immutable and thread-safe.
 */
public final class PanelIndex {
  private final String unitColumn;
  private final String timeColumn;
  private final int[] unit;
  private final long[] time;
  private final int unitCount;
  private final String[] unitLabels;
  private final int[] sorted;
  private final long step;

  private PanelIndex(
      String unitColumn,
      String timeColumn,
      int[] unit,
      long[] time,
      int unitCount,
      String[] unitLabels,
      int[] sorted,
      long step) {
    this.unitColumn = unitColumn;
    this.timeColumn = timeColumn;
    this.unit = unit;
    this.time = time;
    this.unitCount = unitCount;
    this.unitLabels = unitLabels;
    this.sorted = sorted;
    this.step = step;
  }

  static PanelIndex build(Panel panel, String unitColumn, String timeColumn) {
    int n = panel.rows();
    int[] unit;
    String[] labels;
    if (panel.type(unitColumn) == ColumnType.CATEGORICAL) {
      CategoricalColumn c = panel.categoricalUnsafe(unitColumn);
      unit = c.codesUnsafe().clone();
      labels = c.levelsUnsafe();
      int missing = c.missingCount();
      if (missing > 0) {
        throw new SpecificationException(
            "unit column '"
                + unitColumn
                + "' has "
                + missing
                + " missing values (first at row "
                + (firstMissing(unit) + 1)
                + "); drop those rows before withIndex");
      }
    } else {
      double[] u = panel.numericUnsafe(unitColumn);
      CategoricalColumn c = CategoricalColumn.of(Panel.numberLabels(u));
      unit = c.codesUnsafe();
      labels = c.levelsUnsafe();
      int missing = c.missingCount();
      if (missing > 0) {
        throw new SpecificationException(
            "unit column '"
                + unitColumn
                + "' has "
                + missing
                + " missing values (first at row "
                + (firstMissing(unit) + 1)
                + "); drop those rows before withIndex");
      }
    }
    if (panel.type(timeColumn) != ColumnType.NUMERIC) {
      throw new SpecificationException(
          "time column '"
              + timeColumn
              + "' is categorical (e.g. '"
              + panel.label(timeColumn, 0)
              + "'); the time index must be numeric, such as a year");
    }
    double[] t = panel.numericUnsafe(timeColumn);
    long[] time = new long[n];
    for (int i = 0; i < n; i++) {
      double v = t[i];
      if (Double.isNaN(v)) {
        throw new SpecificationException(
            "time column '"
                + timeColumn
                + "' is missing at row "
                + (i + 1)
                + "; drop rows with a missing time before withIndex");
      }
      if (v != Math.rint(v) || Math.abs(v) > 1e15) {
        throw new SpecificationException(
            "time column '"
                + timeColumn
                + "' has the non-integer value "
                + v
                + " at row "
                + (i + 1)
                + "; time must hold integer periods (years, or period numbers)");
      }
      time[i] = (long) v;
    }
    int units = labels.length;
    int[] order = sortByUnitTime(unit, time, units);
    // duplicates and step
    List<String> dups = new ArrayList<>();
    int dupCount = 0;
    long g = 0;
    for (int p = 1; p < n; p++) {
      int a = order[p - 1];
      int b = order[p];
      if (unit[a] == unit[b]) {
        long d = time[b] - time[a];
        if (d == 0) {
          dupCount++;
          if (dups.size() < 5) {
            dups.add(
                "("
                    + labels[unit[b]]
                    + ", "
                    + time[b]
                    + ") at rows "
                    + (a + 1)
                    + " and "
                    + (b + 1));
          }
        } else {
          g = gcd(g, d);
        }
      }
    }
    if (dupCount > 0) {
      throw new SpecificationException(
          "index ('"
              + unitColumn
              + "', '"
              + timeColumn
              + "') has "
              + dupCount
              + " duplicate keys: "
              + String.join("; ", dups)
              + "; aggregate or drop duplicates so that each (unit, time) appears once");
    }
    return new PanelIndex(unitColumn, timeColumn, unit, time, units, labels, order, g == 0 ? 1 : g);
  }

  private static int firstMissing(int[] codes) {
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        return i;
      }
    }
    return -1;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  /** Stable counting sort by time rank, then by unit: O(n). */
  private static int[] sortByUnitTime(int[] unit, long[] time, int units) {
    int n = unit.length;
    long[] distinct = time.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[m++] = distinct[i];
      }
    }
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = Arrays.binarySearch(distinct, 0, m, time[i]);
    }
    int[] byTime = countingSort(rank, m, null);
    return countingSort(unit, units, byTime);
  }

  private static int[] countingSort(int[] key, int range, int[] input) {
    int n = key.length;
    int[] start = new int[range + 1];
    for (int i = 0; i < n; i++) {
      start[key[i] + 1]++;
    }
    for (int k = 0; k < range; k++) {
      start[k + 1] += start[k];
    }
    int[] out = new int[n];
    for (int p = 0; p < n; p++) {
      int i = input == null ? p : input[p];
      out[start[key[i]]++] = i;
    }
    return out;
  }

  /**
   * @return the unit column's name
   */
  public String unitColumn() {
    return unitColumn;
  }

  /**
   * @return the time column's name
   */
  public String timeColumn() {
    return timeColumn;
  }

  /**
   * @return the number of distinct units
   */
  public int unitCount() {
    return unitCount;
  }

  /**
   * @return the unit labels in code order
   */
  public List<String> unitLabels() {
    return List.of(unitLabels);
  }

  /**
   * @return one dense unit code per row (copy)
   */
  public int[] unitCodes() {
    return unit.clone();
  }

  /**
   * @return one integer time per row (copy)
   */
  public long[] times() {
    return time.clone();
  }

  /**
   * @return the rows in (unit, time) order (copy)
   */
  public int[] sortedRows() {
    return sorted.clone();
  }

  /**
   * @return the time step: the greatest common divisor of within-unit gaps (1 when every unit has
   *     one period)
   */
  public long step() {
    return step;
  }

  /**
   * Shifts values by {@code k} steps in time within each unit: {@code k > 0} is a lag (the value
   * {@code k·step} earlier), {@code k < 0} a lead. A row whose shifted time is absent gets NaN.
   *
   * @param values one value per panel row (not modified)
   * @param k shift in steps
   * @return the shifted values, one per row
   */
  public double[] shift(double[] values, int k) {
    if (values.length != unit.length) {
      throw new IllegalArgumentException(
          "values have " + values.length + " rows but the panel has " + unit.length);
    }
    double[] out = new double[values.length];
    Arrays.fill(out, Double.NaN);
    if (k == 0) {
      return values.clone();
    }
    int n = sorted.length;
    int reach = Math.abs(k);
    long delta = (long) k * step;
    for (int p = 0; p < n; p++) {
      int i = sorted[p];
      long target = time[i] - delta;
      int u = unit[i];
      if (k > 0) {
        for (int q = p - 1; q >= 0 && q >= p - reach; q--) {
          int j = sorted[q];
          if (unit[j] != u || time[j] < target) {
            break;
          }
          if (time[j] == target) {
            out[i] = values[j];
            break;
          }
        }
      } else {
        for (int q = p + 1; q < n && q <= p + reach; q++) {
          int j = sorted[q];
          if (unit[j] != u || time[j] > target) {
            break;
          }
          if (time[j] == target) {
            out[i] = values[j];
            break;
          }
        }
      }
    }
    return out;
  }

  /** The same index under renamed columns (panel-io: {@code Panel.rename}). */
  PanelIndex renamed(String unit, String time) {
    return new PanelIndex(unit, time, this.unit, this.time, unitCount, unitLabels, sorted, step);
  }

  int[] unitUnsafe() {
    return unit;
  }

  long[] timeUnsafe() {
    return time;
  }

  int[] sortedUnsafe() {
    return sorted;
  }
}
