package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.apache.commons.math3.special.Erf;
import org.econ4j.core.EstimationException;
import org.econ4j.core.SpecificationException;

/**
 * Tests for spatial autocorrelation: global Moran's I with analytic (normality, randomisation) and
 * permutation inference, Geary's C, local Moran (LISA) with conditional-permutation p-values, and
 * Moran's I of OLS residuals.
 *
 * <p>Let x be one value per unit in weight-matrix order, z = x − x̄, S0, S1, S2 the weight
 * constants ({@link WeightSummary}) and K = n Σ z<sup>4</sup> / (Σ z²)² the sample kurtosis.
 *
 * <ul>
 *   <li>Moran: I = (n/S0) z'Wz / z'z, E[I] = −1/(n − 1);
 *   <li>normality: Var[I] = (n²S1 − nS2 + 3S0²) / ((n² − 1)S0²) − E[I]²;
 *   <li>randomisation: Var[I] = [n((n² − 3n + 3)S1 − nS2 + 3S0²) − K((n² − n)S1 − 2nS2 + 6S0²)] /
 *       ((n − 1)(n − 2)(n − 3)S0²) − E[I]²;
 *   <li>Geary: C = (n − 1) Σ<sub>ij</sub> w<sub>ij</sub>(x<sub>i</sub> − x<sub>j</sub>)² / (2 S0
 *       z'z), E[C] = 1, normality Var[C] = ((2S1 + S2)(n − 1) − 4S0²) / (2(n + 1)S0²),
 *       randomisation Var[C] = [(n − 1)S1(n² − 3n + 3 − (n − 1)K) − ¼(n − 1)S2(n² + 3n − 6 − (n² −
 *       n + 2)K) + S0²(n² − 3 − (n − 1)²K)] / (n(n − 2)(n − 3)S0²).
 * </ul>
 *
 * These are the formulas of Cliff and Ord (1981) as used by spdep {@code moran.test} and {@code
 * geary.test}; as there ({@code adjust.n = TRUE}) n counts only units with neighbours when the
 * matrix keeps islands ({@link IslandPolicy#ZERO}); z is centred over all units and K uses all
 * units. z = (I − E)/√Var (Geary: (1 − C)/√Var); the default alternative is {@link
 * Alternative#GREATER} (positive autocorrelation), as spdep; p-values from the standard normal.
 *
 * <p>Permutation inference: the values are randomly permuted over units {@code permutations} times
 * (default 999) with a {@link SplittableRandom} seeded by {@link #withSeed(long)} (default
 * 20240101), so results are reproducible; p = (#{I<sub>sim</sub> ≥ I} + 1)/(draws + 1) for GREATER,
 * (#{I<sub>sim</sub> ≤ I} + 1)/(draws + 1) for LESS, and twice the smaller (capped at 1) for
 * TWO_SIDED. The result's expectation and variance are the mean and variance of the draws.
 *
 * <p>Residuals (spdep {@code lm.morantest}): for OLS residuals e of y on X (n×p, full column rank)
 * I = (n/S0) e'We/e'e with exact moments under normal errors (Cliff and Ord 1981, §8.3): with M = I
 * − X(X'X)<sup>−1</sup>X' and the symmetric part W<sub>s</sub> = (W + W')/2 (e'We =
 * e'W<sub>s</sub>e), E[I] = (n/S0) tr(MW<sub>s</sub>)/(n − p) and Var[I] = (n/S0)² [2
 * tr(MW<sub>s</sub>MW<sub>s</sub>) + tr(MW<sub>s</sub>)²] / ((n − p)(n − p + 2)) − E[I]². The
 * traces are computed from a thin QR factorisation of X (modified Gram–Schmidt with
 * re-orthogonalisation) in O(np² + p·links), without any n×n matrix.
 *
 * <p>Immutable and thread-safe (the progress callback is called on the calling thread). Verified
 * against spdep 1.2-7 on Columbus CRIME ({@code MoranTestReferenceTest}). References: Cliff and Ord
 * (1981), <i>Spatial Processes: Models and Applications</i>, Pion; Anselin (1988); Anselin (1995),
 * LISA, <i>Geographical Analysis</i> 27.
 */
