package org.econ4j.panel.fe;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact rank of the further fixed-effect dimensions after the two largest, by cycle constraints in
 * integer arithmetic (no demeaning).
 *
 * <p>Let a, b be the two intercept dimensions with most levels and c the m levels of the others
 * (several dimensions stacked). A null vector (α<sub>a</sub>, α<sub>b</sub>, α<sub>c</sub>) of the
 * design satisfies α<sub>a</sub>[a(i)] + α<sub>b</sub>[b(i)] = −Σ<sub>d</sub> α<sub>c</sub>[t<sub>d
 * </sub>(i)] on every row i: an edge a(i)–b(i) of the bipartite level graph with a value. Given
 * α<sub>c</sub>, such α<sub>a</sub>, α<sub>b</sub> exist iff the values are consistent around every
 * cycle, i.e. iff α<sub>c</sub> is orthogonal to the constraint vector of every fundamental cycle
 * of a spanning forest. So the redundancy of the design is C + (m − rank K), C the components of
 * the (a, b) graph and K the matrix of those integer constraint vectors.
 *
 * <p>Algorithm: one union–find pass over the rows (union by size, full path compression) keeps for
 * every level its potential relative to its root as an exact integer vector in Z<sup>m</sup>; an
 * edge closing a cycle yields the constraint vector P<sub>a</sub> − P<sub>b</sub> − e(i). The rank
 * of the constraint vectors is tracked modulo the prime p = 2<sup>31</sup> − 1, which is a lower
 * bound of the rank over the rationals (a non-zero minor mod p is non-zero over Z). Each further
 * dimension's constant is always allowed (it moves into α<sub>a</sub>), so rank K ≤ m − (number of
 * further dimensions): once the modular rank reaches that bound it is proven exact and the pass
 * continues as a plain union–find for C. Otherwise a second pass certifies the rank: the exact
 * rational null space of the independent constraint vectors found (fraction-free elimination in
 * {@link BigInteger}) is checked, in exact {@code long} arithmetic with overflow detection, to
 * satisfy every cycle. Any failure of the certificate (overflow, a cycle violated) returns
 * "undecided" and the caller falls back to the numerical method.
 */
final class CycleRank {
  private CycleRank() {}

  static final long P = 2_147_483_647L;

  /** Largest (levels of a + levels of b) × m of potentials kept (longs; tests lower it). */
  static volatile long potentialLimit = 25_000_000L;

  /** The outcome: components C and the exact rank of K, or null if undecided. */
  record Result(int components, int rank, boolean certifiedByBound) {}

