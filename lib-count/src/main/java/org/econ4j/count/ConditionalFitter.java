package org.econ4j.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.count.internal.ChunkedExecutor;
import org.econ4j.count.internal.ConditionalLikelihood;
import org.econ4j.count.internal.ConditionalNegBinLikelihood;
import org.econ4j.count.internal.ConditionalPoissonLikelihood;
import org.econ4j.count.internal.NewtonRaphson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared data preparation and Newton fit of the conditional models: validates the arrays, drops
 * single-period and all-zero units (with notes), adds the intercept, drops regressors without
 * within-unit variation where the model cannot identify them, fits, and assembles a {@link
 * CountFit}.
 */
final class ConditionalFitter {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalFitter.class);

  /** Name of the intercept column. */
  static final String INTERCEPT = "(Intercept)";

  private ConditionalFitter() {}

  static CountFit fit(
      CountModel model,
      double[] y,
      double[][] x,
      String[] names,
      int[] unit,
      boolean intercept,
      int maxIterations,
      double tolerance,
      int threads) {
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(unit, "unit");
    int n = y.length;
    if (names.length != x.length) {
      throw new IllegalArgumentException(
          "names has " + names.length + " entries but x has " + x.length + " columns");
    }
    if (unit.length != n) {
      throw new IllegalArgumentException(
          "unit has " + unit.length + " values but y has " + n + "; give one unit code per row");
    }
    for (int j = 0; j < x.length; j++) {
      Objects.requireNonNull(x[j], "x[" + j + "]");
      Objects.requireNonNull(names[j], "names[" + j + "]");
      if (x[j].length != n) {
        throw new IllegalArgumentException(
            "regressor '" + names[j] + "' has " + x[j].length + " rows but y has " + n);
      }
    }
    checkOutcome(y, model);
    for (int j = 0; j < x.length; j++) {
      checkFinite(x[j], names[j]);
    }
    List<Note> notes = new ArrayList<>();

    // units -> 0..G-1
    int[] sortedUnits = unit.clone();
    Arrays.sort(sortedUnits);
    int g0 = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sortedUnits[i] != sortedUnits[i - 1]) {
        sortedUnits[g0++] = sortedUnits[i];
      }
    }
    int[] code = new int[n];
    int[] count = new int[g0];
    double[] total = new double[g0];
    for (int i = 0; i < n; i++) {
      int c = Arrays.binarySearch(sortedUnits, 0, g0, unit[i]);
      code[i] = c;
      count[c]++;
      total[c] += y[i];
    }
    int singleUnits = 0;
    int zeroUnits = 0;
    int zeroRows = 0;
    int[] newCode = new int[g0];
    int kept = 0;
    for (int c = 0; c < g0; c++) {
      if (count[c] < 2) {
        singleUnits++;
        newCode[c] = -1;
      } else if (total[c] == 0) {
        zeroUnits++;
        zeroRows += count[c];
        newCode[c] = -1;
      } else {
        newCode[c] = kept++;
      }
    }
    if (singleUnits > 0) {
      notes.add(
          Note.of(
              Note.Kind.SINGLETON,
              singleUnits,
              singleUnits
                  + " unit(s) with a single observation dropped ("
                  + singleUnits
                  + " row(s)); they carry no information in the conditional likelihood"));
    }
    if (zeroUnits > 0) {
      notes.add(
          Note.of(
              Note.Kind.NO_VARIATION,
              zeroRows,
              zeroUnits
                  + " unit(s) with only zero outcomes dropped ("
                  + zeroRows
                  + " row(s)); they carry no information in the conditional likelihood"));
    }
    int units = kept;
    boolean[] keptRow = new boolean[n];
    int[] unitOfRow = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      int c = newCode[code[i]];
      unitOfRow[i] = c;
      if (c >= 0) {
        keptRow[i] = true;
        m++;
      }
    }
    if (m == 0) {
      throw new SpecificationException(
          "no observations left for '"
              + model.jsonName()
              + "' after dropping "
              + zeroUnits
              + " all-zero unit(s) and "
              + singleUnits
              + " single-observation unit(s); the model needs units with at least two periods"
              + " and a positive total count");
    }
    int[] rowOf = new int[m];
    double[] yc = new double[m];
    int[] uc = new int[m];
    m = 0;
    for (int i = 0; i < n; i++) {
      if (keptRow[i]) {
        rowOf[m] = i;
        yc[m] = y[i];
        uc[m] = unitOfRow[i];
        m++;
      }
    }
    // candidate columns
    List<String> colNames = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    if (intercept) {
      double[] one = new double[m];
      Arrays.fill(one, 1.0);
      colNames.add(INTERCEPT);
      cols.add(one);
    }
    for (int j = 0; j < x.length; j++) {
      double[] c = new double[m];
      for (int r = 0; r < m; r++) {
        c[r] = x[j][rowOf[r]];
      }
      colNames.add(names[j]);
      cols.add(c);
    }
    if (model == CountModel.POISSON_CONDITIONAL) {
      List<String> absorbed = new ArrayList<>();
      for (int j = cols.size() - 1; j >= 0; j--) {
        if (!variesWithinUnits(cols.get(j), uc, units)) {
          absorbed.add(0, colNames.get(j));
          cols.remove(j);
          colNames.remove(j);
        }
      }
      if (!absorbed.isEmpty()) {
        notes.add(
            Note.of(
                Note.Kind.ABSORBED,
                absorbed.size(),
                absorbed.size()
                    + " regressor(s) without variation within units dropped (not identified by"
                    + " the conditional Poisson likelihood): "
                    + String.join(", ", absorbed),
                absorbed));
      }
    }
    int k = cols.size();
    if (k == 0) {
      throw new SpecificationException(
          "no regressor left to estimate in '"
              + model.jsonName()
              + "'; add regressors that vary within units");
    }
    checkCollinear(cols, colNames);
    double[][] xc = cols.toArray(new double[0][]);
    String[] nm = colNames.toArray(new String[0]);
    NewtonRaphson.Result res;
    double[][] sc = new double[k][m];
    try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
      ConditionalLikelihood lik =
          model == CountModel.NEGBIN_CONDITIONAL
              ? new ConditionalNegBinLikelihood(yc, xc, uc, units, exec)
              : new ConditionalPoissonLikelihood(yc, xc, uc, units, exec);
      res = NewtonRaphson.maximize(lik, new double[k], maxIterations, tolerance, nm);
      lik.scores(res.beta(), sc);
    }
    if (!res.converged()) {
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              res.iterations(),
              "Newton-Raphson did not converge in "
                  + res.iterations()
                  + " iterations (scaled gradient "
                  + res.decrement()
                  + ", tolerance "
                  + tolerance
                  + "); estimates may be inaccurate"));
    }
    double maxGrad = 0;
    for (double gv : res.gradient()) {
      maxGrad = Math.max(maxGrad, Math.abs(gv));
    }
    double[][] scores = new double[k][n];
    for (int j = 0; j < k; j++) {
      for (int r = 0; r < m; r++) {
        scores[j][rowOf[r]] = sc[j][r];
      }
    }
    LOG.debug(
        "{}: {} rows, {} units, {} iterations, logLik {}",
        model.jsonName(),
        m,
        units,
        res.iterations(),
        res.value());
    return new CountFit(
        model,
        List.of(nm),
        res.beta(),
        res.inverseNegHessian(),
        res.value(),
        res.iterations(),
        res.converged(),
        maxGrad,
        notes,
        keptRow,
        unitOfRow,
        units,
        scores);
  }

  /**
   * Rejects regressors that are exact linear combinations of the ones before them: Cholesky of the
   * cross-product matrix scaled to unit diagonal, with pivots below 1e-10 flagged.
   */
  private static void checkCollinear(List<double[]> cols, List<String> names) {
    int k = cols.size();
    double[] a = new double[k * k];
    for (int i = 0; i < k; i++) {
      double[] ci = cols.get(i);
      for (int j = 0; j <= i; j++) {
        double[] cj = cols.get(j);
        double s = 0;
        for (int r = 0; r < ci.length; r++) {
          s += ci[r] * cj[r];
        }
        a[i * k + j] = s;
        a[j * k + i] = s;
      }
    }
    for (int i = 0; i < k; i++) {
      if (a[i * k + i] == 0) {
        throw new SpecificationException(
            "regressor '" + names.get(i) + "' is zero on every row used; remove it");
      }
    }
    double[] d = new double[k];
    for (int i = 0; i < k; i++) {
      d[i] = Math.sqrt(a[i * k + i]);
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i * k + j] /= d[i] * d[j];
      }
    }
    for (int j = 0; j < k; j++) {
      double piv = a[j * k + j];
      for (int p = 0; p < j; p++) {
        piv -= a[j * k + p] * a[j * k + p];
      }
      if (!(piv > 1e-10)) {
        throw new SpecificationException(
            "regressor '"
                + names.get(j)
                + "' is collinear with the regressors before it ("
                + String.join(", ", names.subList(0, j))
                + "); remove it");
      }
      double l = Math.sqrt(piv);
      a[j * k + j] = l;
      for (int i = j + 1; i < k; i++) {
        double v = a[i * k + j];
        for (int p = 0; p < j; p++) {
          v -= a[i * k + p] * a[j * k + p];
        }
        a[i * k + j] = v / l;
      }
    }
  }

  private static boolean variesWithinUnits(double[] c, int[] uc, int units) {
    double[] first = new double[units];
    boolean[] seen = new boolean[units];
    for (int r = 0; r < c.length; r++) {
      int u = uc[r];
      if (!seen[u]) {
        seen[u] = true;
        first[u] = c[r];
      } else if (c[r] != first[u]) {
        return true;
      }
    }
    return false;
  }

  private static void checkOutcome(double[] y, CountModel model) {
    List<Integer> bad = new ArrayList<>();
    int nBad = 0;
    for (int i = 0; i < y.length; i++) {
      double v = y[i];
      if (!(v >= 0) || v != Math.rint(v) || Double.isInfinite(v)) {
        nBad++;
        if (bad.size() < 5) {
          bad.add(i);
        }
      }
    }
    if (nBad > 0) {
      throw new SpecificationException(
          "outcome has "
              + nBad
              + " value(s) that are not non-negative integer counts (rows "
              + joinRows(bad, nBad)
              + ", 0-based); '"
              + model.jsonName()
              + "' needs counts 0, 1, 2, ...; remove those rows or use a Poisson"
              + " pseudo-likelihood");
    }
  }

  private static void checkFinite(double[] v, String name) {
    List<Integer> bad = new ArrayList<>();
    int nBad = 0;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        nBad++;
        if (bad.size() < 5) {
          bad.add(i);
        }
      }
    }
    if (nBad > 0) {
      throw new SpecificationException(
          "regressor '"
              + name
              + "' has "
              + nBad
              + " missing or non-finite value(s) (rows "
              + joinRows(bad, nBad)
              + ", 0-based); drop those rows before fitting");
    }
  }

  private static String joinRows(List<Integer> rows, int total) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(rows.get(i));
    }
    if (total > rows.size()) {
      sb.append(", ...");
    }
    return sb.toString();
  }
}