public final class MoranTest {

  /** Which statistic a {@link MoranResult} holds. */
  public enum Statistic {
    /** Global Moran's I. */
    MORAN,
    /** Geary's C. */
    GEARY,
    /** Moran's I of OLS residuals. */
    MORAN_RESIDUALS
  }

  /** How the null distribution is obtained. */
  public enum Inference {
    /** Analytic moments assuming normally distributed values. */
    NORMALITY,
    /** Analytic moments under randomisation (permutation moments); spdep's default. */
    RANDOMISATION,
    /** Monte Carlo permutation of the values. */
    PERMUTATION
  }

  /** The alternative hypothesis. */
  public enum Alternative {
    /** Positive spatial autocorrelation (spdep default "greater"). */
    GREATER,
    /** Negative spatial autocorrelation. */
    LESS,
    /** Either direction. */
    TWO_SIDED;

    /**
     * Parses {@code greater}, {@code less} or {@code two.sided}/{@code two-sided}.
     *
     * @param s the name
     * @return the alternative
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Alternative parse(String s) {
      String n = s.trim().toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      for (Alternative a : values()) {
        if (a.name().toLowerCase(Locale.ROOT).equals(n)) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          "unknown alternative '" + s + "'; use one of greater, less, two-sided");
    }
  }

  /** Default number of permutation draws (as spdep examples). */
  public static final int DEFAULT_PERMUTATIONS = 999;

  /** Default random seed. */
  public static final long DEFAULT_SEED = 20240101L;

  private static final MoranTest DEFAULTS =
      new MoranTest(
          Alternative.GREATER,
          Inference.RANDOMISATION,
          DEFAULT_PERMUTATIONS,
          DEFAULT_SEED,
          k -> {});

  private final Alternative alternative;
  private final Inference analytic;
  private final int permutations;
  private final long seed;
  private final IntConsumer progress;

  private MoranTest(
      Alternative alternative, Inference analytic, int permutations, long seed, IntConsumer p) {
    this.alternative = alternative;
    this.analytic = analytic;
    this.permutations = permutations;
    this.seed = seed;
    this.progress = p;
  }

  /**
   * @return randomisation inference, alternative "greater", 999 permutations, seed {@value
   *     #DEFAULT_SEED}, no progress callback
   */
  public static MoranTest defaults() {
    return DEFAULTS;
  }

  /**
   * @param a the alternative
   * @return a new configuration
   */
  public MoranTest withAlternative(Alternative a) {
    return new MoranTest(
        Objects.requireNonNull(a, "alternative"), analytic, permutations, seed, progress);
  }

  /**
   * Chooses the analytic moments used by {@link #moran} and {@link #geary}.
   *
   * @param inference {@link Inference#NORMALITY} or {@link Inference#RANDOMISATION}
   * @return a new configuration
   * @throws IllegalArgumentException for {@link Inference#PERMUTATION} (use {@link #permutation})
   */
  public MoranTest withInference(Inference inference) {
    if (inference == Inference.PERMUTATION) {
      throw new IllegalArgumentException(
          "analytic inference must be NORMALITY or RANDOMISATION; call permutation(...) for"
              + " permutation inference");
    }
    return new MoranTest(
        alternative, Objects.requireNonNull(inference), permutations, seed, progress);
  }

  /**
   * @param draws number of permutation draws, ≥ 1
   * @return a new configuration
   * @throws SpecificationException if draws &lt; 1
   */
  public MoranTest withPermutations(int draws) {
    if (draws < 1) {
      throw new SpecificationException(
          "number of permutations must be at least 1, got " + draws + "; e.g. 999");
    }
    return new MoranTest(alternative, analytic, draws, seed, progress);
  }

  /**
   * @param s the random seed for permutations
   * @return a new configuration
   */
  public MoranTest withSeed(long s) {
    return new MoranTest(alternative, analytic, permutations, s, progress);
  }

  /**
   * @param callback receives the number of completed draws (about every 1 % and at the end)
   * @return a new configuration
   */
  public MoranTest withProgress(IntConsumer callback) {
    return new MoranTest(
        alternative, analytic, permutations, seed, Objects.requireNonNull(callback, "callback"));
  }

