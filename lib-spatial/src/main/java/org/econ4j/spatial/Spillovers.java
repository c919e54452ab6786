package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelIndex;

/**
 * Spillover (spatial-lag) columns for a unit-time {@link Panel}: for each row (i, t) and variable
 * X,
 *
 * <p>S<sub>it</sub> = Σ<sub>j ≠ i</sub> w<sub>ij</sub>(t − a) · X<sub>j, t − b</sub>
 *
 * <p>with a static W ({@link #of(WeightMatrix)}) or one W<sub>t</sub> per period ({@link
 * #of(SortedMap)}, {@link #of(CollaborationNetwork)}); a = {@link #withNetworkLag network lag} and
 * b = {@link #withValueLag value lag} in time steps of the panel index (0 by default; {@link
 * #withLag(int)} sets both, giving W<sub>t−1</sub>·X<sub>t−1</sub>). With a = b = 0 and a static W
 * this is the spatial lag W·y. Self-links w<sub>ii</sub> are ignored. Never builds an NT×NT matrix:
 * each period costs one sparse product per variable.
 *
 * <p>Units are matched by id: the panel's unit labels against the matrix ids. Panel units absent
 * from W, or W units absent from the panel, are an error naming them unless {@link
 * UnitPolicy#IGNORE} (then the former get a missing result and the latter count as missing values).
 * Periods of a time-varying network that are not periods of the panel are an error; panel periods
 * whose network W<sub>t−a</sub> is absent get missing results (with a {@link Note}).
 *
 * <p>Missing values X<sub>j,t−b</sub> (NaN, or no row for j at t − b) follow {@link MissingPolicy}:
 * {@link MissingPolicy#PROPAGATE} (default) makes S<sub>it</sub> missing if any neighbour with a
 * non-zero weight is missing; {@link MissingPolicy#SKIP} leaves them out (as zeros); {@link
 * MissingPolicy#RENORMALIZE} leaves them out and rescales by Σ<sub>all</sub> w<sub>ij</sub> /
 * Σ<sub>observed</sub> w<sub>ij</sub> (missing if no neighbour is observed). Units without
 * neighbours get 0. Every missing result is counted in a {@link Note}.
 *
 * <p>New columns are named {@code prefix + variable} (prefix {@code "W_"} by default). Immutable
 * and thread-safe.
 */
public final class Spillovers {

  /** What to do with units present on one side only (panel vs weights). */
  public enum UnitPolicy {
    /** An error naming the units (default). */
    ERROR,
    /**
     * Panel units absent from W get a missing result; W units absent from the panel are missing
     * values.
     */
    IGNORE
  }

  /** How missing neighbour values are handled. */
  public enum MissingPolicy {
    /** Any missing neighbour value makes the result missing (default). */
    PROPAGATE,
    /** Missing neighbour values are left out (treated as 0). */
    SKIP,
    /** Missing neighbour values are left out and the remaining weights rescaled to the full sum. */
    RENORMALIZE;

    /**
     * Parses propagate, skip or renormalize (case-insensitive).
     *
     * @param s the name
     * @return the policy
     * @throws IllegalArgumentException naming the accepted values
     */
    public static MissingPolicy parse(String s) {
      String n = s.trim().toLowerCase(Locale.ROOT);
      for (MissingPolicy v : values()) {
        if (v.name().toLowerCase(Locale.ROOT).equals(n)) {
          return v;
        }
      }
      throw new IllegalArgumentException(
          "unknown missing-value policy '" + s + "'; use one of propagate, skip, renormalize");
    }
  }

  private final WeightMatrix fixed; // null when time-varying
  private final SortedMap<Long, WeightMatrix> byPeriod;
  private final int networkLag;
  private final int valueLag;
  private final UnitPolicy unitPolicy;
  private final MissingPolicy missingPolicy;
  private final String prefix;

