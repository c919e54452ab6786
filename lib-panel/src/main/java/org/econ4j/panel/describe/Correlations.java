package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;

/**
 * Pearson correlation matrices with the means and standard deviations beside them: the "summary
 * statistics and correlation matrix" table, for the whole sample or per subsample.
 *
 * <p>r<sub>ab</sub> = &Sigma; (a<sub>i</sub> &minus; a&#772;)(b<sub>i</sub> &minus; b&#772;) /
 * &radic;(&Sigma; (a<sub>i</sub> &minus; a&#772;)<sup>2</sup> &Sigma; (b<sub>i</sub> &minus;
 * b&#772;)<sup>2</sup>) over a set of rows (two passes: means first, then centred sums).
 *
 * <p>Missing values ({@link Missing}): {@link Missing#PAIRWISE} (the default, R's {@code use =
 * "pairwise.complete.obs"}) computes each r<sub>ab</sub> over the rows where both a and b are
 * present, and each mean and sd over the rows where that variable is present; {@link
 * Missing#LISTWISE} (R's {@code "complete.obs"}, Stata's {@code correlate}) first keeps the rows
 * where every variable is present and computes everything on them. Dropped rows are reported as
 * {@link Note}s. A correlation with a constant variable, or with fewer than two rows, is missing
 * (NaN).
 *
 * <p>Subsamples: {@link #withBy(String)} gives one block per group of a column; {@link
 * #withSubsample(String, boolean[])} and {@link #withSubsample(String, IntPredicate)} add named row
 * filters (e.g. leading versus lagging regions); subsamples may overlap. Without them there is a
 * single block named {@code "All"}. Cost O(N k<sup>2</sup>) per block for k variables, and one row
 * mask per block: meant for a handful of subsamples, not for thousands of groups.
 *
 * <p>Immutable and thread-safe ({@code withX} returns a new, recomputed result). Verified against R
 * 4.2.2 {@code cor()} on the Grunfeld data ({@code DescribeReferenceTest}).
 */
public final class Correlations {
  /** How rows with missing values are handled. */
  public enum Missing {
    /**
     * Each correlation over the rows where both variables are present (R pairwise.complete.obs).
     */
    PAIRWISE,
    /** Only rows where every variable is present (R complete.obs, Stata correlate). */
    LISTWISE
  }

  /** Statistics and correlations of one sample or subsample. */
  public static final class Block {
    private final String name;
    private final List<String> variables;
    private final long rows;
    private final long[] n;
    private final double[] mean;
    private final double[] sd;
    private final double[] corr;
    private final long[] pairN;

    private Block(
        String name,
        List<String> variables,
        long rows,
        long[] n,
        double[] mean,
        double[] sd,
        double[] corr,
        long[] pairN) {
      this.name = name;
      this.variables = variables;
      this.rows = rows;
      this.n = n;
      this.mean = mean;
      this.sd = sd;
      this.corr = corr;
      this.pairN = pairN;
    }

    /**
     * @return the sample's name ({@code "All"}, a group label or a subsample name)
     */
    public String name() {
      return name;
    }

    /**
     * @return rows in the sample (listwise: the complete rows used)
     */
    public long rows() {
      return rows;
    }

    private int idx(String variable) {
      int i = variables.indexOf(variable);
      if (i < 0) {
        throw new IllegalArgumentException(
            "variable '"
                + variable
                + "' is not in the correlation matrix; variables: "
                + String.join(", ", variables));
      }
      return i;
    }

    /**
     * @param variable a variable
     * @return its non-missing observations used for its mean and sd
     */
    public long n(String variable) {
      return n[idx(variable)];
    }

    /**
     * @param variable a variable
     * @return its mean
     */
    public double mean(String variable) {
      return mean[idx(variable)];
    }

    /**
     * @param variable a variable
     * @return its standard deviation (n &minus; 1)
     */
    public double sd(String variable) {
      return sd[idx(variable)];
    }

