package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Convergence;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelIndex;
import org.econ4j.panel.formula.BindOptions;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;

/**
 * The formula front end of the conditional models: binds {@code y ~ x1 + x2 [| unit]} on a panel,
 * fits on arrays and assembles a {@link RegressionResult}.
 *
 * <p>The unit is the formula's single fixed effect ({@code | firm}) or, without one, the panel
 * index's unit. An intercept is estimated unless the formula removes it ({@code - 1}): it is
 * identified in these models, as in Stata {@code xtnbreg, fe}. Standard errors: {@code iid} is the
 * inverse of the negative Hessian (Stata {@code oim}, pglm), with no small-sample factor; {@code
 * cluster:c} is the sandwich with score contributions summed by cluster (units must be nested in
 * the clusters) and G/(G − 1); z statistics throughout. Other covariance types are refused:
 * observations of one unit do not contribute independently to the conditional likelihood.
 */
final class ConditionalFormulaFit {
  private ConditionalFormulaFit() {}

  static RegressionResult fit(
      CountModel model,
      Formula formula,
      Panel panel,
      Vcov vcov,
      java.util.function.Function<Fitted, CountFit> fitter) {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(vcov, "vcov");
    List<String> clusterCols = new ArrayList<>();
    if (vcov instanceof Vcov.Cluster) {
      clusterCols.addAll(((Vcov.Cluster) vcov).variables());
    } else if (!(vcov instanceof Vcov.Iid)) {
      throw new SpecificationException(
          "vcov '"
              + vcov.spec()
              + "' is not available for the "
              + model.jsonName()
              + " model; use iid (inverse Hessian) or cluster:<column> with units nested in the"
              + " clusters");
    }
    if (formula.fixedEffects().size() > 1) {
      throw new SpecificationException(
          "formula '"
              + formula.source()
              + "' has "
              + formula.fixedEffects().size()
              + " fixed-effect dimensions but the "
              + model.jsonName()
              + " model conditions on one (the unit); write '| unit' or use --model poisson/negbin");
    }
    String unitName;
    Formula f = formula;
    if (formula.fixedEffects().isEmpty()) {
      PanelIndex idx = panel.requireIndex("the " + model.jsonName() + " model without '| unit'");
      unitName = idx.unitColumn();
      clusterCols.add(0, unitName);
    } else {
      unitName = formula.fixedEffects().get(0).name();
    }
    ModelFrame frame = f.bind(panel, BindOptions.defaults().withClusters(clusterCols));
    double[] y = frame.response();
    int[] unit;
    if (formula.fixedEffects().isEmpty()) {
      unit = frame.clusters().get(0).codes();
    } else {
      unit = frame.fixedEffects().get(0).codes();
    }
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    for (int j = 0; j < frame.columnCount(); j++) {
      String n = frame.columnNames().get(j);
      if (n.equals(ModelFrame.INTERCEPT)) {
        continue;
      }
      names.add(n);
      cols.add(frame.column(j));
    }
    boolean intercept = formula.hasIntercept();
    CountFit fit =
        fitter.apply(
            new Fitted(
                y, cols.toArray(new double[0][]), names.toArray(new String[0]), unit, intercept));
    boolean[] kept = fit.kept();
    int nk = 0;
    for (boolean b : kept) {
      if (b) {
        nk++;
      }
    }
    double[][] allScores = fit.scores();
    double[][] scores = new double[allScores.length][nk];
    for (int j = 0; j < allScores.length; j++) {
      int r = 0;
      for (int i = 0; i < kept.length; i++) {
        if (kept[i]) {
          scores[j][r++] = allScores[j][i];
        }
      }
    }
    InferenceData.Builder data =
        InferenceData.builder(fit.vcov(), scores, nk).iidScale(1).normal(true);
    int offset = formula.fixedEffects().isEmpty() ? 1 : 0;
    for (int c = offset; c < frame.clusters().size(); c++) {
      GroupCodes g = frame.clusters().get(c);
      int[] codes = g.codes();
      int[] sub = new int[nk];
      int r = 0;
      for (int i = 0; i < kept.length; i++) {
        if (kept[i]) {
          sub[r++] = codes[i];
        }
      }
      checkNested(unit, kept, codes, g.name(), unitName);
      data.cluster(g.name(), sub);
    }
    SmallSampleCorrection ssc =
        SmallSampleCorrection.none()
            .withClusterAdj(vcov instanceof Vcov.Cluster)
            .withTDf(SmallSampleCorrection.TDf.NORMAL);
    List<String> termNames = fit.names();
    int k = termNames.size();
    double ll = fit.logLik();
    FitStats stats =
        FitStats.empty()
            .withLogLik(ll)
            .withAic(-2 * ll + 2 * k)
            .withBic(-2 * ll + Math.log(fit.nobs()) * k);
    RegressionResult.Builder b =
        RegressionResult.builder(model.jsonName(), formula.source())
            .dependentVariable(frame.responseName())
            .coefficients(termNames, fit.coefficients())
            .inferenceData(data.build())
            .vcov(vcov, ssc)
            .nobs(fit.nobs())
            .nobsOriginal(frame.nobsOriginal())
            .dof(fit.nobs() - k)
            .fitStats(stats)
            .convergence(
                new Convergence(
                    fit.converged(), fit.iterations(), Double.NaN, fit.maxAbsGradient()))
            .fixedEffects(List.of(unitName + " (conditioned out)"));
    for (Note n : frame.notes()) {
      b.note(n);
    }
    for (Note n : fit.notes()) {
      b.note(n);
    }
    return b.build();
  }

  private static void checkNested(
      int[] unit, boolean[] kept, int[] cluster, String clusterName, String unitName) {
    java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < unit.length; i++) {
      if (!kept[i]) {
        continue;
      }
      Integer prev = seen.putIfAbsent(unit[i], cluster[i]);
      if (prev != null && prev != cluster[i]) {
        throw new SpecificationException(
            "unit '"
                + unitName
                + "' is not nested in cluster column '"
                + clusterName
                + "' (a unit spans several clusters); conditional models need units nested in the"
                + " clusters");
      }
    }
  }

  /** The arrays handed to the fitter. */
  record Fitted(double[] y, double[][] x, String[] names, int[] unit, boolean intercept) {}
}
