package org.econ4j.spatial;

/**
 * How {@link WeightMatrix#symmetrize(Symmetrization)} combines w<sub>ij</sub> and w<sub>ji</sub> (a
 * missing link counts as 0).
 */
public enum Symmetrization {
  /** max(w<sub>ij</sub>, w<sub>ji</sub>): a link in either direction (k-nearest "or" rule). */
  MAX,
  /** min(w<sub>ij</sub>, w<sub>ji</sub>): links in both directions only ("mutual" neighbours). */
  MIN,
  /** (w<sub>ij</sub> + w<sub>ji</sub>) / 2. */
  AVERAGE
}
