package org.econ4j.core.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting shared by every table: fixed decimals, significant digits, integers,
 * percentages.
 */
public final class Format {
  private Format() {}

  /**
   * Formats with a fixed number of decimals; NaN prints as an empty string, infinities as {@code
   * Inf}/{@code -Inf}. Very large or very small magnitudes switch to scientific notation so that
   * the cell stays narrow.
   *
   * @param x the value
   * @param decimals decimals to show (0 to 15)
   * @return the text
   */
  public static String fixed(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Inf" : "-Inf";
    }
    double a = Math.abs(x);
    if (a != 0 && (a >= 1e12 || a < Math.pow(10, -decimals) / 2)) {
      return String.format(Locale.ROOT, "%." + Math.max(1, Math.min(decimals, 4)) + "e", x);
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    if (s.startsWith("-") && isZero(s)) {
      s = s.substring(1);
    }
    return s;
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Formats with a number of significant digits, without trailing exponent for ordinary magnitudes.
   *
   * @param x the value
   * @param digits significant digits (1 to 17)
   * @return the text
   */
  public static String significant(double x, int digits) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Inf" : "-Inf";
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e12 || a < 1e-5) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
    }
    BigDecimal bd = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    String s = bd.toPlainString();
    if (s.contains(".")) {
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      if (s.charAt(end - 1) == '.') {
        end--;
      }
      s = s.substring(0, end);
    }
    return s;
  }

  /**
   * Formats a count with thousands separators ({@code 38,325}).
   *
   * @param n the count
   * @return the text
   */
  public static String integer(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Formats a statistic sensibly: integers without decimals, otherwise {@code decimals} decimals.
   *
   * @param x the value
   * @param decimals decimals for non-integers
   * @return the text
   */
  public static String auto(double x, int decimals) {
    if (!Double.isNaN(x) && !Double.isInfinite(x) && x == Math.rint(x) && Math.abs(x) < 1e15) {
      return integer((long) x);
    }
    return fixed(x, decimals);
  }
}
