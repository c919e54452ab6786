package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;

/**
 * Validated point coordinates of n uniquely identified units: planar (x, y) with {@link
 * Metric#EUCLIDEAN} distances, or (longitude, latitude) in decimal degrees with {@link
 * Metric#GREAT_CIRCLE} distances in kilometres.
 *
 * <p>Earth radius: {@link #EARTH_RADIUS_KM} = 6371.0088 km, the IUGG mean radius R<sub>1</sub> =
 * (2a + b)/3 of the WGS84 ellipsoid. spdep ({@code longlat = TRUE}, through sp) and fixest's Conley
 * code use their own Earth models (an ellipsoid or another sphere radius), so great-circle
 * distances can differ from theirs in the 4th significant digit; econ4j uses this one sphere
 * everywhere (weights and, later, Conley standard errors).
 *
 * <p>Validation (each a {@link SpecificationException} naming the unit): duplicate ids, missing
 * (NaN) or infinite coordinates, latitude outside [−90, 90], longitude outside [−180, 360].
 * Immutable and thread-safe.
 */
public final class Coordinates {
  /** Mean Earth radius in km (IUGG R<sub>1</sub>), used for great-circle distances. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private final String[] ids;
  private final double[] x;
  private final double[] y;
  private final Metric metric;

  private Coordinates(String[] ids, double[] x, double[] y, Metric metric) {
    this.ids = ids;
    this.x = x;
    this.y = y;
    this.metric = metric;
  }

  /**
   * Planar coordinates with Euclidean distances.
   *
   * @param ids unit ids, unique
   * @param x first coordinate (copied)
   * @param y second coordinate (copied)
   * @return the coordinates
   * @throws SpecificationException for duplicate ids or missing coordinates
   */
  public static Coordinates planar(List<String> ids, double[] x, double[] y) {
    return of(ids, x, y, Metric.EUCLIDEAN);
  }

  /**
   * Longitude/latitude in decimal degrees with great-circle distances in km.
   *
   * @param ids unit ids, unique
   * @param lon longitudes (copied)
   * @param lat latitudes (copied)
   * @return the coordinates
   * @throws SpecificationException for duplicate ids, missing or out-of-range coordinates
   */
  public static Coordinates lonLat(List<String> ids, double[] lon, double[] lat) {
    return of(ids, lon, lat, Metric.GREAT_CIRCLE);
  }

  /**
   * Coordinates with an explicit metric; for {@link Metric#GREAT_CIRCLE} {@code x} is longitude and
   * {@code y} latitude.
   *
   * @param ids unit ids
   * @param x first coordinate (or longitude)
   * @param y second coordinate (or latitude)
   * @param metric the metric
   * @return the coordinates
   */
  public static Coordinates of(List<String> ids, double[] x, double[] y, Metric metric) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(metric, "metric");
    int n = ids.size();
    if (x.length != n || y.length != n) {
      throw new IllegalArgumentException(
          "coordinates have " + x.length + " and " + y.length + " values for " + n + " ids");
    }
    String[] idArr = new String[n];
    Map<String, Integer> seen = new HashMap<>();
    String xName = metric == Metric.GREAT_CIRCLE ? "longitude" : "x";
    String yName = metric == Metric.GREAT_CIRCLE ? "latitude" : "y";
    for (int i = 0; i < n; i++) {
      String id = ids.get(i);
      if (id == null) {
        throw new SpecificationException(
            "missing unit id at position "
                + (i + 1)
                + " of the coordinates; every unit needs an id");
      }
      Integer prev = seen.put(id, i);
      if (prev != null) {
        throw new SpecificationException(
            "duplicate unit id '"
                + id
                + "' in coordinates (positions "
                + (prev + 1)
                + " and "
                + (i + 1)
                + "); each unit must appear once");
      }
      idArr[i] = id;
      checkFinite(id, xName, x[i]);
      checkFinite(id, yName, y[i]);
      if (metric == Metric.GREAT_CIRCLE) {
        if (y[i] < -90 || y[i] > 90) {
          throw new SpecificationException(
              "latitude "
                  + y[i]
                  + " of unit '"
                  + id
                  + "' is outside [-90, 90]; check that longitude and latitude are not swapped");
        }
        if (x[i] < -180 || x[i] > 360) {
          throw new SpecificationException(
              "longitude " + x[i] + " of unit '" + id + "' is outside [-180, 360]");
        }
      }
    }
    return new Coordinates(idArr, x.clone(), y.clone(), metric);
  }

  /**
   * Reads coordinates from panel columns (one row per unit).
   *
   * @param panel the data
   * @param id the unit id column (categorical or numeric)
   * @param x the x (or longitude) column
   * @param y the y (or latitude) column
   * @param metric the metric
   * @return the coordinates
   * @throws SpecificationException for unknown columns or the rules above
   */
  public static Coordinates fromPanel(Panel panel, String id, String x, String y, Metric metric) {
    String[] labels = panel.labels(id);
    List<String> ids = new ArrayList<>(labels.length);
    Collections.addAll(ids, labels);
    return of(ids, panel.numeric(x), panel.numeric(y), metric);
  }

  private static void checkFinite(String id, String name, double v) {
    if (Double.isNaN(v)) {
      throw new SpecificationException(
          "missing "
              + name
              + " coordinate for unit '"
              + id
              + "'; drop the unit or supply its coordinates");
    }
    if (Double.isInfinite(v)) {
      throw new SpecificationException(
          name + " coordinate of unit '" + id + "' is infinite; expected a finite number");
    }
  }

  /**
   * @return the number of units
   */
  public int size() {
    return ids.length;
  }

  /**
   * @return the unit ids in order
   */
  public List<String> ids() {
    return List.of(ids);
  }

  /**
   * @return the first coordinate (x or longitude), copied
   */
  public double[] x() {
    return x.clone();
  }

  /**
   * @return the second coordinate (y or latitude), copied
   */
  public double[] y() {
    return y.clone();
  }

  /**
   * @return the metric
   */
  public Metric metric() {
    return metric;
  }

  /**
   * @param i a unit position
   * @param j a unit position
   * @return the distance between units i and j (km for great-circle)
   */
  public double distance(int i, int j) {
    if (metric == Metric.EUCLIDEAN) {
      double dx = x[i] - x[j];
      double dy = y[i] - y[j];
      return Math.sqrt(dx * dx + dy * dy);
    }
    return haversineKm(x[i], y[i], x[j], y[j]);
  }

  /**
   * Great-circle distance by the haversine formula on a sphere of radius {@link #EARTH_RADIUS_KM}.
   *
   * @param lon1 longitude 1 (degrees)
   * @param lat1 latitude 1 (degrees)
   * @param lon2 longitude 2 (degrees)
   * @param lat2 latitude 2 (degrees)
   * @return the distance in km
   */
  public static double haversineKm(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double sdp = Math.sin((p2 - p1) / 2);
    double sdl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  String[] idsUnsafe() {
    return ids;
  }

  double[] xUnsafe() {
    return x;
  }

  double[] yUnsafe() {
    return y;
  }
}
