package org.econ4j.panel.gravity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelBuilder;

/**
 * Builds country-pair (dyad) panels for gravity work from a unit-level attribute table (one row per
 * unit, or per unit and time).
 *
 * <p>The result has the columns {@code pair} (the pair id {@code origin_destination}, e.g. {@code
 * CHN_USA}), {@code origin}, {@code destination} (categorical labels of the id column), the time
 * column when {@link #withTime} is set (pairs are then formed among the units present in each
 * period), and every other attribute twice: under the origin prefix ({@code o_gdp}) with the
 * origin's value and under the destination prefix ({@code d_gdp}) with the destination's value.
 *
 * <p>Directed pairs ({@link #directed()}, the default) contain (i, j) and (j, i). Undirected pairs
 * ({@link #undirected()}) contain each unordered pair once, in canonical order: origin is the id
 * that sorts first ({@link String#compareTo}), so the pair id of China and the USA is always {@code
 * CHN_USA}. Pairs (i, i) are excluded unless {@link #includeSelf(boolean) includeSelf(true)}.
 * {@link #withOrigins} keeps only pairs whose origin is listed (directed), or that involve a listed
 * unit (undirected): e.g. China as the only origin and every partner as destination. {@link
 * #withUnits} restricts both sides to a list of units.
 *
 * <p>Rows are ordered by time (ascending), then origin, then destination, units in order of first
 * appearance in the attribute table. Immutable and thread-safe; every {@code withX} returns a new
 * builder.
 *
 * <p>Example: {@code Dyads.from(countries, "iso").directed().withTime("year").withPrefixes("o_",
 * "d_").includeSelf(false).build()}.
 */
public final class Dyads {
  private final Panel attributes;
  private final String id;
  private final boolean directed;
  private final String time;
  private final String originPrefix;
  private final String destinationPrefix;
  private final boolean includeSelf;
  private final List<String> origins;
  private final List<String> units;

  private Dyads(
      Panel attributes,
      String id,
      boolean directed,
      String time,
      String originPrefix,
      String destinationPrefix,
      boolean includeSelf,
      List<String> origins,
      List<String> units) {
    this.attributes = attributes;
    this.id = id;
    this.directed = directed;
    this.time = time;
    this.originPrefix = originPrefix;
    this.destinationPrefix = destinationPrefix;
    this.includeSelf = includeSelf;
    this.origins = origins;
    this.units = units;
  }

  /**
   * Starts a dyad builder: directed, no time, prefixes {@code o_} and {@code d_}, i = j excluded,
   * every unit an origin.
   *
   * @param attributes the unit-level attributes
   * @param idColumn the unit id column
   * @return the builder
   * @throws SpecificationException if the id column does not exist
   */
  public static Dyads from(Panel attributes, String idColumn) {
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(idColumn, "idColumn");
    if (!attributes.hasColumn(idColumn)) {
      throw new SpecificationException(
          "unknown id column '"
              + idColumn
              + "' for dyads; known columns: "
              + String.join(", ", attributes.columnNames()));
    }
    return new Dyads(attributes, idColumn, true, null, "o_", "d_", false, List.of(), List.of());
  }

  /**
   * @return a builder of directed pairs (i, j) and (j, i)
   */
  public Dyads directed() {
    return new Dyads(
        attributes, id, true, time, originPrefix, destinationPrefix, includeSelf, origins, units);
  }

  /**
   * @return a builder of undirected pairs, each once in canonical order
   */
  public Dyads undirected() {
    return new Dyads(
        attributes, id, false, time, originPrefix, destinationPrefix, includeSelf, origins, units);
  }

  /**
   * @param timeColumn the time column of the attributes; pairs are formed per period
   * @return the new builder
   * @throws SpecificationException if the column does not exist
   */
  public Dyads withTime(String timeColumn) {
    Objects.requireNonNull(timeColumn, "timeColumn");
    if (!attributes.hasColumn(timeColumn)) {
      throw new SpecificationException(
          "unknown time column '"
              + timeColumn
              + "' for dyads; known columns: "
              + String.join(", ", attributes.columnNames()));
    }
    return new Dyads(
        attributes,
        id,
        directed,
        timeColumn,
        originPrefix,
        destinationPrefix,
        includeSelf,
        origins,
        units);
  }

