package org.econ4j.panel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.econ4j.core.Convergence;
import org.econ4j.core.Note;
import org.econ4j.core.Provenance;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.fe.SingletonRemoval;
import org.econ4j.panel.formula.BindOptions;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;
import org.econ4j.panel.formula.VaryingSlope;
import org.econ4j.panel.internal.Shared;

/**
 * Ordinary and weighted least squares with any number of absorbed (high-dimensional) fixed effects,
 * as fixest {@code feols} and Stata {@code reghdfe}; plain OLS with an intercept when the formula
 * has no fixed effects.
 *
 * <p>Model: y<sub>i</sub> = x<sub>i</sub>'&beta; + &alpha;<sub>1,g1(i)</sub> + &hellip; +
 * &alpha;<sub>m,gm(i)</sub> + &epsilon;<sub>i</sub>, estimated by minimising &Sigma;
 * w<sub>i</sub>&epsilon;<sub>i</sub>&sup2; (w = 1 without weights). Varying slopes {@code fe[x]}
 * add &gamma;<sub>g(i)</sub>x<sub>i</sub>.
 *
 * <p>Fixed effects only ({@code y ~ 1 | firm}, {@code y ~ 1 | a + b}; {@code y ~ 0 | firm} is the
 * same model), as fixest {@code feols(y ~ 1 | fe)}: no coefficients (an empty list, a 0&times;0
 * covariance matrix), residuals = demeaned y, R&sup2;, adjusted R&sup2;, RMSE and log-likelihood of
 * the fixed-effect fit, within R&sup2; = 0, no F-test; fixed effects, fitted values and prediction
 * as usual. A formula with neither a regressor nor a fixed effect ({@code y ~ 0}) is an error, and
 * so is an outcome that the fixed effects explain entirely.
 *
 * <p>Algorithm ({@link #estimate(Formula, Panel)}):
 *
 * <ol>
 *   <li>bind the formula ({@link Formula#bind(Panel, BindOptions)}) with the weights and every
 *       cluster column named in the vcov or in {@link #withClusters(String...)}: rows with a
 *       missing value anywhere are dropped with a note; rows of zero weight are dropped with a note
 *       (as fixest); negative weights are an error;
 *   <li>encode the fixed effects ({@link FixedEffects}) and remove singletons iteratively (on by
 *       default as fixest &ge; 0.13 {@code fixef.rm}; a {@code singleton} note);
 *   <li>demean y and every regressor ({@link Demeaner}, weighted when weighted; tolerance 1e-6 as
 *       fixest {@code fixef.tol}); non-convergence is a note or, with {@link #strict()}, a {@link
 *       org.econ4j.core.ConvergenceException};
 *   <li>a regressor whose demeaned weighted norm is below t&middot;(its weighted norm around its
 *       mean) is <em>absorbed</em> by the fixed effects (dropped, note {@code "x3 is absorbed by
 *       the fixed effect 'unit'"}), with t = max(collin.tol, 10&middot;demeaning tolerance) so that
 *       the rule survives approximate demeaning; the remaining columns go to {@link LeastSquares}
 *       (pivoted Householder QR in design order) with the same tolerance applied to the same
 *       pre-demeaning reference norms; columns it drops are <em>collinear</em> (note {@code "x4 is
 *       collinear with x1, x2"}). Without fixed effects t = collin.tol (fixest default 1e-9);
 *   <li>the sandwich ({@link org.econ4j.core.inference.Sandwich}) with the configured {@link Vcov}
 *       and {@link SmallSampleCorrection}; F = the exact degrees of freedom absorbed by the fixed
 *       effects ({@link FixedEffects#degreesOfFreedom()}); fixed effects nested in a cluster
 *       variable are detected by the sandwich. HC2/HC3 use leverages that include the fixed-effect
 *       projection, exact (see {@code docs/ols.md}); computed at fit time when HC2/HC3 is the
 *       fit-time vcov, otherwise lazily on the first {@code withVcov(hc2())} or {@code hc3()} (the
 *       result keeps the fixed effects, the demeaned kept regressors, the weights and the bread
 *       until then; nothing with {@link #lean()}).
 * </ol>
 *
 * <p>Fit statistics (fixest definitions, weighted sums with weights): R&sup2; = 1 &minus; RSS/TSS
 * (TSS around the weighted mean); adjusted R&sup2; = 1 &minus; (1 &minus; R&sup2;)(n &minus; 1)/(n
 * &minus; K), K = k + F; within R&sup2; = 1 &minus; RSS/TSS<sub>w</sub> with TSS<sub>w</sub> the
 * sum of squares of demeaned y; within adjusted R&sup2; = 1 &minus; (1 &minus; R&sup2;<sub>w</sub>)
 * (n &minus; F)/(n &minus; F &minus; k) (fixest {@code war2}: n &minus; nb_fe over n &minus; nb_fe
 * &minus; K, with nb_fe = F the absorbed FE dof and K = k the regressors; plm's adjusted R&sup2; of
 * a within model uses (n &minus; 1)/(n &minus; F &minus; k) instead); RMSE = &radic;(RSS/n);
 * Gaussian log-likelihood &minus;n/2 (log 2&pi; + log(RSS/n) + 1) + &frac12; &Sigma; log
 * w<sub>i</sub>; the F-test of all slopes (fixest {@code fitstat(~f)}): F =
 * (R&sup2;<sub>*</sub>/k<sub>s</sub>) / ((1 &minus; R&sup2;<sub>*</sub>)/(n &minus; K)),
 * R&sup2;<sub>*</sub> the within R&sup2; with fixed effects and R&sup2; otherwise, k<sub>s</sub>
 * the slopes (no intercept), stored as {@link FeOlsResult#fTest()} and in the provenance options
 * {@code fStat, fDf1, fDf2, fPValue}.
 *
 * <p>Defaults: vcov iid (fixest &ge; 0.13), ssc {@link SmallSampleCorrection#fixest()}, singleton
 * removal on, {@link Demeaner#defaults()}, collinearity tolerance 1e-9 (fixest {@code collin.tol}),
 * not strict, not lean.
 *
 * <p>Immutable and thread-safe. Pinned by {@code FeOlsReferenceTest} (fixest 0.14.2 on the trade
 * and Grunfeld data, lm with dummies), {@code FeOlsProperties} and {@code FeOlsTest}.
 *
 * <h2>References</h2>
 *
 * Bergé, L. (2018). Efficient estimation of maximum likelihood models with multiple fixed-effects:
 * the R package FENmlm. CREA Discussion Paper 2018-13. Correia, S. (2016). Linear models with
 * high-dimensional fixed effects: an efficient and feasible estimator. Working paper. Wooldridge,
 * J.M. (2010). Econometric Analysis of Cross Section and Panel Data, 2nd ed., MIT Press, ch. 10.
 */
