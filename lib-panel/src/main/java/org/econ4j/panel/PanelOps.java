package org.econ4j.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.econ4j.core.SpecificationException;

/** Row-level machinery behind {@link Panel}'s operations (package-private). */
final class PanelOps {
  private PanelOps() {}

  /** Dense codes of a key column: values in [0, range); missing has its own code. */
  static final class Codes {
    final int[] code;
    final int range;

    Codes(int[] code, int range) {
      this.code = code;
      this.range = range;
    }
  }

  static long keyBits(double v) {
    if (v != v) {
      return 0x7ff8000000000000L;
    }
    return Double.doubleToLongBits(v == 0 ? 0.0 : v);
  }

  static Codes keyCodes(Object col, int n) {
    if (col instanceof CategoricalColumn) {
      CategoricalColumn c = (CategoricalColumn) col;
      int[] src = c.codesUnsafe();
      int miss = c.levelCount();
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        int v = src[i];
        out[i] = v < 0 ? miss : v;
      }
      return new Codes(out, miss + 1);
    }
    double[] x = (double[]) col;
    LongIntMap m = new LongIntMap(Math.min(n, 1 << 16));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = m.getOrAdd(keyBits(x[i]));
    }
    return new Codes(out, m.size());
  }

  /** The rows {@code rows} of a column; row −1 gives a missing value. */
  static Object take(Object col, int[] rows) {
    if (col instanceof double[]) {
      double[] x = (double[]) col;
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        int r = rows[i];
        out[i] = r < 0 ? Double.NaN : x[r];
      }
      return out;
    }
    CategoricalColumn c = (CategoricalColumn) col;
    int[] src = c.codesUnsafe();
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      out[i] = r < 0 ? CategoricalColumn.MISSING : src[r];
    }
    return new CategoricalColumn(out, c.levelsUnsafe(), true);
  }

  // ---- sort ----

  static double[] sortKey(Object col) {
    if (col instanceof double[]) {
      return (double[]) col;
    }
    CategoricalColumn c = (CategoricalColumn) col;
    String[] levels = c.levelsUnsafe();
    Integer[] order = new Integer[levels.length];
    for (int l = 0; l < levels.length; l++) {
      order[l] = l;
    }
    Arrays.sort(order, (a, b) -> levels[a].compareTo(levels[b]));
    double[] rank = new double[levels.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    int[] codes = c.codesUnsafe();
    double[] out = new double[codes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = codes[i] < 0 ? Double.NaN : rank[codes[i]];
    }
    return out;
  }

  private static int compare(double[][] keys, int a, int b) {
    for (double[] k : keys) {
      double x = k[a];
      double y = k[b];
      if (x < y) {
        return -1;
      }
      if (x > y) {
        return 1;
      }
      boolean nx = x != x;
      boolean ny = y != y;
      if (nx != ny) {
        return nx ? 1 : -1;
      }
    }
    return 0;
  }

  /** Stable merge sort of row numbers by the keys (missing last). */
  static int[] stableOrder(double[][] keys, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int lo = 0; lo < n; lo += 32) {
      int hi = Math.min(n, lo + 32);
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && compare(keys, a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
    }
    for (int width = 32; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = compare(keys, a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  // ---- join ----

  static Panel leftJoin(Panel left, Panel right, String[] keys) {
    if (keys.length == 0) {
      throw new SpecificationException(
          "leftJoin needs one or more key columns present in both panels");
    }
    int nl = left.rows();
    int nr = right.rows();
    int[] lc = null;
    int[] rc = null;
    for (String k : keys) {
      ColumnType lt = left.type(k);
      if (!right.hasColumn(k)) {
        throw new SpecificationException(
            "join key '"
                + k
                + "' is not a column of the right panel; its columns: "
                + String.join(", ", right.columnNames()));
      }
      ColumnType rt = right.type(k);
      if (lt != rt) {
        throw new SpecificationException(
            "join key types differ: left column '"
                + k
                + "' is "
                + lt
                + " but right column '"
                + k
                + "' is "
                + rt
                + "; convert one of them so that both keys have the same type");
      }
      int[][] pair = joinCodes(left.columnsUnsafe().get(k), right.columnsUnsafe().get(k), nl, nr);
      if (lc == null) {
        lc = pair[0];
        rc = pair[1];
      } else {
        int range = pair[2][0];
        LongIntMap m = new LongIntMap(Math.min(nr, 1 << 16));
        int[] r2 = new int[nr];
        for (int i = 0; i < nr; i++) {
          r2[i] = rc[i] < 0 || pair[1][i] < 0 ? -1 : m.getOrAdd((long) rc[i] * range + pair[1][i]);
        }
        int[] l2 = new int[nl];
        for (int i = 0; i < nl; i++) {
          l2[i] = lc[i] < 0 || pair[0][i] < 0 ? -1 : m.get((long) lc[i] * range + pair[0][i]);
        }
        lc = l2;
        rc = r2;
      }
    }
    int maxCode = -1;
    for (int v : rc) {
      maxCode = Math.max(maxCode, v);
    }
    int[] rowOf = new int[maxCode + 1];
    Arrays.fill(rowOf, -1);
    for (int i = 0; i < nr; i++) {
      int c = rc[i];
      if (c < 0) {
        continue;
      }
      if (rowOf[c] >= 0) {
        List<String> vals = new ArrayList<>();
        for (String k : keys) {
          vals.add(right.label(k, i));
        }
        throw new SpecificationException(
            "the right panel of the join has duplicate keys: ("
                + String.join(", ", vals)
                + ") at rows "
                + (rowOf[c] + 1)
                + " and "
                + (i + 1)
                + "; make the right keys unique (e.g. aggregate with groupBy first)");
      }
      rowOf[c] = i;
    }
    int[] match = new int[nl];
    for (int i = 0; i < nl; i++) {
      match[i] = lc[i] < 0 ? -1 : rowOf[lc[i]];
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>(left.columnsUnsafe());
    List<String> keyList = Arrays.asList(keys);
    for (String name : right.columnNames()) {
      if (keyList.contains(name)) {
        continue;
      }
      String target = name;
      while (out.containsKey(target)) {
        target = target + "_right";
      }
      out.put(target, take(right.columnsUnsafe().get(name), match));
    }
    return new Panel(out, left.index().orElse(null));
  }

  /** Codes of one key in both panels in the right panel's code space (−1 = missing or absent). */
  private static int[][] joinCodes(Object l, Object r, int nl, int nr) {
    int[] lc = new int[nl];
    int[] rc = new int[nr];
    int range;
    if (r instanceof CategoricalColumn) {
      CategoricalColumn rcol = (CategoricalColumn) r;
      CategoricalColumn lcol = (CategoricalColumn) l;
      Map<String, Integer> pos = new HashMap<>();
      String[] rl = rcol.levelsUnsafe();
      for (int i = 0; i < rl.length; i++) {
        pos.put(rl[i], i);
      }
      String[] ll = lcol.levelsUnsafe();
      int[] map = new int[ll.length];
      for (int i = 0; i < ll.length; i++) {
        Integer p = pos.get(ll[i]);
        map[i] = p == null ? -1 : p;
      }
      System.arraycopy(rcol.codesUnsafe(), 0, rc, 0, nr);
      int[] lsrc = lcol.codesUnsafe();
      for (int i = 0; i < nl; i++) {
        lc[i] = lsrc[i] < 0 ? -1 : map[lsrc[i]];
      }
      range = rl.length;
    } else {
      double[] rx = (double[]) r;
      double[] lx = (double[]) l;
      LongIntMap m = new LongIntMap(Math.min(nr, 1 << 16));
      for (int i = 0; i < nr; i++) {
        rc[i] = rx[i] != rx[i] ? -1 : m.getOrAdd(keyBits(rx[i]));
      }
      for (int i = 0; i < nl; i++) {
        lc[i] = lx[i] != lx[i] ? -1 : m.get(keyBits(lx[i]));
      }
      range = m.size();
    }
    return new int[][] {lc, rc, {Math.max(range, 1)}};
  }

  // ---- stack ----

  static Panel stack(Panel a, Panel b) {
    for (String n : a.columnNames()) {
      if (!b.hasColumn(n)) {
        throw new SpecificationException(
            "cannot stack: column '"
                + n
                + "' is missing from the other panel; give both panels the same columns");
      }
      if (a.type(n) != b.type(n)) {
        throw new SpecificationException(
            "cannot stack: column '"
                + n
                + "' is "
                + a.type(n)
                + " here but "
                + b.type(n)
                + " in the other panel; convert one of them");
      }
    }
    for (String n : b.columnNames()) {
      if (!a.hasColumn(n)) {
        throw new SpecificationException(
            "cannot stack: the other panel has column '"
                + n
                + "' which this panel lacks; give both panels the same columns");
      }
    }
    int na = a.rows();
    int nb = b.rows();
    if ((long) na + nb > Integer.MAX_VALUE - 8) {
      throw new SpecificationException("stacked panel would exceed 2^31 rows; stack fewer rows");
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (String n : a.columnNames()) {
      Object ca = a.columnsUnsafe().get(n);
      Object cb = b.columnsUnsafe().get(n);
      if (ca instanceof double[]) {
        double[] r = Arrays.copyOf((double[]) ca, na + nb);
        System.arraycopy((double[]) cb, 0, r, na, nb);
        out.put(n, r);
      } else {
        CategoricalColumn x = (CategoricalColumn) ca;
        CategoricalColumn y = (CategoricalColumn) cb;
        List<String> levels = new ArrayList<>(Arrays.asList(x.levelsUnsafe()));
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
          pos.put(levels.get(i), i);
        }
        String[] yl = y.levelsUnsafe();
        int[] map = new int[yl.length];
        for (int i = 0; i < yl.length; i++) {
          Integer p = pos.get(yl[i]);
          if (p == null) {
            p = levels.size();
            levels.add(yl[i]);
            pos.put(yl[i], p);
          }
          map[i] = p;
        }
        int[] codes = Arrays.copyOf(x.codesUnsafe(), na + nb);
        int[] yc = y.codesUnsafe();
        for (int i = 0; i < nb; i++) {
          codes[na + i] = yc[i] < 0 ? -1 : map[yc[i]];
        }
        out.put(n, new CategoricalColumn(codes, levels.toArray(new String[0]), true));
      }
    }
    Panel p = new Panel(out, null);
    if (a.index().isPresent() && b.index().isPresent()) {
      PanelIndex ia = a.index().get();
      PanelIndex ib = b.index().get();
      if (ia.unitColumn().equals(ib.unitColumn()) && ia.timeColumn().equals(ib.timeColumn())) {
        return p.withIndex(ia.unitColumn(), ia.timeColumn());
      }
    }
    return p;
  }

  // ---- index tools ----

  static IndexSummary indexSummary(Panel p, PanelIndex idx) {
    int[] unit = idx.unitUnsafe();
    long[] time = idx.timeUnsafe();
    int[] sorted = idx.sortedUnsafe();
    int units = idx.unitCount();
    int n = unit.length;
    int[] count = new int[units];
    boolean[] gap = new boolean[units];
    long step = idx.step();
    for (int q = 0; q < n; q++) {
      int i = sorted[q];
      count[unit[i]]++;
      if (q > 0) {
        int j = sorted[q - 1];
        if (unit[j] == unit[i] && time[i] - time[j] > step) {
          gap[unit[i]] = true;
        }
      }
    }
    long[] t = time.clone();
    Arrays.sort(t);
    int periods = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || t[i] != t[i - 1]) {
        periods++;
      }
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    int gaps = 0;
    boolean balanced = true;
    for (int u = 0; u < units; u++) {
      min = Math.min(min, count[u]);
      max = Math.max(max, count[u]);
      if (gap[u]) {
        gaps++;
      }
      if (count[u] != periods) {
        balanced = false;
      }
    }
    return new IndexSummary(
        idx.unitColumn(),
        idx.timeColumn(),
        units,
        periods,
        n,
        units == 0 ? 0 : min,
        units == 0 ? 0 : (double) n / units,
        max,
        balanced,
        gaps,
        step,
        n == 0 ? 0 : t[0],
        n == 0 ? 0 : t[n - 1]);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  static Panel balanced(Panel p, PanelIndex idx) {
    int[] unit = idx.unitUnsafe();
    long[] time = idx.timeUnsafe();
    int units = idx.unitCount();
    int n = unit.length;
    if (n == 0) {
      return p;
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long v : time) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // the grid must contain every observed time: its step divides the index step and every offset
    long step = idx.step();
    for (long v : time) {
      step = gcd(step, v - lo);
    }
    long grid = (hi - lo) / step + 1;
    long total = grid * units;
    if (total > Integer.MAX_VALUE - 8) {
      throw new SpecificationException(
          "the balanced panel would have "
              + total
              + " rows ("
              + units
              + " units × "
              + grid
              + " periods), more than a panel can hold; filter units or periods first");
    }
    int g = (int) grid;
    int m = (int) total;
    int[] src = new int[m];
    Arrays.fill(src, -1);
    int[] firstRow = new int[units];
    Arrays.fill(firstRow, -1);
    for (int i = 0; i < n; i++) {
      src[unit[i] * g + (int) ((time[i] - lo) / step)] = i;
      if (firstRow[unit[i]] < 0) {
        firstRow[unit[i]] = i;
      }
    }
    int[] unitRow = new int[m];
    double[] times = new double[m];
    for (int u = 0; u < units; u++) {
      for (int k = 0; k < g; k++) {
        unitRow[u * g + k] = firstRow[u];
        times[u * g + k] = lo + k * step;
      }
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (String name : p.columnNames()) {
      Object c = p.columnsUnsafe().get(name);
      if (name.equals(idx.unitColumn())) {
        out.put(name, take(c, unitRow));
      } else if (name.equals(idx.timeColumn())) {
        out.put(name, times);
      } else {
        out.put(name, take(c, src));
      }
    }
    return new Panel(out, null).withIndex(idx.unitColumn(), idx.timeColumn());
  }
}
