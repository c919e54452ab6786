package org.econ4j.panel.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.CategoricalColumn;
import org.econ4j.panel.internal.Shared;

/**
 * Integer codes of a column over all panel rows (−1 = missing) with one label per code; numeric
 * columns also keep each level's value (for numeric sorting).
 */
final class Encoding {
  final int[] codes;
  final List<String> labels;
  final double[] values;
  final boolean firstAppearance;

  Encoding(int[] codes, List<String> labels, double[] values, boolean firstAppearance) {
    this.codes = codes;
    this.labels = labels;
    this.values = values;
    this.firstAppearance = firstAppearance;
  }

  int levelCount() {
    return labels.size();
  }

  /**
   * Encodes a column. {@code integerRole} non-null (e.g. "fixed effect") requires a numeric column
   * to hold integers.
   */
  static Encoding of(Evaluator ev, String name, String integerRole) {
    if (ev.isCategorical(name)) {
      CategoricalColumn c = ev.categorical(name);
      return new Encoding(Shared.codes(c), c.levels(), null, false);
    }
    double[] x = ev.column(name);
    Encoding direct = integerRange(x);
    if (direct != null) {
      return direct;
    }
    int n = x.length;
    int[] codes = new int[n];
    LongIntMap map = new LongIntMap(16);
    double[] vals = new double[16];
    int g = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (!Double.isFinite(v)) {
        codes[i] = -1;
        continue;
      }
      if (integerRole != null && v != Math.rint(v)) {
        throw new SpecificationException(
            integerRole
                + " '"
                + name
                + "' is numeric with non-integer values (e.g. "
                + v
                + " at row "
                + (i + 1)
                + ") in "
                + ev.context()
                + "; use a categorical or integer-valued column");
      }
      long key = Double.doubleToLongBits(v == 0 ? 0.0 : v);
      int c = map.get(key);
      if (c < 0) {
        c = g++;
        map.put(key, c);
        if (c == vals.length) {
          vals = Arrays.copyOf(vals, vals.length * 2);
        }
        vals[c] = v;
      }
      codes[i] = c;
    }
    double[] levelValues = Arrays.copyOf(vals, g);
    return new Encoding(codes, new NumberLabels(levelValues), levelValues, true);
  }

  /**
   * Fast path for integer-valued columns with a compact range (ids, years): codes through a direct
   * lookup table instead of hashing; null when the column does not qualify.
   */
  private static Encoding integerRange(double[] x) {
    int n = x.length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v == 0) {
        if (v != (double) (long) v) {
          return null;
        }
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
    }
    if (!(max >= min) || max - min > Math.max(1 << 20, 4.0 * n) || Math.abs(min) > 1e15) {
      return null;
    }
    int range = (int) (max - min) + 1;
    int[] table = new int[range];
    Arrays.fill(table, -1);
    int[] codes = new int[n];
    double[] vals = new double[16];
    int g = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v != 0) {
        codes[i] = -1;
        continue;
      }
      int slot = (int) (v - min);
      int c = table[slot];
      if (c < 0) {
        c = g++;
        table[slot] = c;
        if (c == vals.length) {
          vals = Arrays.copyOf(vals, vals.length * 2);
        }
        vals[c] = v == 0 ? 0.0 : v;
      }
      codes[i] = c;
    }
    double[] levelValues = Arrays.copyOf(vals, g);
    return new Encoding(codes, new NumberLabels(levelValues), levelValues, true);
  }

  /** The combination a^b: one level per observed pair, labelled {@code a_b}. */
  static Encoding combine(Encoding a, Encoding b) {
    int n = a.codes.length;
    int gb = b.levelCount();
    int[] codes = new int[n];
    LongIntMap map = new LongIntMap(16);
    int[] firstA = new int[16];
    int[] firstB = new int[16];
    int g = 0;
    for (int i = 0; i < n; i++) {
      int ca = a.codes[i];
      int cb = b.codes[i];
      if (ca < 0 || cb < 0) {
        codes[i] = -1;
        continue;
      }
      long key = (long) ca * gb + cb;
      int c = map.get(key);
      if (c < 0) {
        c = g++;
        map.put(key, c);
        if (c == firstA.length) {
          firstA = Arrays.copyOf(firstA, c * 2);
          firstB = Arrays.copyOf(firstB, c * 2);
        }
        firstA[c] = ca;
        firstB[c] = cb;
      }
      codes[i] = c;
    }
    List<String> labels = new ArrayList<>(g);
    for (int k = 0; k < g; k++) {
      labels.add(a.labels.get(firstA[k]) + "_" + b.labels.get(firstB[k]));
    }
    return new Encoding(codes, labels, null, true);
  }

  /** Dense codes 0..G−1 over the kept rows, numbered in order of first appearance. */
  GroupCodes dense(String name, int[] keptRows) {
    if (firstAppearance && keptRows.length == codes.length) {
      // all rows kept: the codes are already dense in order of first appearance
      return new GroupCodes(name, codes, labels);
    }
    int[] remap = new int[levelCount()];
    Arrays.fill(remap, -1);
    int[] out = new int[keptRows.length];
    int[] firstOf = new int[Math.min(levelCount(), keptRows.length)];
    int g = 0;
    for (int i = 0; i < keptRows.length; i++) {
      int c = codes[keptRows[i]];
      int r = remap[c];
      if (r < 0) {
        r = g++;
        remap[c] = r;
        firstOf[r] = c;
      }
      out[i] = r;
    }
    List<String> levels;
    if (labels instanceof NumberLabels) {
      double[] v = new double[g];
      for (int r = 0; r < g; r++) {
        v[r] = values[firstOf[r]];
      }
      levels = new NumberLabels(v);
    } else {
      levels = new ArrayList<>(g);
      for (int r = 0; r < g; r++) {
        levels.add(labels.get(firstOf[r]));
      }
    }
    return new GroupCodes(name, out, levels);
  }

  /** Open-addressing map from long keys to non-negative ints (get gives −1 when absent). */
  static final class LongIntMap {
    private long[] keys;
    private int[] vals;
    private int size;
    private int mask;

    LongIntMap(int capacity) {
      int c = Integer.highestOneBit(Math.max(4, capacity) - 1) << 1;
      keys = new long[c];
      vals = new int[c];
      Arrays.fill(vals, -1);
      mask = c - 1;
    }

    private static int hash(long k) {
      long h = k * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }

    int get(long key) {
      int i = hash(key) & mask;
      while (vals[i] >= 0) {
        if (keys[i] == key) {
          return vals[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    void put(long key, int value) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int i = hash(key) & mask;
      while (vals[i] >= 0) {
        if (keys[i] == key) {
          vals[i] = value;
          return;
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      vals[i] = value;
      size++;
    }

    private void grow() {
      long[] ok = keys;
      int[] ov = vals;
      keys = new long[ok.length * 2];
      vals = new int[ok.length * 2];
      Arrays.fill(vals, -1);
      mask = keys.length - 1;
      size = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ov[i] >= 0) {
          put(ok[i], ov[i]);
        }
      }
    }
  }
}
