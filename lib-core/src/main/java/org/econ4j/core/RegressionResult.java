package org.econ4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Sandwich;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.VcovEstimate;

/**
 * The result of any econ4j estimator: coefficients with their inference, the covariance matrix and
 * its description, dropped terms, fit statistics, notes, fixed effects, convergence and provenance.
 * Built by estimators through {@link #builder(String, String)}.
 *
 * <p>Inference: each {@link Coefficient} carries statistic = estimate/SE, a t statistic with {@link
 * VcovEstimate#tDf()} degrees of freedom or a z statistic when {@link #usesZ()}, the two-sided
 * p-value and the confidence interval estimate &plusmn; q&middot;SE at {@link #confidenceLevel()}
 * (95 % by default), q the t (or normal) quantile.
 *
 * <p>{@link #withVcov(Vcov)} recomputes the standard errors without refitting from the {@link
 * InferenceData} the estimator kept (bread, scores, leverage, cluster/time codes resolved at fit
 * time). A result built without it (an estimator made {@code lean()}) throws {@link
 * IllegalStateException} there.
 *
 * <p>Immutable and thread-safe; arrays are copied in and out.
 */
public final class RegressionResult {
  /** Default confidence level of the intervals. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private final String model;
  private final String formula;
  private final String dependentVariable;
  private final List<String> keptTerms;
  private final double[] estimates;
  private final List<DroppedTerm> dropped;
  private final List<String> termOrder;
  private final VcovEstimate vcov;
  private final InferenceData data;
  private final long nobs;
  private final long nobsOriginal;
  private final double dof;
  private final FitStats fitStats;
  private final List<Note> baseNotes;
  private final List<String> fixedEffects;
  private final Convergence convergence;
  private final Provenance provenance;
  private final double confidenceLevel;
  private final List<Coefficient> coefficients;

  private RegressionResult(Builder b, VcovEstimate vcov, double confidenceLevel) {
    this.model = b.model;
    this.formula = b.formula;
    this.dependentVariable = b.dependentVariable;
    this.keptTerms = List.copyOf(b.terms);
    this.estimates = b.estimates.clone();
    this.dropped = List.copyOf(b.dropped);
    this.termOrder = b.termOrder;
    this.vcov = vcov;
    this.data = b.keepData ? b.data : null;
    this.nobs = b.nobs;
    this.nobsOriginal = b.nobsOriginal < 0 ? b.nobs : b.nobsOriginal;
    this.dof = b.dof;
    this.fitStats = b.fitStats;
    this.baseNotes = List.copyOf(b.notes);
    this.fixedEffects = List.copyOf(b.fixedEffects);
    this.convergence = b.convergence;
    this.provenance = b.provenance;
    this.confidenceLevel = confidenceLevel;
    this.coefficients = computeCoefficients(keptTerms, estimates, vcov, confidenceLevel);
  }

  private RegressionResult(RegressionResult r, VcovEstimate vcov, double confidenceLevel) {
    this.model = r.model;
    this.formula = r.formula;
    this.dependentVariable = r.dependentVariable;
    this.keptTerms = r.keptTerms;
    this.estimates = r.estimates;
    this.dropped = r.dropped;
    this.termOrder = r.termOrder;
    this.vcov = vcov;
    this.data = r.data;
    this.nobs = r.nobs;
    this.nobsOriginal = r.nobsOriginal;
    this.dof = r.dof;
    this.fitStats = r.fitStats;
    this.baseNotes = r.baseNotes;
    this.fixedEffects = r.fixedEffects;
    this.convergence = r.convergence;
    this.provenance = r.provenance;
    this.confidenceLevel = confidenceLevel;
    this.coefficients = computeCoefficients(keptTerms, estimates, vcov, confidenceLevel);
  }

  private static List<Coefficient> computeCoefficients(
      List<String> terms, double[] b, VcovEstimate v, double level) {
    double[] se = v.standardErrors();
    double df = v.tDf();
    double q = Distributions.tQuantile(0.5 + level / 2, df);
    List<Coefficient> out = new ArrayList<>(terms.size());
    for (int j = 0; j < terms.size(); j++) {
      double stat = b[j] / se[j];
      double p = Distributions.twoSidedT(stat, df);
      out.add(
          new Coefficient(terms.get(j), b[j], se[j], stat, p, b[j] - q * se[j], b[j] + q * se[j]));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Starts a result.
   *
   * @param model the model name (ols, poisson, negbin, negbin-conditional, poisson-conditional)
   * @param formula the formula as written
   * @return a builder
   */
  public static Builder builder(String model, String formula) {
    return new Builder(model, formula);
  }

