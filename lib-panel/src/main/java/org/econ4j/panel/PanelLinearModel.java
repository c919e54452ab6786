package org.econ4j.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.Provenance;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Distributions;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.panel.formula.BindOptions;
import org.econ4j.panel.formula.FixedEffect;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;

/**
 * The classic linear panel estimators of plm and Stata {@code xtreg}, for a panel with an index
 * (unit i, time t) and the model y<sub>it</sub> = &alpha; + x<sub>it</sub>'&beta; + u<sub>i</sub> +
 * &epsilon;<sub>it</sub>:
 *
 * <ul>
 *   <li>{@link #pooling()}: OLS of y on [1 X] ignoring u<sub>i</sub> (plm {@code "pooling"}).
 *   <li>{@link #within()}: OLS on unit-demeaned data, u<sub>i</sub> as fixed effects (plm {@code
 *       "within"}, {@code xtreg, fe}); delegates to {@link FeOls} without singleton removal.
 *   <li>{@link #between()}: OLS of the unit means y&#772;<sub>i</sub> on [1 x&#772;<sub>i</sub>],
 *       one observation per unit (plm {@code "between"}, {@code xtreg, be}).
 *   <li>{@link #firstDifference()}: OLS of &Delta;y<sub>it</sub> on [1 &Delta;x<sub>it</sub>],
 *       differences between consecutive observations of a unit in time order (plm {@code "fd"},
 *       which keeps an intercept).
 *   <li>{@link #random()}: Swamy&ndash;Arora (1972) feasible GLS with individual random effects
 *       (plm {@code "random"}, {@code random.method = "swar"}, {@code xtreg, re}). Balanced panel
 *       with T periods: &sigma;&sup2;<sub>&epsilon;</sub> = RSS<sub>within</sub>/(n &minus; G
 *       &minus; k<sub>w</sub>), &sigma;&sup2;<sub>1</sub> = T&middot;RSS<sub>between</sub>/(G
 *       &minus; k<sub>b</sub>), &sigma;&sup2;<sub>u</sub> = max(0, (&sigma;&sup2;<sub>1</sub>
 *       &minus; &sigma;&sup2;<sub>&epsilon;</sub>)/T). In general (Baltagi &amp; Chang 1994, which
 *       reduces to the above when balanced) &sigma;&sup2;<sub>u</sub> = (&Sigma;
 *       T<sub>i</sub>&ucirc;<sub> i</sub>&sup2; &minus; (G &minus;
 *       k<sub>b</sub>)&sigma;&sup2;<sub>&epsilon;</sub>) / (n &minus; &Sigma; T<sub>i</sub>&sup2;
 *       x&#772;<sub>i</sub>'A<sup>&minus;1</sup>x&#772;<sub> i</sub>), &ucirc; the residuals of the
 *       between regression weighted by T<sub>i</sub>, A = &Sigma;
 *       T<sub>i</sub>x&#772;<sub>i</sub>x&#772;<sub>i</sub>'. Then &theta;<sub>i</sub> = 1 &minus;
 *       &radic;(&sigma;&sup2;<sub>&epsilon;</sub>/(T<sub>i</sub>&sigma;&sup2;<sub>u</sub> +
 *       &sigma;&sup2;<sub>&epsilon;</sub>)) and OLS of y<sub>it</sub> &minus;
 *       &theta;<sub>i</sub>y&#772;<sub>i</sub> on the same transform of [1 X]. Only balanced panels
 *       are pinned by reference tests. &theta; is reported as the fit statistic {@code theta} (for
 *       an unbalanced panel the value at T = n/G) and in the provenance options {@code theta,
 *       sigma2Idios, sigma2Id}.
 * </ul>
 *
 * <p>Defaults: vcov iid; small-sample correction {@link SmallSampleCorrection#plm()} (iid s&sup2; =
 * RSS/(n &minus; k &minus; F), robust and clustered matrices without factors, as plm's {@code
 * vcovHC}); the unit column of the index is always available as a cluster variable ({@code
 * Vcov.cluster("firm")} is plm's {@code vcovHC(method = "arellano", cluster = "group")}). Fit
 * statistics: R&sup2; and adjusted R&sup2; of the (transformed) regression, F-test of all slopes
 * (provenance options {@code fStat, fDf1, fDf2, fPValue}) and its &chi;&sup2; form {@code waldChi2}
 * = F&middot;df1 (what plm's summary reports for random effects).
 *
 * <p>Immutable and thread-safe. Pinned by {@code PanelLinearModelReferenceTest} (plm 2.6-2 on
 * Grunfeld) and {@code PanelLinearModelTest}.
 *
 * <h2>References</h2>
 *
 * Swamy, P.A.V.B. and Arora, S.S. (1972). The exact finite sample properties of the estimators of
 * coefficients in the error components regression models. Econometrica 40(2), 261-275. Baltagi,
 * B.H. (2021). Econometric Analysis of Panel Data, 6th ed., Springer, ch. 2. Wooldridge, J.M.
 * (2010). Econometric Analysis of Cross Section and Panel Data, 2nd ed., MIT Press, ch. 10.
 * Baltagi, B.H. and Chang, Y.J. (1994). Incomplete panels: a comparative study of alternative
 * estimators for the unbalanced one-way error component regression model. Journal of Econometrics
 * 62(2), 67-89.
 */
