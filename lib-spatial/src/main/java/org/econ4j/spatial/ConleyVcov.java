package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.VcovEstimate;
import org.econ4j.core.linalg.SymmetricMatrices;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.internal.KdTree;

/**
 * Conley (1999) spatial HAC standard errors: a {@link Vcov.Custom} for any estimator that provides
 * {@link InferenceData} (FE-OLS, count models).
 *
 * <h2>Estimator</h2>
 *
 * V = c &middot; B M B with the estimator's bread B and per-observation scores s<sub>i</sub>, and
 * the meat
 *
 * <pre>
 *   M = &Sigma;_i &Sigma;_{j : d_{ij} &le; cutoff} K(d_{ij}) s_i s_j'
 * </pre>
 *
 * (the pair i = j included with K(0) = 1), where d<sub>ij</sub> is the distance in km between the
 * observations' coordinates and K the kernel: {@link Kernel#UNIFORM} K = 1 (fixest's {@code
 * vcov_conley}, the default) or {@link Kernel#BARTLETT} K(d) = 1 &minus; d/cutoff (Stata {@code
 * acreg}, R {@code conleyreg}).
 *
 * <p>Distances ({@link Distance}): {@link Distance#GREAT_CIRCLE} the haversine distance on a sphere
 * of radius {@link #earthRadiusKm()} (default {@link #FIXEST_EARTH_RADIUS_KM}); {@link
 * Distance#TRIANGULAR} fixest's "triangular" distance, the Pythagorean approximation d = 111
 * &middot; &radic;(&Delta;&phi;&sup2; + (cos(&phi;&#772;) &Delta;&lambda;)&sup2;) with the latitude
 * and longitude differences in degrees (&Delta;&lambda; wrapped to [&minus;180, 180]), &phi;&#772;
 * the mean latitude and 111 km per degree.
 *
 * <p>Panel version ({@link #withSerialLag(int)}, L &ge; 0; as Stata {@code acreg} and R {@code
 * conleyreg} with {@code lag_cutoff}): spatial pairs are restricted to observations of the same
 * period, and pairs of observations of the same unit whose periods differ by l = 1..L are added
 * with the Bartlett weight 1 &minus; l/(L + 1):
 *
 * <pre>
 *   M = &Sigma;_t &Sigma;_{i,j &isin; t, d_{ij} &le; cutoff} K(d_{ij}) s_{it}s_{jt}' + &Sigma;_i &Sigma;_{0 &lt; |t&minus;r| &le; L} (1 &minus; |t&minus;r|/(L+1)) s_{it}s_{ir}'
 * </pre>
 *
 * It needs the fit's unit and time codes (a panel index set before fitting). Without a serial lag
 * (the default) all observations are pooled as one cross-section, as fixest does.
 *
 * <p>Small-sample factor, as for HC1: c = (n &minus; 1)/(n &minus; K) (the correction's kAdj, with
 * robustKAdj) times n/(n &minus; 1) (its clusterAdj with G = n), i.e. n/(n &minus; K) with the
 * default presets; K counts the fixed effects as {@link SmallSampleCorrection#parameters}. With the
 * {@link SmallSampleCorrection#fixest()} preset this reproduces fixest {@code vcov_conley} (fixest
 * 0.14.2, checked to 1e-8 on 800 points at 50, 100 and 200 km, both distances, with and without a
 * fixed effect). Degrees of freedom of t: n &minus; K (z for count models or {@link
 * SmallSampleCorrection.TDf#NORMAL}).
 *
 * <p>Earth radius: fixest's great-circle neighbour sets are reproduced with a radius of 6376 km
 * (determined black-box from fixest's outputs; any radius in [6375.97, 6376.18] km gives the same
 * sets on the reference data). Users check Conley standard errors against fixest, so that radius
 * ({@link #FIXEST_EARTH_RADIUS_KM}) is the default; {@code withEarthRadius(6371.0088)} (or {@code
 * radius=6371.0088} in the spec) uses the IUGG mean radius of econ4j's other great-circle
 * distances.
 *
 * <h2>Algorithm</h2>
 *
 * No n&times;n matrix: the coordinates are mapped to unit vectors in R&sup3; and a k-d tree finds,
 * for every observation, the observations within the chord length of the cutoff (for the triangular
 * distance a conservative radius of twice the cutoff, then the exact distance filters); each pair
 * is visited once. Cost O(n log n + pairs &middot; K); memory O(n). The serial part sorts
 * observations by unit and time.
 *
 * <h2>References</h2>
 *
 * Conley, T.G. (1999), GMM estimation with cross sectional dependence, Journal of Econometrics
 * 92(1), 1-45. Colella, F., Lalive, R., Sakalli, S.O. and Thoenig, M. (2019), Inference with
 * arbitrary clustering, IZA Discussion Paper 12584 (Stata {@code acreg}). Bergé, L. (2018), fixest
 * {@code vcov_conley} documentation.
 *
 * <p>Immutable value; {@code withX} returns a new instance.
 */
