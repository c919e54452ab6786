package org.econ4j.count.internal;

/**
 * The Hausman&ndash;Hall&ndash;Griliches (1984) conditional negative-binomial log-likelihood.
 *
 * <p>For unit i with periods t, &lambda;<sub>it</sub> = exp(x<sub>it</sub>'&beta;), Y<sub>i</sub> =
 * &Sigma;<sub>t</sub> y<sub>it</sub>, &Lambda;<sub>i</sub> = &Sigma;<sub>t</sub>
 * &lambda;<sub>it</sub>:
 *
 * <pre>
 * l_i = lnG(L_i) + lnG(Y_i + 1) - lnG(Y_i + L_i)
 *       + sum_t [ lnG(lambda_it + y_it) - lnG(lambda_it) - lnG(y_it + 1) ]
 * </pre>
 *
 * Gradient: &Sigma;<sub>t</sub> &lambda;<sub>t</sub>(A + a<sub>t</sub>) x<sub>t</sub> with A =
 * &psi;(&Lambda;) &minus; &psi;(Y + &Lambda;), a<sub>t</sub> = &psi;(&lambda;<sub>t</sub> +
 * y<sub>t</sub>) &minus; &psi;(&lambda;<sub>t</sub>). Hessian: &Sigma;<sub>t</sub>
 * [&lambda;<sub>t</sub>(A + a<sub>t</sub>) + &lambda;<sub>t</sub>&sup2; b<sub>t</sub>]
 * x<sub>t</sub>x<sub>t</sub>' + B S S' with B = &psi;&prime;(&Lambda;) &minus; &psi;&prime;(Y +
 * &Lambda;), b<sub>t</sub> = &psi;&prime;(&lambda;<sub>t</sub> + y<sub>t</sub>) &minus;
 * &psi;&prime;(&lambda;<sub>t</sub>), S = &Sigma;<sub>t</sub> &lambda;<sub>t</sub>x<sub>t</sub>.
 * Rows with y = 0 need no digamma at all (a = b = 0).
 */
public final class ConditionalNegBinLikelihood extends ConditionalLikelihood {

  private final double[] unitConstant;

  /**
   * @param y outcomes (non-negative counts)
   * @param x regressors
   * @param unit unit codes 0 &hellip; units &minus; 1
   * @param units number of units
   * @param exec executor
   */
  public ConditionalNegBinLikelihood(
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

  @Override
  protected double unit(int g, double[] beta, double[] out, double[] work, boolean derivs) {
    int from = layout.start(g);
    int to = layout.end(g);
    double total = unitTotal[g];
    double lamSum = 0;
    if (derivs) {
      java.util.Arrays.fill(work, k, 2 * k, 0.0);
    }
    double ll = unitConstant[g];
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      double lam = SpecialFunctions.safeExp(eta(r, beta));
      rowWork[r] = lam;
      lamSum += lam;
      double yy = y[r];
      if (yy > 0) {
        ll += SpecialFunctions.lgamma(lam + yy) - SpecialFunctions.lgamma(lam);
      }
      if (derivs) {
        for (int j = 0; j < k; j++) {
          work[k + j] += lam * x[j][r];
        }
      }
    }
    ll += SpecialFunctions.lgamma(lamSum) - SpecialFunctions.lgamma(total + lamSum);
    if (!derivs) {
      return ll;
    }
    double capA = -SpecialFunctions.digammaDiff(lamSum, total);
    double capB = -SpecialFunctions.trigammaDiff(lamSum, total);
    for (int p = from; p < to; p++) {
      int r = layout.row(p);
      double lam = rowWork[r];
      double yy = y[r];
      double a = SpecialFunctions.digammaDiff(lam, yy);
      double b = SpecialFunctions.trigammaDiff(lam, yy);
      double s = lam * (capA + a);
      accumulate(out, r, s, s + lam * lam * b, work);
    }
    addOuter(out, work, k, capB);
    return ll;
  }

  @Override
  public void scores(double[] beta, double[][] scores) {
    for (int g = 0; g < layout.groups(); g++) {
      double lamSum = 0;
      for (int p = layout.start(g); p < layout.end(g); p++) {
        int r = layout.row(p);
        double lam = SpecialFunctions.safeExp(eta(r, beta));
        rowWork[r] = lam;
        lamSum += lam;
      }
      double capA = -SpecialFunctions.digammaDiff(lamSum, unitTotal[g]);
      for (int p = layout.start(g); p < layout.end(g); p++) {
        int r = layout.row(p);
        double lam = rowWork[r];
        double s = lam * (capA + SpecialFunctions.digammaDiff(lam, y[r]));
        for (int j = 0; j < k; j++) {
          scores[j][r] = s * x[j][r];
        }
      }
    }
  }
}
