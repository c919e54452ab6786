package org.econ4j.panel.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Extra columns {@link Formula#bind(org.econ4j.panel.Panel, BindOptions)} carries along with the
 * formula's own: observation weights, an offset and cluster columns. Rows where any of them is
 * missing are dropped together with the formula's, each cause recorded as a note, so estimators
 * receive everything aligned on the same kept rows.
 *
 * <p>Columns are named as in the panel; weights and offset may also be expressions ({@code
 * "log(exposure)"}). Cluster columns are encoded like fixed effects ({@link GroupCodes}).
 *
 * <p>Immutable; {@code withX} returns a new instance.
 */
public final class BindOptions {
  private static final BindOptions DEFAULTS = new BindOptions(null, null, List.of());

  private final String weights;
  private final String offset;
  private final List<String> clusters;

  private BindOptions(String weights, String offset, List<String> clusters) {
    this.weights = weights;
    this.offset = offset;
    this.clusters = List.copyOf(clusters);
  }

  /**
   * @return no weights, no offset, no clusters
   */
  public static BindOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param column the weights column (or expression); missing weights drop the row with a note
   * @return new options
   */
  public BindOptions withWeights(String column) {
    return new BindOptions(Objects.requireNonNull(column, "column"), offset, clusters);
  }

  /**
   * @param column the offset column (or expression, e.g. {@code log(exposure)}); missing or
   *     non-finite values drop the row with a note
   * @return new options
   */
  public BindOptions withOffset(String column) {
    return new BindOptions(weights, Objects.requireNonNull(column, "column"), clusters);
  }

  /**
   * @param columns the cluster columns (one to four ways, e.g. {@code "firm", "year"}); a missing
   *     cluster value drops the row with a note (as fixest)
   * @return new options
   */
  public BindOptions withClusters(List<String> columns) {
    List<String> c = new ArrayList<>();
    for (String s : Objects.requireNonNull(columns, "columns")) {
      c.add(Objects.requireNonNull(s, "cluster column"));
    }
    return new BindOptions(weights, offset, c);
  }

  /**
   * @param columns the cluster columns
   * @return new options
   */
  public BindOptions withClusters(String... columns) {
    return withClusters(List.of(columns));
  }

  /**
   * @return the weights column, if any
   */
  public Optional<String> weights() {
    return Optional.ofNullable(weights);
  }

  /**
   * @return the offset column, if any
   */
  public Optional<String> offset() {
    return Optional.ofNullable(offset);
  }

  /**
   * @return the cluster columns, possibly empty
   */
  public List<String> clusters() {
    return clusters;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BindOptions)) {
      return false;
    }
    BindOptions b = (BindOptions) o;
    return Objects.equals(weights, b.weights)
        && Objects.equals(offset, b.offset)
        && clusters.equals(b.clusters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weights, offset, clusters);
  }

  @Override
  public String toString() {
    return "BindOptions[weights=" + weights + ", offset=" + offset + ", clusters=" + clusters + "]";
  }
}