public final class ConleyVcov implements Vcov.Custom {
  /**
   * The default sphere radius (km) of great-circle distances: the radius that reproduces fixest's
   * {@code vcov_conley} neighbour sets.
   */
  public static final double FIXEST_EARTH_RADIUS_KM = 6376;

  /** The kernel K(d) applied to pairs within the cutoff. */
  public enum Kernel {
    /** K = 1 within the cutoff (fixest {@code vcov_conley}; conleyreg {@code kernel="uniform"}). */
    UNIFORM,
    /** K(d) = 1 &minus; d/cutoff (acreg's and conleyreg's default). */
    BARTLETT
  }

  /** How distances between coordinates are computed. */
  public enum Distance {
    /** Haversine great-circle distance (fixest {@code distance = "spherical"}). */
    GREAT_CIRCLE,
    /** Fixest's "triangular" flat approximation with 111 km per degree. */
    TRIANGULAR
  }

  /** Kilometres per degree of the triangular distance (fixest). */
  public static final double KM_PER_DEGREE = 111.0;

  private static final String SYNTAX =
      "conley:LAT,LON,CUTOFF_KM[,uniform|bartlett][,greatcircle|triangular][,lag=L][,radius=KM]";

  private final String latColumn;
  private final String lonColumn;
  private final double cutoffKm;
  private final Kernel kernel;
  private final Distance distance;
  private final int serialLag;
  private final double earthRadiusKm;
  private final double[] latValues; // captured coordinates of the estimation rows, or null
  private final double[] lonValues;

  private ConleyVcov(
      String latColumn,
      String lonColumn,
      double cutoffKm,
      Kernel kernel,
      Distance distance,
      int serialLag,
      double earthRadiusKm) {
    this(latColumn, lonColumn, cutoffKm, kernel, distance, serialLag, earthRadiusKm, null, null);
  }

  private ConleyVcov(
      String latColumn,
      String lonColumn,
      double cutoffKm,
      Kernel kernel,
      Distance distance,
      int serialLag,
      double earthRadiusKm,
      double[] latValues,
      double[] lonValues) {
    this.latValues = latValues;
    this.lonValues = lonValues;
    this.latColumn = latColumn;
    this.lonColumn = lonColumn;
    this.cutoffKm = cutoffKm;
    this.kernel = kernel;
    this.distance = distance;
    this.serialLag = serialLag;
    this.earthRadiusKm = earthRadiusKm;
  }

  /**
   * Conley standard errors with a uniform kernel, great-circle distances, no serial lag.
   *
   * @param latColumn the latitude column (degrees, in [&minus;90, 90])
   * @param lonColumn the longitude column (degrees, in [&minus;180, 360])
   * @param cutoffKm the distance cutoff in km, &gt; 0
   * @return the type
   * @throws SpecificationException if the cutoff is not a positive finite number
   */
  public static ConleyVcov of(String latColumn, String lonColumn, double cutoffKm) {
    Objects.requireNonNull(latColumn, "latColumn");
    Objects.requireNonNull(lonColumn, "lonColumn");
    if (latColumn.isBlank() || lonColumn.isBlank()) {
      throw new SpecificationException(
          "conley vcov needs a latitude and a longitude column, got '"
              + latColumn
              + "' and '"
              + lonColumn
              + "'; expected "
              + SYNTAX);
    }
    checkCutoff(cutoffKm);
    return new ConleyVcov(
        latColumn,
        lonColumn,
        cutoffKm,
        Kernel.UNIFORM,
        Distance.GREAT_CIRCLE,
        -1,
        FIXEST_EARTH_RADIUS_KM);
  }

