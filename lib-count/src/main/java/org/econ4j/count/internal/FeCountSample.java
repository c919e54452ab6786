package org.econ4j.count.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.fe.SingletonRemoval;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;
import org.econ4j.panel.internal.Shared;

/**
 * The estimation sample of a fixed-effects count model (FePoisson, FeNegBin): the model frame's
 * rows after validation of the outcome and weights, iterative removal of fixed-effect groups whose
 * outcomes are all zero and of singletons, and (for Poisson) removal of separated observations.
 * Every removal is a {@link Note}; row numbers in messages are 1-based panel rows.
 *
 * <p>Mutable builder-style helper; not thread-safe. Arrays are owned by this object.
 */
public final class FeCountSample {

  /** Largest number of row numbers listed in an error message. */
  static final int MAX_LISTED_ROWS = 10;

  /** Outcome. */
  public double[] y;

  /** Regressors, column-major. */
  public double[][] x;

  /** Regressor names. */
  public final List<String> names;

  /** Observation weights (all ones when none were given). */
  public double[] w;

  /** Whether weights were given. */
  public final boolean weighted;

  /** Offset (zeros when none). */
  public double[] offset;

  /** Fixed-effect codes per dimension. */
  public int[][] fe;

  /** Fixed-effect names. */
  public final String[] feNames;

  /** Cluster codes per cluster variable. */
  public int[][] clusters;

  /** Cluster names. */
  public final String[] clusterNames;

  /** The 0-based panel row of each current row. */
  public int[] panelRows;

  /**
   * The panel's (unit, time) index, when it has one (for Newey–West and Driscoll–Kraay); or null.
   */
  public org.econ4j.panel.PanelIndex index;

  /** Number of rows of the panel. */
  public final int nobsOriginal;

  /** Notes (from the model frame first). */
  public final List<Note> notes = new ArrayList<>();

  /** Separation certificate per panel row (NaN where the row was not part of the check). */
  public double[] certificate;

  /** Panel rows found separated. */
  public boolean[] separated;

