package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.econ4j.spatial.internal.Csr;

/**
 * A time-varying collaboration network: counts P<sub>ijt</sub> (e.g. co-authored publications of
 * regions i and j in year t) kept as one sparse matrix per period — never an NT×NT matrix — and
 * turned into one weight matrix W<sub>t</sub> per period by a {@link Normalization}, optionally
 * over a cumulative or moving {@link #withWindow window} of periods.
 *
 * <p>Records: (i, j, t, count). Undirected networks (the default, {@code directed = false}) add
 * each record to both P<sub>ijt</sub> and P<sub>jit</sub>; directed networks only to
 * P<sub>ijt</sub>. Repeated records of the same (i, j, t) are summed. Records with i = j are
 * dropped with a {@link Note}. Counts must be finite and ≥ 0.
 *
 * <p>Normalisations of the (windowed) counts C<sub>ijt</sub>:
 *
 * <ul>
 *   <li>{@link Normalization#SHARE} (default, the regional study's equations 1–2): w<sub>ijt</sub>
 *       = C<sub>ijt</sub> / P<sub>jt</sub>, the co-publications of i and j over all publications of
 *       j. P<sub>jt</sub> comes from {@link #withTotals} (summed over the window like the counts);
 *       without totals it is the column sum Σ<sub>k</sub> C<sub>kjt</sub> (then every column sums
 *       to 1, i.e. column standardisation);
 *   <li>{@link Normalization#ROW}: rows sum to 1; {@link Normalization#COLUMN}: columns sum to 1;
 *   <li>{@link Normalization#BINARY}: 1 for every positive count; {@link Normalization#COUNTS}: the
 *       counts themselves.
 * </ul>
 *
 * Units are all ids met in the records plus those declared with {@link #withUnits}, in order of
 * first appearance; every W<sub>t</sub> is over this same list, and a unit without collaboration in
 * a period has an empty row (island policy {@link IslandPolicy#ZERO}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CollaborationNetwork {

  /** How counts become weights in each period. */
  public enum Normalization {
    /** C<sub>ijt</sub> / P<sub>jt</sub> (totals given, or column sums). */
    SHARE,
    /** Rows sum to 1. */
    ROW,
    /** Columns sum to 1. */
    COLUMN,
    /** 1 for positive counts. */
    BINARY,
    /** Raw counts. */
    COUNTS;

    /**
     * Parses share, row, column, binary or counts (case-insensitive).
     *
     * @param s the name
     * @return the normalisation
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Normalization parse(String s) {
      String n = s.trim().toLowerCase(Locale.ROOT);
      for (Normalization v : values()) {
        if (v.name().toLowerCase(Locale.ROOT).equals(n)) {
          return v;
        }
      }
      throw new IllegalArgumentException(
          "unknown network normalization '"
              + s
              + "'; use one of share, row, column, binary, counts");
    }
  }

  private final List<String> ids;
  private final SortedMap<Long, WeightMatrix> counts; // raw counts per period
  private final Map<Long, Map<String, Double>> totals; // may be empty
  private final boolean directed;
  private final Normalization normalization;
  private final int window; // 0 = cumulative, 1 = single period, k = moving window of k periods
  private final List<Note> notes;

  private CollaborationNetwork(
      List<String> ids,
      SortedMap<Long, WeightMatrix> counts,
      Map<Long, Map<String, Double>> totals,
      boolean directed,
      Normalization normalization,
      int window,
      List<Note> notes) {
    this.ids = ids;
    this.counts = counts;
    this.totals = totals;
    this.directed = directed;
    this.normalization = normalization;
    this.window = window;
    this.notes = notes;
  }

  /**
   * Builds a network from records.
   *
   * @param from unit i of each record
   * @param to unit j of each record
   * @param periods period t of each record
   * @param count count P<sub>ijt</sub> of each record (finite, ≥ 0)
   * @param directed whether records are directed (i → j only)
   * @return the network (normalisation SHARE, single-period window)
   * @throws SpecificationException for negative or non-finite counts or missing ids
   */
  public static CollaborationNetwork fromRecords(
      List<String> from, List<String> to, long[] periods, double[] count, boolean directed) {
    int m = from.size();
    if (to.size() != m || periods.length != m || count.length != m) {
      throw new IllegalArgumentException(
          "record columns have different lengths: "
              + m
              + ", "
              + to.size()
              + ", "
              + periods.length
              + ", "
              + count.length);
    }
    LinkedHashMap<String, Integer> unitIndex = new LinkedHashMap<>();
    long selfLinks = 0;
    List<String> selfUnits = new ArrayList<>();
    for (int r = 0; r < m; r++) {
      String a = from.get(r);
      String b = to.get(r);
      if (a == null || b == null) {
        throw new SpecificationException(
            "network record " + (r + 1) + " has a missing unit id; every record needs both units");
      }
      double c = count[r];
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new SpecificationException(
            "network record "
                + (r + 1)
                + " has count "
                + c
                + " for pair ('"
                + a
                + "', '"
                + b
                + "') in period "
                + periods[r]
                + "; counts must be finite and ≥ 0");
      }
      unitIndex.putIfAbsent(a, unitIndex.size());
      unitIndex.putIfAbsent(b, unitIndex.size());
    }
    // group by period
    TreeMap<Long, List<Integer>> byPeriod = new TreeMap<>();
    for (int r = 0; r < m; r++) {
      if (from.get(r).equals(to.get(r))) {
        selfLinks++;
        if (!selfUnits.contains(from.get(r))) {
          selfUnits.add(from.get(r));
        }
        continue;
      }
      byPeriod.computeIfAbsent(periods[r], k -> new ArrayList<>()).add(r);
    }
    List<String> idList = new ArrayList<>(unitIndex.keySet());
    List<Note> notes = new ArrayList<>();
    if (selfLinks > 0) {
      notes.add(
          Note.of(
              Note.Kind.SUBSET,
              selfLinks,
              selfLinks + " network records with the same unit on both sides dropped",
              selfUnits));
    }
    return new CollaborationNetwork(
        List.copyOf(idList),
        assemble(idList, unitIndex, byPeriod, from, to, count, directed),
        Map.of(),
        directed,
        Normalization.SHARE,
        1,
        notes);
  }

  private static SortedMap<Long, WeightMatrix> assemble(
      List<String> idList,
      Map<String, Integer> unitIndex,
      TreeMap<Long, List<Integer>> byPeriod,
      List<String> from,
      List<String> to,
      double[] count,
      boolean directed) {
    int n = idList.size();
    TreeMap<Long, WeightMatrix> out = new TreeMap<>();
    double[] acc = new double[n];
    for (Map.Entry<Long, List<Integer>> e : byPeriod.entrySet()) {
      List<Integer> recs = e.getValue();
      int[] fi = new int[recs.size() * (directed ? 1 : 2)];
      int[] tj = new int[fi.length];
      double[] v = new double[fi.length];
      int q = 0;
      for (int r : recs) {
        int a = unitIndex.get(from.get(r));
        int b = unitIndex.get(to.get(r));
        fi[q] = a;
        tj[q] = b;
        v[q++] = count[r];
        if (!directed) {
          fi[q] = b;
          tj[q] = a;
          v[q++] = count[r];
        }
      }
      out.put(e.getKey(), sumTriplets(idList, n, fi, tj, v, q, acc));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private static WeightMatrix sumTriplets(
      List<String> idList, int n, int[] fi, int[] tj, double[] v, int m, double[] acc) {
    int[] start = new int[n + 1];
    for (int q = 0; q < m; q++) {
      start[fi[q] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] next = Arrays.copyOf(start, n);
    int[] order = new int[m];
    for (int q = 0; q < m; q++) {
      order[next[fi[q]]++] = q;
    }
    Csr b = new Csr(n, m);
    int[] touched = new int[n];
    for (int i = 0; i < n; i++) {
      int nt = 0;
      for (int p = start[i]; p < start[i + 1]; p++) {
        int q = order[p];
        int j = tj[q];
        if (acc[j] == 0 && v[q] != 0) {
          touched[nt++] = j;
        }
        acc[j] += v[q];
      }
      for (int t = 0; t < nt; t++) {
        int j = touched[t];
        if (acc[j] != 0) {
          b.add(j, acc[j]);
        }
        acc[j] = 0;
      }
      b.endRow();
    }
    return WeightMatrix.fromCsr(idList, b.rowPtr(), b.col(), b.val(), IslandPolicy.ZERO);
  }

  /**
   * Builds a network from a panel of records (one row per record).
   *
   * @param records the records
   * @param from column of unit i
   * @param to column of unit j
   * @param period column of the period (integer-valued)
   * @param count column of the counts
   * @param directed whether records are directed
   * @return the network
   * @throws SpecificationException for unknown columns, non-integer periods or bad counts
   */
  public static CollaborationNetwork fromPanel(
      Panel records, String from, String to, String period, String count, boolean directed) {
    double[] t = records.numeric(period);
    long[] periods = new long[t.length];
    for (int r = 0; r < t.length; r++) {
      if (t[r] != Math.rint(t[r]) || Double.isInfinite(t[r])) {
        throw new SpecificationException(
            "network period column '"
                + period
                + "' has the non-integer value "
                + t[r]
                + " at row "
                + (r + 1)
                + "; periods must be integers");
      }
      periods[r] = (long) t[r];
    }
    return fromRecords(
        Arrays.asList(records.labels(from)),
        Arrays.asList(records.labels(to)),
        periods,
        records.numeric(count),
        directed);
  }

  /**
   * Adds units that have no record (so that every W<sub>t</sub> covers them, with empty rows).
   *
   * @param units unit ids; those already known are ignored
   * @return a new network
   */
  public CollaborationNetwork withUnits(List<String> units) {
    List<String> extra = new ArrayList<>();
    for (String u : units) {
      if (!ids.contains(u) && !extra.contains(u)) {
        extra.add(Objects.requireNonNull(u, "unit"));
      }
    }
    if (extra.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(ids);
    all.addAll(extra);
    TreeMap<Long, WeightMatrix> out = new TreeMap<>();
    for (Map.Entry<Long, WeightMatrix> e : counts.entrySet()) {
      WeightMatrix w = e.getValue();
      int[] rp = Arrays.copyOf(w.rowPtrUnsafe(), all.size() + 1);
      int nnz = w.rowPtrUnsafe()[ids.size()];
      for (int i = ids.size() + 1; i <= all.size(); i++) {
        rp[i] = nnz;
      }
      out.put(
          e.getKey(),
          WeightMatrix.fromCsr(all, rp, w.colUnsafe(), w.valUnsafe(), IslandPolicy.ZERO));
    }
    return new CollaborationNetwork(
        List.copyOf(all),
        Collections.unmodifiableSortedMap(out),
        totals,
        directed,
        normalization,
        window,
        notes);
  }

  /**
   * Sets the total publications P<sub>jt</sub> used by {@link Normalization#SHARE}.
   *
   * @param units unit of each total
   * @param periods period of each total
   * @param total P<sub>jt</sub> (finite, ≥ 0)
   * @return a new network
   * @throws SpecificationException for negative or non-finite totals or duplicate (unit, period)
   */
  public CollaborationNetwork withTotals(List<String> units, long[] periods, double[] total) {
    if (units.size() != periods.length || total.length != periods.length) {
      throw new IllegalArgumentException("totals columns have different lengths");
    }
    Map<Long, Map<String, Double>> t = new HashMap<>();
    for (int r = 0; r < total.length; r++) {
      if (!(total[r] >= 0) || Double.isInfinite(total[r])) {
        throw new SpecificationException(
            "total publications of unit '"
                + units.get(r)
                + "' in period "
                + periods[r]
                + " is "
                + total[r]
                + "; totals must be finite and ≥ 0");
      }
      Double prev = t.computeIfAbsent(periods[r], k -> new HashMap<>()).put(units.get(r), total[r]);
      if (prev != null) {
        throw new SpecificationException(
            "total publications of unit '"
                + units.get(r)
                + "' in period "
                + periods[r]
                + " are given twice; give one total per unit and period");
      }
    }
    return new CollaborationNetwork(
        ids, counts, Map.copyOf(t), directed, normalization, window, notes);
  }

  /**
   * Reads totals from panel columns (e.g. the region-year panel's publications column).
   *
   * @param panel the panel, with a (unit, time) index
   * @param total the totals column; missing values are treated as absent
   * @return a new network
   */
  public CollaborationNetwork withTotals(Panel panel, String total) {
    PanelIndex idx = panel.requireIndex("network totals");
    double[] v = panel.numeric(total);
    int[] u = idx.unitCodes();
    long[] tt = idx.times();
    List<String> labels = idx.unitLabels();
    List<String> us = new ArrayList<>();
    List<Long> ps = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int r = 0; r < v.length; r++) {
      if (!Double.isNaN(v[r])) {
        us.add(labels.get(u[r]));
        ps.add(tt[r]);
        vs.add(v[r]);
      }
    }
    long[] pa = new long[ps.size()];
    double[] va = new double[vs.size()];
    for (int r = 0; r < pa.length; r++) {
      pa[r] = ps.get(r);
      va[r] = vs.get(r);
    }
    return withTotals(us, pa, va);
  }

  /**
   * @param n the normalisation
   * @return a new network
   */
  public CollaborationNetwork withNormalization(Normalization n) {
    return new CollaborationNetwork(
        ids, counts, totals, directed, Objects.requireNonNull(n, "normalization"), window, notes);
  }

  /**
   * Sets the window of periods whose counts (and totals) are summed for W<sub>t</sub>: 1 = period t
   * only (default), k &gt; 1 = the network periods in (t − k, t] (by period value), 0 = cumulative
   * (all network periods ≤ t).
   *
   * @param periods the window length, ≥ 0
   * @return a new network
   * @throws SpecificationException if negative
   */
  public CollaborationNetwork withWindow(int periods) {
    if (periods < 0) {
      throw new SpecificationException(
          "network window must be 0 (cumulative) or a positive number of periods, got " + periods);
    }
    return new CollaborationNetwork(ids, counts, totals, directed, normalization, periods, notes);
  }

  /**
   * @return the unit ids (common to all periods)
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * @return the periods with records, ascending
   */
  public List<Long> periods() {
    return List.copyOf(counts.keySet());
  }

  /**
   * @return whether records are directed
   */
  public boolean directed() {
    return directed;
  }

  /**
   * @return the normalisation
   */
  public Normalization normalization() {
    return normalization;
  }

  /**
   * @return the window (1 = single period, 0 = cumulative, k = moving)
   */
  public int window() {
    return window;
  }

  /**
   * @return notes from construction (dropped self-records)
   */
  public List<Note> notes() {
    return List.copyOf(notes);
  }

  /**
   * @param period a period with records
   * @return the raw counts P<sub>ijt</sub> of that period (no window)
   * @throws SpecificationException if the period has no records
   */
  public WeightMatrix counts(long period) {
    WeightMatrix w = counts.get(period);
    if (w == null) {
      throw new SpecificationException(
          "network has no records for period " + period + "; periods: " + rangeText());
    }
    return w;
  }

  private String rangeText() {
    return counts.isEmpty() ? "none" : counts.firstKey() + "–" + counts.lastKey();
  }

  /**
   * The weight matrix W<sub>t</sub> of one period: windowed counts, normalised.
   *
   * @param period a period with records
   * @return W<sub>t</sub> (island policy ZERO)
   * @throws SpecificationException if the period has no records, or SHARE totals are missing or
   *     zero for a unit with links
   */
  public WeightMatrix weights(long period) {
    counts(period);
    WeightMatrix c = windowed(period);
    switch (normalization) {
      case ROW:
        return c.standardize(Standardization.ROW);
      case COLUMN:
        return c.standardize(Standardization.COLUMN);
      case BINARY:
        return c.standardize(Standardization.BINARY);
      case COUNTS:
        return c;
      default:
        return share(c, period);
    }
  }

  /**
   * @return W<sub>t</sub> for every period with records, ascending (input for {@link
   *     Spillovers#of(SortedMap)})
   */
  public SortedMap<Long, WeightMatrix> toWeights() {
    TreeMap<Long, WeightMatrix> out = new TreeMap<>();
    for (Long t : counts.keySet()) {
      out.put(t, weights(t));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private List<Long> windowPeriods(long period) {
    List<Long> ps = new ArrayList<>();
    for (Long t : counts.headMap(period + 1).keySet()) {
      if (window == 0 || t > period - window) {
        ps.add(t);
      }
    }
    return ps;
  }

  private WeightMatrix windowed(long period) {
    if (window == 1) {
      return counts.get(period);
    }
    List<Long> ps = windowPeriods(period);
    int n = ids.size();
    int m = 0;
    for (Long t : ps) {
      m += counts.get(t).valUnsafe().length;
    }
    int[] fi = new int[m];
    int[] tj = new int[m];
    double[] v = new double[m];
    int q = 0;
    for (Long t : ps) {
      WeightMatrix w = counts.get(t);
      int[] rp = w.rowPtrUnsafe();
      int[] ci = w.colUnsafe();
      double[] vv = w.valUnsafe();
      for (int i = 0; i < n; i++) {
        for (int p = rp[i]; p < rp[i + 1]; p++) {
          fi[q] = i;
          tj[q] = ci[p];
          v[q++] = vv[p];
        }
      }
    }
    return sumTriplets(ids, n, fi, tj, v, q, new double[n]);
  }

  private WeightMatrix share(WeightMatrix c, long period) {
    int n = ids.size();
    double[] denom;
    if (totals.isEmpty()) {
      denom = c.columnSums();
    } else {
      denom = new double[n];
      boolean[] have = new boolean[n];
      for (Map.Entry<Long, Map<String, Double>> te : totals.entrySet()) {
        long t = te.getKey();
        boolean in =
            window == 1 ? t == period : t <= period && (window == 0 || t > period - window);
        if (!in) {
          continue;
        }
        Map<String, Double> m = te.getValue();
        for (int j = 0; j < n; j++) {
          Double v = m.get(ids.get(j));
          if (v != null) {
            denom[j] += v;
            have[j] = true;
          }
        }
      }
      double[] cs = c.columnSums();
      List<String> missing = new ArrayList<>();
      List<String> zero = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (cs[j] != 0 && !have[j]) {
          missing.add(ids.get(j));
        } else if (cs[j] != 0 && denom[j] == 0) {
          zero.add(ids.get(j));
        }
      }
      if (!missing.isEmpty()) {
        throw new SpecificationException(
            "share weights for period "
                + period
                + " need total publications of "
                + missing.size()
                + " units with collaborations but none are given: "
                + WeightMatrix.names(missing)
                + "; add their totals or use column normalization");
      }
      if (!zero.isEmpty()) {
        throw new SpecificationException(
            "share weights for period "
                + period
                + ": total publications are 0 for units with collaborations: "
                + WeightMatrix.names(zero)
                + "; totals must include the co-publications");
      }
    }
    int[] rp = c.rowPtrUnsafe();
    int[] ci = c.colUnsafe();
    double[] v = c.valUnsafe().clone();
    for (int p = 0; p < v.length; p++) {
      v[p] /= denom[ci[p]];
    }
    return WeightMatrix.fromCsr(ids, rp, ci, v, IslandPolicy.ZERO);
  }

  /**
   * International collaboration intensity CI<sub>it</sub> = Σ<sub>k</sub> PUB<sub>ikt</sub> /
   * PUB<sub>it</sub>: the records (unit i, period t, count PUB<sub>ikt</sub>), one per foreign
   * partner k (a paper with two foreign partners counts once per partner), are summed per (i, t)
   * and divided by the panel's total publications column. Panel rows without records get 0; rows
   * whose total is 0 or missing get a missing value, with a {@link Note}.
   *
   * @param panel the unit-time panel (with index)
   * @param total the column PUB<sub>it</sub>
   * @param units unit i of each record
   * @param periods period t of each record
   * @param count PUB<sub>ikt</sub> of each record (finite, ≥ 0)
   * @param name the new column's name
   * @return the panel with the new column and notes
   * @throws SpecificationException for negative counts, records for units or periods not in the
   *     panel, or an existing column name
   */
  public static SpilloverResult intensity(
      Panel panel, String total, List<String> units, long[] periods, double[] count, String name) {
    PanelIndex idx = panel.requireIndex("collaboration intensity");
    if (panel.hasColumn(name)) {
      throw new SpecificationException(
          "column '" + name + "' already exists in the panel; choose another name");
    }
    double[] tot = panel.numeric(total);
    List<String> labels = idx.unitLabels();
    Map<String, Integer> unitCode = new HashMap<>();
    for (int u = 0; u < labels.size(); u++) {
      unitCode.put(labels.get(u), u);
    }
    int[] uc = idx.unitCodes();
    long[] tt = idx.times();
    Map<Long, Integer> rowOf = new HashMap<>();
    long nUnits = labels.size();
    for (int r = 0; r < uc.length; r++) {
      rowOf.put(tt[r] * nUnits + uc[r], r);
    }
    double[] sum = new double[uc.length];
    for (int q = 0; q < count.length; q++) {
      if (!(count[q] >= 0) || Double.isInfinite(count[q])) {
        throw new SpecificationException(
            "collaboration record "
                + (q + 1)
                + " of unit '"
                + units.get(q)
                + "' in period "
                + periods[q]
                + " has count "
                + count[q]
                + "; counts must be finite and ≥ 0");
      }
      Integer u = unitCode.get(units.get(q));
      Integer r = u == null ? null : rowOf.get(periods[q] * nUnits + u);
      if (r == null) {
        throw new SpecificationException(
            "collaboration record "
                + (q + 1)
                + " for unit '"
                + units.get(q)
                + "' in period "
                + periods[q]
                + " has no row in the panel; every record must match a (unit, period) row");
      }
      sum[r] += count[q];
    }
    double[] ci = new double[uc.length];
    long bad = 0;
    for (int r = 0; r < uc.length; r++) {
      if (tot[r] > 0) {
        ci[r] = sum[r] / tot[r];
      } else {
        ci[r] = Double.NaN;
        bad++;
      }
    }
    List<Note> notes = new ArrayList<>();
    if (bad > 0) {
      notes.add(
          Note.of(
              Note.Kind.MISSING,
              bad,
              "'" + name + "' is missing in " + bad + " rows where '" + total + "' is 0 or missing",
              List.of(name)));
    }
    return new SpilloverResult(panel.withColumn(name, ci), List.of(name), notes);
  }
}
