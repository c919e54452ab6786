package org.econ4j.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.econ4j.core.Convergence;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.Provenance;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.econ4j.panel.fe.DemeanResult;
import org.econ4j.panel.fe.Demeaner;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;

/** Steps 3&ndash;6 of {@link FeOls#estimate}: demeaning, rank rules, solve, inference, stats. */
final class FeOlsFitter {
  private FeOlsFitter() {}

  static FeOlsResult fit(
      FeOls cfg,
      Formula formula,
      Panel panel,
      ModelFrame frame,
      FeOls.Work wk,
      FixedEffects fe,
      List<Note> notes) {
    int n = wk.n();
    List<String> names = frame.columnNames();
    int p = names.size();
    double[] y = wk.y;
    double[][] x = wk.x;
    double[] w = wk.w;
    String src = formula.source();
    if (p == 0 && fe == null) {
      throw new SpecificationException(
          "formula '"
              + src
              + "' has no regressor and no fixed effect to estimate; add a term, an intercept"
              + " (y ~ 1) or fixed effects (y ~ 1 | fe) on the right-hand side");
    }
    double sumW = 0;
    double ySum = 0;
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      sumW += wi;
      ySum += wi * y[i];
    }
    double yBar = ySum / sumW;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double d = y[i] - yBar;
      tss += (w == null ? 1 : w[i]) * d * d;
    }
    if (!(tss > 0)) {
      throw new SpecificationException(
          "outcome '"
              + frame.responseName()
              + "' has no variation: all "
              + n
              + " values used equal "
              + Panel.numberLabel(y[0])
              + "; a constant outcome cannot be modelled, check the data or the subset");
    }
    double[] ref = new double[p];
    for (int j = 0; j < p; j++) {
      double[] xj = x[j];
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += (w == null ? 1 : w[i]) * xj[i];
      }
      double m = s / sumW;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = xj[i] - m;
        ss += (w == null ? 1 : w[i]) * d * d;
      }
      ref[j] = Math.sqrt(ss);
    }
    int fDof = 0;
    double[] yd = y;
    double[][] xd = x;
    Convergence conv = Convergence.closedForm();
    double tol = cfg.collinTolValue();
    if (fe != null) {
      fDof = fe.degreesOfFreedom().absorbed();
      if (n < p + fDof) {
        throw fewer(src, n, p, fDof);
      }
      Demeaner dm = cfg.demeaner();
      if (cfg.strictFlag()) {
        dm = dm.withStrict(true);
      }
      double[][] cols = new double[p + 1][];
      cols[0] = y;
      System.arraycopy(x, 0, cols, 1, p);
      DemeanResult dr = w == null ? dm.demean(fe, cols) : dm.demean(fe, cols, w);
      notes.addAll(dr.notes());
      double[][] all = dr.columns();
      yd = all[0];
      xd = new double[p][];
      System.arraycopy(all, 1, xd, 0, p);
      conv = FeOls.convergenceOf(dr, dm.tolerance());
      tol = Math.max(tol, FeOls.ABSORPTION_FACTOR * dm.tolerance());
      double ssYd = 0;
      for (int i = 0; i < n; i++) {
        ssYd += (w == null ? 1 : w[i]) * yd[i] * yd[i];
      }
      if (Math.sqrt(ssYd) <= cfg.collinTolValue() * Math.sqrt(tss)) {
        throw new SpecificationException(
            "outcome '"
                + frame.responseName()
                + "' is fully explained by the fixed effects '"
                + String.join("', '", fe.labels())
                + "' in formula '"
                + src
                + "' (no variation left within them); nothing is left to model, check the"
                + " outcome or remove fixed effects");
      }
    } else if (n < p) {
      throw fewer(src, n, p, 0);
    }
    // absorbed columns
    List<DroppedTerm> dropped = new ArrayList<>();
    boolean[] isDropped = new boolean[p];
    List<Integer> cand = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (fe != null) {
        double ss = 0;
        double[] xj = xd[j];
        for (int i = 0; i < n; i++) {
          ss += (w == null ? 1 : w[i]) * xj[i] * xj[i];
        }
        if (ref[j] == 0 || Math.sqrt(ss) <= tol * ref[j]) {
          isDropped[j] = true;
          List<String> by = absorbers(fe, x[j], w, ref[j], tol);
          dropped.add(new DroppedTerm(names.get(j), DroppedTerm.Reason.ABSORBED, by));
          notes.add(
              Note.of(
                  Note.Kind.ABSORBED,
                  1,
                  names.get(j)
                      + " is absorbed by the fixed "
                      + (by.size() == 1 ? "effect '" : "effects '")
                      + String.join("', '", by)
                      + "'",
                  List.of(names.get(j))));
          continue;
        }
      }
      cand.add(j);
    }
    if (cand.isEmpty() && p > 0) {
      throw allDropped(src, dropped);
    }
    double[][] xc = new double[cand.size()][];
    double[] refc = new double[cand.size()];
    for (int c = 0; c < xc.length; c++) {
      xc[c] = xd[cand.get(c)];
      refc[c] = ref[cand.get(c)];
    }
    LeastSquaresFit ls =
        LeastSquares.defaults().withTolerance(tol).fit(xc, yd, w, fe == null ? null : refc);
    int[] keptIdx = ls.keptColumns();
    for (int c : ls.droppedColumns()) {
      int j = cand.get(c);
      isDropped[j] = true;
      List<String> partners = new ArrayList<>();
      for (int q : ls.collinearWith(c)) {
        partners.add(names.get(cand.get(q)));
      }
      dropped.add(new DroppedTerm(names.get(j), DroppedTerm.Reason.COLLINEAR, partners));
      String with =
          partners.isEmpty()
              ? (fe == null
                  ? "the other regressors (it is zero)"
                  : "the other regressors and the fixed effects")
              : String.join(", ", partners);
      notes.add(
          Note.of(
              Note.Kind.COLLINEAR,
              1,
              names.get(j) + " is collinear with " + with,
              List.of(names.get(j))));
    }
    // keep design order in dropped list
    dropped.sort((a, b) -> Integer.compare(names.indexOf(a.term()), names.indexOf(b.term())));
    int k = keptIdx.length;
    if (k == 0 && p > 0) {
      throw allDropped(src, dropped);
    }
    int bigK = k + fDof;
    if (n <= bigK) {
      throw new SpecificationException(
          String.format(
              Locale.ROOT,
              "formula '%s' leaves no residual degrees of freedom: %d observations for %d"
                  + " parameters (%d coefficients + %d fixed-effect parameters); more"
                  + " observations than parameters are needed",
              src,
              n,
              bigK,
              k,
              fDof));
    }
    double[] bAll = ls.coefficients();
    List<String> keptNames = new ArrayList<>(k);
    double[] beta = new double[k];
    double[][] xk = new double[k][];
    double[][] xkOrig = new double[k][];
    int[] keptCols = new int[k];
    for (int a = 0; a < k; a++) {
      int j = cand.get(keptIdx[a]);
      keptCols[a] = j;
      keptNames.add(names.get(j));
      beta[a] = bAll[keptIdx[a]];
      xk[a] = xd[j];
      xkOrig[a] = x[j];
    }
    double[] e = org.econ4j.core.internal.SharedFits.residuals(ls); // the fit is dropped after
    double rss = ls.rss();
    double[][] bread = ls.bread();
    // scores
    double[][] scores = new double[k][n];
    for (int a = 0; a < k; a++) {
      double[] s = scores[a];
      double[] xa = xk[a];
      for (int i = 0; i < n; i++) {
        s[i] = (w == null ? 1 : w[i]) * xa[i] * e[i];
      }
    }
    InferenceData.Builder ib = InferenceData.builder(bread, scores, n);
    ib.iidScale(rss / (n - 1.0)).fixefDof(fDof);
    if (fe != null) {
      for (int d = 0; d < fe.dimensions(); d++) {
        if (fe.hasIntercept(d)) {
          ib.fixedEffect(fe.label(d), fe.codes(d));
        }
      }
    }
    if (fe != null) {
      final FixedEffects feAll = fe;
      ib.fixefDofFunction(dims -> subsetDof(feAll, dims));
    }
    List<GroupCodes> cg = frame.clusters();
    for (int c = 0; c < cg.size(); c++) {
      ib.cluster(cg.get(c).name(), wk.cl[c]);
    }
    Optional<PanelIndex> idx = panel.index();
    if (idx.isPresent()) {
      int[] uc = idx.get().unitCodes();
      long[] tt = idx.get().times();
      long step = Math.max(1, idx.get().step());
      long minT = Long.MAX_VALUE;
      for (long t : tt) {
        minT = Math.min(minT, t);
      }
      int[] u = new int[n];
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        int r = wk.rows[i];
        u[i] = uc[r];
        t[i] = (int) ((tt[r] - minT) / step);
      }
      ib.unit(u).time(t);
    }
    Vcov vcov = cfg.vcov();
    boolean hcLev =
        vcov instanceof Vcov.Robust
            && (((Vcov.Robust) vcov).type() == Vcov.HcType.HC2
                || ((Vcov.Robust) vcov).type() == Vcov.HcType.HC3);
    double[][] xlev = fe == null ? xkOrig : xk;
    if (hcLev) {
      ib.leverage(FeLeverage.compute(fe, xlev, w, bread, vcov.spec()));
    } else if (!cfg.leanFlag()) {
      // computed on the first withVcov(hc2()/hc3()); captures fe, X~, w and the bread until then
      final FixedEffects feLev = fe;
      final double[] wLev = w;
      final double[][] breadLev = bread;
      ib.lazyLeverage(spec -> FeLeverage.compute(feLev, xlev, wLev, breadLev, spec));
    }
    InferenceData data = ib.build();
    // fit statistics
    double r2 = 1 - rss / tss;
    FitStats stats =
        FitStats.empty()
            .withR2(r2)
            .withAdjR2(1 - (1 - r2) * (n - 1.0) / (n - bigK))
            .withRmse(Math.sqrt(rss / n));
    double sumLogW = 0;
    if (w != null) {
      for (int i = 0; i < n; i++) {
        sumLogW += Math.log(w[i]);
      }
    }
    double logLik = 0.5 * (sumLogW - n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)));
    stats = stats.withLogLik(logLik);
    double r2Star = r2;
    if (fe != null) {
      double tssW = 0;
      for (int i = 0; i < n; i++) {
        tssW += (w == null ? 1 : w[i]) * yd[i] * yd[i];
      }
      double wr2 = k == 0 ? 0 : 1 - rss / tssW; // FE-only: RSS = TSS_w by definition
      r2Star = wr2;
      stats =
          stats.withWithinR2(wr2).withWithinAdjR2(1 - (1 - wr2) * (n - fDof) / (n - (double) bigK));
    }
    int slopes = k;
    if (fe == null && frame.hasIntercept() && keptNames.contains(ModelFrame.INTERCEPT)) {
      slopes = k - 1;
    }
    FTest fTest = null;
    Provenance prov = cfg.provenance();
    if (slopes > 0) {
      double df2 = n - bigK;
      double f = (r2Star / slopes) / ((1 - r2Star) / df2);
      fTest = new FTest(f, slopes, df2, FeOls.fPValue(f, slopes, df2));
      prov =
          prov.withOption("fStat", Double.toString(f))
              .withOption("fDf1", Integer.toString(slopes))
              .withOption("fDf2", Double.toString(df2))
              .withOption("fPValue", Double.toString(fTest.pValue()));
    }
    if (fe != null) {
      prov =
          prov.withOption("fixefDof", Integer.toString(fDof))
              .withOption("fixefDofMethod", fe.degreesOfFreedom().method());
    }
    List<String> feNames = new ArrayList<>();
    if (fe != null) {
      feNames.addAll(fe.labels());
    }
    RegressionResult.Builder rb =
        RegressionResult.builder("ols", src)
            .dependentVariable(frame.responseName())
            .coefficients(keptNames, beta)
            .dropped(dropped)
            .termOrder(names)
            .inferenceData(data)
            .keepInferenceData(!cfg.leanFlag())
            .vcov(vcov, cfg.ssc())
            .nobs(n)
            .nobsOriginal(frame.nobsOriginal())
            .dof(n - bigK)
            .fitStats(stats)
            .notes(notes)
            .fixedEffects(feNames)
            .convergence(conv)
            .provenance(prov);
    RegressionResult result = rb.build();
    boolean[] mask = new boolean[panel.rows()];
    for (int r : wk.rows) {
      mask[r] = true;
    }
    List<List<String>> levelLabels = new ArrayList<>();
    if (fe != null) {
      List<GroupCodes> gc = frame.fixedEffects();
      for (int d = 0; d < fe.dimensions(); d++) {
        GroupCodes g = gc.get(indexOf(gc, fe.name(d)));
        levelLabels.add(new LevelLabels(g.levels(), fe.originalCodes(d)));
      }
    }
    return new FeOlsResult(
        result,
        formula,
        fe,
        levelLabels,
        y,
        e,
        xkOrig,
        w,
        mask,
        wk.rows,
        keptNames,
        beta,
        fTest,
        cfg.demeaner());
  }

  /** Exact identified parameters of a subset of the intercept dimensions taken alone. */
  static int subsetDof(FixedEffects fe, List<String> dims) {
    FixedEffects sub = null;
    for (int d = 0; d < fe.dimensions(); d++) {
      if (fe.hasIntercept(d) && dims.contains(fe.label(d))) {
        sub =
            sub == null
                ? FixedEffects.of(fe.label(d), fe.codes(d))
                : sub.withDimension(fe.label(d), fe.codes(d));
      }
    }
    return sub == null ? 0 : sub.degreesOfFreedom().absorbed();
  }

  private static int indexOf(List<GroupCodes> gc, String name) {
    for (int d = 0; d < gc.size(); d++) {
      if (gc.get(d).name().equals(name)) {
        return d;
      }
    }
    throw new IllegalStateException("fixed effect '" + name + "' not in the model frame");
  }

  private static SpecificationException fewer(String src, int n, int p, int f) {
    return new SpecificationException(
        String.format(
            Locale.ROOT,
            "fewer observations than parameters in formula '%s': %d observations for %d"
                + " parameters (%d regressors + %d fixed-effect parameters); use more data or"
                + " fewer regressors or fixed effects",
            src,
            n,
            p + f,
            p,
            f));
  }

  private static SpecificationException allDropped(String src, List<DroppedTerm> dropped) {
    List<String> parts = new ArrayList<>();
    for (DroppedTerm d : dropped) {
      parts.add(
          d.term()
              + (d.reason() == DroppedTerm.Reason.ABSORBED
                  ? " absorbed by '" + String.join("', '", d.with()) + "'"
                  : " collinear"));
    }
    return new SpecificationException(
        "every regressor in formula '"
            + src
            + "' is collinear or absorbed by the fixed effects ("
            + String.join("; ", parts)
            + "); nothing is left to estimate, remove those terms or fixed effects");
  }

  /** The single FE dimensions that absorb x on their own, or all labels if none does alone. */
  private static List<String> absorbers(
      FixedEffects fe, double[] x, double[] w, double ref, double tol) {
    List<String> out = new ArrayList<>();
    if (ref > 0) {
      int n = x.length;
      for (int d = 0; d < fe.dimensions(); d++) {
        if (!fe.hasIntercept(d)) {
          continue;
        }
        int[] c = fe.codes(d);
        int g = fe.levels(d);
        double[] sw = new double[g];
        double[] sx = new double[g];
        for (int i = 0; i < n; i++) {
          double wi = w == null ? 1 : w[i];
          sw[c[i]] += wi;
          sx[c[i]] += wi * x[i];
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
          double r = x[i] - sx[c[i]] / sw[c[i]];
          ss += (w == null ? 1 : w[i]) * r * r;
        }
        if (Math.sqrt(ss) <= tol * ref) {
          out.add(fe.label(d));
          return out;
        }
      }
    } else {
      for (int d = 0; d < fe.dimensions(); d++) {
        if (fe.hasIntercept(d)) {
          out.add(fe.label(d));
          return out;
        }
      }
    }
    out.addAll(fe.labels());
    return out;
  }

  /** The labels of a fixed effect's levels in code order: a view formatted on demand. */
  static final class LevelLabels extends java.util.AbstractList<String>
      implements java.util.RandomAccess {
    private final List<String> frameLevels;
    private final long[] original;

    LevelLabels(List<String> frameLevels, long[] original) {
      this.frameLevels = frameLevels;
      this.original = original;
    }

    @Override
    public String get(int index) {
      return frameLevels.get((int) original[index]);
    }

    @Override
    public int size() {
      return original.length;
    }
  }
}