  /**
   * Takes the model frame's arrays and checks the outcome and weights.
   *
   * @param frame the bound model frame
   * @param model "poisson" or "negbin" (for messages)
   * @param allowNonInteger whether non-integer outcomes are allowed (with a note)
   * @throws SpecificationException for negative outcomes or weights, non-integer outcomes when not
   *     allowed, or all-zero outcomes
   */
  public FeCountSample(ModelFrame frame, String model, boolean allowNonInteger) {
    // the frame's arrays without copies (never modified here: subsets make new arrays)
    this.y = Shared.response(frame);
    this.x = Shared.columns(frame);
    this.names = frame.columnNames();
    this.nobsOriginal = frame.nobsOriginal();
    this.panelRows = Shared.keptRows(frame);
    int n = y.length;
    double[] fw = Shared.weights(frame);
    double[] fo = Shared.offset(frame);
    this.weighted = fw != null;
    this.w = fw != null ? fw : filled(n, 1.0);
    this.offset = fo != null ? fo : new double[n];
    List<GroupCodes> fes = frame.fixedEffects();
    this.fe = new int[fes.size()][];
    this.feNames = new String[fes.size()];
    for (int d = 0; d < fe.length; d++) {
      fe[d] = Shared.codes(fes.get(d));
      feNames[d] = fes.get(d).name();
    }
    List<GroupCodes> cl = frame.clusters();
    this.clusters = new int[cl.size()][];
    this.clusterNames = new String[cl.size()];
    for (int c = 0; c < clusters.length; c++) {
      clusters[c] = Shared.codes(cl.get(c));
      clusterNames[c] = cl.get(c).name();
    }
    notes.addAll(frame.notes());
    String yName = frame.responseName();
    if (n == 0) {
      throw new SpecificationException(
          "no observations left for the "
              + model
              + " model of '"
              + yName
              + "' after dropping rows with missing values; check the data");
    }
    checkOutcome(yName, model, allowNonInteger);
    if (weighted) {
      checkWeights("weights");
    }
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private void checkOutcome(String yName, String model, boolean allowNonInteger) {
    int n = y.length;
    int neg = 0;
    int nonInt = 0;
    int positive = 0;
    StringBuilder negRows = new StringBuilder();
    StringBuilder nonIntRows = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double v = y[i];
      if (v < 0) {
        if (neg < MAX_LISTED_ROWS) {
          negRows.append(neg == 0 ? "" : ", ").append(panelRows[i] + 1);
        }
        neg++;
      } else {
        if (v > 0) {
          positive++;
        }
        if (v != Math.rint(v)) {
          if (nonInt < MAX_LISTED_ROWS) {
            nonIntRows.append(nonInt == 0 ? "" : ", ").append(panelRows[i] + 1);
          }
          nonInt++;
        }
      }
    }
    if (neg > 0) {
      throw new SpecificationException(
          "outcome '"
              + yName
              + "' is negative in "
              + neg
              + (neg == 1 ? " row" : " rows")
              + " (rows "
              + negRows
              + (neg > MAX_LISTED_ROWS ? ", ..." : "")
              + "); a "
              + model
              + " model needs outcomes >= 0, drop or recode those rows");
    }
    if (nonInt > 0) {
      if (!allowNonInteger) {
        throw new SpecificationException(
            "outcome '"
                + yName
                + "' is not an integer in "
                + nonInt
                + (nonInt == 1 ? " row" : " rows")
                + " (rows "
                + nonIntRows
                + (nonInt > MAX_LISTED_ROWS ? ", ..." : "")
                + "); the "
                + model
                + " likelihood needs counts, round the outcome or use Poisson (PPML)");
      }
      notes.add(
          Note.of(
              Note.Kind.COERCED,
              nonInt,
              "outcome '"
                  + yName
                  + "' is not an integer in "
                  + nonInt
                  + (nonInt == 1 ? " row" : " rows")
                  + "; Poisson pseudo-maximum likelihood (PPML) is used, as ppmlhdfe",
              List.of(yName)));
    }
    if (positive == 0) {
      throw new SpecificationException(
          "outcome '"
              + yName
              + "' is zero in all "
              + n
              + " rows; a "
              + model
              + " model needs some positive outcomes");
    }
  }

