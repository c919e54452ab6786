package org.econ4j.core.inference;

import java.util.Locale;
import java.util.Objects;
import org.econ4j.core.SpecificationException;

/**
 * Small-sample corrections of covariance matrices: the knobs of fixest's {@code ssc()} plus one
 * econ4j knob for plm, and named presets that reproduce other software.
 *
 * <h2>Knobs</h2>
 *
 * <ul>
 *   <li>{@code kAdj} (fixest {@code K.adj}): multiply by (n &minus; 1)/(n &minus; K).
 *   <li>{@code fixefK} (fixest {@code K.fixef}): how fixed-effect parameters enter K, with k the
 *       number of kept coefficients (including an intercept) and F the number of identified FE
 *       parameters (levels minus redundant ones): {@link FixefK#NONE} K = k; {@link FixefK#FULL} K
 *       = k + F; {@link FixefK#NESTED} for clustered matrices K = k + F &minus; F<sub>nested</sub>
 *       + 1 when at least one FE dimension is nested in a cluster variable (F<sub>nested</sub> =
 *       the levels of those dimensions; the 1 counts the constant they absorbed), and K = k + F
 *       otherwise.
 *   <li>{@code clusterAdj} (fixest {@code G.adj}): multiply by G/(G &minus; 1); for
 *       heteroskedasticity-robust HC1 G = n, so that kAdj &times; clusterAdj = n/(n &minus; K).
 *   <li>{@code clusterDf} (fixest {@code G.df}, multiway only): {@link ClusterDf#MIN} every
 *       inclusion&ndash;exclusion term gets G<sub>min</sub>/(G<sub>min</sub> &minus; 1); {@link
 *       ClusterDf#CONVENTIONAL} term S gets G<sub>S</sub>/(G<sub>S</sub> &minus; 1).
 *   <li>{@code tDf} (fixest {@code t.df}): degrees of freedom of t statistics: {@link TDf#MIN}
 *       min(G) &minus; 1 for clustered matrices (T &minus; 1 for Driscoll&ndash;Kraay) and n
 *       &minus; K otherwise; {@link TDf#CONVENTIONAL} always n &minus; K; {@link TDf#NORMAL} z
 *       statistics (infinite degrees of freedom).
 *   <li>{@code robustKAdj} (econ4j): whether kAdj also applies to heteroskedasticity-robust,
 *       clustered and HAC matrices (true everywhere except {@link #plm()}); the iid matrix always
 *       follows kAdj.
 * </ul>
 *
 * <p>HC0, HC2 and HC3 take no factor at all (their definitions); iid, HC1, cluster,
 * Newey&ndash;West and Driscoll&ndash;Kraay take the factors above (for NW/DK only kAdj).
 *
 * <h2>Presets</h2>
 *
 * With k kept coefficients, F FE parameters, n observations and G clusters:
 *
 * <ul>
 *   <li>{@link #fixest()} (fixest &ge; 0.10 defaults; = {@link #stataReghdfe()} and {@link
 *       #stataXtreg()}): iid s&sup2; = RSS/(n &minus; k &minus; F); HC1 n/(n &minus; K); cluster
 *       G/(G &minus; 1)&middot;(n &minus; 1)/(n &minus; K) with K nested; t df G<sub>min</sub>
 *       &minus; 1 (clustered), n &minus; K otherwise.
 *   <li>{@link #stataRegress()} and {@link #stataAreg()}: the same with K = k + F always (areg
 *       counts the absorbed FE even when nested in the clusters, Gormley &amp; Matsa 2014).
 *   <li>{@link #stataXtreg()} ({@code xtreg, fe}): as fixest (nested FE are not counted under
 *       clustering; {@code vce(robust)} in xtreg means clustering on the panel variable).
 *   <li>{@link #stataReghdfe()}: as fixest (reghdfe drops FE nested in the clusters and counts the
 *       constant; multiway uses G<sub>min</sub>).
 *   <li>{@link #stataPpmlhdfe()}: reghdfe's factors with z statistics.
 *   <li>{@link #plm()} (plm {@code vcovHC} default type HC0): iid s&sup2; = RSS/(n &minus; k
 *       &minus; F) (plm's {@code df.residual}); robust and clustered without any factor; t df n
 *       &minus; k &minus; F.
 * </ul>
 *
 * <p>Immutable value. References: Bergé, L., fixest vignette "On standard errors"; Correia, S.,
 * reghdfe documentation; Gormley, T. and Matsa, D. (2014), Common errors: how to (and not to)
 * control for unobserved heterogeneity, Review of Financial Studies 27(2), 617-661.
 */
public final class SmallSampleCorrection {

  /** How fixed-effect parameters count in K. */
  public enum FixefK {
    /** FE parameters are not counted. */
    NONE,
    /** FE nested in a cluster variable are not counted (the constant is). */
    NESTED,
    /** All FE parameters are counted. */
    FULL
  }