  private static void checkCutoff(double cutoffKm) {
    if (!(cutoffKm > 0) || Double.isInfinite(cutoffKm)) {
      throw new SpecificationException(
          "conley cutoff "
              + cutoffKm
              + " km is not a positive finite distance; expected e.g. conley:lat,lon,100");
    }
  }

  /**
   * Parses {@code conley:LAT,LON,CUTOFF_KM[,uniform|bartlett][,greatcircle|triangular][,lag=L]
   * [,radius=KM]} (keywords case-insensitive; {@code spherical} is an alias of {@code greatcircle};
   * options in any order). The CLI's {@code --vcov} calls it for the {@code conley:} prefix.
   *
   * @param text e.g. {@code conley:lat,lon,100} or {@code conley:lat,lon,250,bartlett,lag=2}
   * @return the type
   * @throws SpecificationException naming the bad token and giving the syntax
   */
  public static ConleyVcov parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    int colon = t.indexOf(':');
    if (colon < 0 || !t.substring(0, colon).trim().equalsIgnoreCase("conley")) {
      throw new SpecificationException(
          "vcov '" + t + "' is not a conley specification; expected " + SYNTAX);
    }
    String[] parts = t.substring(colon + 1).split(",", -1);
    if (parts.length < 3) {
      throw new SpecificationException(
          "vcov '"
              + t
              + "' needs a latitude column, a longitude column and a cutoff in km; expected "
              + SYNTAX);
    }
    String lat = parts[0].trim();
    String lon = parts[1].trim();
    double cutoff;
    try {
      cutoff = Double.parseDouble(parts[2].trim());
    } catch (NumberFormatException e) {
      throw new SpecificationException(
          "cutoff '"
              + parts[2].trim()
              + "' in vcov '"
              + t
              + "' is not a number; expected "
              + SYNTAX,
          e);
    }
    ConleyVcov v = of(lat, lon, cutoff);
    for (int p = 3; p < parts.length; p++) {
      String opt = parts[p].trim();
      String lower = opt.toLowerCase(Locale.ROOT);
      if (lower.equals("uniform")) {
        v = v.withKernel(Kernel.UNIFORM);
      } else if (lower.equals("bartlett")) {
        v = v.withKernel(Kernel.BARTLETT);
      } else if (lower.equals("greatcircle") || lower.equals("spherical")) {
        v = v.withDistance(Distance.GREAT_CIRCLE);
      } else if (lower.equals("triangular")) {
        v = v.withDistance(Distance.TRIANGULAR);
      } else if (lower.startsWith("lag=")) {
        int lag;
        try {
          lag = Integer.parseInt(opt.substring(4).trim());
        } catch (NumberFormatException e) {
          lag = -1;
        }
        if (lag < 0) {
          throw new SpecificationException(
              "serial lag '"
                  + opt.substring(4).trim()
                  + "' in vcov '"
                  + t
                  + "' is not a non-negative integer; expected lag=L with L >= 0");
        }
        v = v.withSerialLag(lag);
      } else if (lower.startsWith("radius=")) {
        double r;
        try {
          r = Double.parseDouble(opt.substring(7).trim());
        } catch (NumberFormatException e) {
          r = Double.NaN;
        }
        v = v.withEarthRadius(r);
      } else {
        throw new SpecificationException(
            "unknown option '" + opt + "' in vcov '" + t + "'; expected " + SYNTAX);
      }
    }
    return v;
  }

  /**
   * @param k the kernel (default {@link Kernel#UNIFORM})
   * @return a copy with the kernel
   */
  public ConleyVcov withKernel(Kernel k) {
    return new ConleyVcov(
        latColumn,
        lonColumn,
        cutoffKm,
        Objects.requireNonNull(k, "kernel"),
        distance,
        serialLag,
        earthRadiusKm,
        latValues,
        lonValues);
  }

  /**
   * @param d the distance (default {@link Distance#GREAT_CIRCLE})
   * @return a copy with the distance
   */
  public ConleyVcov withDistance(Distance d) {
    return new ConleyVcov(
        latColumn,
        lonColumn,
        cutoffKm,
        kernel,
        Objects.requireNonNull(d, "distance"),
        serialLag,
        earthRadiusKm,
        latValues,
        lonValues);
  }

  /**
   * The panel version: spatial pairs within periods plus Bartlett-weighted serial pairs within
   * units up to lag L (acreg, conleyreg {@code lag_cutoff}).
   *
   * @param lag L &ge; 0 (0: spatial correlation within periods only)
   * @return a copy with the serial lag
   * @throws SpecificationException if lag is negative
   */
  public ConleyVcov withSerialLag(int lag) {
    if (lag < 0) {
      throw new SpecificationException(
          "conley serial lag " + lag + " is negative; expected lag=L with L >= 0");
    }
    return new ConleyVcov(
        latColumn, lonColumn, cutoffKm, kernel, distance, lag, earthRadiusKm, latValues, lonValues);
  }

  /**
   * @param km the sphere radius for great-circle distances (default {@link
   *     #FIXEST_EARTH_RADIUS_KM}, which reproduces fixest; 6371.0088 is the IUGG mean radius)
   * @return a copy with the radius
   * @throws SpecificationException if km is not a positive finite number
   */
  public ConleyVcov withEarthRadius(double km) {
    if (!(km > 0) || Double.isInfinite(km)) {
      throw new SpecificationException(
          "conley earth radius "
              + km
              + " km is not a positive finite distance; expected e.g. 6371");
    }
    return new ConleyVcov(
        latColumn, lonColumn, cutoffKm, kernel, distance, serialLag, km, latValues, lonValues);
  }

  /**
   * Captures the coordinates of the estimation rows, for estimators that do not register {@link
   * #columns()} in their {@link InferenceData} (then the captured values are used instead of {@link
   * InferenceData#column(String)}). Typical use after a fit: {@code
   * result.withVcov(conley.withCoordinatesFrom(panel, feOlsResult.keptRows()))}.
   *
   * @param panel the data the model was fitted on
   * @param rows the panel rows used by the fit, in the order of the estimation sample
   * @return a copy carrying the latitude and longitude of those rows
   * @throws SpecificationException for an unknown or non-numeric column
   * @throws IllegalArgumentException for a row outside the panel
   */
  public ConleyVcov withCoordinatesFrom(Panel panel, int[] rows) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(rows, "rows");
    double[] la = panel.numeric(latColumn);
    double[] lo = panel.numeric(lonColumn);
    double[] a = new double[rows.length];
    double[] b = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= la.length) {
        throw new IllegalArgumentException(
            "row " + rows[i] + " is outside the panel of " + la.length + " rows");
      }
      a[i] = la[rows[i]];
      b[i] = lo[rows[i]];
    }
    return withCoordinates(a, b);
  }

  /**
   * Captures the coordinates of the estimation rows directly (see {@link
   * #withCoordinatesFrom(Panel, int[])}).
   *
   * @param lat latitude per observation of the estimation sample (copied)
   * @param lon longitude per observation (copied)
   * @return a copy carrying the coordinates
   * @throws IllegalArgumentException if the lengths differ
   */
  public ConleyVcov withCoordinates(double[] lat, double[] lon) {
    Objects.requireNonNull(lat, "lat");
    Objects.requireNonNull(lon, "lon");
    if (lat.length != lon.length) {
      throw new IllegalArgumentException(
          "latitude has " + lat.length + " values but longitude has " + lon.length);
    }
    return new ConleyVcov(
        latColumn,
        lonColumn,
        cutoffKm,
        kernel,
        distance,
        serialLag,
        earthRadiusKm,
        lat.clone(),
        lon.clone());
  }

  /**
   * @return whether coordinates were captured with {@link #withCoordinates} or {@link
   *     #withCoordinatesFrom}
   */
  public boolean hasCoordinates() {
    return latValues != null;
  }

  /**
   * @return the latitude column
   */
  public String latColumn() {
    return latColumn;
  }

  /**
   * @return the longitude column
   */
  public String lonColumn() {
    return lonColumn;
  }

  /**
   * @return the cutoff in km
   */
  public double cutoffKm() {
    return cutoffKm;
  }

  /**
   * @return the kernel
   */
  public Kernel kernel() {
    return kernel;
  }

  /**
   * @return the distance
   */
  public Distance distance() {
    return distance;
  }

  /**
   * @return the serial lag L, or &minus;1 for the pooled cross-section (no panel structure)
   */
  public int serialLag() {
    return serialLag;
  }

  /**
   * @return the sphere radius in km for great-circle distances
   */
  public double earthRadiusKm() {
    return earthRadiusKm;
  }

  /**
   * @return the latitude and longitude columns, which the estimator registers on the kept rows
   */
  @Override
  public List<String> columns() {
    return List.of(latColumn, lonColumn);
  }

  @Override
  public String spec() {
    StringBuilder b = new StringBuilder("conley:");
    b.append(latColumn).append(',').append(lonColumn).append(',').append(number(cutoffKm));
    if (kernel == Kernel.BARTLETT) {
      b.append(",bartlett");
    }
    if (distance == Distance.TRIANGULAR) {
      b.append(",triangular");
    }
    if (serialLag >= 0) {
      b.append(",lag=").append(serialLag);
    }
    if (earthRadiusKm != FIXEST_EARTH_RADIUS_KM) {
      b.append(",radius=").append(number(earthRadiusKm));
    }
    return b.toString();
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String label() {
    return "Conley ("
        + number(cutoffKm)
        + " km"
        + (kernel == Kernel.BARTLETT ? ", Bartlett" : "")
        + (serialLag >= 0 ? ", lag " + serialLag : "")
        + ")";
  }

  @Override
  public VcovEstimate compute(InferenceData data, SmallSampleCorrection ssc) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(ssc, "ssc");
    int n = data.nobs();
    int k = data.coefficients();
    double[] lat;
    double[] lon;
    if (latValues != null) {
      if (latValues.length != n) {
        throw new SpecificationException(
            "vcov '"
                + spec()
                + "' carries coordinates of "
                + latValues.length
                + " observations but the fit has "
                + n
                + "; capture them from the fit's kept rows (withCoordinatesFrom(panel, keptRows))");
      }
      lat = latValues;
      lon = lonValues;
    } else {
      lat = requireColumn(data, latColumn);
      lon = requireColumn(data, lonColumn);
    }
    for (int i = 0; i < n; i++) {
      if (!(lat[i] >= -90 && lat[i] <= 90)) {
        throw new SpecificationException(
            "latitude '"
                + latColumn
                + "' of observation "
                + (i + 1)
                + " is "
                + lat[i]
                + ", outside [-90, 90]; check that latitude and longitude are not swapped");
      }
      if (!(lon[i] >= -360 && lon[i] <= 360)) {
        throw new SpecificationException(
            "longitude '"
                + lonColumn
                + "' of observation "
                + (i + 1)
                + " is "
                + lon[i]
                + ", outside [-360, 360]; longitudes are in degrees");
      }
    }
    double[][] s = data.scores();
    double[][] meat;
    if (serialLag < 0) {
      meat = meat(lat, lon, s, null, null);
    } else {
      int[] time =
          data.timeCodes()
              .orElseThrow(
                  () ->
                      new SpecificationException(
                          "vcov '"
                              + spec()
                              + "' with a serial lag needs the panel index (unit, time), which"
                              + " this fit does not have; set the panel index before fitting or"
                              + " drop lag="));
      int[] unit = data.unitCodes().orElse(new int[n]);
      meat = meat(lat, lon, s, time, unit);
    }
    int bigK = ssc.parameters(k, data.fixefDof(), data.fixefDof(), false);
    double c = (ssc.robustKAdj() ? ssc.kFactor(n, bigK) : 1.0) * ssc.clusterFactor(n);
    double[][] v = SymmetricMatrices.sandwich(data.bread(), meat);
    for (double[] row : v) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= c;
      }
    }
    double tDf = n - bigK;
    if (ssc.tDf() == SmallSampleCorrection.TDf.NORMAL || data.normal()) {
      tDf = Double.POSITIVE_INFINITY;
    }
    if (!(tDf > 0)) {
      throw new SpecificationException(
          "no residual degrees of freedom left for vcov '"
              + spec()
              + "' (n = "
              + n
              + ", K = "
              + bigK
              + "); fewer parameters or more observations are needed");
    }
    return new VcovEstimate(this, ssc, v, List.of(), tDf, bigK, List.of());
  }

  private double[] requireColumn(InferenceData data, String name) {
    return data.column(name)
        .orElseThrow(
            () ->
                new SpecificationException(
                    "vcov '"
                        + spec()
                        + "' needs column '"
                        + name
                        + "' on the estimation sample, which this fit did not register"
                        + " (registered: "
                        + (data.columnNames().isEmpty()
                            ? "none"
                            : String.join(", ", data.columnNames()))
                        + "); fit with this vcov so that the estimator captures the coordinates"));
  }

  /**
   * The meat M (K&times;K) from coordinates and scores; with {@code time} non-null the panel
   * version (spatial pairs within periods, serial pairs within units up to {@link #serialLag()}).
   */
  double[][] meat(double[] lat, double[] lon, double[][] s, int[] time, int[] unit) {
    int n = lat.length;
    int k = s.length;
    double[][] m = new double[k][k];
    // diagonal pairs i = j
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double acc = 0;
        double[] sa = s[a];
        double[] sb = s[b];
        for (int i = 0; i < n; i++) {
          acc += sa[i] * sb[i];
        }
        m[a][b] += acc;
        if (b != a) {
          m[b][a] += acc;
        }
      }
    }
    if (time == null) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      spatialPairs(all, lat, lon, s, m);
    } else {
      for (int[] group : groupBy(time)) {
        spatialPairs(group, lat, lon, s, m);
      }
      serialPairs(time, unit, s, m);
    }
    return m;
  }

  private static List<int[]> groupBy(int[] codes) {
    int n = codes.length;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((long) codes[i] << 32) | i;
    }
    Arrays.sort(packed);
    List<int[]> groups = new ArrayList<>();
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && (packed[end] >> 32) == (packed[start] >> 32)) {
        end++;
      }
      int[] g = new int[end - start];
      for (int p = start; p < end; p++) {
        g[p - start] = (int) (packed[p] & 0xffffffffL);
      }
      groups.add(g);
      start = end;
    }
    return groups;
  }

  /** Adds &Sigma; over pairs p &lt; q of idx within the cutoff of K(d)(s_p s_q' + s_q s_p'). */
  private void spatialPairs(int[] idx, double[] lat, double[] lon, double[][] s, double[][] m) {
    int g = idx.length;
    if (g < 2) {
      return;
    }
    int k = s.length;
    double[] pts = new double[3 * g];
    double[] latR = new double[g];
    double[] lonR = new double[g];
    for (int p = 0; p < g; p++) {
      int i = idx[p];
      latR[p] = Math.toRadians(lat[i]);
      lonR[p] = Math.toRadians(lon[i]);
      double cl = Math.cos(latR[p]);
      pts[3 * p] = cl * Math.cos(lonR[p]);
      pts[3 * p + 1] = cl * Math.sin(lonR[p]);
      pts[3 * p + 2] = Math.sin(latR[p]);
    }
    KdTree tree = new KdTree(3, pts);
    KdTree.Workspace ws = new KdTree.Workspace(tree);
    double angle;
    if (distance == Distance.GREAT_CIRCLE) {
      angle = cutoffKm / earthRadiusKm;
    } else {
      angle = 2 * cutoffKm / Math.toDegrees(1.0) / KM_PER_DEGREE;
    }
    double chord = angle >= Math.PI ? 2.0 : 2 * Math.sin(angle / 2);
    double r2 = chord * (1 + 1e-9) + 1e-12;
    r2 = r2 * r2;
    // great-circle: d = 2R asin(c/2) is monotone in the chord c, so the exact test d <= cutoff is
    // c^2 <= chord^2 (no trigonometry per pair); the distance itself is needed only for Bartlett
    boolean sphere = distance == Distance.GREAT_CIRCLE;
    double chord2 = chord * chord;
    boolean bartlett = kernel == Kernel.BARTLETT;
    double[] t = new double[k];
    for (int p = 0; p < g; p++) {
      tree.within(p, r2, ws);
      int cnt = ws.count();
      int[] found = ws.indices();
      double[] found2 = ws.squaredDistances();
      boolean any = false;
      for (int c = 0; c < cnt; c++) {
        int q = found[c];
        if (q <= p) {
          continue;
        }
        double w;
        if (sphere) {
          double c2 = found2[c];
          if (!(c2 <= chord2)) {
            continue;
          }
          w = bartlett ? 1 - 2 * earthRadiusKm * Math.asin(Math.sqrt(c2) / 2) / cutoffKm : 1.0;
        } else {
          double d = pairDistance(latR, lonR, p, q);
          if (!(d <= cutoffKm)) {
            continue;
          }
          w = bartlett ? 1 - d / cutoffKm : 1.0;
        }
        int j = idx[q];
        for (int a = 0; a < k; a++) {
          t[a] += w * s[a][j];
        }
        any = true;
      }
      if (any) {
        int i = idx[p];
        for (int a = 0; a < k; a++) {
          double sa = s[a][i];
          double ta = t[a];
          for (int b = 0; b < k; b++) {
            m[a][b] += sa * t[b] + ta * s[b][i];
          }
        }
        Arrays.fill(t, 0.0);
      }
    }
  }

  /** Fixest's triangular distance in km (great-circle pairs are tested on the chord). */
  private static double pairDistance(double[] latR, double[] lonR, int p, int q) {
    double dLat = latR[q] - latR[p];
    double dLon = lonR[q] - lonR[p];
    if (dLon > Math.PI) {
      dLon -= 2 * Math.PI;
    } else if (dLon < -Math.PI) {
      dLon += 2 * Math.PI;
    }
    double c = Math.cos((latR[p] + latR[q]) / 2);
    double dx = Math.toDegrees(c * dLon);
    double dy = Math.toDegrees(dLat);
    return KM_PER_DEGREE * Math.sqrt(dy * dy + dx * dx);
  }

  /** Adds the Bartlett-weighted pairs of the same unit whose periods differ by 1..L. */
  private void serialPairs(int[] time, int[] unit, double[][] s, double[][] m) {
    if (serialLag == 0) {
      return;
    }
    int n = time.length;
    int k = s.length;
    long minT = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      minT = Math.min(minT, time[i]);
    }
    // sort by (unit, time)
    long[] key = new long[n];
    int[] order = new int[n];
    for (int[] grp : groupBy(unit)) {
      // grp is in index order; sort by time inside
      for (int p = 0; p < grp.length; p++) {
        key[p] = ((time[grp[p]] - minT) << 32) | grp[p];
      }
      Arrays.sort(key, 0, grp.length);
      for (int p = 0; p < grp.length; p++) {
        order[p] = (int) (key[p] & 0xffffffffL);
      }
      for (int p = 0; p < grp.length; p++) {
        int i = order[p];
        for (int q = p + 1; q < grp.length; q++) {
          int j = order[q];
          long d = (long) time[j] - time[i];
          if (d > serialLag) {
            break;
          }
          if (d == 0) {
            continue;
          }
          double w = 1.0 - d / (serialLag + 1.0);
          for (int a = 0; a < k; a++) {
            double sai = s[a][i];
            double saj = s[a][j];
            for (int b = 0; b < k; b++) {
              m[a][b] += w * (sai * s[b][j] + saj * s[b][i]);
            }
          }
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConleyVcov)) {
      return false;
    }
    ConleyVcov c = (ConleyVcov) o;
    return latColumn.equals(c.latColumn)
        && lonColumn.equals(c.lonColumn)
        && Double.compare(cutoffKm, c.cutoffKm) == 0
        && kernel == c.kernel
        && distance == c.distance
        && serialLag == c.serialLag
        && Double.compare(earthRadiusKm, c.earthRadiusKm) == 0
        && Arrays.equals(latValues, c.latValues)
        && Arrays.equals(lonValues, c.lonValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(latColumn, lonColumn, cutoffKm, kernel, distance, serialLag, earthRadiusKm)
        + 31 * Arrays.hashCode(latValues)
        + 17 * Arrays.hashCode(lonValues);
  }

  @Override
  public String toString() {
    return "ConleyVcov[" + spec() + "]";
  }
}