public final class FeOls implements FeEstimator {

  /** Default collinearity tolerance, fixest {@code collin.tol}. */
  public static final double DEFAULT_COLLINEARITY_TOLERANCE = 1e-9;

  /**
   * Factor applied to the demeaning tolerance to get the absorption/collinearity tolerance with
   * fixed effects: t = max(collin.tol, {@value} &times; demeaning tolerance).
   */
  public static final double ABSORPTION_FACTOR = 10;

  private static final FeOls DEFAULTS =
      new FeOls(
          Vcov.iid(),
          SmallSampleCorrection.fixest(),
          null,
          List.of(),
          true,
          Demeaner.defaults(),
          DEFAULT_COLLINEARITY_TOLERANCE,
          false,
          false);

  private final Vcov vcov;
  private final SmallSampleCorrection ssc;
  private final String weights;
  private final List<String> clusters;
  private final boolean singletons;
  private final Demeaner demeaner;
  private final double collinTol;
  private final boolean strict;
  private final boolean lean;

  private FeOls(
      Vcov vcov,
      SmallSampleCorrection ssc,
      String weights,
      List<String> clusters,
      boolean singletons,
      Demeaner demeaner,
      double collinTol,
      boolean strict,
      boolean lean) {
    this.vcov = vcov;
    this.ssc = ssc;
    this.weights = weights;
    this.clusters = List.copyOf(clusters);
    this.singletons = singletons;
    this.demeaner = demeaner;
    this.collinTol = collinTol;
    this.strict = strict;
    this.lean = lean;
  }

  /**
   * @return the defaults: iid, fixest ssc, no weights, singleton removal, default demeaner,
   *     collinearity tolerance 1e-9
   */
  public static FeOls defaults() {
    return DEFAULTS;
  }