  /**
   * @return the alternative
   */
  public Alternative alternative() {
    return alternative;
  }

  /**
   * @return the analytic inference
   */
  public Inference inference() {
    return analytic;
  }

  /**
   * @return the number of permutation draws
   */
  public int permutations() {
    return permutations;
  }

  /**
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  // ------------------------------------------------------------------ shared pieces

  private static final class Prep {
    final int n;
    final double nAdj;
    final double[] z;
    final double zz;
    final double k;
    final double s0;
    final double s1;
    final double s2;

    Prep(double[] x, WeightMatrix w, String what) {
      n = w.size();
      if (x.length != n) {
        throw new SpecificationException(
            what
                + " needs one value per unit of the weight matrix: got "
                + x.length
                + " values for "
                + n
                + " units; align the data with WeightMatrix.align");
      }
      List<String> missing = new ArrayList<>();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[i])) {
          missing.add(w.ids().get(i));
        }
        sum += x[i];
      }
      if (!missing.isEmpty()) {
        throw new SpecificationException(
            what
                + " needs complete data, but "
                + missing.size()
                + " units have missing or non-finite values: "
                + WeightMatrix.names(missing)
                + "; drop them from the data and the weight matrix");
      }
      if (n < 4) {
        throw new SpecificationException(what + " needs at least 4 units, got " + n);
      }
      double mean = sum / n;
      z = new double[n];
      double s2z = 0;
      double s4z = 0;
      for (int i = 0; i < n; i++) {
        z[i] = x[i] - mean;
        double q = z[i] * z[i];
        s2z += q;
        s4z += q * q;
      }
      if (!(s2z > 0)) {
        throw new SpecificationException(
            what + " is undefined for a constant variable (all values equal)");
      }
      zz = s2z;
      k = n * s4z / (s2z * s2z);
      WeightSummary s = w.summary();
      nAdj = n - s.islands().size();
      s0 = s.s0();
      s1 = s.s1();
      s2 = s.s2();
      if (s0 == 0) {
        throw new SpecificationException(what + " needs a weight matrix with non-zero weights");
      }
    }
  }

  private static double quadraticForm(WeightMatrix w, double[] z) {
    int[] rp = w.rowPtrUnsafe();
    int[] ci = w.colUnsafe();
    double[] v = w.valUnsafe();
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      double t = 0;
      for (int p = rp[i]; p < rp[i + 1]; p++) {
        t += v[p] * z[ci[p]];
      }
      s += z[i] * t;
    }
    return s;
  }

  /**
   * Upper tail of the standard normal, P(Z &gt; z).
   *
   * @param z the deviate
   * @return 1 − Φ(z)
   */
  static double upperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }

  private double pValue(double z) {
    switch (alternative) {
      case GREATER:
        return upperTail(z);
      case LESS:
        return upperTail(-z);
      default:
        return Math.min(1.0, 2 * upperTail(Math.abs(z)));
    }
  }

  // ------------------------------------------------------------------ Moran

  /**
   * Global Moran's I with analytic inference ({@link #inference()}).
   *
   * @param x one value per unit in weight-matrix order (see {@link WeightMatrix#align})
   * @param w the weight matrix
   * @return I, E[I], Var[I], z, p
   * @throws SpecificationException for a length mismatch, missing values, a constant variable or n
   *     &lt; 4
   */
  public MoranResult moran(double[] x, WeightMatrix w) {
    Prep p = new Prep(x, w, "Moran's I");
    double n = p.nAdj;
    double i = (n / p.s0) * quadraticForm(w, p.z) / p.zz;
    double e = -1.0 / (n - 1);
    double s02 = p.s0 * p.s0;
    double var;
    if (analytic == Inference.NORMALITY) {
      var = (n * n * p.s1 - n * p.s2 + 3 * s02) / (s02 * (n * n - 1)) - e * e;
    } else {
      double a = n * ((n * n - 3 * n + 3) * p.s1 - n * p.s2 + 3 * s02);
      double b = p.k * ((n * n - n) * p.s1 - 2 * n * p.s2 + 6 * s02);
      var = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - e * e;
    }
    double z = (i - e) / Math.sqrt(var);
    return new MoranResult(
        Statistic.MORAN, i, e, var, z, pValue(z), analytic, alternative, (int) n, 0);
  }

