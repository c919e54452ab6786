package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Convergence;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.EstimationException;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.Provenance;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Sandwich;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.VcovEstimate;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.count.internal.FeCountSample;
import org.econ4j.count.internal.FeIrls;
import org.econ4j.count.internal.SpecialFunctions;
import org.econ4j.panel.Panel;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.ModelFrame;

/**
 * Unconditional negative binomial (NB2) regression with high-dimensional fixed effects, the model
 * of fixest {@code fenegbin} (and of MASS {@code glm.nb} with dummy columns), with observation
 * weights (which fixest lacks).
 *
 * <h2>Model</h2>
 *
 * y<sub>i</sub> ~ NB2 with mean μ<sub>i</sub> = exp(x<sub>i</sub>'β + Σ<sub>k</sub>
 * α<sub>k,g<sub>k</sub>(i)</sub> + o<sub>i</sub>) and variance μ + μ²/θ (θ the shape; θ → ∞ is
 * Poisson). Log-likelihood ℓ = Σ w<sub>i</sub>[ln Γ(y + θ) − ln Γ(θ) − ln y! + θ ln(θ/(θ + μ)) + y
 * ln(μ/(θ + μ))]. The fixed effects are estimated as coefficients (dummies) — this is not the
 * conditional model of Hausman, Hall &amp; Griliches (1984) ({@link ConditionalNegBin}); with short
 * panels the fixed effects are subject to the incidental-parameters problem, though Allison &amp;
 * Waterman (2002) find the bias of β small in simulations.
 *
 * <h2>Algorithm</h2>
 *
 * Maximum likelihood over (β, θ) with the fixed effects concentrated out, by alternation until both
 * blocks are stable: (1) start from the FE Poisson fit ({@link FePoisson}'s IRLS); (2) for the
 * current μ, maximise ℓ over θ by safeguarded Newton steps on ln θ (the score and Hessian of θ use
 * ψ and ψ′ differences); (3) for that θ, IRLS for β and the fixed effects (weights wθμ/(θ + μ),
 * working response η − o + (y − μ)/μ, the weighted {@link Demeaner} in each iteration, step halving
 * when the deviance rises) to a relative deviance change below the tolerance; repeat (2)–(3). Since
 * the β–θ block of the expected information is zero for the log link, the alternation converges
 * quickly (as MASS {@code glm.nb}, whose outer loop is the same); the IRLS uses the
 * observed-information (Newton) weights, so each inner fit converges quadratically. Convergence:
 * relative change of ℓ below {@value #DEFAULT_TOLERANCE}, changes of ln θ and of every β (relative
 * to 0.1 + |β|) below {@value #THETA_TOLERANCE}, at most {@value #DEFAULT_MAX_ITERATIONS} outer
 * iterations. θ is kept in [{@value #THETA_MIN}, {@value #THETA_MAX}]; when it reaches the upper
 * bound a {@link Note.Kind#CONVERGENCE} note says the data show no overdispersion (use {@link
 * FePoisson}). fixest's {@code fenegbin} ({@code femlm} with family {@code negbin}) maximises the
 * same concentrated likelihood jointly in (β, θ) with R's {@code nlminb}, solving the fixed effects
 * by fixed-point iterations at each trial point, and reports the same θ (the variance convention μ
 * + μ²/θ, as {@code glm.nb}).
 *
 * <h2>Inference</h2>
 *
 * The covariance is the inverse of the observed information of (β, θ) with the fixed effects
 * profiled out (the Schur complement of the fixed-effect block): with ω<sub>i</sub> = wθμ(θ + y)/(θ
 * + μ)² (the observed η-curvature), X̃ the regressors demeaned with weights ω, and v<sub>i</sub> =
 * −(∂²ℓ<sub>i</sub>/∂η∂θ)/ω<sub>i</sub> with its demeaned version ṽ: I<sub>ββ</sub> = X̃'ΩX̃,
 * I<sub>βθ</sub> = X̃'Ωṽ, I<sub>θθ</sub> = −∂²ℓ/∂θ² − (v'Ωv − ṽ'Ωṽ). The coefficient covariance
 * (iid) is the β block of I<sup>−1</sup> (so the estimation of θ is accounted for), times fixest's
 * small-sample factor with the default correction; robust and clustered matrices are the β block of
 * the sandwich I<sup>−1</sup>(Σ s s')I<sup>−1</sup> with the profiled scores s<sub>β,i</sub> =
 * g<sub>i</sub>x̃<sub>i</sub> (g = ∂ℓ<sub>i</sub>/∂η) and s<sub>θ,i</sub> = ∂ℓ<sub>i</sub>/∂θ −
 * g<sub>i</sub>(v<sub>i</sub> − ṽ<sub>i</sub>), passed to {@code Sandwich} as scores s<sub>β</sub>
 * + B<sub>ββ</sub><sup>−1</sup>B<sub>βθ</sub>s<sub>θ</sub>. z statistics. θ and its standard error
 * √(I<sup>−1</sup>)<sub>θθ</sub> (no small-sample factor; MASS's {@code SE.theta}) are in the fit
 * statistics and in {@link FeCountFit#theta()}; the LR test of θ → ∞ against the FE Poisson fit on
 * the same sample, with the boundary-corrected p-value ½P(χ²(1) &gt; LR), in {@link
 * FeCountFit#overdispersionTest()}.
 *
 * <h2>Sample</h2>
 *
 * As {@link FePoisson}: fixed-effect levels with only zero outcomes and (by default) singletons are
 * removed with notes; outcomes must be non-negative integers (an error names the rows). The
 * separation checks are not run (as fixest {@code fenegbin}); separated rows show as coefficients
 * running away and a convergence note.
 *
 * <p>Immutable and thread-safe; {@code withX} returns a modified copy.
 *
 * <h2>References</h2>
 *
 * Cameron, A.C. and Trivedi, P.K. (2013), Regression Analysis of Count Data, 2nd ed., Cambridge,
 * ch. 3 and 9. Hausman, J., Hall, B. and Griliches, Z. (1984), Econometrica 52(4), 909–938.
 * Allison, P.D. and Waterman, R.P. (2002), Fixed-effects negative binomial regression models,
 * Sociological Methodology 32, 247–265. Bergé, L. (2018), the R package FENmlm. Venables, W.N. and
 * Ripley, B.D. (2002), Modern Applied Statistics with S, §7.4 ({@code glm.nb}).
 */
