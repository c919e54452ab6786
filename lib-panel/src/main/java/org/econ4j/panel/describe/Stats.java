package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.table.Format;
import org.econ4j.panel.CategoricalColumn;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;

/** Numeric kernels and shared checks of the describe package (primitive loops, no boxing). */
final class Stats {
  private Stats() {}

  /** Checks a variable list: non-null, non-empty, every column numeric (panel's own errors). */
  static List<String> numericVariables(Panel panel, String what, String[] variables) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(variables, "variables");
    if (variables.length == 0) {
      throw new SpecificationException(
          "no variables selected for "
              + what
              + "; name at least one numeric column (known columns: "
              + String.join(", ", panel.columnNames())
              + ")");
    }
    List<String> out = new ArrayList<>(variables.length);
    for (String v : variables) {
      Objects.requireNonNull(v, "variable");
      requireNumeric(panel, v, what);
      out.add(v);
    }
    return List.copyOf(out);
  }

  /** Checks that a column exists (panel's unknown-column error) and is numeric. */
  static void requireNumeric(Panel panel, String column, String what) {
    if (panel.type(column) != ColumnType.NUMERIC) {
      String example = firstLabel(panel.categorical(column));
      throw new SpecificationException(
          "column '"
              + column
              + "' is categorical (e.g. '"
              + example
              + "') but "
              + what
              + " needs a numeric column; choose a numeric column or convert it");
    }
  }

  private static String firstLabel(CategoricalColumn c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.label(i) != null) {
        return c.label(i);
      }
    }
    return "";
  }

  /** The non-missing values of x, in row order. */
  static double[] compact(double[] x) {
    int n = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    if (n == x.length) {
      return x.clone();
    }
    double[] out = new double[n];
    int k = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        out[k++] = v;
      }
    }
    return out;
  }

  static double mean(double[] x, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    double m = s / n;
    // one correction pass (as R's mean) for accuracy
    double c = 0;
    for (int i = 0; i < n; i++) {
      c += x[i] - m;
    }
    return m + c / n;
  }

  /** Sample standard deviation (n − 1 denominator); NaN for fewer than two values. */
  static double sd(double[] x, int n, double mean) {
    if (n < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (n - 1));
  }

  /** R quantile type 7 of sorted values: x[h] interpolated with h = (n − 1) p. */
  static double quantileSorted(double[] sorted, int n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double frac = h - lo;
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }

  static double min(double[] x, int n) {
    double m = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (!(x[i] >= m)) {
        m = x[i];
      }
    }
    return m;
  }

  static double max(double[] x, int n) {
    double m = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (!(x[i] <= m)) {
        m = x[i];
      }
    }
    return m;
  }

  /** Sorts a copy. */
  static double[] sorted(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s;
  }

  /**
   * Decimals that show about four significant digits for numbers of the given magnitude: 4 below
   * 10, 3 below 100, 2 from 100 up.
   */
  static int decimalsFor(double maxAbs) {
    if (!(maxAbs > 0) || Double.isInfinite(maxAbs)) {
      return 2;
    }
    int d = 3 - (int) Math.floor(Math.log10(maxAbs));
    return Math.max(2, Math.min(4, d));
  }

  static double maxAbs(double... xs) {
    double m = 0;
    for (double x : xs) {
      if (Math.abs(x) > m && !Double.isInfinite(x)) {
        m = Math.abs(x);
      }
    }
    return m;
  }

  static String num(double x, int decimals) {
    return Format.fixed(x, decimals);
  }

  static String count(long n) {
    return Format.integer(n);
  }

  /** Percentages with two decimals. */
  static String pct(double x) {
    return Format.fixed(x, 2);
  }

  static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
