package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.table.Table;
import org.econ4j.panel.Panel;

/**
 * Summary statistics per variable: N, mean, standard deviation, minimum, first quartile, median,
 * third quartile and maximum (the "Table 2" of an empirical paper), optionally per group.
 *
 * <p>Definitions, over the non-missing values x<sub>1</sub>, &hellip;, x<sub>N</sub> of a variable
 * (NaN values are skipped per variable, so N may differ between variables; each skip is a {@link
 * Note}):
 *
 * <ul>
 *   <li>mean = &Sigma; x<sub>i</sub> / N (with one correction pass, as R's {@code mean});
 *   <li>sd = &radic;(&Sigma; (x<sub>i</sub> &minus; mean)<sup>2</sup> / (N &minus; 1)), missing
 *       when N &lt; 2 (R {@code sd}, Stata {@code summarize});
 *   <li>quantile p = x<sub>(&lfloor;h&rfloor;+1)</sub> + (h &minus; &lfloor;h&rfloor;)
 *       (x<sub>(&lfloor;h&rfloor;+2)</sub> &minus; x<sub>(&lfloor;h&rfloor;+1)</sub>) with h = (N
 *       &minus; 1) p on the sorted values: R's default {@code quantile(type = 7)}, NumPy's default.
 *       (Stata's {@code summarize, detail} uses a different rule; expect small differences.)
 * </ul>
 *
 * <p>With {@link #withBy(String)} the statistics are computed within each group of a categorical
 * column (level order) or of a numeric column (ascending values); rows whose group is missing are
 * left out with a note. Cost: one copy and one sort per variable and group, O(N log N).
 *
 * <p>Immutable and thread-safe. Verified against R 4.2.2 on the Grunfeld data ({@code
 * DescribeReferenceTest}).
 */
public final class Summary {
  /**
   * The statistics of one variable (in one group).
   *
   * @param group the group label, empty without grouping
   * @param variable the variable
   * @param n non-missing values used
   * @param missing missing values skipped
   * @param mean the mean (NaN when n = 0)
   * @param sd the standard deviation, n &minus; 1 denominator (NaN when n &lt; 2)
   * @param min the minimum
   * @param p25 the first quartile (type 7)
   * @param median the median
   * @param p75 the third quartile (type 7)
   * @param max the maximum
   */
  public record Row(
      String group,
      String variable,
      long n,
      long missing,
      double mean,
      double sd,
      double min,
      double p25,
      double median,
      double p75,
      double max) {
    /**
     * Validates the labels.
     *
     * @throws NullPointerException if a label is null
     */
    public Row {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(variable, "variable");
    }
  }

  private final Panel panel;
  private final List<String> variables;
  private final String by;
  private final List<Row> rows;
  private final List<Note> notes;

  private Summary(Panel panel, List<String> variables, String by) {
    this.panel = panel;
    this.variables = variables;
    this.by = by;
    List<Row> out = new ArrayList<>();
    List<Note> ns = new ArrayList<>();
    if (by == null) {
      for (String v : variables) {
        double[] x = panel.numeric(v);
        Row r = compute("", v, x, x.length);
        out.add(r);
        if (r.missing() > 0) {
          ns.add(missingNote(v, r.missing(), r.n()));
        }
      }
    } else {
      Groups g = Groups.of(panel, by);
      int groups = g.count();
      int[] size = new int[groups];
      for (int c : g.codes) {
        if (c >= 0) {
          size[c]++;
        }
      }
      // rows of each group, contiguous (counting sort)
      int[] start = new int[groups + 1];
      for (int k = 0; k < groups; k++) {
        start[k + 1] = start[k] + size[k];
      }
      int[] order = new int[start[groups]];
      int[] fill = start.clone();
      for (int i = 0; i < g.codes.length; i++) {
        int c = g.codes[i];
        if (c >= 0) {
          order[fill[c]++] = i;
        }
      }
      long[] missingByVar = new long[variables.size()];
      double[] buf = new double[order.length];
      int nv = variables.size();
      Row[] cells = new Row[groups * nv];
      for (int j = 0; j < nv; j++) {
        double[] x = panel.numeric(variables.get(j));
        for (int k = 0; k < groups; k++) {
          int len = 0;
          for (int p = start[k]; p < start[k + 1]; p++) {
            buf[len++] = x[order[p]];
          }
          Row r = compute(g.labels[k], variables.get(j), buf, len);
          missingByVar[j] += r.missing();
          cells[k * nv + j] = r;
        }
      }
      out.addAll(java.util.Arrays.asList(cells));
      if (g.missing > 0) {
        ns.add(
            Note.of(
                Note.Kind.MISSING,
                g.missing,
                g.missing
                    + " "
                    + Stats.plural(g.missing, "row", "rows")
                    + " with a missing '"
                    + by
                    + "' left out of the grouped summary",
                List.of(by)));
      }
      for (int j = 0; j < variables.size(); j++) {
        if (missingByVar[j] > 0) {
          ns.add(
              Note.of(
                  Note.Kind.MISSING,
                  missingByVar[j],
                  "'"
                      + variables.get(j)
                      + "': "
                      + missingByVar[j]
                      + " missing "
                      + Stats.plural(missingByVar[j], "value", "values")
                      + " skipped (N per group in the table)",
                  List.of(variables.get(j))));
        }
      }
    }
    this.rows = List.copyOf(out);
    this.notes = List.copyOf(ns);
  }