  /**
   * @param v the covariance type computed at fit time (e.g. {@code Vcov.cluster("firm")}); cluster
   *     columns it names are bound with the formula
   * @return a new estimator
   */
  public FeOls withVcov(Vcov v) {
    return new FeOls(
        Objects.requireNonNull(v, "vcov"),
        ssc,
        weights,
        clusters,
        singletons,
        demeaner,
        collinTol,
        strict,
        lean);
  }

  /**
   * @param correction the small-sample correction (default {@link SmallSampleCorrection#fixest()})
   * @return a new estimator
   */
  public FeOls withSsc(SmallSampleCorrection correction) {
    return new FeOls(
        vcov,
        Objects.requireNonNull(correction, "ssc"),
        weights,
        clusters,
        singletons,
        demeaner,
        collinTol,
        strict,
        lean);
  }

  /**
   * @param column the weights column or expression (fixest {@code weights = ~w}); missing weights
   *     drop the row with a note, zero weights drop the row with a note, negative ones are an error
   * @return a new estimator
   */
  public FeOls withWeights(String column) {
    return new FeOls(
        vcov,
        ssc,
        Objects.requireNonNull(column, "column"),
        clusters,
        singletons,
        demeaner,
        collinTol,
        strict,
        lean);
  }

  /**
   * Extra cluster columns captured at fit time so that {@link RegressionResult#withVcov(Vcov)} can
   * cluster on them later (the columns named by the fit-time vcov are captured anyway). Rows with a
   * missing value in them are dropped with a note, as fixest.
   *
   * @param columns column names
   * @return a new estimator
   */
  public FeOls withClusters(String... columns) {
    List<String> c = new ArrayList<>();
    for (String s : columns) {
      c.add(Objects.requireNonNull(s, "column"));
    }
    return new FeOls(vcov, ssc, weights, c, singletons, demeaner, collinTol, strict, lean);
  }

  /**
   * @param remove whether to remove singletons iteratively (default true, fixest {@code fixef.rm})
   * @return a new estimator
   */
  public FeOls withSingletonRemoval(boolean remove) {
    return new FeOls(vcov, ssc, weights, clusters, remove, demeaner, collinTol, strict, lean);
  }

  /**
   * @param d the demeaning configuration (tolerance, iterations, method, threads)
   * @return a new estimator
   */
  public FeOls withDemeaner(Demeaner d) {
    return new FeOls(
        vcov,
        ssc,
        weights,
        clusters,
        singletons,
        Objects.requireNonNull(d, "demeaner"),
        collinTol,
        strict,
        lean);
  }

  /**
   * @param tol collinearity tolerance in (0, 1) (default 1e-9, fixest {@code collin.tol})
   * @return a new estimator
   */
  public FeOls withCollinearityTolerance(double tol) {
    if (!(tol > 0 && tol < 1)) {
      throw new IllegalArgumentException("collinearity tolerance must be in (0, 1), got " + tol);
    }
    return new FeOls(vcov, ssc, weights, clusters, singletons, demeaner, tol, strict, lean);
  }

  /**
   * @return a new estimator that throws {@link org.econ4j.core.ConvergenceException} when the
   *     demeaning does not converge (instead of a note)
   */
  public FeOls strict() {
    return new FeOls(vcov, ssc, weights, clusters, singletons, demeaner, collinTol, true, lean);
  }

  /**
   * @return a new estimator whose results keep no inference data (less memory; {@link
   *     RegressionResult#withVcov} then throws)
   */
  public FeOls lean() {
    return new FeOls(vcov, ssc, weights, clusters, singletons, demeaner, collinTol, strict, true);
  }

  /**
   * @return the covariance type
   */
  public Vcov vcov() {
    return vcov;
  }

  /**
   * @return the small-sample correction
   */
  public SmallSampleCorrection ssc() {
    return ssc;
  }

  /**
   * @return the weights column, if any
   */
  public Optional<String> weights() {
    return Optional.ofNullable(weights);
  }

  /**
   * @return the extra cluster columns
   */
  public List<String> clusters() {
    return clusters;
  }

  /**
   * @return whether singletons are removed
   */
  public boolean singletonRemoval() {
    return singletons;
  }

  /**
   * @return the demeaning configuration
   */
  public Demeaner demeaner() {
    return demeaner;
  }

  /**
   * @return the collinearity tolerance
   */
  public double collinearityTolerance() {
    return collinTol;
  }

