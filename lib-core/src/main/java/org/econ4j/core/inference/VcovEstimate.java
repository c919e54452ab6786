package org.econ4j.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;

/**
 * A computed covariance matrix of the kept coefficients with what tables and JSON show about it:
 * the type and its label, the number of clusters per way, the t degrees of freedom (infinite for z
 * statistics), the number of parameters K of the small-sample correction, the correction used, and
 * notes (e.g. the eigenvalue repair of a multiway matrix). Immutable.
 */
public final class VcovEstimate {
  private final Vcov vcov;
  private final SmallSampleCorrection ssc;
  private final double[][] matrix;
  private final List<Integer> clusters;
  private final double tDf;
  private final int parameters;
  private final List<Note> notes;

  /**
   * Creates an estimate (used by {@link Sandwich} and by {@link Vcov.Custom} implementations).
   *
   * @param vcov the type
   * @param ssc the correction
   * @param matrix K&times;K matrix (copied)
   * @param clusters clusters per way (empty if not clustered)
   * @param tDf t degrees of freedom, {@code Double.POSITIVE_INFINITY} for z
   * @param parameters K of the correction
   * @param notes notes
   */
  public VcovEstimate(
      Vcov vcov,
      SmallSampleCorrection ssc,
      double[][] matrix,
      List<Integer> clusters,
      double tDf,
      int parameters,
      List<Note> notes) {
    this.vcov = Objects.requireNonNull(vcov, "vcov");
    this.ssc = Objects.requireNonNull(ssc, "ssc");
    this.matrix = InferenceData.copy(Objects.requireNonNull(matrix, "matrix"));
    this.clusters = List.copyOf(clusters);
    if (!(tDf > 0)) {
      throw new IllegalArgumentException("t degrees of freedom must be > 0, got " + tDf);
    }
    this.tDf = tDf;
    this.parameters = parameters;
    this.notes = List.copyOf(notes);
  }

  /**
   * @return the type
   */
  public Vcov vcov() {
    return vcov;
  }

  /**
   * @return the small-sample correction used
   */
  public SmallSampleCorrection ssc() {
    return ssc;
  }

  /**
   * @return the label for tables, e.g. {@code Clustered (Origin)}
   */
  public String label() {
    return vcov.label();
  }

  /**
   * @return the matrix (copy)
   */
  public double[][] matrix() {
    return InferenceData.copy(matrix);
  }

  /**
   * @return the standard errors &radic;V<sub>jj</sub>
   */
  public double[] standardErrors() {
    double[] se = new double[matrix.length];
    for (int j = 0; j < se.length; j++) {
      se[j] = Math.sqrt(matrix[j][j]);
    }
    return se;
  }

  /**
   * @return the number of clusters per way (empty when not clustered)
   */
  public List<Integer> clusters() {
    return clusters;
  }

  /**
   * @return t degrees of freedom; infinite for z statistics
   */
  public double tDf() {
    return tDf;
  }

  /**
   * @return whether statistics are z (normal)
   */
  public boolean usesZ() {
    return Double.isInfinite(tDf);
  }

  /**
   * @return K used by the small-sample correction (fixest's {@code df.K})
   */
  public int parameters() {
    return parameters;
  }

  /**
   * @return notes about the computation
   */
  public List<Note> notes() {
    return notes;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(label());
    if (!clusters.isEmpty()) {
      parts.add("clusters " + clusters);
    }
    parts.add("ssc " + ssc.name());
    return String.join(", ", parts);
  }
}
