package org.econ4j.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.econ4j.core.EstimationException;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.WaldTest;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.core.table.Table;
import org.econ4j.panel.formula.Formula;

/**
 * The Hausman (1978) specification test of fixed effects against random effects: under H0 (the unit
 * effects are uncorrelated with the regressors) both estimators are consistent and random effects
 * is efficient; under H1 only fixed effects is consistent.
 *
 * <ul>
 *   <li>{@link #classic(Formula, Panel)} / {@link #of(RegressionResult, RegressionResult)}: H =
 *       (b<sub>FE</sub> &minus; b<sub>RE</sub>)'(V<sub>FE</sub> &minus; V<sub>RE</sub>)<sup>
 *       &minus;1</sup>(b<sub>FE</sub> &minus; b<sub>RE</sub>) over the coefficients common to both
 *       models (the intercept and time-invariant regressors drop out), &chi;&sup2; with df = their
 *       number (plm {@code phtest(fe, re)}, Stata {@code hausman fe re}). V<sub>FE</sub> &minus;
 *       V<sub>RE</sub> need not be positive definite in finite samples: if H is negative it is
 *       reported as it is, with a {@link Note} (never masked with abs()), and its p-value is 1.
 *   <li>{@link #mundlak(Formula, Panel)}: the regression-based version (Mundlak 1978; Wooldridge
 *       2010 §10.7.3), robust to heteroskedasticity and serial correlation within units: the
 *       random-effects quasi-demeaned regression is augmented with the within-demeaned regressors
 *       x<sub>it</sub> &minus; x&#772;<sub>i</sub> and their coefficients &gamma; are tested
 *       jointly (Wald &chi;&sup2;, df = number of time-varying regressors) with a covariance
 *       clustered by unit (fixest small-sample correction) by default, or any {@link Vcov} (plm
 *       {@code phtest(method = "aux", vcov = ...)}).
 * </ul>
 *
 * <p>Immutable. JSON names: {@code statistic, df, pValue, method, terms, notes}. Pinned by {@code
 * PanelLinearModelTest} (Mundlak, negative statistic) and {@code PanelLinearModelReferenceTest}
 * (plm {@code phtest} on Grunfeld).
 *
 * <h2>References</h2>
 *
 * Hausman, J.A. (1978). Specification tests in econometrics. Econometrica 46(6), 1251-1271.
 * Mundlak, Y. (1978). On the pooling of time series and cross section data. Econometrica 46(1),
 * 69-85. Wooldridge, J.M. (2010). Econometric Analysis of Cross Section and Panel Data, 2nd ed.,
 * MIT Press, §10.7.3. Baltagi, B.H. (2021). Econometric Analysis of Panel Data, 6th ed., §4.3.
 */
public final class HausmanTest {
  private final double statistic;
  private final int df;
  private final double pValue;
  private final String method;
  private final List<String> terms;
  private final List<Note> notes;

  private HausmanTest(
      double statistic,
      int df,
      double pValue,
      String method,
      List<String> terms,
      List<Note> notes) {
    this.statistic = statistic;
    this.df = df;
    this.pValue = pValue;
    this.method = method;
    this.terms = List.copyOf(terms);
    this.notes = List.copyOf(notes);
  }

