package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelIndex;

/**
 * Panel variation of each variable, as Stata's {@code xtsum}: overall, between-unit and within-unit
 * standard deviation, minimum and maximum, with N, the number of units n and the average number of
 * periods T-bar.
 *
 * <p>Definitions (Stata's), over the non-missing values x<sub>it</sub> of a variable, with
 * x&#772;<sub>i</sub> the mean of unit i over its non-missing periods and x&#772; the mean of all N
 * non-missing values:
 *
 * <ul>
 *   <li><b>overall</b>: mean x&#772;, sd of the x<sub>it</sub> (N &minus; 1 denominator), min, max;
 *       N observations;
 *   <li><b>between</b>: sd of the unit means x&#772;<sub>i</sub> across the n units that have at
 *       least one value (each unit counts once; n &minus; 1 denominator), min and max of the unit
 *       means; n units;
 *   <li><b>within</b>: sd (N &minus; 1 denominator), min and max of x<sub>it</sub> &minus;
 *       x&#772;<sub>i</sub> + x&#772; (the global mean is added back so the within values are on
 *       the scale of x); T-bar = N / n.
 * </ul>
 *
 * <p>Needs the panel index ({@link Panel#withIndex(String, String)}); units come from its unit
 * column. Missing values are skipped per variable (reported as notes and as N). Two passes over the
 * data per variable, O(N).
 *
 * <p>Immutable and thread-safe. Verified against the xtsum definitions computed in R 4.2.2 on the
 * Grunfeld data ({@code DescribeReferenceTest}).
 */
public final class XtSum {
  /**
   * The panel variation of one variable.
   *
   * @param variable the variable
   * @param n non-missing observations N
   * @param mean the overall mean
   * @param overallSd sd over all observations
   * @param overallMin minimum over all observations
   * @param overallMax maximum over all observations
   * @param units units with at least one value (n)
   * @param betweenSd sd of the unit means across units (NaN with one unit)
   * @param betweenMin smallest unit mean
   * @param betweenMax largest unit mean
   * @param withinSd sd of x &minus; unit mean + overall mean
   * @param withinMin its minimum
   * @param withinMax its maximum
   * @param tBar average periods per unit, N / n
   */
  public record Row(
      String variable,
      long n,
      double mean,
      double overallSd,
      double overallMin,
      double overallMax,
      int units,
      double betweenSd,
      double betweenMin,
      double betweenMax,
      double withinSd,
      double withinMin,
      double withinMax,
      double tBar) {
    /**
     * Validates the name.
     *
     * @throws NullPointerException if the variable is null
     */
    public Row {
      Objects.requireNonNull(variable, "variable");
    }
  }

  private final String unitColumn;
  private final List<Row> rows;
  private final List<Note> notes;

  private XtSum(String unitColumn, List<Row> rows, List<Note> notes) {
    this.unitColumn = unitColumn;
    this.rows = rows;
    this.notes = notes;
  }

  /**
   * Computes the panel variation of numeric variables.
   *
   * @param panel an indexed panel
   * @param variables numeric columns, at least one
   * @return the result
   * @throws org.econ4j.core.SpecificationException if the panel has no index, no variable is given,
   *     or a column is unknown or categorical
   */
  public static XtSum of(Panel panel, String... variables) {
    Objects.requireNonNull(panel, "panel");
    List<String> vars = Stats.numericVariables(panel, "xtsum", variables);
    PanelIndex index = panel.requireIndex("xtsum");
    int[] unit = index.unitCodes();
    int units = index.unitCount();
    List<Row> out = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    double[] sum = new double[units];
    int[] cnt = new int[units];
    double[] means = new double[units];
    for (String v : vars) {
      double[] x = panel.numeric(v);
      Row r = compute(v, x, unit, sum, cnt, means);
      out.add(r);
      long missing = x.length - r.n();
      if (missing > 0) {
        notes.add(Summary.missingNote(v, missing, r.n()));
      }
    }
    return new XtSum(index.unitColumn(), List.copyOf(out), List.copyOf(notes));
  }

