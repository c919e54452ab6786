package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.table.Format;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * Totals (or row counts) by category with shares, cumulative shares and ranks: co-patents by
 * partner country, by region, by region and country.
 *
 * <p>For one category column: total<sub>c</sub> = &Sigma; of the value column over the rows of
 * category c (or the number of rows, for {@link #counts}); share<sub>c</sub> = 100 &middot;
 * total<sub>c</sub> / &Sigma; total; categories are listed by descending total (ties in level
 * order); the cumulative share adds the shares down that list; rank<sub>c</sub> = 1 + the number of
 * categories with a strictly larger total (ties share a rank, "1224" ranking).
 *
 * <p>With a second category ({@link #withBy2(String)}) each row is a (by, by2) cell: its share of
 * the grand total, its share within its {@code by} group, the cumulative within-group share and its
 * rank within the group; groups are listed by descending total and {@link #groupTotals()} holds the
 * group rows (as for one category).
 *
 * <p>Rows with a missing category or a missing value are left out, each with a {@link Note}.
 * Categories that never occur are not listed. Negative values are summed as they are (shares of a
 * total that mixes signs are hard to read; use non-negative quantities). When the grand total is
 * zero the shares are missing. One pass over the rows, then a sort of the categories.
 *
 * <p>Immutable and thread-safe.
 */
public final class Shares {
  /**
   * One category (or one cell of two categories).
   *
   * @param category the {@code by} label
   * @param category2 the {@code by2} label; empty for one category and for group rows
   * @param rows the rows counted
   * @param total the sum of the value (or the row count)
   * @param share percent of the grand total
   * @param shareWithin percent of the {@code by} group's total (equals {@code share} for one
   *     category)
   * @param cumulativeShare cumulative percent down the ranked list (within the group for two
   *     categories)
   * @param rank rank by descending total (within the group for two categories), ties share a rank
   */
  public record Row(
      String category,
      String category2,
      long rows,
      double total,
      double share,
      double shareWithin,
      double cumulativeShare,
      int rank) {
    /**
     * Validates the labels.
     *
     * @throws NullPointerException if a label is null
     */
    public Row {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(category2, "category2");
    }
  }

  private final Panel panel;
  private final String value;
  private final String by;
  private final String by2;
  private final double grandTotal;
  private final List<Row> groupRows;
  private final List<Row> rows;
  private final List<Note> notes;

  private Shares(Panel panel, String value, String by, String by2) {
    this.panel = panel;
    this.value = value;
    this.by = by;
    this.by2 = by2;
    Groups g1 = Groups.of(panel, by);
    Groups g2 = by2 == null ? null : Groups.of(panel, by2);
    double[] x = value == null ? null : panel.numeric(value);
    int k1 = g1.count();
    int k2 = g2 == null ? 1 : g2.count();
    double[] tot = new double[k1 * k2];
    long[] cnt = new long[k1 * k2];
    long missingCat = 0;
    long missingValue = 0;
    double grand = 0;
    for (int i = 0; i < g1.codes.length; i++) {
      int a = g1.codes[i];
      int c = g2 == null ? 0 : g2.codes[i];
      if (a < 0 || c < 0) {
        missingCat++;
        continue;
      }
      double v = x == null ? 1 : x[i];
      if (Double.isNaN(v)) {
        missingValue++;
        continue;
      }
      tot[a * k2 + c] += v;
      cnt[a * k2 + c]++;
      grand += v;
    }
    this.grandTotal = grand;
    double[] gt = new double[k1];
    long[] gc = new long[k1];
    for (int a = 0; a < k1; a++) {
      for (int c = 0; c < k2; c++) {
        gt[a] += tot[a * k2 + c];
        gc[a] += cnt[a * k2 + c];
      }
    }
    int[] present = present(gc, 0, k1, 1);
    List<Row> groups = ranked(present, gt, gc, g1.labels, null, grand, grand);
    List<Row> cells = new ArrayList<>();
    if (g2 != null) {
      for (Row gr : groups) {
        int a = indexOf(g1.labels, gr.category());
        int[] pc = present(cnt, a * k2, k2, 1);
        double[] t = new double[k2];
        long[] n = new long[k2];
        System.arraycopy(tot, a * k2, t, 0, k2);
        System.arraycopy(cnt, a * k2, n, 0, k2);
        cells.addAll(ranked(pc, t, n, g2.labels, gr.category(), grand, gt[a]));
      }
    }
    this.groupRows = groups;
    this.rows = g2 == null ? groups : List.copyOf(cells);
    List<Note> ns = new ArrayList<>();
    if (missingCat > 0) {
      String cols = by2 == null ? "'" + by + "'" : "'" + by + "' or '" + by2 + "'";
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              missingCat,
              missingCat
                  + " "
                  + Stats.plural(missingCat, "row", "rows")
                  + " with a missing "
                  + cols
                  + " left out",
              by2 == null ? List.of(by) : List.of(by, by2)));
    }
    if (missingValue > 0) {
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              missingValue,
              missingValue
                  + " "
                  + Stats.plural(missingValue, "row", "rows")
                  + " with a missing '"
                  + value
                  + "' left out",
              List.of(value)));
    }
    this.notes = List.copyOf(ns);
  }

  private static int indexOf(String[] labels, String label) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equals(label)) {
        return i;
      }
    }
    throw new IllegalStateException(label);
  }

  private static int[] present(long[] cnt, int from, int len, int min) {
    int m = 0;
    for (int c = 0; c < len; c++) {
      if (cnt[from + c] >= min) {
        m++;
      }
    }
    int[] out = new int[m];
    m = 0;
    for (int c = 0; c < len; c++) {
      if (cnt[from + c] >= min) {
        out[m++] = c;
      }
    }
    return out;
  }

  /** Ranks the present categories by descending total (stable), with shares. */
  private static List<Row> ranked(
      int[] present,
      double[] total,
      long[] count,
      String[] labels,
      String parent,
      double grand,
      double groupTotal) {
    Integer[] order = new Integer[present.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = present[i];
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(total[b], total[a]));
    List<Row> out = new ArrayList<>(order.length);
    double cum = 0;
    int rank = 0;
    for (int p = 0; p < order.length; p++) {
      int c = order[p];
      if (p == 0 || total[c] != total[order[p - 1]]) {
        rank = p + 1;
      }
      double share = grand == 0 ? Double.NaN : 100 * total[c] / grand;
      double within = groupTotal == 0 ? Double.NaN : 100 * total[c] / groupTotal;
      cum += within;
      out.add(
          new Row(
              parent == null ? labels[c] : parent,
              parent == null ? "" : labels[c],
              count[c],
              total[c],
              share,
              within,
              cum,
              rank));
    }
    return List.copyOf(out);
  }

  /**
   * Totals of a numeric column by the categories of another column.
   *
   * @param panel the data
   * @param valueColumn numeric column to sum (e.g. co-patents)
   * @param byColumn category column (categorical, or numeric codes)
   * @return the shares
   * @throws org.econ4j.core.SpecificationException if a column is unknown or the value column is
   *     categorical
   */
  public static Shares of(Panel panel, String valueColumn, String byColumn) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(valueColumn, "valueColumn");
    Objects.requireNonNull(byColumn, "byColumn");
    Stats.requireNumeric(panel, valueColumn, "shares");
    panel.type(byColumn);
    return new Shares(panel, valueColumn, byColumn, null);
  }

  /**
   * Row counts by the categories of a column.
   *
   * @param panel the data
   * @param byColumn category column
   * @return the counts and their shares
   * @throws org.econ4j.core.SpecificationException if the column is unknown
   */
  public static Shares counts(Panel panel, String byColumn) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(byColumn, "byColumn");
    panel.type(byColumn);
    return new Shares(panel, null, byColumn, null);
  }

  /**
   * Splits each category by a second one (e.g. region, then country).
   *
   * @param column the second category column
   * @return the recomputed shares
   * @throws org.econ4j.core.SpecificationException if the column is unknown
   */
  public Shares withBy2(String column) {
    Objects.requireNonNull(column, "column");
    panel.type(column);
    return new Shares(panel, value, by, column);
  }

  /**
   * @return the summed column; empty for row counts
   */
  public Optional<String> valueColumn() {
    return Optional.ofNullable(value);
  }

  /**
   * @return the first category column
   */
  public String by() {
    return by;
  }

  /**
   * @return the second category column, if any
   */
  public Optional<String> by2() {
    return Optional.ofNullable(by2);
  }

  /**
   * @return the grand total (or the number of rows counted)
   */
  public double grandTotal() {
    return grandTotal;
  }

  /**
   * @return the rows: categories by descending total; with two categories, the cells grouped by the
   *     first category (groups by descending total)
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return the rows of the first category alone (equal to {@link #rows()} for one category)
   */
  public List<Row> groupTotals() {
    return groupRows;
  }

  /**
   * @param category a first-category label
   * @return its row among {@link #groupTotals()}
   * @throws IllegalArgumentException if the category does not occur
   */
  public Row row(String category) {
    for (Row r : groupRows) {
      if (r.category().equals(category)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "category '" + category + "' does not occur in '" + by + "'");
  }

  /**
   * @param category a first-category label
   * @param category2 a second-category label
   * @return the cell's row
   * @throws IllegalArgumentException if the cell does not occur
   */
  public Row row(String category, String category2) {
    for (Row r : rows) {
      if (r.category().equals(category) && r.category2().equals(category2)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "cell ('" + category + "', '" + category2 + "') does not occur");
  }

  /**
   * @return notes on rows left out
   */
  public List<Note> notes() {
    return notes;
  }

  private String fmtTotal(double t) {
    return value == null ? Stats.count((long) t) : Format.auto(t, 2);
  }

  /**
   * The table: label(s), rows, total, share %, (within-group share %,) cumulative %, rank; with two
   * categories each group starts with its subtotal row marked "(all)".
   *
   * @return the table
   */
  public Table toTable() {
    String what = value == null ? "rows" : "'" + value + "'";
    List<String> header = new ArrayList<>();
    header.add(by);
    if (by2 != null) {
      header.add(by2);
    }
    header.addAll(List.of("Rows", value == null ? "Count" : "Total", "Share %"));
    if (by2 != null) {
      header.add("Share in " + by + " %");
    }
    header.addAll(List.of("Cum. %", "Rank"));
    String caption =
        (value == null ? "Counts" : "Totals of " + value)
            + " by "
            + by
            + (by2 == null ? "" : " and " + by2);
    Table.Builder b = Table.builder(header).caption(caption);
    if (by2 == null) {
      for (Row r : rows) {
        b.row(
            r.category(),
            Stats.count(r.rows()),
            fmtTotal(r.total()),
            Stats.pct(r.share()),
            Stats.pct(r.cumulativeShare()),
            Integer.toString(r.rank()));
      }
    } else {
      b.alignLeft(1);
      boolean first = true;
      double cum = 0;
      for (Row g : groupRows) {
        if (!first) {
          b.rule();
        }
        first = false;
        cum += g.share();
        b.row(
            g.category(),
            "(all)",
            Stats.count(g.rows()),
            fmtTotal(g.total()),
            Stats.pct(g.share()),
            Stats.pct(100),
            Stats.pct(cum),
            Integer.toString(g.rank()));
        for (Row r : rows) {
          if (!r.category().equals(g.category())) {
            continue;
          }
          b.row(
              "",
              r.category2(),
              Stats.count(r.rows()),
              fmtTotal(r.total()),
              Stats.pct(r.share()),
              Stats.pct(r.shareWithin()),
              Stats.pct(r.cumulativeShare()),
              Integer.toString(r.rank()));
        }
      }
    }
    b.rule();
    List<String> totalRow = new ArrayList<>();
    totalRow.add("Total");
    if (by2 != null) {
      totalRow.add("");
    }
    long n = 0;
    for (Row r : groupRows) {
      n += r.rows();
    }
    totalRow.add(Stats.count(n));
    totalRow.add(fmtTotal(grandTotal));
    totalRow.add(grandTotal == 0 ? "" : Stats.pct(100));
    b.row(totalRow);
    b.note(
        "Share % of the grand total of "
            + what
            + "; ranks by descending total"
            + (by2 == null ? "" : " (within " + by + " for " + by2)
            + (by2 == null ? "" : ")")
            + ", ties share a rank.");
    for (Note n2 : notes) {
      b.note(n2.message());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return toTable().render(TableFormat.TEXT);
  }
}