  /**
   * The classic test from two fitted models, over their common coefficients (by name).
   *
   * @param fixedEffects the consistent (within) model
   * @param randomEffects the efficient (random-effects) model
   * @return the test
   * @throws SpecificationException if the models share no coefficient
   * @throws EstimationException if V<sub>FE</sub> &minus; V<sub>RE</sub> is singular
   */
  public static HausmanTest of(RegressionResult fixedEffects, RegressionResult randomEffects) {
    Objects.requireNonNull(fixedEffects, "fixedEffects");
    Objects.requireNonNull(randomEffects, "randomEffects");
    List<String> common = new ArrayList<>();
    for (String t : fixedEffects.keptTerms()) {
      if (randomEffects.keptTerms().contains(t)) {
        common.add(t);
      }
    }
    if (common.isEmpty()) {
      throw new SpecificationException(
          "the fixed- and random-effects models share no coefficient (fixed effects: "
              + String.join(", ", fixedEffects.keptTerms())
              + "); the Hausman test needs at least one time-varying regressor");
    }
    int q = common.size();
    double[][] vf = fixedEffects.vcovMatrix();
    double[][] vr = randomEffects.vcovMatrix();
    double[] d = new double[q];
    double[][] dv = new double[q][q];
    for (int a = 0; a < q; a++) {
      int fa = fixedEffects.keptTerms().indexOf(common.get(a));
      int ra = randomEffects.keptTerms().indexOf(common.get(a));
      d[a] =
          fixedEffects.coefficients().get(fa).estimate()
              - randomEffects.coefficients().get(ra).estimate();
      for (int b = 0; b < q; b++) {
        int fb = fixedEffects.keptTerms().indexOf(common.get(b));
        int rb = randomEffects.keptTerms().indexOf(common.get(b));
        dv[a][b] = vf[fa][fb] - vr[ra][rb];
      }
    }
    double[][] inv = generalInverse(dv);
    double h = 0;
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        h += d[a] * inv[a][b] * d[b];
      }
    }
    List<Note> notes = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String t : randomEffects.keptTerms()) {
      if (!common.contains(t) && !t.equals("(Intercept)")) {
        left.add(t);
      }
    }
    if (!left.isEmpty()) {
      notes.add(
          Note.of(
              Note.Kind.INFO,
              left.size(),
              "not compared (not estimated by the fixed-effects model, e.g. time-invariant): "
                  + String.join(", ", left),
              left));
    }
    double p;
    if (h < 0) {
      notes.add(
          Note.of(
              Note.Kind.INFO,
              0,
              String.format(
                  Locale.ROOT,
                  "the Hausman statistic is negative (%.6g): V_FE - V_RE is not positive"
                      + " semi-definite in this sample; the test is not informative, consider"
                      + " the regression-based (Mundlak) version",
                  h)));
      p = 1.0;
    } else {
      p = Distributions.chiSquaredUpper(h, q);
    }
    return new HausmanTest(h, q, p, "classic", common, notes);
  }

  private static double[][] generalInverse(double[][] a) {
    try {
      return SymmetricMatrices.inverse(a);
    } catch (RuntimeException e) {
      // not positive definite: invert through the symmetric indefinite route (Gauss-Jordan)
      int q = a.length;
      double[][] m = new double[q][2 * q];
      for (int i = 0; i < q; i++) {
        System.arraycopy(a[i], 0, m[i], 0, q);
        m[i][q + i] = 1;
      }
      for (int c = 0; c < q; c++) {
        int piv = c;
        for (int r = c + 1; r < q; r++) {
          if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
            piv = r;
          }
        }
        if (Math.abs(m[piv][c]) < 1e-300) {
          throw new EstimationException(
              "V_FE - V_RE is singular in the Hausman test; the coefficients common to both"
                  + " models have identical variances, use the regression-based (Mundlak)"
                  + " version",
              e);
        }
        double[] t = m[c];
        m[c] = m[piv];
        m[piv] = t;
        double s = m[c][c];
        for (int j = 0; j < 2 * q; j++) {
          m[c][j] /= s;
        }
        for (int r = 0; r < q; r++) {
          if (r != c) {
            double f = m[r][c];
            for (int j = 0; j < 2 * q; j++) {
              m[r][j] -= f * m[c][j];
            }
          }
        }
      }
      double[][] inv = new double[q][q];
      for (int i = 0; i < q; i++) {
        System.arraycopy(m[i], q, inv[i], 0, q);
      }
      return inv;
    }
  }

  /**
   * The classic test: fits {@link PanelLinearModel#within()} and {@link PanelLinearModel#random()}
   * with iid covariances (plm defaults) and compares them.
   *
   * @param formula formula without fixed effects, e.g. {@code inv ~ value + capital}
   * @param panel a panel with an index (unit, time)
   * @return the test
   */
  public static HausmanTest classic(Formula formula, Panel panel) {
    RegressionResult fe = PanelLinearModel.within().fit(formula, panel);
    RegressionResult re = PanelLinearModel.random().fit(formula, panel);
    return of(fe, re);
  }

  /**
   * The regression-based test with standard errors clustered by the panel's unit.
   *
   * @param formula formula without fixed effects
   * @param panel a panel with an index
   * @return the test
   */
  public static HausmanTest mundlak(Formula formula, Panel panel) {
    Objects.requireNonNull(panel, "panel");
    PanelIndex idx = panel.requireIndex("Hausman test");
    return mundlak(formula, panel, Vcov.cluster(idx.unitColumn()));
  }

  /**
   * The regression-based test with any covariance type.
   *
   * @param formula formula without fixed effects
   * @param panel a panel with an index
   * @param vcov covariance of the augmented regression (e.g. {@code Vcov.hc3()})
   * @return the test
   */
  public static HausmanTest mundlak(Formula formula, Panel panel, Vcov vcov) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(vcov, "vcov");
    PanelIndex idx = panel.requireIndex("Hausman test");
    if (!formula.fixedEffects().isEmpty()) {
      throw new SpecificationException(
          "formula '"
              + formula.source()
              + "' has fixed effects; the Hausman test takes the unit effect from the panel"
              + " index ('"
              + idx.unitColumn()
              + "'), remove the '| ...' part");
    }
    PanelLinearModel.Prepared p = PanelLinearModel.prepare(formula, panel, idx, vcov);
    Auxiliary aux = auxiliary(p);
    double[][] x = aux.x;
    int first = aux.first;
    LeastSquaresFit ls = LeastSquares.defaults().fit(x, aux.y);
    int[] kept = ls.keptColumns();
    List<Integer> tested = new ArrayList<>();
    List<String> testedNames = new ArrayList<>();
    for (int a = 0; a < kept.length; a++) {
      if (kept[a] >= first) {
        tested.add(a);
        testedNames.add(p.names.get(indexOfOriginal(p, kept[a] - first)));
      }
    }
    if (tested.isEmpty()) {
      throw new SpecificationException(
          "formula '"
              + formula.source()
              + "' has no time-varying regressor; the Hausman test needs at least one");
    }
    org.econ4j.core.inference.InferenceData.Builder ib =
        org.econ4j.core.inference.InferenceData.forLeastSquares(ls, x);
    ib.leverage(org.econ4j.core.inference.InferenceData.leverages(ls, x));
    ib.cluster(idx.unitColumn(), p.unit.clone());
    for (org.econ4j.panel.formula.GroupCodes c : p.frame.clusters()) {
      ib.cluster(c.name(), c.codes());
    }
    double[][] v =
        org.econ4j.core.inference.Sandwich.compute(ib.build(), vcov, SmallSampleCorrection.fixest())
            .matrix();
    double[] beta = ls.keptCoefficients();
    double[][] r = new double[tested.size()][beta.length];
    for (int a = 0; a < tested.size(); a++) {
      r[a][tested.get(a)] = 1;
    }
    WaldTest w =
        WaldTest.of(
            beta, v, r, new double[tested.size()], Double.POSITIVE_INFINITY, WaldTest.Type.CHI2);
    return new HausmanTest(
        w.statistic(),
        tested.size(),
        w.pValue(),
        "regression-based (Mundlak), vcov " + vcov.spec(),
        testedNames,
        List.of());
  }

  /**
   * The auxiliary regression of the Mundlak test: y* on [X* X&#771;], * the random-effects
   * quasi-demeaning, ~ the within demeaning of the slope columns (first = index of the first ~
   * column).
   */
  static final class Auxiliary {
    final double[][] x;
    final double[] y;
    final int first;

    Auxiliary(double[][] x, double[] y, int first) {
      this.x = x;
      this.y = y;
      this.first = first;
    }
  }

  static Auxiliary auxiliary(PanelLinearModel.Prepared p) {
    double[] th = p.thetas(p.components());
    int nx = p.x.length;
    List<double[]> cols = new ArrayList<>();
    for (int j = 0; j < nx; j++) {
      cols.add(p.quasi(p.x[j], th));
    }
    int first = cols.size();
    for (int j = 0; j < nx; j++) {
      if (j != p.icpt) {
        cols.add(p.demeaned(p.x[j]));
      }
    }
    return new Auxiliary(cols.toArray(new double[0][]), p.quasi(p.y, th), first);
  }

  private static int indexOfOriginal(PanelLinearModel.Prepared p, int slopeIndex) {
    int s = 0;
    for (int j = 0; j < p.x.length; j++) {
      if (j == p.icpt) {
        continue;
      }
      if (s == slopeIndex) {
        return j;
      }
      s++;
    }
    throw new IllegalStateException("slope " + slopeIndex + " out of range");
  }

  /**
   * @return the &chi;&sup2; statistic (may be negative for the classic test, see the notes)
   */
  public double statistic() {
    return statistic;
  }

  /**
   * @return degrees of freedom (number of coefficients compared)
   */
  public int df() {
    return df;
  }

  /**
   * @return upper-tail &chi;&sup2; p-value (1 for a negative statistic)
   */
  public double pValue() {
    return pValue;
  }

  /**
   * @return {@code classic} or {@code regression-based (Mundlak), vcov ...}
   */
  public String method() {
    return method;
  }

  /**
   * @return the coefficients compared
   */
  public List<String> terms() {
    return terms;
  }

  /**
   * @return notes (e.g. a negative statistic)
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * @return statistic, df, pValue, method keyed by their JSON names
   */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statistic", statistic);
    m.put("df", df);
    m.put("pValue", pValue);
    m.put("method", method);
    m.put("terms", terms);
    return m;
  }

  /**
   * @return a one-row table (statistic, df, p-value) with the notes under it
   */
  public Table toTable() {
    Table.Builder b =
        Table.builder(List.of("Test", "chi2", "df", "p-value"))
            .caption("Hausman test: fixed vs random effects (" + method + ")")
            .row(
                "Hausman",
                String.format(Locale.ROOT, "%.4f", statistic),
                Integer.toString(df),
                String.format(Locale.ROOT, "%.4g", pValue));
    for (Note n : notes) {
      b.note(n.message());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Hausman (%s): chi2(%d) = %.6g, p = %.4g", method, df, statistic, pValue);
  }
}
