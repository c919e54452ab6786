package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Convergence;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.Provenance;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.count.internal.FeCountSample;
import org.econ4j.count.internal.FeIrls;
import org.econ4j.panel.Panel;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.ModelFrame;

/**
 * Poisson pseudo-maximum likelihood (PPML) with any number of high-dimensional fixed effects: the
 * model of fixest {@code fepois} and Stata {@code ppmlhdfe}.
 *
 * <h2>Model</h2>
 *
 * E[y<sub>i</sub> | x<sub>i</sub>, FE] = exp(x<sub>i</sub>'β + Σ<sub>k</sub>
 * α<sub>k,g<sub>k</sub>(i)</sub> + o<sub>i</sub>), o the offset (fixest {@code offset}, or {@code
 * log(exposure)}), estimated by maximising the (weighted) Poisson log-likelihood ℓ = Σ
 * w<sub>i</sub> [y<sub>i</sub> ln μ<sub>i</sub> − μ<sub>i</sub> − ln y<sub>i</sub>!]. Only the
 * conditional mean must be right for consistency (Santos Silva &amp; Tenreyro 2006), so the outcome
 * may be any non-negative number: non-integer outcomes are allowed with a {@link Note.Kind#COERCED}
 * note, as ppmlhdfe.
 *
 * <h2>Algorithm</h2>
 *
 * IRLS on fixest {@code feglm}'s path: start from μ = y + 0.1, η = ln μ (R's {@code glm} and
 * fixest's starting values); each iteration demeans the working response z = η − o + (y − μ)/μ and
 * the regressors with weights w·μ by the {@link Demeaner} (warm-started from the previous
 * iteration's fixed-effect coefficients; inner tolerance 10 × the demeaner's at the first
 * iteration, then the demeaner's own, default {@value #DEFAULT_INNER_TOLERANCE}, fixest's {@code
 * fixef.tol}) and solves the weighted least squares of the demeaned columns. Convergence when the
 * relative change of the deviance |D − D<sub>old</sub>|/(0.1 + |D|) is below {@value
 * #DEFAULT_TOLERANCE} (fixest {@code glm.tol}; the first step is compared with the deviance of the
 * constant linear predictor 1e-5, as fixest); at most {@value #DEFAULT_MAX_ITERATIONS} iterations
 * (fixest {@code glm.iter}); the step is halved when the deviance rises by more than the tolerance,
 * and an iteration that halved never ends the loop. The standard errors use the last iteration's
 * weights (as fixest and {@code glm}), so following fixest's path makes them agree with fixest's to
 * about 1e-8 (a different path would leave differences of order 1e-6 from the early stop; tighten
 * both tolerances for standard errors at the optimum itself). Linear predictors are capped at ±700
 * before exponentiation: μ never overflows and nothing in the result is NaN.
 *
 * <h2>Sample</h2>
 *
 * In this order, each step a {@link Note}: rows with missing values (by the formula); levels of any
 * fixed effect whose outcomes are all zero ({@link Note.Kind#NO_VARIATION}, one note per dimension
 * with its counts; their fixed effect would be −∞), alternating with the iterative removal of
 * singletons ({@link Note.Kind#SINGLETON}, on by default as fixest and ppmlhdfe, {@link
 * #withSingletons(boolean)}); then the <b>separation</b> checks of Correia, Guimarães &amp; Zylkin
 * (2021), the simplex check on the regressors and the iterative-rectifier (ReLU) check with the
 * fixed effects (lib-count's {@code Separation}); separated rows are dropped ({@link
 * Note.Kind#SEPARATION}), the certificate is in {@link FeCountFit#separationCertificate()}, and
 * regressors that become collinear on the remaining rows are dropped ({@link Note.Kind#COLLINEAR}
 * or {@link Note.Kind#ABSORBED} and a {@link DroppedTerm}). Rows with a missing offset or weight
 * are dropped by the formula binding with a note; an exposure x gives the offset log(x), so rows
 * with x ≤ 0 are dropped as non-finite.
 *
 * <h2>Inference</h2>
 *
 * z statistics. The bread is the inverse Fisher information of β with the fixed effects profiled
 * out, (X̃'ΩX̃)<sup>−1</sup>, X̃ the regressors demeaned with the working weights ω = w·μ of the
 * last iteration; the scores are s<sub>i</sub> = w<sub>i</sub>x̃<sub>i</sub>(y<sub>i</sub> −
 * μ<sub>i</sub>). {@link Vcov#iid()} is the inverse information (times fixest's small-sample factor
 * (n − 1)/(n − K) with the default {@link SmallSampleCorrection#fixest()}; use {@code ssc(K.adj =
 * FALSE)} to get the plain inverse information); {@link Vcov#hc0()} and {@link Vcov#hetero()} (HC1:
 * n/(n − K), fixest's and ppmlhdfe's {@code vce(robust)}); {@link Vcov#cluster(String...)} one to
 * four ways through {@code Sandwich}. K counts the identified fixed effects (fixest's {@code
 * K.fixef}).
 *
 * <h2>Fit statistics</h2>
 *
 * Log-likelihood, deviance 2Σw[y ln(y/μ) − (y − μ)], McFadden pseudo R² 1 − ℓ/ℓ<sub>0</sub> with
 * ℓ<sub>0</sub> the intercept-only (plus offset) model (fixest's {@code pr2}), AIC = −2ℓ + 2(k +
 * F), BIC = −2ℓ + ln(n)(k + F) with F the identified fixed effects; the squared correlation of y
 * and μ in {@link FeCountFit#squaredCorrelation()}. Incidence-rate ratios: {@link Irr#of}.
 *
 * <p>Immutable and thread-safe; {@code withX} returns a modified copy.
 *
 * <h2>References</h2>
 *
 * Santos Silva, J.M.C. and Tenreyro, S. (2006), The log of gravity, Review of Economics and
 * Statistics 88(4), 641–658. Correia, S., Guimarães, P. and Zylkin, T. (2020), Fast Poisson
 * estimation with high-dimensional fixed effects, Stata Journal 20(1), 95–115. Correia, S.,
 * Guimarães, P. and Zylkin, T. (2021), Verifying the existence of maximum likelihood estimates for
 * generalized linear models, arXiv:1903.01633. Bergé, L. (2018), Efficient estimation of maximum
 * likelihood models with multiple fixed-effects: the R package FENmlm.
 */