  /**
   * @param origin prefix of origin attributes (default {@code o_})
   * @param destination prefix of destination attributes (default {@code d_})
   * @return the new builder
   * @throws SpecificationException if the prefixes are equal
   */
  public Dyads withPrefixes(String origin, String destination) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(destination, "destination");
    if (origin.equals(destination)) {
      throw new SpecificationException(
          "origin and destination prefixes are both '"
              + origin
              + "'; give two different prefixes such as o_ and d_");
    }
    return new Dyads(
        attributes, id, directed, time, origin, destination, includeSelf, origins, units);
  }

  /**
   * @param include whether to include the pairs (i, i) (default false)
   * @return the new builder
   */
  public Dyads includeSelf(boolean include) {
    return new Dyads(
        attributes, id, directed, time, originPrefix, destinationPrefix, include, origins, units);
  }

  /**
   * Restricts the origins (e.g. only {@code CHN}, with every unit as destination).
   *
   * @param ids origin ids (each must occur in the id column)
   * @return the new builder
   */
  public Dyads withOrigins(String... ids) {
    Objects.requireNonNull(ids, "ids");
    List<String> l = new ArrayList<>();
    for (String s : ids) {
      l.add(Objects.requireNonNull(s, "id"));
    }
    return new Dyads(
        attributes,
        id,
        directed,
        time,
        originPrefix,
        destinationPrefix,
        includeSelf,
        List.copyOf(l),
        units);
  }

  /**
   * Restricts the units on both sides to a list (the other rows of the attribute table are
   * ignored).
   *
   * @param ids the units (each must occur in the id column)
   * @return the new builder
   */
  public Dyads withUnits(String... ids) {
    Objects.requireNonNull(ids, "ids");
    List<String> l = new ArrayList<>();
    for (String s : ids) {
      l.add(Objects.requireNonNull(s, "id"));
    }
    return new Dyads(
        attributes,
        id,
        directed,
        time,
        originPrefix,
        destinationPrefix,
        includeSelf,
        origins,
        List.copyOf(l));
  }

  /**
   * @return the time column, if set
   */
  public Optional<String> timeColumn() {
    return Optional.ofNullable(time);
  }

  /**
   * Builds the pair panel.
   *
   * @return the panel (no index; index it with {@code withIndex("pair", time)})
   * @throws SpecificationException for a missing id, an id repeated (within a period when a time
   *     column is set), a missing time, or an origin that is not an id
   */
  public Panel build() {
    int n = attributes.rows();
    String[] ids = attributes.labels(id);
    String[] times = time == null ? new String[n] : attributes.labels(time);
    List<String> periodOrder = new ArrayList<>();
    Map<String, List<Integer>> rowsByPeriod = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Set<String> allIds = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      if (ids[i] == null) {
        throw new SpecificationException(
            "id column '" + id + "' is missing at row " + (i + 1) + "; drop rows without an id");
      }
      if (time != null && times[i] == null) {
        throw new SpecificationException(
            "time column '"
                + time
                + "' is missing at row "
                + (i + 1)
                + "; drop rows without a time");
      }
      String period = time == null ? "" : times[i];
      String key = ids[i] + "\u0000" + period;
      Integer prev = seen.put(key, i);
      if (prev != null) {
        throw new SpecificationException(
            "id '"
                + ids[i]
                + "' appears twice in column '"
                + id
                + "'"
                + (time == null ? "" : " for " + time + " " + period)
                + " (rows "
                + (prev + 1)
                + " and "
                + (i + 1)
                + "); dyads need one attribute row per unit"
                + (time == null ? "; set withTime(...) for a unit-time table" : " and period"));
      }
      allIds.add(ids[i]);
      List<Integer> rs = rowsByPeriod.get(period);
      if (rs == null) {
        rs = new ArrayList<>();
        rowsByPeriod.put(period, rs);
        periodOrder.add(period);
      }
      rs.add(i);
    }
    for (String u : units) {
      if (!allIds.contains(u)) {
        throw new SpecificationException(
            "unit '"
                + u
                + "' is not an id in column '"
                + id
                + "'; known ids include: "
                + String.join(
                    ", ", new ArrayList<>(allIds).subList(0, Math.min(10, allIds.size()))));
      }
    }
    Set<String> unitSet = new LinkedHashSet<>(units);
    for (String o : origins) {
      if (!allIds.contains(o)) {
        throw new SpecificationException(
            "origin '"
                + o
                + "' is not an id in column '"
                + id
                + "'; known ids include: "
                + String.join(
                    ", ", new ArrayList<>(allIds).subList(0, Math.min(10, allIds.size()))));
      }
    }
    if (time != null && attributes.type(time) == ColumnType.NUMERIC) {
      double[] tv = attributes.numeric(time);
      Map<String, Double> value = new HashMap<>();
      for (int i = 0; i < n; i++) {
        value.put(times[i], tv[i]);
      }
      periodOrder.sort((a, b) -> Double.compare(value.get(a), value.get(b)));
    } else if (time != null) {
      periodOrder.sort(String::compareTo);
    }
    Set<String> originSet = new LinkedHashSet<>(origins);
    List<Integer> oRows = new ArrayList<>();
    List<Integer> dRows = new ArrayList<>();
    for (String period : periodOrder) {
      List<Integer> rs = rowsByPeriod.get(period);
      for (int a : rs) {
        if (!unitSet.isEmpty() && !unitSet.contains(ids[a])) {
          continue;
        }
        for (int b : rs) {
          if (!unitSet.isEmpty() && !unitSet.contains(ids[b])) {
            continue;
          }
          if (a == b && !includeSelf) {
            continue;
          }
          if (directed) {
            if (!originSet.isEmpty() && !originSet.contains(ids[a])) {
              continue;
            }
            oRows.add(a);
            dRows.add(b);
          } else {
            int cmp = ids[a].compareTo(ids[b]);
            if (cmp > 0) {
              continue;
            }
            if (!originSet.isEmpty()
                && !originSet.contains(ids[a])
                && !originSet.contains(ids[b])) {
              continue;
            }
            oRows.add(a);
            dRows.add(b);
          }
        }
      }
    }
    int m = oRows.size();
    int[] or = new int[m];
    int[] dr = new int[m];
    String[] pair = new String[m];
    String[] orig = new String[m];
    String[] dest = new String[m];
    for (int k = 0; k < m; k++) {
      or[k] = oRows.get(k);
      dr[k] = dRows.get(k);
      orig[k] = ids[or[k]];
      dest[k] = ids[dr[k]];
      pair[k] = orig[k] + "_" + dest[k];
    }
    Panel o = attributes.selectRows(or);
    Panel d = attributes.selectRows(dr);
    PanelBuilder b = Panel.builder().categorical("pair", pair);
    b.categorical("origin", orig).categorical("destination", dest);
    if (time != null) {
      add(b, time, o, time);
    }
    for (String c : attributes.columnNames()) {
      if (c.equals(id) || c.equals(time)) {
        continue;
      }
      add(b, originPrefix + c, o, c);
      add(b, destinationPrefix + c, d, c);
    }
    return b.build();
  }

  private static void add(PanelBuilder b, String name, Panel p, String column) {
    if (p.type(column) == ColumnType.NUMERIC) {
      b.numeric(name, p.numeric(column));
    } else {
      b.categorical(name, p.categorical(column));
    }
  }

  @Override
  public String toString() {
    return "Dyads[id="
        + id
        + ", "
        + (directed ? "directed" : "undirected")
        + (time == null ? "" : ", time=" + time)
        + ", prefixes="
        + originPrefix
        + "/"
        + destinationPrefix
        + ", includeSelf="
        + includeSelf
        + (origins.isEmpty() ? "" : ", origins=" + origins)
        + (units.isEmpty() ? "" : ", units=" + units)
        + "]";
  }
}
