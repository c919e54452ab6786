package org.econ4j.count.internal;

import java.util.Arrays;

/**
 * Observation-level Poisson and NB2 log-likelihoods with their gradient and Hessian with respect to
 * the regressor coefficients (and the NB2 shape &theta;), for the fixed-effects estimators: the
 * caller supplies the full linear predictor &eta; (regressors, fixed effects and offset), so the
 * same loop serves IRLS, Newton steps on concentrated likelihoods, and plain GLMs.
 *
 * <p>Poisson: l<sub>i</sub> = w<sub>i</sub>[y<sub>i</sub>&eta;<sub>i</sub> &minus; &mu;<sub>i</sub>
 * &minus; ln y<sub>i</sub>!], score w(y &minus; &mu;)x, Hessian &minus;w&mu;xx'.
 *
 * <p>NB2 (variance &mu; + &mu;&sup2;/&theta;, fixest {@code fenegbin}, MASS {@code glm.nb}):
 * l<sub>i</sub> = w[ln&Gamma;(y + &theta;) &minus; ln&Gamma;(&theta;) &minus; ln y! + &theta;
 * ln(&theta;/(&theta; + &mu;)) + y ln(&mu;/(&theta; + &mu;))]; d l/d&eta; = w&theta;(y &minus;
 * &mu;)/(&theta; + &mu;); d&sup2;l/d&eta;&sup2; = &minus;w&theta;&mu;(&theta; + y)/(&theta; +
 * &mu;)&sup2;; d l/d&theta; = w[&psi;(y + &theta;) &minus; &psi;(&theta;) + ln(&theta;/(&theta; +
 * &mu;)) + (&mu; &minus; y)/(&theta; + &mu;)]; d&sup2;l/d&theta;&sup2; = w[&psi;&prime;(y +
 * &theta;) &minus; &psi;&prime;(&theta;) + 1/&theta; &minus; 2/(&theta; + &mu;) + (y +
 * &theta;)/(&theta; + &mu;)&sup2;]; d&sup2;l/d&eta;d&theta; = w(y &minus; &mu;)&mu;/(&theta; +
 * &mu;)&sup2;.
 *
 * <p>&mu; = exp(&eta;) with the overflow guard of {@link SpecialFunctions#safeExp}. Rows are
 * processed in fixed chunks of {@value #ROWS_PER_CHUNK} and reduced in chunk order: bit-identical
 * results for any thread count. Workspaces are allocated once; evaluations allocate nothing.
 */
public final class RowLikelihood {

  /** Rows per chunk (fixed, independent of the thread count). */
  public static final int ROWS_PER_CHUNK = 8192;

  private final double[] y;
  private final double[] w;
  private final double[][] x;
  private final int k;
  private final int n;
  private final double[] lgammaY1;
  private final ChunkedExecutor exec;
  private final int nChunks;
  private final double[][] partial;
  private final double[][] scratch;
  private final ChunkedExecutor.ChunkBody poissonBody = this::poissonChunk;
  private final ChunkedExecutor.ChunkBody negbinBody = this::negbinChunk;
  private double[] curEta;
  private double[] curMu;
  private double curTheta;
  private boolean curDerivs;

  /**
   * @param y outcomes (non-negative)
   * @param weights observation weights, or null for all ones
   * @param x regressors, column-major (k columns of y.length rows; k may be 0)
   * @param exec executor
   */
  public RowLikelihood(double[] y, double[] weights, double[][] x, ChunkedExecutor exec) {
    this.y = y;
    this.n = y.length;
    this.w = weights;
    this.x = x;
    this.k = x.length;
    this.exec = exec;
    this.lgammaY1 = new double[n];
    for (int i = 0; i < n; i++) {
      lgammaY1[i] = y[i] > 0 ? SpecialFunctions.lgamma(y[i] + 1) : 0.0;
    }
    this.nChunks = ChunkedExecutor.chunkCount(n, ROWS_PER_CHUNK);
    int p = k + 1;
    this.partial = new double[nChunks][1 + p + p * p];
    this.scratch = new double[nChunks][p];
  }

  /**
   * @return number of regressors k
   */
  public int dim() {
    return k;
  }

  /**
   * Poisson log-likelihood at linear predictor &eta;; writes &mu;; when {@code derivs}, the
   * gradient (length k) and Hessian (k &times; k row-major) with respect to the coefficients of x.
   *
   * @param eta linear predictor per row
   * @param mu output means per row
   * @param grad output gradient
   * @param hess output Hessian
   * @param derivs whether to compute derivatives
   * @return the log-likelihood
   */
  public double poisson(double[] eta, double[] mu, double[] grad, double[] hess, boolean derivs) {
    curEta = eta;
    curMu = mu;
    curDerivs = derivs;
    exec.run(nChunks, poissonBody);
    return reduce(grad, hess, derivs, k);
  }

  /**
   * NB2 log-likelihood at &eta; and shape &theta;; writes &mu;; when {@code derivs}, the gradient
   * (length k + 1, the last element d/d&theta;) and Hessian ((k + 1)&sup2; row-major).
   *
   * @param eta linear predictor per row
   * @param theta shape (&gt; 0)
   * @param mu output means
   * @param grad output gradient (k + 1)
   * @param hess output Hessian ((k + 1)&sup2;)
   * @param derivs whether to compute derivatives
   * @return the log-likelihood
   */
  public double negbin(
      double[] eta, double theta, double[] mu, double[] grad, double[] hess, boolean derivs) {
    curEta = eta;
    curMu = mu;
    curTheta = theta;
    curDerivs = derivs;
    exec.run(nChunks, negbinBody);
    return reduce(grad, hess, derivs, k + 1);
  }

