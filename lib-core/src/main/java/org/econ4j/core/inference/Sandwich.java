package org.econ4j.core.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.econ4j.core.EstimationException;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.linalg.SymmetricMatrices;

/**
 * The sandwich estimator V = c &middot; B M B of every {@link Vcov}, a pure function of an
 * estimator's {@link InferenceData} (bread B, scores s<sub>i</sub>, leverage, codes) and a {@link
 * SmallSampleCorrection} (the factor c and the t degrees of freedom).
 *
 * <ul>
 *   <li>iid: V = c<sub>K</sub> s&sup2; B.
 *   <li>HC0/HC1: M = &Sigma;<sub>i</sub> s<sub>i</sub>s<sub>i</sub>'; HC1 takes c<sub>K</sub>
 *       &middot; n/(n &minus; 1) (= n/(n &minus; K) with kAdj). HC2: s<sub>i</sub> / &radic;(1
 *       &minus; h<sub>ii</sub>); HC3: s<sub>i</sub> / (1 &minus; h<sub>ii</sub>); HC0, HC2, HC3
 *       take no factor.
 *   <li>Cluster, one way: M = &Sigma;<sub>g</sub> S<sub>g</sub>S<sub>g</sub>', S<sub>g</sub> =
 *       &Sigma;<sub>i&isin;g</sub> s<sub>i</sub>; c = c<sub>K</sub> G/(G &minus; 1). Multiway
 *       (Cameron, Gelbach &amp; Miller 2011): V = &Sigma;<sub>S&ne;&empty;</sub>
 *       (&minus;1)<sup>|S|+1</sup> c<sub>S</sub> B M<sub>S</sub> B over the non-empty subsets S of
 *       the ways, M<sub>S</sub> clustered on the intersection of the ways in S; if V has a negative
 *       eigenvalue it is set to zero (V = U max(&Lambda;,0) U') and a {@link Note} says so.
 *   <li>Newey&ndash;West (L): M = &Gamma;<sub>0</sub> + &Sigma;<sub>l=1..L</sub> (1 &minus;
 *       l/(L+1)) (&Gamma;<sub>l</sub> + &Gamma;<sub>l</sub>'), &Gamma;<sub>l</sub> = &Sigma;
 *       s<sub>it</sub>s<sub>i,t&minus;l</sub>' over pairs of observations of the same unit (a time
 *       series is one unit) whose periods differ by exactly l (gaps are respected). L = 0 gives HC0
 *       times c<sub>K</sub>. fixest equivalent: {@code vcov = NW(L)} with a panel id.
 *   <li>Driscoll&ndash;Kraay (L): the same kernel on the period sums S<sub>t</sub> =
 *       &Sigma;<sub>i</sub> s<sub>it</sub>. fixest equivalent: {@code vcov = DK(L)}.
 * </ul>
 *
 * <p>c<sub>K</sub> = (n &minus; 1)/(n &minus; K) when the correction's kAdj is on (for non-iid
 * types only if robustKAdj). Degrees of freedom: see {@link SmallSampleCorrection}.
 *
 * <h2>References</h2>
 *
 * White, H. (1980), Econometrica 48(4), 817-838. MacKinnon, J.G. and White, H. (1985), Journal of
 * Econometrics 29(3), 305-325. Cameron, A.C., Gelbach, J.B. and Miller, D.L. (2011), Robust
 * inference with multiway clustering, Journal of Business &amp; Economic Statistics 29(2), 238-249.
 * Newey, W.K. and West, K.D. (1987), Econometrica 55(3), 703-708. Driscoll, J.C. and Kraay, A.C.
 * (1998), Review of Economics and Statistics 80(4), 549-560.
 */
public final class Sandwich {
  private Sandwich() {}

