/**
 * Fixed-effects count models: Poisson pseudo-maximum-likelihood with separation detection ({@code
 * FePoisson}), unconditional negative binomial with fixed effects ({@code FeNegBin}), and the
 * conditional negative binomial of Hausman, Hall and Griliches (1984) ({@code ConditionalNegBin},
 * Stata {@code xtnbreg, fe}).
 */
package org.econ4j.count;
