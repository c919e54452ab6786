package org.econ4j.spatial.internal;

import java.util.Arrays;

/**
 * A static k-d tree over points in 2 or 3 dimensions (Euclidean distance), built once by median
 * splits on the dimension of widest spread. Queries: the k nearest neighbours of a stored point
 * (excluding itself) and all stored points within a radius. Build is O(n log n), each query about
 * O(log n + output).
 *
 * <p>Ties: the k-nearest query orders candidates by (distance, point index), so among points at the
 * same distance the one with the smaller index wins; this makes results deterministic.
 *
 * <p>Not thread-safe for concurrent queries that share a {@link Workspace}; the tree itself is
 * immutable after construction.
 */
public final class KdTree {
  private static final int LEAF = 8;

  private final int dim;
  private final double[] coords; // point-major: coords[p * dim + d]
  private final int[] perm; // point order in the tree
  // Nodes: implicit over ranges of perm; we store split info per node in arrays sized 2n.
  private final int[] nodeLo;
  private final int[] nodeHi;
  private final int[] nodeLeft;
  private final int[] nodeRight;
  private final double[] nodeMin; // bounding boxes: node * dim + d
  private final double[] nodeMax;
  private int nodeCount;

  /**
   * Builds the tree.
   *
   * @param dim 2 or 3
   * @param coords point-major coordinates, length n·dim (not copied; must not change)
   */
  public KdTree(int dim, double[] coords) {
    this.dim = dim;
    this.coords = coords;
    int n = coords.length / dim;
    perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int maxNodes = Math.max(1, 2 * (n / LEAF + 1) + 1);
    maxNodes = Math.max(maxNodes, 4 * n / LEAF + 4);
    nodeLo = new int[maxNodes];
    nodeHi = new int[maxNodes];
    nodeLeft = new int[maxNodes];
    nodeRight = new int[maxNodes];
    nodeMin = new double[maxNodes * dim];
    nodeMax = new double[maxNodes * dim];
    if (n > 0) {
      build(0, n);
    }
  }

  /**
   * @return the number of points
   */
  public int size() {
    return perm.length;
  }