  private double reduce(double[] grad, double[] hess, boolean derivs, int p) {
    double ll = 0;
    if (derivs) {
      Arrays.fill(grad, 0, p, 0.0);
      Arrays.fill(hess, 0, p * p, 0.0);
    }
    for (int c = 0; c < nChunks; c++) {
      double[] part = partial[c];
      ll += part[0];
      if (derivs) {
        for (int a = 0; a < p; a++) {
          grad[a] += part[1 + a];
          for (int b = a; b < p; b++) {
            hess[a * p + b] += part[1 + p + a * p + b];
          }
        }
      }
    }
    if (derivs) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          hess[a * p + b] = hess[b * p + a];
        }
      }
    }
    return ll;
  }

  private void poissonChunk(int c) {
    double[] out = partial[c];
    Arrays.fill(out, 0.0);
    double[] xr = scratch[c];
    int from = c * ROWS_PER_CHUNK;
    int to = Math.min(n, from + ROWS_PER_CHUNK);
    double ll = 0;
    int p = k;
    for (int i = from; i < to; i++) {
      double e = curEta[i];
      double m = SpecialFunctions.safeExp(e);
      curMu[i] = m;
      double wi = w == null ? 1.0 : w[i];
      double yi = y[i];
      ll += wi * ((yi > 0 ? yi * e : 0.0) - m - lgammaY1[i]);
      if (curDerivs) {
        addRow(out, i, p, wi * (yi - m), -wi * m, xr);
      }
    }
    out[0] = ll;
  }

  private void negbinChunk(int c) {
    double[] out = partial[c];
    Arrays.fill(out, 0.0);
    double[] xr = scratch[c];
    int from = c * ROWS_PER_CHUNK;
    int to = Math.min(n, from + ROWS_PER_CHUNK);
    double th = curTheta;
    double lgTh = SpecialFunctions.lgamma(th);
    int p = k + 1;
    double ll = 0;
    for (int i = from; i < to; i++) {
      double e = curEta[i];
      double m = SpecialFunctions.safeExp(e);
      curMu[i] = m;
      double wi = w == null ? 1.0 : w[i];
      double yi = y[i];
      double tm = th + m;
      double logThTm = Math.log(th / tm);
      double li = th * logThTm - lgammaY1[i];
      if (yi > 0) {
        li += SpecialFunctions.lgamma(yi + th) - lgTh + yi * (e - Math.log(tm));
      }
      ll += wi * li;
      if (curDerivs) {
        double sEta = wi * th * (yi - m) / tm;
        double hEta = -wi * th * m * (th + yi) / (tm * tm);
        addRow(out, i, p, sEta, hEta, xr);
        // theta column: gradient, cross terms, and d2/dtheta2
        double sTh = wi * (SpecialFunctions.digammaDiff(th, yi) + logThTm + (m - yi) / tm);
        double hTh =
            wi
                * (SpecialFunctions.trigammaDiff(th, yi)
                    + 1.0 / th
                    - 2.0 / tm
                    + (yi + th) / (tm * tm));
        double cross = wi * (yi - m) * m / (tm * tm);
        out[1 + k] += sTh;
        int hOff = 1 + p;
        for (int a = 0; a < k; a++) {
          out[hOff + a * p + k] += cross * x[a][i];
        }
        out[hOff + k * p + k] += hTh;
      }
    }
    out[0] = ll;
  }

  /** Adds s*x_i to the gradient and h*x_i x_i' to the upper Hessian (stride p) of a slot. */
  private void addRow(double[] out, int i, int p, double s, double h, double[] xr) {
    for (int a = 0; a < k; a++) {
      xr[a] = x[a][i];
    }
    int hOff = 1 + p;
    for (int a = 0; a < k; a++) {
      double xa = xr[a];
      out[1 + a] += s * xa;
      double ha = h * xa;
      int base = hOff + a * p;
      for (int b = a; b < k; b++) {
        out[base + b] += ha * xr[b];
      }
    }
  }

  /**
   * Group sums &Sigma;<sub>i in g</sub> w<sub>i</sub> v<sub>i</sub> through {@code int} codes, in
   * row order (deterministic); used for the fixed-effect first-order conditions (e.g. &Sigma;(y
   * &minus; &mu;) per FE level).
   *
   * @param codes group code per row, 0 &hellip; groups &minus; 1
   * @param groups number of groups
   * @param values value per row
   * @param weights weight per row, or null for ones
   * @param out output, length &ge; groups (overwritten)
   */
  public static void groupSums(
      int[] codes, int groups, double[] values, double[] weights, double[] out) {
    Arrays.fill(out, 0, groups, 0.0);
    if (weights == null) {
      for (int i = 0; i < codes.length; i++) {
        out[codes[i]] += values[i];
      }
    } else {
      for (int i = 0; i < codes.length; i++) {
        out[codes[i]] += weights[i] * values[i];
      }
    }
  }
}