  /**
   * @param a codes of the first dimension (ga levels)
   * @param b codes of the second dimension (gb levels)
   * @param t codes of the further dimensions
   * @param off offset of each further dimension in the stacked m levels
   * @param m total further levels
   * @return the result, or null when undecided or too large
   */
  static Result compute(int[] a, int ga, int[] b, int gb, int[][] t, int[] off, int m) {
    long nodes = (long) ga + gb;
    if (nodes * m > potentialLimit) {
      return null;
    }
    int maxRank = m - t.length;
    Basis basis = new Basis(maxRank, m);
    Scan first = new Scan(ga, gb, maxRank > 0 ? m : 0);
    if (!first.run(a, b, t, off, null, basis::accept)) {
      return null;
    }
    int comps = first.components();
    if (basis.rank == maxRank) {
      return new Result(comps, maxRank, true);
    }
    // certify: the rational null space of the found constraints must satisfy every cycle
    long[][] kernel = nullSpace(Arrays.copyOf(basis.exact, basis.rank), m);
    if (kernel == null) {
      return null;
    }
    int q = kernel.length;
    long[][] edge = new long[m][q]; // the values of further level j in each kernel vector
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < q; k++) {
        edge[j][k] = kernel[k][j];
      }
    }
    boolean[] violated = {false};
    Scan second = new Scan(ga, gb, q);
    boolean ok =
        second.run(
            a,
            b,
            t,
            off,
            edge,
            v -> {
              violated[0] = true;
              return false;
            });
    if (!ok || violated[0]) {
      return null;
    }
    return new Result(comps, basis.rank, false);
  }

  /** Receives a non-zero constraint vector; returns whether potentials are still needed. */
  interface Sink {
    boolean accept(long[] v);
  }

  /** Constraint vectors independent modulo p, in echelon form, with their exact originals. */
  private static final class Basis {
    final long[][] exact;
    final long[][] mod;
    final int[] pivot;
    final long[] u;
    int rank;

    Basis(int max, int m) {
      exact = new long[Math.max(max, 0)][];
      mod = new long[Math.max(max, 0)][];
      pivot = new int[Math.max(max, 0)];
      u = new long[m];
    }

    /** Reduces v mod p against the basis, adds it when independent; false once full. */
    boolean accept(long[] v) {
      if (rank >= mod.length) {
        return false;
      }
      int m = v.length;
      boolean zero = true;
      for (int j = 0; j < m; j++) {
        long x = v[j];
        if (x < 0 || x >= P) {
          x %= P;
          if (x < 0) {
            x += P;
          }
        }
        u[j] = x;
        zero &= x == 0;
      }
      if (zero) {
        return rank < mod.length;
      }
      for (int k = 0; k < rank; k++) {
        long f = u[pivot[k]];
        if (f != 0) {
          long[] row = mod[k];
          for (int j = 0; j < m; j++) {
            long rj = row[j];
            if (rj != 0) {
              long x = u[j] - mulMod(f, rj); // in (−P, P)
              u[j] = x < 0 ? x + P : x;
            }
          }
        }
      }
      int pv = -1;
      for (int j = 0; j < m; j++) {
        if (u[j] != 0) {
          pv = j;
          break;
        }
      }
      if (pv >= 0) {
        long inv = BigInteger.valueOf(u[pv]).modInverse(BigInteger.valueOf(P)).longValue();
        long[] row = new long[m];
        for (int j = 0; j < m; j++) {
          row[j] = u[j] * inv % P;
        }
        mod[rank] = row;
        exact[rank] = v.clone();
        pivot[rank] = pv;
        rank++;
      }
      return rank < mod.length;
    }
  }

  /**
   * a·b mod p for 0 ≤ a, b &lt; p = 2<sup>31</sup> − 1, by the Mersenne folding 2<sup>31</sup> ≡ 1
   * (no division): the product is below 2<sup>62</sup>, one fold brings it below 2<sup>32</sup>, a
   * second below p + 2, and one subtraction finishes.
   */
  static long mulMod(long a, long b) {
    long x = a * b;
    x = (x & P) + (x >>> 31);
    x = (x & P) + (x >>> 31);
    return x >= P ? x - P : x;
  }

  /**
   * Integer basis of the rational null space of the r × m integer matrix (rows independent), or
   * null if an entry does not fit comfortably in a long.
   */
  static long[][] nullSpace(long[][] rows, int m) {
    int r = rows.length;
    BigInteger[][] x = new BigInteger[r][m];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < m; j++) {
        x[i][j] = BigInteger.valueOf(rows[i][j]);
      }
    }
    // reduced row echelon form over Q, kept fraction-free: each row scaled by integers
    int[] pivCol = new int[r];
    int row = 0;
    for (int col = 0; col < m && row < r; col++) {
      int sel = -1;
      for (int i = row; i < r; i++) {
        if (x[i][col].signum() != 0) {
          sel = i;
          break;
        }
      }
      if (sel < 0) {
        continue;
      }
      BigInteger[] tmp = x[sel];
      x[sel] = x[row];
      x[row] = tmp;
      for (int i = 0; i < r; i++) {
        if (i == row || x[i][col].signum() == 0) {
          continue;
        }
        BigInteger f = x[i][col];
        BigInteger g = x[row][col];
        BigInteger gcdAll = BigInteger.ZERO;
        for (int j = 0; j < m; j++) {
          x[i][j] = x[i][j].multiply(g).subtract(x[row][j].multiply(f));
          gcdAll = gcdAll.gcd(x[i][j]);
        }
        if (gcdAll.signum() != 0 && !gcdAll.equals(BigInteger.ONE)) {
          for (int j = 0; j < m; j++) {
            x[i][j] = x[i][j].divide(gcdAll);
          }
        }
      }
      pivCol[row] = col;
      row++;
    }
    if (row != r) {
      return null; // rows were not independent (cannot happen for a modular basis)
    }
    boolean[] isPivot = new boolean[m];
    for (int i = 0; i < r; i++) {
      isPivot[pivCol[i]] = true;
    }
    long[][] out = new long[m - r][];
    int k = 0;
    BigInteger limit = BigInteger.ONE.shiftLeft(20);
    for (int free = 0; free < m; free++) {
      if (isPivot[free]) {
        continue;
      }
      // v[free] = L, v[pivCol[i]] = −x[i][free] · L / x[i][pivCol[i]], L = lcm of the pivots
      BigInteger lcm = BigInteger.ONE;
      for (int i = 0; i < r; i++) {
        BigInteger pv = x[i][pivCol[i]].abs();
        lcm = lcm.divide(lcm.gcd(pv)).multiply(pv);
      }
      BigInteger[] v = new BigInteger[m];
      Arrays.fill(v, BigInteger.ZERO);
      v[free] = lcm;
      for (int i = 0; i < r; i++) {
        v[pivCol[i]] = x[i][free].negate().multiply(lcm).divide(x[i][pivCol[i]]);
      }
      BigInteger g = BigInteger.ZERO;
      for (BigInteger e : v) {
        g = g.gcd(e);
      }
      long[] lv = new long[m];
      for (int j = 0; j < m; j++) {
        BigInteger e = v[j].divide(g);
        if (e.abs().compareTo(limit) > 0) {
          return null;
        }
        lv[j] = e.longValue();
      }
      out[k++] = lv;
    }
    return out;
  }

  /** Weighted union–find with vector potentials y(node) − y(parent). */
  private static final class Scan {
    private final int ga;
    private final int s;
    private final int[] parent;
    private final int[] size;

    /** potentials in pages of PAGE nodes, allocated on first touch (most stay untouched) */
    private long[][] pages;

    private static final int PAGE_BITS = 10;
    private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    private int[] path = new int[64];

    Scan(int ga, int gb, int s) {
      this.ga = ga;
      this.s = s;
      int nodes = ga + gb;
      parent = new int[nodes];
      size = new int[nodes];
      for (int i = 0; i < nodes; i++) {
        parent[i] = i;
        size[i] = 1;
      }
      pages = new long[(nodes >>> PAGE_BITS) + 1][];
    }

    int components() {
      int c = 0;
      for (int i = 0; i < parent.length; i++) {
        if (parent[i] == i) {
          c++;
        }
      }
      return c;
    }

    /** Find with full path compression, potentials made relative to the root. */
    private int findPot(int x) {
      int len = 0;
      int u = x;
      while (parent[u] != u) {
        if (len == path.length) {
          path = Arrays.copyOf(path, len * 2);
        }
        path[len++] = u;
        u = parent[u];
      }
      int root = u;
      // path[len-1] has parent root already; walk down towards x
      for (int k = len - 2; k >= 0; k--) {
        int node = path[k];
        int par = path[k + 1];
        long[] pn = page(node);
        long[] pp = page(par);
        int bn = (node & PAGE_MASK) * s;
        int bp = (par & PAGE_MASK) * s;
        for (int j = 0; j < s; j++) {
          pn[bn + j] = Math.addExact(pn[bn + j], pp[bp + j]);
        }
        parent[node] = root;
      }
      return root;
    }

    private long[] page(int node) {
      long[] pg = pages[node >>> PAGE_BITS];
      if (pg == null) {
        pg = new long[(PAGE_MASK + 1) * s];
        pages[node >>> PAGE_BITS] = pg;
      }
      return pg;
    }

    private int findPlain(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    /**
     * One pass over the rows. edge == null: the row's value vector is Σ e(t_d(i)) (s == m);
     * otherwise Σ edge[t_d(i)]. Each non-zero cycle constraint goes to the sink; once the sink
     * returns false potentials are dropped and a plain union–find finishes the components. Returns
     * false on overflow.
     */
    boolean run(int[] a, int[] b, int[][] t, int[] off, long[][] edge, Sink sink) {
      int n = a.length;
      int nd = t.length;
      long[] w = new long[s];
      long[] v = new long[s];
      boolean withPot = s > 0;
      try {
        for (int i = 0; i < n; i++) {
          int g = a[i];
          int h = ga + b[i];
          if (!withPot) {
            int rg = findPlain(g);
            int rh = findPlain(h);
            if (rg != rh) {
              link(rg, rh);
            }
            continue;
          }
          Arrays.fill(w, 0);
          for (int d = 0; d < nd; d++) {
            int lev = off[d] + t[d][i];
            if (edge == null) {
              w[lev] += 1;
            } else {
              long[] e = edge[lev];
              for (int j = 0; j < s; j++) {
                w[j] = Math.addExact(w[j], e[j]);
              }
            }
          }
          int rg = findPot(g);
          int rh = findPot(h);
          long[] potG = page(g);
          long[] potH = page(h);
          int bg = (g & PAGE_MASK) * s;
          int bh = (h & PAGE_MASK) * s;
          if (rg != rh) {
            // y(rg) − y(rh) = w − P(g) + P(h)
            for (int j = 0; j < s; j++) {
              long pg = g == rg ? 0 : potG[bg + j];
              long ph = h == rh ? 0 : potH[bh + j];
              v[j] = Math.addExact(Math.subtractExact(w[j], pg), ph);
            }
            int child = link(rg, rh);
            long[] potC = page(child);
            int bc = (child & PAGE_MASK) * s;
            boolean neg = child == rh;
            for (int j = 0; j < s; j++) {
              potC[bc + j] = neg ? -v[j] : v[j];
            }
          } else {
            boolean zero = true;
            for (int j = 0; j < s; j++) {
              long pg = g == rg ? 0 : potG[bg + j];
              long ph = h == rh ? 0 : potH[bh + j];
              long c = Math.subtractExact(Math.subtractExact(pg, ph), w[j]);
              v[j] = c;
              zero &= c == 0;
            }
            if (!zero && !sink.accept(v)) {
              withPot = false;
              pages = null;
            }
          }
        }
      } catch (ArithmeticException overflow) {
        return false;
      }
      return true;
    }

    /** Links two roots by size; returns the root that became a child. */
    private int link(int ra, int rb) {
      if (size[ra] < size[rb]) {
        parent[ra] = rb;
        size[rb] += size[ra];
        return ra;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
      return rb;
    }
  }
}