public final class PanelLinearModel implements FeEstimator {

  /** The estimator. */
  public enum Kind {
    /** Pooled OLS. */
    POOLING("pooling"),
    /** Within (fixed effects). */
    WITHIN("within"),
    /** Between (unit means). */
    BETWEEN("between"),
    /** First differences. */
    FIRST_DIFFERENCE("fd"),
    /** Random effects (Swamy&ndash;Arora). */
    RANDOM("random");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * @return plm's name of the model ({@code pooling, within, between, fd, random})
     */
    public String label() {
      return label;
    }
  }

  private final Kind kind;
  private final Vcov vcov;
  private final SmallSampleCorrection ssc;
  private final boolean lean;

  private PanelLinearModel(Kind kind, Vcov vcov, SmallSampleCorrection ssc, boolean lean) {
    this.kind = kind;
    this.vcov = vcov;
    this.ssc = ssc;
    this.lean = lean;
  }

  /**
   * @return pooled OLS
   */
  public static PanelLinearModel pooling() {
    return of(Kind.POOLING);
  }

  /**
   * @return the within (fixed-effects) estimator
   */
  public static PanelLinearModel within() {
    return of(Kind.WITHIN);
  }

  /**
   * @return the between estimator
   */
  public static PanelLinearModel between() {
    return of(Kind.BETWEEN);
  }

  /**
   * @return the first-difference estimator
   */
  public static PanelLinearModel firstDifference() {
    return of(Kind.FIRST_DIFFERENCE);
  }

  /**
   * @return the Swamy&ndash;Arora random-effects estimator
   */
  public static PanelLinearModel random() {
    return of(Kind.RANDOM);
  }

  /**
   * @param kind the estimator
   * @return it with default options
   */
  public static PanelLinearModel of(Kind kind) {
    return new PanelLinearModel(
        Objects.requireNonNull(kind, "kind"), Vcov.iid(), SmallSampleCorrection.plm(), false);
  }

  /**
   * @param v covariance type (cluster columns are bound with the formula; the index unit column is
   *     always available)
   * @return a new estimator
   */
  public PanelLinearModel withVcov(Vcov v) {
    return new PanelLinearModel(kind, Objects.requireNonNull(v, "vcov"), ssc, lean);
  }

  /**
   * @param correction small-sample correction (default {@link SmallSampleCorrection#plm()})
   * @return a new estimator
   */
  public PanelLinearModel withSsc(SmallSampleCorrection correction) {
    return new PanelLinearModel(kind, vcov, Objects.requireNonNull(correction, "ssc"), lean);
  }