  /** Multiway cluster adjustment. */
  public enum ClusterDf {
    /** One factor G<sub>min</sub>/(G<sub>min</sub> &minus; 1) for every term. */
    MIN,
    /** Term-specific G<sub>S</sub>/(G<sub>S</sub> &minus; 1). */
    CONVENTIONAL
  }

  /** Degrees of freedom of t statistics. */
  public enum TDf {
    /** min(G) &minus; 1 when clustered, else n &minus; K. */
    MIN,
    /** n &minus; K. */
    CONVENTIONAL,
    /** Normal (z) inference. */
    NORMAL
  }

  private static final String PRESETS =
      "fixest, stata-regress, stata-areg, stata-xtreg, stata-reghdfe, stata-ppmlhdfe, plm";

  private final String name;
  private final boolean kAdj;
  private final FixefK fixefK;
  private final boolean clusterAdj;
  private final ClusterDf clusterDf;
  private final TDf tDf;
  private final boolean robustKAdj;

  private SmallSampleCorrection(
      String name,
      boolean kAdj,
      FixefK fixefK,
      boolean clusterAdj,
      ClusterDf clusterDf,
      TDf tDf,
      boolean robustKAdj) {
    this.name = name;
    this.kAdj = kAdj;
    this.fixefK = fixefK;
    this.clusterAdj = clusterAdj;
    this.clusterDf = clusterDf;
    this.tDf = tDf;
    this.robustKAdj = robustKAdj;
  }

  /**
   * @return fixest's current defaults ({@code ssc(K.adj = TRUE, K.fixef = "nested", G.adj = TRUE,
   *     G.df = "min", t.df = "min")})
   */
  public static SmallSampleCorrection fixest() {
    return new SmallSampleCorrection(
        "fixest", true, FixefK.NESTED, true, ClusterDf.MIN, TDf.MIN, true);
  }

  /**
   * @return the default, {@link #fixest()}
   */
  public static SmallSampleCorrection defaults() {
    return fixest();
  }

  /**
   * @return Stata {@code regress} (with explicit dummies): K = k + F
   */
  public static SmallSampleCorrection stataRegress() {
    return new SmallSampleCorrection(
        "stata-regress", true, FixefK.FULL, true, ClusterDf.MIN, TDf.MIN, true);
  }

  /**
   * @return Stata {@code areg}: K = k + F even when the FE is nested in the clusters
   */
  public static SmallSampleCorrection stataAreg() {
    return new SmallSampleCorrection(
        "stata-areg", true, FixefK.FULL, true, ClusterDf.MIN, TDf.MIN, true);
  }

  /**
   * @return Stata {@code xtreg, fe}: FE nested in the clusters not counted
   */
  public static SmallSampleCorrection stataXtreg() {
    return new SmallSampleCorrection(
        "stata-xtreg", true, FixefK.NESTED, true, ClusterDf.MIN, TDf.MIN, true);
  }

  /**
   * @return Stata {@code reghdfe}
   */
  public static SmallSampleCorrection stataReghdfe() {
    return new SmallSampleCorrection(
        "stata-reghdfe", true, FixefK.NESTED, true, ClusterDf.MIN, TDf.MIN, true);
  }

  /**
   * @return Stata {@code ppmlhdfe}: reghdfe's factors, z statistics
   */
  public static SmallSampleCorrection stataPpmlhdfe() {
    return new SmallSampleCorrection(
        "stata-ppmlhdfe", true, FixefK.NESTED, true, ClusterDf.MIN, TDf.NORMAL, true);
  }

  /**
   * @return R plm with {@code vcovHC} defaults (HC0, no factor for robust and clustered matrices)
   */
  public static SmallSampleCorrection plm() {
    return new SmallSampleCorrection(
        "plm", true, FixefK.FULL, false, ClusterDf.MIN, TDf.CONVENTIONAL, false);
  }

  /**
   * @return no correction at all (K.adj and G.adj off, t df n &minus; K)
   */
  public static SmallSampleCorrection none() {
    return new SmallSampleCorrection(
        "none", false, FixefK.NONE, false, ClusterDf.MIN, TDf.CONVENTIONAL, true);
  }

