package org.econ4j.count.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.core.EstimationException;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.DemeanState;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;

/**
 * Iteratively reweighted least squares for log-link count models (Poisson, and NB2 with a given
 * shape θ) with any number of fixed-effect dimensions swept out by the weighted {@link Demeaner}
 * inside every iteration.
 *
 * <p>Iteration: with μ = exp(η), Poisson uses the working weights ω<sub>i</sub> =
 * w<sub>i</sub>μ<sub>i</sub> and working response z = η − offset + (y − μ)/μ (Fisher scoring, which
 * is Newton's method for the canonical link); NB2 uses the Newton weights of the observed
 * information, ω = wθμ(θ + y)/(θ + μ)², and z = η − offset + (y − μ)(θ + μ)/(μ(θ + y)), so that
 * convergence is quadratic there too. Demean z and the regressors with weights ω (warm-started from
 * the previous iteration's fixed-effect coefficients), solve the weighted least squares of z̃ on X̃
 * (at the first iteration by QR with rank detection, {@link LeastSquares}, which settles the kept
 * columns; afterwards by the K×K normal equations with a Cholesky factor, falling back to QR when a
 * pivot degenerates), and set η ← offset + z − (z̃ − X̃β) (the FE part of the fit is z − z̃ − (X −
 * X̃)β). If the deviance rises the step is halved (up to {@value #MAX_HALVINGS} times).
 * Convergence: |D − D<sub>old</sub>| / (0.1 + |D|) &lt; tol (fixest's {@code glm.tol} rule),
 * declared only once an iteration has run at the final inner (demeaning) tolerance. With {@link
 * #run(double, int, double, double)} the inner tolerance is adaptive: 1e-4 at first, then 0.01 ×
 * the last relative deviance change, never below the final tolerance (FeNegBin); {@link
 * #runGlm(int, double)} follows fixest {@code feglm}'s schedule instead (FePoisson).
 *
 * <p>Linear predictors are capped at ±{@value #ETA_CAP} before exponentiation, so μ never overflows
 * and no NaN reaches the results.
 *
 * <p>Not thread-safe; one instance per fit.
 */
public final class FeIrls {

  /** Largest number of step halvings per iteration. */
  static final int MAX_HALVINGS = 30;

  /** Cap on |η| before exponentiation. */
  static final double ETA_CAP = 700.0;

  /** Inner tolerance of the first iteration. */
  static final double FIRST_INNER_TOL = 1e-4;

  private final double[] y;
  private final double[] w;
  private final double[] off;
  private final double[][] xAll;
  private final FixedEffects fe;
  private final Demeaner demeaner;
  private final LeastSquares ls;
  private final int n;

  private final boolean[] dropped;
  private final boolean[] absorbed;
  private int[] active;
  private double[] eta;
  private double[] mu;
  private double[] betaActive;
  private double[][] xTilde;
  private double[] workWeights;
  private DemeanState state;
  private int iterations;
  private double lastChange = Double.NaN;
  private double deviance = Double.NaN;
  private boolean converged;

  /**
   * @param y outcomes (≥ 0)
   * @param w prior weights (≥ 0)
   * @param off offset
   * @param x regressors, column-major
   * @param fe fixed effects on the same rows, or null for none
   * @param demeaner the demeaner (its tolerance is the final inner tolerance)
   * @param ls the least-squares solver (its tolerance is the collinearity tolerance)
   */
  public FeIrls(
      double[] y,
      double[] w,
      double[] off,
      double[][] x,
      FixedEffects fe,
      Demeaner demeaner,
      LeastSquares ls) {
    this.y = y;
    this.w = w;
    this.off = off;
    this.xAll = x;
    this.fe = fe;
    this.demeaner = demeaner;
    this.ls = ls;
    this.n = y.length;
    this.dropped = new boolean[x.length];
    this.absorbed = new boolean[x.length];
    this.active = new int[x.length];
    for (int j = 0; j < x.length; j++) {
      active[j] = j;
    }
    this.mu = new double[n];
    this.eta = new double[n];
    boolean zeroOff = true;
    boolean ones = true;
    for (int i = 0; i < n; i++) {
      zeroOff &= off[i] == 0;
      ones &= w[i] == 1;
    }
    this.noOffset = zeroOff;
    this.unitWeights = ones;
  }

  /** No offset (all zero) and unit weights: the common case, whose loops skip those arrays. */
  private final boolean noOffset;

  private final boolean unitWeights;

