package org.econ4j.spatial;

import java.util.Locale;
import java.util.Objects;
import org.econ4j.core.SpecificationException;

/**
 * How distance-based weights are built from coordinates ({@link WeightMatrix#fromCoordinates}).
 * Immutable value; {@link #parse(String)} reads the command-line form and {@link #toString()}
 * writes it back.
 *
 * <table>
 *   <caption>Kinds and their command-line form</caption>
 *   <tr><th>form</th><th>weights</th></tr>
 *   <tr><td>{@code knn:k}</td><td>w<sub>ij</sub> = 1 for the k nearest neighbours j of i (ties at
 *       the k-th distance broken by unit order: the unit listed first wins); not symmetric</td></tr>
 *   <tr><td>{@code band:d1,d2} or {@code band:d2}</td><td>w<sub>ij</sub> = 1 if d1 &lt;
 *       d<sub>ij</sub> ≤ d2 (spdep {@code dnearneigh} bounds "GT", "LE"; d1 defaults to 0)</td></tr>
 *   <tr><td>{@code idw:α[,cutoff]}</td><td>w<sub>ij</sub> = d<sub>ij</sub><sup>−α</sup> for
 *       0 &lt; d<sub>ij</sub> ≤ cutoff (all pairs without a cutoff)</td></tr>
 *   <tr><td>{@code exp:α[,cutoff]}</td><td>w<sub>ij</sub> = exp(−α d<sub>ij</sub>) for
 *       d<sub>ij</sub> ≤ cutoff</td></tr>
 *   <tr><td>{@code kernel:name,h}</td><td>w<sub>ij</sub> = K(d<sub>ij</sub>/h) for
 *       d<sub>ij</sub> ≤ h, fixed bandwidth h ({@link Kernel})</td></tr>
 *   <tr><td>{@code kernel:name,knn:k}</td><td>adaptive bandwidth: h<sub>i</sub> = distance from i to
 *       its k-th nearest neighbour, w<sub>ij</sub> = K(d<sub>ij</sub>/h<sub>i</sub>)</td></tr>
 * </table>
 *
 * <p>Distances are in the units of the coordinates ({@link Metric#EUCLIDEAN}) or in kilometres
 * ({@link Metric#GREAT_CIRCLE}). Self-links are never created. Pairs with weight exactly 0 (e.g.
 * the triangular kernel at d = h) are not stored. Coincident distinct points (d = 0) make
 * inverse-distance weights undefined: an error naming the units, unless {@link
 * #withMinDistance(double)} sets a floor d<sub>min</sub> &gt; 0 and d is replaced by max(d,
 * d<sub>min</sub>).
 */
public final class WeightSpec {

  /** The kind of weights. */
  public enum Kind {
    /** k nearest neighbours, binary. */
    KNN,
    /** Distance band, binary. */
    BAND,
    /** Inverse distance d<sup>−α</sup>. */
    INVERSE_DISTANCE,
    /** Exponential decay exp(−αd). */
    EXPONENTIAL,
    /** Kernel weights with a fixed or adaptive bandwidth. */
    KERNEL
  }

  private final Kind kind;
  private final int k;
  private final double lower;
  private final double upper;
  private final double alpha;
  private final Kernel kernel;
  private final double minDistance;

  private WeightSpec(
      Kind kind, int k, double lower, double upper, double alpha, Kernel kernel, double minDist) {
    this.kind = kind;
    this.k = k;
    this.lower = lower;
    this.upper = upper;
    this.alpha = alpha;
    this.kernel = kernel;
    this.minDistance = minDist;
  }

  /**
   * k nearest neighbours (binary weights).
   *
   * @param k the number of neighbours, ≥ 1
   * @return the spec
   * @throws SpecificationException if k &lt; 1
   */
  public static WeightSpec knn(int k) {
    if (k < 1) {
      throw new SpecificationException(
          "number of nearest neighbours k = " + k + " must be at least 1");
    }
    return new WeightSpec(Kind.KNN, k, 0, Double.POSITIVE_INFINITY, 0, Kernel.UNIFORM, 0);
  }

  /**
   * Distance band: w<sub>ij</sub> = 1 if d1 &lt; d<sub>ij</sub> ≤ d2.
   *
   * @param d1 lower bound (exclusive), ≥ 0
   * @param d2 upper bound (inclusive), &gt; d1
   * @return the spec
   * @throws SpecificationException if the bounds are not finite, negative or d1 ≥ d2
   */
  public static WeightSpec band(double d1, double d2) {
    if (!(d1 >= 0) || !(d2 > 0) || Double.isInfinite(d2)) {
      throw new SpecificationException(
          "distance band ("
              + fmt(d1)
              + ", "
              + fmt(d2)
              + "] must have finite bounds with 0 ≤ d1 < d2; e.g. band:0,250");
    }
    if (d1 >= d2) {
      throw new SpecificationException(
          "distance band lower bound "
              + fmt(d1)
              + " is not below the upper bound "
              + fmt(d2)
              + "; use band:d1,d2 with d1 < d2");
    }
    return new WeightSpec(Kind.BAND, 0, d1, d2, 0, Kernel.UNIFORM, 0);
  }

