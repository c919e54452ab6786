package org.econ4j.spatial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.econ4j.core.ConvergenceException;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.spatial.internal.Csr;
import org.econ4j.spatial.internal.KdTree;

/**
 * An immutable sparse n×n spatial or network weight matrix W over n units identified by String ids,
 * stored in compressed sparse row (CSR) form; {@link #toDense()} materialises it on request only.
 * w<sub>ij</sub> is the weight unit i gives to unit j, so the spatial lag is (Wx)<sub>i</sub> =
 * Σ<sub>j</sub> w<sub>ij</sub> x<sub>j</sub> (spdep {@code lag.listw}).
 *
 * <p>Construction: from {@link Coordinates} and a {@link WeightSpec} (k-nearest, distance band,
 * inverse distance, exponential decay, kernels; neighbour search with a k-d tree, O(n log n); for
 * great-circle distances the tree holds 3-D unit vectors and searches by chord length, which is
 * monotone in the great-circle distance, then exact haversine distances give the weights); from
 * neighbour lists, edge lists, GAL files, CSV edge lists, dense or CSR matrices.
 *
 * <p>Every matrix records its {@link Standardization} and its {@link IslandPolicy} (chosen at
 * construction; islands are units with an empty row). Transformations ({@link
 * #standardize(Standardization)}, {@link #symmetrize(Symmetrization)}, {@link #withoutSelfLinks()},
 * {@link #union(WeightMatrix)}, {@link #intersection(WeightMatrix)}, {@link #transpose()}) return
 * new matrices. Only non-zero weights are stored.
 *
 * <p>Immutable and thread-safe. Verified against spdep 1.2-7 on the Columbus data ({@code
 * WeightMatrixReferenceTest}). References: Anselin (1988), <i>Spatial Econometrics: Methods and
 * Models</i>, Kluwer; Tiefelsdorf, Griffith and Boots (1999), A variance-stabilizing coding scheme
 * for spatial link matrices, <i>Environment and Planning A</i> 31; Kelejian and Prucha (2010),
 * Specification and estimation of spatial autoregressive models with autoregressive and
 * heteroskedastic disturbances, <i>Journal of Econometrics</i> 157.
 */
public final class WeightMatrix {
  /** Largest number of links built without a cutoff for idw/exp weights. */
  static final long MAX_DENSE_LINKS = 50_000_000L;

  private static final int MAX_NAMED = 10;

  private final String[] ids;
  private final Map<String, Integer> lookup;
  private final int[] rowPtr;
  private final int[] col;
  private final double[] val;
  private final Standardization standardization;
  private final IslandPolicy islandPolicy;
  private final List<Note> notes;

  private WeightMatrix(
      String[] ids,
      Map<String, Integer> lookup,
      int[] rowPtr,
      int[] col,
      double[] val,
      Standardization standardization,
      IslandPolicy islandPolicy,
      List<Note> notes) {
    this.ids = ids;
    this.lookup = lookup;
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
    this.standardization = standardization;
    this.islandPolicy = islandPolicy;
    this.notes = List.copyOf(notes);
  }

  // ---------------------------------------------------------------- construction helpers

