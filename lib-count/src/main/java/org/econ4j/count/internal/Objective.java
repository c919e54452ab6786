package org.econ4j.count.internal;

/** A twice-differentiable objective (a log-likelihood) to be maximised by {@link NewtonRaphson}. */
public interface Objective {
  /**
   * @return number of parameters
   */
  int dim();

  /**
   * Evaluates the objective and, if asked, its gradient and Hessian.
   *
   * @param beta parameters (length {@link #dim()}); not modified
   * @param grad output gradient (length dim), written when {@code derivs}
   * @param hess output Hessian, row-major dim &times; dim, written when {@code derivs}
   * @param derivs whether to compute the derivatives
   * @return the value (may be NaN or &minus;&infin; where the objective is undefined)
   */
  double value(double[] beta, double[] grad, double[] hess, boolean derivs);
}
