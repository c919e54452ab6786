package org.econ4j.panel.fe;

import java.util.Arrays;

/** Dense re-encoding of integer codes and pair hashing; no boxing. */
final class Encoding {
  private Encoding() {}

  /** Codes re-encoded to 0..G-1 in increasing order of the original codes, and G. */
  static final class Dense {
    final int[] codes;
    final int levels;

    /** original code of each dense level */
    final long[] original;

    Dense(int[] codes, int levels, long[] original) {
      this.codes = codes;
      this.levels = levels;
      this.original = original;
    }
  }

  /**
   * Re-encodes non-negative codes densely, keeping the order of the original values. Direct lookup
   * when the maximum is small relative to n, else an open-addressing hash.
   */
  static Dense dense(int[] codes) {
    return dense(codes, false);
  }

  /**
   * @param share whether the input may be returned as the codes when it is already dense (every
   *     code in 0..G−1 used): saves a copy for callers that never modify it
   */
  static Dense dense(int[] codes, boolean share) {
    int n = codes.length;
    int max = -1;
    for (int c : codes) {
      if (c > max) {
        max = c;
      }
    }
    if (max < 4L * n + 1024) {
      int[] map = new int[max + 1];
      for (int c : codes) {
        map[c] = 1;
      }
      int g = 0;
      long[] original = new long[countOnes(map)];
      for (int v = 0; v <= max; v++) {
        if (map[v] != 0) {
          original[g] = v;
          map[v] = g++;
        }
      }
      if (share && g == max + 1) {
        return new Dense(codes, g, original); // the map is the identity
      }
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = map[codes[i]];
      }
      return new Dense(out, g, original);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = codes[i];
    }
    return denseLong(keys);
  }

  private static int countOnes(int[] map) {
    int k = 0;
    for (int v : map) {
      k += v;
    }
    return k;
  }

  /** Dense re-encoding of non-negative long keys in increasing key order, via hashing. */
  static Dense denseLong(long[] keys) {
    int n = keys.length;
    int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    long[] table = new long[cap];
    int[] slot = new int[cap];
    Arrays.fill(table, -1L);
    int mask = cap - 1;
    int[] firstCode = new int[n];
    long[] distinct = new long[Math.max(1, n)];
    int g = 0;
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      int h = mix(k) & mask;
      while (true) {
        long t = table[h];
        if (t == k) {
          firstCode[i] = slot[h];
          break;
        }
        if (t == -1L) {
          table[h] = k;
          slot[h] = g;
          distinct[g] = k;
          firstCode[i] = g++;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    long[] sorted = Arrays.copyOf(distinct, g);
    Arrays.sort(sorted);
    // rank of each first-appearance code
    int[] rank = new int[g];
    for (int j = 0; j < g; j++) {
      rank[j] = Arrays.binarySearch(sorted, distinct[j]);
    }
    for (int i = 0; i < n; i++) {
      firstCode[i] = rank[firstCode[i]];
    }
    return new Dense(firstCode, g, sorted);
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** Combines two dense code arrays (a with ga levels, b with gb levels). */
  static Dense combine(int[] a, int ga, int[] b, int gb) {
    int n = a.length;
    long product = (long) ga * gb;
    if (product <= 4L * n + 1024) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = (int) ((long) a[i] * gb + b[i]);
      }
      return dense(codes);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (long) a[i] * gb + b[i];
    }
    return denseLong(keys);
  }
}
