package org.econ4j.count.internal;

/**
 * Base of the conditional (fixed-effect-free) likelihoods: the log-likelihood of each unit's
 * outcomes conditional on the unit's total count, summed over units. Units are processed in fixed
 * chunks of {@value #UNITS_PER_CHUNK} on a {@link ChunkedExecutor}; partial sums are reduced in
 * chunk order, so results are bit-identical for any thread count.
 *
 * <p>Subclasses implement one unit's contribution. Workspaces are allocated once; evaluations
 * allocate nothing per observation.
 */
public abstract class ConditionalLikelihood implements Objective {

  /** Units per chunk (fixed: determinism must not depend on the thread count). */
  public static final int UNITS_PER_CHUNK = 256;

  /** Outcomes (kept rows only). */
  protected final double[] y;

  /** Regressors, column-major: x[j][row]. */
  protected final double[][] x;

  /** Rows grouped by unit. */
  protected final GroupLayout layout;

  /** Number of parameters. */
  protected final int k;

  /** Per-row scratch (linear predictor or &lambda;), written by the chunk owning the row. */
  protected final double[] rowWork;

  /** Total count per unit. */
  protected final double[] unitTotal;

  private final ChunkedExecutor exec;
  private final int nChunks;
  private final double[][] partial;
  private final double[][] chunkWork;
  private final ChunkedExecutor.ChunkBody body;
  private double[] curBeta;
  private boolean curDerivs;

  /**
   * @param y outcomes
   * @param x regressors (k columns of y.length rows)
   * @param unit unit code per row, 0 &hellip; units &minus; 1
   * @param units number of units
   * @param exec executor
   */
  protected ConditionalLikelihood(
      double[] y, double[][] x, int[] unit, int units, ChunkedExecutor exec) {
    this.y = y;
    this.x = x;
    this.k = x.length;
    this.layout = GroupLayout.of(unit, units);
    this.exec = exec;
    this.rowWork = new double[y.length];
    this.unitTotal = new double[units];
    for (int i = 0; i < y.length; i++) {
      unitTotal[unit[i]] += y[i];
    }
    this.nChunks = ChunkedExecutor.chunkCount(units, UNITS_PER_CHUNK);
    this.partial = new double[nChunks][1 + k + k * k];
    this.chunkWork = new double[nChunks][3 * k];
    this.body = this::runChunk;
  }

  @Override
  public final int dim() {
    return k;
  }

  @Override
  public final double value(double[] beta, double[] grad, double[] hess, boolean derivs) {
    curBeta = beta;
    curDerivs = derivs;
    exec.run(nChunks, body);
    double ll = 0;
    if (derivs) {
      java.util.Arrays.fill(grad, 0, k, 0.0);
      java.util.Arrays.fill(hess, 0, k * k, 0.0);
    }
    for (int c = 0; c < nChunks; c++) {
      double[] p = partial[c];
      ll += p[0];
      if (derivs) {
        for (int a = 0; a < k; a++) {
          grad[a] += p[1 + a];
        }
        for (int a = 0; a < k; a++) {
          for (int b = a; b < k; b++) {
            hess[a * k + b] += p[1 + k + a * k + b];
          }
        }
      }
    }
    if (derivs) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < a; b++) {
          hess[a * k + b] = hess[b * k + a];
        }
      }
    }
    return ll;
  }

  private void runChunk(int c) {
    double[] out = partial[c];
    java.util.Arrays.fill(out, 0.0);
    double[] work = chunkWork[c];
    int from = c * UNITS_PER_CHUNK;
    int to = Math.min(layout.groups(), from + UNITS_PER_CHUNK);
    double ll = 0;
    for (int g = from; g < to; g++) {
      ll += unit(g, curBeta, out, work, curDerivs);
    }
    out[0] = ll;
  }

  /**
   * Linear predictor x<sub>r</sub>'&beta; of one row.
   *
   * @param r row
   * @param beta parameters
   * @return the linear predictor
   */
  protected final double eta(int r, double[] beta) {
    double s = 0;
    for (int j = 0; j < k; j++) {
      s += x[j][r] * beta[j];
    }
    return s;
  }

  /**
   * Adds w &middot; x<sub>r</sub> x<sub>r</sub>' to the upper triangle of the Hessian block of
   * {@code out} (offset 1 + k) and s &middot; x<sub>r</sub> to the gradient block (offset 1).
   *
   * @param out partial-result slot
   * @param r row
   * @param s gradient weight
   * @param w Hessian weight
   * @param xr scratch of length k
   */
  protected final void accumulate(double[] out, int r, double s, double w, double[] xr) {
    for (int a = 0; a < k; a++) {
      xr[a] = x[a][r];
    }
    int hOff = 1 + k;
    for (int a = 0; a < k; a++) {
      double xa = xr[a];
      out[1 + a] += s * xa;
      double wa = w * xa;
      int base = hOff + a * k;
      for (int b = a; b < k; b++) {
        out[base + b] += wa * xr[b];
      }
    }
  }

  /**
   * Adds c &middot; v v' to the upper triangle of the Hessian block of {@code out}.
   *
   * @param out partial-result slot
   * @param v vector (offset {@code off} in the array)
   * @param off offset of v
   * @param c scale
   */
  protected final void addOuter(double[] out, double[] v, int off, double c) {
    int hOff = 1 + k;
    for (int a = 0; a < k; a++) {
      double va = c * v[off + a];
      int base = hOff + a * k;
      for (int b = a; b < k; b++) {
        out[base + b] += va * v[off + b];
      }
    }
  }

  /**
   * One unit's log-likelihood contribution; when {@code derivs}, adds its gradient to {@code
   * out[1..k]} and the upper triangle of its Hessian to {@code out[1+k..]} (row-major).
   *
   * @param g unit
   * @param beta parameters
   * @param out partial-result slot of the chunk
   * @param work scratch of length 3k
   * @param derivs whether to compute derivatives
   * @return the unit's log-likelihood
   */
  protected abstract double unit(int g, double[] beta, double[] out, double[] work, boolean derivs);

  /**
   * Per-observation score contributions at {@code beta} (they sum, within a unit, to the unit's
   * score): {@code scores[j][row]}.
   *
   * @param beta parameters
   * @param scores output, k columns of y.length rows
   */
  public abstract void scores(double[] beta, double[][] scores);
}