  static Note missingNote(String variable, long missing, long n) {
    return Note.of(
        Note.Kind.MISSING,
        missing,
        "'"
            + variable
            + "': "
            + missing
            + " missing "
            + Stats.plural(missing, "value", "values")
            + " skipped (N = "
            + n
            + ")",
        List.of(variable));
  }

  private static Row compute(String group, String variable, double[] values, int length) {
    double[] x = new double[length];
    int n = 0;
    for (int i = 0; i < length; i++) {
      double v = values[i];
      if (!Double.isNaN(v)) {
        x[n++] = v;
      }
    }
    double mean = Stats.mean(x, n);
    double sd = Stats.sd(x, n, mean);
    java.util.Arrays.sort(x, 0, n);
    double min = n == 0 ? Double.NaN : x[0];
    double max = n == 0 ? Double.NaN : x[n - 1];
    return new Row(
        group,
        variable,
        n,
        length - n,
        mean,
        sd,
        min,
        Stats.quantileSorted(x, n, 0.25),
        Stats.quantileSorted(x, n, 0.5),
        Stats.quantileSorted(x, n, 0.75),
        max);
  }

  /**
   * Summary statistics of numeric variables over all rows.
   *
   * @param panel the data
   * @param variables numeric columns, at least one
   * @return the summary
   * @throws org.econ4j.core.SpecificationException if no variable is given, a column is unknown or
   *     a column is categorical
   */
  public static Summary of(Panel panel, String... variables) {
    return new Summary(panel, Stats.numericVariables(panel, "summary", variables), null);
  }

  /**
   * The same summary computed within each group of a column.
   *
   * @param column a categorical or numeric grouping column (e.g. {@code "region"})
   * @return the grouped summary
   * @throws org.econ4j.core.SpecificationException if the column is unknown
   */
  public Summary withBy(String column) {
    Objects.requireNonNull(column, "column");
    panel.type(column);
    return new Summary(panel, variables, column);
  }

  /**
   * @return the variables in order
   */
  public List<String> variables() {
    return variables;
  }

  /**
   * @return the grouping column, if any
   */
  public Optional<String> by() {
    return Optional.ofNullable(by);
  }

  /**
   * @return one row per variable (grouped: per group, then variable)
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param variable a variable of the (ungrouped) summary
   * @return its row
   * @throws IllegalArgumentException if the variable is not in the summary
   */
  public Row row(String variable) {
    return row("", variable);
  }

  /**
   * @param group a group label ({@code ""} without grouping)
   * @param variable a variable
   * @return the row
   * @throws IllegalArgumentException if there is no such row
   */
  public Row row(String group, String variable) {
    for (Row r : rows) {
      if (r.group().equals(group) && r.variable().equals(variable)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "no summary row for variable '"
            + variable
            + "'"
            + (group.isEmpty() ? "" : " in group '" + group + "'")
            + "; variables: "
            + String.join(", ", variables));
  }

  /**
   * @return notes on skipped missing values and rows without a group
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * The table: one row per variable with N (thousands separators) and the statistics with about
   * four significant digits (decimals chosen per row from its largest magnitude); grouped summaries
   * show a block per group separated by rules.
   *
   * @return the table
   */
  public Table toTable() {
    List<String> header = new ArrayList<>();
    if (by != null) {
      header.add(by);
    }
    header.addAll(List.of("Variable", "N", "Mean", "Sd", "Min", "P25", "Median", "P75", "Max"));
    Table.Builder b =
        Table.builder(header)
            .caption(by == null ? "Summary statistics" : "Summary statistics by " + by);
    if (by != null) {
      b.alignLeft(1);
    }
    String previous = null;
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      if (by != null) {
        boolean first = !r.group().equals(previous);
        if (first && previous != null) {
          b.rule();
        }
        cells.add(first ? r.group() : "");
        previous = r.group();
      }
      int d = Stats.decimalsFor(Stats.maxAbs(r.mean(), r.sd(), r.min(), r.max()));
      cells.add(r.variable());
      cells.add(Stats.count(r.n()));
      cells.add(Stats.num(r.mean(), d));
      cells.add(Stats.num(r.sd(), d));
      cells.add(Stats.num(r.min(), d));
      cells.add(Stats.num(r.p25(), d));
      cells.add(Stats.num(r.median(), d));
      cells.add(Stats.num(r.p75(), d));
      cells.add(Stats.num(r.max(), d));
      b.row(cells);
    }
    b.note("Sd with N - 1; quartiles by linear interpolation (R type 7).");
    for (Note n : notes) {
      b.note(n.message());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return toTable().render(org.econ4j.core.table.TableFormat.TEXT);
  }
}
