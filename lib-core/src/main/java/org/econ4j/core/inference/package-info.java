/**
 * Inference: the covariance types ({@link org.econ4j.core.inference.Vcov}), the small-sample
 * corrections with named presets reproducing fixest, Stata and plm ({@link
 * org.econ4j.core.inference.SmallSampleCorrection}), the sandwich estimator ({@link
 * org.econ4j.core.inference.Sandwich}) working on an estimator's {@link
 * org.econ4j.core.inference.InferenceData}, distributions for p-values and confidence intervals
 * ({@link org.econ4j.core.inference.Distributions}) and Wald tests ({@link
 * org.econ4j.core.inference.WaldTest}). See docs/inference.md for every formula.
 */
package org.econ4j.core.inference;
