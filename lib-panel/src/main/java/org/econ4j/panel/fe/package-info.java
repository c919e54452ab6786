/**
 * Fixed effects on plain arrays: encoding of fixed-effect dimensions as dense {@code int[]} codes
 * (with combined {@code a^b} dimensions and varying slopes), iterative singleton removal, the
 * degrees of freedom absorbed (exact for any number of dimensions), nesting in clusters, the {@link
 * org.econ4j.panel.fe.Demeaner} that sweeps fixed effects out of columns (alternating projections
 * with Irons–Tuck acceleration, a two-dimension fast path and a preconditioned conjugate-gradient
 * solver for difficult graphs; weights and warm starts for IRLS) and the recovery of fixed-effect
 * coefficients. See {@code docs/fixed-effects.md}.
 */
package org.econ4j.panel.fe;