public final class FeNegBin implements org.econ4j.panel.FeEstimator {

  /** Default tolerance on the relative change of the log-likelihood. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  /** Tolerance on the change of ln θ between outer iterations. */
  public static final double THETA_TOLERANCE = 1e-8;

  /** Default cap on the outer (θ, β) iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Default cap on the IRLS iterations for each θ. */
  public static final int DEFAULT_IRLS_ITERATIONS = 25;

  /** Default final tolerance of the inner demeaning (tighter than fixest's: see the class doc). */
  public static final double DEFAULT_INNER_TOLERANCE = 1e-8;

  /** Smallest θ. */
  public static final double THETA_MIN = 1e-6;

  /** Largest θ (beyond it the model is Poisson to machine precision for usual counts). */
  public static final double THETA_MAX = 1e7;

  /** The settings, copied on every {@code withX}; final fields make instances safely shareable. */
  private static final class Settings {
    double tolerance = DEFAULT_TOLERANCE;
    int maxIterations = DEFAULT_MAX_ITERATIONS;
    int irlsIterations = DEFAULT_IRLS_ITERATIONS;
    Demeaner demeaner = Demeaner.defaults().withTolerance(DEFAULT_INNER_TOLERANCE);
    boolean singletons = true;
    String weights;
    String offset;
    String exposure;
    Vcov vcov = Vcov.iid();
    SmallSampleCorrection ssc = SmallSampleCorrection.fixest();
  }

  private static final FeNegBin DEFAULTS = new FeNegBin(new Settings());

  private final double tolerance;
  private final int maxIterations;
  private final int irlsIterations;
  private final Demeaner demeaner;
  private final boolean singletons;
  private final String weights;
  private final String offset;
  private final String exposure;
  private final Vcov vcov;
  private final SmallSampleCorrection ssc;

  private FeNegBin(Settings c) {
    this.tolerance = c.tolerance;
    this.maxIterations = c.maxIterations;
    this.irlsIterations = c.irlsIterations;
    this.demeaner = c.demeaner;
    this.singletons = c.singletons;
    this.weights = c.weights;
    this.offset = c.offset;
    this.exposure = c.exposure;
    this.vcov = c.vcov;
    this.ssc = c.ssc;
  }

