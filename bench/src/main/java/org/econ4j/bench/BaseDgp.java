package org.econ4j.bench;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * The {@code base_dgp} of the fixest benchmarks (github.com/lrberge/fixest benchmarks), generated
 * in memory with a fixed seed: a balanced panel of {@code n/10} individuals ({@code indiv_id}) over
 * 10 years ({@code year}), {@code round(nb_indiv/23)} firms ({@code firm_id}); "simple": a random
 * firm per row; "difficult": firms assigned cyclically, R's {@code rep(1:nb_firm, length.out = n)}.
 * {@code x1 ~ N(0,1)}, {@code y = x1 + 0.05·x1² + firm_fe + unit_fe + year_fe + N(0,1)} with every
 * effect N(0,1) per level, and a count outcome {@code negbin_y ~ NegBin(μ = exp(0.5·x1 + firm_fe +
 * unit_fe + year_fe), θ = 0.5)} (gamma–Poisson mixture) for the count-model benchmarks. Codes are
 * 0-based. Never written to disk.
 */
public final class BaseDgp {
  /** How firms are assigned. */
  public enum Type {
    /** A random firm per row. */
    SIMPLE,
    /** Firms assigned cyclically to rows. */
    DIFFICULT
  }

  /** Number of years. */
  public static final int YEARS = 10;

  /** Individuals per firm. */
  public static final int INDIV_PER_FIRM = 23;

  /** Rows. */
  public final int n;

  /** Individuals. */
  public final int nbIndiv;

  /** Firms. */
  public final int nbFirm;

  /** Individual codes 0..nbIndiv-1. */
  public final int[] indivId;

  /** Year codes 0..9. */
  public final int[] year;

  /** Firm codes 0..nbFirm-1. */
  public final int[] firmId;

  /** Regressor. */
  public final double[] x1;

  /** Linear outcome. */
  public final double[] y;

  /** Count outcome. */
  public final double[] negbinY;

  private BaseDgp(int n, Type type, long seed) {
    if (n % YEARS != 0 || n < YEARS * INDIV_PER_FIRM) {
      throw new IllegalArgumentException("n must be a multiple of 10 and >= 230, got " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    this.n = n;
    nbIndiv = n / YEARS;
    nbFirm = (int) Math.round(nbIndiv / (double) INDIV_PER_FIRM);
    indivId = new int[n];
    year = new int[n];
    firmId = new int[n];
    for (int i = 0; i < n; i++) {
      indivId[i] = i / YEARS;
      year[i] = i % YEARS;
      firmId[i] = type == Type.SIMPLE ? rng.nextInt(nbFirm) : i % nbFirm;
    }
    x1 = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = gaussian(rng);
    }
    double[] firmFe = normals(rng, nbFirm);
    double[] unitFe = normals(rng, nbIndiv);
    double[] yearFe = normals(rng, YEARS);
    y = new double[n];
    negbinY = new double[n];
    for (int i = 0; i < n; i++) {
      double fe = firmFe[firmId[i]] + unitFe[indivId[i]] + yearFe[year[i]];
      y[i] = x1[i] + 0.05 * x1[i] * x1[i] + fe + gaussian(rng);
      double mu = Math.exp(0.5 * x1[i] + fe);
      negbinY[i] = poisson(rng, gamma(rng, 0.5) * mu / 0.5);
    }
  }

  /**
   * Generates the data.
   *
   * @param n rows, a multiple of 10
   * @param type firm assignment
   * @param seed random seed
   * @return the data
   */
  public static BaseDgp generate(int n, Type type, long seed) {
    return new BaseDgp(n, type, seed);
  }

  private static double[] normals(SplittableRandom rng, int k) {
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = gaussian(rng);
    }
    return v;
  }

  static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang (with the U^(1/a) boost for shape &lt; 1). */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = gaussian(rng);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Poisson draw: multiplication for small means, Hörmann's PTRS (1993) otherwise. */
  static double poisson(SplittableRandom rng, double lambda) {
    if (lambda < 10) {
      double l = Math.exp(-lambda);
      double p = rng.nextDouble();
      int k = 0;
      while (p > l) {
        p *= rng.nextDouble();
        k++;
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
          <= -lambda + k * loglam - Gamma.logGamma(k + 1)) {
        return k;
      }
    }
  }
}
