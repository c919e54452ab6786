/**
 * Internal machinery of the count models, no API promise: special functions, the chunked
 * deterministic executor, observation-level (Poisson, NB2) and conditional likelihood loops,
 * Newton&ndash;Raphson, weighted group demeaning and the separation checks.
 */
package org.econ4j.count.internal;
