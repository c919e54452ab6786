/**
 * Dense linear algebra for estimators: {@link org.econ4j.core.linalg.LeastSquares} (Householder QR
 * least squares with rank detection, weights and iterative refinement), {@link
 * org.econ4j.core.linalg.LeastSquaresFit}, and {@link org.econ4j.core.linalg.SymmetricMatrices}
 * (Cholesky, symmetric inverse, positive semi-definite repair). Matrices at this surface are plain
 * {@code double[][]}: column-major (one array per column) for n&times;k data, row-major for small
 * k&times;k matrices.
 */
package org.econ4j.core.linalg;
