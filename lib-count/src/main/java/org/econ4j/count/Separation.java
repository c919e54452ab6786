package org.econ4j.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.count.internal.SeparationChecks;

/**
 * Detection of separated observations in Poisson (and other count) models with regressors and fixed
 * effects, following Correia, Guimar&atilde;es &amp; Zylkin (2021) and the ppmlhdfe documentation.
 *
 * <p><b>What separation is.</b> The maximum-likelihood estimates of a Poisson model do not exist
 * when some linear combination of the regressors and fixed effects z = X&gamma; + D&alpha; is zero
 * on every observation with y &gt; 0 and non-negative on every observation with y = 0, strictly
 * positive on some: pushing the estimates along &gamma; to infinity fits those observations
 * perfectly (&mu; &rarr; 0). The observations with z &gt; 0 are <em>separated</em>; dropping them
 * leaves the estimates of the other parameters unchanged and makes them finite (the parameters
 * along &gamma; become collinear and are dropped).
 *
 * <p><b>Methods</b> (run in this order on the rows not yet flagged; all three by default, as
 * ppmlhdfe's {@code separation(fe simplex ir)}):
 *
 * <ol>
 *   <li>{@link Method#FE}: levels of any fixed effect in which every outcome is zero &mdash; their
 *       indicator is a certificate.
 *   <li>{@link Method#SIMPLEX}: separation by the regressors and an intercept alone. The
 *       certificate must lie in the null space of the regressors restricted to y &gt; 0; if that is
 *       trivial there is none, otherwise the linear feasibility problem is solved exactly in that
 *       null space (see {@link SeparationChecks#regressors}).
 *   <li>{@link Method#RELU}: the iterative-rectifier algorithm with regressors and fixed effects
 *       (weighted least squares with weight N<sub>0</sub>/tol&sup2; on positive outcomes, u &larr;
 *       max(fitted, 0) on zero outcomes, until no fitted value is negative); general, and the only
 *       one that finds separation created jointly by several fixed effects and regressors. Fixed
 *       effects are swept out by weighted alternating projections (an internal helper that the
 *       shared {@code Demeaner} can replace).
 * </ol>
 *
 * <p>The tolerance (default {@value #DEFAULT_TOLERANCE}, ppmlhdfe's) decides when a fitted value
 * counts as zero. Verified on the 18 separation data sets of ppmlhdfe ({@code
 * SeparationReferenceTest}): every flagged observation found, none wrongly flagged.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References: Correia, S., Guimar&atilde;es, P. &amp; Zylkin, T. (2021), "Verifying the
 * existence of maximum likelihood estimates for generalized linear models", arXiv:1903.01633.
 * Santos Silva, J. M. C. &amp; Tenreyro, S. (2010), "On the existence of the maximum likelihood
 * estimates in Poisson regression", Economics Letters 107(2), 310&ndash;312. Clarkson, D. B. &amp;
 * Jennrich, R. I. (1991), "Computing extended maximum likelihood estimates for linear parameter
 * models", JRSS B 53(2), 417&ndash;426.
 */
public final class Separation {

  /** The separation checks. */
  public enum Method {
    /** Fixed-effect levels with only zero outcomes. */
    FE,
    /** Regressors (with an intercept) alone; exact linear feasibility in a null space. */
    SIMPLEX,
    /** Iterative rectifier with regressors and fixed effects. */
    RELU
  }

  /** Default zero tolerance for fitted certificate values (ppmlhdfe's 1e-5). */
  public static final double DEFAULT_TOLERANCE = 1e-5;

  /** Default iteration limit of the iterative checks. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  private static final Separation DEFAULTS =
      new Separation(EnumSet.allOf(Method.class), DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);

  private final Set<Method> methods;
  private final double tolerance;
  private final int maxIterations;

  private Separation(Set<Method> methods, double tolerance, int maxIterations) {
    this.methods = methods;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /**
   * @return all three checks, tolerance 1e-5, at most 1000 iterations
   */
  public static Separation defaults() {
    return DEFAULTS;
  }

  /**
   * @param first a method
   * @param more further methods
   * @return a copy running only these checks (always in the order FE, SIMPLEX, RELU)
   */
  public Separation withMethods(Method first, Method... more) {
    return new Separation(EnumSet.of(first, more), tolerance, maxIterations);
  }

  /**
   * @param tolerance zero tolerance, in (0, 1)
   * @return a copy with that tolerance
   */
  public Separation withTolerance(double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    return new Separation(methods, tolerance, maxIterations);
  }