  /** Starting values μ = (y + ȳ)/2 (weighted mean ȳ), as ppmlhdfe (used by FeNegBin). */
  public void startFromOutcome() {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < n; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    double ybar = sw > 0 ? swy / sw : 0;
    for (int i = 0; i < n; i++) {
      mu[i] = 0.5 * (y[i] + ybar);
      eta[i] = Math.log(mu[i]);
    }
  }

  /**
   * The starting values of R's {@code glm} and fixest {@code feglm} for the Poisson family: μ = y +
   * 0.1 and η = ln μ (without the offset, as they do).
   */
  public void startGlm() {
    for (int i = 0; i < n; i++) {
      mu[i] = y[i] + 0.1;
      eta[i] = Math.log(mu[i]);
    }
  }

  /** The constant linear predictor whose deviance the first Poisson (glm-schedule) step beats. */
  static final double GLM_ETA0 = 1e-5;

  /**
   * Runs Poisson IRLS on the schedule of fixest {@code feglm} (and R's {@code glm}): start from
   * {@link #startGlm()}; the reference deviance of the first step is that of the constant linear
   * predictor {@value #GLM_ETA0} (the step is halved towards it, at most twice, if it does worse);
   * the inner tolerance is 10 × the demeaner's at the first iteration and the demeaner's after
   * that; from the second iteration the step is halved while the deviance rises by more than the
   * tolerance, and an iteration that halved never ends the loop. Convergence: |D − D<sub>old</sub>|
   * / (0.1 + |D|) &lt; tol. Following this path, the last iteration's weights (which the standard
   * errors use) are those fixest uses, so the standard errors agree with fixest's to far better
   * than the 1e-6 that the early stop otherwise leaves between them.
   *
   * @param maxIterations the iteration cap (also the cap on halvings per iteration)
   * @param tol the relative deviance tolerance
   * @return whether it converged
   */
  public boolean runGlm(int maxIterations, double tol) {
    return run(Double.POSITIVE_INFINITY, maxIterations, tol, Double.NaN, true);
  }

  /**
   * Runs IRLS to convergence for a given shape.
   *
   * @param theta NB2 shape θ, or {@code Double.POSITIVE_INFINITY} for Poisson
   * @param maxIterations the iteration cap
   * @param tol the relative deviance tolerance
   * @return whether it converged
   */
  public boolean run(double theta, int maxIterations, double tol) {
    return run(theta, maxIterations, tol, FIRST_INNER_TOL);
  }

  /**
   * Runs IRLS to convergence for a given shape, with a given first inner tolerance (a warm start
   * close to the solution can begin at the final tolerance).
   *
   * @param theta NB2 shape θ, or {@code Double.POSITIVE_INFINITY} for Poisson
   * @param maxIterations the iteration cap
   * @param tol the relative deviance tolerance
   * @param firstInnerTol the inner tolerance of the first iteration
   * @return whether it converged
   */
  public boolean run(double theta, int maxIterations, double tol, double firstInnerTol) {
    return run(theta, maxIterations, tol, firstInnerTol, false);
  }

