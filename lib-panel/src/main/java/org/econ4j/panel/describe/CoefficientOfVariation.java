package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * Dispersion across units per period: the coefficient of variation CV<sub>t</sub> = sd<sub>t</sub>
 * / mean<sub>t</sub> of a variable over the rows (units) of each period, as a time series
 * (&sigma;-convergence: a falling CV means the units grow more alike).
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
   * The dispersion in one period.
   *
   * @param time the period
   * @param n non-missing values
   * @param mean their mean
   * @param sd their standard deviation (n &minus; 1)
   * @param cv sd / mean
   */
  public record Row(double time, long n, double mean, double sd, double cv) {}

  private final String variable;
  private final String time;
  private final List<Row> rows;
  private final List<Note> notes;

  private CoefficientOfVariation(String variable, String time, List<Row> rows, List<Note> notes) {
    this.variable = variable;
    this.time = time;
    this.rows = rows;
    this.notes = notes;
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
    double[] x = panel.numeric(variable);
    Groups t = Groups.of(panel, timeColumn);
    int m = t.count();
    long[] n = new long[m];
    double[] sum = new double[m];
    long missing = 0;
    for (int i = 0; i < x.length; i++) {
      int p = t.codes[i];
      if (p < 0) {
        continue;
      }
      if (Double.isNaN(x[i])) {
        missing++;
        continue;
      }
      n[p]++;
      sum[p] += x[i];
    }
    double[] mean = new double[m];
    for (int p = 0; p < m; p++) {
      mean[p] = n[p] == 0 ? Double.NaN : sum[p] / n[p];
    }
    double[] ss = new double[m];
    for (int i = 0; i < x.length; i++) {
      int p = t.codes[i];
      if (p >= 0 && !Double.isNaN(x[i])) {
        double d = x[i] - mean[p];
        ss[p] += d * d;
      }
    }
    List<Row> rows = new ArrayList<>(m);
    for (int p = 0; p < m; p++) {
      double sd = n[p] < 2 ? Double.NaN : Math.sqrt(ss[p] / (n[p] - 1));
      double cv = mean[p] == 0 ? Double.NaN : sd / mean[p];
      rows.add(new Row(t.values[p], n[p], mean[p], sd, cv));
    }
    List<Note> notes = new ArrayList<>();
    if (t.missing > 0) {
      notes.add(
          Note.of(
              Note.Kind.MISSING,
              t.missing,
              t.missing
                  + " "
                  + Stats.plural(t.missing, "row", "rows")
                  + " with a missing '"
                  + timeColumn
                  + "' left out",
              List.of(timeColumn)));
    }
    if (missing > 0) {
      notes.add(
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
    return new CoefficientOfVariation(variable, timeColumn, List.copyOf(rows), List.copyOf(notes));
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
   * @return one row per period, ascending
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param period a period
   * @return its row
   * @throws IllegalArgumentException if the period does not occur
   */
  public Row row(double period) {
    for (Row r : rows) {
      if (r.time() == period) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "period " + Panel.numberLabel(period) + " does not occur in '" + time + "'");
  }

  /**
   * @return the CV per period, aligned with {@link #rows()}
   */
  public double[] values() {
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
   * The time-series table: period, N, mean, sd and CV (three decimals).
   *
   * @return the table
   */
  public Table toTable() {
    Table.Builder b =
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