  /**
   * Inverse distance d<sup>−α</sup> between all pairs (no cutoff: n(n−1) links; use {@link
   * #withCutoff(double)} for large n).
   *
   * @param alpha the decay exponent, &gt; 0 (the regional study uses 2)
   * @return the spec
   * @throws SpecificationException if α ≤ 0
   */
  public static WeightSpec inverseDistance(double alpha) {
    checkAlpha("inverse-distance", alpha);
    return new WeightSpec(
        Kind.INVERSE_DISTANCE, 0, 0, Double.POSITIVE_INFINITY, alpha, Kernel.UNIFORM, 0);
  }

  /**
   * Exponential decay exp(−αd) between all pairs (use {@link #withCutoff(double)} for large n).
   *
   * @param alpha the decay rate, &gt; 0
   * @return the spec
   * @throws SpecificationException if α ≤ 0
   */
  public static WeightSpec exponential(double alpha) {
    checkAlpha("exponential", alpha);
    return new WeightSpec(
        Kind.EXPONENTIAL, 0, 0, Double.POSITIVE_INFINITY, alpha, Kernel.UNIFORM, 0);
  }

  /**
   * Kernel weights with a fixed bandwidth h.
   *
   * @param kernel the kernel
   * @param bandwidth h &gt; 0
   * @return the spec
   * @throws SpecificationException if h ≤ 0
   */
  public static WeightSpec kernel(Kernel kernel, double bandwidth) {
    Objects.requireNonNull(kernel, "kernel");
    if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
      throw new SpecificationException(
          "kernel bandwidth " + fmt(bandwidth) + " must be finite and positive");
    }
    return new WeightSpec(Kind.KERNEL, 0, 0, bandwidth, 0, kernel, 0);
  }

  /**
   * Kernel weights with an adaptive bandwidth: h<sub>i</sub> is the distance from i to its k-th
   * nearest neighbour (so the k-th neighbour gets K(1)).
   *
   * @param kernel the kernel
   * @param k the neighbour defining the bandwidth, ≥ 1
   * @return the spec
   * @throws SpecificationException if k &lt; 1
   */
  public static WeightSpec adaptiveKernel(Kernel kernel, int k) {
    Objects.requireNonNull(kernel, "kernel");
    if (k < 1) {
      throw new SpecificationException(
          "adaptive kernel bandwidth needs k ≥ 1 nearest neighbours, got " + k);
    }
    return new WeightSpec(Kind.KERNEL, k, 0, Double.NaN, 0, kernel, 0);
  }

  /**
   * Restricts inverse-distance or exponential weights to pairs with d ≤ cutoff.
   *
   * @param cutoff the cutoff distance, &gt; 0
   * @return a new spec
   * @throws SpecificationException for other kinds or a cutoff ≤ 0
   */
  public WeightSpec withCutoff(double cutoff) {
    if (kind != Kind.INVERSE_DISTANCE && kind != Kind.EXPONENTIAL) {
      throw new SpecificationException(
          "a cutoff applies to idw and exp weights, not to '" + this + "'");
    }
    if (!(cutoff > 0)) {
      throw new SpecificationException("cutoff distance " + fmt(cutoff) + " must be positive");
    }
    return new WeightSpec(kind, k, lower, cutoff, alpha, kernel, minDistance);
  }

  /**
   * Sets a distance floor: every distance below {@code minDistance} is replaced by it before
   * weights are computed (the explicit policy for coincident points with inverse-distance weights).
   *
   * @param minDistance the floor, &gt; 0
   * @return a new spec
   * @throws SpecificationException if the floor is not positive
   */
  public WeightSpec withMinDistance(double minDistance) {
    if (!(minDistance > 0) || Double.isInfinite(minDistance)) {
      throw new SpecificationException(
          "minimum distance " + fmt(minDistance) + " must be finite and positive");
    }
    return new WeightSpec(kind, k, lower, upper, alpha, kernel, minDistance);
  }

  /**
   * Parses the command-line form: {@code knn:5}, {@code band:0,250}, {@code band:250}, {@code
   * idw:2}, {@code idw:2,250}, {@code exp:0.01,500}, {@code kernel:triangular,100}, {@code
   * kernel:gaussian,knn:8}.
   *
   * @param text the spec
   * @return the spec
   * @throws SpecificationException naming the spec and the accepted forms
   */
  public static WeightSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw bad(text, "missing ':' after the kind");
    }
    String head = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String rest = t.substring(colon + 1).trim();
    String[] parts = rest.isEmpty() ? new String[0] : rest.split(",", -1);
    switch (head) {
      case "knn":
        if (parts.length != 1) {
          throw bad(text, "knn takes one integer, e.g. knn:5");
        }
        return knn(integer(text, parts[0]));
      case "band":
        if (parts.length == 1) {
          return band(0, number(text, parts[0]));
        }
        if (parts.length == 2) {
          return band(number(text, parts[0]), number(text, parts[1]));
        }
        throw bad(text, "band takes d2 or d1,d2, e.g. band:0,250");
      case "idw":
      case "exp":
        {
          if (parts.length < 1 || parts.length > 2) {
            throw bad(text, head + " takes alpha[,cutoff], e.g. " + head + ":2,250");
          }
          double a = number(text, parts[0]);
          WeightSpec s = head.equals("idw") ? inverseDistance(a) : exponential(a);
          return parts.length == 2 ? s.withCutoff(number(text, parts[1])) : s;
        }
      case "kernel":
        {
          if (parts.length != 2) {
            throw bad(text, "kernel takes name,h or name,knn:k, e.g. kernel:triangular,100");
          }
          Kernel kern;
          try {
            kern = Kernel.parse(parts[0]);
          } catch (IllegalArgumentException e) {
            throw new SpecificationException(e.getMessage() + " (in weight spec '" + text + "')");
          }
          String bw = parts[1].trim();
          if (bw.toLowerCase(Locale.ROOT).startsWith("knn:")) {
            return adaptiveKernel(kern, integer(text, bw.substring(4)));
          }
          return kernel(kern, number(text, bw));
        }
      default:
        throw bad(text, "unknown kind '" + head + "'");
    }
  }

  private static SpecificationException bad(String text, String why) {
    return new SpecificationException(
        "invalid weight spec '"
            + text
            + "': "
            + why
            + "; use knn:k, band:d1,d2, idw:alpha[,cutoff], exp:alpha[,cutoff],"
            + " kernel:name,h or kernel:name,knn:k");
  }

  private static int integer(String text, String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw bad(text, "'" + s.trim() + "' is not an integer");
    }
  }

  private static double number(String text, String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw bad(text, "'" + s.trim() + "' is not a number");
    }
  }

  private static void checkAlpha(String what, double alpha) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new SpecificationException(
          what + " decay alpha = " + fmt(alpha) + " must be finite and positive");
    }
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return k for {@link Kind#KNN} and adaptive kernels, else 0
   */
  public int k() {
    return k;
  }

  /**
   * @return the band's lower bound (0 for other kinds)
   */
  public double lower() {
    return lower;
  }

  /**
   * @return the band's upper bound, the cutoff, or the fixed kernel bandwidth; +∞ without cutoff,
   *     NaN for adaptive kernels and kNN
   */
  public double upper() {
    return kind == Kind.KNN ? Double.NaN : upper;
  }

  /**
   * @return α for inverse-distance and exponential weights, else 0
   */
  public double alpha() {
    return alpha;
  }

  /**
   * @return the kernel ({@link Kernel#UNIFORM} for binary kinds)
   */
  public Kernel kernel() {
    return kernel;
  }

  /**
   * @return the distance floor, 0 when none (coincident points are then an error for idw)
   */
  public double minDistance() {
    return minDistance;
  }

  /**
   * @return whether the kernel bandwidth is adaptive (k-th neighbour distance)
   */
  public boolean adaptive() {
    return kind == Kind.KERNEL && k > 0;
  }

  /**
   * @return the command-line form, e.g. {@code idw:2,250}
   */
  @Override
  public String toString() {
    switch (kind) {
      case KNN:
        return "knn:" + k;
      case BAND:
        return "band:" + fmt(lower) + "," + fmt(upper);
      case INVERSE_DISTANCE:
      case EXPONENTIAL:
        return (kind == Kind.INVERSE_DISTANCE ? "idw:" : "exp:")
            + fmt(alpha)
            + (Double.isInfinite(upper) ? "" : "," + fmt(upper));
      default:
        return "kernel:"
            + kernel.name().toLowerCase(Locale.ROOT)
            + ","
            + (k > 0 ? "knn:" + k : fmt(upper));
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WeightSpec)) {
      return false;
    }
    WeightSpec s = (WeightSpec) o;
    return kind == s.kind
        && k == s.k
        && Double.compare(lower, s.lower) == 0
        && Double.compare(upper, s.upper) == 0
        && Double.compare(alpha, s.alpha) == 0
        && kernel == s.kernel
        && Double.compare(minDistance, s.minDistance) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, k, lower, upper, alpha, kernel, minDistance);
  }
}