  private boolean run(
      double theta, int maxIterations, double tol, double firstInnerTol, boolean glm) {
    double finalInner = demeaner.tolerance();
    double devOld;
    double[] anchor = null;
    if (glm) {
      anchor = new double[n];
      for (int i = 0; i < n; i++) {
        anchor[i] = GLM_ETA0;
      }
      devOld = deviance(anchor, theta);
      for (int i = 0; i < n; i++) {
        anchor[i] = off[i] + GLM_ETA0;
      }
    } else {
      devOld = deviance(eta, theta);
    }
    double innerTol = glm ? 10 * finalInner : Math.max(firstInnerTol, finalInner);
    converged = false;
    int it = 0;
    double[] etaNew = new double[n];
    double[] muNew = new double[n];
    double[] z = new double[n];
    while (it < maxIterations) {
      it++;
      iterations++;
      // two weight buffers used in turn: the previous weights are never needed again, and the
      // last ones stay readable through workWeights() after the run
      double[] ww = spareWeights != null && spareWeights.length == n ? spareWeights : new double[n];
      spareWeights = workWeights;
      workWeights = ww;
      double[] muNow = mu;
      double[] etaNow = eta;
      boolean plainPoisson = theta == Double.POSITIVE_INFINITY && noOffset && unitWeights;
      forChunks(
          (lo, hi) -> {
            if (plainPoisson) {
              for (int i = lo; i < hi; i++) {
                double m = muNow[i];
                ww[i] = m;
                z[i] = etaNow[i] + (y[i] - m) / m;
              }
              return;
            }
            for (int i = lo; i < hi; i++) {
              double m = muNow[i];
              if (theta == Double.POSITIVE_INFINITY) {
                ww[i] = w[i] * m;
                z[i] = etaNow[i] - off[i] + (y[i] - m) / m;
              } else {
                // Newton: observed curvature θμ(θ + y)/(θ + μ)², step (y − μ)(θ + μ)/(μ(θ + y))
                double tm = theta + m;
                ww[i] = w[i] * theta * m * (theta + y[i]) / (tm * tm);
                z[i] = etaNow[i] - off[i] + (y[i] - m) * tm / (m * (theta + y[i]));
              }
            }
          });
      double[] beta = solve(z, workWeights, innerTol);
      boolean tight = innerTol <= finalInner;
      // eta_new = off + z - (z~ - X~ beta): from the solve's residual, or (normal equations) with
      // the residual formed on the way, in parallel chunks
      if (newEta(z, beta, etaNew)) {
        checkOverflow(etaNew);
      }
      double dev = deviance(etaNew, theta, muNew);
      int halvings = 0;
      double[] betaOld = betaActive;
      double[] toward = glm && it == 1 ? anchor : eta;
      int maxHalvings = glm ? (it == 1 ? 2 : maxIterations) : MAX_HALVINGS;
      while (halvings < maxHalvings
          && (glm ? rises(dev, devOld, tol) : !(dev <= devOld * (1 + 1e-12) + 1e-12) && it > 1)) {
        halvings++;
        totalHalvings++;
        for (int i = 0; i < n; i++) {
          etaNew[i] = 0.5 * (etaNew[i] + toward[i]);
        }
        if (betaOld != null && betaOld.length == beta.length) {
          for (int j = 0; j < beta.length; j++) {
            beta[j] = 0.5 * (beta[j] + betaOld[j]);
          }
        }
        dev = deviance(etaNew, theta, muNew);
      }
      double[] t = eta;
      eta = etaNew;
      etaNew = t;
      double[] tm = mu; // μ = exp(η) as computed with the deviance
      mu = muNew;
      muNew = tm;
      betaActive = beta;
      double change = Math.abs(dev - devOld) / (0.1 + Math.abs(dev));
      lastChange = change;
      deviance = dev;
      devOld = dev;
      if (change < tol && tight && !(glm && halvings > 0)) {
        converged = true;
        break;
      }
      innerTol = glm ? finalInner : Math.max(finalInner, Math.min(FIRST_INNER_TOL, 0.01 * change));
    }
    return converged;
  }

  /**
   * fixest's halving rule: the deviance is not finite, or it rose and the change is not below the
   * tolerance (absolute or relative).
   */
  private static boolean rises(double dev, double devOld, double tol) {
    if (!Double.isFinite(dev)) {
      return true;
    }
    double d = dev - devOld;
    boolean small = Math.abs(d) < tol || Math.abs(d) / (0.1 + Math.abs(dev)) < tol;
    return !small && d > 0;
  }

  /** The residual z̃ − X̃β of the last solve when QR formed it, else null (then see lastZt). */
  private double[] lastResidual;

  /** The demeaned working response of the last normal-equations solve. */
  private double[] lastZt;

