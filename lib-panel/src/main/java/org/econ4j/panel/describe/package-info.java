/**
 * Descriptive statistics of a {@link org.econ4j.panel.Panel}: the tables every empirical study
 * starts with.
 *
 * <ul>
 *   <li>{@link org.econ4j.panel.describe.Summary}: N, mean, sd, min, quartiles, max per variable
 *       (optionally per group);
 *   <li>{@link org.econ4j.panel.describe.XtSum}: overall / between / within variation, as Stata
 *       {@code xtsum};
 *   <li>{@link org.econ4j.panel.describe.Correlations}: Pearson correlation matrices
 *       (pairwise-complete or listwise) beside means and standard deviations, optionally per
 *       subsample;
 *   <li>{@link org.econ4j.panel.describe.Shares}: totals or counts by one or two categories with
 *       shares, cumulative shares and ranks;
 *   <li>{@link org.econ4j.panel.describe.Growth}: period-on-period growth, growth multiples,
 *       compound annual growth rates and exponential growth rates, by group or for the total;
 *   <li>{@link org.econ4j.panel.describe.CoefficientOfVariation}: dispersion across units per
 *       period;
 *   <li>{@link org.econ4j.panel.describe.Ratios}: ratio indicators of two columns, as a column or
 *       summarised per group and period.
 * </ul>
 *
 * <p>Conventions shared by every class: static {@code of(...)} factories validate the columns at
 * once (unknown columns raise the panel's own error listing the known columns; a categorical column
 * where a number is needed is an error); results are immutable and thread-safe; {@code withX(...)}
 * returns a new result; missing values (NaN) are skipped per variable and reported both as the N of
 * each statistic and as {@link org.econ4j.core.Note}s; {@code toTable()} builds an {@link
 * org.econ4j.core.table.Table} that renders as text, Markdown, LaTeX, HTML or CSV. Standard
 * deviations use the n − 1 denominator; quantiles are R's type 7 (linear interpolation).
 */
package org.econ4j.panel.describe;