  /**
   * @return a new estimator whose results keep no inference data
   */
  public PanelLinearModel lean() {
    return new PanelLinearModel(kind, vcov, ssc, true);
  }

  /**
   * @return the estimator kind
   */
  public Kind kind() {
    return kind;
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

  @Override
  public String toString() {
    return "PanelLinearModel["
        + kind.label()
        + ", vcov="
        + vcov.spec()
        + ", ssc="
        + ssc.name()
        + "]";
  }

  /**
   * {@inheritDoc}
   *
   * @throws SpecificationException if the panel has no index, the formula has fixed effects, or the
   *     data do not fit the model
   */
  @Override
  public RegressionResult fit(Formula formula, Panel panel) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    PanelIndex idx = panel.requireIndex(kind.label() + " panel model");
    if (!formula.fixedEffects().isEmpty()) {
      throw new SpecificationException(
          "formula '"
              + formula.source()
              + "' has fixed effects, but the "
              + kind.label()
              + " model takes the unit effect from the panel index ('"
              + idx.unitColumn()
              + "'); remove the '| ...' part or use FeOls");
    }
    if (kind == Kind.WITHIN) {
      FeOls fe = FeOls.defaults().withVcov(vcov).withSsc(ssc).withSingletonRemoval(false);
      if (lean) {
        fe = fe.lean();
      }
      return fe.fit(formula.withFixedEffects(List.of(FixedEffect.of(idx.unitColumn()))), panel);
    }
    Prepared p = prepare(formula, panel, idx, vcov);
    return p.solve(kind, vcov, ssc, lean);
  }

  /** Binds and transforms; package-private for {@link HausmanTest}. */
  static Prepared prepare(Formula formula, Panel panel, PanelIndex idx, Vcov vcov) {
    Set<String> clusterCols = new LinkedHashSet<>();
    if (vcov instanceof Vcov.Cluster) {
      for (String c : ((Vcov.Cluster) vcov).variables()) {
        if (!c.equals(idx.unitColumn())) {
          if (!panel.hasColumn(c)) {
            throw new SpecificationException(
                "unknown cluster column '"
                    + c
                    + "' in vcov '"
                    + vcov.spec()
                    + "'; known columns: "
                    + String.join(", ", panel.columnNames()));
          }
          clusterCols.add(c);
        }
      }
    }
    BindOptions opts = BindOptions.defaults();
    if (!clusterCols.isEmpty()) {
      opts = opts.withClusters(new ArrayList<>(clusterCols));
    }
    ModelFrame frame = formula.bind(panel, opts);
    return new Prepared(formula, frame, idx);
  }

  /** A bound frame with unit and time codes over its rows. */
  static final class Prepared {
    final Formula formula;
    final ModelFrame frame;
    final PanelIndex idx;
    final int n;
    final int g;
    final int[] unit;
    final long[] time;
    final int[] count;
    final double[] y;
    final double[][] x;
    final List<String> names;
    final int icpt;

    Prepared(Formula formula, ModelFrame frame, PanelIndex idx) {
      this.formula = formula;
      this.frame = frame;
      this.idx = idx;
      int[] rows = frame.keptRows();
      n = rows.length;
      int[] uc = idx.unitCodes();
      long[] tt = idx.times();
      int[] map = new int[idx.unitCount()];
      Arrays.fill(map, -1);
      unit = new int[n];
      time = new long[n];
      int gg = 0;
      for (int i = 0; i < n; i++) {
        int u = uc[rows[i]];
        if (map[u] < 0) {
          map[u] = gg++;
        }
        unit[i] = map[u];
        time[i] = tt[rows[i]];
      }
      g = gg;
      count = new int[g];
      for (int i = 0; i < n; i++) {
        count[unit[i]]++;
      }
      y = frame.response();
      x = frame.columns();
      names = frame.columnNames();
      icpt = names.indexOf(ModelFrame.INTERCEPT);
      if (names.isEmpty()) {
        throw new SpecificationException(
            "formula '"
                + formula.source()
                + "' has no regressor to estimate; add at least one term on the right-hand side");
      }
    }

