package org.econ4j.panel.fe;

import java.util.List;

/**
 * The result of {@link Demeaner#demean(FixedEffects, double[][])}: the demeaned columns, per-column
 * convergence, the fixed-effect coefficients (as a {@link DemeanState} for warm starts) and notes
 * ({@link org.econ4j.core.Note.Kind#CONVERGENCE} when a column did not converge).
 *
 * <p>Immutable, except that {@link #columns()} hands out the result arrays themselves.
 */
public final class DemeanResult {
  private final double[][] columns;
  private final int[] iterations;
  private final boolean[] converged;
  private final double[] lastChange;
  private final Demeaner.Method[] methods;
  private final DemeanState state;
  private final List<org.econ4j.core.Note> notes;

  DemeanResult(
      double[][] columns,
      int[] iterations,
      boolean[] converged,
      double[] lastChange,
      Demeaner.Method[] methods,
      DemeanState state,
      List<org.econ4j.core.Note> notes) {
    this.columns = columns;
    this.iterations = iterations;
    this.converged = converged;
    this.lastChange = lastChange;
    this.methods = methods;
    this.state = state;
    this.notes = List.copyOf(notes);
  }

  /**
   * The demeaned columns, in input order. <b>Not copied</b>: these arrays were allocated by the
   * demeaning call for its caller (n may be 10<sup>7</sup>, a copy would double the memory); do not
   * share them if you need the result to stay unchanged. Use {@link #column(int)} for a copy.
   *
   * @return the demeaned columns
   */
  public double[][] columns() {
    return columns.clone();
  }

  /**
   * @param j column index
   * @return a copy of demeaned column j
   */
  public double[] column(int j) {
    return columns[j].clone();
  }

  /**
   * @return the number of columns
   */
  public int columnCount() {
    return columns.length;
  }

  /**
   * @param j column index
   * @return the iterations column j used (sweeps of the projections plus conjugate-gradient steps)
   */
  public int iterations(int j) {
    return iterations[j];
  }

  /**
   * @return the largest iteration count over the columns
   */
  public int maxIterations() {
    int m = 0;
    for (int it : iterations) {
      m = Math.max(m, it);
    }
    return m;
  }

  /**
   * @param j column index
   * @return whether column j converged
   */
  public boolean converged(int j) {
    return converged[j];
  }

  /**
   * @return whether every column converged
   */
  public boolean converged() {
    for (boolean c : converged) {
      if (!c) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param j column index
   * @return the stopping criterion of column j at its last check: the largest over the fixed-effect
   *     coefficients of min(|d|, |d| / (0.1 + |c|)), d the coefficient's last change (for conjugate
   *     gradients the step one projection would take) and c its value; the column has converged
   *     exactly when this is &le; the tolerance (fixest's rule, see {@link Demeaner})
   */
  public double lastChange(int j) {
    return lastChange[j];
  }

  /**
   * @param j column index
   * @return the algorithm that finished column j ({@code ALTERNATING_PROJECTIONS} or {@code
   *     CONJUGATE_GRADIENT}; the latter also after an automatic switch)
   */
  public Demeaner.Method method(int j) {
    return methods[j];
  }

  /**
   * @return the fixed-effect coefficients of every column, to warm-start a later demeaning
   */
  public DemeanState state() {
    return state;
  }

  /**
   * @return notes: one {@code CONVERGENCE} note if some column did not converge, else empty
   */
  public List<org.econ4j.core.Note> notes() {
    return notes;
  }
}
