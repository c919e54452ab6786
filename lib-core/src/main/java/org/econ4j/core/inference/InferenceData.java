package org.econ4j.core.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.econ4j.core.linalg.LeastSquaresFit;

/**
 * What an estimator keeps so that any {@link Vcov} can be computed, at fit time or later without
 * refitting ({@code RegressionResult.withVcov}): the bread, the per-observation scores, the
 * leverage, the iid scale, the degrees-of-freedom pieces, and the cluster, time and unit codes
 * resolved at fit time on the estimation sample.
 *
 * <p>For OLS / WLS with (demeaned) regressors X&#771; and residuals e: bread B =
 * (X&#771;'WX&#771;)<sup>&minus;1</sup>, scores s<sub>ij</sub> = w<sub>i</sub> x&#771;<sub>ij</sub>
 * e<sub>i</sub>, iid scale RSS/(n &minus; 1) (so that fixest's (n &minus; 1)/(n &minus; K) gives
 * the familiar RSS/(n &minus; K)). For maximum likelihood: B = inverse of the negative Hessian, s =
 * score contributions, iid scale 1. With fixed effects, the leverage must include the FE part:
 * h<sub>ii</sub> = h<sup>FE</sup><sub>ii</sub> +
 * x&#771;<sub>i</sub>'Bx&#771;<sub>i</sub>w<sub>i</sub> (for one FE dimension
 * h<sup>FE</sup><sub>ii</sub> = w<sub>i</sub>/&Sigma;<sub>g(i)</sub>w).
 *
 * <p>Codes are non-negative {@code int}s; any values may be used (they are densified). Time codes
 * are integer periods where consecutive periods differ by one (e.g. years).
 *
 * <p>Leverages may be given eagerly ({@link Builder#leverage(double[])}) or lazily ({@link
 * Builder#lazyLeverage(Function)}): a lazy supplier is called once, on the first covariance that
 * needs the leverages (HC2, HC3, at fit time or in a later {@code withVcov}), its result kept and
 * the supplier released (together with whatever it captured); concurrent first calls compute it
 * once. A supplier that throws is called again on the next request.
 *
 * <p>Immutable (the lazy leverage is computed at most once and never changes) and thread-safe. To
 * avoid doubling memory on large data the n-length arrays given to the builder are taken over, not
 * copied: the caller must not modify them afterwards. The small bread is copied.
 */
public final class InferenceData {
  private final double[][] bread;
  private final double[][] scores;
  private volatile double[] leverage;
  private Function<String, double[]> lazyLeverage; // guarded by this; null once computed
  private final boolean leverageAvailable;
  private final double iidScale;
  private final int nobs;
  private final int fixefDof;
  private final Map<String, int[]> fixedEffects;
  private final Map<String, int[]> clusters;
  private final int[] time;
  private final int[] unit;
  private final boolean normal;
  private final ToIntFunction<List<String>> fixefDofOf;
  private final Map<String, double[]> columns;

  private InferenceData(Builder b) {
    this.bread = copy(b.bread);
    this.scores = b.scores;
    this.leverage = b.leverage;
    this.lazyLeverage = b.leverage == null ? b.lazyLeverage : null;
    this.leverageAvailable = b.leverage != null || b.lazyLeverage != null;
    this.iidScale = b.iidScale;
    this.nobs = b.nobs;
    this.fixefDof = b.fixefDof;
    this.fixedEffects = Collections.unmodifiableMap(new LinkedHashMap<>(b.fixedEffects));
    this.clusters = Collections.unmodifiableMap(new LinkedHashMap<>(b.clusters));
    this.time = b.time;
    this.unit = b.unit;
    this.normal = b.normal;
    this.fixefDofOf = b.fixefDofOf;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
  }

  /**
   * Starts a bundle.
   *
   * @param bread K&times;K bread, row-major (copied)
   * @param scores K arrays of length n (taken over)
   * @param nobs n
   * @return a builder
   */
  public static Builder builder(double[][] bread, double[][] scores, int nobs) {
    return new Builder(bread, scores, nobs);
  }

  /**
   * Starts the bundle of an unweighted least-squares fit: the fit's bread, scores x<sub>ij</sub>
   * e<sub>i</sub> over the kept columns, iid scale RSS/(n &minus; 1). Add leverages with {@link
   * Builder#leverage(double[])} and {@link #leverages(LeastSquaresFit, double[][])} when HC2/HC3
   * are wanted.
   *
   * @param fit the fit
   * @param x the columns given to {@link org.econ4j.core.linalg.LeastSquares} (e.g. demeaned)
   * @return a builder
   */
  public static Builder forLeastSquares(LeastSquaresFit fit, double[][] x) {
    return forLeastSquares(fit, x, null);
  }