  /**
   * Parses a preset name.
   *
   * @param text one of {@code
   *     fixest|stata-regress|stata-areg|stata-xtreg|stata-reghdfe|stata-ppmlhdfe|plm|none}
   * @return the preset
   * @throws SpecificationException for an unknown name, listing the presets
   */
  public static SmallSampleCorrection parse(String text) {
    Objects.requireNonNull(text, "text");
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "fixest":
        return fixest();
      case "stata-regress":
        return stataRegress();
      case "stata-areg":
        return stataAreg();
      case "stata-xtreg":
        return stataXtreg();
      case "stata-reghdfe":
        return stataReghdfe();
      case "stata-ppmlhdfe":
        return stataPpmlhdfe();
      case "plm":
        return plm();
      case "none":
        return none();
      default:
        throw new SpecificationException(
            "unknown small-sample correction '"
                + text.trim()
                + "'; expected one of "
                + PRESETS
                + ", none");
    }
  }

  /**
   * @return the preset name, or {@code custom} after a {@code withX} change
   */
  public String name() {
    return name;
  }

  /**
   * @return whether (n &minus; 1)/(n &minus; K) is applied
   */
  public boolean kAdj() {
    return kAdj;
  }

  /**
   * @return how FE parameters count in K
   */
  public FixefK fixefK() {
    return fixefK;
  }

  /**
   * @return whether G/(G &minus; 1) is applied
   */
  public boolean clusterAdj() {
    return clusterAdj;
  }

  /**
   * @return the multiway cluster adjustment
   */
  public ClusterDf clusterDf() {
    return clusterDf;
  }

  /**
   * @return the t degrees-of-freedom rule
   */
  public TDf tDf() {
    return tDf;
  }

  /**
   * @return whether kAdj applies to robust, clustered and HAC matrices
   */
  public boolean robustKAdj() {
    return robustKAdj;
  }

  /**
   * @param v kAdj
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withKAdj(boolean v) {
    return new SmallSampleCorrection("custom", v, fixefK, clusterAdj, clusterDf, tDf, robustKAdj);
  }

  /**
   * @param v fixefK
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withFixefK(FixefK v) {
    Objects.requireNonNull(v, "fixefK");
    return new SmallSampleCorrection("custom", kAdj, v, clusterAdj, clusterDf, tDf, robustKAdj);
  }

  /**
   * @param v clusterAdj
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withClusterAdj(boolean v) {
    return new SmallSampleCorrection("custom", kAdj, fixefK, v, clusterDf, tDf, robustKAdj);
  }

  /**
   * @param v clusterDf
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withClusterDf(ClusterDf v) {
    Objects.requireNonNull(v, "clusterDf");
    return new SmallSampleCorrection("custom", kAdj, fixefK, clusterAdj, v, tDf, robustKAdj);
  }

  /**
   * @param v tDf
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withTDf(TDf v) {
    Objects.requireNonNull(v, "tDf");
    return new SmallSampleCorrection("custom", kAdj, fixefK, clusterAdj, clusterDf, v, robustKAdj);
  }

  /**
   * @param v robustKAdj
   * @return a copy named {@code custom}
   */
  public SmallSampleCorrection withRobustKAdj(boolean v) {
    return new SmallSampleCorrection("custom", kAdj, fixefK, clusterAdj, clusterDf, tDf, v);
  }

  /**
   * The number of parameters K of the adjustment.
   *
   * @param k kept coefficients (including an intercept)
   * @param fixefDof identified FE parameters F of all FE dimensions
   * @param nonNestedFixefDof identified parameters of the FE dimensions that are not nested in a
   *     cluster variable, taken alone (0 when every dimension is nested); ignored unless {@code
   *     anyNested}
   * @param anyNested whether at least one FE dimension is nested in a cluster variable of the
   *     requested clustered matrix
   * @return K
   */
  public int parameters(int k, int fixefDof, int nonNestedFixefDof, boolean anyNested) {
    switch (fixefK) {
      case NONE:
        return k;
      case FULL:
        return k + fixefDof;
      case NESTED:
      default:
        if (!anyNested) {
          return k + fixefDof;
        }
        return k + Math.max(1, nonNestedFixefDof);
    }
  }

  /**
   * (n &minus; 1)/(n &minus; K) if kAdj, else 1.
   *
   * @param n observations
   * @param bigK parameters K
   * @return the factor
   */
  public double kFactor(long n, int bigK) {
    return kAdj ? (n - 1.0) / (n - bigK) : 1.0;
  }

  /**
   * G/(G &minus; 1) if clusterAdj, else 1.
   *
   * @param g clusters
   * @return the factor
   */
  public double clusterFactor(long g) {
    return clusterAdj ? g / (g - 1.0) : 1.0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SmallSampleCorrection)) {
      return false;
    }
    SmallSampleCorrection s = (SmallSampleCorrection) o;
    return kAdj == s.kAdj
        && fixefK == s.fixefK
        && clusterAdj == s.clusterAdj
        && clusterDf == s.clusterDf
        && tDf == s.tDf
        && robustKAdj == s.robustKAdj;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kAdj, fixefK, clusterAdj, clusterDf, tDf, robustKAdj);
  }

  @Override
  public String toString() {
    return name
        + "(kAdj="
        + kAdj
        + ", fixefK="
        + fixefK.name().toLowerCase(Locale.ROOT)
        + ", clusterAdj="
        + clusterAdj
        + ", clusterDf="
        + clusterDf.name().toLowerCase(Locale.ROOT)
        + ", tDf="
        + tDf.name().toLowerCase(Locale.ROOT)
        + (robustKAdj ? "" : ", robustKAdj=false")
        + ")";
  }
}