  /**
   * η<sub>new</sub> = o + z − (z̃ − X̃β), with the residual taken from the QR solve or formed here
   * (normal equations), in fixed parallel chunks.
   *
   * @return whether some value overflows (see {@link #checkOverflow(double[])})
   */
  private boolean newEta(double[] z, double[] beta, double[] etaNew) {
    double[] resid = lastResidual;
    double[] zt = lastZt;
    double[][] xt = xTilde;
    int k = beta.length;
    int chunks = (n + CHUNK - 1) / CHUNK;
    boolean[] bad = new boolean[Math.max(chunks, 1)];
    forChunks(
        (lo, hi) -> {
          boolean b = false;
          if (resid != null) {
            for (int i = lo; i < hi; i++) {
              double v = off[i] + z[i] - resid[i];
              etaNew[i] = v;
              b |= v > ETA_CAP || !(v == v) || (v < -ETA_CAP && y[i] > 0);
            }
          } else if (k == 1 && noOffset) {
            double[] x0 = xt[0];
            double b0 = beta[0];
            for (int i = lo; i < hi; i++) {
              double v = z[i] - (zt[i] - x0[i] * b0);
              etaNew[i] = v;
              b |= v > ETA_CAP || !(v == v) || (v < -ETA_CAP && y[i] > 0);
            }
          } else {
            for (int i = lo; i < hi; i++) {
              double r = zt[i];
              for (int p = 0; p < k; p++) {
                r -= xt[p][i] * beta[p];
              }
              double v = off[i] + z[i] - r;
              etaNew[i] = v;
              b |= v > ETA_CAP || !(v == v) || (v < -ETA_CAP && y[i] > 0);
            }
          }
          bad[lo / CHUNK] = b;
        });
    for (boolean b : bad) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  private double[] spareWeights;
  private boolean rankDecided;
  private String offsetName;

  /**
   * Names the offset in the overflow error (see {@link #run(double, int, double, double)}).
   *
   * @param name the offset column or expression as the user gave it, or null when the model has no
   *     offset (or only an exposure, whose log cannot overflow)
   */
  public void offsetName(String name) {
    this.offsetName = name;
  }

  /**
   * Refuses a linear predictor whose exponential overflows (η &gt; {@value #ETA_CAP}) or underflows
   * where an event is observed (η &lt; &minus;{@value #ETA_CAP} with y &gt; 0), or is not finite:
   * the working weights and response would then be infinite. The usual cause is an offset on the
   * wrong scale (counts or exposures given as the offset instead of their log) that varies within
   * the fixed-effect groups; an offset constant within a group is absorbed and never gets here.
   */
  private void checkOverflow(double[] e) {
    for (int i = 0; i < n; i++) {
      double v = e[i];
      if (v > ETA_CAP || !(v == v) || (v < -ETA_CAP && y[i] > 0)) {
        throw overflow(v);
      }
    }
  }

  private RuntimeException overflow(double eta) {
    String at = String.format(java.util.Locale.ROOT, "%.6g", eta);
    boolean offsetVaries = false;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      offsetVaries |= off[i] != off[0];
      max = Math.max(max, Math.abs(off[i]));
    }
    if (offsetName != null && offsetVaries) {
      return new org.econ4j.core.SpecificationException(
          "offset '"
              + offsetName
              + "' has values up to "
              + String.format(java.util.Locale.ROOT, "%.6g", max)
              + " in absolute value, so exp() of the linear predictor overflows (it reached "
              + at
              + "); offset is on the log scale: pass log(x) or use exposure(x) / --exposure x");
    }
    return new EstimationException(
        "the linear predictor of the count model overflows exp() (it reached "
            + at
            + ", the largest allowed is "
            + ETA_CAP
            + "); rescale the regressors or check the outcome for extreme values");
  }

  /**
   * Weighted least squares by the normal equations (X̃'ΩX̃)β = X̃'Ωz̃ with a Cholesky factor, used
   * once the first iteration's QR has settled which columns are kept (the columns do not change
   * between iterations, only the weights); also sets the residual z̃ − X̃β.
   *
   * @return β, or null when the matrix is not numerically positive definite (the caller then falls
   *     back to QR with rank detection)
   */
  private double[] normalEquations(double[][] xt, double[] zt, double[] weights) {
    int k = xt.length;
    double[][] a = new double[k][k];
    double[] b = new double[k];
    for (int p = 0; p < k; p++) {
      double[] xp = xt[p];
      for (int q = 0; q < p; q++) {
        double[] xq = xt[q];
        double t = 0;
        for (int i = 0; i < n; i++) {
          t += weights[i] * xp[i] * xq[i];
        }
        a[p][q] = t;
        a[q][p] = t;
      }
      // the diagonal and the right-hand side in one pass
      double tpp = 0;
      double tb = 0;
      for (int i = 0; i < n; i++) {
        double wx = weights[i] * xp[i];
        tpp += wx * xp[i];
        tb += wx * zt[i];
      }
      a[p][p] = tpp;
      b[p] = tb;
    }
    double[][] l;
    try {
      l = SymmetricMatrices.cholesky(a);
    } catch (EstimationException e) {
      return null;
    }
    for (int p = 0; p < k; p++) {
      // a pivot far below its diagonal entry signals near-collinearity: let QR decide
      if (l[p][p] * l[p][p] < 1e-12 * a[p][p]) {
        return null;
      }
    }
    double[] beta = new double[k];
    for (int p = 0; p < k; p++) {
      double t = b[p];
      for (int q = 0; q < p; q++) {
        t -= l[p][q] * beta[q];
      }
      beta[p] = t / l[p][p];
    }
    for (int p = k - 1; p >= 0; p--) {
      double t = beta[p];
      for (int q = p + 1; q < k; q++) {
        t -= l[q][p] * beta[q];
      }
      beta[p] = t / l[p][p];
    }
    lastResidual = null; // formed with the new linear predictor ({@link #newEta})
    lastZt = zt;
    return beta;
  }