public final class FePoisson implements org.econ4j.panel.FeEstimator {

  /** Default relative deviance tolerance (fixest {@code glm.tol}). */
  public static final double DEFAULT_TOLERANCE = 1e-8;

  /** Default iteration cap (fixest {@code glm.iter}). */
  public static final int DEFAULT_MAX_ITERATIONS = 25;

  /** Default tolerance of the inner demeaning (fixest {@code fixef.tol}). */
  public static final double DEFAULT_INNER_TOLERANCE = 1e-6;

  private static final FePoisson DEFAULTS =
      new FePoisson(
          DEFAULT_TOLERANCE,
          DEFAULT_MAX_ITERATIONS,
          Demeaner.defaults().withTolerance(DEFAULT_INNER_TOLERANCE),
          LeastSquares.DEFAULT_TOLERANCE,
          true,
          Separation.defaults(),
          null,
          null,
          null,
          Vcov.iid(),
          SmallSampleCorrection.fixest());

  private final double tolerance;
  private final int maxIterations;
  private final Demeaner demeaner;
  private final double collinearityTolerance;
  private final boolean singletons;
  private final Separation separation;
  private final String weights;
  private final String offset;
  private final String exposure;
  private final Vcov vcov;
  private final SmallSampleCorrection ssc;

  private FePoisson(
      double tolerance,
      int maxIterations,
      Demeaner demeaner,
      double collinearityTolerance,
      boolean singletons,
      Separation separation,
      String weights,
      String offset,
      String exposure,
      Vcov vcov,
      SmallSampleCorrection ssc) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.demeaner = demeaner;
    this.collinearityTolerance = collinearityTolerance;
    this.singletons = singletons;
    this.separation = separation;
    this.weights = weights;
    this.offset = offset;
    this.exposure = exposure;
    this.vcov = vcov;
    this.ssc = ssc;
  }

  /**
   * @return tolerance 1e-8, 25 iterations, inner tolerance 1e-6, singletons and separated rows
   *     removed, no weights or offset, iid standard errors with fixest's small-sample correction
   */
  public static FePoisson defaults() {
    return DEFAULTS;
  }

  private FePoisson copy(
      double tol,
      int iter,
      Demeaner dm,
      double collin,
      boolean single,
      Separation sep,
      String wt,
      String off,
      String exp,
      Vcov v,
      SmallSampleCorrection s) {
    return new FePoisson(tol, iter, dm, collin, single, sep, wt, off, exp, v, s);
  }

  /**
   * @param tol relative deviance tolerance, in (0, 1) (fixest {@code glm.tol})
   * @return a modified copy
   */
  public FePoisson withTolerance(double tol) {
    if (!(tol > 0 && tol < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
    }
    return copy(
        tol,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param max IRLS iteration cap, ≥ 1 (fixest {@code glm.iter})
   * @return a modified copy
   */
  public FePoisson withMaxIterations(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maximum iterations must be >= 1, got " + max);
    }
    return copy(
        tolerance,
        max,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param d the demeaner; its tolerance is the final inner tolerance (fixest {@code fixef.tol})
   * @return a modified copy
   */
  public FePoisson withDemeaner(Demeaner d) {
    return copy(
        tolerance,
        maxIterations,
        Objects.requireNonNull(d, "demeaner"),
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param tol collinearity tolerance of the least-squares step, in [0, 1) (fixest {@code
   *     collin.tol}, default 1e-9)
   * @return a modified copy
   */
  public FePoisson withCollinearityTolerance(double tol) {
    LeastSquares.defaults().withTolerance(tol);
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        tol,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param remove whether singletons are removed iteratively (default true, as fixest and ppmlhdfe)
   * @return a modified copy
   */
  public FePoisson withSingletons(boolean remove) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        remove,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param check whether the simplex and ReLU separation checks run (default true, ppmlhdfe's
   *     {@code separation(fe simplex ir)}); fixed-effect groups with only zero outcomes are always
   *     dropped
   * @return a modified copy
   */
  public FePoisson withSeparation(boolean check) {
    return withSeparation(check ? Separation.defaults() : null);
  }

  /**
   * @param checks the separation checks to run (methods, tolerance; {@link Separation#defaults()}
   *     by default), or null for none
   * @return a modified copy
   */
  public FePoisson withSeparation(Separation checks) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        checks,
        weights,
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param column observation weights column or expression (≥ 0; fixest {@code weights})
   * @return a modified copy
   */
  public FePoisson withWeights(String column) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        Objects.requireNonNull(column, "column"),
        offset,
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param column offset column or expression, coefficient fixed at 1 (fixest {@code offset})
   * @return a modified copy
   */
  public FePoisson withOffset(String column) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        Objects.requireNonNull(column, "column"),
        exposure,
        vcov,
        ssc);
  }

  /**
   * @param column exposure column x: the offset is log(x) (Stata {@code exposure()})
   * @return a modified copy
   */
  public FePoisson withExposure(String column) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        Objects.requireNonNull(column, "column"),
        vcov,
        ssc);
  }

  /**
   * @param v the covariance type (default {@link Vcov#iid()}); cluster variables are bound at fit
   *     time
   * @return a modified copy
   */
  public FePoisson withVcov(Vcov v) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        Objects.requireNonNull(v, "vcov"),
        ssc);
  }

  /**
   * @param s the small-sample correction (default {@link SmallSampleCorrection#fixest()})
   * @return a modified copy
   */
  public FePoisson withSmallSampleCorrection(SmallSampleCorrection s) {
    return copy(
        tolerance,
        maxIterations,
        demeaner,
        collinearityTolerance,
        singletons,
        separation,
        weights,
        offset,
        exposure,
        vcov,
        Objects.requireNonNull(s, "ssc"));
  }

  /**
   * Fits the model (the FE-estimator entry point, as {@code FeOls.fit}).
   *
   * @param formula e.g. {@code Euros ~ log(dist_km) | Origin + Destination + Product + Year}
   * @param panel the data
   * @return the result (model name {@code "poisson"})
   * @throws SpecificationException for negative outcomes (naming rows), all-zero outcomes, no
   *     observations left, unknown columns
   */
  @Override
  public RegressionResult fit(Formula formula, Panel panel) {
    return fitDetailed(formula, panel).result();
  }

  /**
   * Fits the model and returns the count-specific details too.
   *
   * @param formula the formula
   * @param panel the data
   * @return the detailed result
   * @throws SpecificationException as {@link #fit}
   */
  public FeCountFit fitDetailed(Formula formula, Panel panel) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    ModelFrame frame = FeCountSupport.bind(formula, panel, weights, offset, exposure, vcov);
    FeCountSample s = new FeCountSample(frame, "poisson", true);
    s.index = panel.index().orElse(null);
    String yName = frame.responseName();
    s.dropUninformative(singletons);
    FeCountSupport.requireRows(s, "poisson", yName);
    if (separation != null) {
      SeparationResult sr =
          separation.detect(s.y, s.x, s.names.toArray(new String[0]), s.fe, s.feNames);
      s.dropSeparated(sr.separated(), sr.certificate(), sr.notes());
      boolean any = false;
      for (boolean b : sr.separated()) {
        any |= b;
      }
      if (any) {
        // dropping separated rows can leave all-zero groups and singletons behind
        s.dropUninformative(singletons);
        FeCountSupport.requireRows(s, "poisson", yName);
      }
    }
    FixedEffects fe = s.fixedEffects();
    FeIrls irls =
        new FeIrls(
            s.y,
            s.w,
            s.offset,
            s.x,
            fe,
            demeaner,
            LeastSquares.defaults().withTolerance(collinearityTolerance));
    irls.offsetName(offset);
    irls.startGlm();
    boolean converged = irls.runGlm(maxIterations, tolerance);
    return build(formula, frame, s, fe, irls, converged);
  }

  private FeCountFit build(
      Formula formula,
      ModelFrame frame,
      FeCountSample s,
      FixedEffects fe,
      FeIrls irls,
      boolean converged) {
    List<Note> notes = new ArrayList<>(s.notes);
    List<DroppedTerm> dropped = FeCountSupport.dropped(irls, s.names, notes);
    List<String> kept = FeCountSupport.kept(irls, s.names);
    int n = s.rows();
    int k = kept.size();
    double[] mu = irls.mu();
    double[] eta = irls.eta();
    double[][] xt = irls.xTilde();
    double[] om = irls.workWeights();
    double[][] info = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double t = 0;
        double[] xa = xt[a];
        double[] xb = xt[b];
        for (int i = 0; i < n; i++) {
          t += om[i] * xa[i] * xb[i];
        }
        info[a][b] = t;
        info[b][a] = t;
      }
    }
    double[][] bread = k == 0 ? new double[0][0] : SymmetricMatrices.inverse(info);
    double[][] scores = new double[k][n];
    for (int j = 0; j < k; j++) {
      double[] sj = scores[j];
      double[] xj = xt[j];
      for (int i = 0; i < n; i++) {
        sj[i] = s.w[i] * xj[i] * (s.y[i] - mu[i]);
      }
    }
    InferenceData.Builder ib = InferenceData.builder(bread, scores, n).iidScale(1.0);
    FeCountSupport.codes(ib, s, fe);
    if (!converged) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              irls.iterations(),
              "Poisson IRLS did not converge in "
                  + irls.iterations()
                  + " iterations (relative deviance change "
                  + irls.lastChange()
                  + ", tolerance "
                  + tolerance
                  + "); raise the iteration limit"));
    }
    int fdof = fe == null ? 0 : fe.degreesOfFreedom().absorbed();
    double ll = FeCountSupport.poissonLogLik(s.y, s.w, eta, mu);
    double ll0 = FeCountSupport.poissonNullLogLik(s.y, s.w, s.offset);
    // the deviance at the final linear predictor, computed by the last iteration
    double dev =
        Double.isNaN(irls.lastDeviance())
            ? irls.deviance(eta, Double.POSITIVE_INFINITY)
            : irls.lastDeviance();
    int p = k + fdof;
    FitStats fs =
        FitStats.empty()
            .with(FitStats.Stat.LOG_LIK, ll)
            .with(FitStats.Stat.DEVIANCE, dev)
            .with(FitStats.Stat.AIC, -2 * ll + 2.0 * p)
            .with(FitStats.Stat.BIC, -2 * ll + Math.log(n) * p);
    if (ll0 != 0) {
      fs = fs.with(FitStats.Stat.PSEUDO_R2, 1 - ll / ll0);
    }
    RegressionResult r =
        RegressionResult.builder("poisson", formula.source())
            .dependentVariable(frame.responseName())
            .coefficients(kept, irls.beta())
            .dropped(dropped)
            .termOrder(s.names)
            .inferenceData(ib.build())
            .vcov(vcov, ssc)
            .nobs(n)
            .nobsOriginal(s.nobsOriginal)
            .fitStats(fs)
            .notes(notes)
            .fixedEffects(List.of(s.feNames))
            .convergence(
                new Convergence(converged, irls.iterations(), tolerance, irls.lastChange()))
            .provenance(
                Provenance.of("FePoisson")
                    .withOption("tolerance", Double.toString(tolerance))
                    .withOption("maxIterations", Integer.toString(maxIterations))
                    .withOption("singletons", singletons ? "removed" : "kept")
                    .withOption(
                        "separation", separation != null ? separation.methods().toString() : "off"))
            .build();
    boolean[] sep = s.separated == null ? new boolean[s.nobsOriginal] : s.separated;
    return new FeCountFit(
        r,
        s.panelRows.clone(),
        mu.clone(),
        sep,
        s.separated == null ? null : s.certificate,
        FeCountSupport.squaredCorrelation(s.y, mu),
        Double.NaN,
        Double.NaN,
        null);
  }
}
