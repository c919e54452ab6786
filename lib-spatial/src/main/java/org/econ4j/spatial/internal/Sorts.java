package org.econ4j.spatial.internal;

/** Primitive sorting helpers (no boxing). */
public final class Sorts {
  private Sorts() {}

  /**
   * Sorts {@code keys[from, to)} ascending and permutes {@code vals} alongside.
   *
   * @param keys the keys
   * @param vals the values moved with the keys
   * @param from first index (inclusive)
   * @param to last index (exclusive)
   */
  public static void sortPaired(int[] keys, double[] vals, int from, int to) {
    while (to - from > 16) {
      int mid = (from + to) >>> 1;
      int pivot = median(keys[from], keys[mid], keys[to - 1]);
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(keys, vals, i, j);
          i++;
          j--;
        }
      }
      // recurse into the smaller part
      if (j - from < to - i) {
        sortPaired(keys, vals, from, j + 1);
        from = i;
      } else {
        sortPaired(keys, vals, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      int k = keys[i];
      double v = vals[i];
      int j = i - 1;
      while (j >= from && keys[j] > k) {
        keys[j + 1] = keys[j];
        vals[j + 1] = vals[j];
        j--;
      }
      keys[j + 1] = k;
      vals[j + 1] = v;
    }
  }

  private static int median(int a, int b, int c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private static void swap(int[] k, double[] v, int i, int j) {
    int t = k[i];
    k[i] = k[j];
    k[j] = t;
    double u = v[i];
    v[i] = v[j];
    v[j] = u;
  }
}
