package org.econ4j.panel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.SpecificationException;

/**
 * Rows of a {@link Panel} grouped by one or more key columns, made by {@link Panel#groupBy}.
 *
 * <p>Algorithm: each key column becomes dense integer codes (categorical codes directly; numeric
 * values through a primitive hash map); several keys are combined pairwise into one code and
 * re-densified, so any number of keys costs one pass per key. Groups are numbered in order of first
 * appearance, and {@link #aggregate} makes one pass per aggregation over primitive accumulators:
 * O(rows) time, O(groups) extra memory. A missing key value forms its own group (shown as missing),
 * nothing is dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class GroupBy {
  private final Panel panel;
  private final List<String> keys;
  private final int[] group;
  private final int groups;
  private final int[] firstRow;
  private final int[] lastRow;

  GroupBy(Panel panel, String[] keys) {
    this.panel = panel;
    this.keys = List.of(keys);
    int n = panel.rows();
    int[] g = null;
    int range = 0;
    for (String k : keys) {
      PanelOps.Codes c = PanelOps.keyCodes(panel.columnsUnsafe().get(k), n);
      if (g == null) {
        g = c.code;
        range = c.range;
      } else {
        LongIntMap m = new LongIntMap(Math.min(n, 1 << 16));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = m.getOrAdd((long) g[i] * c.range + c.code[i]);
        }
        g = out;
        range = m.size();
      }
    }
    // re-number in order of first appearance, in place (g is always a fresh array)
    int[] map = new int[range];
    java.util.Arrays.fill(map, -1);
    int count = 0;
    int[] grp = g;
    for (int i = 0; i < n; i++) {
      int c = g[i];
      int d = map[c];
      if (d < 0) {
        d = count++;
        map[c] = d;
      }
      grp[i] = d;
    }
    int[] first = new int[count];
    int[] last = new int[count];
    java.util.Arrays.fill(first, -1);
    for (int i = 0; i < n; i++) {
      int d = grp[i];
      if (first[d] < 0) {
        first[d] = i;
      }
      last[d] = i;
    }
    this.group = grp;
    this.groups = count;
    this.firstRow = first;
    this.lastRow = last;
  }

  /**
   * @return the key columns
   */
  public List<String> keys() {
    return keys;
  }

  /**
   * @return the number of groups
   */
  public int groupCount() {
    return groups;
  }

  /**
   * @return the group number of each row (0-based, in order of first appearance; a copy)
   */
  public int[] groupCodes() {
    return group.clone();
  }

  /**
   * One row per group, in order of first appearance: the key columns (same types and levels), then
   * one column per aggregation (numeric; {@code FIRST}/{@code LAST} of a categorical column stay
   * categorical).
   *
   * @param aggregations the summaries
   * @return the aggregated panel (no index)
   * @throws SpecificationException for an unknown column, a numeric function of a categorical
   *     column, or an output name used twice or equal to a key
   */
  public Panel aggregate(Aggregation... aggregations) {
    Objects.requireNonNull(aggregations, "aggregations");
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) {
      Object c = panel.columnsUnsafe().get(k);
      out.put(k, PanelOps.take(c, firstRow));
    }
    for (Aggregation a : aggregations) {
      Objects.requireNonNull(a, "aggregation");
      if (out.containsKey(a.outputName())) {
        throw new SpecificationException(
            "aggregation output name '"
                + a.outputName()
                + "' is used twice (or is a key); give each output a distinct name");
      }
      out.put(a.outputName(), compute(a));
    }
    return new Panel(out, null);
  }

  private Object compute(Aggregation a) {
    int n = group.length;
    Aggregation.Function f = a.function();
    if (f == Aggregation.Function.COUNT && a.column().isEmpty()) {
      double[] r = new double[groups];
      for (int i = 0; i < n; i++) {
        r[group[i]]++;
      }
      return r;
    }
    Object col = panel.columnsUnsafe().get(a.column());
    if (col == null) {
      panel.type(a.column()); // throws the unknown-column message
    }
    if (f == Aggregation.Function.FIRST) {
      return PanelOps.take(col, firstRow);
    }
    if (f == Aggregation.Function.LAST) {
      return PanelOps.take(col, lastRow);
    }
    if (col instanceof CategoricalColumn) {
      if (f == Aggregation.Function.COUNT) {
        int[] codes = ((CategoricalColumn) col).codesUnsafe();
        double[] r = new double[groups];
        for (int i = 0; i < n; i++) {
          if (codes[i] >= 0) {
            r[group[i]]++;
          }
        }
        return r;
      }
      throw new SpecificationException(
          "aggregation "
              + f
              + " needs a numeric column but '"
              + a.column()
              + "' is categorical; use COUNT, FIRST or LAST, or choose a numeric column");
    }
    double[] x = (double[]) col;
    double[] r = new double[groups];
    switch (f) {
      case COUNT:
        for (int i = 0; i < n; i++) {
          if (x[i] == x[i]) {
            r[group[i]]++;
          }
        }
        return r;
      case SUM:
        for (int i = 0; i < n; i++) {
          double v = x[i];
          if (v == v) {
            r[group[i]] += v;
          }
        }
        return r;
      case SHARE:
        {
          double total = 0;
          for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
              r[group[i]] += v;
              total += v;
            }
          }
          for (int g = 0; g < groups; g++) {
            r[g] = 100 * r[g] / total;
          }
          return r;
        }
      case MEAN:
      case SD:
        {
          double[] cnt = new double[groups];
          for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
              int g = group[i];
              r[g] += v;
              cnt[g]++;
            }
          }
          for (int g = 0; g < groups; g++) {
            r[g] = cnt[g] > 0 ? r[g] / cnt[g] : Double.NaN;
          }
          if (f == Aggregation.Function.MEAN) {
            return r;
          }
          double[] ss = new double[groups];
          for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
              int g = group[i];
              double d = v - r[g];
              ss[g] += d * d;
            }
          }
          for (int g = 0; g < groups; g++) {
            ss[g] = cnt[g] > 1 ? Math.sqrt(ss[g] / (cnt[g] - 1)) : Double.NaN;
          }
          return ss;
        }
      case MIN:
      case MAX:
        {
          boolean min = f == Aggregation.Function.MIN;
          java.util.Arrays.fill(r, Double.NaN);
          for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
              int g = group[i];
              double c = r[g];
              if (c != c || (min ? v < c : v > c)) {
                r[g] = v;
              }
            }
          }
          return r;
        }
      default:
        throw new IllegalStateException("unhandled " + f);
    }
  }

  @Override
  public String toString() {
    return "GroupBy[" + keys + ", " + groups + " groups]";
  }
}
