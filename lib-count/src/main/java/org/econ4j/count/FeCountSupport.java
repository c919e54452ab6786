package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Vcov;
import org.econ4j.count.internal.FeCountSample;
import org.econ4j.count.internal.FeIrls;
import org.econ4j.count.internal.SpecialFunctions;
import org.econ4j.panel.Panel;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.BindOptions;
import org.econ4j.panel.formula.Formula;
import org.econ4j.panel.formula.ModelFrame;

/** Pieces shared by {@link FePoisson} and {@link FeNegBin}. */
final class FeCountSupport {
  private FeCountSupport() {}

  /**
   * Binds the formula with weights, offset (or log exposure) and the cluster variables of the vcov.
   */
  static ModelFrame bind(
      Formula formula, Panel panel, String weights, String offset, String exposure, Vcov vcov) {
    BindOptions o = BindOptions.defaults();
    if (weights != null) {
      o = o.withWeights(weights);
    }
    if (offset != null && exposure != null) {
      throw new SpecificationException(
          "both an offset '"
              + offset
              + "' and an exposure '"
              + exposure
              + "' were given; use one (exposure x is the offset log(x))");
    }
    if (offset != null) {
      o = o.withOffset(offset);
    } else if (exposure != null) {
      o = o.withOffset("log(" + exposure + ")");
    }
    if (vcov instanceof Vcov.Cluster) {
      o = o.withClusters(((Vcov.Cluster) vcov).variables());
    }
    ModelFrame frame = formula.bind(panel, o);
    if (frame.columnNames().isEmpty() && frame.fixedEffects().isEmpty()) {
      throw new SpecificationException(
          "formula '"
              + formula.source()
              + "' has no regressor and no fixed effect to estimate; add a term, an intercept"
              + " (y ~ 1) or fixed effects (y ~ 1 | fe) on the right-hand side");
    }
    return frame;
  }

  static void requireRows(FeCountSample s, String model, String yName) {
    if (s.rows() == 0) {
      throw new SpecificationException(
          "no observations left for the "
              + model
              + " model of '"
              + yName
              + "' after removing fixed-effect groups with only zero outcomes, singletons and"
              + " separated observations; the outcome has no variation to explain");
    }
  }

  /** Dropped terms and their notes. */
  static List<DroppedTerm> dropped(FeIrls irls, List<String> names, List<Note> notes) {
    List<DroppedTerm> d = new ArrayList<>();
    boolean[] drop = irls.dropped();
    boolean[] abs = irls.absorbed();
    List<String> collinear = new ArrayList<>();
    List<String> absorbed = new ArrayList<>();
    for (int j = 0; j < drop.length; j++) {
      if (drop[j]) {
        if (abs[j]) {
          d.add(DroppedTerm.of(names.get(j), DroppedTerm.Reason.ABSORBED));
          absorbed.add(names.get(j));
        } else {
          d.add(DroppedTerm.of(names.get(j), DroppedTerm.Reason.COLLINEAR));
          collinear.add(names.get(j));
        }
      }
    }
    if (!absorbed.isEmpty()) {
      notes.add(
          Note.of(
              Note.Kind.ABSORBED,
              absorbed.size(),
              "regressors absorbed by the fixed effects, dropped: " + String.join(", ", absorbed),
              absorbed));
    }
    if (!collinear.isEmpty()) {
      notes.add(
          Note.of(
              Note.Kind.COLLINEAR,
              collinear.size(),
              "collinear regressors dropped: " + String.join(", ", collinear),
              collinear));
    }
    return d;
  }

  static List<String> kept(FeIrls irls, List<String> names) {
    List<String> k = new ArrayList<>();
    for (int j : irls.active()) {
      k.add(names.get(j));
    }
    return k;
  }