  /**
   * @param maxIterations iteration limit of the iterative checks, &ge; 1
   * @return a copy with that limit
   */
  public Separation withMaxIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    return new Separation(methods, tolerance, maxIterations);
  }

  /**
   * @return the checks that run
   */
  public Set<Method> methods() {
    return EnumSet.copyOf(methods);
  }

  /**
   * @return the zero tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @return the iteration limit
   */
  public int maxIterations() {
    return maxIterations;
  }

  /**
   * Finds the separated observations.
   *
   * @param y outcomes, non-negative (need not be integers, as in PPML)
   * @param x regressors, column-major {@code x[j][row]} (may have no columns)
   * @param names one name per regressor
   * @param fe fixed-effect codes, one {@code int[]} per dimension (may be empty); any integers
   * @param feNames one name per fixed-effect dimension
   * @return the separated rows, the certificate and notes
   * @throws SpecificationException for negative or non-finite outcomes or non-finite regressors
   * @throws IllegalArgumentException if array lengths disagree
   */
  public SeparationResult detect(
      double[] y, double[][] x, String[] names, int[][] fe, String[] feNames) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(fe, "fe");
    Objects.requireNonNull(feNames, "feNames");
    int n = y.length;
    if (names.length != x.length) {
      throw new IllegalArgumentException(
          "names has " + names.length + " entries but x has " + x.length + " columns");
    }
    if (feNames.length != fe.length) {
      throw new IllegalArgumentException(
          "feNames has " + feNames.length + " entries but fe has " + fe.length + " dimensions");
    }
    for (int j = 0; j < x.length; j++) {
      if (x[j].length != n) {
        throw new IllegalArgumentException(
            "regressor '" + names[j] + "' has " + x[j].length + " rows but y has " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[j][i])) {
          throw new SpecificationException(
              "regressor '"
                  + names[j]
                  + "' is missing or non-finite at row "
                  + i
                  + " (0-based); drop such rows before the separation check");
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!(y[i] >= 0) || Double.isInfinite(y[i])) {
        throw new SpecificationException(
            "outcome is negative or non-finite at row "
                + i
                + " (0-based): "
                + y[i]
                + "; count models need non-negative outcomes");
      }
    }
    int[][] codes = new int[fe.length][];
    int[] levels = new int[fe.length];
    for (int d = 0; d < fe.length; d++) {
      if (fe[d].length != n) {
        throw new IllegalArgumentException(
            "fixed effect '" + feNames[d] + "' has " + fe[d].length + " rows but y has " + n);
      }
      int max = -1;
      for (int v : fe[d]) {
        max = v < 0 ? Integer.MAX_VALUE : Math.max(max, v);
      }
      if (max < 4L * n + 1024) {
        // non-negative codes of moderate range: the rank of each used code among the used codes
        // through a table (the numbering sorting would give); codes already 0..G-1 with every
        // level used (from a model frame) are the identity and are read as they are
        int[] rank = new int[max + 1];
        for (int v : fe[d]) {
          rank[v] = 1;
        }
        int g = 0;
        for (int v = 0; v <= max; v++) {
          if (rank[v] != 0) {
            rank[v] = ++g;
          }
        }
        levels[d] = g;
        if (g == max + 1) {
          codes[d] = fe[d];
          continue;
        }
        codes[d] = new int[n];
        for (int i = 0; i < n; i++) {
          codes[d][i] = rank[fe[d][i]] - 1;
        }
        continue;
      }
      int[] s = fe[d].clone();
      Arrays.sort(s);
      int g = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || s[i] != s[i - 1]) {
          s[g++] = s[i];
        }
      }
      codes[d] = new int[n];
      for (int i = 0; i < n; i++) {
        codes[d][i] = Arrays.binarySearch(s, 0, g, fe[d][i]);
      }
      levels[d] = g;
    }

    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    boolean[] separated = new boolean[n];
    double[] certificate = new double[n];
    List<Note> notes = new ArrayList<>();
    boolean converged = true;
    int iterations = 0;

    if (methods.contains(Method.FE) && fe.length > 0) {
      int[] dimOfRow = new int[n];
      double[] z = SeparationChecks.fixedEffects(y, active, codes, levels, dimOfRow);
      int[] perDim = new int[fe.length];
      for (int i = 0; i < n; i++) {
        if (z[i] > 0) {
          separated[i] = true;
          active[i] = false;
          certificate[i] = z[i];
          perDim[dimOfRow[i]]++;
        }
      }
      for (int d = 0; d < fe.length; d++) {
        if (perDim[d] > 0) {
          notes.add(
              Note.of(
                  Note.Kind.SEPARATION,
                  perDim[d],
                  perDim[d]
                      + " observation(s) separated by fixed effect '"
                      + feNames[d]
                      + "' (levels with only zero outcomes) dropped",
                  List.of(feNames[d])));
        }
      }
    }
    if (methods.contains(Method.SIMPLEX)) {
      SeparationChecks.Outcome o =
          SeparationChecks.regressors(y, active, x, tolerance, maxIterations);
      converged &= o.converged();
      iterations += o.iterations();
      apply(o.z(), active, separated, certificate, notes, "regressors (simplex-type check)");
    }
    if (methods.contains(Method.RELU)) {
      SeparationChecks.Outcome o =
          SeparationChecks.rectifier(y, active, x, codes, levels, tolerance, maxIterations);
      converged &= o.converged();
      iterations += o.iterations();
      apply(
          o.z(),
          active,
          separated,
          certificate,
          notes,
          "regressors and fixed effects (iterative rectifier, " + o.iterations() + " iterations)");
    }
    if (!converged) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              iterations,
              "separation check did not converge in "
                  + maxIterations
                  + " iterations; some separated observations may remain"));
    }
    return new SeparationResult(separated, certificate, notes, iterations, converged);
  }

  private static void apply(
      double[] z,
      boolean[] active,
      boolean[] separated,
      double[] certificate,
      List<Note> notes,
      String how) {
    int count = 0;
    for (int i = 0; i < z.length; i++) {
      if (active[i]) {
        certificate[i] = z[i];
        if (z[i] > 0) {
          separated[i] = true;
          count++;
        }
      }
    }
    for (int i = 0; i < z.length; i++) {
      if (separated[i]) {
        active[i] = false;
      }
    }
    if (count > 0) {
      notes.add(
          Note.of(
              Note.Kind.SEPARATION,
              count,
              count + " observation(s) separated by " + how + " dropped"));
    }
  }
}
