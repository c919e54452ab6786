package org.econ4j.spatial;

import java.util.Locale;

/**
 * Kernel functions for kernel weights w<sub>ij</sub> = K(d<sub>ij</sub> / h) with bandwidth h. All
 * kernels are truncated at u = d/h ≤ 1 so that the matrix stays sparse (the Gaussian is therefore a
 * truncated Gaussian; choose a larger h for a smoother tail).
 */
public enum Kernel {
  /** K(u) = 1 − u. */
  TRIANGULAR,
  /** K(u) = ¾(1 − u²). */
  EPANECHNIKOV,
  /** K(u) = exp(−u²/2) / √(2π). */
  GAUSSIAN,
  /** K(u) = 1 (a distance band of width h). */
  UNIFORM;

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

  /**
   * @param u the scaled distance d/h, in [0, 1]
   * @return K(u)
   */
  public double value(double u) {
    switch (this) {
      case TRIANGULAR:
        return 1 - u;
      case EPANECHNIKOV:
        return 0.75 * (1 - u * u);
      case GAUSSIAN:
        return Math.exp(-0.5 * u * u) * INV_SQRT_2PI;
      default:
        return 1;
    }
  }

  /**
   * Parses a kernel name (case-insensitive): triangular, epanechnikov, gaussian, uniform.
   *
   * @param name the name
   * @return the kernel
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Kernel parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Kernel k : values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown kernel '" + name + "'; use one of triangular, epanechnikov, gaussian, uniform");
  }
}