    double[] means(double[] v) {
      double[] m = new double[g];
      for (int i = 0; i < n; i++) {
        m[unit[i]] += v[i];
      }
      for (int u = 0; u < g; u++) {
        m[u] /= count[u];
      }
      return m;
    }

    /** Swamy&ndash;Arora variance components: {sigma2Idios, sigma2Id, tBar}. */
    double[] components() {
      List<double[]> wx = new ArrayList<>();
      for (int j = 0; j < x.length; j++) {
        if (j != icpt) {
          wx.add(demeaned(x[j]));
        }
      }
      if (wx.isEmpty()) {
        throw new SpecificationException(
            "formula '"
                + formula.source()
                + "' has no slope regressor; random effects need at least one");
      }
      LeastSquaresFit within =
          LeastSquares.defaults().fit(wx.toArray(new double[0][]), demeaned(y));
      double dfW = n - g - within.rank();
      double[][] bx = new double[x.length][];
      for (int j = 0; j < x.length; j++) {
        bx[j] = means(x[j]);
      }
      double[] tw = new double[g];
      for (int u = 0; u < g; u++) {
        tw[u] = count[u];
      }
      // between regression at the observation level (unit means weighted by T_i)
      LeastSquaresFit between = LeastSquares.defaults().fit(bx, means(y), tw);
      double dfB = g - between.rank();
      if (!(dfW > 0) || !(dfB > 0)) {
        throw new SpecificationException(
            String.format(
                Locale.ROOT,
                "random effects need positive degrees of freedom in the within (%s) and between"
                    + " (%s) regressions; %d observations of %d units are too few for %d"
                    + " regressors",
                Panel.numberLabel(dfW),
                Panel.numberLabel(dfB),
                n,
                g,
                x.length));
      }
      double s2e = within.rss() / dfW;
      double tBar = (double) n / g;
      // Baltagi & Chang (1994): tr[(X'PX)^-1 X'ZZ'X] = sum_i T_i^2 xbar_i' A^-1 xbar_i
      int[] kept = between.keptColumns();
      double[][] a = between.bread();
      double tr = 0;
      for (int u = 0; u < g; u++) {
        double q = 0;
        for (int r = 0; r < kept.length; r++) {
          double row = 0;
          for (int c = 0; c < kept.length; c++) {
            row += a[r][c] * bx[kept[c]][u];
          }
          q += bx[kept[r]][u] * row;
        }
        tr += tw[u] * tw[u] * q;
      }
      double s2u = Math.max(0, (between.rss() - dfB * s2e) / (n - tr));
      return new double[] {s2e, s2u, tBar};
    }

    double[] demeaned(double[] v) {
      double[] m = means(v);
      double[] o = new double[n];
      for (int i = 0; i < n; i++) {
        o[i] = v[i] - m[unit[i]];
      }
      return o;
    }

    /** Quasi-demeaned column v &minus; &theta;<sub>i</sub> v&#772;<sub>i</sub>. */
    double[] quasi(double[] v, double[] theta) {
      double[] m = means(v);
      double[] o = new double[n];
      for (int i = 0; i < n; i++) {
        o[i] = v[i] - theta[unit[i]] * m[unit[i]];
      }
      return o;
    }

    double[] thetas(double[] comp) {
      double[] th = new double[g];
      for (int u = 0; u < g; u++) {
        th[u] = 1 - Math.sqrt(comp[0] / (count[u] * comp[1] + comp[0]));
      }
      return th;
    }

