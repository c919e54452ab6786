package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Format;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * Growth of a quantity over time, for the whole panel or per group: period-on-period (year-on-year)
 * percent changes, growth multiples, compound annual growth rates and exponential growth rates.
 *
 * <p>The data are first reduced to a (group, time) series: x<sub>gt</sub> = the sum of the value
 * column over the rows of group g in period t (missing values skipped; a cell with no value is
 * missing). Without a group ({@link #of}) the sum runs over all rows of the period, so for a panel
 * it is the total over units; when the units present change from period to period that total mixes
 * growth with entry and exit (a note says so). With {@link #withBy(String)} the group is a column
 * such as region (sum over its units) or the unit itself (one row per cell). The time column must
 * be numeric with integer values; the period step is the greatest common divisor of the gaps
 * between the distinct times (1 for yearly data).
 *
 * <ul>
 *   <li><b>period-on-period change</b> ({@link #yearOnYear(String)}): 100 &middot; (x<sub>t</sub>
 *       &minus; x<sub>t&minus;s</sub>) / x<sub>t&minus;s</sub> with s the step; missing when the
 *       earlier period is absent or missing, or when x<sub>t&minus;s</sub> &le; 0 (a note counts
 *       them);
 *   <li><b>growth multiple</b> between t0 and t1: x<sub>t1</sub> / x<sub>t0</sub>;
 *   <li><b>compound annual growth rate</b>: CAGR = (x<sub>t1</sub> / x<sub>t0</sub>)<sup>1/(t1
 *       &minus; t0)</sup> &minus; 1 (per time unit, so per year for yearly data), reported in
 *       percent; multiple and CAGR are missing when x<sub>t0</sub> &le; 0 or an end point is
 *       missing (and CAGR when x<sub>t1</sub> &lt; 0);
 *   <li><b>exponential growth rate</b> over the window t0 &le; t &le; t1: the OLS slope b of log
 *       x<sub>t</sub> on t (log points per time unit) and the implied rate exp(b) &minus; 1 in
 *       percent. Periods with x<sub>t</sub> &le; 0 or missing are left out of the regression (a
 *       note counts them); fewer than two points give a missing rate. b equals log(1 + CAGR) when
 *       the series grows at a constant rate; otherwise it uses every period, not only the ends.
 * </ul>
 *
 * <p>One pass to build the series (O(N)); rates are O(groups &times; periods). Immutable and
 * thread-safe.
 */
public final class Growth {
  private final Panel panel;
  private final String value;
  private final String time;
  private final String by;
  private final double[] times;
  private final long step;
  private final String[] groups;

  /** groups × times, then the total series as the last row. */
  private final double[][] series;

  private final List<Note> notes;

  private Growth(Panel panel, String value, String time, String by) {
    this.panel = panel;
    this.value = value;
    this.time = time;
    this.by = by;
    double[] x = panel.numeric(value);
    Groups tg = Groups.of(panel, time);
    double[] tv = tg.values;
    for (int p = 0; p < tv.length; p++) {
      if (tv[p] != Math.rint(tv[p])) {
        throw new SpecificationException(
            "time column '"
                + time
                + "' has the non-integer value "
                + tv[p]
                + "; growth needs integer periods (years, or period numbers)");
      }
    }
    if (tv.length == 0) {
      throw new SpecificationException(
          "time column '" + time + "' has no non-missing value; growth needs at least one period");
    }
    long g = 0;
    for (int p = 1; p < tv.length; p++) {
      g = gcd(g, (long) (tv[p] - tv[p - 1]));
    }
    this.step = g == 0 ? 1 : g;
    this.times = tv;
    Groups gg = by == null ? null : Groups.of(panel, by);
    int k = gg == null ? 0 : gg.count();
    this.groups = gg == null ? new String[0] : gg.labels;
    int m = tv.length;
    double[][] s = new double[k + 1][m];
    int[][] c = new int[k + 1][m];
    int[] rowsPerPeriod = new int[m];
    long missingValue = 0;
    long missingTime = tg.missing;
    long missingGroup = 0;
    for (int i = 0; i < x.length; i++) {
      int t = tg.codes[i];
      if (t < 0) {
        continue;
      }
      double v = x[i];
      if (Double.isNaN(v)) {
        missingValue++;
        continue;
      }
      int gr = gg == null ? -1 : gg.codes[i];
      if (gg != null && gr < 0) {
        missingGroup++;
        continue;
      }
      if (gr >= 0) {
        s[gr][t] += v;
        c[gr][t]++;
      }
      s[k][t] += v;
      c[k][t]++;
      rowsPerPeriod[t]++;
    }
    for (int r = 0; r <= k; r++) {
      for (int t = 0; t < m; t++) {
        if (c[r][t] == 0) {
          s[r][t] = Double.NaN;
        }
      }
    }
    this.series = s;
    List<Note> ns = new ArrayList<>();
    if (missingTime > 0) {
      ns.add(rowsNote(missingTime, "a missing '" + time + "'", time));
    }
    if (missingGroup > 0) {
      ns.add(rowsNote(missingGroup, "a missing '" + by + "'", by));
    }
    if (missingValue > 0) {
      ns.add(rowsNote(missingValue, "a missing '" + value + "'", value));
    }
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    for (int t = 0; t < m; t++) {
      lo = Math.min(lo, rowsPerPeriod[t]);
      hi = Math.max(hi, rowsPerPeriod[t]);
    }
    if (lo != hi) {
      ns.add(
          Note.of(
              Note.Kind.INFO,
              hi - lo,
              "the number of rows summed per period varies from "
                  + lo
                  + " to "
                  + hi
                  + "; totals mix growth with entry and exit of units",
              List.of(value)));
    }
    long nonPositive = 0;
    for (int r = 0; r <= k; r++) {
      for (int t = 0; t < m; t++) {
        int prev = previous(t);
        if (prev >= 0 && !(s[r][prev] > 0) && !Double.isNaN(s[r][prev])) {
          nonPositive++;
        }
      }
    }
    if (nonPositive > 0) {
      ns.add(
          Note.of(
              Note.Kind.NON_FINITE,
              nonPositive,
              nonPositive
                  + " period-on-period "
                  + Stats.plural(nonPositive, "change is", "changes are")
                  + " missing because the earlier value of '"
                  + value
                  + "' is zero or negative",
              List.of(value)));
    }
    this.notes = List.copyOf(ns);
  }

  private static Note rowsNote(long n, String why, String column) {
    return Note.of(
        Note.Kind.MISSING,
        n,
        n + " " + Stats.plural(n, "row", "rows") + " with " + why + " left out",
        List.of(column));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  /** Position of the period one step before position t, or −1. */
  private int previous(int t) {
    double target = times[t] - step;
    int p = Arrays.binarySearch(times, target);
    return p >= 0 ? p : -1;
  }

  /**
   * Growth of the total of a column over all rows per period.
   *
   * @param panel the data
   * @param valueColumn numeric column (e.g. co-patents)
   * @param timeColumn numeric, integer-valued time column (e.g. year)
   * @return the growth view
   * @throws SpecificationException if a column is unknown or categorical, or a time is not an
   *     integer
   */
  public static Growth of(Panel panel, String valueColumn, String timeColumn) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(valueColumn, "valueColumn");
    Objects.requireNonNull(timeColumn, "timeColumn");
    Stats.requireNumeric(panel, valueColumn, "growth");
    Stats.requireNumeric(panel, timeColumn, "growth (time)");
    return new Growth(panel, valueColumn, timeColumn, null);
  }

  /**
   * Growth per group: the value is summed within each (group, period).
   *
   * @param column the group column (categorical in level order, or numeric ascending), e.g. region
   *     or the unit
   * @return the grouped growth view
   * @throws SpecificationException if the column is unknown
   */
  public Growth withBy(String column) {
    Objects.requireNonNull(column, "column");
    panel.type(column);
    return new Growth(panel, value, time, column);
  }

  /**
   * @return the value column
   */
  public String valueColumn() {
    return value;
  }

  /**
   * @return the time column
   */
  public String timeColumn() {
    return time;
  }

  /**
   * @return the group column, if any
   */
  public Optional<String> by() {
    return Optional.ofNullable(by);
  }

  /**
   * @return the group labels (empty without grouping)
   */
  public List<String> groups() {
    return List.of(groups);
  }

  /**
   * @return the distinct periods, ascending (a copy)
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * @return the period step (gcd of the gaps between distinct periods)
   */
  public long step() {
    return step;
  }

  private int groupRow(String group) {
    Objects.requireNonNull(group, "group");
    for (int g = 0; g < groups.length; g++) {
      if (groups[g].equals(group)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown group '"
            + group
            + "'"
            + (by == null ? "; no group column was set (use total())" : " in '" + by + "'"));
  }

  private int timePos(double t) {
    int p = Arrays.binarySearch(times, t);
    if (p < 0) {
      throw new SpecificationException(
          "period "
              + Panel.numberLabel(t)
              + " does not occur in '"
              + time
              + "' (periods "
              + Panel.numberLabel(times[0])
              + " to "
              + Panel.numberLabel(times[times.length - 1])
              + "); choose a period present in the data");
    }
    return p;
  }

  /**
   * @param group a group label
   * @return the group's summed value per period (NaN = no value), aligned with {@link #times()}
   */
  public double[] series(String group) {
    return series[groupRow(group)].clone();
  }

  /**
   * @return the total over all rows per period, aligned with {@link #times()}
   */
  public double[] total() {
    return series[series.length - 1].clone();
  }

  /**
   * @param group a group label
   * @return percent change from the previous period per period (first period and undefined changes
   *     NaN), aligned with {@link #times()}
   */
  public double[] yearOnYear(String group) {
    return yoy(series[groupRow(group)]);
  }

  /**
   * @return percent change of the total per period, aligned with {@link #times()}
   */
  public double[] yearOnYearTotal() {
    return yoy(series[series.length - 1]);
  }

  private double[] yoy(double[] s) {
    double[] out = new double[s.length];
    for (int t = 0; t < s.length; t++) {
      int p = previous(t);
      out[t] = p < 0 || !(s[p] > 0) ? Double.NaN : 100 * (s[t] - s[p]) / s[p];
    }
    return out;
  }

  /**
   * @return notes on rows left out, unbalanced totals and undefined changes
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * Growth multiple, CAGR and exponential growth rate between two periods, per group and for the
   * total.
   *
   * @param t0 the start period (present in the data)
   * @param t1 the end period, after {@code t0}
   * @return the rates
   * @throws SpecificationException if a period is absent or {@code t1 <= t0}
   */
  public Rates rates(double t0, double t1) {
    if (!(t1 > t0)) {
      throw new SpecificationException(
          "growth window from "
              + Panel.numberLabel(t0)
              + " to "
              + Panel.numberLabel(t1)
              + " is empty; the end period must come after the start period");
    }
    int p0 = timePos(t0);
    int p1 = timePos(t1);
    List<Rate> out = new ArrayList<>();
    long undefined = 0;
    long excluded = 0;
    for (int r = 0; r < series.length; r++) {
      double[] s = series[r];
      String label = r < groups.length ? groups[r] : "Total";
      double x0 = s[p0];
      double x1 = s[p1];
      double multiple = x0 > 0 && !Double.isNaN(x1) ? x1 / x0 : Double.NaN;
      double cagr = x0 > 0 && x1 >= 0 ? 100 * (Math.pow(x1 / x0, 1.0 / (t1 - t0)) - 1) : Double.NaN;
      if (Double.isNaN(multiple)) {
        undefined++;
      }
      // OLS of log x on t over the window
      int n = 0;
      double st = 0;
      double sl = 0;
      for (int t = p0; t <= p1; t++) {
        if (s[t] > 0) {
          n++;
          st += times[t];
          sl += Math.log(s[t]);
        } else {
          excluded++;
        }
      }
      double slope = Double.NaN;
      if (n >= 2) {
        double mt = st / n;
        double ml = sl / n;
        double stt = 0;
        double stl = 0;
        for (int t = p0; t <= p1; t++) {
          if (s[t] > 0) {
            double dt = times[t] - mt;
            stt += dt * dt;
            stl += dt * (Math.log(s[t]) - ml);
          }
        }
        slope = stl / stt;
      }
      out.add(
          new Rate(
              label,
              x0,
              x1,
              multiple,
              cagr,
              n,
              slope,
              Double.isNaN(slope) ? Double.NaN : 100 * Math.expm1(slope)));
    }
    List<Note> ns = new ArrayList<>(notes);
    if (undefined > 0) {
      ns.add(
          Note.of(
              Note.Kind.NON_FINITE,
              undefined,
              undefined
                  + " growth "
                  + Stats.plural(undefined, "multiple is", "multiples are")
                  + " missing: the start value is missing, zero or negative, or the end value is"
                  + " missing",
              List.of(value)));
    }
    if (excluded > 0) {
      ns.add(
          Note.of(
              Note.Kind.NON_FINITE,
              excluded,
              excluded
                  + " "
                  + Stats.plural(excluded, "period", "periods")
                  + " with a missing, zero or negative '"
                  + value
                  + "' left out of the exponential growth regressions",
              List.of(value)));
    }
    return new Rates(this, t0, t1, List.copyOf(out), List.copyOf(ns));
  }

  /**
   * Growth between two periods of one series.
   *
   * @param group the group label, or {@code "Total"} for the total row
   * @param start the value at t0
   * @param end the value at t1
   * @param multiple end / start
   * @param cagrPercent compound annual growth rate in percent
   * @param points periods used by the exponential regression
   * @param logSlope OLS slope of log x on time (log points per time unit)
   * @param exponentialPercent exp(logSlope) &minus; 1 in percent
   */
  public record Rate(
      String group,
      double start,
      double end,
      double multiple,
      double cagrPercent,
      int points,
      double logSlope,
      double exponentialPercent) {
    /**
     * Validates the label.
     *
     * @throws NullPointerException if the group is null
     */
    public Rate {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Growth rates between two periods, per group and for the total; immutable. */
  public static final class Rates {
    private final Growth growth;
    private final double t0;
    private final double t1;
    private final List<Rate> rows;
    private final List<Note> notes;

    private Rates(Growth growth, double t0, double t1, List<Rate> rows, List<Note> notes) {
      this.growth = growth;
      this.t0 = t0;
      this.t1 = t1;
      this.rows = rows;
      this.notes = notes;
    }

    /**
     * @return the start period
     */
    public double start() {
      return t0;
    }

    /**
     * @return the end period
     */
    public double end() {
      return t1;
    }

    /**
     * @return one row per group, then the total (label {@code "Total"})
     */
    public List<Rate> rows() {
      return rows;
    }

    /**
     * @param group a group label
     * @return its rate
     * @throws IllegalArgumentException if there is no such group
     */
    public Rate row(String group) {
      for (Rate r : rows.subList(0, rows.size() - 1)) {
        if (r.group().equals(group)) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown group '" + group + "'");
    }

    /**
     * @return the rate of the total
     */
    public Rate total() {
      return rows.get(rows.size() - 1);
    }

    /**
     * @return the growth view's notes and those of the rates
     */
    public List<Note> notes() {
      return notes;
    }

    /**
     * The table: start and end values, multiple, CAGR %, exponential rate % and the slope, one row
     * per group and the total.
     *
     * @return the table
     */
    public Table toTable() {
      String a = Panel.numberLabel(t0);
      String b = Panel.numberLabel(t1);
      Table.Builder tb =
          Table.builder(
                  List.of(
                      growth.by == null ? "" : growth.by,
                      growth.value + " " + a,
                      growth.value + " " + b,
                      "Multiple",
                      "CAGR %",
                      "Exp. rate %",
                      "Log slope",
                      "Periods"))
              .caption(
                  "Growth of "
                      + growth.value
                      + " from "
                      + a
                      + " to "
                      + b
                      + (growth.by == null ? "" : " by " + growth.by));
      for (int i = 0; i < rows.size(); i++) {
        Rate r = rows.get(i);
        if (i == rows.size() - 1 && rows.size() > 1) {
          tb.rule();
        }
        tb.row(
            r.group(),
            Format.auto(r.start(), 2),
            Format.auto(r.end(), 2),
            Stats.num(r.multiple(), 3),
            Stats.pct(r.cagrPercent()),
            Stats.pct(r.exponentialPercent()),
            Stats.num(r.logSlope(), 4),
            Stats.count(r.points()));
      }
      tb.note(
          "Multiple = x("
              + b
              + ") / x("
              + a
              + "); CAGR = multiple^(1/"
              + Panel.numberLabel(t1 - t0)
              + ") - 1;");
      tb.note("exp. rate = exp(b) - 1 with b the OLS slope of log x on time.");
      for (Note n : notes) {
        tb.note(n.message());
      }
      return tb.build();
    }

    @Override
    public String toString() {
      return toTable().render(TableFormat.TEXT);
    }
  }

  /**
   * The period-on-period table: one row per period; without groups the total and its percent
   * change, with groups the percent change of each group and of the total.
   *
   * @return the table
   */
  public Table toTable() {
    List<String> header = new ArrayList<>();
    header.add(time);
    Table.Builder b;
    if (by == null) {
      header.add(value);
      header.add("Change %");
      b = Table.builder(header).caption("Growth of " + value + " (percent change per period)");
      double[] s = series[0];
      double[] y = yoy(s);
      int d = Stats.decimalsFor(Stats.maxAbs(s));
      for (int t = 0; t < times.length; t++) {
        b.row(Panel.numberLabel(times[t]), Format.auto(s[t], d), Stats.pct(y[t]));
      }
    } else {
      header.addAll(Arrays.asList(groups));
      header.add("Total");
      b =
          Table.builder(header)
              .caption("Growth of " + value + " by " + by + " (percent change per period)");
      double[][] y = new double[series.length][];
      for (int r = 0; r < series.length; r++) {
        y[r] = yoy(series[r]);
      }
      for (int t = 0; t < times.length; t++) {
        List<String> cells = new ArrayList<>();
        cells.add(Panel.numberLabel(times[t]));
        for (int r = 0; r < series.length; r++) {
          cells.add(Stats.pct(y[r][t]));
        }
        b.row(cells);
      }
    }
    b.note(
        "Change % = 100 (x(t) - x(t-"
            + step
            + ")) / x(t-"
            + step
            + "), x summed over the rows of each period"
            + (by == null ? "" : " and group")
            + ".");
    for (Note n : notes) {
      b.note(n.message());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return toTable().render(TableFormat.TEXT);
  }
}