  /**
   * Starts the bundle of a weighted least-squares fit: scores w<sub>i</sub> x<sub>ij</sub>
   * e<sub>i</sub>, iid scale &Sigma;w e&sup2;/(n &minus; 1).
   *
   * @param fit the fit
   * @param x the columns given to {@link org.econ4j.core.linalg.LeastSquares}
   * @param weights the weights of the fit, or {@code null} for none
   * @return a builder
   */
  public static Builder forLeastSquares(LeastSquaresFit fit, double[][] x, double[] weights) {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(x, "x");
    int[] kept = fit.keptColumns();
    double[] e = fit.residuals();
    int n = e.length;
    double[][] scores = new double[kept.length][n];
    for (int k = 0; k < kept.length; k++) {
      double[] xk = x[kept[k]];
      double[] sk = scores[k];
      for (int i = 0; i < n; i++) {
        sk[i] = weights == null ? xk[i] * e[i] : weights[i] * xk[i] * e[i];
      }
    }
    return builder(fit.bread(), scores, n).iidScale(n > 1 ? fit.rss() / (n - 1) : Double.NaN);
  }

  /**
   * Leverages h<sub>ii</sub> = x<sub>i</sub>'Bx<sub>i</sub> of the kept columns of an unweighted
   * fit (the diagonal of the hat matrix). With fixed effects partialled out, the caller adds the FE
   * part.
   *
   * @param fit the fit
   * @param x the columns given to {@link org.econ4j.core.linalg.LeastSquares}
   * @return h<sub>ii</sub> per observation
   */
  public static double[] leverages(LeastSquaresFit fit, double[][] x) {
    return leverages(fit, x, null);
  }

