package org.econ4j.count.internal;

/**
 * The conditional (multinomial) fixed-effects Poisson log-likelihood (Hausman, Hall &amp; Griliches
 * 1984; Stata {@code xtpoisson, fe}).
 *
 * <p>For unit i: p<sub>it</sub> = &lambda;<sub>it</sub> / &Sigma;<sub>s</sub> &lambda;<sub>is</sub>
 * with &lambda;<sub>it</sub> = exp(x<sub>it</sub>'&beta;), and l<sub>i</sub> = ln Y<sub>i</sub>!
 * &minus; &Sigma;<sub>t</sub> ln y<sub>it</sub>! + &Sigma;<sub>t</sub> y<sub>it</sub> ln
 * p<sub>it</sub>. Gradient &Sigma;<sub>t</sub> (y<sub>t</sub> &minus; Y p<sub>t</sub>)
 * x<sub>t</sub>; Hessian &minus;Y [&Sigma;<sub>t</sub> p<sub>t</sub> x<sub>t</sub>x<sub>t</sub>'
 * &minus; x&#772; x&#772;'] with x&#772; = &Sigma;<sub>t</sub> p<sub>t</sub>x<sub>t</sub>. The
 * linear predictors are shifted by their unit maximum before exponentiating, so no overflow can
 * occur.
 */
public final class ConditionalPoissonLikelihood extends ConditionalLikelihood {

  private final double[] unitConstant;

  /**
   * @param y outcomes
   * @param x regressors
   * @param unit unit codes
   * @param units number of units
   * @param exec executor
   */
  public ConditionalPoissonLikelihood(
      double[] y, double[][] x, int[] unit, int units, ChunkedExecutor exec) {
    super(y, x, unit, units, exec);
    unitConstant = new double[units];
    for (int g = 0; g < units; g++) {
      double c = SpecialFunctions.lgamma(unitTotal[g] + 1);
      for (int p = layout.start(g); p < layout.end(g); p++) {
        double yy = y[layout.row(p)];
        if (yy > 0) {
          c -= SpecialFunctions.lgamma(yy + 1);
        }
      }
      unitConstant[g] = c;
    }
  }

  /** Fills rowWork with p_t for unit g and returns ln of the normaliser (shifted). */
  private double probabilities(int g, double[] beta) {
    int from = layout.start(g);
    int to = layout.end(g);
    double max = Double.NEGATIVE_INFINITY;
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      double e = eta(r, beta);
      rowWork[r] = e;
      if (e > max) {
        max = e;
      }
    }
    double sum = 0;
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      double l = Math.exp(rowWork[r] - max);
      rowWork[r] = l;
      sum += l;
    }
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      rowWork[r] /= sum;
    }
    return max + Math.log(sum);
  }

  @Override
  protected double unit(int g, double[] beta, double[] out, double[] work, boolean derivs) {
    probabilities(g, beta);
    double total = unitTotal[g];
    double ll = unitConstant[g];
    int from = layout.start(g);
    int to = layout.end(g);
    if (derivs) {
      java.util.Arrays.fill(work, k, 2 * k, 0.0);
    }
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      double pr = rowWork[r];
      double yy = y[r];
      if (yy > 0) {
        ll += yy * Math.log(pr);
      }
      if (derivs) {
        for (int j = 0; j < k; j++) {
          work[k + j] += pr * x[j][r];
        }
        accumulate(out, r, yy - total * pr, -total * pr, work);
      }
    }
    if (derivs) {
      addOuter(out, work, k, total);
    }
    return ll;
  }

  @Override
  public void scores(double[] beta, double[][] scores) {
    for (int g = 0; g < layout.groups(); g++) {
      probabilities(g, beta);
      double total = unitTotal[g];
      for (int p = layout.start(g); p < layout.end(g); p++) {
        int r = layout.row(p);
        double s = y[r] - total * rowWork[r];
        for (int j = 0; j < k; j++) {
          scores[j][r] = s * x[j][r];
        }
      }
    }
  }
}