  private int build(int lo, int hi) {
    int node = nodeCount++;
    nodeLo[node] = lo;
    nodeHi[node] = hi;
    nodeLeft[node] = -1;
    nodeRight[node] = -1;
    for (int d = 0; d < dim; d++) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (int p = lo; p < hi; p++) {
        double v = coords[perm[p] * dim + d];
        if (v < mn) {
          mn = v;
        }
        if (v > mx) {
          mx = v;
        }
      }
      nodeMin[node * dim + d] = mn;
      nodeMax[node * dim + d] = mx;
    }
    if (hi - lo <= LEAF) {
      return node;
    }
    int split = 0;
    double spread = -1;
    for (int d = 0; d < dim; d++) {
      double s = nodeMax[node * dim + d] - nodeMin[node * dim + d];
      if (s > spread) {
        spread = s;
        split = d;
      }
    }
    if (spread <= 0) {
      return node; // all points identical: keep as a leaf
    }
    int mid = (lo + hi) >>> 1;
    select(lo, hi - 1, mid, split);
    int left = build(lo, mid);
    int right = build(mid, hi);
    nodeLeft[node] = left;
    nodeRight[node] = right;
    return node;
  }

  private void select(int lo, int hi, int k, int d) {
    while (hi > lo) {
      double pivot = coords[perm[(lo + hi) >>> 1] * dim + d];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (coords[perm[i] * dim + d] < pivot) {
          i++;
        }
        while (coords[perm[j] * dim + d] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private double dist2(int a, int b) {
    double s = 0;
    for (int d = 0; d < dim; d++) {
      double t = coords[a * dim + d] - coords[b * dim + d];
      s += t * t;
    }
    return s;
  }

  private double boxDist2(int node, int p) {
    double s = 0;
    for (int d = 0; d < dim; d++) {
      double v = coords[p * dim + d];
      double mn = nodeMin[node * dim + d];
      double mx = nodeMax[node * dim + d];
      double t = v < mn ? mn - v : (v > mx ? v - mx : 0);
      s += t * t;
    }
    return s;
  }

  /** Per-thread scratch space for queries. */
  public static final class Workspace {
    final int[] stack;
    final double[] stackDist;
    int[] heapIdx = new int[0];
    double[] heapD = new double[0];
    int heapSize;
    int[] out = new int[16];
    double[] outD = new double[16];
    int outSize;

    /**
     * @param tree the tree the workspace serves
     */
    public Workspace(KdTree tree) {
      stack = new int[Math.max(64, tree.nodeCount + 1)];
      stackDist = new double[stack.length];
    }

    /**
     * @return indices found by the last query (valid up to {@link #count()})
     */
    public int[] indices() {
      return out;
    }

    /**
     * @return squared distances found by the last query (valid up to {@link #count()})
     */
    public double[] squaredDistances() {
      return outD;
    }

    /**
     * @return the number of results of the last query
     */
    public int count() {
      return outSize;
    }

    void add(int idx, double d2) {
      if (outSize == out.length) {
        out = Arrays.copyOf(out, outSize * 2);
        outD = Arrays.copyOf(outD, outSize * 2);
      }
      out[outSize] = idx;
      outD[outSize] = d2;
      outSize++;
    }
  }

  // max-heap ordered by (distance, index)
  private static boolean greater(double da, int ia, double db, int ib) {
    return da > db || (da == db && ia > ib);
  }

  /**
   * Finds the k nearest neighbours of stored point {@code q} (excluding {@code q} itself), sorted
   * by (squared distance, index). Results are in the workspace.
   *
   * @param q a stored point index
   * @param k the number of neighbours (≤ n − 1)
   * @param ws the workspace
   */
  public void nearest(int q, int k, Workspace ws) {
    if (ws.heapIdx.length < k) {
      ws.heapIdx = new int[k];
      ws.heapD = new double[k];
    }
    int[] hi = ws.heapIdx;
    double[] hd = ws.heapD;
    ws.heapSize = 0;
    int[] stack = ws.stack;
    double[] sd = ws.stackDist;
    int sp = 0;
    stack[sp] = 0;
    sd[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      double bd = sd[sp];
      if (ws.heapSize == k && bd > hd[0]) {
        continue;
      }
      if (nodeLeft[node] < 0) {
        for (int p = nodeLo[node]; p < nodeHi[node]; p++) {
          int j = perm[p];
          if (j == q) {
            continue;
          }
          double d = dist2(q, j);
          if (ws.heapSize < k) {
            // sift up
            int c = ws.heapSize++;
            while (c > 0) {
              int parent = (c - 1) >>> 1;
              if (!greater(d, j, hd[parent], hi[parent])) {
                break;
              }
              hd[c] = hd[parent];
              hi[c] = hi[parent];
              c = parent;
            }
            hd[c] = d;
            hi[c] = j;
          } else if (greater(hd[0], hi[0], d, j)) {
            // replace root, sift down
            int c = 0;
            int size = ws.heapSize;
            while (true) {
              int l = 2 * c + 1;
              if (l >= size) {
                break;
              }
              int r = l + 1;
              int m = (r < size && greater(hd[r], hi[r], hd[l], hi[l])) ? r : l;
              if (!greater(hd[m], hi[m], d, j)) {
                break;
              }
              hd[c] = hd[m];
              hi[c] = hi[m];
              c = m;
            }
            hd[c] = d;
            hi[c] = j;
          }
        }
      } else {
        int l = nodeLeft[node];
        int r = nodeRight[node];
        double dl = boxDist2(l, q);
        double dr = boxDist2(r, q);
        // push the farther first so the nearer is explored first
        boolean full = ws.heapSize == k;
        double worst = full ? hd[0] : Double.POSITIVE_INFINITY;
        if (dl <= dr) {
          if (dr <= worst) {
            stack[sp] = r;
            sd[sp++] = dr;
          }
          if (dl <= worst) {
            stack[sp] = l;
            sd[sp++] = dl;
          }
        } else {
          if (dl <= worst) {
            stack[sp] = l;
            sd[sp++] = dl;
          }
          if (dr <= worst) {
            stack[sp] = r;
            sd[sp++] = dr;
          }
        }
      }
    }
    // heap sort ascending into out
    ws.outSize = 0;
    int size = ws.heapSize;
    if (ws.out.length < size) {
      ws.out = new int[size];
      ws.outD = new double[size];
    }
    for (int s = size - 1; s >= 0; s--) {
      ws.out[s] = hi[0];
      ws.outD[s] = hd[0];
      // pop root
      int lastI = hi[s];
      double lastD = hd[s];
      int c = 0;
      while (true) {
        int l = 2 * c + 1;
        if (l >= s) {
          break;
        }
        int r = l + 1;
        int m = (r < s && greater(hd[r], hi[r], hd[l], hi[l])) ? r : l;
        if (!greater(hd[m], hi[m], lastD, lastI)) {
          break;
        }
        hd[c] = hd[m];
        hi[c] = hi[m];
        c = m;
      }
      hd[c] = lastD;
      hi[c] = lastI;
    }
    ws.outSize = size;
  }

  /**
   * Finds all stored points within squared radius {@code r2} of stored point {@code q} (excluding
   * {@code q}), in no particular order.
   *
   * @param q a stored point index
   * @param r2 the squared radius (inclusive)
   * @param ws the workspace
   */
  public void within(int q, double r2, Workspace ws) {
    ws.outSize = 0;
    int[] stack = ws.stack;
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      if (boxDist2(node, q) > r2) {
        continue;
      }
      if (nodeLeft[node] < 0) {
        for (int p = nodeLo[node]; p < nodeHi[node]; p++) {
          int j = perm[p];
          if (j == q) {
            continue;
          }
          double d = dist2(q, j);
          if (d <= r2) {
            ws.add(j, d);
          }
        }
      } else {
        stack[sp++] = nodeLeft[node];
        stack[sp++] = nodeRight[node];
      }
    }
  }
}