  /**
   * @return the model name ({@code ols}, {@code poisson}, {@code negbin}, {@code
   *     negbin-conditional}, {@code poisson-conditional})
   */
  public String model() {
    return model;
  }

  /**
   * @return the formula as written
   */
  public String formula() {
    return formula;
  }

  /**
   * @return the dependent variable's display name (empty if not given)
   */
  public String dependentVariable() {
    return dependentVariable;
  }

  /**
   * @return coefficients of the kept terms, in design order
   */
  public List<Coefficient> coefficients() {
    return coefficients;
  }

  /**
   * @param term a term's display name
   * @return its coefficient, empty if unknown or dropped
   */
  public Optional<Coefficient> coefficient(String term) {
    Objects.requireNonNull(term, "term");
    int j = keptTerms.indexOf(term);
    return j < 0 ? Optional.empty() : Optional.of(coefficients.get(j));
  }

  /**
   * @return names of the estimated terms, in design order
   */
  public List<String> keptTerms() {
    return keptTerms;
  }

  /**
   * @return all terms, estimated or dropped, in design order
   */
  public List<String> terms() {
    return termOrder;
  }

  /**
   * @return the terms that were not estimated, with reasons
   */
  public List<DroppedTerm> dropped() {
    return dropped;
  }

  /**
   * @param term a term
   * @return the dropped term entry, if it was dropped
   */
  public Optional<DroppedTerm> droppedTerm(String term) {
    for (DroppedTerm d : dropped) {
      if (d.term().equals(term)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the covariance matrix of the kept coefficients (copy)
   */
  public double[][] vcovMatrix() {
    return vcov.matrix();
  }

  /**
   * @return the covariance estimate and its description (type, clusters, ssc, df)
   */
  public VcovEstimate vcov() {
    return vcov;
  }

  /**
   * @return whether statistics are z (normal) rather than t
   */
  public boolean usesZ() {
    return vcov.usesZ();
  }

  /**
   * @return the confidence level of the intervals
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * @return observations used in the fit
   */
  public long nobs() {
    return nobs;
  }

  /**
   * @return observations before any row was dropped (missing values, singletons, separation)
   */
  public long nobsOriginal() {
    return nobsOriginal;
  }

  /**
   * @return residual degrees of freedom n &minus; k &minus; F (F the FE parameters)
   */
  public double dof() {
    return dof;
  }

  /**
   * @return fit statistics
   */
  public FitStats fitStats() {
    return fitStats;
  }

  /**
   * @return notes: the estimator's, then those of the covariance computation
   */
  public List<Note> notes() {
    if (vcov.notes().isEmpty()) {
      return baseNotes;
    }
    List<Note> all = new ArrayList<>(baseNotes);
    all.addAll(vcov.notes());
    return Collections.unmodifiableList(all);
  }

  /**
   * @return names of the absorbed fixed effects, as the formula writes them
   */
  public List<String> fixedEffectNames() {
    return fixedEffects;
  }

  /**
   * @return how the iterative parts ended
   */
  public Convergence convergence() {
    return convergence;
  }

  /**
   * @return what produced this result
   */
  public Provenance provenance() {
    return provenance;
  }

  /**
   * @return whether the result keeps no inference data ({@link #withVcov} unavailable)
   */
  public boolean isLean() {
    return data == null;
  }

  /**
   * Recomputes standard errors with another covariance type and the same small-sample correction.
   *
   * @param newVcov the type
   * @return a new result
   * @throws IllegalStateException if the result is lean
   * @throws SpecificationException if the type needs data that was not captured at fit time
   */
  public RegressionResult withVcov(Vcov newVcov) {
    return withVcov(newVcov, vcov.ssc());
  }

  /**
   * Recomputes standard errors with another covariance type and small-sample correction.
   *
   * @param newVcov the type
   * @param ssc the correction
   * @return a new result
   * @throws IllegalStateException if the result is lean
   */
  public RegressionResult withVcov(Vcov newVcov, SmallSampleCorrection ssc) {
    Objects.requireNonNull(newVcov, "vcov");
    Objects.requireNonNull(ssc, "ssc");
    if (data == null) {
      throw new IllegalStateException(
          "this result was fitted lean() and keeps no inference data, so vcov '"
              + newVcov.spec()
              + "' cannot be computed; refit without lean() or with this vcov");
    }
    return new RegressionResult(this, Sandwich.compute(data, newVcov, ssc), confidenceLevel);
  }

  /**
   * @param level confidence level in (0, 1)
   * @return a copy with intervals at that level
   */
  public RegressionResult withConfidenceLevel(double level) {
    checkLevel(level);
    return new RegressionResult(this, vcov, level);
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  @Override
  public String toString() {
    return model + " " + formula + " (n = " + nobs + ", " + vcov.label() + ")";
  }

  /** Accumulates a {@link RegressionResult}; used by estimators. Not thread-safe. */
  public static final class Builder {
    private final String model;
    private final String formula;
    private String dependentVariable = "";
    private List<String> terms = List.of();
    private double[] estimates = new double[0];
    private List<DroppedTerm> dropped = List.of();
    private List<String> termOrder;
    private InferenceData data;
    private boolean keepData = true;
    private Vcov vcovType = Vcov.iid();
    private SmallSampleCorrection ssc = SmallSampleCorrection.defaults();
    private VcovEstimate vcovEstimate;
    private long nobs = -1;
    private long nobsOriginal = -1;
    private double dof = Double.NaN;
    private FitStats fitStats = FitStats.empty();
    private final List<Note> notes = new ArrayList<>();
    private List<String> fixedEffects = List.of();
    private Convergence convergence = Convergence.closedForm();
    private Provenance provenance;
    private double confidenceLevel = DEFAULT_CONFIDENCE;

    private Builder(String model, String formula) {
      this.model = Objects.requireNonNull(model, "model");
      this.formula = Objects.requireNonNull(formula, "formula");
      this.provenance = Provenance.of(model);
    }

    /**
     * @param name dependent variable display name
     * @return this builder
     */
    public Builder dependentVariable(String name) {
      this.dependentVariable = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @param keptTerms names of the estimated terms in design order
     * @param values their estimates (copied)
     * @return this builder
     */
    public Builder coefficients(List<String> keptTerms, double[] values) {
      Objects.requireNonNull(keptTerms, "keptTerms");
      Objects.requireNonNull(values, "values");
      if (keptTerms.size() != values.length) {
        throw new IllegalArgumentException(
            keptTerms.size() + " terms but " + values.length + " estimates");
      }
      this.terms = List.copyOf(keptTerms);
      this.estimates = values.clone();
      return this;
    }

    /**
     * @param droppedTerms terms not estimated
     * @return this builder
     */
    public Builder dropped(List<DroppedTerm> droppedTerms) {
      this.dropped = List.copyOf(droppedTerms);
      return this;
    }

    /**
     * @param order all terms (kept and dropped) in design order; default kept then dropped
     * @return this builder
     */
    public Builder termOrder(List<String> order) {
      this.termOrder = List.copyOf(order);
      return this;
    }

    /**
     * @param d inference data for {@link #vcov(Vcov, SmallSampleCorrection)} and {@link
     *     RegressionResult#withVcov}
     * @return this builder
     */
    public Builder inferenceData(InferenceData d) {
      this.data = Objects.requireNonNull(d, "inferenceData");
      return this;
    }

    /**
     * @param keep whether the result keeps the inference data (false for {@code lean()})
     * @return this builder
     */
    public Builder keepInferenceData(boolean keep) {
      this.keepData = keep;
      return this;
    }

    /**
     * The covariance type to compute from the inference data at build time (default iid with {@link
     * SmallSampleCorrection#defaults()}).
     *
     * @param v the type
     * @param correction the small-sample correction
     * @return this builder
     */
    public Builder vcov(Vcov v, SmallSampleCorrection correction) {
      this.vcovType = Objects.requireNonNull(v, "vcov");
      this.ssc = Objects.requireNonNull(correction, "ssc");
      return this;
    }

    /**
     * A covariance estimate computed by the estimator itself (takes precedence).
     *
     * @param estimate the estimate
     * @return this builder
     */
    public Builder vcovEstimate(VcovEstimate estimate) {
      this.vcovEstimate = Objects.requireNonNull(estimate, "vcovEstimate");
      return this;
    }

    /**
     * @param n observations used
     * @return this builder
     */
    public Builder nobs(long n) {
      this.nobs = n;
      return this;
    }

    /**
     * @param n observations before dropping rows (default: nobs)
     * @return this builder
     */
    public Builder nobsOriginal(long n) {
      this.nobsOriginal = n;
      return this;
    }

    /**
     * @param residualDof residual degrees of freedom (default n &minus; k &minus; F)
     * @return this builder
     */
    public Builder dof(double residualDof) {
      this.dof = residualDof;
      return this;
    }

    /**
     * @param stats fit statistics
     * @return this builder
     */
    public Builder fitStats(FitStats stats) {
      this.fitStats = Objects.requireNonNull(stats, "fitStats");
      return this;
    }

    /**
     * @param note a note
     * @return this builder
     */
    public Builder note(Note note) {
      notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /**
     * @param all notes
     * @return this builder
     */
    public Builder notes(List<Note> all) {
      for (Note n : all) {
        note(n);
      }
      return this;
    }

    /**
     * @param names absorbed fixed effects as the formula writes them
     * @return this builder
     */
    public Builder fixedEffects(List<String> names) {
      this.fixedEffects = List.copyOf(names);
      return this;
    }

    /**
     * @param c convergence information
     * @return this builder
     */
    public Builder convergence(Convergence c) {
      this.convergence = Objects.requireNonNull(c, "convergence");
      return this;
    }

    /**
     * @param p provenance
     * @return this builder
     */
    public Builder provenance(Provenance p) {
      this.provenance = Objects.requireNonNull(p, "provenance");
      return this;
    }

    /**
     * @param level confidence level in (0, 1)
     * @return this builder
     */
    public Builder confidenceLevel(double level) {
      checkLevel(level);
      this.confidenceLevel = level;
      return this;
    }

    /**
     * @return the result
     * @throws IllegalStateException if neither a covariance estimate nor inference data was given,
     *     or the dimensions disagree
     */
    public RegressionResult build() {
      VcovEstimate v = vcovEstimate;
      if (v == null) {
        if (data == null) {
          throw new IllegalStateException(
              "a result needs a vcovEstimate or inferenceData to compute its covariance matrix");
        }
        v = Sandwich.compute(data, vcovType, ssc);
      }
      if (v.standardErrors().length != terms.size()) {
        throw new IllegalStateException(
            "covariance matrix is "
                + v.standardErrors().length
                + "x"
                + v.standardErrors().length
                + " but there are "
                + terms.size()
                + " estimated terms");
      }
      if (nobs < 0) {
        nobs = data != null ? data.nobs() : 0;
      }
      if (Double.isNaN(dof)) {
        dof = nobs - terms.size() - (data != null ? data.fixefDof() : 0);
      }
      if (termOrder == null) {
        Set<String> all = new LinkedHashSet<>(terms);
        for (DroppedTerm d : dropped) {
          all.add(d.term());
        }
        termOrder = List.copyOf(all);
      }
      return new RegressionResult(this, v, confidenceLevel);
    }
  }
}
