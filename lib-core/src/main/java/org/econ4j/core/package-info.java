/**
 * Core types shared by every econ4j module: results ({@code RegressionResult}, {@code
 * Coefficient}), {@link org.econ4j.core.Note}s that record everything an estimator dropped or
 * changed, and the three exceptions ({@link org.econ4j.core.SpecificationException}, {@link
 * org.econ4j.core.EstimationException}, {@link org.econ4j.core.ConvergenceException}).
 */
package org.econ4j.core;
