package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * Dispersion across units per period: the coefficient of variation CV<sub>t</sub> = sd<sub>t</sub>
 * / mean<sub>t</sub> of a variable over the rows (units) of each period, as a time series
 * (&sigma;-convergence: a falling CV means the units grow more alike); optionally within each group
 * (e.g. the provinces of each region) with {@link #withBy(String)}.
 *
 * <p>sd<sub>t</sub> uses the n<sub>t</sub> &minus; 1 denominator (the sample standard deviation, as
 * R {@code sd} and Stata {@code summarize}); the CV is missing when n<sub>t</sub> &lt; 2 or the
 * mean is zero. The CV is meant for positive quantities; with a negative mean it is negative (no
 * absolute value is taken). Missing values are skipped (a note counts them). One pass for the means
 * and one for the squared deviations, O(N).
 *
 * <p>Immutable and thread-safe.
 */
public final class CoefficientOfVariation {
  /**
   * The dispersion in one period (and group).
   *
   * @param group the group label; empty without grouping
   * @param time the period
   * @param n non-missing values
   * @param mean their mean
   * @param sd their standard deviation (n &minus; 1)
   * @param cv sd / mean
   */
  public record Row(String group, double time, long n, double mean, double sd, double cv) {
    /**
     * Validates the label.
     *
     * @throws NullPointerException if the group is null
     */
    public Row {
      Objects.requireNonNull(group, "group");
    }
  }

  private final Panel panel;
  private final String variable;
  private final String time;
  private final String by;
  private final List<String> groups;
  private final double[] times;
  private final List<Row> rows;
  private final List<Note> notes;

  private CoefficientOfVariation(Panel panel, String variable, String time, String by) {
    this.panel = panel;
    this.variable = variable;
    this.time = time;
    this.by = by;
    double[] x = panel.numeric(variable);
    Groups t = Groups.of(panel, time);
    Groups g = by == null ? null : Groups.of(panel, by);
    int m = t.count();
    int k = g == null ? 1 : g.count();
    long[] n = new long[k * m];
    double[] sum = new double[k * m];
    long missing = 0;
    long noGroup = 0;
    int[] cell = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int p = t.codes[i];
      int c = g == null ? 0 : g.codes[i];
      cell[i] = -1;
      if (p < 0) {
        continue;
      }
      if (c < 0) {
        noGroup++;
        continue;
      }
      if (Double.isNaN(x[i])) {
        missing++;
        continue;
      }
      int j = c * m + p;
      cell[i] = j;
      n[j]++;
      sum[j] += x[i];
    }
    double[] mean = new double[k * m];
    for (int j = 0; j < mean.length; j++) {
      mean[j] = n[j] == 0 ? Double.NaN : sum[j] / n[j];
    }
    double[] ss = new double[k * m];
    for (int i = 0; i < x.length; i++) {
      int j = cell[i];
      if (j >= 0) {
        double d = x[i] - mean[j];
        ss[j] += d * d;
      }
    }
    List<Row> out = new ArrayList<>(k * m);
    for (int c = 0; c < k; c++) {
      for (int p = 0; p < m; p++) {
        int j = c * m + p;
        if (g != null && n[j] == 0) {
          continue;
        }
        double sd = n[j] < 2 ? Double.NaN : Math.sqrt(ss[j] / (n[j] - 1));
        double cv = mean[j] == 0 ? Double.NaN : sd / mean[j];
        out.add(new Row(g == null ? "" : g.labels[c], t.values[p], n[j], mean[j], sd, cv));
      }
    }
    this.rows = List.copyOf(out);
    this.groups = g == null ? List.of() : List.of(g.labels);
    this.times = t.values;
    List<Note> ns = new ArrayList<>();
    if (t.missing > 0) {
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              t.missing,
              t.missing
                  + " "
                  + Stats.plural(t.missing, "row", "rows")
                  + " with a missing '"
                  + time
                  + "' left out",
              List.of(time)));
    }
    if (noGroup > 0) {
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              noGroup,
              noGroup
                  + " "
                  + Stats.plural(noGroup, "row", "rows")
                  + " with a missing '"
                  + by
                  + "' left out",
              List.of(by)));
    }
    if (missing > 0) {
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              missing,
              "'"
                  + variable
                  + "': "
                  + missing
                  + " missing "
                  + Stats.plural(missing, "value", "values")
                  + " skipped (N per period in the table)",
              List.of(variable)));
    }
    this.notes = List.copyOf(ns);
  }

  /**
   * CV across units per period, with the time column of the panel index.
   *
   * @param panel an indexed panel
   * @param variable numeric column
   * @return the CV series
   * @throws SpecificationException if the panel has no index or the column is unknown or
   *     categorical
   */
  public static CoefficientOfVariation of(Panel panel, String variable) {
    Objects.requireNonNull(panel, "panel");
    return of(panel, variable, panel.requireIndex("coefficient of variation").timeColumn());
  }

  /**
   * CV across rows per period of a time column.
   *
   * @param panel the data
   * @param variable numeric column
   * @param timeColumn numeric period column
   * @return the CV series
   * @throws SpecificationException if a column is unknown or categorical
   */
  public static CoefficientOfVariation of(Panel panel, String variable, String timeColumn) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(timeColumn, "timeColumn");
    Stats.requireNumeric(panel, variable, "the coefficient of variation");
    Stats.requireNumeric(panel, timeColumn, "the coefficient of variation (time)");
    return new CoefficientOfVariation(panel, variable, timeColumn, null);
  }

  /**
   * The CV across the units of each group per period (e.g. provinces within regions).
   *
   * @param column the group column (categorical in level order, numeric ascending)
   * @return the recomputed result
   * @throws SpecificationException if the column is unknown
   */
  public CoefficientOfVariation withBy(String column) {
    Objects.requireNonNull(column, "column");
    panel.type(column);
    return new CoefficientOfVariation(panel, variable, time, column);
  }

  /**
   * @return the variable
   */
  public String variable() {
    return variable;
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
   * @return one row per period, ascending (grouped: per group, then period; cells without values
   *     are omitted)
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param period a period
   * @return its row (ungrouped result)
   * @throws IllegalArgumentException if the period does not occur
   */
  public Row row(double period) {
    return row("", period);
  }

  /**
   * @param group a group label ({@code ""} without grouping)
   * @param period a period
   * @return the row
   * @throws IllegalArgumentException if there is no such row
   */
  public Row row(String group, double period) {
    for (Row r : rows) {
      if (r.time() == period && r.group().equals(group)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "period "
            + Panel.numberLabel(period)
            + (group.isEmpty() ? "" : " of group '" + group + "'")
            + " does not occur in '"
            + time
            + "'");
  }

  /**
   * @return the CV per period of the ungrouped result, aligned with {@link #rows()}
   * @throws IllegalStateException for a grouped result (use {@link #rows()})
   */
  public double[] values() {
    if (by != null) {
      throw new IllegalStateException("values() is for an ungrouped result; read rows() instead");
    }
    double[] out = new double[rows.size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = rows.get(p).cv();
    }
    return out;
  }

  /**
   * @return notes on skipped values
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * The time-series table: period, N, mean, sd and CV (three decimals); grouped, one CV column per
   * group.
   *
   * @return the table
   */
  public Table toTable() {
    Table.Builder b;
    if (by == null) {
      b =
          Table.builder(List.of(time, "N", "Mean", "Sd", "CV"))
              .caption("Coefficient of variation of " + variable + " across units, per " + time);
      double big = 0;
      for (Row r : rows) {
        big = Math.max(big, Stats.maxAbs(r.mean(), r.sd()));
      }
      int d = Stats.decimalsFor(big);
      for (Row r : rows) {
        b.row(
            Panel.numberLabel(r.time()),
            Stats.count(r.n()),
            Stats.num(r.mean(), d),
            Stats.num(r.sd(), d),
            Stats.num(r.cv(), 3));
      }
    } else {
      List<String> header = new ArrayList<>();
      header.add(time);
      header.addAll(groups);
      b =
          Table.builder(header)
              .caption(
                  "Coefficient of variation of "
                      + variable
                      + " across units within "
                      + by
                      + ", per "
                      + time);
      int k = groups.size();
      String[][] cells = new String[times.length][k];
      for (String[] c : cells) {
        java.util.Arrays.fill(c, "");
      }
      for (Row r : rows) {
        int p = java.util.Arrays.binarySearch(times, r.time());
        cells[p][groups.indexOf(r.group())] = Stats.num(r.cv(), 3);
      }
      for (int p = 0; p < times.length; p++) {
        List<String> line = new ArrayList<>();
        line.add(Panel.numberLabel(times[p]));
        line.addAll(List.of(cells[p]));
        b.row(line);
      }
    }
    b.note("CV = sd / mean; sd with N - 1.");
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
