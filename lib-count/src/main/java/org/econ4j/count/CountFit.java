package org.econ4j.count;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;

/**
 * The result of an array-level count-model fit ({@link ConditionalNegBin}, {@link
 * ConditionalPoisson}): coefficients, the inverse-Hessian covariance (Stata's default {@code
 * vce(oim)}), the log-likelihood, convergence information, the notes on dropped rows and
 * regressors, which rows were used, and the per-observation score contributions from which {@link
 * #clusterRobust(int[])} builds sandwich covariances without refitting.
 *
 * <p>Immutable and thread-safe; arrays are copied in and out. Row indices refer to the rows of the
 * arrays passed to {@code fit}.
 */
public final class CountFit {
  private final CountModel model;
  private final List<String> names;
  private final double[] coef;
  private final double[] vcov; // row-major k x k
  private final double logLik;
  private final int iterations;
  private final boolean converged;
  private final double maxAbsGradient;
  private final List<Note> notes;
  private final boolean[] kept;
  private final int[] unitOfRow; // compact unit code per original row, -1 if dropped
  private final int units;
  private final double[][] scores; // [k][original rows]

  CountFit(
      CountModel model,
      List<String> names,
      double[] coef,
      double[] vcov,
      double logLik,
      int iterations,
      boolean converged,
      double maxAbsGradient,
      List<Note> notes,
      boolean[] kept,
      int[] unitOfRow,
      int units,
      double[][] scores) {
    this.model = model;
    this.names = List.copyOf(names);
    this.coef = coef.clone();
    this.vcov = vcov.clone();
    this.logLik = logLik;
    this.iterations = iterations;
    this.converged = converged;
    this.maxAbsGradient = maxAbsGradient;
    this.notes = List.copyOf(notes);
    this.kept = kept.clone();
    this.unitOfRow = unitOfRow.clone();
    this.units = units;
    this.scores = scores;
  }

  /**
   * @return the model that was fitted
   */
  public CountModel model() {
    return model;
  }

  /**
   * @return coefficient names in design order ({@code (Intercept)} first when requested)
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return the estimates, in the order of {@link #names()}
   */
  public double[] coefficients() {
    return coef.clone();
  }

  /**
   * One estimate by name.
   *
   * @param name a coefficient name
   * @return its estimate
   * @throws IllegalArgumentException naming the known coefficients if absent
   */
  public double coefficient(String name) {
    return coef[indexOf(name)];
  }