  /**
   * Global Moran's I with permutation inference ({@link #permutations()} draws, seeded).
   *
   * @param x one value per unit in weight-matrix order
   * @param w the weight matrix
   * @return I with the permutation mean, variance, z and rank p-value
   */
  public MoranResult permutation(double[] x, WeightMatrix w) {
    Prep p = new Prep(x, w, "Moran's I");
    double n = p.nAdj;
    double f = n / p.s0 / p.zz;
    double obs = f * quadraticForm(w, p.z);
    double[] perm = p.z.clone();
    SplittableRandom rng = new SplittableRandom(seed);
    int ge = 0;
    int le = 0;
    double sum = 0;
    double sumSq = 0;
    int every = Math.max(1, permutations / 100);
    for (int d = 1; d <= permutations; d++) {
      for (int a = perm.length - 1; a > 0; a--) {
        int b = rng.nextInt(a + 1);
        double t = perm[a];
        perm[a] = perm[b];
        perm[b] = t;
      }
      double s = f * quadraticForm(w, perm);
      if (s >= obs) {
        ge++;
      }
      if (s <= obs) {
        le++;
      }
      sum += s;
      sumSq += s * s;
      if (d % every == 0 || d == permutations) {
        progress.accept(d);
      }
    }
    double mean = sum / permutations;
    double var = permutations > 1 ? (sumSq - permutations * mean * mean) / (permutations - 1) : 0;
    double pg = (ge + 1.0) / (permutations + 1.0);
    double pl = (le + 1.0) / (permutations + 1.0);
    double pv =
        alternative == Alternative.GREATER
            ? pg
            : alternative == Alternative.LESS ? pl : Math.min(1.0, 2 * Math.min(pg, pl));
    double z = (obs - mean) / Math.sqrt(var);
    return new MoranResult(
        Statistic.MORAN,
        obs,
        mean,
        var,
        z,
        pv,
        Inference.PERMUTATION,
        alternative,
        (int) n,
        permutations);
  }

  // ------------------------------------------------------------------ Geary

  /**
   * Geary's C with analytic inference ({@link #inference()}); z = (1 − C)/√Var[C].
   *
   * @param x one value per unit in weight-matrix order
   * @param w the weight matrix
   * @return C, E[C] = 1, Var[C], z, p
   */
  public MoranResult geary(double[] x, WeightMatrix w) {
    Prep p = new Prep(x, w, "Geary's C");
    double n = p.nAdj;
    int[] rp = w.rowPtrUnsafe();
    int[] ci = w.colUnsafe();
    double[] v = w.valUnsafe();
    double num = 0;
    for (int i = 0; i < p.n; i++) {
      for (int q = rp[i]; q < rp[i + 1]; q++) {
        double d = p.z[i] - p.z[ci[q]];
        num += v[q] * d * d;
      }
    }
    double c = (n - 1) * num / (2 * p.s0 * p.zz);
    double s02 = p.s0 * p.s0;
    double var;
    if (analytic == Inference.NORMALITY) {
      var = ((2 * p.s1 + p.s2) * (n - 1) - 4 * s02) / (2 * (n + 1) * s02);
    } else {
      double k = p.k;
      double a = (n - 1) * p.s1 * (n * n - 3 * n + 3 - (n - 1) * k);
      double b = 0.25 * (n - 1) * p.s2 * (n * n + 3 * n - 6 - (n * n - n + 2) * k);
      double cc = s02 * (n * n - 3 - (n - 1) * (n - 1) * k);
      var = (a - b + cc) / (n * (n - 2) * (n - 3) * s02);
    }
    double z = (1 - c) / Math.sqrt(var);
    return new MoranResult(
        Statistic.GEARY, c, 1.0, var, z, pValue(z), analytic, alternative, (int) n, 0);
  }

  // ------------------------------------------------------------------ local Moran

