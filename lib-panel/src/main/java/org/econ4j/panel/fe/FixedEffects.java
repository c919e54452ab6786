package org.econ4j.panel.fe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.internal.Shared;

/**
 * Fixed-effect dimensions of a model, encoded as dense {@code int[]} codes over the same rows.
 *
 * <p>Each dimension k has G<sub>k</sub> levels coded 0..G<sub>k</sub>−1 (any non-negative input
 * codes are re-densified in increasing order of the input values, so already dense codes keep their
 * numbering). A dimension contributes to the model either
 *
 * <ul>
 *   <li>an intercept per level, α<sub>k,g(i)</sub> (fixest {@code | fe});
 *   <li>an intercept and a slope per level, α<sub>k,g(i)</sub> + γ<sub>k,g(i)</sub>·x<sub>i</sub>
 *       (fixest {@code | fe[x]}, "varying slopes": fixest's single brackets keep the fixed effect);
 *   <li>or a slope per level only, γ<sub>k,g(i)</sub>·x<sub>i</sub> (fixest {@code | fe[[x]]}).
 * </ul>
 *
 * <p>Combined dimensions {@code a^b} are built with {@link #combine(int[], int[])} and added like
 * any other. Missing values are not allowed here (a code −1 is an error): the model frame drops
 * rows with missing fixed-effect values first and reports them.
 *
 * <p>Operations: iterative {@link #removeSingletons() singleton removal} (as fixest ≥ 0.13 and
 * reghdfe), the exact {@link #degreesOfFreedom() degrees of freedom absorbed}, {@link
 * #isNested(int[], int[]) nesting in a cluster variable}, and {@link #recover(double[], double[][],
 * double[]) recovery of the fixed-effect coefficients}. Demeaning is done by {@link Demeaner}.
 *
 * <p>Immutable and thread-safe; arrays are copied in and out. See {@code docs/fixed-effects.md}.
 */
public final class FixedEffects {

  /**
   * Largest number of levels in the dimensions beyond the two largest for which {@link
   * #degreesOfFreedom()} falls back to the numerical rank (each such level costs one demeaning of
   * an indicator column) when the integer cycle certificate is not available; above it the
   * conservative bound is reported, flagged as not exact.
   */
  public static final int EXACT_RANK_LEVEL_LIMIT = 2000;

  static {
    Shared.register(
        (Shared.FixedEffectsAccess)
            (fe, name, codes) ->
                (fe == null ? empty(codes.length) : fe).add(name, codes, null, null, true, true));
  }

  private final int rows;
  private final String[] names;
  private final int[][] codes;
  private final int[] levels;
  private final int[][] counts;
  private final long[][] original;
  private final double[][] slopes; // null entry: no slope
  private final String[] slopeNames; // null entry: no slope
  private final boolean[] intercept;

  private volatile PairTable pairTable;
  private volatile SortedRows sortedRows;
  private volatile FeDegreesOfFreedom dof;

  /**
   * Whether the explicit Schur complement was found denser than a pass over the rows (a property of
   * the fixed-effect graph, not of the weights): later weighted calls (IRLS) skip building it.
   */
  private volatile boolean schurTooDense;

  private FixedEffects(
      int rows,
      String[] names,
      int[][] codes,
      int[] levels,
      int[][] counts,
      long[][] original,
      double[][] slopes,
      String[] slopeNames,
      boolean[] intercept) {
    this.rows = rows;
    this.names = names;
    this.codes = codes;
    this.levels = levels;
    this.counts = counts;
    this.original = original;
    this.slopes = slopes;
    this.slopeNames = slopeNames;
    this.intercept = intercept;
  }

