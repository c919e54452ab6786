package org.econ4j.panel;

/**
 * The F-test that all slope coefficients are zero (fixest {@code fitstat(~f)}, the F statistic of
 * plm's and Stata's regression output): F = (R&sup2;<sub>*</sub>/df1) / ((1 &minus;
 * R&sup2;<sub>*</sub>)/df2), with R&sup2;<sub>*</sub> the within R&sup2; when fixed effects are
 * absorbed and the R&sup2; otherwise, df1 the number of slopes (without intercept) and df2 the
 * residual degrees of freedom n &minus; K. JSON names: {@code statistic, df1, df2, pValue}. Pinned
 * by {@code FeOlsReferenceTest} (plm's F of the within and pooling models on Grunfeld).
 *
 * @param statistic F
 * @param df1 numerator degrees of freedom
 * @param df2 denominator degrees of freedom
 * @param pValue upper tail probability of the F(df1, df2) distribution
 */
public record FTest(double statistic, double df1, double df2, double pValue) {}