  /**
   * @return tolerance 1e-10 on ℓ, 100 outer and 25 IRLS iterations, inner tolerance 1e-8,
   *     singletons removed, iid standard errors with fixest's small-sample correction
   */
  public static FeNegBin defaults() {
    return DEFAULTS;
  }

  private Settings copy() {
    Settings c = new Settings();
    c.tolerance = tolerance;
    c.maxIterations = maxIterations;
    c.irlsIterations = irlsIterations;
    c.demeaner = demeaner;
    c.singletons = singletons;
    c.weights = weights;
    c.offset = offset;
    c.exposure = exposure;
    c.vcov = vcov;
    c.ssc = ssc;
    return c;
  }

  /**
   * @param tol tolerance on the relative change of the log-likelihood, in (0, 1)
   * @return a modified copy
   */
  public FeNegBin withTolerance(double tol) {
    if (!(tol > 0 && tol < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
    }
    Settings c = copy();
    c.tolerance = tol;
    return new FeNegBin(c);
  }

  /**
   * @param max cap on the outer (θ, β) iterations, ≥ 1
   * @return a modified copy
   */
  public FeNegBin withMaxIterations(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maximum iterations must be >= 1, got " + max);
    }
    Settings c = copy();
    c.maxIterations = max;
    return new FeNegBin(c);
  }

