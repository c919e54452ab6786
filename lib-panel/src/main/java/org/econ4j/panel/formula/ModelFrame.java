package org.econ4j.panel.formula;

import java.util.List;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.internal.Shared;

/**
 * A formula evaluated on a panel ({@link Formula#bind}): everything an estimator needs, aligned on
 * the kept rows.
 *
 * <ul>
 *   <li>the response y ({@link #response()});
 *   <li>the design columns, column-major, one {@code double[]} per column ({@link #column(int)}),
 *       with display names as the formula writes them ({@code (Intercept)}, {@code log(dist_km)},
 *       {@code l(x, 1)}, {@code factor(year)2003}, {@code regionAsia}, {@code x1:x2}, {@code
 *       year::2003}, {@code year::2003:treat}); an intercept column comes first when the formula
 *       asks for one and has no fixed effects (as fixest);
 *   <li>fixed-effect codes ({@link #fixedEffects()}), varying slopes ({@link #slopes()}), cluster
 *       codes ({@link #clusters()}), weights and offset, when asked for in {@link BindOptions};
 *   <li>the kept-row mask over the panel's rows and the original row numbers of the kept rows;
 *   <li>one {@link Note} per cause of dropped rows ({@link #notes()}).
 * </ul>
 *
 * <p>Dropped rows: a row is dropped when the response, any regressor, fixed effect, slope, weight,
 * offset or cluster value is missing or non-finite. Each dropped row is attributed to the first
 * cause in that order (response, terms in order, fixed effects, slopes, weights, offset, clusters),
 * so the counts of the notes add up to {@link #nobsOriginal()} − {@link #nobs()}. A cause is {@code
 * MISSING} when a column the term reads is missing in that row (or a time shift reaches a period
 * absent from the panel), and {@code NON_FINITE} when the inputs are present but the transformation
 * gives NaN or ±∞ (e.g. {@code log(0)}, as fixest).
 *
 * <p>Immutable; arrays are copied out.
 */
public final class ModelFrame {
  static {
    Shared.register(
        new Shared.FrameAccess() {
          @Override
          public double[] response(ModelFrame frame) {
            return frame.response;
          }

          @Override
          public double[][] columns(ModelFrame frame) {
            return frame.columns.clone();
          }

          @Override
          public double[] weights(ModelFrame frame) {
            return frame.weights;
          }

          @Override
          public double[] offset(ModelFrame frame) {
            return frame.offset;
          }

          @Override
          public int[] keptRows(ModelFrame frame) {
            return frame.keptRows;
          }

          @Override
          public int[] codes(GroupCodes codes) {
            return codes.codesShared();
          }
        });
  }

  /** The display name of the intercept column. */
  public static final String INTERCEPT = "(Intercept)";

  private final Formula formula;
  private final double[] response;
  private final double[][] columns;
  private final List<String> names;
  private final int[] termOf;
  private final boolean intercept;
  private final List<GroupCodes> fixedEffects;
  private final List<VaryingSlope> slopes;
  private final List<GroupCodes> clusters;
  private final double[] weights;
  private final double[] offset;
  private final boolean[] kept;
  private final int[] keptRows;
  private final List<Note> notes;

  ModelFrame(
      Formula formula,
      double[] response,
      double[][] columns,
      List<String> names,
      List<Integer> termOf,
      boolean intercept,
      List<GroupCodes> fixedEffects,
      List<VaryingSlope> slopes,
      List<GroupCodes> clusters,
      double[] weights,
      double[] offset,
      boolean[] kept,
      int[] keptRows,
      List<Note> notes) {
    this.formula = formula;
    this.response = response;
    this.columns = columns;
    this.names = List.copyOf(names);
    this.termOf = new int[termOf.size()];
    for (int j = 0; j < this.termOf.length; j++) {
      this.termOf[j] = termOf.get(j);
    }
    this.intercept = intercept;
    this.fixedEffects = List.copyOf(fixedEffects);
    this.slopes = List.copyOf(slopes);
    this.clusters = List.copyOf(clusters);
    this.weights = weights;
    this.offset = offset;
    this.kept = kept;
    this.keptRows = keptRows;
    this.notes = List.copyOf(notes);
  }

