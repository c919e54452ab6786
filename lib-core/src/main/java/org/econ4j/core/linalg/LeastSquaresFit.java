package org.econ4j.core.linalg;

/**
 * The result of {@link LeastSquares}: coefficients (NaN for dropped columns), the kept and dropped
 * column indices, for each dropped column the kept columns it is collinear with, residuals, fitted
 * values, the bread (X'WX)<sup>&minus;1</sup> of the kept columns, the weighted residual sum of
 * squares and the rank.
 *
 * <p>Residuals are on the original scale, e<sub>i</sub> = y<sub>i</sub> &minus;
 * x<sub>i</sub>'&beta; (not multiplied by &radic;w); {@link #rss()} is &Sigma; w<sub>i</sub>
 * e<sub>i</sub><sup>2</sup>. Arrays are copied out; fitted values are derived on demand from the
 * residuals and the outcome given to the solver (see {@link #fitted()}). Immutable and thread-safe.
 */
public final class LeastSquaresFit {
  static {
    org.econ4j.core.internal.SharedFits.register(f -> f.residuals);
  }

  private final double[] coefficients;
  private final int[] kept;
  private final int[] dropped;
  private final int[][] partners;
  private final double[] droppedRatio;
  private final double[] residuals;
  private final double[] y;
  private final double[][] bread;
  private final double rss;
  private final double tolerance;

  LeastSquaresFit(
      double[] coefficients,
      int[] kept,
      int[] dropped,
      int[][] partners,
      double[] droppedRatio,
      double[] residuals,
      double[] y,
      double[][] bread,
      double rss,
      double tolerance) {
    this.coefficients = coefficients;
    this.kept = kept;
    this.dropped = dropped;
    this.partners = partners;
    this.droppedRatio = droppedRatio;
    this.residuals = residuals;
    this.y = y;
    this.bread = bread;
    this.rss = rss;
    this.tolerance = tolerance;
  }

  /**
   * @return &beta; for every column of X, NaN for dropped columns (copy)
   */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * @return &beta; of the kept columns, in the order of {@link #keptColumns()} (copy)
   */
  public double[] keptCoefficients() {
    double[] b = new double[kept.length];
    for (int k = 0; k < kept.length; k++) {
      b[k] = coefficients[kept[k]];
    }
    return b;
  }

  /**
   * @return indices of the kept columns, increasing (copy)
   */
  public int[] keptColumns() {
    return kept.clone();
  }

  /**
   * @return indices of the dropped columns, increasing (copy)
   */
  public int[] droppedColumns() {
    return dropped.clone();
  }

  /**
   * @param column a column index
   * @return whether that column was dropped
   */
  public boolean isDropped(int column) {
    checkColumn(column);
    return Double.isNaN(coefficients[column]);
  }

  /**
   * The kept columns a dropped column is (numerically) a linear combination of: those whose
   * coefficient in the regression of the dropped column on the columns accepted before it
   * contributes more than 1e-6 of its norm. Empty for a column that is zero (for example absorbed
   * by fixed effects), and for kept columns.
   *
   * @param column a column index
   * @return kept column indices, increasing (copy)
   */
  public int[] collinearWith(int column) {
    checkColumn(column);
    int[] p = partners[column];
    return p == null ? new int[0] : p.clone();
  }

  /**
   * @param column a dropped column index
   * @return the ratio &#8214;(I &minus; P<sub>A</sub>) x<sub>j</sub>&#8214; / reference norm that
   *     made the column fail the rank rule (0 for kept columns)
   */
  public double droppedNormRatio(int column) {
    checkColumn(column);
    return droppedRatio[column];
  }

  /**
   * @return residuals y &minus; X&beta; (copy)
   */
  public double[] residuals() {
    return residuals.clone();
  }

  /**
   * Fitted values, computed on demand as y &minus; e from the outcome passed to {@link
   * LeastSquares} (the fit keeps a reference to it instead of an n-sized copy, so the outcome must
   * not be modified while fitted values are still wanted).
   *
   * @return fitted values X&beta; (a new array)
   */
  public double[] fitted() {
    double[] f = new double[residuals.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = y[i] - residuals[i];
    }
    return f;
  }

  /**
   * @return (X'WX)<sup>&minus;1</sup> of the kept columns, in the order of {@link #keptColumns()},
   *     row-major (copy)
   */
  public double[][] bread() {
    double[][] b = new double[bread.length][];
    for (int i = 0; i < b.length; i++) {
      b[i] = bread[i].clone();
    }
    return b;
  }

  /**
   * @return the weighted residual sum of squares &Sigma; w e<sup>2</sup>
   */
  public double rss() {
    return rss;
  }

  /**
   * @return the number of kept columns
   */
  public int rank() {
    return kept.length;
  }

  /**
   * @return the number of observations
   */
  public int nobs() {
    return residuals.length;
  }

  /**
   * @return the collinearity tolerance used
   */
  public double tolerance() {
    return tolerance;
  }

  private void checkColumn(int column) {
    if (column < 0 || column >= coefficients.length) {
      throw new IndexOutOfBoundsException(
          "column " + column + " out of range [0, " + coefficients.length + ")");
    }
  }
}