  private double[] solve(double[] z, double[] weights, double innerTol) {
    int k = active.length;
    double[][] cols = new double[k + 1][];
    cols[0] = z;
    for (int j = 0; j < k; j++) {
      cols[j + 1] = xAll[active[j]];
    }
    double[][] demeaned;
    if (fe == null) {
      demeaned = new double[k + 1][];
      for (int j = 0; j <= k; j++) {
        demeaned[j] = cols[j].clone();
      }
    } else {
      Demeaner d = demeaner.withTolerance(innerTol);
      DemeanResult r =
          state != null && state.columns() == k + 1
              ? d.demean(fe, cols, weights, state)
              : d.demean(fe, cols, weights);
      state = r.state();
      demeaned = r.columns();
    }
    double[] zt = demeaned[0];
    double[][] xt = new double[k][];
    double[] ref = new double[k];
    for (int j = 0; j < k; j++) {
      xt[j] = demeaned[j + 1];
    }
    if (rankDecided && k > 0) {
      double[] fast = normalEquations(xt, zt, weights);
      if (fast != null) {
        xTilde = xt;
        return fast;
      }
    }
    // the weighted norms before demeaning: the reference of the rank decisions (QR path only)
    for (int j = 0; j < k; j++) {
      double s = 0;
      double[] xj = cols[j + 1];
      for (int i = 0; i < n; i++) {
        s += weights[i] * xj[i] * xj[i];
      }
      ref[j] = Math.sqrt(s);
    }
    rankDecided = true;
    LeastSquaresFit fit = ls.fit(xt, zt, weights, ref);
    if (fit.droppedColumns().length > 0) {
      for (int jj : fit.droppedColumns()) {
        int col = active[jj];
        dropped[col] = true;
        // absorbed by the fixed effects when the demeaned column itself is negligible
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += weights[i] * xt[jj][i] * xt[jj][i];
        }
        absorbed[col] = Math.sqrt(s) <= ls.tolerance() * Math.max(ref[jj], Double.MIN_NORMAL);
      }
      int[] kept = fit.keptColumns();
      int[] na = new int[kept.length];
      double[][] xk = new double[kept.length][];
      for (int j = 0; j < kept.length; j++) {
        na[j] = active[kept[j]];
        xk[j] = xt[kept[j]];
      }
      active = na;
      xt = xk;
      state = null;
      betaActive = null;
    }
    xTilde = xt;
    double[] beta = fit.keptCoefficients();
    lastResidual = org.econ4j.core.internal.SharedFits.residuals(fit);
    return beta;
  }

  private void updateMu() {
    for (int i = 0; i < n; i++) {
      mu[i] = expCapped(eta[i]);
    }
  }

  /**
   * @param e linear predictor
   * @return exp(e) with e capped at ±{@value #ETA_CAP}
   */
  public static double expCapped(double e) {
    return Math.exp(e > ETA_CAP ? ETA_CAP : (e < -ETA_CAP ? -ETA_CAP : e));
  }

  /**
   * The deviance at a linear predictor.
   *
   * @param e linear predictor
   * @param theta shape, +∞ for Poisson
   * @return the deviance
   */
  public double deviance(double[] e, double theta) {
    return deviance(e, theta, null);
  }

  /**
   * The deviance, storing μ = exp(η) on the way when {@code muOut} is given. y log(y/μ) is
   * evaluated as y log y − y η (y log y computed once per fit), so a Poisson deviance costs one exp
   * per row and no log.
   */
  private double deviance(double[] e, double theta, double[] muOut) {
    double[] yly = yLogY();
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[] part = new double[Math.max(chunks, 1)];
    forChunks((lo, hi) -> part[lo / CHUNK] = deviance(e, theta, muOut, yly, lo, hi));
    double d = 0;
    for (double v : part) {
      d += v; // chunk sums added in chunk order: the same bits for any thread count
    }
    return 2 * d;
  }

  /** Rows per chunk of the parallel passes (fixed, so sums do not depend on the threads). */
  static final int CHUNK = 1 << 15;

  /** A pass over the rows [lo, hi). */
  private interface RangeTask {
    void run(int lo, int hi);
  }

  /** Runs the task over fixed chunks of the rows, in parallel when there are several. */
  private void forChunks(RangeTask task) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      task.run(0, n);
      return;
    }
    java.util.stream.IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> task.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
  }

  private double deviance(double[] e, double theta, double[] muOut, double[] yly, int lo, int hi) {
    double d = 0;
    boolean poisson = theta == Double.POSITIVE_INFINITY;
    for (int i = lo; i < hi; i++) {
      double ec = e[i] > ETA_CAP ? ETA_CAP : (e[i] < -ETA_CAP ? -ETA_CAP : e[i]);
      double m = Math.exp(ec);
      if (muOut != null) {
        muOut[i] = m;
      }
      double yi = y[i];
      double t;
      if (poisson) {
        t = yly[i] - yi * ec - (yi - m);
      } else {
        t = yly[i] - yi * ec - (yi + theta) * Math.log((yi + theta) / (m + theta));
      }
      d += unitWeights ? t : w[i] * t;
    }
    return d;
  }

  private double[] yLogY;

  /** y log y per row (0 where y = 0). */
  private double[] yLogY() {
    if (yLogY == null) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = y[i] > 0 ? y[i] * Math.log(y[i]) : 0;
      }
      yLogY = v;
    }
    return yLogY;
  }

  /**
   * @return the linear predictor (shared)
   */
  public double[] eta() {
    return eta;
  }

  /**
   * @return the means (shared)
   */
  public double[] mu() {
    return mu;
  }

  /**
   * Replaces the linear predictor (e.g. after a θ update nothing changes; kept for restarts).
   *
   * @param e new linear predictor (copied)
   */
  public void setEta(double[] e) {
    System.arraycopy(e, 0, eta, 0, n);
    updateMu();
  }

  /**
   * @return the indices of the kept regressors
   */
  public int[] active() {
    return active.clone();
  }

  /**
   * @return flags of dropped regressors (collinear or absorbed)
   */
  public boolean[] dropped() {
    return dropped.clone();
  }

  /**
   * @return flags of dropped regressors absorbed by the fixed effects
   */
  public boolean[] absorbed() {
    return absorbed.clone();
  }

  /**
   * @return the coefficients of the kept regressors
   */
  public double[] beta() {
    return betaActive == null ? new double[0] : betaActive.clone();
  }

  private int totalHalvings;

  /**
   * @return the step halvings of all runs so far (a diagnostic)
   */
  public int halvings() {
    return totalHalvings;
  }

  /**
   * @return total IRLS iterations
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return whether the last run converged
   */
  public boolean converged() {
    return converged;
  }

  /**
   * @return the last relative deviance change
   */
  public double lastChange() {
    return lastChange;
  }

  /**
   * @return the deviance after the last run
   */
  public double lastDeviance() {
    return deviance;
  }

  /**
   * @return the fixed effects (null if none)
   */
  public FixedEffects fixedEffects() {
    return fe;
  }

  /**
   * Demeans the kept regressors (and extra columns) with the given weights at the final tolerance.
   *
   * @param weights weights
   * @param extra extra columns to demean after the regressors (may be empty)
   * @return demeaned kept regressors followed by the demeaned extra columns
   */
  public double[][] demeanActive(double[] weights, double[]... extra) {
    int k = active.length;
    double[][] cols = new double[k + extra.length][];
    for (int j = 0; j < k; j++) {
      cols[j] = xAll[active[j]];
    }
    for (int e = 0; e < extra.length; e++) {
      cols[k + e] = extra[e];
    }
    if (cols.length == 0) {
      return cols;
    }
    if (fe == null) {
      double[][] r = new double[cols.length][];
      for (int j = 0; j < cols.length; j++) {
        r[j] = cols[j].clone();
      }
      return r;
    }
    return demeaner.demean(fe, cols, weights).columns();
  }

  /**
   * @return the demeaned kept regressors of the last iteration
   */
  public double[][] xTilde() {
    return xTilde;
  }

  /**
   * @return the working weights of the last iteration
   */
  public double[] workWeights() {
    return workWeights;
  }

  /**
   * @return names helper: indices of dropped regressors in design order
   */
  public List<Integer> droppedIndices() {
    List<Integer> r = new ArrayList<>();
    for (int j = 0; j < dropped.length; j++) {
      if (dropped[j]) {
        r.add(j);
      }
    }
    return r;
  }

  @Override
  public String toString() {
    return "FeIrls[n=" + n + ", active=" + Arrays.toString(active) + "]";
  }
}
