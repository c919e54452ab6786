package org.econ4j.count.internal;

import org.econ4j.core.EstimationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newton&ndash;Raphson maximisation with step-halving.
 *
 * <p>Each iteration solves (&minus;H) d = g by Cholesky (EJML) and tries &beta; + d (where &minus;H
 * is not positive definite, as can happen far from the optimum of a likelihood that is not globally
 * concave, &tau;I is added to &minus;H with &tau; growing tenfold from 1e-8 &middot;
 * max|H<sub>jj</sub>| until it is); while the objective is not finite or falls by more than 1e-12
 * &middot; (1 + |l|), the step is halved (at most {@value #MAX_HALVINGS} times). Convergence: the
 * scaled gradient (Newton decrement) g'(&minus;H) <sup>&minus;1</sup>g falls below the tolerance
 * (Stata's {@code nrtolerance()} criterion; Stata's default is 1e-5, ours is tighter), checked at
 * the start of each iteration, so the returned Hessian is the one at the returned &beta;. A Hessian
 * that is not negative definite at the returned &beta; raises an {@link EstimationException}.
 */
public final class NewtonRaphson {
  private static final Logger LOG = LoggerFactory.getLogger(NewtonRaphson.class);

  /** Maximum number of step halvings per iteration. */
  public static final int MAX_HALVINGS = 40;

  /** Outcome of a maximisation. */
  public record Result(
      double[] beta,
      double value,
      double[] gradient,
      double[] hessian,
      double[] inverseNegHessian,
      int iterations,
      boolean converged,
      double decrement) {}

  private NewtonRaphson() {}

  /**
   * Maximises {@code f} from {@code start}.
   *
   * @param f the objective
   * @param start starting values (copied)
   * @param maxIterations maximum Newton iterations
   * @param tolerance tolerance on g'(&minus;H)<sup>&minus;1</sup>g
   * @param names parameter names, for error messages
   * @return the result (not converged when the iteration limit is reached)
   * @throws EstimationException if the Hessian is not negative definite or the objective is not
   *     finite at the start
   */
  public static Result maximize(
      Objective f, double[] start, int maxIterations, double tolerance, String[] names) {
    int k = f.dim();
    double[] beta = start.clone();
    double[] grad = new double[k];
    double[] hess = new double[k * k];
    double[] trial = new double[k];
    double[] gradT = new double[k];
    double[] hessT = new double[k * k];
    DMatrixRMaj negH = new DMatrixRMaj(k, k);
    DMatrixRMaj g = new DMatrixRMaj(k, 1);
    DMatrixRMaj d = new DMatrixRMaj(k, 1);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
    double value = f.value(beta, grad, hess, true);
    if (!Double.isFinite(value)) {
      throw new EstimationException(
          "log-likelihood is not finite at the starting values ("
              + value
              + "); check the regressors for extreme values or rescale them");
    }
    int it = 0;
    double dec = Double.NaN;
    boolean converged = false;
    while (true) {
      for (int i = 0; i < k * k; i++) {
        negH.data[i] = -hess[i];
      }
      System.arraycopy(grad, 0, g.data, 0, k);
      // modified Newton away from the optimum: where -H is not positive definite (the conditional
      // NB likelihood is not globally concave), add tau*I with tau growing until it is
      boolean modified = false;
      double maxDiag = 0;
      for (int i = 0; i < k; i++) {
        maxDiag = Math.max(maxDiag, Math.abs(hess[i * k + i]));
      }
      double tau = 1e-8 * Math.max(maxDiag, 1e-300);
      while (!chol.setA(negH.copy())) {
        if (!(tau < 1e300) || !Double.isFinite(maxDiag)) {
          throw notNegativeDefinite(hess, k, names);
        }
        for (int i = 0; i < k * k; i++) {
          negH.data[i] = -hess[i];
        }
        for (int i = 0; i < k; i++) {
          negH.data[i * k + i] += tau;
        }
        tau *= 10;
        modified = true;
      }
      chol.solve(g, d);
      dec = 0;
      for (int i = 0; i < k; i++) {
        dec += grad[i] * d.data[i];
      }
      LOG.trace(
          "newton iteration {}: loglik {}, decrement {}, modified {}", it, value, dec, modified);
      if (!(dec >= 0) || !Double.isFinite(dec)) {
        throw notNegativeDefinite(hess, k, names);
      }
      if (!modified && dec < tolerance) {
        converged = true;
        break;
      }
      if (it >= maxIterations) {
        break;
      }
      it++;
      double step = 1.0;
      double newValue = Double.NaN;
      for (int h = 0; h <= MAX_HALVINGS; h++) {
        for (int i = 0; i < k; i++) {
          trial[i] = beta[i] + step * d.data[i];
        }
        // derivatives at the trial point too: a full step is usually accepted, and then the next
        // iteration needs them (one pass over the data per iteration instead of two)
        newValue = f.value(trial, gradT, hessT, true);
        if (Double.isFinite(newValue) && newValue >= value - 1e-12 * (1 + Math.abs(value))) {
          break;
        }
        step *= 0.5;
      }
      if (!(Double.isFinite(newValue) && newValue >= value - 1e-12 * (1 + Math.abs(value)))) {
        // no improving step even after halving: beta is the optimum to machine precision along
        // the Newton direction; accept it when the decrement is already negligible
        converged = !modified && dec < Math.max(tolerance, 1e-8);
        break;
      }
      System.arraycopy(trial, 0, beta, 0, k);
      System.arraycopy(gradT, 0, grad, 0, k);
      System.arraycopy(hessT, 0, hess, 0, k * k);
      value = newValue;
    }
    // inverse of -H at the final beta
    for (int i = 0; i < k * k; i++) {
      negH.data[i] = -hess[i];
    }
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    if (!chol.setA(negH.copy()) || !wellConditioned(negH, k)) {
      throw notNegativeDefinite(hess, k, names);
    }
    chol.invert(inv);
    // symmetrise against round-off
    DMatrixRMaj invT = new DMatrixRMaj(k, k);
    CommonOps_DDRM.transpose(inv, invT);
    CommonOps_DDRM.add(0.5, inv, 0.5, invT, inv);
    return new Result(
        beta, value, grad.clone(), hess.clone(), inv.data.clone(), it, converged, dec);
  }

  /**
   * Whether -H, scaled to unit diagonal, has a Cholesky factor whose smallest pivot exceeds {@value
   * #MIN_PIVOT} (a numerically singular Hessian would give meaningless standard errors).
   */
  private static boolean wellConditioned(DMatrixRMaj negH, int k) {
    double[] a = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double di = negH.data[i * k + i];
        double dj = negH.data[j * k + j];
        if (!(di > 0) || !(dj > 0)) {
          return false;
        }
        a[i * k + j] = negH.data[i * k + j] / Math.sqrt(di * dj);
      }
    }
    for (int j = 0; j < k; j++) {
      double d = a[j * k + j];
      for (int p = 0; p < j; p++) {
        d -= a[j * k + p] * a[j * k + p];
      }
      if (!(d > MIN_PIVOT)) {
        return false;
      }
      double l = Math.sqrt(d);
      a[j * k + j] = l;
      for (int i = j + 1; i < k; i++) {
        double v = a[i * k + j];
        for (int p = 0; p < j; p++) {
          v -= a[i * k + p] * a[j * k + p];
        }
        a[i * k + j] = v / l;
      }
    }
    return true;
  }

  /** Smallest squared pivot of the scaled Cholesky factor accepted at the optimum. */
  static final double MIN_PIVOT = 1e-12;

  private static EstimationException notNegativeDefinite(double[] hess, int k, String[] names) {
    StringBuilder weak = new StringBuilder();
    for (int i = 0; i < k; i++) {
      if (!(hess[i * k + i] < 0)) {
        if (weak.length() > 0) {
          weak.append(", ");
        }
        weak.append('\'').append(names[i]).append('\'');
      }
    }
    return new EstimationException(
        "hessian of the log-likelihood is not negative definite"
            + (weak.length() > 0 ? " (no curvature in " + weak + ")" : "")
            + "; a regressor is collinear with others or not identified, remove it");
  }
}