  private int indexOf(String name) {
    int i = names.indexOf(Objects.requireNonNull(name, "name"));
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown coefficient '" + name + "'; known coefficients: " + String.join(", ", names));
    }
    return i;
  }

  /**
   * The inverse of the negative Hessian of the log-likelihood at the estimates (observed
   * information; Stata {@code vce(oim)}, pglm {@code vcov}).
   *
   * @return k &times; k covariance matrix
   */
  public double[][] vcov() {
    int k = coef.length;
    double[][] v = new double[k][];
    for (int i = 0; i < k; i++) {
      v[i] = Arrays.copyOfRange(vcov, i * k, (i + 1) * k);
    }
    return v;
  }

  /**
   * @return square roots of the diagonal of {@link #vcov()}
   */
  public double[] standardErrors() {
    int k = coef.length;
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      se[i] = Math.sqrt(vcov[i * k + i]);
    }
    return se;
  }

  /**
   * @return the maximised (conditional) log-likelihood
   */
  public double logLik() {
    return logLik;
  }

  /**
   * @return Newton iterations used
   */
  public int iterations() {
    return iterations;
  }

  /**
   * @return whether the convergence criterion was met
   */
  public boolean converged() {
    return converged;
  }

  /**
   * @return the largest absolute gradient element at the estimates
   */
  public double maxAbsGradient() {
    return maxAbsGradient;
  }

  /**
   * @return notes on dropped units, absorbed regressors and convergence
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * @return one flag per input row: true if the row was used in estimation
   */
  public boolean[] kept() {
    return kept.clone();
  }

  /**
   * @return number of rows used
   */
  public int nobs() {
    int n = 0;
    for (boolean b : kept) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return number of input rows
   */
  public int nobsOriginal() {
    return kept.length;
  }

  /**
   * @return number of units used
   */
  public int units() {
    return units;
  }

  /**
   * Per-observation contributions to the score at the estimates: {@code scores()[j][row]}, zero on
   * dropped rows. Within a unit they sum to the unit's score of the conditional likelihood.
   *
   * @return k arrays of one value per input row
   */
  public double[][] scores() {
    double[][] out = new double[scores.length][];
    for (int j = 0; j < scores.length; j++) {
      out[j] = scores[j].clone();
    }
    return out;
  }

  /**
   * Cluster-robust (sandwich) covariance: V = G/(G &minus; 1) &middot; H<sup>&minus;1</sup>
   * (&Sigma; <sub>g</sub> s<sub>g</sub>s<sub>g</sub>') H<sup>&minus;1</sup>, where s<sub>g</sub>
   * sums the score contributions of cluster g, H<sup>&minus;1</sup> is {@link #vcov()} and G the
   * number of clusters among the rows used. The G/(G &minus; 1) factor is Stata's adjustment for
   * {@code vce(cluster)} in conditional panel models (no (N &minus; 1)/(N &minus; K) factor, since
   * the conditional likelihood has no incidental parameters). Units must be nested within clusters
   * (cluster on the unit, or on a coarser grouping): the conditional likelihood's score is defined
   * per unit.
   *
   * @param clusters one cluster code per input row (values on dropped rows are ignored)
   * @return k &times; k covariance matrix
   * @throws IllegalArgumentException if the length differs from the number of input rows
   * @throws SpecificationException if a unit spans several clusters or there is only one cluster
   */
  public double[][] clusterRobust(int[] clusters) {
    Objects.requireNonNull(clusters, "clusters");
    if (clusters.length != kept.length) {
      throw new IllegalArgumentException(
          "clusters has "
              + clusters.length
              + " values but the fit used "
              + kept.length
              + " input rows; give one cluster code per row");
    }
    int n = kept.length;
    int k = coef.length;
    int[] clusterOfUnit = new int[units];
    int[] firstRowOfUnit = new int[units];
    Arrays.fill(firstRowOfUnit, -1);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        m++;
      }
    }
    int[] keptClusters = new int[m];
    m = 0;
    for (int i = 0; i < n; i++) {
      if (!kept[i]) {
        continue;
      }
      int u = unitOfRow[i];
      if (firstRowOfUnit[u] < 0) {
        firstRowOfUnit[u] = i;
        clusterOfUnit[u] = clusters[i];
      } else if (clusterOfUnit[u] != clusters[i]) {
        throw new SpecificationException(
            "clusters do not nest units: rows "
                + firstRowOfUnit[u]
                + " and "
                + i
                + " (0-based) belong to the same unit but to clusters "
                + clusterOfUnit[u]
                + " and "
                + clusters[i]
                + "; cluster on the unit or on a grouping of units");
      }
      keptClusters[m++] = clusters[i];
    }
    int[] sorted = keptClusters.clone();
    Arrays.sort(sorted);
    int g = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[g++] = sorted[i];
      }
    }
    if (g < 2) {
      throw new SpecificationException(
          "cluster-robust covariance needs at least 2 clusters, found "
              + g
              + "; use vcov() or a finer clustering");
    }
    double[][] sums = new double[g][k];
    for (int i = 0; i < n; i++) {
      if (!kept[i]) {
        continue;
      }
      int c = Arrays.binarySearch(sorted, 0, g, clusters[i]);
      for (int j = 0; j < k; j++) {
        sums[c][j] += scores[j][i];
      }
    }
    double[] meat = new double[k * k];
    for (int c = 0; c < g; c++) {
      double[] s = sums[c];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          meat[a * k + b] += s[a] * s[b];
        }
      }
    }
    double adj = g / (g - 1.0);
    double[] tmp = new double[k * k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double s = 0;
        for (int c = 0; c < k; c++) {
          s += vcov[a * k + c] * meat[c * k + b];
        }
        tmp[a * k + b] = s;
      }
    }
    double[][] out = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double s = 0;
        for (int c = 0; c < k; c++) {
          s += tmp[a * k + c] * vcov[c * k + b];
        }
        out[a][b] = adj * s;
      }
    }
    return out;
  }

  /**
   * @param clusters one cluster code per input row
   * @return square roots of the diagonal of {@link #clusterRobust(int[])}
   */
  public double[] clusterRobustStandardErrors(int[] clusters) {
    double[][] v = clusterRobust(clusters);
    double[] se = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      se[i] = Math.sqrt(v[i][i]);
    }
    return se;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(model.jsonName()).append(": ");
    for (int i = 0; i < coef.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(coef[i]);
    }
    return sb.append(", logLik = ").append(logLik).toString();
  }
}
