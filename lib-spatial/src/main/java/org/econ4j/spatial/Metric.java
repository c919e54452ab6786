package org.econ4j.spatial;

/** The distance between two coordinate pairs. */
public enum Metric {
  /** Euclidean distance in the units of the coordinates (planar x, y). */
  EUCLIDEAN,
  /**
   * Great-circle distance in kilometres between (longitude, latitude) pairs in decimal degrees, by
   * the haversine formula on a sphere of radius {@link Coordinates#EARTH_RADIUS_KM} (the IUGG mean
   * Earth radius R<sub>1</sub> = 6371.0088 km):
   *
   * <p>d = 2R·asin(√(sin²(Δφ/2) + cos φ<sub>1</sub> cos φ<sub>2</sub> sin²(Δλ/2))).
   */
  GREAT_CIRCLE
}
