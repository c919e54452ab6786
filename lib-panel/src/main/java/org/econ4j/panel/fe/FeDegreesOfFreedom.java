package org.econ4j.panel.fe;

/**
 * Degrees of freedom absorbed by fixed effects: the rank of the fixed-effect design.
 *
 * @param coefficients number of fixed-effect coefficients, Σ G over intercepts and slopes
 * @param redundant number of redundant coefficients (coefficients − rank)
 * @param absorbed degrees of freedom absorbed, the rank: coefficients − redundant
 * @param components connected components of the bipartite graph of the two (largest) intercept
 *     dimensions (1 with a single dimension)
 * @param method how the rank was found (e.g. {@code "one dimension"}, {@code "connected components
 *     (union-find) of 'a' and 'b'"}, {@code "... + exact integer rank of the cycle constraints on
 *     the 10 further levels"}, or, as a fallback, {@code "... + pivoted-Cholesky rank of the 10
 *     further level indicators projected off them"})
 * @param exact whether the value is exact (false only for the conservative bound used beyond {@link
 *     FixedEffects#EXACT_RANK_LEVEL_LIMIT})
 */
public record FeDegreesOfFreedom(
    int coefficients, int redundant, int absorbed, int components, String method, boolean exact) {}