  /**
   * Local Moran's I (LISA) with conditional-permutation pseudo p-values: for unit i, its value is
   * held fixed and k<sub>i</sub> values drawn without replacement from the other n − 1 units are
   * placed on its k<sub>i</sub> neighbours ({@link #permutations()} draws, seeded). p = (#{draws as
   * or more extreme in the direction of the alternative} + 1)/(draws + 1); for TWO_SIDED the folded
   * version (min(#≥, #≤) + 1)/(draws + 1), as GeoDa.
   *
   * @param x one value per unit in weight-matrix order
   * @param w the weight matrix
   * @return the local statistics
   */
  public LocalMoranResult local(double[] x, WeightMatrix w) {
    Prep p = new Prep(x, w, "local Moran's I");
    int n = p.n;
    double m2 = p.zz / n;
    int[] rp = w.rowPtrUnsafe();
    int[] ci = w.colUnsafe();
    double[] v = w.valUnsafe();
    double[] stat = new double[n];
    double[] exp = new double[n];
    double[] pv = new double[n];
    String[] quad = new String[n];
    int[] idx = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      pos[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int every = Math.max(1, n / 100);
    for (int i = 0; i < n; i++) {
      int k = rp[i + 1] - rp[i];
      double lag = 0;
      double wsum = 0;
      for (int q = rp[i]; q < rp[i + 1]; q++) {
        lag += v[q] * p.z[ci[q]];
        wsum += v[q];
      }
      stat[i] = p.z[i] / m2 * lag;
      exp[i] = -wsum / (n - 1);
      if (k == 0) {
        pv[i] = Double.NaN;
        quad[i] = "none";
        continue;
      }
      quad[i] = (p.z[i] >= 0 ? "high" : "low") + "-" + (lag >= 0 ? "high" : "low");
      // move i to the end so that draws come from positions 0..n-2
      swap(idx, pos, pos[i], n - 1);
      int ge = 0;
      int le = 0;
      for (int d = 0; d < permutations; d++) {
        double s = 0;
        int q = rp[i];
        for (int a = 0; a < k; a++, q++) {
          int r = a + rng.nextInt(n - 1 - a);
          swap(idx, pos, a, r);
          s += v[q] * p.z[idx[a]];
        }
        double sim = p.z[i] / m2 * s;
        if (sim >= stat[i]) {
          ge++;
        }
        if (sim <= stat[i]) {
          le++;
        }
      }
      double denom = permutations + 1.0;
      pv[i] =
          alternative == Alternative.GREATER
              ? (ge + 1) / denom
              : alternative == Alternative.LESS ? (le + 1) / denom : (Math.min(ge, le) + 1) / denom;
      if ((i + 1) % every == 0 || i == n - 1) {
        progress.accept((int) Math.min(Integer.MAX_VALUE, (long) (i + 1) * permutations));
      }
    }
    return new LocalMoranResult(w.ids(), stat, exp, pv, quad, permutations);
  }

  private static void swap(int[] idx, int[] pos, int a, int b) {
    int ia = idx[a];
    int ib = idx[b];
    idx[a] = ib;
    idx[b] = ia;
    pos[ib] = a;
    pos[ia] = b;
  }

  // ------------------------------------------------------------------ residuals

  /**
   * Moran's I of the OLS residuals of y on an intercept and the given regressors (spdep {@code
   * lm.morantest(lm(y ~ x1 + ...), listw)}).
   *
   * @param y outcome, one value per unit in weight-matrix order
   * @param regressors regressor columns (an intercept is added)
   * @param w the weight matrix
   * @return I, E[I], Var[I], z, p (normal-error moments)
   * @throws EstimationException if the design is rank deficient
   */
  public MoranResult olsResiduals(double[] y, double[][] regressors, WeightMatrix w) {
    int n = y.length;
    double[][] x = new double[regressors.length + 1][];
    x[0] = new double[n];
    java.util.Arrays.fill(x[0], 1.0);
    for (int j = 0; j < regressors.length; j++) {
      if (regressors[j].length != n) {
        throw new SpecificationException(
            "regressor "
                + (j + 1)
                + " has "
                + regressors[j].length
                + " values but the outcome has "
                + n);
      }
      x[j + 1] = regressors[j];
    }
    return residualTest(y, x, w, true);
  }

  /**
   * Moran's I of given OLS residuals e of a regression on the design X (all columns, including the
   * intercept if the model has one). The moments assume e = My exactly (OLS on X).
   *
   * @param residuals OLS residuals in weight-matrix order
   * @param design the design columns X
   * @param w the weight matrix
   * @return I, E[I], Var[I], z, p
   * @throws EstimationException if the design is rank deficient
   */
  public MoranResult residuals(double[] residuals, double[][] design, WeightMatrix w) {
    return residualTest(residuals, design, w, false);
  }

  private MoranResult residualTest(double[] y, double[][] x, WeightMatrix w, boolean fit) {
    int n = w.size();
    if (y.length != n) {
      throw new SpecificationException(
          "Moran's I of residuals needs one value per unit of the weight matrix: got "
              + y.length
              + " values for "
              + n
              + " units; align the data with WeightMatrix.align");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new SpecificationException(
            "Moran's I of residuals needs complete data; unit '"
                + w.ids().get(i)
                + "' has a missing value");
      }
    }
    int p = x.length;
    double[][] q = new double[p][];
    for (int j = 0; j < p; j++) {
      if (x[j].length != n) {
        throw new SpecificationException(
            "design column " + (j + 1) + " has " + x[j].length + " values for " + n + " units");
      }
      double[] c = x[j].clone();
      double norm0 = Math.sqrt(dot(c, c));
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double r = dot(q[k], c);
          for (int i = 0; i < n; i++) {
            c[i] -= r * q[k][i];
          }
        }
      }
      double norm = Math.sqrt(dot(c, c));
      if (!(norm > 1e-9 * Math.max(norm0, Double.MIN_NORMAL)) || !(norm0 > 0)) {
        throw new EstimationException(
            "design column "
                + (j + 1)
                + " is collinear with the previous columns; drop it before the residual Moran"
                + " test");
      }
      for (int i = 0; i < n; i++) {
        c[i] /= norm;
      }
      q[j] = c;
    }
    if (n - p < 1) {
      throw new SpecificationException(
          "Moran's I of residuals needs more units (" + n + ") than regressors (" + p + ")");
    }
    double[] e = y.clone();
    if (fit) {
      for (int k = 0; k < p; k++) {
        double r = dot(q[k], e);
        for (int i = 0; i < n; i++) {
          e[i] -= r * q[k][i];
        }
      }
    }
    WeightSummary s = w.summary();
    double s0 = s.s0();
    double ee = dot(e, e);
    double stat = (n / s0) * quadraticForm(w, e) / ee;
    // Ws Q columns
    double[][] wq = new double[p][];
    for (int k = 0; k < p; k++) {
      double[] a = w.multiply(q[k]);
      double[] b = w.transposeMultiply(q[k]);
      for (int i = 0; i < n; i++) {
        a[i] = 0.5 * (a[i] + b[i]);
      }
      wq[k] = a;
    }
    double[][] a = new double[p][p]; // Q' Ws Q
    double trB = 0; // tr(Q' Ws^2 Q) = ||Ws Q||_F^2
    for (int k = 0; k < p; k++) {
      for (int l = 0; l < p; l++) {
        a[k][l] = dot(q[k], wq[l]);
      }
      trB += dot(wq[k], wq[k]);
    }
    double trA = 0;
    double trA2 = 0;
    for (int k = 0; k < p; k++) {
      trA += a[k][k];
      for (int l = 0; l < p; l++) {
        trA2 += a[k][l] * a[l][k];
      }
    }
    double trW = 0;
    for (int i = 0; i < n; i++) {
      trW += w.weight(i, i);
    }
    double trWs2 = s.s1() / 2; // S1 = 2 tr(Ws^2)
    double trMW = trW - trA;
    double trMWMW = trWs2 - 2 * trB + trA2;
    double f = n / s0;
    double df = n - p;
    double ei = f * trMW / df;
    double var = f * f * (2 * trMWMW + trMW * trMW) / (df * (df + 2)) - ei * ei;
    double z = (stat - ei) / Math.sqrt(var);
    return new MoranResult(
        Statistic.MORAN_RESIDUALS,
        stat,
        ei,
        var,
        z,
        pValue(z),
        Inference.NORMALITY,
        alternative,
        n,
        0);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
