package org.econ4j.panel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.econ4j.core.RegressionResult;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FeCoefficients;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;
import org.econ4j.panel.formula.Term;
import org.econ4j.panel.formula.VaryingSlope;

/**
 * The detailed result of {@link FeOls#estimate(Formula, Panel)}: the {@link RegressionResult}
 * (coefficients, inference, notes, fit statistics) plus what is specific to a least-squares fit
 * with fixed effects: fitted values and residuals over the kept rows (with the kept-row mask over
 * the panel's rows), the F-test of all slopes, the fixed-effect coefficients and predictions for
 * new data.
 *
 * <p>Fixed-effect coefficients ({@link #fixedEffects()}) are recovered on demand by {@link
 * FixedEffects#recover(double[], double[][], double[], double[], Demeaner)} with demeaning
 * tolerance 1e-10; the normalisation is that of {@link FixedEffects} (first dimension free, the
 * first level of each connected component of the second dimension and the first level of further
 * dimensions set to 0), i.e. the sums &alpha;<sub>1</sub> + &alpha;<sub>2</sub> + &hellip; of every
 * observed combination are unique, as fixest {@code fixef()}.
 *
 * <p>Immutable and thread-safe; arrays are copied out. Pinned by {@code FeOlsTest} and {@code
 * FeOlsReferenceTest} (plm {@code fixef}).
 */
public final class FeOlsResult {
  private static final double RECOVERY_TOLERANCE = 1e-10;

  private final RegressionResult result;
  private final Formula formula;
  private final FixedEffects fe;
  private final List<List<String>> levelLabels;
  private final double[] y;
  private final double[] residuals;
  private final double[][] x;
  private final double[] weights;
  private final boolean[] mask;
  private final int[] rows;
  private final List<String> keptNames;
  private final double[] beta;
  private final FTest fTest;
  private final Demeaner demeaner;
  private volatile List<FeCoefficients> recovered;

  FeOlsResult(
      RegressionResult result,
      Formula formula,
      FixedEffects fe,
      List<List<String>> levelLabels,
      double[] y,
      double[] residuals,
      double[][] x,
      double[] weights,
      boolean[] mask,
      int[] rows,
      List<String> keptNames,
      double[] beta,
      FTest fTest,
      Demeaner demeaner) {
    this.result = result;
    this.formula = formula;
    this.fe = fe;
    this.levelLabels = List.copyOf(levelLabels); // immutable views, formatted on demand
    this.y = y;
    this.residuals = residuals;
    this.x = x;
    this.weights = weights;
    this.mask = mask;
    this.rows = rows;
    this.keptNames = List.copyOf(keptNames);
    this.beta = beta.clone();
    this.fTest = fTest;
    this.demeaner = demeaner.withTolerance(RECOVERY_TOLERANCE).withStrict(false);
  }

  /**
   * @return the regression result
   */
  public RegressionResult result() {
    return result;
  }

