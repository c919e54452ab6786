package org.econ4j.panel.formula;

import java.util.List;
import org.econ4j.panel.Panel;

/** Canonical source text of terms (the text parses back to an equal term). */
final class Printer {
  private Printer() {}

  static boolean isPlainName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c0 = s.charAt(0);
    if (!(Character.isLetter(c0) || c0 == '.')) {
      return false;
    }
    if (c0 == '.' && s.length() > 1 && Character.isDigit(s.charAt(1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static String name(String s) {
    if (isPlainName(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder("`");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('`').toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** A level label as written after {@code ref =}: bare when it is a canonical number. */
  static String level(String label) {
    if (isCanonicalNumber(label)) {
      return label;
    }
    return quote(label);
  }

  static boolean isCanonicalNumber(String label) {
    if (label.isEmpty() || label.length() > 40) {
      return false;
    }
    char c0 = label.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '-' || c0 == '.')) {
      return false;
    }
    try {
      double d = Double.parseDouble(label);
      return Double.isFinite(d) && label.equals(Panel.numberLabel(d));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String ref(List<String> ref) {
    if (ref.isEmpty()) {
      return "";
    }
    if (ref.size() == 1) {
      return ", ref = " + level(ref.get(0));
    }
    StringBuilder sb = new StringBuilder(", ref = c(");
    for (int i = 0; i < ref.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(level(ref.get(i)));
    }
    return sb.append(')').toString();
  }

  static int precedence(String op) {
    switch (op) {
      case "|":
        return 1;
      case "&":
        return 2;
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return 4;
      case "+":
      case "-":
        return 5;
      case "*":
      case "/":
        return 6;
      case "^":
        return 8;
      default:
        throw new IllegalArgumentException(op);
    }
  }

  static int precedence(Term t) {
    if (t instanceof Term.Operation) {
      return precedence(((Term.Operation) t).operator());
    }
    if (t instanceof Term.Negation) {
      return 7;
    }
    if (t instanceof Term.Not) {
      return 3;
    }
    if (t instanceof Term.Number && ((Term.Number) t).value() < 0) {
      return 7;
    }
    return 9;
  }

  static String operation(Term.Operation o) {
    int p = precedence(o.operator());
    boolean power = o.operator().equals("^");
    int pl = precedence(o.left());
    int pr = precedence(o.right());
    boolean parenLeft = power ? pl <= p : pl < p;
    boolean parenRight = power ? pr < p : pr <= p;
    String l = parenLeft ? "(" + o.left() + ")" : o.left().toString();
    String r = parenRight ? "(" + o.right() + ")" : o.right().toString();
    return power ? l + "^" + r : l + " " + o.operator() + " " + r;
  }

  static String unary(String op, Term operand) {
    int p = op.equals("-") ? 7 : 3;
    return precedence(operand) < p ? op + "(" + operand + ")" : op + operand;
  }
}