  private static Row compute(
      String v, double[] x, int[] unit, double[] sum, int[] cnt, double[] means) {
    java.util.Arrays.fill(sum, 0);
    java.util.Arrays.fill(cnt, 0);
    int n = 0;
    double total = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      if (Double.isNaN(xi)) {
        continue;
      }
      n++;
      total += xi;
      sum[unit[i]] += xi;
      cnt[unit[i]]++;
      if (!(xi >= min)) {
        min = xi;
      }
      if (!(xi <= max)) {
        max = xi;
      }
    }
    double mean = n == 0 ? Double.NaN : total / n;
    int k = 0;
    for (int u = 0; u < sum.length; u++) {
      if (cnt[u] > 0) {
        means[k++] = sum[u] / cnt[u];
      }
    }
    // unit means indexed by unit for the within pass
    double ss = 0;
    double ssw = 0;
    double wmin = Double.NaN;
    double wmax = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      if (Double.isNaN(xi)) {
        continue;
      }
      double d = xi - mean;
      ss += d * d;
      double w = xi - sum[unit[i]] / cnt[unit[i]] + mean;
      double dw = w - mean;
      ssw += dw * dw;
      if (!(w >= wmin)) {
        wmin = w;
      }
      if (!(w <= wmax)) {
        wmax = w;
      }
    }
    double bMean = Stats.mean(means, k);
    return new Row(
        v,
        n,
        mean,
        n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)),
        min,
        max,
        k,
        Stats.sd(means, k, bMean),
        Stats.min(means, k),
        Stats.max(means, k),
        n < 2 ? Double.NaN : Math.sqrt(ssw / (n - 1)),
        wmin,
        wmax,
        k == 0 ? Double.NaN : (double) n / k);
  }

  /**
   * @return the index's unit column (the "between" dimension)
   */
  public String unitColumn() {
    return unitColumn;
  }

  /**
   * @return one row per variable, in order
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param variable a variable
   * @return its row
   * @throws IllegalArgumentException if the variable is not in the result
   */
  public Row row(String variable) {
    for (Row r : rows) {
      if (r.variable().equals(variable)) {
        return r;
      }
    }
    List<String> names = new ArrayList<>();
    for (Row r : rows) {
      names.add(r.variable());
    }
    throw new IllegalArgumentException(
        "no xtsum row for variable '" + variable + "'; variables: " + String.join(", ", names));
  }

  /**
   * @return notes on skipped missing values
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * The table in Stata's layout: three rows per variable (overall, between, within) with mean, sd,
   * min, max and the observation counts {@code N = …}, {@code n = …}, {@code T-bar = …}.
   *
   * @return the table
   */
  public Table toTable() {
    Table.Builder b =
        Table.builder(List.of("Variable", "", "Mean", "Sd", "Min", "Max", "Observations"))
            .caption("Panel variation (xtsum), units: " + unitColumn)
            .alignLeft(1);
    boolean first = true;
    for (Row r : rows) {
      if (!first) {
        b.rule();
      }
      first = false;
      int d =
          Stats.decimalsFor(
              Stats.maxAbs(r.mean(), r.overallSd(), r.overallMin(), r.overallMax(), r.withinMin()));
      b.row(
          r.variable(),
          "overall",
          Stats.num(r.mean(), d),
          Stats.num(r.overallSd(), d),
          Stats.num(r.overallMin(), d),
          Stats.num(r.overallMax(), d),
          "N = " + Stats.count(r.n()));
      b.row(
          "",
          "between",
          "",
          Stats.num(r.betweenSd(), d),
          Stats.num(r.betweenMin(), d),
          Stats.num(r.betweenMax(), d),
          "n = " + Stats.count(r.units()));
      String t =
          r.tBar() == Math.rint(r.tBar())
              ? "T = " + Stats.count((long) r.tBar())
              : "T-bar = " + Stats.num(r.tBar(), 2);
      b.row(
          "",
          "within",
          "",
          Stats.num(r.withinSd(), d),
          Stats.num(r.withinMin(), d),
          Stats.num(r.withinMax(), d),
          t);
    }
    b.note("Between: unit means across units; within: x - unit mean + overall mean (Stata xtsum).");
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