  /**
   * Computes the covariance matrix.
   *
   * @param data the estimator's inference data
   * @param vcov the type
   * @param ssc the small-sample correction
   * @return the estimate
   * @throws SpecificationException if the data lack what the type needs (cluster codes, time codes,
   *     leverage)
   * @throws EstimationException if a leverage equals 1 under HC2/HC3
   */
  public static VcovEstimate compute(InferenceData data, Vcov vcov, SmallSampleCorrection ssc) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(vcov, "vcov");
    Objects.requireNonNull(ssc, "ssc");
    if (vcov instanceof Vcov.Custom) {
      return ((Vcov.Custom) vcov).compute(data, ssc);
    }
    int n = data.nobs();
    int k = data.coefficients();
    double[][] bread = data.breadShared();
    double[][] s = data.scoresShared();
    List<Note> notes = new ArrayList<>();
    List<Integer> clusterCounts = new ArrayList<>();
    List<String> nonNested = new ArrayList<>(data.fixedEffectNames());
    if (vcov instanceof Vcov.Cluster) {
      nonNested = nonNestedFixedEffects(data, ((Vcov.Cluster) vcov).variables());
    }
    boolean anyNested = nonNested.size() < data.fixedEffectNames().size();
    int bigK =
        ssc.parameters(
            k,
            data.fixefDof(),
            anyNested ? data.fixefDofOf(nonNested) : data.fixefDof(),
            anyNested);
    double kf = ssc.kFactor(n, bigK);
    double robustKf = ssc.robustKAdj() ? kf : 1.0;
    double residualDf = n - bigK;
    double tDf = residualDf;
    double[][] v;
    if (vcov instanceof Vcov.Iid) {
      if (Double.isNaN(data.iidScale())) {
        throw new SpecificationException(
            "vcov 'iid' needs the iid scale, which this estimator did not provide; use hetero");
      }
      v = scaled(bread, kf * data.iidScale());
    } else if (vcov instanceof Vcov.Robust) {
      Vcov.HcType type = ((Vcov.Robust) vcov).type();
      double[] f = null;
      if (type == Vcov.HcType.HC2 || type == Vcov.HcType.HC3) {
        f = leverageFactors(data, type);
      }
      double[][] meat = crossProduct(s, f, k, n);
      double c = type == Vcov.HcType.HC1 ? robustKf * ssc.clusterFactor(n) : 1.0;
      v = scaled(SymmetricMatrices.sandwich(bread, meat), c);
    } else if (vcov instanceof Vcov.Cluster) {
      List<String> vars = ((Vcov.Cluster) vcov).variables();
      int ways = vars.size();
      int[][] codes = new int[ways][];
      int gMin = Integer.MAX_VALUE;
      for (int w = 0; w < ways; w++) {
        int[] raw = resolveCluster(data, vars.get(w));
        int[] dense = new int[n];
        int g = densify(raw, dense);
        codes[w] = dense;
        clusterCounts.add(g);
        gMin = Math.min(gMin, g);
      }
      if (gMin < 2) {
        throw new SpecificationException(
            "cluster variable in '"
                + vcov.spec()
                + "' has "
                + gMin
                + " cluster; clustering needs at least 2 clusters");
      }
      double[][] total = new double[k][k];
      for (int mask = 1; mask < (1 << ways); mask++) {
        int[] inter = null;
        int g = 0;
        int size = Integer.bitCount(mask);
        for (int w = 0; w < ways; w++) {
          if ((mask & (1 << w)) == 0) {
            continue;
          }
          if (inter == null) {
            inter = codes[w];
            g = clusterCounts.get(w);
          } else {
            int[] next = new int[n];
            g = combine(inter, codes[w], clusterCounts.get(w), next);
            inter = next;
          }
        }
        double cg =
            ssc.clusterDf() == SmallSampleCorrection.ClusterDf.MIN || ways == 1
                ? ssc.clusterFactor(gMin)
                : (g > 1 ? ssc.clusterFactor(g) : 1.0);
        double sign = size % 2 == 1 ? 1.0 : -1.0;
        double[][] meat = clusterMeat(s, inter, g, k, n);
        addScaled(total, SymmetricMatrices.sandwich(bread, meat), sign * cg);
      }
      v = scaled(total, robustKf);
      if (ways > 1) {
        double[] ev = SymmetricMatrices.eigenvalues(v);
        if (ev.length > 0 && ev[0] < 0) {
          int neg = 0;
          for (double e : ev) {
            if (e < 0) {
              neg++;
            }
          }
          v = SymmetricMatrices.clipNegativeEigenvalues(v);
          notes.add(
              Note.of(
                  Note.Kind.FALLBACK,
                  neg,
                  "the "
                      + ways
                      + "-way clustered covariance matrix was not positive semi-definite ("
                      + neg
                      + " negative eigenvalue"
                      + (neg == 1 ? "" : "s")
                      + ", smallest "
                      + String.format(java.util.Locale.ROOT, "%.3g", ev[0])
                      + "); negative eigenvalues were set to 0 (Cameron, Gelbach & Miller 2011)",
                  vars));
        }
      }
      if (ssc.tDf() == SmallSampleCorrection.TDf.MIN) {
        tDf = gMin - 1.0;
      }
    } else if (vcov instanceof Vcov.NeweyWest) {
      int lag = ((Vcov.NeweyWest) vcov).lag();
      int[] time = requireTime(data, vcov);
      int[] unit = data.unitShared();
      double[][] meat = hacMeat(s, time, unit, lag, k, n, vcov);
      v = scaled(SymmetricMatrices.sandwich(bread, meat), robustKf);
    } else if (vcov instanceof Vcov.DriscollKraay) {
      int lag = ((Vcov.DriscollKraay) vcov).lag();
      int[] time = requireTime(data, vcov);
      int[] dense = new int[n];
      int tCount = densify(time, dense);
      double[][] sums = new double[k][tCount];
      int[] periods = new int[tCount];
      for (int i = 0; i < n; i++) {
        periods[dense[i]] = time[i];
        for (int j = 0; j < k; j++) {
          sums[j][dense[i]] += s[j][i];
        }
      }
      double[][] meat = hacMeat(sums, periods, null, lag, k, tCount, vcov);
      v = scaled(SymmetricMatrices.sandwich(bread, meat), robustKf);
      if (ssc.tDf() == SmallSampleCorrection.TDf.MIN) {
        tDf = tCount - 1.0;
      }
    } else {
      throw new IllegalStateException("unreachable: " + vcov);
    }
    if (ssc.tDf() == SmallSampleCorrection.TDf.NORMAL || data.normal()) {
      tDf = Double.POSITIVE_INFINITY;
    }
    if (!(tDf > 0)) {
      throw new SpecificationException(
          "no residual degrees of freedom left for vcov '"
              + vcov.spec()
              + "' (n = "
              + n
              + ", K = "
              + bigK
              + "); fewer parameters or more observations are needed");
    }
    return new VcovEstimate(vcov, ssc, v, clusterCounts, tDf, bigK, notes);
  }

  private static int[] requireTime(InferenceData data, Vcov vcov) {
    if (!data.hasTime()) {
      throw new SpecificationException(
          "vcov '"
              + vcov.spec()
              + "' needs a time index, which this fit does not have; set the panel index"
              + " (unit, time) before fitting");
    }
    return data.timeShared();
  }

  private static int[] resolveCluster(InferenceData data, String name) {
    return data.clusterCodes(name)
        .orElseThrow(
            () -> {
              List<String> known = new ArrayList<>(data.clusterNames());
              for (String f : data.fixedEffectNames()) {
                if (!known.contains(f)) {
                  known.add(f);
                }
              }
              return new SpecificationException(
                  "cluster variable '"
                      + name
                      + "' was not captured at fit time; available: "
                      + (known.isEmpty() ? "none" : String.join(", ", known))
                      + "; refit with this vcov or name it as a cluster variable when fitting");
            });
  }

  private static List<String> nonNestedFixedEffects(InferenceData data, List<String> clusterVars) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, int[]> fe : data.fixedEffectCodes().entrySet()) {
      int[] feCodes = new int[data.nobs()];
      int levels = densify(fe.getValue(), feCodes);
      boolean nested = false;
      for (String c : clusterVars) {
        int[] cl = resolveCluster(data, c);
        if (isNested(feCodes, levels, cl)) {
          nested = true;
          break;
        }
      }
      if (!nested) {
        out.add(fe.getKey());
      }
    }
    return out;
  }

  private static boolean isNested(int[] fe, int levels, int[] cluster) {
    int[] owner = new int[levels];
    Arrays.fill(owner, Integer.MIN_VALUE);
    for (int i = 0; i < fe.length; i++) {
      int o = owner[fe[i]];
      if (o == Integer.MIN_VALUE) {
        owner[fe[i]] = cluster[i];
      } else if (o != cluster[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Maps arbitrary non-negative codes to 0..G−1 in order of first appearance.
   *
   * @return G
   */
  static int densify(int[] codes, int[] out) {
    int max = -1;
    for (int c : codes) {
      if (c < 0) {
        throw new IllegalArgumentException("codes must be >= 0, got " + c);
      }
      max = Math.max(max, c);
    }
    if (max < 4 * codes.length + 1024) {
      int[] map = new int[max + 1];
      Arrays.fill(map, -1);
      int g = 0;
      for (int i = 0; i < codes.length; i++) {
        int c = codes[i];
        if (map[c] < 0) {
          map[c] = g++;
        }
        out[i] = map[c];
      }
      return g;
    }
    long[] keys = new long[codes.length];
    for (int i = 0; i < codes.length; i++) {
      keys[i] = codes[i];
    }
    return densifyLong(keys, out);
  }

  private static int densifyLong(long[] keys, int[] out) {
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int u = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[u++] = sorted[i];
      }
    }
    for (int i = 0; i < keys.length; i++) {
      out[i] = Arrays.binarySearch(sorted, 0, u, keys[i]);
    }
    return u;
  }

  /**
   * Dense codes of the pairs (a, b), numbered in lexicographic order of (a, b) (as sorting the keys
   * a·G<sub>b</sub> + b would), by two stable counting sorts: O(n + G<sub>a</sub> + G<sub>b</sub>)
   * instead of a sort of n longs and n binary searches.
   *
   * @return the number of distinct pairs
   */
  static int combine(int[] a, int[] b, int gb, int[] out) {
    int n = a.length;
    int ga = 0;
    for (int v : a) {
      ga = Math.max(ga, v + 1);
    }
    int[] byB = countingOrder(b, gb, null);
    int[] order = countingOrder(a, ga, byB);
    int g = 0;
    int prevA = -1;
    int prevB = -1;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (a[i] != prevA || b[i] != prevB) {
        prevA = a[i];
        prevB = b[i];
        g++;
      }
      out[i] = g - 1;
    }
    return g;
  }

  /** The rows ordered stably by key (codes in 0..levels−1), visiting rows in the given order. */
  private static int[] countingOrder(int[] key, int levels, int[] visit) {
    int n = key.length;
    int[] start = new int[levels + 1];
    for (int v : key) {
      start[v + 1]++;
    }
    for (int g = 0; g < levels; g++) {
      start[g + 1] += start[g];
    }
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      int i = visit == null ? k : visit[k];
      order[start[key[i]]++] = i;
    }
    return order;
  }

  private static double[] leverageFactors(InferenceData data, Vcov.HcType type) {
    if (!data.hasLeverage()) {
      throw new SpecificationException(
          "vcov '"
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + "' needs the leverages h_ii, which this estimator did not provide; use hetero or"
              + " hc0");
    }
    double[] h = data.leverageShared(type.name().toLowerCase(java.util.Locale.ROOT));
    double[] f = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      double one = 1 - h[i];
      if (!(one > 1e-12)) {
        throw new EstimationException(
            "observation "
                + i
                + " has leverage "
                + h[i]
                + "; "
                + type
                + " is undefined when a leverage is 1, use hetero or hc0");
      }
      f[i] = type == Vcov.HcType.HC2 ? 1 / one : 1 / (one * one);
    }
    return f;
  }

  /** Σ_i f_i s_i s_i' (f = null means 1). */
  private static double[][] crossProduct(double[][] s, double[] f, int k, int n) {
    double[][] m = new double[k][k];
    for (int a = 0; a < k; a++) {
      double[] sa = s[a];
      for (int b = a; b < k; b++) {
        double[] sb = s[b];
        double acc = 0;
        if (f == null) {
          for (int i = 0; i < n; i++) {
            acc += sa[i] * sb[i];
          }
        } else {
          for (int i = 0; i < n; i++) {
            acc += f[i] * sa[i] * sb[i];
          }
        }
        m[a][b] = acc;
        m[b][a] = acc;
      }
    }
    return m;
  }

  private static double[][] clusterMeat(double[][] s, int[] codes, int g, int k, int n) {
    double[][] sums = new double[k][g];
    for (int j = 0; j < k; j++) {
      double[] sj = s[j];
      double[] out = sums[j];
      for (int i = 0; i < n; i++) {
        out[codes[i]] += sj[i];
      }
    }
    return crossProduct(sums, null, k, g);
  }

  /** Bartlett-kernel HAC meat with pairs within units whose periods differ by 1..L. */
  private static double[][] hacMeat(
      double[][] s, int[] time, int[] unit, int lag, int k, int n, Vcov vcov) {
    double[][] m = crossProduct(s, null, k, n);
    if (lag == 0 || n == 0) {
      return m;
    }
    int[] order = sortByUnitTime(time, unit, n);
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && (unit == null || unit[order[end]] == unit[order[start]])) {
        end++;
      }
      for (int p = start; p < end; p++) {
        int ip = order[p];
        for (int q = p + 1; q < end; q++) {
          int iq = order[q];
          long d = (long) time[iq] - time[ip];
          if (d == 0) {
            throw new SpecificationException(
                "vcov '"
                    + vcov.spec()
                    + "' found two observations with the same period "
                    + time[ip]
                    + (unit == null ? "" : " in the same unit")
                    + "; "
                    + (unit == null
                        ? "Newey-West on a panel needs the unit index, or use dk:L"
                        : "the (unit, time) index must be unique"));
          }
          if (d > lag) {
            break;
          }
          double w = 1.0 - d / (lag + 1.0);
          for (int a = 0; a < k; a++) {
            double sa = s[a][ip];
            double sb = s[a][iq];
            for (int b = 0; b < k; b++) {
              m[a][b] += w * (sa * s[b][iq] + sb * s[b][ip]);
            }
          }
        }
      }
      start = end;
    }
    return m;
  }

  private static int[] sortByUnitTime(int[] time, int[] unit, int n) {
    long minT = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      minT = Math.min(minT, time[i]);
    }
    int[] byUnit = new int[n];
    int[] ustart;
    int groups;
    if (unit == null) {
      for (int i = 0; i < n; i++) {
        byUnit[i] = i;
      }
      ustart = new int[] {0, n};
      groups = 1;
    } else {
      int[] dense = new int[n];
      groups = densify(unit, dense);
      int[] count = new int[groups + 1];
      for (int i = 0; i < n; i++) {
        count[dense[i] + 1]++;
      }
      for (int g = 0; g < groups; g++) {
        count[g + 1] += count[g];
      }
      ustart = count.clone();
      int[] pos = count.clone();
      for (int i = 0; i < n; i++) {
        byUnit[pos[dense[i]]++] = i;
      }
    }
    int[] order = new int[n];
    for (int g = 0; g < groups; g++) {
      int a = ustart[g];
      int b = ustart[g + 1];
      long[] packed = new long[b - a];
      for (int p = a; p < b; p++) {
        int i = byUnit[p];
        packed[p - a] = ((time[i] - minT) << 32) | i;
      }
      Arrays.sort(packed);
      for (int p = a; p < b; p++) {
        order[p] = (int) (packed[p - a] & 0xffffffffL);
      }
    }
    return order;
  }

  private static double[][] scaled(double[][] a, double c) {
    double[][] out = new double[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        out[i][j] = a[i][j] * c;
      }
    }
    return out;
  }

  private static void addScaled(double[][] acc, double[][] a, double c) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        acc[i][j] += c * a[i][j];
      }
    }
  }
}