  /**
   * Leverages h<sub>ii</sub> = w<sub>i</sub> x<sub>i</sub>'Bx<sub>i</sub> of a weighted fit.
   *
   * @param fit the fit
   * @param x the columns given to {@link org.econ4j.core.linalg.LeastSquares}
   * @param weights the weights, or {@code null} for none
   * @return h<sub>ii</sub> per observation
   */
  public static double[] leverages(LeastSquaresFit fit, double[][] x, double[] weights) {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(x, "x");
    int[] kept = fit.keptColumns();
    double[][] b = fit.bread();
    int n = fit.nobs();
    int k = kept.length;
    double[] h = new double[n];
    double[] xi = new double[k];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        xi[a] = x[kept[a]][i];
      }
      double s = 0;
      for (int a = 0; a < k; a++) {
        double t = 0;
        for (int c = 0; c < k; c++) {
          t += b[a][c] * xi[c];
        }
        s += xi[a] * t;
      }
      h[i] = weights == null ? s : weights[i] * s;
    }
    return h;
  }

  static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /**
   * @return the bread (copy)
   */
  public double[][] bread() {
    return copy(bread);
  }

  double[][] breadShared() {
    return bread;
  }

  double[][] scoresShared() {
    return scores;
  }

  /**
   * @return the number of coefficients K (kept)
   */
  public int coefficients() {
    return bread.length;
  }

  /**
   * @return the number of observations n
   */
  public int nobs() {
    return nobs;
  }

  /**
   * @return the iid scale s&sup2; before the small-sample K factor
   */
  public double iidScale() {
    return iidScale;
  }

  /**
   * @return identified FE parameters F (levels minus redundant ones)
   */
  public int fixefDof() {
    return fixefDof;
  }

  /**
   * @return names of the FE dimensions kept for the nesting check
   */
  public Set<String> fixedEffectNames() {
    return fixedEffects.keySet();
  }

  /**
   * @return names of the cluster variables resolved at fit time
   */
  public Set<String> clusterNames() {
    return clusters.keySet();
  }

  /**
   * @return whether the model uses normal (z) inference whatever the small-sample correction
   */
  public boolean normal() {
    return normal;
  }

  /**
   * @return whether leverages were provided (HC2, HC3), eagerly or as a lazy supplier
   */
  public boolean hasLeverage() {
    return leverageAvailable;
  }

  /**
   * @return whether time codes were provided (Newey&ndash;West, Driscoll&ndash;Kraay)
   */
  public boolean hasTime() {
    return time != null;
  }

  Optional<int[]> clusterCodes(String name) {
    int[] c = clusters.get(name);
    if (c == null) {
      c = fixedEffects.get(name);
    }
    return Optional.ofNullable(c);
  }

  /**
   * Identified parameters of a subset of the FE dimensions taken alone: the function given to
   * {@link Builder#fixefDofFunction}, or by default {@link #fixefDof()} for all dimensions and
   * &Sigma; levels &minus; (m &minus; 1) for a subset of m dimensions (exact for one dimension and
   * for two connected ones; fixest's count when {@code fixef.force_exact = FALSE}).
   *
   * @param names FE dimension names
   * @return their identified parameters (0 for none)
   */
  public int fixefDofOf(List<String> names) {
    Objects.requireNonNull(names, "names");
    if (names.isEmpty()) {
      return 0;
    }
    if (fixefDofOf != null) {
      return fixefDofOf.applyAsInt(List.copyOf(names));
    }
    if (names.size() == fixedEffects.size() && fixedEffects.keySet().containsAll(names)) {
      return fixefDof;
    }
    int total = 0;
    for (String name : names) {
      int[] codes = fixedEffects.get(name);
      if (codes == null) {
        throw new IllegalArgumentException(
            "unknown fixed effect '"
                + name
                + "'; known: "
                + String.join(", ", fixedEffects.keySet()));
      }
      total += Sandwich.densify(codes, new int[codes.length]);
    }
    return total - (names.size() - 1);
  }

  Map<String, int[]> fixedEffectCodes() {
    return fixedEffects;
  }

  /**
   * The leverages, computing them with the lazy supplier on the first call.
   *
   * @param vcovSpec the covariance type that needs them (for the supplier's error messages)
   * @return the leverages, or null if none were provided
   */
  double[] leverageShared(String vcovSpec) {
    double[] h = leverage;
    if (h != null || !leverageAvailable) {
      return h;
    }
    synchronized (this) {
      h = leverage;
      if (h == null) {
        h = lazyLeverage.apply(vcovSpec);
        if (h == null || h.length != nobs) {
          throw new IllegalStateException(
              "the lazy leverage supplier returned "
                  + (h == null ? "null" : h.length + " values")
                  + " but nobs is "
                  + nobs);
        }
        leverage = h;
        lazyLeverage = null;
      }
    }
    return h;
  }

  int[] timeShared() {
    return time;
  }

  int[] unitShared() {
    return unit;
  }

  // --- Access for Vcov.Custom implementations (e.g. Conley standard errors in lib-spatial) ---

  /**
   * The per-observation scores, for {@link Vcov.Custom} implementations that build their own meat.
   *
   * @return K arrays of length n (a copy)
   */
  public double[][] scores() {
    return copy(scores);
  }

  /**
   * @return the time codes given to {@link Builder#time(int[])} (a copy), if any
   */
  public Optional<int[]> timeCodes() {
    return time == null ? Optional.empty() : Optional.of(time.clone());
  }

  /**
   * @return the unit codes given to {@link Builder#unit(int[])} (a copy), if any
   */
  public Optional<int[]> unitCodes() {
    return unit == null ? Optional.empty() : Optional.of(unit.clone());
  }

  /**
   * @return names of the extra numeric columns registered with {@link Builder#column(String,
   *     double[])} (e.g. the coordinates a {@link Vcov.Custom} asked for through {@link
   *     Vcov.Custom#columns()})
   */
  public Set<String> columnNames() {
    return columns.keySet();
  }

  /**
   * An extra numeric column on the estimation sample (aligned with the scores).
   *
   * @param name the column name
   * @return its values (a copy), or empty if the estimator did not register it
   */
  public Optional<double[]> column(String name) {
    double[] c = columns.get(Objects.requireNonNull(name, "name"));
    return c == null ? Optional.empty() : Optional.of(c.clone());
  }

  /** Accumulates an {@link InferenceData}; not thread-safe. */
  public static final class Builder {
    private final double[][] bread;
    private final double[][] scores;
    private final int nobs;
    private double[] leverage;
    private Function<String, double[]> lazyLeverage;
    private double iidScale = Double.NaN;
    private int fixefDof;
    private final Map<String, int[]> fixedEffects = new LinkedHashMap<>();
    private final Map<String, int[]> clusters = new LinkedHashMap<>();
    private int[] time;
    private int[] unit;
    private boolean normal;
    private ToIntFunction<List<String>> fixefDofOf;
    private final Map<String, double[]> columns = new LinkedHashMap<>();

    private Builder(double[][] bread, double[][] scores, int nobs) {
      Objects.requireNonNull(bread, "bread");
      Objects.requireNonNull(scores, "scores");
      int k = bread.length;
      for (double[] r : bread) {
        if (r.length != k) {
          throw new IllegalArgumentException(
              "bread must be square, got a row of length "
                  + r.length
                  + " in a "
                  + k
                  + "-row matrix");
        }
      }
      if (scores.length != k) {
        throw new IllegalArgumentException(
            "scores have " + scores.length + " columns but the bread is " + k + "x" + k);
      }
      for (double[] s : scores) {
        if (s.length != nobs) {
          throw new IllegalArgumentException(
              "a score column has length " + s.length + " but nobs is " + nobs);
        }
      }
      this.bread = bread;
      this.scores = scores;
      this.nobs = nobs;
    }

    private int[] checkCodes(String what, int[] codes) {
      Objects.requireNonNull(codes, what);
      if (codes.length != nobs) {
        throw new IllegalArgumentException(
            what + " codes have length " + codes.length + " but nobs is " + nobs);
      }
      return codes;
    }

    /**
     * @param h leverages h<sub>ii</sub> in [0, 1] (taken over)
     * @return this builder
     */
    public Builder leverage(double[] h) {
      Objects.requireNonNull(h, "leverage");
      if (h.length != nobs) {
        throw new IllegalArgumentException(
            "leverage has length " + h.length + " but nobs is " + nobs);
      }
      this.leverage = h;
      return this;
    }

    /**
     * Leverages computed on first need (HC2/HC3 at fit time or in a later {@code withVcov}), once,
     * thread-safely; the supplier (and what it captures, e.g. the demeaned regressors) is released
     * after a successful call. An eager {@link #leverage(double[])} takes precedence.
     *
     * @param supplier from the spec of the covariance type that needs them (e.g. {@code "hc2"}, for
     *     error messages) to h<sub>ii</sub> in [0, 1], one per observation; it may throw {@link
     *     org.econ4j.core.SpecificationException} when they cannot be computed
     * @return this builder
     */
    public Builder lazyLeverage(Function<String, double[]> supplier) {
      this.lazyLeverage = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * @param s2 iid scale (OLS: RSS/(n &minus; 1); ML: 1)
     * @return this builder
     */
    public Builder iidScale(double s2) {
      this.iidScale = s2;
      return this;
    }

    /**
     * @param f identified FE parameters (levels minus redundant ones)
     * @return this builder
     */
    public Builder fixefDof(int f) {
      if (f < 0) {
        throw new IllegalArgumentException("fixefDof must be >= 0, got " + f);
      }
      this.fixefDof = f;
      return this;
    }

    /**
     * Registers an FE dimension (for the nesting check of {@link
     * SmallSampleCorrection.FixefK#NESTED}); it may also serve as a cluster variable.
     *
     * @param name FE name as the formula writes it
     * @param codes codes per observation (taken over)
     * @return this builder
     */
    public Builder fixedEffect(String name, int[] codes) {
      fixedEffects.put(Objects.requireNonNull(name, "name"), checkCodes("fixed-effect", codes));
      return this;
    }

    /**
     * Registers a cluster variable resolved at fit time.
     *
     * @param name column name
     * @param codes codes per observation (taken over)
     * @return this builder
     */
    public Builder cluster(String name, int[] codes) {
      clusters.put(Objects.requireNonNull(name, "name"), checkCodes("cluster", codes));
      return this;
    }

    /**
     * @param codes integer time periods per observation (taken over)
     * @return this builder
     */
    public Builder time(int[] codes) {
      this.time = checkCodes("time", codes);
      return this;
    }

    /**
     * @param codes unit codes per observation, for panel Newey&ndash;West (taken over)
     * @return this builder
     */
    public Builder unit(int[] codes) {
      this.unit = checkCodes("unit", codes);
      return this;
    }

    /**
     * @param z whether the model uses z statistics (count models)
     * @return this builder
     */
    public Builder normal(boolean z) {
      this.normal = z;
      return this;
    }

    /**
     * The exact identified parameters of a subset of FE dimensions taken alone (from the FE
     * machinery: connected components, rank), used by {@link SmallSampleCorrection.FixefK#NESTED}
     * when some dimensions are nested in the clusters. Without it the default of {@link
     * InferenceData#fixefDofOf(List)} applies.
     *
     * @param f function from dimension names to identified parameters
     * @return this builder
     */
    public Builder fixefDofFunction(ToIntFunction<List<String>> f) {
      this.fixefDofOf = Objects.requireNonNull(f, "fixefDofFunction");
      return this;
    }

    /**
     * Registers an extra numeric column on the estimation sample, e.g. the latitude and longitude a
     * {@link Vcov.Custom} lists in {@link Vcov.Custom#columns()}.
     *
     * @param name column name
     * @param values values per observation (taken over)
     * @return this builder
     */
    public Builder column(String name, double[] values) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
      if (values.length != nobs) {
        throw new IllegalArgumentException(
            "column '" + name + "' has length " + values.length + " but nobs is " + nobs);
      }
      columns.put(name, values);
      return this;
    }

    /**
     * @return the bundle
     */
    public InferenceData build() {
      return new InferenceData(this);
    }
  }
}