  /**
   * @return whether non-convergence is an exception
   */
  public boolean isStrict() {
    return strict;
  }

  /**
   * @return whether results keep no inference data
   */
  public boolean isLean() {
    return lean;
  }

  @Override
  public String toString() {
    return "FeOls" + provenance().options();
  }

  @Override
  public RegressionResult fit(Formula formula, Panel panel) {
    return estimate(formula, panel).result();
  }

  /**
   * Fits the model and keeps fitted values, residuals, fixed-effect coefficients and prediction.
   *
   * @param formula the formula
   * @param panel the data
   * @return the detailed result
   * @throws SpecificationException for bad specifications or data (messages name the problem)
   * @throws org.econ4j.core.ConvergenceException when strict and the demeaning did not converge
   */
  public FeOlsResult estimate(Formula formula, Panel panel) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    Set<String> clusterCols = new LinkedHashSet<>(clusters);
    if (vcov instanceof Vcov.Cluster) {
      clusterCols.addAll(((Vcov.Cluster) vcov).variables());
    }
    BindOptions opts = BindOptions.defaults();
    if (weights != null) {
      opts = opts.withWeights(weights);
    }
    for (org.econ4j.panel.formula.FixedEffect f : formula.fixedEffects()) {
      if (f.slopes().isEmpty() && f.variables().size() > 1) {
        clusterCols.remove(f.name()); // a combined FE such as a^b serves as its own cluster
      }
    }
    if (!clusterCols.isEmpty()) {
      for (String c : clusterCols) {
        if (!panel.hasColumn(c)) {
          throw new SpecificationException(
              "unknown cluster column '"
                  + c
                  + "' in vcov '"
                  + vcov.spec()
                  + "'; known columns: "
                  + String.join(", ", panel.columnNames()));
        }
      }
      opts = opts.withClusters(new ArrayList<>(clusterCols));
    }
    ModelFrame frame = formula.bind(panel, opts);
    Work wk = new Work(frame, weights == null ? "" : weights);
    List<Note> notes = new ArrayList<>(frame.notes());
    if (wk.w != null) {
      dropZeroWeights(wk, notes);
    }
    FixedEffects fe = null;
    if (!frame.fixedEffects().isEmpty()) {
      fe = buildFixedEffects(wk, frame);
      if (singletons) {
        SingletonRemoval sr = fe.removeSingletons();
        if (sr.removed() > 0) {
          notes.addAll(sr.notes());
          wk.keep(sr.kept());
          fe = sr.fixedEffects();
        }
      }
    }
    return FeOlsFitter.fit(this, formula, panel, frame, wk, fe, notes);
  }

  private static void dropZeroWeights(Work wk, List<Note> notes) {
    double[] w = wk.w;
    int zeros = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] < 0) {
        int neg = 0;
        for (double v : w) {
          if (v < 0) {
            neg++;
          }
        }
        throw new SpecificationException(
            "weights '"
                + wk.weightsName
                + "' have "
                + neg
                + " negative "
                + (neg == 1 ? "value" : "values")
                + " (e.g. "
                + Panel.numberLabel(w[i])
                + " in row "
                + (wk.rows[i] + 1)
                + "); weights must be >= 0");
      }
      if (w[i] == 0) {
        zeros++;
      }
    }
    if (zeros == w.length) {
      throw new SpecificationException(
          "weights '"
              + wk.weightsName
              + "' are zero in all "
              + w.length
              + " rows; at least one positive weight is needed");
    }
    if (zeros > 0) {
      boolean[] keep = new boolean[w.length];
      for (int i = 0; i < w.length; i++) {
        keep[i] = w[i] != 0;
      }
      notes.add(
          Note.of(
              Note.Kind.ZERO_WEIGHT,
              zeros,
              zeros
                  + (zeros == 1 ? " observation" : " observations")
                  + " with zero weight removed (weights '"
                  + wk.weightsName
                  + "')",
              List.of(wk.weightsName)));
      wk.keep(keep);
    }
  }

  private static FixedEffects buildFixedEffects(Work wk, ModelFrame frame) {
    List<GroupCodes> gc = frame.fixedEffects();
    FixedEffects fe = null;
    for (int d = 0; d < gc.size(); d++) {
      String name = gc.get(d).name();
      fe = Shared.withDimension(fe, name, wk.fe[d]);
    }
    List<VaryingSlope> slopes = frame.slopes();
    for (int s = 0; s < slopes.size(); s++) {
      VaryingSlope vs = slopes.get(s);
      fe =
          fe.withSlopeOnly(
              vs.fixedEffectName(), wk.fe[vs.fixedEffectIndex()], vs.variable(), wk.slopes[s]);
    }
    return fe;
  }

  Provenance provenance() {
    Provenance p =
        Provenance.of("FeOls")
            .withOption("vcov", vcov.spec())
            .withOption("ssc", ssc.name())
            .withOption("singletonRemoval", Boolean.toString(singletons))
            .withOption("collinTol", Double.toString(collinTol))
            .withOption("fixefTol", Double.toString(demeaner.tolerance()))
            .withOption("fixefIter", Integer.toString(demeaner.maxIterations()));
    if (weights != null) {
      p = p.withOption("weights", weights);
    }
    return p;
  }

  boolean strictFlag() {
    return strict;
  }

  boolean leanFlag() {
    return lean;
  }

  double collinTolValue() {
    return collinTol;
  }

  /** Row-aligned arrays of a fit, subset as rows are removed. */
  static final class Work {
    double[] y;
    double[][] x;
    double[] w;
    int[] rows;
    int[][] fe;
    int[][] cl;
    double[][] slopes;
    final String weightsName;

    Work(ModelFrame frame, String weightsName) {
      // shared with the frame (and possibly the panel): never modified, only replaced by keep()
      y = Shared.response(frame);
      x = Shared.columns(frame);
      w = Shared.weights(frame);
      rows = Shared.keptRows(frame);
      List<GroupCodes> f = frame.fixedEffects();
      fe = new int[f.size()][];
      for (int d = 0; d < fe.length; d++) {
        fe[d] = Shared.codes(f.get(d));
      }
      List<GroupCodes> c = frame.clusters();
      cl = new int[c.size()][];
      for (int d = 0; d < cl.length; d++) {
        cl[d] = Shared.codes(c.get(d));
      }
      List<VaryingSlope> s = frame.slopes();
      slopes = new double[s.size()][];
      for (int d = 0; d < slopes.length; d++) {
        slopes[d] = s.get(d).values();
      }
      this.weightsName = weightsName;
    }

    int n() {
      return y.length;
    }

    void keep(boolean[] k) {
      int m = 0;
      for (boolean b : k) {
        if (b) {
          m++;
        }
      }
      y = sub(y, k, m);
      for (int j = 0; j < x.length; j++) {
        x[j] = sub(x[j], k, m);
      }
      if (w != null) {
        w = sub(w, k, m);
      }
      rows = sub(rows, k, m);
      for (int d = 0; d < fe.length; d++) {
        fe[d] = sub(fe[d], k, m);
      }
      for (int d = 0; d < cl.length; d++) {
        cl[d] = sub(cl[d], k, m);
      }
      for (int d = 0; d < slopes.length; d++) {
        slopes[d] = sub(slopes[d], k, m);
      }
    }

    static double[] sub(double[] a, boolean[] k, int m) {
      double[] o = new double[m];
      int p = 0;
      for (int i = 0; i < a.length; i++) {
        if (k[i]) {
          o[p++] = a[i];
        }
      }
      return o;
    }

    static int[] sub(int[] a, boolean[] k, int m) {
      int[] o = new int[m];
      int p = 0;
      for (int i = 0; i < a.length; i++) {
        if (k[i]) {
          o[p++] = a[i];
        }
      }
      return o;
    }
  }

  static double fPValue(double f, double df1, double df2) {
    return Distributions.fUpper(f, df1, df2);
  }

  /**
   * The demeaning's convergence: the most iterations of any column and, as the last change, the
   * largest over the columns of the demeaner's stopping criterion (see {@link
   * DemeanResult#lastChange(int)}), so that converged implies lastChange &le; tolerance.
   */
  static Convergence convergenceOf(DemeanResult r, double tol) {
    int it = r.maxIterations();
    double last = 0;
    for (int j = 0; j < r.columnCount(); j++) {
      double v = r.lastChange(j);
      if (v > last) {
        last = v; // NaN (a column that needed no iteration) is skipped
      }
    }
    return new Convergence(r.converged(), it, tol, last);
  }
}