  /**
   * One fixed-effect dimension (fixest {@code | name}).
   *
   * @param name the dimension's name (e.g. {@code "firm"} or {@code "origin^year"})
   * @param codes one non-negative code per row (any values; re-densified)
   * @return the fixed effects
   * @throws SpecificationException if a code is negative (−1 = missing must be dropped before)
   * @throws IllegalArgumentException if there are no rows
   */
  public static FixedEffects of(String name, int[] codes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codes, "codes");
    if (codes.length == 0) {
      throw new IllegalArgumentException(
          "fixed effect '" + name + "' has no rows; expected at least one observation");
    }
    return empty(codes.length).add(name, codes, null, null, true, false);
  }

  private static FixedEffects empty(int rows) {
    return new FixedEffects(
        rows,
        new String[0],
        new int[0][],
        new int[0],
        new int[0][],
        new long[0][],
        new double[0][],
        new String[0],
        new boolean[0]);
  }

  /**
   * Adds a fixed-effect dimension (fixest {@code | ... + name}).
   *
   * @param name the dimension's name, distinct from the others
   * @param codes one non-negative code per row
   * @return a new instance with the dimension appended
   * @throws SpecificationException if a code is negative
   * @throws IllegalArgumentException if the length differs from {@link #rows()} or the name is
   *     taken
   */
  public FixedEffects withDimension(String name, int[] codes) {
    return add(name, codes, null, null, true, false);
  }

  /**
   * Adds a dimension with varying slopes and its intercepts, α<sub>g</sub> + γ<sub>g</sub>·x
   * (fixest {@code | name[slopeName]}, e.g. unit-specific linear trends {@code unit[year]}).
   *
   * @param name the dimension's name
   * @param codes one non-negative code per row
   * @param slopeName the slope variable's name
   * @param x the slope variable, finite
   * @return a new instance
   * @throws SpecificationException if a code is negative or x is not finite
   */
  public FixedEffects withVaryingSlope(String name, int[] codes, String slopeName, double[] x) {
    Objects.requireNonNull(slopeName, "slopeName");
    return add(name, codes, slopeName, x, true, false);
  }

  /**
   * Adds a dimension with varying slopes only, γ<sub>g</sub>·x, without its intercepts (fixest
   * {@code | name[[slopeName]]}).
   *
   * @param name the dimension's name
   * @param codes one non-negative code per row
   * @param slopeName the slope variable's name
   * @param x the slope variable, finite
   * @return a new instance
   * @throws SpecificationException if a code is negative or x is not finite
   */
  public FixedEffects withSlopeOnly(String name, int[] codes, String slopeName, double[] x) {
    Objects.requireNonNull(slopeName, "slopeName");
    return add(name, codes, slopeName, x, false, false);
  }

  /**
   * @param share whether {@code rawCodes} may be kept without a copy when they are already dense
   *     (internal callers that never modify the array, see {@link Shared})
   */
  private FixedEffects add(
      String name,
      int[] rawCodes,
      String slopeName,
      double[] x,
      boolean withIntercept,
      boolean share) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rawCodes, "codes");
    String label = label(name, slopeName, withIntercept);
    if (rawCodes.length != rows) {
      throw new IllegalArgumentException(
          "fixed effect '"
              + label
              + "' has "
              + rawCodes.length
              + " rows, expected "
              + rows
              + "; all fixed effects must cover the same rows");
    }
    for (int k = 0; k < names.length; k++) {
      if (label(k).equals(label)) {
        throw new IllegalArgumentException(
            "fixed effect '" + label + "' is given twice; use distinct dimensions");
      }
    }
    for (int i = 0; i < rawCodes.length; i++) {
      if (rawCodes[i] < 0) {
        throw new SpecificationException(
            "fixed effect '"
                + label
                + "' has code "
                + rawCodes[i]
                + " at row "
                + i
                + ", expected a non-negative code; drop rows with missing fixed-effect values"
                + " before encoding");
      }
    }
    double[] xs = null;
    if (slopeName != null) {
      Objects.requireNonNull(x, "x");
      if (x.length != rows) {
        throw new IllegalArgumentException(
            "slope variable '"
                + slopeName
                + "' has "
                + x.length
                + " rows, expected "
                + rows
                + "; all fixed effects must cover the same rows");
      }
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(x[i])) {
          throw new SpecificationException(
              "slope variable '"
                  + slopeName
                  + "' of fixed effect '"
                  + label
                  + "' is "
                  + x[i]
                  + " at row "
                  + i
                  + ", expected a finite value; drop rows with missing values before encoding");
        }
      }
      xs = x.clone();
    }
    Encoding.Dense d = Encoding.dense(rawCodes, share);
    int m = names.length;
    String[] n2 = Arrays.copyOf(names, m + 1);
    int[][] c2 = Arrays.copyOf(codes, m + 1);
    int[] l2 = Arrays.copyOf(levels, m + 1);
    int[][] cnt2 = Arrays.copyOf(counts, m + 1);
    long[][] o2 = Arrays.copyOf(original, m + 1);
    double[][] s2 = Arrays.copyOf(slopes, m + 1);
    String[] sn2 = Arrays.copyOf(slopeNames, m + 1);
    boolean[] i2 = Arrays.copyOf(intercept, m + 1);
    n2[m] = name;
    c2[m] = d.codes;
    l2[m] = d.levels;
    cnt2[m] = countLevels(d.codes, d.levels);
    o2[m] = d.original;
    s2[m] = xs;
    sn2[m] = slopeName;
    i2[m] = withIntercept;
    return new FixedEffects(rows, n2, c2, l2, cnt2, o2, s2, sn2, i2);
  }

  private static String label(String name, String slopeName, boolean withIntercept) {
    if (slopeName == null) {
      return name;
    }
    return withIntercept ? name + "[" + slopeName + "]" : name + "[[" + slopeName + "]]";
  }

  private static int[] countLevels(int[] codes, int g) {
    int[] c = new int[g];
    for (int v : codes) {
      c[v]++;
    }
    return c;
  }

  // ---------------------------------------------------------------- static helpers

  /**
   * Re-encodes non-negative codes as dense codes 0..G−1, in increasing order of the input values.
   *
   * @param codes codes (not modified)
   * @return the dense codes
   * @throws SpecificationException if a code is negative
   */
  public static int[] encode(int[] codes) {
    Objects.requireNonNull(codes, "codes");
    checkNonNegative(codes, "codes");
    return Encoding.dense(codes).codes;
  }

  /**
   * Combines two code arrays into the dense codes of their interaction, fixest's {@code a^b}: rows
   * share a combined level iff they share both levels. Levels are numbered in lexicographic order
   * of (a, b). Linear time, no boxing (pairs are hashed as one {@code long} key, or indexed
   * directly when the product of the level counts is small).
   *
   * @param a codes of the first variable, non-negative
   * @param b codes of the second variable, non-negative, same length
   * @return dense combined codes
   * @throws SpecificationException if a code is negative
   * @throws IllegalArgumentException if the lengths differ
   */
  public static int[] combine(int[] a, int[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "cannot combine code arrays of lengths " + a.length + " and " + b.length);
    }
    checkNonNegative(a, "a");
    checkNonNegative(b, "b");
    Encoding.Dense da = Encoding.dense(a);
    Encoding.Dense db = Encoding.dense(b);
    return Encoding.combine(da.codes, da.levels, db.codes, db.levels).codes;
  }

  private static void checkNonNegative(int[] codes, String what) {
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        throw new SpecificationException(
            "code array '"
                + what
                + "' has code "
                + codes[i]
                + " at row "
                + i
                + ", expected a non-negative code; drop rows with missing values before encoding");
      }
    }
  }

  /**
   * Whether a fixed effect is nested in a cluster variable: every level of {@code fe} occurs with a
   * single cluster code. Used by small-sample corrections (fixest {@code ssc(fixef.K = "nested")},
   * reghdfe) to not count such fixed effects.
   *
   * @param fe fixed-effect codes, non-negative
   * @param cluster cluster codes, non-negative, same length
   * @return true if nested
   * @throws IllegalArgumentException if the lengths differ
   * @throws SpecificationException if a code is negative
   */
  public static boolean isNested(int[] fe, int[] cluster) {
    Objects.requireNonNull(fe, "fe");
    Objects.requireNonNull(cluster, "cluster");
    if (fe.length != cluster.length) {
      throw new IllegalArgumentException(
          "cannot test nesting of arrays of lengths " + fe.length + " and " + cluster.length);
    }
    checkNonNegative(fe, "fe");
    checkNonNegative(cluster, "cluster");
    Encoding.Dense d = Encoding.dense(fe);
    int[] seen = new int[d.levels];
    Arrays.fill(seen, -1);
    for (int i = 0; i < fe.length; i++) {
      int g = d.codes[i];
      if (seen[g] == -1) {
        seen[g] = cluster[i];
      } else if (seen[g] != cluster[i]) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- accessors

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return the number of dimensions
   */
  public int dimensions() {
    return names.length;
  }

  /**
   * @param d dimension index
   * @return the name given for dimension d
   */
  public String name(int d) {
    return names[d];
  }

  /**
   * @param d dimension index
   * @return the display label: {@code name}, {@code name[x]} or {@code name[[x]]}
   */
  public String label(int d) {
    return label(names[d], slopeNames[d], intercept[d]);
  }

  /**
   * @return the display labels of all dimensions, in order
   */
  public List<String> labels() {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < names.length; d++) {
      out.add(label(d));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * @param d dimension index
   * @return the number of levels G<sub>d</sub>
   */
  public int levels(int d) {
    return levels[d];
  }

  /**
   * @param d dimension index
   * @return a copy of the dense codes (0..G−1)
   */
  public int[] codes(int d) {
    return codes[d].clone();
  }

  /**
   * @param d dimension index
   * @return a copy of the number of rows in each level
   */
  public int[] levelCounts(int d) {
    return counts[d].clone();
  }

  /**
   * @param d dimension index
   * @return the input code of each dense level (for dimensions added from non-dense codes)
   */
  public long[] originalCodes(int d) {
    return original[d].clone();
  }

  /**
   * @param d dimension index
   * @return whether dimension d has one intercept per level
   */
  public boolean hasIntercept(int d) {
    return intercept[d];
  }

  /**
   * @param d dimension index
   * @return the slope variable's name, if dimension d has varying slopes
   */
  public Optional<String> slopeName(int d) {
    return Optional.ofNullable(slopeNames[d]);
  }

  /**
   * @param d dimension index
   * @return a copy of the slope variable of dimension d, or an empty array if none
   */
  public double[] slopeValues(int d) {
    return slopes[d] == null ? new double[0] : slopes[d].clone();
  }

  /**
   * @return the number of fixed-effect coefficients before removing redundant ones: Σ G<sub>k</sub>
   *     per intercept plus Σ G<sub>k</sub> per slope
   */
  public int coefficientCount() {
    int p = 0;
    for (int d = 0; d < names.length; d++) {
      p += (intercept[d] ? levels[d] : 0) + (slopes[d] != null ? levels[d] : 0);
    }
    return p;
  }

  // package-private views (no copies) for the solvers
  int[] codesRef(int d) {
    return codes[d];
  }

  int[] countsRef(int d) {
    return counts[d];
  }

  double[] slopeRef(int d) {
    return slopes[d];
  }

  boolean interceptRef(int d) {
    return intercept[d];
  }

  /** Whether the two-dimension fast path applies: exactly two intercept-only dimensions. */
  boolean twoWayPlain() {
    return names.length == 2
        && slopes[0] == null
        && slopes[1] == null
        && intercept[0]
        && intercept[1];
  }

  PairTable pairTable() {
    PairTable t = pairTable;
    if (t == null) {
      synchronized (this) {
        t = pairTable;
        if (t == null) {
          t = PairTable.build(codes[0], levels[0], codes[1], levels[1]);
          pairTable = t;
        }
      }
    }
    return t;
  }

  boolean schurTooDense() {
    return schurTooDense;
  }

  void markSchurTooDense() {
    schurTooDense = true;
  }

  /** Σ over the largest dimension's levels of (distinct other levels)², or -1 before computed. */
  private volatile long schurWork = -1;

  /** The work of building the explicit Schur complement (structure only; computed once). */
  long schurWork(java.util.function.LongSupplier compute) {
    long w = schurWork;
    if (w < 0) {
      w = compute.getAsLong();
      schurWork = w;
    }
    return w;
  }

  SortedRows sortedRows() {
    SortedRows t = sortedRows;
    if (t == null) {
      synchronized (this) {
        t = sortedRows;
        if (t == null) {
          t = SortedRows.build(this);
          sortedRows = t;
        }
      }
    }
    return t;
  }

  // ---------------------------------------------------------------- subsetting and singletons

  /**
   * The fixed effects on the rows where {@code keep} is true; levels without rows disappear and the
   * codes are re-densified.
   *
   * @param keep one flag per row
   * @return a new instance
   * @throws IllegalArgumentException if the length differs from {@link #rows()} or no row is kept
   */
  public FixedEffects subset(boolean[] keep) {
    Objects.requireNonNull(keep, "keep");
    if (keep.length != rows) {
      throw new IllegalArgumentException("row mask has " + keep.length + " rows, expected " + rows);
    }
    int m = 0;
    for (boolean b : keep) {
      if (b) {
        m++;
      }
    }
    if (m == 0) {
      throw new IllegalArgumentException("row mask keeps no row; expected at least one");
    }
    int k = names.length;
    int[][] c2 = new int[k][];
    int[] l2 = new int[k];
    int[][] cnt2 = new int[k][];
    long[][] o2 = new long[k][];
    double[][] s2 = new double[k][];
    for (int d = 0; d < k; d++) {
      int[] sub = new int[m];
      double[] xs = slopes[d] == null ? null : new double[m];
      int j = 0;
      for (int i = 0; i < rows; i++) {
        if (keep[i]) {
          sub[j] = codes[d][i];
          if (xs != null) {
            xs[j] = slopes[d][i];
          }
          j++;
        }
      }
      Encoding.Dense dn = Encoding.dense(sub, true);
      c2[d] = dn.codes;
      l2[d] = dn.levels;
      cnt2[d] = countLevels(dn.codes, dn.levels);
      long[] o = new long[dn.levels];
      for (int g = 0; g < dn.levels; g++) {
        o[g] = original[d][(int) dn.original[g]];
      }
      o2[d] = o;
      s2[d] = xs;
    }
    return new FixedEffects(
        m, names.clone(), c2, l2, cnt2, o2, s2, slopeNames.clone(), intercept.clone());
  }

  /**
   * Removes singletons iteratively: rows whose level of some dimension has a single row are
   * dropped; as that can create new singletons, rounds repeat until none remain (fixest ≥ 0.13
   * {@code fixef.rm = "singleton"}, reghdfe). Singletons carry no information on slopes (their
   * fixed effect fits them exactly) but would bias degrees of freedom. Whether to do this is the
   * estimator's switch (on by default for FE-OLS, as fixest).
   *
   * @return the kept-row mask, counts per round, the reduced fixed effects and a {@link
   *     Note.Kind#SINGLETON} note (none if nothing was removed)
   */
  public SingletonRemoval removeSingletons() {
    int k = names.length;
    int[][] cnt = new int[k][];
    for (int d = 0; d < k; d++) {
      cnt[d] = counts[d].clone();
    }
    boolean[] keep = new boolean[rows];
    Arrays.fill(keep, true);
    List<Integer> perRound = new ArrayList<>();
    int[] flagged = new int[Math.min(rows, 1024)]; // grows when needed (singletons are few)
    int total = 0;
    while (true) {
      int nf = 0;
      for (int i = 0; i < rows; i++) {
        if (!keep[i]) {
          continue;
        }
        for (int d = 0; d < k; d++) {
          if (cnt[d][codes[d][i]] == 1) {
            if (nf == flagged.length) {
              flagged = Arrays.copyOf(flagged, Math.min(rows, 2 * nf));
            }
            flagged[nf++] = i;
            break;
          }
        }
      }
      if (nf == 0) {
        break;
      }
      for (int j = 0; j < nf; j++) {
        int i = flagged[j];
        keep[i] = false;
        for (int d = 0; d < k; d++) {
          cnt[d][codes[d][i]]--;
        }
      }
      perRound.add(nf);
      total += nf;
      if (total == rows) {
        break;
      }
    }
    int[] rounds = new int[perRound.size()];
    for (int r = 0; r < rounds.length; r++) {
      rounds[r] = perRound.get(r);
    }
    List<Note> notes = new ArrayList<>();
    FixedEffects reduced = this;
    if (total > 0) {
      notes.add(
          Note.of(
              Note.Kind.SINGLETON,
              total,
              total
                  + (total == 1 ? " singleton observation" : " singleton observations")
                  + " removed in "
                  + rounds.length
                  + (rounds.length == 1 ? " round" : " rounds")
                  + " (per round: "
                  + joinInts(rounds)
                  + "; fixed effects: "
                  + String.join(", ", labels())
                  + ")",
              labels()));
      if (total == rows) {
        throw new SpecificationException(
            "all "
                + rows
                + " observations are singletons of the fixed effects '"
                + String.join(", ", labels())
                + "'; nothing is left to estimate, keep singletons or use fewer fixed effects");
      }
      reduced = subset(keep);
    }
    return new SingletonRemoval(keep, rounds, reduced, notes);
  }

  private static String joinInts(int[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(v[i]);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- degrees of freedom

  /**
   * The number of fixed-effect coefficients that are identified, i.e. the rank of the fixed-effect
   * design matrix D (the degrees of freedom the fixed effects absorb), and the number of redundant
   * coefficients Σ G − rank.
   *
   * <ul>
   *   <li>One dimension: G (no redundancy).
   *   <li>Two dimensions: G<sub>1</sub> + G<sub>2</sub> − C, with C the number of connected
   *       components of the bipartite graph linking levels that share a row (union–find); exact.
   *   <li>Three or more: the two intercept dimensions a, b with most levels are treated by
   *       components as above; for the m levels of the others, a null vector of D needs
   *       α<sub>a</sub> + α<sub>b</sub> = −Σ α<sub>further</sub> on every row, which is solvable
   *       iff the further coefficients are consistent around every cycle of the (a, b) level graph.
   *       One union–find pass with exact integer potentials collects the cycle constraint vectors;
   *       their rank is tracked modulo 2<sup>31</sup> − 1 (a lower bound of the rational rank) and
   *       is proven exact when it reaches m − (number of further dimensions), the largest possible;
   *       otherwise a second pass certifies the rational null space of the constraints exactly.
   *       Redundant = C + (m − rank). This is the exact rank of D (reghdfe instead reports a
   *       conservative bound), at the cost of about one union–find pass over the rows. When the
   *       certificate is not available (potentials over {@code 2.5·10⁷} longs, integer overflow)
   *       the rank of the m × m Gram matrix of the further indicators projected off a and b
   *       (demeaning with tolerance 1e-8, pivoted Cholesky) is used for m ≤ {@link
   *       #EXACT_RANK_LEVEL_LIMIT}; above it the bound C + (number of further dimensions) is
   *       reported with {@code exact() == false}.
   *   <li>Slope coefficients of varying slopes are counted in full (as fixest does).
   * </ul>
   *
   * Computed once and cached.
   *
   * @return the degrees of freedom absorbed
   */
  public FeDegreesOfFreedom degreesOfFreedom() {
    FeDegreesOfFreedom r = dof;
    if (r == null) {
      r = DegreesOfFreedom.compute(this);
      dof = r;
    }
    return r;
  }

  /**
   * A cheap conservative version of {@link #degreesOfFreedom()}: exact for one and two intercept
   * dimensions; for more, the components of the two largest plus one redundant coefficient per
   * further dimension (each further dimension's constant), as reghdfe's default bound — so the
   * absorbed degrees of freedom are an upper bound and standard errors err on the large side. No
   * demeaning or cycle scan is done beyond the components.
   *
   * @return the degrees of freedom absorbed; {@code exact()} is false for three or more dimensions
   */
  public FeDegreesOfFreedom degreesOfFreedomBound() {
    return DegreesOfFreedom.compute(this, false);
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Recovers the fixed-effect coefficients after the slopes β are estimated, with default accuracy
   * (demeaning tolerance 1e-10, no weights). See {@link #recover(double[], double[][], double[],
   * double[], Demeaner)}.
   *
   * @param y the outcome on these rows
   * @param x the regressors, one column per coefficient (may be empty)
   * @param beta the estimated slopes, one per column of x
   * @return one entry per dimension, in order
   */
  public List<FeCoefficients> recover(double[] y, double[][] x, double[] beta) {
    return recover(y, x, beta, new double[0], Demeaner.defaults().withTolerance(1e-10));
  }

  /**
   * Recovers the fixed-effect coefficients: solves min Σ w<sub>i</sub>(y<sub>i</sub> −
   * x<sub>i</sub>'β − Σ<sub>k</sub> α<sub>k,g(i)</sub>)² over the α given β (fixest {@code
   * fixef()}), then normalises. Normalisation: the first intercept dimension is free; in the second
   * intercept dimension the lowest-numbered level of every connected component of the bipartite
   * graph of the first two is set to 0 (its value is moved into the first dimension's levels of
   * that component); in every further intercept dimension its level 0 is set to 0 (moved into the
   * first dimension). With two dimensions this makes the coefficients unique; with three or more,
   * remaining redundancies (see {@link #degreesOfFreedom()}) are not normalised and the individual
   * values are one solution among many, although their sums per row are unique. Slopes are not
   * normalised.
   *
   * @param y the outcome on these rows
   * @param x the regressors, one column per coefficient (may be empty)
   * @param beta the estimated slopes, one per column of x
   * @param weights observation weights, or an empty array for none
   * @param demeaner the solver configuration (its tolerance sets the accuracy)
   * @return one entry per dimension, in order
   * @throws IllegalArgumentException if the dimensions do not match
   */
  public List<FeCoefficients> recover(
      double[] y, double[][] x, double[] beta, double[] weights, Demeaner demeaner) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(beta, "beta");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(demeaner, "demeaner");
    if (y.length != rows) {
      throw new IllegalArgumentException("y has " + y.length + " rows, expected " + rows);
    }
    if (x.length != beta.length) {
      throw new IllegalArgumentException(
          "x has " + x.length + " columns but beta has " + beta.length + " values");
    }
    double[] r = y.clone();
    for (int j = 0; j < x.length; j++) {
      if (x[j].length != rows) {
        throw new IllegalArgumentException(
            "x column " + j + " has " + x[j].length + " rows, expected " + rows);
      }
      double b = beta[j];
      double[] xj = x[j];
      for (int i = 0; i < rows; i++) {
        r[i] -= b * xj[i];
      }
    }
    DemeanResult res =
        weights.length == 0
            ? demeaner.demean(this, new double[][] {r})
            : demeaner.demean(this, new double[][] {r}, weights);
    double[] coef = res.state().coefficientsRef(0);
    return Recovery.normalise(this, coef);
  }

  /** Offsets of each dimension's intercepts and slopes in the flattened coefficient vector. */
  int[][] layout() {
    int k = names.length;
    int[][] off = new int[k][2];
    int p = 0;
    for (int d = 0; d < k; d++) {
      off[d][0] = intercept[d] ? p : -1;
      p += intercept[d] ? levels[d] : 0;
      off[d][1] = slopes[d] != null ? p : -1;
      p += slopes[d] != null ? levels[d] : 0;
    }
    return off;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FixedEffects[rows=").append(rows);
    for (int d = 0; d < names.length; d++) {
      sb.append(", ").append(label(d)).append(": ").append(levels[d]).append(" levels");
    }
    return sb.append(']').toString();
  }
}