  /**
   * @return fitted values x<sub>i</sub>'&beta; + &Sigma; &alpha; over the kept rows (copy)
   */
  public double[] fitted() {
    double[] f = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      f[i] = y[i] - residuals[i];
    }
    return f;
  }

  /**
   * @return residuals over the kept rows, in the order of {@link #keptRows()} (copy)
   */
  public double[] residuals() {
    return residuals.clone();
  }

  /**
   * @return the outcome over the kept rows (copy)
   */
  public double[] response() {
    return y.clone();
  }

  /**
   * @return for every row of the panel, whether it was used in the fit (copy)
   */
  public boolean[] keptMask() {
    return mask.clone();
  }

  /**
   * @return the panel row numbers of the kept rows, increasing (copy)
   */
  public int[] keptRows() {
    return rows.clone();
  }

  /**
   * @return the F-test of all slopes, empty when there is no slope
   */
  public Optional<FTest> fTest() {
    return Optional.ofNullable(fTest);
  }

  /**
   * @return the fixed effects of the fit on the kept rows, empty without fixed effects
   */
  public Optional<FixedEffects> fixedEffectsDesign() {
    return Optional.ofNullable(fe);
  }

  /**
   * The fixed-effect coefficients, one entry per dimension in {@link FixedEffects} order (varying
   * slopes are separate slope-only dimensions labelled {@code fe[[x]]}); intercepts and slopes are
   * indexed by level code, see {@link #levels(int)}.
   *
   * @return the coefficients (empty list without fixed effects)
   */
  public List<FeCoefficients> fixedEffects() {
    if (fe == null) {
      return List.of();
    }
    List<FeCoefficients> r = recovered;
    if (r == null) {
      // partial residual y - X b (original scale)
      double[] partial = y.clone();
      for (int a = 0; a < x.length; a++) {
        double b = beta[a];
        double[] xa = x[a];
        for (int i = 0; i < partial.length; i++) {
          partial[i] -= b * xa[i];
        }
      }
      r =
          fe.recover(
              partial,
              new double[0][],
              new double[0],
              weights == null ? new double[0] : weights,
              demeaner);
      recovered = r;
    }
    return r;
  }

  /**
   * @param dimension a dimension index of {@link #fixedEffects()}
   * @return the level labels of that dimension, indexed by level code
   */
  public List<String> levels(int dimension) {
    return levelLabels.get(dimension);
  }

  /**
   * @param dimension the dimension's label (e.g. {@code firm})
   * @param level the level's label (e.g. {@code 3})
   * @return the fixed-effect intercept of that level, empty if unknown
   */
  public OptionalDouble fixedEffect(String dimension, String level) {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(level, "level");
    List<FeCoefficients> all = fixedEffects();
    for (int d = 0; d < all.size(); d++) {
      FeCoefficients c = all.get(d);
      if (c.name().equals(dimension) && c.intercepts().length > 0) {
        int g = levelLabels.get(d).indexOf(level);
        return g < 0 ? OptionalDouble.empty() : OptionalDouble.of(c.intercepts()[g]);
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Predicts x'&beta; + &Sigma; &alpha; for the rows of new data (fixest {@code predict(newdata =
   * )}): the right-hand side of the formula is evaluated on {@code data} (the response need not
   * exist); a row is NaN when a regressor or fixed effect is missing there or when one of its
   * fixed-effect levels was not seen in the fit. Design columns are matched by name (a factor level
   * absent from the fit contributes nothing).
   *
   * @param data new data with the formula's regressor and fixed-effect columns
   * @return one prediction per row of {@code data}
   * @throws org.econ4j.core.SpecificationException if a column is unknown
   */
  public double[] predict(Panel data) {
    Objects.requireNonNull(data, "data");
    Formula rhs =
        Formula.of(
            new Term.Number(0), formula.terms(), formula.fixedEffects(), formula.hasIntercept());
    ModelFrame frame = rhs.bind(data);
    double[] out = new double[data.rows()];
    Arrays.fill(out, Double.NaN);
    int m = frame.nobs();
    double[] p = new double[m];
    List<String> cols = frame.columnNames();
    for (int a = 0; a < keptNames.size(); a++) {
      int j = cols.indexOf(keptNames.get(a));
      if (j < 0) {
        continue;
      }
      double[] xj = frame.column(j);
      double b = beta[a];
      for (int i = 0; i < m; i++) {
        p[i] += b * xj[i];
      }
    }
    if (fe != null) {
      List<FeCoefficients> coef = fixedEffects();
      List<GroupCodes> gc = frame.fixedEffects();
      List<VaryingSlope> vs = frame.slopes();
      for (int d = 0; d < fe.dimensions(); d++) {
        GroupCodes g = null;
        for (GroupCodes c : gc) {
          if (c.name().equals(fe.name(d))) {
            g = c;
          }
        }
        Map<String, Integer> lookup = new HashMap<>();
        List<String> labs = levelLabels.get(d);
        for (int l = 0; l < labs.size(); l++) {
          lookup.put(labs.get(l), l);
        }
        int[] map = new int[g.groupCount()];
        List<String> newLevels = g.levels();
        for (int l = 0; l < map.length; l++) {
          Integer v = lookup.get(newLevels.get(l));
          map[l] = v == null ? -1 : v;
        }
        int[] codes = g.codes();
        double[] icp = coef.get(d).intercepts();
        double[] slp = coef.get(d).slopes();
        double[] sx = null;
        if (!fe.hasIntercept(d)) {
          String sname = fe.slopeName(d).orElse("");
          for (VaryingSlope v : vs) {
            if (v.fixedEffectName().equals(fe.name(d)) && v.variable().equals(sname)) {
              sx = v.values();
            }
          }
        }
        for (int i = 0; i < m; i++) {
          int l = map[codes[i]];
          if (l < 0) {
            p[i] = Double.NaN;
          } else if (sx != null) {
            p[i] += slp[l] * sx[i];
          } else {
            p[i] += icp[l];
          }
        }
      }
    }
    int[] kr = frame.keptRows();
    for (int i = 0; i < m; i++) {
      out[kr[i]] = p[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return result.toString();
  }
}
