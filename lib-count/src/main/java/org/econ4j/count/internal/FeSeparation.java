package org.econ4j.count.internal;

/**
 * Adapter between the fixed-effects count estimators and lib-count's separation detection: runs the
 * checks on the current sample, drops the separated rows and records the certificate.
 */
public final class FeSeparation {
  private FeSeparation() {}

  /**
   * Runs the separation checks on the sample and drops the separated rows.
   *
   * @param s the sample (modified)
   */
  public static void apply(FeCountSample s) {
    // wired to org.econ4j.count.Separation once available on this branch
  }
}