  /**
   * @return the formula that was bound
   */
  public Formula formula() {
    return formula;
  }

  /**
   * @return the response over the kept rows (a copy)
   */
  public double[] response() {
    return response.clone();
  }

  /**
   * @return the display name of the response, e.g. {@code log(wage)}
   */
  public String responseName() {
    return formula.lhs().toString();
  }

  /**
   * @return the number of kept rows (observations used)
   */
  public int nobs() {
    return keptRows.length;
  }

  /**
   * @return the number of rows of the panel before dropping
   */
  public int nobsOriginal() {
    return kept.length;
  }

  /**
   * @return whether the design includes an intercept column (first, named {@value #INTERCEPT}): the
   *     formula asks for one and there are no fixed effects
   */
  public boolean hasIntercept() {
    return intercept;
  }

  /**
   * @return the number of design columns (including the intercept column)
   */
  public int columnCount() {
    return columns.length;
  }

  /**
   * @return the display names of the design columns, in order
   */
  public List<String> columnNames() {
    return names;
  }

  /**
   * The formula term a design column comes from (e.g. every {@code factor(year)2004}, {@code
   * factor(year)2005} column comes from the term {@code factor(year)}), for joint tests and tables.
   *
   * @param j a design column position
   * @return the position of its term in {@link Formula#terms()}, or −1 for the intercept column
   */
  public int termOf(int j) {
    return termOf[j];
  }

  /**
   * @param j a design column position
   * @return its values over the kept rows (a copy)
   */
  public double[] column(int j) {
    return columns[j].clone();
  }

  /**
   * @param name a display name from {@link #columnNames()}
   * @return its values over the kept rows (a copy)
   * @throws SpecificationException if there is no such column
   */
  public double[] column(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new SpecificationException(
          "unknown design column '"
              + name
              + "' in formula '"
              + formula
              + "'; design columns: "
              + String.join(", ", names));
    }
    return column(j);
  }

  /**
   * @return all design columns, column-major (a deep copy)
   */
  public double[][] columns() {
    double[][] out = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      out[j] = columns[j].clone();
    }
    return out;
  }

  /**
   * @return the fixed-effect dimensions in formula order
   */
  public List<GroupCodes> fixedEffects() {
    return fixedEffects;
  }

  /**
   * @return the varying slopes ({@code fe[x]}) in formula order
   */
  public List<VaryingSlope> slopes() {
    return slopes;
  }

  /**
   * @return the cluster columns asked for in {@link BindOptions}, encoded, in that order
   */
  public List<GroupCodes> clusters() {
    return clusters;
  }

  /**
   * @return the weights over the kept rows (a copy), when asked for
   */
  public Optional<double[]> weights() {
    return weights == null ? Optional.empty() : Optional.of(weights.clone());
  }

  /**
   * @return the offset over the kept rows (a copy), when asked for
   */
  public Optional<double[]> offset() {
    return offset == null ? Optional.empty() : Optional.of(offset.clone());
  }

  /**
   * @return one flag per panel row: whether it is kept (a copy)
   */
  public boolean[] keptMask() {
    return kept.clone();
  }

  /**
   * @return the 0-based panel row of each kept row, increasing (a copy)
   */
  public int[] keptRows() {
    return keptRows.clone();
  }

  /**
   * @return one note per cause of dropped rows (empty when no row was dropped)
   */
  public List<Note> notes() {
    return notes;
  }

  @Override
  public String toString() {
    return "ModelFrame["
        + formula
        + "; "
        + nobs()
        + " of "
        + nobsOriginal()
        + " rows; columns "
        + names
        + "]";
  }
}