  private Spillovers(
      WeightMatrix fixed,
      SortedMap<Long, WeightMatrix> byPeriod,
      int networkLag,
      int valueLag,
      UnitPolicy unitPolicy,
      MissingPolicy missingPolicy,
      String prefix) {
    this.fixed = fixed;
    this.byPeriod = byPeriod;
    this.networkLag = networkLag;
    this.valueLag = valueLag;
    this.unitPolicy = unitPolicy;
    this.missingPolicy = missingPolicy;
    this.prefix = prefix;
  }

  /**
   * Spillovers through one static weight matrix.
   *
   * @param w the weights
   * @return the configuration (no lags, ERROR, PROPAGATE, prefix "W_")
   */
  public static Spillovers of(WeightMatrix w) {
    return new Spillovers(
        Objects.requireNonNull(w, "w"),
        null,
        0,
        0,
        UnitPolicy.ERROR,
        MissingPolicy.PROPAGATE,
        "W_");
  }

  /**
   * Spillovers through time-varying weights, one matrix per period.
   *
   * @param weights period → W<sub>t</sub> (copied)
   * @return the configuration
   */
  public static Spillovers of(SortedMap<Long, WeightMatrix> weights) {
    if (weights.isEmpty()) {
      throw new SpecificationException("time-varying weights have no period");
    }
    return new Spillovers(
        null, new TreeMap<>(weights), 0, 0, UnitPolicy.ERROR, MissingPolicy.PROPAGATE, "W_");
  }

  /**
   * Spillovers through a collaboration network's W<sub>t</sub> ({@link
   * CollaborationNetwork#toWeights()}).
   *
   * @param network the network
   * @return the configuration
   */
  public static Spillovers of(CollaborationNetwork network) {
    return of(network.toWeights());
  }

  /**
   * @param lag use W<sub>t−lag</sub> (≥ 0; ignored for a static W)
   * @return a new configuration
   */
  public Spillovers withNetworkLag(int lag) {
    checkLag(lag);
    return new Spillovers(fixed, byPeriod, lag, valueLag, unitPolicy, missingPolicy, prefix);
  }

  /**
   * @param lag use X<sub>t−lag</sub> (≥ 0)
   * @return a new configuration
   */
  public Spillovers withValueLag(int lag) {
    checkLag(lag);
    return new Spillovers(fixed, byPeriod, networkLag, lag, unitPolicy, missingPolicy, prefix);
  }

  /**
   * Sets both lags: W<sub>t−lag</sub>·X<sub>t−lag</sub> (command line {@code --lag}).
   *
   * @param lag the lag (≥ 0)
   * @return a new configuration
   */
  public Spillovers withLag(int lag) {
    checkLag(lag);
    return new Spillovers(fixed, byPeriod, lag, lag, unitPolicy, missingPolicy, prefix);
  }

  private static void checkLag(int lag) {
    if (lag < 0) {
      throw new SpecificationException("spillover lag must be ≥ 0, got " + lag);
    }
  }

  /**
   * @param p the unit policy
   * @return a new configuration
   */
  public Spillovers withUnitPolicy(UnitPolicy p) {
    return new Spillovers(
        fixed, byPeriod, networkLag, valueLag, Objects.requireNonNull(p), missingPolicy, prefix);
  }

  /**
   * @param p the missing-value policy
   * @return a new configuration
   */
  public Spillovers withMissing(MissingPolicy p) {
    return new Spillovers(
        fixed, byPeriod, networkLag, valueLag, unitPolicy, Objects.requireNonNull(p), prefix);
  }

  /**
   * @param p prefix of new column names
   * @return a new configuration
   */
  public Spillovers withPrefix(String p) {
    return new Spillovers(
        fixed,
        byPeriod,
        networkLag,
        valueLag,
        unitPolicy,
        missingPolicy,
        Objects.requireNonNull(p));
  }

  /**
   * Adds one spillover column per variable, named {@code prefix + variable}.
   *
   * @param panel a panel with a (unit, time) index
   * @param variables numeric columns
   * @return the panel with the new columns, and notes
   * @throws SpecificationException for a missing index, unknown or existing columns, unit
   *     mismatches (policy ERROR) or network periods absent from the panel
   */
  public SpilloverResult apply(Panel panel, List<String> variables) {
    List<String> names = new ArrayList<>();
    for (String v : variables) {
      names.add(prefix + v);
    }
    return apply(panel, variables, names);
  }

