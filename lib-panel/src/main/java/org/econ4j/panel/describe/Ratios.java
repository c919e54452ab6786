package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Format;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * A ratio indicator of two columns, r<sub>i</sub> = scale &middot; a<sub>i</sub> / b<sub>i</sub>,
 * such as import dependence = 100 &middot; imports / GDP or a technology share = 100 &middot;
 * patents in a field / all patents: as a new column, or summarised per group and period.
 *
 * <p>Row values are missing when either column is missing or the denominator is zero (a note counts
 * the zero denominators). The summary ({@link #withBy(String...)}, by up to two columns, e.g.
 * region and year) gives for each cell the rows with a ratio, the two sums, the <b>ratio of
 * sums</b> scale &middot; &Sigma; a / &Sigma; b (the aggregate indicator: the region's imports over
 * the region's GDP) and the <b>mean of the row ratios</b> (the average unit's indicator), with
 * their minimum and maximum; both sums run over the rows where the ratio is defined.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ratios {
  /**
   * The summary of the ratio in one cell.
   *
   * @param group the label of the first {@code by} column (or {@code "All"})
   * @param group2 the label of the second {@code by} column (empty when there is none)
   * @param n rows with a defined ratio
   * @param numeratorSum &Sigma; a over those rows
   * @param denominatorSum &Sigma; b over those rows
   * @param ratioOfSums scale &middot; &Sigma; a / &Sigma; b
   * @param meanRatio mean of the row ratios
   * @param min smallest row ratio
   * @param max largest row ratio
   */
  public record Row(
      String group,
      String group2,
      long n,
      double numeratorSum,
      double denominatorSum,
      double ratioOfSums,
      double meanRatio,
      double min,
      double max) {
    /**
     * Validates the labels.
     *
     * @throws NullPointerException if a label is null
     */
    public Row {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(group2, "group2");
    }
  }

  private final Panel panel;
  private final String numerator;
  private final String denominator;
  private final double scale;
  private final String name;
  private final List<String> by;
  private final double[] values;
  private final List<Row> rows;
  private final List<Note> notes;

  private Ratios(
      Panel panel,
      String numerator,
      String denominator,
      double scale,
      String name,
      List<String> by) {
    this.panel = panel;
    this.numerator = numerator;
    this.denominator = denominator;
    this.scale = scale;
    this.name = name;
    this.by = by;
    double[] a = panel.numeric(numerator);
    double[] b = panel.numeric(denominator);
    int n = a.length;
    double[] r = new double[n];
    long zero = 0;
    long missing = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
        r[i] = Double.NaN;
        missing++;
      } else if (b[i] == 0) {
        r[i] = Double.NaN;
        zero++;
      } else {
        r[i] = scale * a[i] / b[i];
      }
    }
    this.values = r;
    Groups g1 = by.isEmpty() ? null : Groups.of(panel, by.get(0));
    Groups g2 = by.size() < 2 ? null : Groups.of(panel, by.get(1));
    int k1 = g1 == null ? 1 : g1.count();
    int k2 = g2 == null ? 1 : g2.count();
    int cells = k1 * k2;
    long[] cnt = new long[cells];
    double[] sa = new double[cells];
    double[] sb = new double[cells];
    double[] sr = new double[cells];
    double[] mn = new double[cells];
    double[] mx = new double[cells];
    java.util.Arrays.fill(mn, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(mx, Double.NEGATIVE_INFINITY);
    long noGroup = 0;
    for (int i = 0; i < n; i++) {
      int c1 = g1 == null ? 0 : g1.codes[i];
      int c2 = g2 == null ? 0 : g2.codes[i];
      if (c1 < 0 || c2 < 0) {
        noGroup++;
        continue;
      }
      double ri = r[i];
      if (Double.isNaN(ri)) {
        continue;
      }
      int c = c1 * k2 + c2;
      cnt[c]++;
      sa[c] += a[i];
      sb[c] += b[i];
      sr[c] += ri;
      mn[c] = Math.min(mn[c], ri);
      mx[c] = Math.max(mx[c], ri);
    }
    List<Row> out = new ArrayList<>();
    for (int c1 = 0; c1 < k1; c1++) {
      for (int c2 = 0; c2 < k2; c2++) {
        int c = c1 * k2 + c2;
        if (cnt[c] == 0) {
          continue;
        }
        out.add(
            new Row(
                g1 == null ? "All" : g1.labels[c1],
                g2 == null ? "" : g2.labels[c2],
                cnt[c],
                sa[c],
                sb[c],
                sb[c] == 0 ? Double.NaN : scale * sa[c] / sb[c],
                sr[c] / cnt[c],
                mn[c],
                mx[c]));
      }
    }
    this.rows = List.copyOf(out);
    List<Note> ns = new ArrayList<>();
    if (missing > 0) {
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              missing,
              missing
                  + " "
                  + Stats.plural(missing, "row has", "rows have")
                  + " a missing '"
                  + numerator
                  + "' or '"
                  + denominator
                  + "'; ratio missing",
              List.of(numerator, denominator)));
    }
    if (zero > 0) {
      ns.add(
          Note.of(
              Note.Kind.NON_FINITE,
              zero,
              zero
                  + " "
                  + Stats.plural(zero, "row has", "rows have")
                  + " a zero '"
                  + denominator
                  + "'; ratio missing",
              List.of(denominator)));
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
                  + String.join("' or '", by)
                  + "' left out of the summary",
              by));
    }
    this.notes = List.copyOf(ns);
  }

  /**
   * The ratio a / b of two numeric columns (scale 1, summarised over all rows).
   *
   * @param panel the data
   * @param numerator numeric column a
   * @param denominator numeric column b
   * @return the ratio
   * @throws SpecificationException if a column is unknown or categorical
   */
  public static Ratios of(Panel panel, String numerator, String denominator) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    Stats.requireNumeric(panel, numerator, "a ratio");
    Stats.requireNumeric(panel, denominator, "a ratio");
    return new Ratios(
        panel, numerator, denominator, 1.0, numerator + "_to_" + denominator, List.of());
  }

  /**
   * @param factor the multiplier (100 for percent)
   * @return the recomputed ratio
   * @throws IllegalArgumentException if the factor is not finite or is zero
   */
  public Ratios withScale(double factor) {
    if (!Double.isFinite(factor) || factor == 0) {
      throw new IllegalArgumentException(
          "ratio scale must be a finite non-zero number, got " + factor);
    }
    return new Ratios(panel, numerator, denominator, factor, name, by);
  }

  /**
   * @param columnName the name of the column {@link #addTo()} adds (default {@code
   *     numerator_to_denominator})
   * @return the ratio with the new name
   */
  public Ratios withName(String columnName) {
    Objects.requireNonNull(columnName, "columnName");
    if (columnName.isEmpty()) {
      throw new SpecificationException("ratio column name is empty; give the ratio a name");
    }
    return new Ratios(panel, numerator, denominator, scale, columnName, by);
  }

  /**
   * Summarises per cell of one or two columns (e.g. {@code withBy("region", "year")}).
   *
   * @param columns one or two grouping columns; none for the whole sample
   * @return the recomputed summary
   * @throws SpecificationException if a column is unknown or more than two are given
   */
  public Ratios withBy(String... columns) {
    Objects.requireNonNull(columns, "columns");
    if (columns.length > 2) {
      throw new SpecificationException(
          "ratio summary by "
              + columns.length
              + " columns ("
              + String.join(", ", columns)
              + "); give at most two, e.g. a group and a period");
    }
    for (String c : columns) {
      panel.type(Objects.requireNonNull(c, "column"));
    }
    return new Ratios(panel, numerator, denominator, scale, name, List.of(columns));
  }

  /**
   * @return the name of the ratio column
   */
  public String name() {
    return name;
  }

  /**
   * @return the scale factor
   */
  public double scale() {
    return scale;
  }

  /**
   * @return one ratio per panel row (NaN where undefined); a copy
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * @return the panel with the ratio added as the numeric column {@link #name()}
   */
  public Panel addTo() {
    return panel.withColumn(name, values);
  }

  /**
   * @return the summary rows, one per (group, group2) cell that has a ratio
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param group the first label ({@code "All"} without grouping)
   * @param group2 the second label (empty with fewer than two grouping columns)
   * @return the row
   * @throws IllegalArgumentException if there is no such row
   */
  public Row row(String group, String group2) {
    for (Row r : rows) {
      if (r.group().equals(group) && r.group2().equals(group2)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no ratio summary for ('" + group + "', '" + group2 + "')");
  }

  /**
   * @return notes on missing values and zero denominators
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * The summary table: cell labels, N, ratio of sums, mean, min and max of the row ratios.
   *
   * @return the table
   */
  public Table toTable() {
    List<String> header = new ArrayList<>();
    header.add(by.isEmpty() ? "" : by.get(0));
    if (by.size() > 1) {
      header.add(by.get(1));
    }
    header.addAll(List.of("N", "Ratio of sums", "Mean ratio", "Min", "Max"));
    String what =
        (scale == 1 ? "" : Format.auto(scale, 4) + " * ") + numerator + " / " + denominator;
    Table.Builder b =
        Table.builder(header)
            .caption(name + " = " + what + (by.isEmpty() ? "" : " by " + String.join(" and ", by)));
    if (by.size() > 1) {
      b.alignLeft(1);
    }
    double big = 0;
    for (Row r : rows) {
      big = Math.max(big, Stats.maxAbs(r.ratioOfSums(), r.meanRatio(), r.min(), r.max()));
    }
    int d = Stats.decimalsFor(big);
    String previous = null;
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(r.group().equals(previous) && by.size() > 1 ? "" : r.group());
      if (by.size() > 1) {
        cells.add(r.group2());
      }
      previous = r.group();
      cells.add(Stats.count(r.n()));
      cells.add(Stats.num(r.ratioOfSums(), d));
      cells.add(Stats.num(r.meanRatio(), d));
      cells.add(Stats.num(r.min(), d));
      cells.add(Stats.num(r.max(), d));
      b.row(cells);
    }
    b.note("Ratio of sums = aggregate indicator; mean ratio = average of the row ratios.");
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