    RegressionResult solve(Kind kind, Vcov vcov, SmallSampleCorrection ssc, boolean lean) {
      List<Note> notes = new ArrayList<>(frame.notes());
      double[] ty;
      double[][] tx;
      int m;
      int[] obsUnit;
      long[] obsTime;
      int[] obsRow;
      Provenance prov = Provenance.of("PanelLinearModel").withOption("model", kind.label());
      FitStats stats = FitStats.empty();
      switch (kind) {
        case BETWEEN:
          {
            ty = means(y);
            tx = new double[x.length][];
            for (int j = 0; j < x.length; j++) {
              tx[j] = means(x[j]);
            }
            m = g;
            obsUnit = new int[g];
            for (int u = 0; u < g; u++) {
              obsUnit[u] = u;
            }
            obsTime = null;
            obsRow = null;
            break;
          }
        case FIRST_DIFFERENCE:
          {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
              order[i] = i;
            }
            Arrays.sort(
                order,
                (a, b) ->
                    unit[a] != unit[b]
                        ? Integer.compare(unit[a], unit[b])
                        : Long.compare(time[a], time[b]));
            int pairs = 0;
            for (int q = 1; q < n; q++) {
              if (unit[order[q]] == unit[order[q - 1]]) {
                pairs++;
              }
            }
            ty = new double[pairs];
            tx = new double[x.length][pairs];
            obsUnit = new int[pairs];
            obsTime = new long[pairs];
            obsRow = new int[pairs];
            int p = 0;
            for (int q = 1; q < n; q++) {
              int a = order[q];
              int b = order[q - 1];
              if (unit[a] != unit[b]) {
                continue;
              }
              ty[p] = y[a] - y[b];
              for (int j = 0; j < x.length; j++) {
                tx[j][p] = j == icpt ? 1 : x[j][a] - x[j][b];
              }
              obsUnit[p] = unit[a];
              obsTime[p] = time[a];
              obsRow[p] = a;
              p++;
            }
            m = pairs;
            if (n - pairs > 0) {
              notes.add(
                  Note.of(
                      Note.Kind.INFO,
                      n - pairs,
                      (n - pairs)
                          + " first observations of their unit have no previous period and"
                          + " give no difference",
                      List.of(idx.unitColumn())));
            }
            break;
          }
        case RANDOM:
          {
            double[] comp = components();
            double[] th = thetas(comp);
            ty = quasi(y, th);
            tx = new double[x.length][];
            for (int j = 0; j < x.length; j++) {
              tx[j] = quasi(x[j], th);
            }
            m = n;
            obsUnit = unit;
            obsTime = time;
            obsRow = null;
            double theta = 1 - Math.sqrt(comp[0] / (comp[2] * comp[1] + comp[0]));
            stats = stats.withTheta(theta);
            prov =
                prov.withOption("theta", Double.toString(theta))
                    .withOption("sigma2Idios", Double.toString(comp[0]))
                    .withOption("sigma2Id", Double.toString(comp[1]))
                    .withOption("randomMethod", "swar");
            if (comp[1] == 0) {
              notes.add(
                  Note.of(
                      Note.Kind.INFO,
                      0,
                      "the estimated variance of the unit effects is negative; it was set to 0"
                          + " (theta = 0: random effects equal pooled OLS)"));
            }
            break;
          }
        case POOLING:
        default:
          ty = y;
          tx = x;
          m = n;
          obsUnit = unit;
          obsTime = time;
          obsRow = null;
          break;
      }
      if (m <= x.length) {
        throw new SpecificationException(
            String.format(
                Locale.ROOT,
                "fewer observations than parameters in the %s model of formula '%s': %d"
                    + " observations for %d coefficients; use more data or fewer regressors",
                kind.label(),
                formula.source(),
                m,
                x.length));
      }
      LeastSquaresFit ls = LeastSquares.defaults().fit(tx, ty);
      int[] kept = ls.keptColumns();
      int k = kept.length;
      List<String> keptNames = new ArrayList<>();
      double[] beta = ls.keptCoefficients();
      double[][] xk = new double[k][];
      for (int a = 0; a < k; a++) {
        keptNames.add(names.get(kept[a]));
        xk[a] = tx[kept[a]];
      }
      List<DroppedTerm> dropped = new ArrayList<>();
      for (int c : ls.droppedColumns()) {
        List<String> partners = new ArrayList<>();
        for (int q : ls.collinearWith(c)) {
          partners.add(names.get(q));
        }
        dropped.add(new DroppedTerm(names.get(c), DroppedTerm.Reason.COLLINEAR, partners));
        notes.add(
            Note.of(
                Note.Kind.COLLINEAR,
                1,
                names.get(c)
                    + " is collinear with "
                    + (partners.isEmpty() ? "the other regressors" : String.join(", ", partners)),
                List.of(names.get(c))));
      }
      double[] e = ls.residuals();
      double rss = ls.rss();
      double[][] scores = new double[k][m];
      for (int a = 0; a < k; a++) {
        for (int i = 0; i < m; i++) {
          scores[a][i] = xk[a][i] * e[i];
        }
      }
      InferenceData.Builder ib =
          InferenceData.builder(ls.bread(), scores, m).iidScale(rss / (m - 1.0));
      ib.leverage(InferenceData.leverages(ls, tx));
      ib.cluster(idx.unitColumn(), obsUnit.clone());
      if (obsTime != null) {
        long minT = Long.MAX_VALUE;
        for (long t : obsTime) {
          minT = Math.min(minT, t);
        }
        long step = Math.max(1, idx.step());
        int[] t = new int[m];
        for (int i = 0; i < m; i++) {
          t[i] = (int) ((obsTime[i] - minT) / step);
        }
        ib.time(t).unit(obsUnit.clone());
      }
      List<GroupCodes> cg = frame.clusters();
      for (GroupCodes c : cg) {
        if (kind == Kind.BETWEEN) {
          continue;
        }
        int[] codes = c.codes();
        if (obsRow != null) {
          int[] sub = new int[m];
          for (int i = 0; i < m; i++) {
            sub[i] = codes[obsRow[i]];
          }
          codes = sub;
        }
        ib.cluster(c.name(), codes);
      }
      double mean = 0;
      for (int i = 0; i < m; i++) {
        mean += ty[i];
      }
      mean /= m;
      double tss = 0;
      for (int i = 0; i < m; i++) {
        tss += (ty[i] - mean) * (ty[i] - mean);
      }
      boolean hasIcpt = keptNames.contains(ModelFrame.INTERCEPT);
      int slopes = hasIcpt ? k - 1 : k;
      if (tss > 0) {
        double r2 = 1 - rss / tss;
        stats = stats.withR2(r2).withAdjR2(1 - (1 - r2) * (m - 1.0) / (m - k));
        if (slopes > 0) {
          double f = (r2 / slopes) / ((1 - r2) / (m - k));
          prov =
              prov.withOption("fStat", Double.toString(f))
                  .withOption("fDf1", Integer.toString(slopes))
                  .withOption("fDf2", Integer.toString(m - k))
                  .withOption("waldChi2", Double.toString(f * slopes))
                  .withOption("fPValue", Double.toString(Distributions.fUpper(f, slopes, m - k)));
        }
      }
      stats =
          stats
              .withRmse(Math.sqrt(rss / m))
              .withLogLik(-0.5 * m * (Math.log(2 * Math.PI) + 1 + Math.log(rss / m)));
      return RegressionResult.builder("ols", formula.source())
          .dependentVariable(frame.responseName())
          .coefficients(keptNames, beta)
          .dropped(dropped)
          .termOrder(names)
          .inferenceData(ib.build())
          .keepInferenceData(!lean)
          .vcov(vcov, ssc)
          .nobs(m)
          .nobsOriginal(frame.nobsOriginal())
          .dof(m - k)
          .fitStats(stats)
          .notes(notes)
          .provenance(prov)
          .build();
    }
  }
}