  private static Map<String, Integer> lookupOf(String[] ids, String what) {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        throw new SpecificationException(
            "missing unit id at position " + (i + 1) + " of the " + what);
      }
      Integer prev = m.put(ids[i], i);
      if (prev != null) {
        throw new SpecificationException(
            "duplicate unit id '"
                + ids[i]
                + "' in the "
                + what
                + " (positions "
                + (prev + 1)
                + " and "
                + (i + 1)
                + "); each unit must appear once");
      }
    }
    return m;
  }

  /** Applies the island policy and wraps. Arrays are owned. */
  private static WeightMatrix create(
      String[] ids,
      Map<String, Integer> lookup,
      int[] rp,
      int[] ci,
      double[] v,
      Standardization std,
      IslandPolicy policy,
      List<Note> notes) {
    Objects.requireNonNull(policy, "islandPolicy");
    int n = ids.length;
    List<String> islands = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (rp[i + 1] == rp[i]) {
        islands.add(ids[i]);
      }
    }
    if (islands.isEmpty()) {
      return new WeightMatrix(ids, lookup, rp, ci, v, std, policy, notes);
    }
    List<Note> out = new ArrayList<>(notes);
    switch (policy) {
      case ERROR:
        throw new SpecificationException(
            islands.size()
                + (islands.size() == 1 ? " unit has" : " units have")
                + " no neighbours (islands): "
                + names(islands)
                + "; choose an island policy: ZERO keeps them with a zero spatial lag, DROP"
                + " removes them (command line: --islands zero|drop)");
      case ZERO:
        out.add(
            Note.of(
                Note.Kind.INFO,
                islands.size(),
                islands.size() + " units without neighbours kept with a zero spatial lag",
                islands));
        return new WeightMatrix(ids, lookup, rp, ci, v, std, policy, out);
      default:
        {
          // drop repeatedly
          boolean[] keep = new boolean[n];
          Arrays.fill(keep, true);
          List<String> dropped = new ArrayList<>();
          boolean changed = true;
          while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
              if (!keep[i]) {
                continue;
              }
              boolean any = false;
              for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (keep[ci[p]]) {
                  any = true;
                  break;
                }
              }
              if (!any) {
                keep[i] = false;
                dropped.add(ids[i]);
                changed = true;
              }
            }
          }
          int[] newIndex = new int[n];
          int m = 0;
          for (int i = 0; i < n; i++) {
            newIndex[i] = keep[i] ? m++ : -1;
          }
          if (m == 0) {
            throw new SpecificationException(
                "every unit is an island (no unit has a neighbour), so dropping islands leaves an"
                    + " empty matrix; check the weight specification");
          }
          String[] nid = new String[m];
          Csr b = new Csr(m, rp[n]);
          for (int i = 0; i < n; i++) {
            if (!keep[i]) {
              continue;
            }
            nid[newIndex[i]] = ids[i];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
              if (keep[ci[p]]) {
                b.add(newIndex[ci[p]], v[p]);
              }
            }
            b.endRow();
          }
          out.add(
              Note.of(
                  Note.Kind.SUBSET,
                  dropped.size(),
                  dropped.size() + " units without neighbours (islands) dropped from the matrix",
                  dropped));
          return new WeightMatrix(
              nid, lookupOf(nid, "weight matrix"), b.rowPtr(), b.col(), b.val(), std, policy, out);
        }
    }
  }

  static String names(List<String> names) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(MAX_NAMED, names.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(names.get(i)).append('\'');
    }
    if (names.size() > shown) {
      sb.append(", … (").append(names.size() - shown).append(" more)");
    }
    return sb.toString();
  }

  private WeightMatrix derive(int[] rp, int[] ci, double[] v, Standardization std) {
    return new WeightMatrix(ids, lookup, rp, ci, v, std, islandPolicy, notes);
  }

  // ---------------------------------------------------------------- from coordinates

  /**
   * Distance-based weights with the default island policy ({@link IslandPolicy#ERROR}).
   *
   * @param coordinates the units and their coordinates
   * @param spec the kind of weights
   * @return the matrix (standardisation {@link Standardization#NONE})
   * @throws SpecificationException for k ≥ n, an empty band, coincident points with
   *     inverse-distance weights, or islands
   */
  public static WeightMatrix fromCoordinates(Coordinates coordinates, WeightSpec spec) {
    return fromCoordinates(coordinates, spec, IslandPolicy.ERROR);
  }

  /**
   * Distance-based weights (see {@link WeightSpec} for the formulas).
   *
   * @param coordinates the units and their coordinates
   * @param spec the kind of weights
   * @param islands what to do with units left without neighbours
   * @return the matrix (standardisation {@link Standardization#NONE})
   * @throws SpecificationException for k ≥ n, an empty band, coincident points with
   *     inverse-distance weights, or islands under {@link IslandPolicy#ERROR}
   */
  public static WeightMatrix fromCoordinates(
      Coordinates coordinates, WeightSpec spec, IslandPolicy islands) {
    Objects.requireNonNull(coordinates, "coordinates");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(islands, "islands");
    String[] ids = coordinates.idsUnsafe();
    int n = ids.length;
    if (n < 2) {
      throw new SpecificationException("distance-based weights need at least 2 units, got " + n);
    }
    Geometry g = new Geometry(coordinates);
    Csr b;
    switch (spec.kind()) {
      case KNN:
        b = g.knn(spec.k());
        break;
      case BAND:
        b = g.band(spec.lower(), spec.upper(), spec);
        break;
      case INVERSE_DISTANCE:
      case EXPONENTIAL:
        b = g.band(-1, spec.upper(), spec);
        break;
      default:
        b = spec.adaptive() ? g.adaptiveKernel(spec) : g.band(-1, spec.upper(), spec);
        break;
    }
    int[] rp = b.rowPtr();
    if (rp[n] == 0) {
      double nn = g.minNearestDistance();
      throw new SpecificationException(
          "weight spec '"
              + spec
              + "' links no pair of units; the shortest nearest-neighbour distance is "
              + WeightSpec.fmt(nn)
              + (coordinates.metric() == Metric.GREAT_CIRCLE ? " km" : "")
              + "; widen the band or cutoff");
    }
    return create(
        ids,
        lookupOf(ids, "coordinates"),
        rp,
        b.col(),
        b.val(),
        Standardization.NONE,
        islands,
        List.of());
  }

  /** Distance computations and neighbour search for one set of coordinates. */
  private static final class Geometry {
    final Coordinates c;
    final int n;
    final boolean sphere;
    final double[] pts;
    final KdTree tree;
    final String[] ids;

    Geometry(Coordinates c) {
      this.c = c;
      this.n = c.size();
      this.ids = c.idsUnsafe();
      this.sphere = c.metric() == Metric.GREAT_CIRCLE;
      double[] x = c.xUnsafe();
      double[] y = c.yUnsafe();
      if (sphere) {
        pts = new double[3 * n];
        for (int i = 0; i < n; i++) {
          double lon = Math.toRadians(x[i]);
          double lat = Math.toRadians(y[i]);
          double cl = Math.cos(lat);
          pts[3 * i] = cl * Math.cos(lon);
          pts[3 * i + 1] = cl * Math.sin(lon);
          pts[3 * i + 2] = Math.sin(lat);
        }
        tree = new KdTree(3, pts);
      } else {
        pts = new double[2 * n];
        for (int i = 0; i < n; i++) {
          pts[2 * i] = x[i];
          pts[2 * i + 1] = y[i];
        }
        tree = new KdTree(2, pts);
      }
    }

    /** Squared search radius in tree units for distance d, slightly inflated. */
    double searchRadius2(double d) {
      double r;
      if (sphere) {
        double a = d / (2 * Coordinates.EARTH_RADIUS_KM);
        r = a >= Math.PI / 2 ? 2.0 : 2 * Math.sin(a);
      } else {
        r = d;
      }
      r = r * (1 + 1e-9) + 1e-300;
      return r * r;
    }

    double minNearestDistance() {
      KdTree.Workspace ws = new KdTree.Workspace(tree);
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        tree.nearest(i, 1, ws);
        double d = c.distance(i, ws.indices()[0]);
        if (d < best) {
          best = d;
        }
      }
      return best;
    }

    void checkK(int k, String what) {
      if (k >= n) {
        throw new SpecificationException(
            what
                + " with k = "
                + k
                + " needs at least k + 1 = "
                + (k + 1)
                + " units, got "
                + n
                + "; choose k below "
                + n);
      }
    }

    Csr knn(int k) {
      checkK(k, "k-nearest neighbours");
      Csr b = new Csr(n, (long) n * k > Integer.MAX_VALUE - 8 ? 16 : n * k);
      KdTree.Workspace ws = new KdTree.Workspace(tree);
      for (int i = 0; i < n; i++) {
        tree.nearest(i, k, ws);
        int[] idx = ws.indices();
        for (int q = 0; q < k; q++) {
          b.add(idx[q], 1.0);
        }
        b.endRow();
      }
      return b;
    }

    double weight(WeightSpec spec, double d, int i, int j, double h) {
      double dd = Math.max(d, spec.minDistance());
      switch (spec.kind()) {
        case BAND:
          return 1.0;
        case INVERSE_DISTANCE:
          if (dd <= 0) {
            throw new SpecificationException(
                "units '"
                    + ids[i]
                    + "' and '"
                    + ids[j]
                    + "' have the same coordinates (distance 0), so the inverse-distance weight"
                    + " is undefined; remove duplicate points or set a distance floor with"
                    + " WeightSpec.withMinDistance");
          }
          return spec.alpha() == 2 ? 1.0 / (dd * dd) : Math.pow(dd, -spec.alpha());
        case EXPONENTIAL:
          return Math.exp(-spec.alpha() * dd);
        default:
          return spec.kernel().value(Math.min(1.0, dd / h));
      }
    }

    /** Links with lo &lt; d ≤ hi (lo = −1 includes d = 0); weights by spec. */
    Csr band(double lo, double hi, WeightSpec spec) {
      if (Double.isInfinite(hi)) {
        long links = (long) n * (n - 1);
        if (links > MAX_DENSE_LINKS) {
          throw new SpecificationException(
              "weight spec '"
                  + spec
                  + "' without a cutoff for "
                  + n
                  + " units would store "
                  + links
                  + " links; add a cutoff, e.g. "
                  + spec
                  + ",250");
        }
        Csr b = new Csr(n, (int) links);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (j != i) {
              double w = weight(spec, c.distance(i, j), i, j, hi);
              if (w != 0) {
                b.add(j, w);
              }
            }
          }
          b.endRow();
        }
        return b;
      }
      double r2 = searchRadius2(hi);
      Csr b = new Csr(n, n * 4);
      KdTree.Workspace ws = new KdTree.Workspace(tree);
      for (int i = 0; i < n; i++) {
        tree.within(i, r2, ws);
        int[] idx = ws.indices();
        int cnt = ws.count();
        for (int q = 0; q < cnt; q++) {
          int j = idx[q];
          double d = c.distance(i, j);
          if (d > lo && d <= hi) {
            double w = weight(spec, d, i, j, hi);
            if (w != 0) {
              b.add(j, w);
            }
          }
        }
        b.endRow();
      }
      return b;
    }

    Csr adaptiveKernel(WeightSpec spec) {
      int k = spec.k();
      checkK(k, "adaptive kernel bandwidth");
      Csr b = new Csr(n, n * k);
      KdTree.Workspace ws = new KdTree.Workspace(tree);
      for (int i = 0; i < n; i++) {
        tree.nearest(i, k, ws);
        double h = c.distance(i, ws.indices()[k - 1]);
        if (!(h > 0)) {
          throw new SpecificationException(
              "adaptive kernel bandwidth of unit '"
                  + ids[i]
                  + "' is 0 because its "
                  + k
                  + " nearest neighbours share its coordinates; increase k or remove duplicate"
                  + " points");
        }
        tree.within(i, searchRadius2(h), ws);
        int[] idx = ws.indices();
        int cnt = ws.count();
        for (int q = 0; q < cnt; q++) {
          int j = idx[q];
          double d = c.distance(i, j);
          if (d <= h) {
            double w = spec.kernel().value(d / h);
            if (w != 0) {
              b.add(j, w);
            }
          }
        }
        b.endRow();
      }
      return b;
    }
  }

  // ---------------------------------------------------------------- from lists and matrices

  /**
   * From neighbour lists by position: unit i's neighbours are {@code neighbours[i]} (0-based
   * positions), each with weight 1 (binary contiguity, as spdep {@code nb}).
   *
   * @param ids unit ids
   * @param neighbours one array of neighbour positions per unit
   * @param islands island policy
   * @return the binary matrix
   * @throws SpecificationException for a mismatched length, positions out of range, duplicates, or
   *     islands under {@link IslandPolicy#ERROR}
   */
  public static WeightMatrix fromNeighbourLists(
      List<String> ids, int[][] neighbours, IslandPolicy islands) {
    String[] id = ids.toArray(new String[0]);
    if (neighbours.length != id.length) {
      throw new SpecificationException(
          "neighbour lists have "
              + neighbours.length
              + " entries but there are "
              + id.length
              + " unit ids; give one list per unit");
    }
    Map<String, Integer> lookup = lookupOf(id, "unit ids");
    Csr b = new Csr(id.length, id.length * 4);
    for (int i = 0; i < id.length; i++) {
      for (int j : neighbours[i]) {
        if (j < 0 || j >= id.length) {
          throw new SpecificationException(
              "neighbour position "
                  + j
                  + " of unit '"
                  + id[i]
                  + "' is outside 0.."
                  + (id.length - 1)
                  + "; positions are 0-based");
        }
        b.add(j, 1.0);
      }
      b.endRow();
    }
    int[] rp = b.rowPtr();
    int[] ci = b.col();
    checkDuplicates(id, rp, ci);
    return create(id, lookup, rp, ci, b.val(), Standardization.NONE, islands, List.of());
  }

  private static void checkDuplicates(String[] id, int[] rp, int[] ci) {
    for (int i = 0; i < id.length; i++) {
      for (int p = rp[i] + 1; p < rp[i + 1]; p++) {
        if (ci[p] == ci[p - 1]) {
          throw new SpecificationException(
              "duplicate link from '"
                  + id[i]
                  + "' to '"
                  + id[ci[p]]
                  + "'; each pair may appear once");
        }
      }
    }
  }

  /**
   * From a weighted edge list over known units (units without edges are islands).
   *
   * @param ids unit ids, in matrix order
   * @param from the sending unit of each edge (row i)
   * @param to the receiving unit of each edge (column j)
   * @param weights the weight of each edge
   * @param islands island policy
   * @return the matrix
   * @throws SpecificationException for unknown ids, duplicate edges, non-finite weights or islands
   *     under {@link IslandPolicy#ERROR}
   */
  public static WeightMatrix fromEdges(
      List<String> ids,
      List<String> from,
      List<String> to,
      double[] weights,
      IslandPolicy islands) {
    String[] id = ids.toArray(new String[0]);
    Map<String, Integer> lookup = lookupOf(id, "unit ids");
    int m = from.size();
    if (to.size() != m || weights.length != m) {
      throw new IllegalArgumentException(
          "edge list columns have different lengths: "
              + m
              + ", "
              + to.size()
              + ", "
              + weights.length);
    }
    int[] fi = new int[m];
    int[] tj = new int[m];
    int[] count = new int[id.length + 1];
    for (int e = 0; e < m; e++) {
      fi[e] = resolve(lookup, from.get(e), e, id.length);
      tj[e] = resolve(lookup, to.get(e), e, id.length);
      if (!Double.isFinite(weights[e])) {
        throw new SpecificationException(
            "weight of edge "
                + (e + 1)
                + " ('"
                + from.get(e)
                + "' to '"
                + to.get(e)
                + "') is "
                + weights[e]
                + "; weights must be finite");
      }
      count[fi[e] + 1]++;
    }
    for (int i = 0; i < id.length; i++) {
      count[i + 1] += count[i];
    }
    int[] next = Arrays.copyOf(count, id.length);
    int[] ci = new int[m];
    double[] v = new double[m];
    for (int e = 0; e < m; e++) {
      int q = next[fi[e]]++;
      ci[q] = tj[e];
      v[q] = weights[e];
    }
    for (int i = 0; i < id.length; i++) {
      org.econ4j.spatial.internal.Sorts.sortPaired(ci, v, count[i], count[i + 1]);
    }
    checkDuplicates(id, count, ci);
    return compact(id, lookup, count, ci, v, Standardization.NONE, islands, List.of());
  }

  /**
   * From a binary edge list (every edge has weight 1).
   *
   * @param ids unit ids
   * @param from sending units
   * @param to receiving units
   * @param islands island policy
   * @return the matrix
   */
  public static WeightMatrix fromEdges(
      List<String> ids, List<String> from, List<String> to, IslandPolicy islands) {
    double[] w = new double[from.size()];
    Arrays.fill(w, 1.0);
    return fromEdges(ids, from, to, w, islands);
  }

  private static int resolve(Map<String, Integer> lookup, String id, int edge, int n) {
    Integer i = id == null ? null : lookup.get(id);
    if (i == null) {
      throw new SpecificationException(
          "edge "
              + (edge + 1)
              + " refers to unit '"
              + id
              + "' which is not among the "
              + n
              + " unit ids; add it to the ids or fix the edge list");
    }
    return i;
  }

  /** Removes explicit zeros, then creates. */
  private static WeightMatrix compact(
      String[] id,
      Map<String, Integer> lookup,
      int[] rp,
      int[] ci,
      double[] v,
      Standardization std,
      IslandPolicy islands,
      List<Note> notes) {
    Csr b = new Csr(id.length, rp[id.length]);
    for (int i = 0; i < id.length; i++) {
      for (int p = rp[i]; p < rp[i + 1]; p++) {
        if (v[p] != 0) {
          b.add(ci[p], v[p]);
        }
      }
      b.endRow();
    }
    return create(id, lookup, b.rowPtr(), b.col(), b.val(), std, islands, notes);
  }

  /**
   * From a dense square matrix ({@code m[i][j]} = w<sub>ij</sub>; zeros are not stored).
   *
   * @param ids unit ids, one per row and column
   * @param m the matrix (not modified)
   * @param islands island policy
   * @return the matrix
   * @throws SpecificationException if the matrix is not square, does not match the ids, or has
   *     non-finite entries
   */
  public static WeightMatrix fromDense(List<String> ids, double[][] m, IslandPolicy islands) {
    String[] id = ids.toArray(new String[0]);
    int n = m.length;
    for (int i = 0; i < n; i++) {
      if (m[i].length != n) {
        throw new SpecificationException(
            "weight matrix is not square: it has "
                + n
                + " rows but row "
                + (i + 1)
                + " has "
                + m[i].length
                + " columns; a weight matrix must be n×n");
      }
    }
    if (n != id.length) {
      throw new SpecificationException(
          "weight matrix is "
              + n
              + "×"
              + n
              + " but "
              + id.length
              + " unit ids were given; give one id per row and column");
    }
    Map<String, Integer> lookup = lookupOf(id, "unit ids");
    Csr b = new Csr(n, n * 4);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double w = m[i][j];
        if (!Double.isFinite(w)) {
          throw new SpecificationException(
              "weight matrix entry ("
                  + (i + 1)
                  + ", "
                  + (j + 1)
                  + ") is "
                  + w
                  + "; entries must be finite");
        }
        if (w != 0) {
          b.add(j, w);
        }
      }
      b.endRow();
    }
    return create(
        id, lookup, b.rowPtr(), b.col(), b.val(), Standardization.NONE, islands, List.of());
  }

  /**
   * From a sparse matrix in CSR form (arrays are copied; columns within a row need not be sorted).
   *
   * @param ids unit ids
   * @param rowPointers length n + 1, non-decreasing, starting at 0
   * @param columns column index of each entry
   * @param values value of each entry
   * @param islands island policy
   * @return the matrix
   * @throws SpecificationException for inconsistent arrays, out-of-range columns or duplicates
   */
  public static WeightMatrix fromCsr(
      List<String> ids, int[] rowPointers, int[] columns, double[] values, IslandPolicy islands) {
    String[] id = ids.toArray(new String[0]);
    int n = id.length;
    if (rowPointers.length != n + 1) {
      throw new SpecificationException(
          "sparse weight matrix has "
              + (rowPointers.length - 1)
              + " rows but "
              + n
              + " unit ids were given; give one id per row and column");
    }
    int nnz = rowPointers[n];
    if (rowPointers[0] != 0 || columns.length < nnz || values.length < nnz) {
      throw new SpecificationException(
          "sparse weight matrix arrays are inconsistent: row pointers must start at 0 and end at"
              + " the number of entries");
    }
    int[] rp = rowPointers.clone();
    int[] ci = Arrays.copyOf(columns, nnz);
    double[] v = Arrays.copyOf(values, nnz);
    for (int i = 0; i < n; i++) {
      if (rp[i + 1] < rp[i]) {
        throw new SpecificationException("sparse weight matrix row pointers must not decrease");
      }
      for (int p = rp[i]; p < rp[i + 1]; p++) {
        if (ci[p] < 0 || ci[p] >= n) {
          throw new SpecificationException(
              "sparse weight matrix column index "
                  + ci[p]
                  + " in row "
                  + i
                  + " is outside 0.."
                  + (n - 1)
                  + "; the matrix must be n×n");
        }
        if (!Double.isFinite(v[p])) {
          throw new SpecificationException(
              "sparse weight matrix entry in row " + i + " is " + v[p] + "; must be finite");
        }
      }
      org.econ4j.spatial.internal.Sorts.sortPaired(ci, v, rp[i], rp[i + 1]);
    }
    checkDuplicates(id, rp, ci);
    return compact(
        id, lookupOf(id, "unit ids"), rp, ci, v, Standardization.NONE, islands, List.of());
  }

  // ---------------------------------------------------------------- GAL and CSV

  /**
   * Reads a GAL file (GeoDa/spdep {@code read.gal}): a header line ({@code n} or {@code 0 n name
   * id}), then for each unit a line {@code id k} followed by a line with its k neighbour ids.
   * Binary weights; unit order as in the file.
   *
   * @param path the file
   * @param islands island policy
   * @return the binary matrix
   * @throws SpecificationException for a malformed file or unknown neighbour ids
   */
  public static WeightMatrix readGal(Path path, IslandPolicy islands) {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parseGal(r, islands);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read GAL file " + path, e);
    }
  }

  /**
   * Parses GAL text (see {@link #readGal(Path, IslandPolicy)}).
   *
   * @param reader the text
   * @param islands island policy
   * @return the binary matrix
   * @throws SpecificationException for malformed input
   */
  public static WeightMatrix parseGal(Reader reader, IslandPolicy islands) {
    List<String> tokens = new ArrayList<>();
    String header;
    try {
      BufferedReader br = new BufferedReader(reader);
      header = br.readLine();
      String line;
      while ((line = br.readLine()) != null) {
        for (String t : line.trim().split("\\s+")) {
          if (!t.isEmpty()) {
            tokens.add(t);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      throw new SpecificationException("GAL input is empty; expected a header line with n");
    }
    String[] h = header.trim().split("\\s+");
    int n;
    try {
      n = Integer.parseInt(h.length >= 2 && h[0].equals("0") ? h[1] : h[0]);
    } catch (NumberFormatException e) {
      throw new SpecificationException(
          "GAL header '"
              + header.trim()
              + "' does not give the number of units; expected 'n' or"
              + " '0 n name id'");
    }
    List<String> ids = new ArrayList<>(n);
    List<String[]> nbs = new ArrayList<>(n);
    int p = 0;
    for (int u = 0; u < n; u++) {
      if (p + 2 > tokens.size()) {
        throw new SpecificationException(
            "GAL input ends after "
                + u
                + " of "
                + n
                + " units; expected 'id k' for unit "
                + (u + 1));
      }
      String id = tokens.get(p++);
      int k;
      try {
        k = Integer.parseInt(tokens.get(p++));
      } catch (NumberFormatException e) {
        throw new SpecificationException(
            "GAL neighbour count '"
                + tokens.get(p - 1)
                + "' of unit '"
                + id
                + "' is not an integer");
      }
      if (k < 0 || p + k > tokens.size()) {
        throw new SpecificationException(
            "GAL unit '" + id + "' announces " + k + " neighbours but the input ends early");
      }
      ids.add(id);
      nbs.add(tokens.subList(p, p + k).toArray(new String[0]));
      p += k;
    }
    if (p != tokens.size()) {
      throw new SpecificationException(
          "GAL input has " + (tokens.size() - p) + " tokens after the " + n + " announced units");
    }
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      for (String j : nbs.get(u)) {
        from.add(ids.get(u));
        to.add(j);
      }
    }
    return fromEdges(ids, from, to, islands);
  }

  /**
   * Reads a CSV edge list with header {@code from,to,weight} (weight optional: 1 when the column is
   * absent). The units are those named, in order of first appearance in {@code from} (then those
   * only in {@code to}); a row with an empty {@code to} declares a unit without links (an island),
   * as written by {@link #writeCsv(Path)}.
   *
   * @param path the file
   * @param islands island policy
   * @return the matrix
   * @throws SpecificationException for a malformed file
   */
  public static WeightMatrix readCsv(Path path, IslandPolicy islands) {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parseCsv(r, List.of(), islands);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read weights file " + path, e);
    }
  }

  /**
   * Reads a CSV edge list (see {@link #readCsv(Path, IslandPolicy)}) over the given units, in that
   * order; ids in the file that are not among them are an error.
   *
   * @param path the file
   * @param ids unit ids in matrix order
   * @param islands island policy
   * @return the matrix
   */
  public static WeightMatrix readCsv(Path path, List<String> ids, IslandPolicy islands) {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parseCsv(r, ids, islands);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read weights file " + path, e);
    }
  }

  /**
   * Parses CSV edge-list text (see {@link #readCsv(Path, IslandPolicy)}).
   *
   * @param reader the text
   * @param ids unit ids in matrix order; empty to take them from the file
   * @param islands island policy
   * @return the matrix
   */
  public static WeightMatrix parseCsv(Reader reader, List<String> ids, IslandPolicy islands) {
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    double[] w = new double[16];
    java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
    java.util.LinkedHashSet<String> seenTo = new java.util.LinkedHashSet<>();
    try {
      BufferedReader br = new BufferedReader(reader);
      String header = br.readLine();
      if (header == null) {
        throw new SpecificationException(
            "weights CSV is empty; expected a header line 'from,to,weight'");
      }
      List<String> hc = splitCsv(header.startsWith("\uFEFF") ? header.substring(1) : header);
      int fc = hc.indexOf("from");
      int tc = hc.indexOf("to");
      int wc = hc.indexOf("weight");
      if (fc < 0 || tc < 0) {
        throw new SpecificationException(
            "weights CSV header '"
                + header
                + "' lacks the columns 'from' and 'to'; expected 'from,to,weight'");
      }
      String line;
      int lineNo = 1;
      while ((line = br.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = splitCsv(line);
        if (f.size() < hc.size()) {
          throw new SpecificationException(
              "weights CSV line "
                  + lineNo
                  + " has "
                  + f.size()
                  + " fields but the header has "
                  + hc.size());
        }
        String a = f.get(fc);
        String bb = f.get(tc);
        seen.add(a);
        if (bb.isEmpty()) {
          continue;
        }
        seenTo.add(bb);
        double weight = 1.0;
        if (wc >= 0) {
          try {
            weight = Double.parseDouble(f.get(wc).trim());
          } catch (NumberFormatException e) {
            throw new SpecificationException(
                "weights CSV line " + lineNo + ": weight '" + f.get(wc) + "' is not a number");
          }
        }
        if (from.size() == w.length) {
          w = Arrays.copyOf(w, w.length * 2);
        }
        w[from.size()] = weight;
        from.add(a);
        to.add(bb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seen.addAll(seenTo);
    List<String> units = ids.isEmpty() ? new ArrayList<>(seen) : ids;
    return fromEdges(units, from, to, Arrays.copyOf(w, from.size()), islands);
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          sb.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(sb.toString().trim());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString().trim());
    return out;
  }

  private static String quote(String s) {
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /**
   * Writes the matrix as a CSV edge list with header {@code from,to,weight}, one line per stored
   * weight in row order; weights are written with {@link Double#toString} (exact round trip). A
   * unit without links is written as {@code id,,} so that reading gives back the same units.
   *
   * @param out the destination (not closed)
   * @throws UncheckedIOException on write failure
   */
  public void writeCsv(Writer out) {
    try {
      out.write("from,to,weight\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ids.length; i++) {
        String a = quote(ids[i]);
        if (rowPtr[i] == rowPtr[i + 1]) {
          sb.append(a).append(",,\n");
        }
        for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
          sb.append(a).append(',').append(quote(ids[col[p]])).append(',');
          sb.append(val[p]).append('\n');
        }
        if (sb.length() > 1 << 16) {
          out.write(sb.toString());
          sb.setLength(0);
        }
      }
      out.write(sb.toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the CSV edge list to a file (see {@link #writeCsv(Writer)}).
   *
   * @param path the file (overwritten)
   */
  public void writeCsv(Path path) {
    try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      writeCsv(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write weights file " + path, e);
    }
  }

  // ---------------------------------------------------------------- transformations

  /**
   * Returns the matrix scaled by a standardisation, applied to the current weights (let b be the
   * current weights):
   *
   * <ul>
   *   <li>NONE: unchanged weights (records NONE);
   *   <li>BINARY: every stored weight set to 1 (spdep "B");
   *   <li>ROW: w<sub>ij</sub> = b<sub>ij</sub> / Σ<sub>k</sub> b<sub>ik</sub> (spdep "W"); zero
   *       rows (islands) stay zero;
   *   <li>COLUMN: w<sub>ij</sub> = b<sub>ij</sub> / Σ<sub>k</sub> b<sub>kj</sub>; zero columns stay
   *       zero;
   *   <li>GLOBAL: w = n·b / S0 (spdep "C"), n counting all units;
   *   <li>UNIT_SUM: w = b / S0 (spdep "U");
   *   <li>VARIANCE_STABILIZING: u<sub>ij</sub> = b<sub>ij</sub> / √(Σ<sub>k</sub> b<sub>ik</sub>²),
   *       then w = n·u / Σ u (spdep "S", Tiefelsdorf, Griffith and Boots 1999);
   *   <li>MIN_MAX: w = b / min(max<sub>i</sub> row sum, max<sub>j</sub> column sum) (Kelejian and
   *       Prucha 2010);
   *   <li>SPECTRAL: w = b / ρ(B), ρ the spectral radius ({@link #spectralRadius()}).
   * </ul>
   *
   * @param s the standardisation
   * @return the new matrix, recording {@code s}
   * @throws SpecificationException if all weights sum to 0 (GLOBAL, UNIT_SUM) or SPECTRAL meets
   *     negative weights
   */
  public WeightMatrix standardize(Standardization s) {
    Objects.requireNonNull(s, "standardization");
    int n = ids.length;
    double[] v = val.clone();
    switch (s) {
      case NONE:
        break;
      case BINARY:
        Arrays.fill(v, 1.0);
        break;
      case ROW:
        for (int i = 0; i < n; i++) {
          double sum = 0;
          for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
            sum += val[p];
          }
          if (sum != 0) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
              v[p] = val[p] / sum;
            }
          }
        }
        break;
      case COLUMN:
        {
          double[] cs = columnSums();
          for (int p = 0; p < v.length; p++) {
            double sum = cs[col[p]];
            if (sum != 0) {
              v[p] = val[p] / sum;
            }
          }
          break;
        }
      case GLOBAL:
      case UNIT_SUM:
        {
          double s0 = sum(val);
          if (s0 == 0) {
            throw new SpecificationException(
                "weights sum to 0, so the '" + s.cliName() + "' standardization is undefined");
          }
          double f = (s == Standardization.GLOBAL ? n : 1.0) / s0;
          for (int p = 0; p < v.length; p++) {
            v[p] = val[p] * f;
          }
          break;
        }
      case VARIANCE_STABILIZING:
        {
          double total = 0;
          for (int i = 0; i < n; i++) {
            double ss = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
              ss += val[p] * val[p];
            }
            double q = Math.sqrt(ss);
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
              v[p] = q > 0 ? val[p] / q : 0;
              total += v[p];
            }
          }
          if (total == 0) {
            throw new SpecificationException(
                "weights sum to 0, so the 'variance' standardization is undefined");
          }
          double f = n / total;
          for (int p = 0; p < v.length; p++) {
            v[p] *= f;
          }
          break;
        }
      case MIN_MAX:
        {
          double maxRow = max(rowSums());
          double maxCol = max(columnSums());
          double d = Math.min(maxRow, maxCol);
          if (!(d > 0)) {
            throw new SpecificationException(
                "largest row and column sums are not positive, so the 'minmax' standardization is"
                    + " undefined");
          }
          for (int p = 0; p < v.length; p++) {
            v[p] = val[p] / d;
          }
          break;
        }
      default:
        {
          double rho = spectralRadius();
          if (!(rho > 0)) {
            throw new SpecificationException(
                "spectral radius of the weight matrix is 0 (e.g. no cycles in a directed network),"
                    + " so the 'spectral' standardization is undefined; use minmax or row");
          }
          for (int p = 0; p < v.length; p++) {
            v[p] = val[p] / rho;
          }
          break;
        }
    }
    return derive(rowPtr, col, v, s);
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s;
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : a) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Relative tolerance of the spectral-radius iteration. */
  static final double SPECTRAL_TOL = 1e-12;

  /** Iteration limit of the Lanczos iteration for symmetric matrices. */
  static final int LANCZOS_MAX_ITER = 600;

  /** Iteration limit of the spectral-radius iteration. */
  static final int SPECTRAL_MAX_ITER = 100_000;

  /**
   * The spectral radius ρ(W) = max |λ| over the eigenvalues of W, for W with non-negative weights.
   *
   * <p>Algorithm: by Perron–Frobenius, ρ(W) of a non-negative matrix (symmetric or not) is itself
   * an eigenvalue, the Perron root, with a non-negative eigenvector. Power iteration runs on the
   * shifted matrix W + I, whose dominant eigenvalue ρ + 1 is strictly larger in modulus than every
   * other (so periodic graphs such as bipartite grids, where −ρ is also an eigenvalue, converge
   * too). Starting from the vector of ones, the Collatz–Wielandt bounds min<sub>i</sub>
   * (Wx)<sub>i</sub>/x<sub>i</sub> ≤ ρ ≤ max<sub>i</sub> (Wx)<sub>i</sub>/x<sub>i</sub> (the
   * minimum over entries not negligible, which handles reducible matrices) stop the iteration when
   * they agree to {@value #SPECTRAL_TOL} relative. Each step costs one sparse product; no dense
   * eigen-decomposition. For matrices with equal row sums (binary kNN, row-standardised) it stops
   * after one step.
   *
   * @return ρ(W)
   * @throws SpecificationException if a weight is negative
   * @throws ConvergenceException if the bounds do not meet within {@value #SPECTRAL_MAX_ITER} steps
   */
  public double spectralRadius() {
    for (double x : val) {
      if (x < 0) {
        throw new SpecificationException(
            "spectral radius needs non-negative weights, found " + x + "; use minmax instead");
      }
    }
    int n = ids.length;
    if (n > 1 && val.length > 0 && isSymmetric()) {
      double[] r =
          org.econ4j.spatial.internal.Lanczos.largest(
              n, rowPtr, col, val, SPECTRAL_TOL, LANCZOS_MAX_ITER);
      if (r[1] > 0 && r[0] > 0) {
        return r[0];
      }
      // not converged: fall through to the certified power iteration
    }
    double[] x = new double[n];
    double[] y = new double[n];
    Arrays.fill(x, 1.0);
    double last = Double.NaN;
    double change = Double.NaN;
    for (int it = 1; it <= SPECTRAL_MAX_ITER; it++) {
      Csr.multiply(n, rowPtr, col, val, x, y);
      double xmax = 0;
      for (int i = 0; i < n; i++) {
        xmax = Math.max(xmax, x[i]);
      }
      double hi = 0;
      double lo = Double.POSITIVE_INFINITY;
      double floor = xmax * 1e-10;
      for (int i = 0; i < n; i++) {
        double r = y[i] / x[i];
        hi = Math.max(hi, r);
        if (x[i] > floor) {
          lo = Math.min(lo, r);
        }
      }
      if (hi - lo <= SPECTRAL_TOL * hi) {
        return 0.5 * (hi + lo);
      }
      change = Math.abs(hi - last);
      last = hi;
      double ymax = 0;
      for (int i = 0; i < n; i++) {
        y[i] += x[i];
        ymax = Math.max(ymax, y[i]);
      }
      for (int i = 0; i < n; i++) {
        x[i] = y[i] / ymax;
      }
    }
    throw new ConvergenceException(
        "spectral radius iteration did not converge in " + SPECTRAL_MAX_ITER + " steps",
        SPECTRAL_MAX_ITER,
        SPECTRAL_TOL,
        change);
  }

  /**
   * Symmetrises: w<sub>ij</sub> and w<sub>ji</sub> both become f(w<sub>ij</sub>, w<sub>ji</sub>),
   * absent links counting as 0 (see {@link Symmetrization}); links whose combined weight is 0 are
   * removed. Keeps the standardisation label NONE (the result is generally no longer standardised).
   *
   * @param how max, min or average
   * @return the symmetric matrix
   * @throws SpecificationException if units become islands under {@link IslandPolicy#ERROR}
   */
  public WeightMatrix symmetrize(Symmetrization how) {
    Objects.requireNonNull(how, "how");
    int n = ids.length;
    double[] tv = new double[val.length];
    int[][] t = Csr.transpose(n, rowPtr, col, val, tv);
    int[] tp = t[0];
    int[] tc = t[1];
    Csr b = new Csr(n, val.length * 2);
    for (int i = 0; i < n; i++) {
      int p = rowPtr[i];
      int q = tp[i];
      while (p < rowPtr[i + 1] || q < tp[i + 1]) {
        int cp = p < rowPtr[i + 1] ? col[p] : Integer.MAX_VALUE;
        int cq = q < tp[i + 1] ? tc[q] : Integer.MAX_VALUE;
        double a = 0;
        double c = 0;
        int j;
        if (cp == cq) {
          a = val[p++];
          c = tv[q++];
          j = cp;
        } else if (cp < cq) {
          a = val[p++];
          j = cp;
        } else {
          c = tv[q++];
          j = cq;
        }
        double w;
        switch (how) {
          case MAX:
            w = Math.max(a, c);
            break;
          case MIN:
            w = Math.min(a, c);
            break;
          default:
            w = 0.5 * (a + c);
            break;
        }
        if (w != 0) {
          b.add(j, w);
        }
      }
      b.endRow();
    }
    return create(
        ids, lookup, b.rowPtr(), b.col(), b.val(), Standardization.NONE, islandPolicy, notes);
  }

  /**
   * @return the transpose W' (standardisation label kept only for symmetric schemes, else NONE);
   *     the island policy applies to rows that become empty
   */
  public WeightMatrix transpose() {
    int n = ids.length;
    double[] tv = new double[val.length];
    int[][] t = Csr.transpose(n, rowPtr, col, val, tv);
    Standardization s =
        standardization == Standardization.ROW
                || standardization == Standardization.COLUMN
                || standardization == Standardization.VARIANCE_STABILIZING
            ? Standardization.NONE
            : standardization;
    return create(ids, lookup, t[0], t[1], tv, s, islandPolicy, notes);
  }

  /**
   * Removes self-links w<sub>ii</sub>.
   *
   * @return the matrix without a diagonal
   * @throws SpecificationException if units become islands under {@link IslandPolicy#ERROR}
   */
  public WeightMatrix withoutSelfLinks() {
    int n = ids.length;
    Csr b = new Csr(n, val.length);
    for (int i = 0; i < n; i++) {
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        if (col[p] != i) {
          b.add(col[p], val[p]);
        }
      }
      b.endRow();
    }
    return create(ids, lookup, b.rowPtr(), b.col(), b.val(), standardization, islandPolicy, notes);
  }

  /**
   * Union of the link sets of two matrices over the same units (matched by id, any order): a link
   * present in either. The weight is this matrix's weight where it has the link, otherwise the
   * other's. Standardisation label NONE.
   *
   * @param other a matrix over the same unit ids
   * @return the union
   * @throws SpecificationException if the unit ids differ
   */
  public WeightMatrix union(WeightMatrix other) {
    return combine(other, true);
  }

  /**
   * Intersection of the link sets: links present in both matrices, with this matrix's weights.
   * Standardisation label NONE.
   *
   * @param other a matrix over the same unit ids
   * @return the intersection
   * @throws SpecificationException if the unit ids differ, or islands arise under {@link
   *     IslandPolicy#ERROR}
   */
  public WeightMatrix intersection(WeightMatrix other) {
    return combine(other, false);
  }

  private WeightMatrix combine(WeightMatrix other, boolean union) {
    Objects.requireNonNull(other, "other");
    int n = ids.length;
    int[] map = new int[other.ids.length];
    List<String> missing = new ArrayList<>();
    for (int j = 0; j < other.ids.length; j++) {
      Integer i = lookup.get(other.ids[j]);
      if (i == null) {
        missing.add(other.ids[j]);
      } else {
        map[j] = i;
      }
    }
    if (!missing.isEmpty() || other.ids.length != n) {
      List<String> absent = new ArrayList<>();
      for (String id : ids) {
        if (!other.lookup.containsKey(id)) {
          absent.add(id);
        }
      }
      throw new SpecificationException(
          "cannot combine weight matrices over different units: "
              + (missing.isEmpty() ? "" : "only in the second: " + names(missing))
              + (missing.isEmpty() || absent.isEmpty() ? "" : "; ")
              + (absent.isEmpty() ? "" : "only in the first: " + names(absent)));
    }
    // other row for our unit i is other.lookup(ids[i])
    Csr b = new Csr(n, val.length + other.val.length);
    double[] dense = new double[n];
    boolean[] inOther = new boolean[n];
    for (int i = 0; i < n; i++) {
      int oi = other.lookup.get(ids[i]);
      for (int p = other.rowPtr[oi]; p < other.rowPtr[oi + 1]; p++) {
        int j = map[other.col[p]];
        inOther[j] = true;
        dense[j] = other.val[p];
      }
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        int j = col[p];
        if (union || inOther[j]) {
          b.add(j, val[p]);
        }
        inOther[j] = false;
      }
      for (int p = other.rowPtr[oi]; p < other.rowPtr[oi + 1]; p++) {
        int j = map[other.col[p]];
        if (inOther[j]) {
          if (union) {
            b.add(j, dense[j]);
          }
          inOther[j] = false;
        }
      }
      b.endRow();
    }
    return create(
        ids, lookup, b.rowPtr(), b.col(), b.val(), Standardization.NONE, islandPolicy, notes);
  }

  // ---------------------------------------------------------------- queries

  /**
   * @return the number of units n
   */
  public int size() {
    return ids.length;
  }

  /**
   * @return the unit ids in matrix order
   */
  public List<String> ids() {
    return List.of(ids);
  }

  /**
   * @param id a unit id
   * @return whether the matrix has this unit
   */
  public boolean contains(String id) {
    return lookup.containsKey(id);
  }

  /**
   * @param id a unit id
   * @return its position
   * @throws SpecificationException if unknown
   */
  public int indexOf(String id) {
    Integer i = lookup.get(id);
    if (i == null) {
      throw new SpecificationException(
          "unit '" + id + "' is not in the weight matrix (" + ids.length + " units)");
    }
    return i;
  }

  /**
   * @param i a unit position
   * @return the positions of its neighbours (columns with a stored weight), ascending
   */
  public int[] neighbours(int i) {
    return Arrays.copyOfRange(col, rowPtr[i], rowPtr[i + 1]);
  }

  /**
   * @param i a unit position
   * @return the weights of its neighbours, aligned with {@link #neighbours(int)}
   */
  public double[] weights(int i) {
    return Arrays.copyOfRange(val, rowPtr[i], rowPtr[i + 1]);
  }

  /**
   * @param id a unit id
   * @return the ids of its neighbours
   */
  public List<String> neighbours(String id) {
    int i = indexOf(id);
    List<String> out = new ArrayList<>(rowPtr[i + 1] - rowPtr[i]);
    for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      out.add(ids[col[p]]);
    }
    return out;
  }

  /**
   * @param i row
   * @param j column
   * @return w<sub>ij</sub> (0 when not linked)
   */
  public double weight(int i, int j) {
    int p = Arrays.binarySearch(col, rowPtr[i], rowPtr[i + 1], j);
    return p >= 0 ? val[p] : 0.0;
  }

  /**
   * @return row sums w<sub>i·</sub>
   */
  public double[] rowSums() {
    int n = ids.length;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0;
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        t += val[p];
      }
      s[i] = t;
    }
    return s;
  }

  /**
   * @return column sums w<sub>·j</sub>
   */
  public double[] columnSums() {
    double[] s = new double[ids.length];
    for (int p = 0; p < val.length; p++) {
      s[col[p]] += val[p];
    }
    return s;
  }

  /**
   * @return the number of stored (non-zero) weights
   */
  public long links() {
    return val.length;
  }

  /**
   * @param i a unit position
   * @return the number of its neighbours
   */
  public int cardinality(int i) {
    return rowPtr[i + 1] - rowPtr[i];
  }

  /**
   * @return the ids of units without neighbours (empty rows)
   */
  public List<String> islands() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (rowPtr[i] == rowPtr[i + 1]) {
        out.add(ids[i]);
      }
    }
    return out;
  }

  /**
   * @return whether w<sub>ij</sub> = w<sub>ji</sub> exactly for all pairs
   */
  public boolean isSymmetric() {
    for (int i = 0; i < ids.length; i++) {
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        if (weight(col[p], i) != val[p]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * @return the summary (n, links, % non-zero, average links, S0, S1, S2)
   */
  public WeightSummary summary() {
    int n = ids.length;
    double s0 = sum(val);
    double[] tv = new double[val.length];
    int[][] t = Csr.transpose(n, rowPtr, col, val, tv);
    int[] tp = t[0];
    int[] tc = t[1];
    double s1 = 0;
    for (int i = 0; i < n; i++) {
      int p = rowPtr[i];
      int q = tp[i];
      while (p < rowPtr[i + 1] || q < tp[i + 1]) {
        int cp = p < rowPtr[i + 1] ? col[p] : Integer.MAX_VALUE;
        int cq = q < tp[i + 1] ? tc[q] : Integer.MAX_VALUE;
        double s;
        if (cp == cq) {
          s = val[p++] + tv[q++];
        } else if (cp < cq) {
          s = val[p++];
        } else {
          s = tv[q++];
        }
        s1 += s * s;
      }
    }
    s1 *= 0.5;
    double[] rs = rowSums();
    double[] cs = columnSums();
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double s = rs[i] + cs[i];
      s2 += s * s;
    }
    long links = val.length;
    return new WeightSummary(
        n,
        links,
        100.0 * links / ((double) n * n),
        (double) links / n,
        s0,
        s1,
        s2,
        islands(),
        standardization);
  }

  /**
   * The spatial lag y = W·x.
   *
   * @param x one value per unit, in matrix order (not modified)
   * @return W·x
   */
  public double[] multiply(double[] x) {
    double[] y = new double[ids.length];
    multiply(x, y);
    return y;
  }

  /**
   * y = W·x into a caller-supplied array (no allocation).
   *
   * @param x input, length n
   * @param y output, length n (overwritten)
   */
  public void multiply(double[] x, double[] y) {
    checkLength(x);
    checkLength(y);
    Csr.multiply(ids.length, rowPtr, col, val, x, y);
  }

  /**
   * y = W'·x, i.e. y<sub>j</sub> = Σ<sub>i</sub> w<sub>ij</sub> x<sub>i</sub>.
   *
   * @param x input, length n (not modified)
   * @return W'·x
   */
  public double[] transposeMultiply(double[] x) {
    checkLength(x);
    double[] y = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      double xi = x[i];
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        y[col[p]] += val[p] * xi;
      }
    }
    return y;
  }

  private void checkLength(double[] x) {
    if (x.length != ids.length) {
      throw new IllegalArgumentException(
          "vector has " + x.length + " values but the weight matrix has " + ids.length + " units");
    }
  }

  /**
   * @return the dense n×n matrix (allocates n² doubles)
   */
  public double[][] toDense() {
    int n = ids.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        m[i][col[p]] = val[p];
      }
    }
    return m;
  }

  /**
   * @return CSR row pointers (copy, length n + 1)
   */
  public int[] rowPointers() {
    return rowPtr.clone();
  }

  /**
   * @return CSR column indices (copy)
   */
  public int[] columnIndices() {
    return col.clone();
  }

  /**
   * @return CSR values (copy)
   */
  public double[] values() {
    return val.clone();
  }

  /**
   * @return the standardisation applied last
   */
  public Standardization standardization() {
    return standardization;
  }

  /**
   * @return the island policy chosen at construction
   */
  public IslandPolicy islandPolicy() {
    return islandPolicy;
  }

  /**
   * @return notes on islands kept or dropped at construction
   */
  public List<Note> notes() {
    return notes;
  }

  /**
   * Reorders data given per unit id into matrix order, e.g. before {@link MoranTest#moran}.
   *
   * @param dataIds the unit id of each value (unique)
   * @param values one value per id
   * @return the values in matrix order
   * @throws SpecificationException naming units of the matrix absent from the data and units of the
   *     data absent from the matrix, or duplicate ids
   */
  public double[] align(List<String> dataIds, double[] values) {
    if (dataIds.size() != values.length) {
      throw new IllegalArgumentException(dataIds.size() + " ids but " + values.length + " values");
    }
    double[] out = new double[ids.length];
    boolean[] seen = new boolean[ids.length];
    List<String> extra = new ArrayList<>();
    for (int r = 0; r < values.length; r++) {
      String id = dataIds.get(r);
      Integer i = id == null ? null : lookup.get(id);
      if (i == null) {
        extra.add(String.valueOf(id));
        continue;
      }
      if (seen[i]) {
        throw new SpecificationException(
            "unit '" + id + "' appears more than once in the data; one value per unit is needed");
      }
      seen[i] = true;
      out[i] = values[r];
    }
    List<String> absent = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (!seen[i]) {
        absent.add(ids[i]);
      }
    }
    if (!absent.isEmpty() || !extra.isEmpty()) {
      throw new SpecificationException(
          "data and weight matrix have different units: "
              + (absent.isEmpty()
                  ? ""
                  : absent.size() + " in the matrix but not in the data: " + names(absent))
              + (absent.isEmpty() || extra.isEmpty() ? "" : "; ")
              + (extra.isEmpty()
                  ? ""
                  : extra.size() + " in the data but not in the matrix: " + names(extra))
              + "; subset one to match the other");
    }
    return out;
  }

  // package-private fast access for Spillovers / MoranTest
  int[] rowPtrUnsafe() {
    return rowPtr;
  }

  int[] colUnsafe() {
    return col;
  }

  double[] valUnsafe() {
    return val;
  }

  Map<String, Integer> lookupUnsafe() {
    return lookup;
  }

  /**
   * @return a one-line description, e.g. {@code WeightMatrix[n=49, links=230, row]}
   */
  @Override
  public String toString() {
    return "WeightMatrix[n="
        + ids.length
        + ", links="
        + val.length
        + ", "
        + standardization.cliName()
        + "]";
  }
}
