/**
 * Spatial and collaboration-network weights ({@code WeightMatrix}, {@code Standardization}, {@code
 * CollaborationNetwork}), spillover columns ({@code Spillovers}), Moran's I and Conley standard
 * errors.
 */
package org.econ4j.spatial;
