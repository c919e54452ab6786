/**
 * Fixed-effects count models.
 *
 * <p>Implemented: the conditional fixed-effects negative binomial of Hausman, Hall and Griliches
 * (1984) ({@link org.econ4j.count.ConditionalNegBin}, Stata {@code xtnbreg, fe}), the conditional
 * fixed-effects Poisson ({@link org.econ4j.count.ConditionalPoisson}, Stata {@code xtpoisson, fe}),
 * both returning a {@link org.econ4j.count.CountFit}, and separation detection ({@link
 * org.econ4j.count.Separation}) following Correia, Guimar&atilde;es and Zylkin (2021). Coming with
 * the fixed-effects machinery: Poisson pseudo-maximum-likelihood with high-dimensional fixed
 * effects ({@code FePoisson}) and the unconditional NB2 with fixed effects ({@code FeNegBin}),
 * which reuse the likelihood core in {@code org.econ4j.count.internal}.
 */
package org.econ4j.count;