  private void checkWeights(String what) {
    int bad = 0;
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0)) {
        if (bad < MAX_LISTED_ROWS) {
          rows.append(bad == 0 ? "" : ", ").append(panelRows[i] + 1);
        }
        bad++;
      }
    }
    if (bad > 0) {
      throw new SpecificationException(
          "observation "
              + what
              + " are negative in "
              + bad
              + (bad == 1 ? " row" : " rows")
              + " (rows "
              + rows
              + (bad > MAX_LISTED_ROWS ? ", ..." : "")
              + "); weights must be >= 0");
    }
  }

  /**
   * @return the current number of rows
   */
  public int rows() {
    return y.length;
  }

  /**
   * Keeps the rows flagged true, in every array.
   *
   * @param keep one flag per current row
   */
  public void subset(boolean[] keep) {
    int m = 0;
    for (boolean b : keep) {
      if (b) {
        m++;
      }
    }
    if (m == keep.length) {
      return;
    }
    y = sub(y, keep, m);
    w = sub(w, keep, m);
    offset = sub(offset, keep, m);
    for (int j = 0; j < x.length; j++) {
      x[j] = sub(x[j], keep, m);
    }
    for (int d = 0; d < fe.length; d++) {
      fe[d] = sub(fe[d], keep, m);
    }
    for (int c = 0; c < clusters.length; c++) {
      clusters[c] = sub(clusters[c], keep, m);
    }
    panelRows = sub(panelRows, keep, m);
  }

  private static double[] sub(double[] a, boolean[] keep, int m) {
    double[] r = new double[m];
    int j = 0;
    for (int i = 0; i < a.length; i++) {
      if (keep[i]) {
        r[j++] = a[i];
      }
    }
    return r;
  }

  private static int[] sub(int[] a, boolean[] keep, int m) {
    int[] r = new int[m];
    int j = 0;
    for (int i = 0; i < a.length; i++) {
      if (keep[i]) {
        r[j++] = a[i];
      }
    }
    return r;
  }

  /**
   * Drops, for each fixed-effect dimension, the levels whose outcomes are all zero (their fixed
   * effect would run to −∞; fixest and ppmlhdfe drop them), one note per dimension with the number
   * of levels and rows.
   *
   * @return the number of rows dropped
   */
  public int dropAllZeroGroups() {
    int total = 0;
    for (int d = 0; d < fe.length; d++) {
      int[] codes = fe[d];
      int maxCode = 0;
      for (int c : codes) {
        maxCode = Math.max(maxCode, c);
      }
      boolean[] positive = new boolean[maxCode + 1];
      boolean[] present = new boolean[maxCode + 1];
      for (int i = 0; i < codes.length; i++) {
        int c = codes[i];
        present[c] = true;
        positive[c] |= y[i] > 0 & w[i] > 0; // branch-free: y is zero on a random half of rows
      }
      int levels = 0;
      for (int g = 0; g <= maxCode; g++) {
        if (present[g] && !positive[g]) {
          levels++;
        }
      }
      if (levels == 0) {
        continue;
      }
      boolean[] keep = new boolean[codes.length];
      int dropped = 0;
      for (int i = 0; i < codes.length; i++) {
        keep[i] = positive[codes[i]];
        if (!keep[i]) {
          dropped++;
        }
      }
      notes.add(
          Note.of(
              Note.Kind.NO_VARIATION,
              dropped,
              dropped
                  + (dropped == 1 ? " observation" : " observations")
                  + " removed because "
                  + levels
                  + (levels == 1 ? " level" : " levels")
                  + " of fixed effect '"
                  + feNames[d]
                  + (levels == 1 ? "' has" : "' have")
                  + " only zero outcomes",
              List.of(feNames[d])));
      subset(keep);
      total += dropped;
    }
    return total;
  }

  /**
   * Removes singletons of the fixed effects iteratively ({@link FixedEffects#removeSingletons()}).
   *
   * @return the number of rows dropped
   */
  public int dropSingletons() {
    if (fe.length == 0) {
      return 0;
    }
    SingletonRemoval r = fixedEffects().removeSingletons();
    if (r.removed() == 0) {
      return 0;
    }
    notes.addAll(r.notes());
    subset(r.kept());
    return r.removed();
  }

  /**
   * Alternates all-zero-group and singleton removal until neither drops a row.
   *
   * @param singletons whether singletons are removed
   */
  public void dropUninformative(boolean singletons) {
    while (true) {
      int d = dropAllZeroGroups();
      if (y.length > 0 && singletons) {
        d += dropSingletons();
      }
      if (d == 0 || y.length == 0) {
        return;
      }
    }
  }

  /**
   * @return the fixed effects on the current rows (null when the model has none)
   */
  public FixedEffects fixedEffects() {
    if (fe.length == 0) {
      return null;
    }
    // the codes are never modified (subsets make new arrays): dense ones are kept without a copy
    FixedEffects f = null;
    for (int d = 0; d < fe.length; d++) {
      f = Shared.withDimension(f, feNames[d], fe[d]);
    }
    return f;
  }

  /**
   * Records separated rows and the certificate, and drops them.
   *
   * @param sep one flag per current row
   * @param cert certificate per current row
   * @param checkNotes notes of the detection
   */
  public void dropSeparated(boolean[] sep, double[] cert, List<Note> checkNotes) {
    if (separated == null) {
      separated = new boolean[nobsOriginal];
      certificate = new double[nobsOriginal];
      Arrays.fill(certificate, Double.NaN);
    }
    boolean[] keep = new boolean[sep.length];
    int count = 0;
    for (int i = 0; i < sep.length; i++) {
      certificate[panelRows[i]] = cert[i];
      if (sep[i]) {
        separated[panelRows[i]] = true;
        count++;
      }
      keep[i] = !sep[i];
    }
    if (count == 0) {
      return;
    }
    notes.addAll(checkNotes);
    subset(keep);
  }
}