  /** Registers fixed effects and clusters with the inference data. */
  static void codes(InferenceData.Builder b, FeCountSample s, FixedEffects fe) {
    for (int d = 0; d < s.fe.length; d++) {
      b.fixedEffect(s.feNames[d], s.fe[d].clone());
    }
    for (int c = 0; c < s.clusters.length; c++) {
      b.cluster(s.clusterNames[c], s.clusters[c].clone());
    }
    b.fixefDof(fe == null ? 0 : fe.degreesOfFreedom().absorbed());
    b.normal(true);
    if (s.index != null) {
      // unit and time codes of the estimation rows, for Newey-West and Driscoll-Kraay
      int[] uc = s.index.unitCodes();
      long[] tt = s.index.times();
      long step = Math.max(1, s.index.step());
      long minT = Long.MAX_VALUE;
      for (long t : tt) {
        minT = Math.min(minT, t);
      }
      int n = s.panelRows.length;
      int[] u = new int[n];
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        int r = s.panelRows[i];
        u[i] = uc[r];
        t[i] = (int) ((tt[r] - minT) / step);
      }
      b.unit(u).time(t);
    }
  }

  /** Σ w (y log μ − μ − ln y!). */
  static double poissonLogLik(double[] y, double[] w, double[] eta, double[] mu) {
    double ll = 0;
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      double t = -mu[i];
      if (yi > 0) {
        t += yi * eta[i] - logFactorial(yi);
      }
      ll += w[i] * t;
    }
    return ll;
  }

  /** ln k! for k = 0..255, the same values as {@code lgamma(k + 1)}. */
  private static final double[] LOG_FACTORIAL = new double[256];

  static {
    for (int k = 0; k < LOG_FACTORIAL.length; k++) {
      LOG_FACTORIAL[k] = SpecialFunctions.lgamma(k + 1.0);
    }
  }

  /** ln Γ(y + 1), from a table for small integer counts. */
  static double logFactorial(double y) {
    if (y < LOG_FACTORIAL.length && y == (int) y) {
      return LOG_FACTORIAL[(int) y];
    }
    return SpecialFunctions.lgamma(y + 1);
  }

  /** NB2 log-likelihood Σ w [ln Γ(y+θ) − ln Γ(θ) − ln y! + θ ln(θ/(θ+μ)) + y ln(μ/(θ+μ))]. */
  static double negbinLogLik(double[] y, double[] w, double[] mu, double theta) {
    double ll = 0;
    double lgt = SpecialFunctions.lgamma(theta);
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      double m = mu[i];
      double t = theta * Math.log(theta / (theta + m));
      if (yi > 0) {
        t +=
            SpecialFunctions.lgamma(yi + theta)
                - lgt
                - logFactorial(yi)
                + yi * Math.log(m / (theta + m));
      }
      ll += w[i] * t;
    }
    return ll;
  }

  /** Intercept-only Poisson log-likelihood with the offset (fixest's {@code ll_null}). */
  static double poissonNullLogLik(double[] y, double[] w, double[] off) {
    boolean noOffset = true;
    for (double o : off) {
      noOffset &= o == 0;
    }
    if (noOffset) {
      // μ = Σwy/Σw everywhere: no exponential per row
      double sw = 0;
      double swy = 0;
      double swl = 0;
      for (int i = 0; i < y.length; i++) {
        double yi = y[i];
        sw += w[i];
        swy += w[i] * yi;
        if (yi > 0) {
          swl += w[i] * logFactorial(yi);
        }
      }
      double m = swy / sw;
      return (swy > 0 ? swy * Math.log(m) : 0) - sw * m - swl;
    }
    double swy = 0;
    double swe = 0;
    for (int i = 0; i < y.length; i++) {
      swy += w[i] * y[i];
      swe += w[i] * Math.exp(off[i]);
    }
    double c = Math.log(swy / swe);
    double[] eta = new double[y.length];
    double[] mu = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      eta[i] = off[i] + c;
      mu[i] = FeIrls.expCapped(eta[i]);
    }
    return poissonLogLik(y, w, eta, mu);
  }

  /** Squared (unweighted) correlation of y and μ. */
  static double squaredCorrelation(double[] y, double[] mu) {
    int n = y.length;
    double my = 0;
    double mm = 0;
    for (int i = 0; i < n; i++) {
      my += y[i];
      mm += mu[i];
    }
    my /= n;
    mm /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double a = y[i] - my;
      double b = mu[i] - mm;
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    double r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    return r * r;
  }

  static int sum(boolean[] b) {
    int c = 0;
    for (boolean v : b) {
      if (v) {
        c++;
      }
    }
    return c;
  }
}
