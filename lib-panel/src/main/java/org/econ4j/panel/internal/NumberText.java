package org.econ4j.panel.internal;

/**
 * Number parsing and formatting for CSV input and output.
 *
 * <p>Parsing accepts an optional sign, digits with an optional decimal point, an optional exponent
 * ({@code e}/{@code E}), surrounded by optional spaces or tabs, and the infinities {@code Inf},
 * {@code Infinity} (with sign). The result always equals {@link Double#parseDouble} of the same
 * text: plain decimals with at most 15 significant digits and at most 22 decimals take the exact
 * fast path (an integer below 2<sup>53</sup> divided by an exact power of ten, one correctly
 * rounded operation); everything else is validated here and handed to {@link Double#parseDouble}.
 * Not a public API.
 */
public final class NumberText {
  private NumberText() {}

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /**
   * Parses a number.
   *
   * @param b characters
   * @param off start
   * @param len length
   * @return the value, or NaN when the text is not a number in the grammar above
   */
  public static double parse(char[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    if (i == end) {
      return Double.NaN;
    }
    int start = i;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    long mant = 0;
    int digits = 0;
    int sig = 0;
    int fracDigits = 0;
    boolean dot = false;
    boolean simple = true;
    for (; i < end; i++) {
      char c = b[i];
      if (c >= '0' && c <= '9') {
        digits++;
        if (sig > 0 || c != '0') {
          sig++;
        }
        if (sig <= 15) {
          mant = mant * 10 + (c - '0');
        } else {
          simple = false;
        }
        if (dot) {
          fracDigits++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (i < end) {
      char c = b[i];
      if ((c == 'e' || c == 'E') && digits > 0) {
        int j = i + 1;
        if (j < end && (b[j] == '+' || b[j] == '-')) {
          j++;
        }
        if (j == end) {
          return Double.NaN;
        }
        for (; j < end; j++) {
          if (b[j] < '0' || b[j] > '9') {
            return Double.NaN;
          }
        }
        return Double.parseDouble(new String(b, start, end - start));
      }
      if (digits == 0 && !dot) {
        return infinity(b, i, end, neg);
      }
      return Double.NaN;
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (simple && fracDigits <= 22) {
      double v = fracDigits == 0 ? (double) mant : mant / POW10[fracDigits];
      return neg ? -v : v;
    }
    return Double.parseDouble(new String(b, start, end - start));
  }

  private static double infinity(char[] b, int i, int end, boolean neg) {
    int n = end - i;
    if (matches(b, i, n, "Inf") || matches(b, i, n, "Infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.NaN;
  }

  private static boolean matches(char[] b, int off, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (b[off + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a string.
   *
   * @param s text
   * @return the value, or NaN when not a number
   */
  public static double parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }

  /**
   * The shortest text that {@link #parse} reads back as exactly {@code v}: integers below
   * 10<sup>15</sup> without a decimal point, other finite values by {@link Double#toString} (which
   * gives the shortest decimal that uniquely distinguishes the value, JDK 19+, and a round-tripping
   * text on every JDK), infinities as {@code Inf}/{@code -Inf}.
   *
   * @param v a value, not NaN
   * @return the text
   */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      if (v == 0 && 1 / v < 0) {
        return "-0";
      }
      return Long.toString((long) v);
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    return Double.toString(v);
  }
}