  /**
   * Adds one spillover column per variable with explicit names.
   *
   * @param panel a panel with a (unit, time) index
   * @param variables numeric columns
   * @param names the new column names, one per variable
   * @return the panel with the new columns, and notes
   */
  public SpilloverResult apply(Panel panel, List<String> variables, List<String> names) {
    if (variables.size() != names.size()) {
      throw new IllegalArgumentException(
          variables.size() + " variables but " + names.size() + " names");
    }
    PanelIndex idx = panel.requireIndex("spillover columns");
    for (String name : names) {
      if (panel.hasColumn(name)) {
        throw new SpecificationException(
            "column '"
                + name
                + "' already exists in the panel; choose another name or prefix (withPrefix)");
      }
    }
    double[][] xs = new double[variables.size()][];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = panel.numeric(variables.get(k));
    }
    int rows = panel.rows();
    int[] unit = idx.unitCodes();
    long[] time = idx.times();
    long step = idx.step();
    List<String> labels = idx.unitLabels();
    // rows by time
    TreeMap<Long, int[]> rowsAt = groupByTime(time);
    if (byPeriod != null) {
      List<Long> absent = new ArrayList<>();
      for (Long t : byPeriod.keySet()) {
        if (!rowsAt.containsKey(t)) {
          absent.add(t);
        }
      }
      if (!absent.isEmpty()) {
        throw new SpecificationException(
            "network period"
                + (absent.size() == 1 ? " " : "s ")
                + absent
                + (absent.size() == 1 ? " is" : " are")
                + " not a period of the panel (periods "
                + rowsAt.firstKey()
                + "–"
                + rowsAt.lastKey()
                + "); drop them from the network or extend the panel");
      }
    }
    Map<WeightMatrix, int[]> maps = new IdentityHashMap<>();
    Map<String, Integer> codeOf = new HashMap<>();
    for (int u = 0; u < labels.size(); u++) {
      codeOf.put(labels.get(u), u);
    }
    double[][] out = new double[xs.length][rows];
    for (double[] o : out) {
      Arrays.fill(o, Double.NaN);
    }
    long noNetwork = 0;
    long[] missingResults = new long[xs.length];
    List<String> unmatched = new ArrayList<>();
    for (Map.Entry<Long, int[]> e : rowsAt.entrySet()) {
      long t = e.getKey();
      int[] here = e.getValue();
      WeightMatrix w = fixed != null ? fixed : byPeriod.get(t - networkLag * step);
      if (w == null) {
        noNetwork += here.length;
        continue;
      }
      int[] panelToW = maps.get(w);
      if (panelToW == null) {
        panelToW = mapUnits(w, labels, codeOf, unit, unmatched);
        maps.put(w, panelToW);
      }
      int n = w.size();
      int[] rp = w.rowPtrUnsafe();
      int[] ci = w.colUnsafe();
      double[] val = w.valUnsafe();
      int[] source = rowsAt.get(t - valueLag * step);
      double[] xv = new double[n];
      for (int k = 0; k < xs.length; k++) {
        Arrays.fill(xv, Double.NaN);
        if (source != null) {
          for (int r : source) {
            int p = panelToW[unit[r]];
            if (p >= 0) {
              xv[p] = xs[k][r];
            }
          }
        }
        double[] o = out[k];
        for (int r : here) {
          int i = panelToW[unit[r]];
          if (i < 0) {
            missingResults[k]++;
            continue;
          }
          double s = 0;
          double wAll = 0;
          double wObs = 0;
          boolean miss = false;
          for (int p = rp[i]; p < rp[i + 1]; p++) {
            int j = ci[p];
            if (j == i) {
              continue;
            }
            double x = xv[j];
            double wt = val[p];
            wAll += wt;
            if (Double.isNaN(x)) {
              miss = true;
            } else {
              s += wt * x;
              wObs += wt;
            }
          }
          double res;
          if (!miss) {
            res = s;
          } else if (missingPolicy == MissingPolicy.PROPAGATE) {
            res = Double.NaN;
          } else if (missingPolicy == MissingPolicy.SKIP) {
            res = s;
          } else {
            res = wObs != 0 ? s * wAll / wObs : Double.NaN;
          }
          if (Double.isNaN(res)) {
            missingResults[k]++;
          }
          o[r] = res;
        }
      }
    }
    List<Note> notes = new ArrayList<>();
    if (!unmatched.isEmpty()) {
      notes.add(
          Note.of(
              Note.Kind.INFO,
              unmatched.size(),
              unmatched.size() + " units present only in the panel or only in the weights ignored",
              unmatched));
    }
    if (noNetwork > 0) {
      notes.add(
          Note.of(
              Note.Kind.MISSING,
              noNetwork,
              "spillovers missing in "
                  + noNetwork
                  + " rows whose period has no network"
                  + (networkLag > 0 ? " (network lag " + networkLag + ")" : ""),
              names));
    }
    Panel result = panel;
    for (int k = 0; k < xs.length; k++) {
      long extra = missingResults[k];
      if (extra > 0) {
        notes.add(
            Note.of(
                Note.Kind.MISSING,
                extra,
                "'"
                    + names.get(k)
                    + "' is missing in "
                    + extra
                    + " rows because of missing values of '"
                    + variables.get(k)
                    + "' among neighbours"
                    + (valueLag > 0 ? " (value lag " + valueLag + ")" : "")
                    + " or units absent from the weights",
                List.of(names.get(k))));
      }
      result = result.withColumn(names.get(k), out[k]);
    }
    return new SpilloverResult(result, names, notes);
  }

  private int[] mapUnits(
      WeightMatrix w,
      List<String> labels,
      Map<String, Integer> codeOf,
      int[] unit,
      List<String> unmatched) {
    int[] panelToW = new int[labels.size()];
    List<String> notInW = new ArrayList<>();
    for (int u = 0; u < labels.size(); u++) {
      Integer p = w.lookupUnsafe().get(labels.get(u));
      panelToW[u] = p == null ? -1 : p;
      if (p == null) {
        notInW.add(labels.get(u));
      }
    }
    List<String> notInPanel = new ArrayList<>();
    for (String id : w.ids()) {
      if (!codeOf.containsKey(id)) {
        notInPanel.add(id);
      }
    }
    if (notInW.isEmpty() && notInPanel.isEmpty()) {
      return panelToW;
    }
    if (unitPolicy == UnitPolicy.ERROR) {
      throw new SpecificationException(
          "panel and weights have different units: "
              + (notInW.isEmpty()
                  ? ""
                  : notInW.size()
                      + " panel units are not in the weights: "
                      + WeightMatrix.names(notInW))
              + (notInW.isEmpty() || notInPanel.isEmpty() ? "" : "; ")
              + (notInPanel.isEmpty()
                  ? ""
                  : notInPanel.size()
                      + " weight units are not in the panel: "
                      + WeightMatrix.names(notInPanel))
              + "; align them or use UnitPolicy.IGNORE");
    }
    for (String s : notInW) {
      if (!unmatched.contains(s)) {
        unmatched.add(s);
      }
    }
    for (String s : notInPanel) {
      if (!unmatched.contains(s)) {
        unmatched.add(s);
      }
    }
    return panelToW;
  }

  private static TreeMap<Long, int[]> groupByTime(long[] time) {
    TreeMap<Long, Integer> counts = new TreeMap<>();
    for (long t : time) {
      counts.merge(t, 1, Integer::sum);
    }
    TreeMap<Long, int[]> out = new TreeMap<>();
    Map<Long, Integer> fill = new HashMap<>();
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      out.put(e.getKey(), new int[e.getValue()]);
      fill.put(e.getKey(), 0);
    }
    for (int r = 0; r < time.length; r++) {
      int[] a = out.get(time[r]);
      int f = fill.get(time[r]);
      a[f] = r;
      fill.put(time[r], f + 1);
    }
    return out;
  }
}
