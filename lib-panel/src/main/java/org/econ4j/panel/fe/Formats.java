package org.econ4j.panel.fe;

import java.util.Locale;

/** Number formatting for messages, in the style R prints (1e-06, 3.2e-05, 0.25). */
final class Formats {
  private Formats() {}

  static String g(double v) {
    if (v == 0) {
      return "0";
    }
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.2g", v);
    int e = s.indexOf('e');
    String mant = e >= 0 ? s.substring(0, e) : s;
    String exp = e >= 0 ? s.substring(e) : "";
    if (mant.indexOf('.') >= 0) {
      mant = mant.replaceAll("0+$", "");
      if (mant.endsWith(".")) {
        mant = mant.substring(0, mant.length() - 1);
      }
    }
    return mant + exp;
  }
}