  /**
   * @param max cap on the IRLS iterations for each θ, ≥ 1 (fixest {@code glm.iter})
   * @return a modified copy
   */
  public FeNegBin withIrlsIterations(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maximum IRLS iterations must be >= 1, got " + max);
    }
    Settings c = copy();
    c.irlsIterations = max;
    return new FeNegBin(c);
  }

  /**
   * @param d the demeaner (its tolerance is the final inner tolerance)
   * @return a modified copy
   */
  public FeNegBin withDemeaner(Demeaner d) {
    Settings c = copy();
    c.demeaner = Objects.requireNonNull(d, "demeaner");
    return new FeNegBin(c);
  }

  /**
   * @param remove whether singletons are removed iteratively (default true)
   * @return a modified copy
   */
  public FeNegBin withSingletons(boolean remove) {
    Settings c = copy();
    c.singletons = remove;
    return new FeNegBin(c);
  }

  /**
   * @param column observation weights column or expression (≥ 0)
   * @return a modified copy
   */
  public FeNegBin withWeights(String column) {
    Settings c = copy();
    c.weights = Objects.requireNonNull(column, "column");
    return new FeNegBin(c);
  }

  /**
   * @param column offset column or expression (coefficient 1)
   * @return a modified copy
   */
  public FeNegBin withOffset(String column) {
    Settings c = copy();
    c.offset = Objects.requireNonNull(column, "column");
    return new FeNegBin(c);
  }

  /**
   * @param column exposure column x (offset log(x))
   * @return a modified copy
   */
  public FeNegBin withExposure(String column) {
    Settings c = copy();
    c.exposure = Objects.requireNonNull(column, "column");
    return new FeNegBin(c);
  }

  /**
   * @param v covariance type (default iid); cluster variables are bound at fit time
   * @return a modified copy
   */
  public FeNegBin withVcov(Vcov v) {
    Settings c = copy();
    c.vcov = Objects.requireNonNull(v, "vcov");
    return new FeNegBin(c);
  }

  /**
   * @param s small-sample correction (default {@link SmallSampleCorrection#fixest()})
   * @return a modified copy
   */
  public FeNegBin withSmallSampleCorrection(SmallSampleCorrection s) {
    Settings c = copy();
    c.ssc = Objects.requireNonNull(s, "ssc");
    return new FeNegBin(c);
  }

  /**
   * Fits the model (the FE-estimator entry point).
   *
   * @param formula e.g. {@code patents ~ l(log(rd), 0:2) | firm + year}
   * @param panel the data
   * @return the result (model name {@code "negbin"})
   * @throws SpecificationException for negative or non-integer outcomes (naming rows), all-zero
   *     outcomes, no observations left
   * @throws EstimationException if the information matrix of (β, θ) is not positive definite
   */
  @Override
  public RegressionResult fit(Formula formula, Panel panel) {
    return fitDetailed(formula, panel).result();
  }

  /**
   * Fits the model and returns θ, its SE and the LR test too.
   *
   * @param formula the formula
   * @param panel the data
   * @return the detailed result
   * @throws SpecificationException as {@link #fit}
   * @throws EstimationException as {@link #fit}
   */
  public FeCountFit fitDetailed(Formula formula, Panel panel) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    ModelFrame frame = FeCountSupport.bind(formula, panel, weights, offset, exposure, vcov);
    FeCountSample s = new FeCountSample(frame, "negative binomial", false);
    s.index = panel.index().orElse(null);
    String yName = frame.responseName();
    s.dropUninformative(singletons);
    FeCountSupport.requireRows(s, "negative binomial", yName);
    FixedEffects fe = s.fixedEffects();
    FeIrls irls = new FeIrls(s.y, s.w, s.offset, s.x, fe, demeaner, LeastSquares.defaults());
    irls.offsetName(offset);
    irls.startFromOutcome();
    boolean poissonConverged =
        irls.run(Double.POSITIVE_INFINITY, irlsIterations, FePoisson.DEFAULT_TOLERANCE);
    double llPoisson = FeCountSupport.poissonLogLik(s.y, s.w, irls.eta(), irls.mu());
    List<Note> notes = new ArrayList<>(s.notes);
    double theta = startTheta(s.y, s.w, irls.mu());
    double ll = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int outer = 0;
    double lastChange = Double.NaN;
    double[] betaOld = irls.beta();
    while (outer < maxIterations) {
      outer++;
      double thetaOld = theta;
      theta = maximiseTheta(s.y, s.w, irls.mu(), theta);
      irls.run(
          theta,
          irlsIterations,
          Math.min(FePoisson.DEFAULT_TOLERANCE, tolerance * 100),
          outer == 1 ? 1e-4 : 1e-7);
      double llNew = FeCountSupport.negbinLogLik(s.y, s.w, irls.mu(), theta);
      double change = Math.abs(llNew - ll) / (0.1 + Math.abs(llNew));
      double dTheta = Math.abs(Math.log(theta) - Math.log(thetaOld));
      double[] beta = irls.beta();
      double dBeta = 0;
      if (betaOld != null && betaOld.length == beta.length) {
        for (int j = 0; j < beta.length; j++) {
          dBeta = Math.max(dBeta, Math.abs(beta[j] - betaOld[j]) / (0.1 + Math.abs(beta[j])));
        }
      } else {
        dBeta = Double.POSITIVE_INFINITY;
      }
      betaOld = beta;
      lastChange = change;
      ll = llNew;
      if (change < tolerance
          && dTheta < THETA_TOLERANCE
          && dBeta < THETA_TOLERANCE
          && irls.converged()) {
        converged = true;
        break;
      }
      if (theta >= THETA_MAX && change < tolerance && irls.converged()) {
        converged = true;
        break;
      }
    }
    if (theta >= THETA_MAX) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              1,
              "theta ran to its upper bound "
                  + THETA_MAX
                  + ": the data show no overdispersion beyond Poisson; use FePoisson",
              List.of("theta")));
    } else if (theta <= THETA_MIN) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              1,
              "theta ran to its lower bound "
                  + THETA_MIN
                  + ": the overdispersion is extreme; check the outcome and the model",
              List.of("theta")));
    }
    if (!converged) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              outer,
              "negative binomial did not converge in "
                  + outer
                  + " outer iterations (relative log-likelihood change "
                  + lastChange
                  + ", tolerance "
                  + tolerance
                  + "); raise the iteration limit"));
    }
    if (!poissonConverged) {
      notes.add(
          Note.of(
              Note.Kind.INFO,
              1,
              "the Poisson fit used for starting values and the LR test did not converge; the LR"
                  + " test is approximate"));
    }
    return build(
        formula, frame, s, fe, irls, theta, ll, llPoisson, converged, outer, lastChange, notes);
  }

  /** Moment start: θ = Σμ² / Σ((y − μ)² − μ), or 1 when not positive. */
  static double startTheta(double[] y, double[] w, double[] mu) {
    double a = 0;
    double b = 0;
    for (int i = 0; i < y.length; i++) {
      double r = y[i] - mu[i];
      a += w[i] * mu[i] * mu[i];
      b += w[i] * (r * r - mu[i]);
    }
    double t = b > 0 ? a / b : 1.0;
    return Math.min(THETA_MAX, Math.max(THETA_MIN, t));
  }

  /** dℓ/dθ and d²ℓ/dθ² at fixed μ: out[0] = score, out[1] = second derivative. */
  static void thetaDerivatives(double[] y, double[] w, double[] mu, double theta, double[] out) {
    double g = 0;
    double h = 0;
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      double m = mu[i];
      double tm = theta + m;
      g += w[i] * (SpecialFunctions.digammaDiff(theta, yi) + Math.log(theta / tm) + (m - yi) / tm);
      h +=
          w[i]
              * (SpecialFunctions.trigammaDiff(theta, yi)
                  + 1 / theta
                  - 2 / tm
                  + (yi + theta) / (tm * tm));
    }
    out[0] = g;
    out[1] = h;
  }

  /** Maximises ℓ(θ) at fixed μ by safeguarded Newton steps on φ = ln θ. */
  static double maximiseTheta(double[] y, double[] w, double[] mu, double theta0) {
    double phi = Math.log(theta0);
    double[] d = new double[2];
    double ll = Double.NaN; // evaluated only when a step must be safeguarded
    double lo = Math.log(THETA_MIN);
    double hi = Math.log(THETA_MAX);
    for (int it = 0; it < 200; it++) {
      double t = Math.exp(phi);
      thetaDerivatives(y, w, mu, t, d);
      double f1 = t * d[0];
      double f2 = t * t * d[1] + t * d[0];
      double step = f2 < 0 ? -f1 / f2 : Math.signum(f1);
      step = Math.max(-2, Math.min(2, step));
      double phiNew = Math.max(lo, Math.min(hi, phi + step));
      if (!(f2 < 0 && Math.abs(step) < 0.1)) {
        // far from the maximum or not concave: the step must not lower the likelihood
        if (Double.isNaN(ll)) {
          ll = FeCountSupport.negbinLogLik(y, w, mu, t);
        }
        double llNew = FeCountSupport.negbinLogLik(y, w, mu, Math.exp(phiNew));
        int halvings = 0;
        while (!(llNew >= ll - 1e-10 * Math.abs(ll)) && halvings < 40) {
          phiNew = 0.5 * (phi + phiNew);
          llNew = FeCountSupport.negbinLogLik(y, w, mu, Math.exp(phiNew));
          halvings++;
        }
        ll = llNew;
      } else {
        ll = Double.NaN;
      }
      double delta = Math.abs(phiNew - phi);
      phi = phiNew;
      if (delta < 1e-12 || (phi >= hi && f1 > 0) || (phi <= lo && f1 < 0)) {
        break;
      }
    }
    return Math.max(THETA_MIN, Math.min(THETA_MAX, Math.exp(phi)));
  }

  private FeCountFit build(
      Formula formula,
      ModelFrame frame,
      FeCountSample s,
      FixedEffects fe,
      FeIrls irls,
      double theta,
      double ll,
      double llPoisson,
      boolean converged,
      int outer,
      double lastChange,
      List<Note> notes) {
    List<DroppedTerm> dropped = FeCountSupport.dropped(irls, s.names, notes);
    List<String> kept = FeCountSupport.kept(irls, s.names);
    int n = s.rows();
    int k = kept.size();
    double[] mu = irls.mu();
    double[] y = s.y;
    double[] w = s.w;
    double[] om = new double[n];
    double[] g = new double[n];
    double[] v = new double[n];
    double[] lt = new double[n];
    double att = 0;
    for (int i = 0; i < n; i++) {
      double m = mu[i];
      double tm = theta + m;
      om[i] = w[i] * theta * m * (theta + y[i]) / (tm * tm);
      g[i] = w[i] * theta * (y[i] - m) / tm;
      double hte = w[i] * (y[i] - m) * m / (tm * tm);
      v[i] = om[i] > 0 ? -hte / om[i] : 0;
      lt[i] =
          w[i]
              * (SpecialFunctions.digammaDiff(theta, y[i])
                  + Math.log(theta / tm)
                  + (m - y[i]) / tm);
      att -=
          w[i]
              * (SpecialFunctions.trigammaDiff(theta, y[i])
                  + 1 / theta
                  - 2 / tm
                  + (y[i] + theta) / (tm * tm));
    }
    double[][] dm = irls.demeanActive(om, v);
    double[] vt = dm[k];
    int p = k + 1;
    double[][] info = new double[p][p];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double t = 0;
        for (int i = 0; i < n; i++) {
          t += om[i] * dm[a][i] * dm[b][i];
        }
        info[a][b] = t;
        info[b][a] = t;
      }
      double t = 0;
      for (int i = 0; i < n; i++) {
        t += om[i] * dm[a][i] * vt[i];
      }
      info[a][k] = t;
      info[k][a] = t;
    }
    double vv = 0;
    for (int i = 0; i < n; i++) {
      vv += om[i] * (v[i] * v[i] - vt[i] * vt[i]);
    }
    info[k][k] = att - vv;
    double[][] inv = invertInformation(info, theta);
    double[][] bread = new double[k][k];
    for (int a = 0; a < k; a++) {
      System.arraycopy(inv[a], 0, bread[a], 0, k);
    }
    // adjusted scores s_b + Bbb^{-1} Bbt s_t
    double[] adj = new double[k];
    if (k > 0) {
      double[][] bbInv = SymmetricMatrices.inverse(bread);
      for (int a = 0; a < k; a++) {
        double t = 0;
        for (int b = 0; b < k; b++) {
          t += bbInv[a][b] * inv[b][k];
        }
        adj[a] = t;
      }
    }
    double[][] scores = new double[k][n];
    for (int i = 0; i < n; i++) {
      double st = lt[i] - g[i] * (v[i] - vt[i]);
      for (int a = 0; a < k; a++) {
        scores[a][i] = g[i] * dm[a][i] + adj[a] * st;
      }
    }
    InferenceData.Builder ib = InferenceData.builder(bread, scores, n).iidScale(1.0);
    FeCountSupport.codes(ib, s, fe);
    double thetaSe = Math.sqrt(inv[k][k]);
    int fdof = fe == null ? 0 : fe.degreesOfFreedom().absorbed();
    double thetaSeVcov = thetaStdErrorForVcov(s, fe, inv, g, dm, lt, v, vt, fdof);
    int npar = k + fdof + 1;
    double ll0 = nullLogLik(s.y, s.w, s.offset);
    double dev = irls.deviance(irls.eta(), theta);
    FitStats fs =
        FitStats.empty()
            .with(FitStats.Stat.LOG_LIK, ll)
            .with(FitStats.Stat.DEVIANCE, dev)
            .with(FitStats.Stat.AIC, -2 * ll + 2.0 * npar)
            .with(FitStats.Stat.BIC, -2 * ll + Math.log(n) * npar)
            .with(FitStats.Stat.THETA, theta)
            .with(FitStats.Stat.THETA_STD_ERROR, thetaSeVcov);
    if (ll0 != 0 && Double.isFinite(ll0)) {
      fs = fs.with(FitStats.Stat.PSEUDO_R2, 1 - ll / ll0);
    }
    double lr = Math.max(0, 2 * (ll - llPoisson));
    FeCountFit.LrTest test =
        new FeCountFit.LrTest(lr, 0.5 * Distributions.chiSquaredUpper(lr, 1), llPoisson);
    RegressionResult r =
        RegressionResult.builder("negbin", formula.source())
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
            .convergence(new Convergence(converged, outer, tolerance, lastChange))
            .provenance(
                Provenance.of("FeNegBin")
                    .withOption("tolerance", Double.toString(tolerance))
                    .withOption("maxIterations", Integer.toString(maxIterations))
                    .withOption("singletons", singletons ? "removed" : "kept"))
            .build();
    return new FeCountFit(
        r,
        s.panelRows.clone(),
        mu.clone(),
        new boolean[s.nobsOriginal],
        null,
        FeCountSupport.squaredCorrelation(s.y, mu),
        theta,
        thetaSe,
        test);
  }

  /**
   * The standard error of θ under the estimator's covariance type and small-sample correction (as
   * fixest reports it): the θ row of inv(I)·s, i.e. the θ score adjusted for the β scores, through
   * the same {@link Sandwich} as the coefficients, with K = k + FE parameters (θ not counted, as
   * fixest). Falls back to the observed-information value when the covariance cannot be formed.
   */
  private double thetaStdErrorForVcov(
      FeCountSample s,
      FixedEffects fe,
      double[][] inv,
      double[] g,
      double[][] dm,
      double[] lt,
      double[] v,
      double[] vt,
      int fdof) {
    int k = inv.length - 1;
    int n = s.rows();
    double itt = inv[k][k];
    if (!(itt > 0)) {
      return Math.sqrt(itt);
    }
    double[] st = new double[n];
    for (int i = 0; i < n; i++) {
      double t = lt[i] - g[i] * (v[i] - vt[i]);
      for (int a = 0; a < k; a++) {
        t += inv[k][a] / itt * g[i] * dm[a][i];
      }
      st[i] = t;
    }
    try {
      InferenceData.Builder tb =
          InferenceData.builder(new double[][] {{itt}}, new double[][] {st}, n).iidScale(1.0);
      FeCountSupport.codes(tb, s, fe);
      int extra = k - 1;
      tb.fixefDof(fdof + extra);
      int[][] codes = s.fe;
      String[] names = s.feNames;
      tb.fixefDofFunction(
          list -> {
            int f = 0;
            int m = 0;
            for (int d = 0; d < names.length; d++) {
              if (list.contains(names[d])) {
                int max = -1;
                for (int c : codes[d]) {
                  max = Math.max(max, c);
                }
                f += max + 1;
                m++;
              }
            }
            return Math.max(0, f - Math.max(0, m - 1)) + extra;
          });
      VcovEstimate ve = Sandwich.compute(tb.build(), vcov, ssc);
      double var = ve.matrix()[0][0];
      return var > 0 ? Math.sqrt(var) : Math.sqrt(itt);
    } catch (RuntimeException e) {
      return Math.sqrt(itt);
    }
  }

  /**
   * Inverts the information matrix of (β, θ), checking that it is positive definite.
   *
   * @param info the information matrix (negative Hessian)
   * @param theta θ, for the message
   * @return the inverse
   * @throws EstimationException if the matrix is not positive definite
   */
  static double[][] invertInformation(double[][] info, double theta) {
    int p = info.length;
    double[][] inv;
    try {
      inv = SymmetricMatrices.inverse(info);
    } catch (RuntimeException e) {
      throw new EstimationException(
          "the information matrix of the negative binomial coefficients and theta is not positive"
              + " definite (theta = "
              + theta
              + "); the likelihood has no proper maximum, check for separation or drop regressors",
          e);
    }
    for (int j = 0; j < p; j++) {
      if (!(inv[j][j] > 0) || !Double.isFinite(inv[j][j])) {
        throw new EstimationException(
            "the information matrix of the negative binomial coefficients and theta is not"
                + " positive definite (theta = "
                + theta
                + "); the likelihood has no proper maximum, check for separation or drop"
                + " regressors");
      }
    }
    return inv;
  }

  /**
   * Intercept-only NB2 (with offset) log-likelihood, θ and intercept maximised (fixest ll_null).
   */
  static double nullLogLik(double[] y, double[] w, double[] off) {
    int n = y.length;
    double swy = 0;
    double swe = 0;
    for (int i = 0; i < n; i++) {
      swy += w[i] * y[i];
      swe += w[i] * Math.exp(off[i]);
    }
    if (!(swy > 0)) {
      return Double.NaN;
    }
    // without an offset the intercept's MLE is log(ybar) for any theta; with one, a few
    // alternations of the intercept's Newton step and theta suffice
    double c = Math.log(swy / swe);
    double[] mu = new double[n];
    double theta = 1;
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < n; i++) {
        mu[i] = FeIrls.expCapped(off[i] + c);
      }
      theta = maximiseTheta(y, w, mu, theta);
      double gsum = 0;
      double hsum = 0;
      for (int i = 0; i < n; i++) {
        double tm = theta + mu[i];
        gsum += w[i] * theta * (y[i] - mu[i]) / tm;
        hsum += w[i] * theta * mu[i] * (theta + y[i]) / (tm * tm);
      }
      double step = hsum > 0 ? gsum / hsum : 0;
      c += step;
      if (Math.abs(step) < 1e-12) {
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      mu[i] = FeIrls.expCapped(off[i] + c);
    }
    return FeCountSupport.negbinLogLik(y, w, mu, theta);
  }
}