    /**
     * @param a a variable
     * @param b another variable
     * @return the Pearson correlation (1 on the diagonal; NaN when undefined)
     */
    public double correlation(String a, String b) {
      return corr[idx(a) * variables.size() + idx(b)];
    }

    /**
     * @param a a variable
     * @param b another variable
     * @return the rows the correlation was computed on
     */
    public long pairCount(String a, String b) {
      return pairN[idx(a) * variables.size() + idx(b)];
    }

    /**
     * @return the k &times; k correlation matrix in variable order (a copy)
     */
    public double[][] matrix() {
      int k = variables.size();
      double[][] m = new double[k][k];
      for (int i = 0; i < k; i++) {
        System.arraycopy(corr, i * k, m[i], 0, k);
      }
      return m;
    }
  }

  private final Panel panel;
  private final List<String> variables;
  private final Missing missing;
  private final LinkedHashMap<String, boolean[]> subsamples;
  private final String by;
  private final List<Block> blocks;
  private final List<Note> notes;

  private Correlations(
      Panel panel,
      List<String> variables,
      Missing missing,
      LinkedHashMap<String, boolean[]> subsamples,
      String by) {
    this.panel = panel;
    this.variables = variables;
    this.missing = missing;
    this.subsamples = subsamples;
    this.by = by;
    int k = variables.size();
    double[][] cols = new double[k][];
    for (int j = 0; j < k; j++) {
      cols[j] = panel.numeric(variables.get(j));
    }
    List<Note> ns = new ArrayList<>();
    LinkedHashMap<String, boolean[]> samples = new LinkedHashMap<>();
    if (by != null) {
      Groups g = Groups.of(panel, by);
      for (int c = 0; c < g.count(); c++) {
        boolean[] m = new boolean[panel.rows()];
        for (int i = 0; i < m.length; i++) {
          m[i] = g.codes[i] == c;
        }
        samples.put(g.labels[c], m);
      }
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
                    + "' belong to no subsample",
                List.of(by)));
      }
    }
    samples.putAll(subsamples);
    if (samples.isEmpty()) {
      samples.put("All", null);
    }
    List<Block> bs = new ArrayList<>();
    for (Map.Entry<String, boolean[]> e : samples.entrySet()) {
      bs.add(compute(e.getKey(), e.getValue(), cols, ns));
    }
    this.blocks = List.copyOf(bs);
    this.notes = List.copyOf(ns);
  }

  private Block compute(String name, boolean[] mask, double[][] cols, List<Note> ns) {
    int k = cols.length;
    int rows = panel.rows();
    boolean[] use = new boolean[rows];
    long inSample = 0;
    long complete = 0;
    for (int i = 0; i < rows; i++) {
      if (mask != null && !mask[i]) {
        continue;
      }
      inSample++;
      boolean ok = true;
      for (int j = 0; j < k && ok; j++) {
        ok = !Double.isNaN(cols[j][i]);
      }
      if (ok) {
        complete++;
      }
      use[i] = missing == Missing.PAIRWISE || ok;
    }
    String where = name.equals("All") && mask == null ? "" : " in '" + name + "'";
    if (missing == Missing.LISTWISE && complete < inSample) {
      long dropped = inSample - complete;
      ns.add(
          Note.of(
              Note.Kind.MISSING,
              dropped,
              dropped
                  + " "
                  + Stats.plural(dropped, "row", "rows")
                  + where
                  + " with a missing value dropped (listwise)",
              variables));
    }
    long[] n = new long[k];
    double[] mean = new double[k];
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      double[] x = cols[j];
      long c = 0;
      double s = 0;
      for (int i = 0; i < rows; i++) {
        if (use[i] && !Double.isNaN(x[i])) {
          c++;
          s += x[i];
        }
      }
      double m = c == 0 ? Double.NaN : s / c;
      double ss = 0;
      for (int i = 0; i < rows; i++) {
        if (use[i] && !Double.isNaN(x[i])) {
          double d = x[i] - m;
          ss += d * d;
        }
      }
      n[j] = c;
      mean[j] = m;
      sd[j] = c < 2 ? Double.NaN : Math.sqrt(ss / (c - 1));
    }
    if (missing == Missing.PAIRWISE) {
      for (int j = 0; j < k; j++) {
        long miss = inSample - n[j];
        if (miss > 0) {
          ns.add(
              Note.of(
                  Note.Kind.MISSING,
                  miss,
                  "'"
                      + variables.get(j)
                      + "'"
                      + where
                      + ": "
                      + miss
                      + " missing "
                      + Stats.plural(miss, "value", "values")
                      + " skipped (pairwise-complete correlations)",
                  List.of(variables.get(j))));
        }
      }
    }
    double[] corr = new double[k * k];
    long[] pairN = new long[k * k];
    for (int a = 0; a < k; a++) {
      corr[a * k + a] = n[a] >= 2 && sd[a] > 0 ? 1.0 : Double.NaN;
      pairN[a * k + a] = n[a];
      for (int b = a + 1; b < k; b++) {
        double[] x = cols[a];
        double[] y = cols[b];
        long c = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < rows; i++) {
          if (use[i] && !Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
            c++;
            sx += x[i];
            sy += y[i];
          }
        }
        double mx = sx / c;
        double my = sy / c;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < rows; i++) {
          if (use[i] && !Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
          }
        }
        double r = c < 2 || sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
        if (r > 1) {
          r = 1;
        } else if (r < -1) {
          r = -1;
        }
        corr[a * k + b] = r;
        corr[b * k + a] = r;
        pairN[a * k + b] = c;
        pairN[b * k + a] = c;
      }
    }
    return new Block(
        name,
        variables,
        missing == Missing.LISTWISE ? complete : inSample,
        n,
        mean,
        sd,
        corr,
        pairN);
  }

  /**
   * Pairwise-complete correlations of numeric variables over all rows.
   *
   * @param panel the data
   * @param variables numeric columns, at least one
   * @return the result
   * @throws SpecificationException if no variable is given, or a column is unknown or categorical
   */
  public static Correlations of(Panel panel, String... variables) {
    return new Correlations(
        panel,
        Stats.numericVariables(panel, "correlations", variables),
        Missing.PAIRWISE,
        new LinkedHashMap<>(),
        null);
  }

  /**
   * @param rule how to treat missing values
   * @return the recomputed result
   */
  public Correlations withMissing(Missing rule) {
    return new Correlations(panel, variables, Objects.requireNonNull(rule, "rule"), subsamples, by);
  }

  /**
   * Shorthand for {@code withMissing(Missing.LISTWISE)}.
   *
   * @return the recomputed result
   */
  public Correlations withListwise() {
    return withMissing(Missing.LISTWISE);
  }

  /**
   * One block per group of a column (categorical in level order, numeric ascending), before any
   * named subsamples.
   *
   * @param column the grouping column
   * @return the recomputed result
   * @throws SpecificationException if the column is unknown
   */
  public Correlations withBy(String column) {
    Objects.requireNonNull(column, "column");
    panel.type(column);
    return new Correlations(panel, variables, missing, subsamples, column);
  }

  /**
   * Adds a named subsample given by a row mask.
   *
   * @param name the subsample's name, unique
   * @param rows one flag per panel row; copied
   * @return the recomputed result
   * @throws SpecificationException if the name is taken
   * @throws IllegalArgumentException if the mask length differs from the panel's rows
   */
  public Correlations withSubsample(String name, boolean[] rows) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rows, "rows");
    if (rows.length != panel.rows()) {
      throw new IllegalArgumentException(
          "subsample '"
              + name
              + "' mask has "
              + rows.length
              + " rows but the panel has "
              + panel.rows());
    }
    if (subsamples.containsKey(name)) {
      throw new SpecificationException(
          "subsample '" + name + "' is given twice; give each subsample its own name");
    }
    LinkedHashMap<String, boolean[]> m = new LinkedHashMap<>(subsamples);
    m.put(name, rows.clone());
    return new Correlations(panel, variables, missing, m, by);
  }

  /**
   * Adds a named subsample given by a predicate on the row number.
   *
   * @param name the subsample's name, unique
   * @param rowFilter true for the rows (0-based) in the subsample
   * @return the recomputed result
   */
  public Correlations withSubsample(String name, IntPredicate rowFilter) {
    Objects.requireNonNull(rowFilter, "rowFilter");
    boolean[] m = new boolean[panel.rows()];
    for (int i = 0; i < m.length; i++) {
      m[i] = rowFilter.test(i);
    }
    return withSubsample(name, m);
  }

  /**
   * @return the variables in order
   */
  public List<String> variables() {
    return variables;
  }

  /**
   * @return the missing-value rule
   */
  public Missing missing() {
    return missing;
  }

  /**
   * @return the blocks: groups of {@link #withBy}, then named subsamples; or the single block
   *     {@code "All"}
   */
  public List<Block> blocks() {
    return blocks;
  }

  /**
   * @param name a block name
   * @return the block
   * @throws IllegalArgumentException if there is no such block
   */
  public Block block(String name) {
    List<String> names = new ArrayList<>();
    for (Block b : blocks) {
      if (b.name().equals(name)) {
        return b;
      }
      names.add(b.name());
    }
    throw new IllegalArgumentException(
        "no correlation block '" + name + "'; blocks: " + String.join(", ", names));
  }

  /**
   * The correlation in the first block (the whole sample when no subsample was asked for).
   *
   * @param a a variable
   * @param b another variable
   * @return the Pearson correlation
   */
  public double correlation(String a, String b) {
    return blocks.get(0).correlation(a, b);
  }

  /**
   * @return notes on missing values and rows outside every group
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * The table: per variable N, mean, sd, then the lower triangle of the correlation matrix in
   * columns (1), (2), &hellip; with three decimals; one block per subsample, separated by rules.
   *
   * @return the table
   */
  public Table toTable() {
    int k = variables.size();
    boolean blocked = blocks.size() > 1 || !blocks.get(0).name().equals("All");
    List<String> header = new ArrayList<>();
    if (blocked) {
      header.add(by != null && subsamples.isEmpty() ? by : "Sample");
    }
    header.addAll(List.of("Variable", "N", "Mean", "Sd"));
    for (int j = 0; j < k; j++) {
      header.add("(" + (j + 1) + ")");
    }
    Table.Builder b =
        Table.builder(header)
            .caption(
                "Summary statistics and correlations ("
                    + (missing == Missing.PAIRWISE ? "pairwise-complete" : "listwise")
                    + ")");
    if (blocked) {
      b.alignLeft(1);
    }
    boolean firstBlock = true;
    for (Block bl : blocks) {
      if (!firstBlock) {
        b.rule();
      }
      firstBlock = false;
      for (int i = 0; i < k; i++) {
        List<String> cells = new ArrayList<>();
        if (blocked) {
          cells.add(i == 0 ? bl.name() : "");
        }
        int d = Stats.decimalsFor(Stats.maxAbs(bl.mean[i], bl.sd[i]));
        cells.add("(" + (i + 1) + ") " + variables.get(i));
        cells.add(Stats.count(bl.n[i]));
        cells.add(Stats.num(bl.mean[i], d));
        cells.add(Stats.num(bl.sd[i], d));
        for (int j = 0; j <= i; j++) {
          cells.add(Stats.num(bl.corr[i * k + j], 3));
        }
        b.row(cells);
      }
    }
    b.note(
        "Pearson correlations; "
            + (missing == Missing.PAIRWISE
                ? "each over the rows where both variables are present."
                : "rows with any missing value dropped."));
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
