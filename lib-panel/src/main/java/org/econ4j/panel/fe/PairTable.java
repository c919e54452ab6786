package org.econ4j.panel.fe;

/**
 * The distinct (a, b) level pairs of two dimensions, grouped by a, and the pair of each row. The
 * two-way demeaning iterates over pairs instead of rows (much fewer when b is small or nested).
 */
final class PairTable {
  final int pairs;
  final int[] pairA;
  final int[] pairB;

  /** start of each a-level's pairs in the pair arrays (length ga + 1) */
  final int[] startA;

  final int[] pairOf;

  /** row count of each pair (the unweighted pair weights) */
  final double[] count;

  private PairTable(
      int pairs, int[] pairA, int[] pairB, int[] startA, int[] pairOf, double[] count) {
    this.pairs = pairs;
    this.pairA = pairA;
    this.pairB = pairB;
    this.startA = startA;
    this.pairOf = pairOf;
    this.count = count;
  }

  static PairTable build(int[] a, int ga, int[] b, int gb) {
    int n = a.length;
    int[] start = new int[ga + 1];
    for (int v : a) {
      start[v + 1]++;
    }
    for (int g = 0; g < ga; g++) {
      start[g + 1] += start[g];
    }
    int[] pos = new int[ga];
    System.arraycopy(start, 0, pos, 0, ga);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[pos[a[i]]++] = i;
    }
    int[] mark = new int[gb];
    java.util.Arrays.fill(mark, -1);
    int[] slot = new int[gb];
    int[] pa = new int[n];
    int[] pb = new int[n];
    int[] pairOf = new int[n];
    int[] startA = new int[ga + 1];
    int p = 0;
    for (int g = 0; g < ga; g++) {
      startA[g] = p;
      for (int idx = start[g]; idx < start[g + 1]; idx++) {
        int i = order[idx];
        int h = b[i];
        if (mark[h] != g) {
          mark[h] = g;
          slot[h] = p;
          pa[p] = g;
          pb[p] = h;
          p++;
        }
        pairOf[i] = slot[h];
      }
    }
    startA[ga] = p;
    double[] count = new double[p];
    for (int i = 0; i < n; i++) {
      count[pairOf[i]] += 1;
    }
    return new PairTable(
        p, java.util.Arrays.copyOf(pa, p), java.util.Arrays.copyOf(pb, p), startA, pairOf, count);
  }
}
