package org.econ4j.count;

import java.util.List;

/**
 * The outcome of {@link Separation#detect}: which rows are separated, the certificate of
 * separation, and notes (one per check that found something).
 *
 * <p>The certificate z has one value per row: rows flagged by the fixed-effect check carry 1 (the
 * indicator of their all-zero level); every other row carries the fitted value of the last
 * regression-based check that saw it (zero on rows with y &gt; 0, non-negative on rows with y = 0,
 * strictly positive exactly on the separated ones). Regressing the z of one check on the regressors
 * and fixed effects of its sample fits perfectly (R&sup2; = 1), which verifies it.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class SeparationResult {
  private final boolean[] separated;
  private final double[] certificate;
  private final List<org.econ4j.core.Note> notes;
  private final int iterations;
  private final boolean converged;

  SeparationResult(
      boolean[] separated,
      double[] certificate,
      List<org.econ4j.core.Note> notes,
      int iterations,
      boolean converged) {
    this.separated = separated.clone();
    this.certificate = certificate.clone();
    this.notes = List.copyOf(notes);
    this.iterations = iterations;
    this.converged = converged;
  }

  /**
   * @return one flag per row: true if the observation is separated (drop it before fitting)
   */
  public boolean[] separated() {
    return separated.clone();
  }

  /**
   * @return the number of separated observations
   */
  public int count() {
    int c = 0;
    for (boolean b : separated) {
      if (b) {
        c++;
      }
    }
    return c;
  }

  /**
   * @return the certificate z, one value per row (see the class description)
   */
  public double[] certificate() {
    return certificate.clone();
  }

  /**
   * @return notes: separated observations per check, and non-convergence if any
   */
  public List<org.econ4j.core.Note> notes() {
    return notes;
  }

  /**
   * @return iterations used by the iterative checks together
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return whether every iterative check converged
   */
  public boolean converged() {
    return converged;
  }
}
