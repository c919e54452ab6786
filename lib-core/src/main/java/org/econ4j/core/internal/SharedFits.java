package org.econ4j.core.internal;

import java.util.function.Function;
import org.econ4j.core.linalg.LeastSquaresFit;

/**
 * Read-only access to the arrays of a {@link LeastSquaresFit} without the defensive copy of its
 * public getters, for the estimators of the other modules (a residual vector of 10⁷ rows is 80 MB).
 * Callers must never modify the arrays. Not a public API.
 */
public final class SharedFits {
  private static volatile Function<LeastSquaresFit, double[]> residuals;

  private SharedFits() {}

  /**
   * Registers the accessor (called once by {@link LeastSquaresFit}).
   *
   * @param access the accessor
   */
  public static void register(Function<LeastSquaresFit, double[]> access) {
    residuals = access;
  }

  /**
   * @param fit a fit
   * @return its residuals, shared: never modify
   */
  public static double[] residuals(LeastSquaresFit fit) {
    return residuals.apply(fit);
  }
}
