package org.econ4j.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.linalg.SymmetricMatrices;

/**
 * Wald test of q linear restrictions R&beta; = r: W = (R&beta; &minus;
 * r)'(RVR')<sup>&minus;1</sup>(R&beta; &minus; r), reported as &chi;&sup2;(q) and as F = W/q with
 * (q, df) degrees of freedom, df the t degrees of freedom of the covariance matrix (infinite for z
 * inference: the F version is then the &chi;&sup2;/q limit). Uses whatever covariance matrix the
 * result carries (iid, robust, clustered), like fixest's {@code wald()} and Stata's {@code test}.
 *
 * @param statistic W for {@link Type#CHI2}, W/q for {@link Type#F}
 * @param df1 q
 * @param df2 the denominator degrees of freedom (infinite for &chi;&sup2;)
 * @param pValue upper-tail p-value
 * @param type which version
 */
public record WaldTest(double statistic, double df1, double df2, double pValue, Type type) {

  /** The version of the test. */
  public enum Type {
    /** F = W/q with (q, df). */
    F,
    /** &chi;&sup2;(q). */
    CHI2
  }

  /**
   * General test on explicit vectors and matrices.
   *
   * @param beta coefficients (K)
   * @param vcov K&times;K covariance
   * @param restrictions R (q&times;K, row-major)
   * @param rhs r (q)
   * @param df denominator degrees of freedom (infinite for &chi;&sup2;)
   * @param type F or CHI2
   * @return the test
   * @throws IllegalArgumentException on dimension mismatch or when RVR' is singular
   */
  public static WaldTest of(
      double[] beta, double[][] vcov, double[][] restrictions, double[] rhs, double df, Type type) {
    Objects.requireNonNull(beta, "beta");
    Objects.requireNonNull(vcov, "vcov");
    Objects.requireNonNull(restrictions, "restrictions");
    Objects.requireNonNull(rhs, "rhs");
    Objects.requireNonNull(type, "type");
    int k = beta.length;
    int q = restrictions.length;
    if (q == 0 || rhs.length != q) {
      throw new IllegalArgumentException(
          "Wald test needs q >= 1 restrictions with as many right-hand values, got "
              + q
              + " and "
              + rhs.length);
    }
    if (vcov.length != k) {
      throw new IllegalArgumentException(
          "vcov is " + vcov.length + "x" + vcov.length + " but beta has " + k + " values");
    }
    double[] d = new double[q];
    double[][] rv = new double[q][k];
    for (int a = 0; a < q; a++) {
      if (restrictions[a].length != k) {
        throw new IllegalArgumentException(
            "restriction row " + a + " has " + restrictions[a].length + " values, expected " + k);
      }
      double s = -rhs[a];
      for (int j = 0; j < k; j++) {
        s += restrictions[a][j] * beta[j];
        double t = 0;
        for (int m = 0; m < k; m++) {
          t += restrictions[a][m] * vcov[m][j];
        }
        rv[a][j] = t;
      }
      d[a] = s;
    }
    double[][] mid = new double[q][q];
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        double t = 0;
        for (int j = 0; j < k; j++) {
          t += rv[a][j] * restrictions[b][j];
        }
        mid[a][b] = t;
      }
    }
    double[][] inv;
    try {
      inv = SymmetricMatrices.inverse(mid);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Wald test restrictions are linearly dependent or have zero variance (R V R' is singular);"
              + " drop redundant restrictions",
          e);
    }
    double w = 0;
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        w += d[a] * inv[a][b] * d[b];
      }
    }
    if (type == Type.CHI2) {
      return new WaldTest(
          w, q, Double.POSITIVE_INFINITY, Distributions.chiSquaredUpper(w, q), Type.CHI2);
    }
    double f = w / q;
    return new WaldTest(f, q, df, Distributions.fUpper(f, q, df), Type.F);
  }

  /**
   * Joint significance of named coefficients of a result (H0: all are zero), F version with the
   * result's t degrees of freedom (&chi;&sup2; when the result uses z statistics).
   *
   * @param result a fitted model
   * @param terms coefficient names (dropped terms are not allowed)
   * @return the test
   * @throws SpecificationException if a term is unknown or was dropped
   */
  public static WaldTest joint(RegressionResult result, List<String> terms) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(terms, "terms");
    List<String> kept = result.keptTerms();
    if (terms.isEmpty()) {
      throw new SpecificationException("Wald test names no coefficient; name at least one term");
    }
    double[][] r = new double[terms.size()][kept.size()];
    for (int a = 0; a < terms.size(); a++) {
      int j = kept.indexOf(terms.get(a));
      if (j < 0) {
        throw new SpecificationException(
            "unknown or dropped term '"
                + terms.get(a)
                + "' in Wald test; estimated terms: "
                + String.join(", ", kept));
      }
      r[a][j] = 1;
    }
    List<Double> b = new ArrayList<>();
    for (String t : kept) {
      b.add(result.coefficient(t).orElseThrow().estimate());
    }
    double[] beta = new double[b.size()];
    for (int j = 0; j < beta.length; j++) {
      beta[j] = b.get(j);
    }
    double df = result.vcov().tDf();
    Type type = Double.isInfinite(df) ? Type.CHI2 : Type.F;
    return of(beta, result.vcovMatrix(), r, new double[terms.size()], df, type);
  }
}
