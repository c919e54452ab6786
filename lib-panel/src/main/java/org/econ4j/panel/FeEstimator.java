package org.econ4j.panel;

import org.econ4j.core.RegressionResult;
import org.econ4j.panel.formula.Formula;

/**
 * An estimator of a linear or nonlinear model with (optionally) absorbed fixed effects: an
 * immutable configuration whose {@link #fit(Formula, Panel)} binds a formula to a panel and returns
 * an immutable {@link RegressionResult} (DESIGN.md §4–§5).
 *
 * <p>Implementations: {@link FeOls} (OLS/WLS with high-dimensional fixed effects) and {@link
 * PanelLinearModel} (pooled OLS, within, between, first-difference and random effects as plm).
 * Count models in lib-count implement it too, so that specifications such as gravity models can be
 * fitted by any estimator.
 *
 * <p>Implementations are thread-safe.
 */
public interface FeEstimator {

  /**
   * Fits the model.
   *
   * @param formula the formula, e.g. {@code log(y) ~ x1 + x2 | unit + year}
   * @param panel the data
   * @return the result
   * @throws org.econ4j.core.SpecificationException if the formula does not fit the data
   * @throws org.econ4j.core.EstimationException if the numerics fail
   */
  RegressionResult fit(Formula formula, Panel panel);
}
