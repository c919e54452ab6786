package org.econ4j.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of random panels as raw columns (lib-core knows no {@code Panel}; lib-panel
 * tests turn these into panels). Every generator is a pure function of its seed and settings.
 */
public final class RandomPanels {
  private RandomPanels() {}

  /**
   * Generated columns. {@code unit} holds labels {@code u0, u1, …}; {@code time} holds integer
   * years starting at 2000; numeric columns {@code x1..xk} and {@code y}; categorical columns
   * {@code c1..cm}.
   *
   * @param numeric numeric columns in order (NaN = missing)
   * @param categorical categorical columns in order (null = missing)
   */
  public record Columns(Map<String, double[]> numeric, Map<String, String[]> categorical) {
    /**
     * @return the number of rows
     */
    public int rows() {
      for (double[] v : numeric.values()) {
        return v.length;
      }
      for (String[] v : categorical.values()) {
        return v.length;
      }
      return 0;
    }
  }

  /** Settings of a generated panel; use {@link #of(int, int)} and the {@code withX} methods. */
  public record Spec(
      int units,
      int periods,
      double dropProbability,
      double missingProbability,
      int numericColumns,
      int categoricalColumns,
      int categoricalLevels,
      boolean shuffleRows) {
    /**
     * A balanced panel with two regressors, one categorical column of 5 levels, no missing values,
     * sorted rows.
     *
     * @param units number of units
     * @param periods number of periods
     * @return the spec
     */
    public static Spec of(int units, int periods) {
      return new Spec(units, periods, 0, 0, 2, 1, 5, false);
    }

    /**
     * @param p probability that a (unit, time) row is absent (unbalanced, gaps)
     * @return a new spec
     */
    public Spec withDropProbability(double p) {
      return new Spec(
          units,
          periods,
          p,
          missingProbability,
          numericColumns,
          categoricalColumns,
          categoricalLevels,
          shuffleRows);
    }

    /**
     * @param p probability that a regressor or categorical cell is missing
     * @return a new spec
     */
    public Spec withMissingProbability(double p) {
      return new Spec(
          units,
          periods,
          dropProbability,
          p,
          numericColumns,
          categoricalColumns,
          categoricalLevels,
          shuffleRows);
    }

    /**
     * @param k number of numeric regressors x1..xk
     * @return a new spec
     */
    public Spec withNumericColumns(int k) {
      return new Spec(
          units,
          periods,
          dropProbability,
          missingProbability,
          k,
          categoricalColumns,
          categoricalLevels,
          shuffleRows);
    }

    /**
     * @param m number of categorical columns c1..cm
     * @param levels levels per categorical column
     * @return a new spec
     */
    public Spec withCategorical(int m, int levels) {
      return new Spec(
          units,
          periods,
          dropProbability,
          missingProbability,
          numericColumns,
          m,
          levels,
          shuffleRows);
    }

    /**
     * @param shuffle whether rows come in random order
     * @return a new spec
     */
    public Spec withShuffledRows(boolean shuffle) {
      return new Spec(
          units,
          periods,
          dropProbability,
          missingProbability,
          numericColumns,
          categoricalColumns,
          categoricalLevels,
          shuffle);
    }
  }

  /**
   * Generates a panel: {@code y = Σ x_j·(j) + unit effect + time effect + N(0,1)}, plus a
   * Poisson-like count column {@code count} and a positive column {@code pos}. Columns {@code unit}
   * (categorical) and {@code time} (numeric) index it.
   *
   * @param spec settings
   * @param seed random seed
   * @return the columns
   */
  public static Columns generate(Spec spec, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] unitEffect = new double[spec.units()];
    for (int i = 0; i < unitEffect.length; i++) {
      unitEffect[i] = rng.nextDouble() * 2 - 1;
    }
    double[] timeEffect = new double[spec.periods()];
    for (int t = 0; t < timeEffect.length; t++) {
      timeEffect[t] = 0.1 * t;
    }
    List<int[]> keys = new ArrayList<>();
    for (int i = 0; i < spec.units(); i++) {
      for (int t = 0; t < spec.periods(); t++) {
        if (rng.nextDouble() >= spec.dropProbability()) {
          keys.add(new int[] {i, t});
        }
      }
    }
    if (spec.shuffleRows()) {
      Collections.shuffle(keys, new java.util.Random(rng.nextLong()));
    }
    int n = keys.size();
    String[] unit = new String[n];
    double[] time = new double[n];
    double[] y = new double[n];
    double[] count = new double[n];
    double[] pos = new double[n];
    double[][] x = new double[spec.numericColumns()][n];
    String[][] c = new String[spec.categoricalColumns()][n];
    for (int r = 0; r < n; r++) {
      int i = keys.get(r)[0];
      int t = keys.get(r)[1];
      unit[r] = "u" + i;
      time[r] = 2000 + t;
      double eta = unitEffect[i] + timeEffect[t];
      for (int j = 0; j < x.length; j++) {
        x[j][r] = gaussian(rng) + 0.3 * unitEffect[i];
        eta += (j + 1) * 0.5 * x[j][r];
      }
      y[r] = eta + gaussian(rng);
      double mu = Math.exp(Math.min(3, 0.3 * (eta - unitEffect[i])));
      count[r] = poisson(rng, mu);
      pos[r] = Math.exp(0.5 * gaussian(rng) + 1);
      for (int m = 0; m < c.length; m++) {
        c[m][r] = "L" + rng.nextInt(spec.categoricalLevels());
      }
    }
    if (spec.missingProbability() > 0) {
      for (double[] col : x) {
        for (int r = 0; r < n; r++) {
          if (rng.nextDouble() < spec.missingProbability()) {
            col[r] = Double.NaN;
          }
        }
      }
      for (String[] col : c) {
        for (int r = 0; r < n; r++) {
          if (rng.nextDouble() < spec.missingProbability()) {
            col[r] = null;
          }
        }
      }
    }
    Map<String, double[]> numeric = new LinkedHashMap<>();
    numeric.put("time", time);
    numeric.put("y", y);
    for (int j = 0; j < x.length; j++) {
      numeric.put("x" + (j + 1), x[j]);
    }
    numeric.put("count", count);
    numeric.put("pos", pos);
    Map<String, String[]> categorical = new LinkedHashMap<>();
    categorical.put("unit", unit);
    for (int m = 0; m < c.length; m++) {
      categorical.put("c" + (m + 1), c[m]);
    }
    return new Columns(numeric, categorical);
  }

  /**
   * A standard normal draw (Box–Muller on the given generator).
   *
   * @param rng generator
   * @return the draw
   */
  public static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * A Poisson draw (inversion; fine for small means).
   *
   * @param rng generator
   * @param mu mean
   * @return the draw
   */
  public static double poisson(SplittableRandom rng, double mu) {
    double l = Math.exp(-mu);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l && k < 1000);
    return k - 1;
  }
}
