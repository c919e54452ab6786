package org.econ4j.panel.formula;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.CategoricalColumn;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelIndex;
import org.econ4j.panel.internal.Shared;

/**
 * Evaluates expression terms over all rows of a panel with primitive loops. Values: a numeric
 * column (NaN = missing; comparisons and logical operators give 1, 0 or NaN), a scalar, a
 * categorical column or a text literal.
 */
final class Evaluator {
  /** A value during evaluation. */
  static final class Value {
    double[] array;
    boolean owned;
    double scalar;
    boolean isScalar;
    CategoricalColumn categorical;
    String text;
    String shown;

    static Value ofArray(double[] a, boolean owned) {
      Value v = new Value();
      v.array = a;
      v.owned = owned;
      return v;
    }

    static Value ofScalar(double s) {
      Value v = new Value();
      v.scalar = s;
      v.isScalar = true;
      return v;
    }
  }

  private final Panel panel;
  private final String context;
  private final int n;
  private final Map<String, double[]> numericCache = new HashMap<>();
  private final Map<String, CategoricalColumn> categoricalCache = new HashMap<>();

  /**
   * @param panel the data
   * @param context e.g. {@code formula 'y ~ x'} (used in messages)
   */
  Evaluator(Panel panel, String context) {
    this.panel = panel;
    this.context = context;
    this.n = panel.rows();
  }

  String context() {
    return context;
  }

  Panel panel() {
    return panel;
  }

  void requireColumn(String name) {
    if (!panel.hasColumn(name)) {
      throw new SpecificationException(
          "unknown column '"
              + name
              + "' in "
              + context
              + "; known columns: "
              + String.join(", ", panel.columnNames()));
    }
  }

  boolean isCategorical(String name) {
    requireColumn(name);
    return panel.type(name) == ColumnType.CATEGORICAL;
  }

  /** The numeric column, shared (do not modify). */
  double[] column(String name) {
    double[] c = numericCache.get(name);
    if (c == null) {
      if (isCategorical(name)) {
        throw new SpecificationException(
            "column '"
                + name
                + "' in "
                + context
                + " is categorical but a number is needed here; use factor("
                + Printer.name(name)
                + ") or i("
                + Printer.name(name)
                + ") for dummies, or compare it with a label");
      }
      c = Shared.numeric(panel, name);
      numericCache.put(name, c);
    }
    return c;
  }

  CategoricalColumn categorical(String name) {
    CategoricalColumn c = categoricalCache.get(name);
    if (c == null) {
      requireColumn(name);
      c = panel.categorical(name);
      categoricalCache.put(name, c);
    }
    return c;
  }

  /** Whether the raw column is missing at a row. */
  boolean missingAt(String name, int row) {
    if (isCategorical(name)) {
      return categorical(name).code(row) < 0;
    }
    return Double.isNaN(column(name)[row]);
  }

  /** Evaluates a numeric term; the result must not be modified unless freshly computed. */
  double[] numeric(Term t) {
    Value v = eval(t);
    return toArray(v, t);
  }

  private double[] toArray(Value v, Term t) {
    if (v.isScalar) {
      double[] a = new double[n];
      java.util.Arrays.fill(a, v.scalar);
      return a;
    }
    if (v.array == null) {
      throw notNumeric(v, t);
    }
    return v.array;
  }

  private SpecificationException notNumeric(Value v, Term t) {
    if (v.text != null) {
      return new SpecificationException(
          "text "
              + Printer.quote(v.text)
              + " in "
              + context
              + " is used as a number; compare a categorical column with it (e.g. region == "
              + Printer.quote(v.text)
              + ")");
    }
    return new SpecificationException(
        "column '"
            + v.shown
            + "' in "
            + context
            + " is categorical but a number is needed "
            + (t instanceof Term.Variable ? "here" : "in '" + t + "'")
            + "; use factor("
            + Printer.name(v.shown)
            + ") or i("
            + Printer.name(v.shown)
            + ") for dummies, or compare it with a label");
  }

  private Value numericValue(Term t, Term parent) {
    Value v = eval(t);
    if (v.isScalar || v.array != null) {
      return v;
    }
    throw notNumeric(v, parent);
  }

  private double[] target(Value v) {
    return v.owned ? v.array : new double[n];
  }

  Value eval(Term t) {
    if (t instanceof Term.Variable) {
      String name = ((Term.Variable) t).name();
      if (isCategorical(name)) {
        Value v = new Value();
        v.categorical = categorical(name);
        v.shown = name;
        return v;
      }
      return Value.ofArray(column(name), false);
    }
    if (t instanceof Term.Number) {
      return Value.ofScalar(((Term.Number) t).value());
    }
    if (t instanceof Term.Text) {
      Value v = new Value();
      v.text = ((Term.Text) t).value();
      return v;
    }
    if (t instanceof Term.Identity) {
      return eval(((Term.Identity) t).expression());
    }
    if (t instanceof Term.Function) {
      Term.Function f = (Term.Function) t;
      Value a = numericValue(f.argument(), t);
      if (a.isScalar) {
        return Value.ofScalar(apply(f.name(), a.scalar));
      }
      double[] x = a.array;
      double[] out = target(a);
      applyAll(f.name(), x, out);
      return Value.ofArray(out, true);
    }
    if (t instanceof Term.Negation) {
      Value a = numericValue(((Term.Negation) t).operand(), t);
      if (a.isScalar) {
        return Value.ofScalar(-a.scalar);
      }
      double[] x = a.array;
      double[] out = target(a);
      for (int i = 0; i < n; i++) {
        out[i] = -x[i];
      }
      return Value.ofArray(out, true);
    }
    if (t instanceof Term.Not) {
      Value a = numericValue(((Term.Not) t).operand(), t);
      if (a.isScalar) {
        return Value.ofScalar(not(a.scalar));
      }
      double[] x = a.array;
      double[] out = target(a);
      for (int i = 0; i < n; i++) {
        out[i] = not(x[i]);
      }
      return Value.ofArray(out, true);
    }
    if (t instanceof Term.Operation) {
      return operation((Term.Operation) t);
    }
    if (t instanceof Term.Shift) {
      Term.Shift s = (Term.Shift) t;
      PanelIndex index = panel.requireIndex(s.toString());
      double[] x = toArray(numericValue(s.argument(), s), s);
      double[] out;
      switch (s.kind()) {
        case LAG:
          out = index.shift(x, s.order());
          break;
        case LEAD:
          out = index.shift(x, -s.order());
          break;
        default:
          out = index.shift(x, s.order());
          for (int i = 0; i < n; i++) {
            out[i] = x[i] - out[i];
          }
          break;
      }
      return Value.ofArray(out, true);
    }
    throw new SpecificationException(
        "'" + t + "' in " + context + " cannot be used inside an expression; use it as a term");
  }

  private static double not(double x) {
    return Double.isNaN(x) ? Double.NaN : x == 0 ? 1 : 0;
  }

  private static double apply(String fn, double x) {
    switch (fn) {
      case "log":
        return Math.log(x);
      case "log1p":
        return Math.log1p(x);
      case "exp":
        return Math.exp(x);
      case "sqrt":
        return Math.sqrt(x);
      default:
        return Math.abs(x);
    }
  }

  private void applyAll(String fn, double[] x, double[] out) {
    switch (fn) {
      case "log":
        for (int i = 0; i < n; i++) {
          out[i] = Math.log(x[i]);
        }
        break;
      case "log1p":
        for (int i = 0; i < n; i++) {
          out[i] = Math.log1p(x[i]);
        }
        break;
      case "exp":
        for (int i = 0; i < n; i++) {
          out[i] = Math.exp(x[i]);
        }
        break;
      case "sqrt":
        for (int i = 0; i < n; i++) {
          out[i] = Math.sqrt(x[i]);
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = Math.abs(x[i]);
        }
        break;
    }
  }

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private Value operation(Term.Operation o) {
    String op = o.operator();
    if (COMPARISONS.contains(op)) {
      Value l = eval(o.left());
      Value r = eval(o.right());
      if (l.categorical != null || r.categorical != null || l.text != null || r.text != null) {
        return labelComparison(o, l, r);
      }
      return arithmetic(op, l, r);
    }
    Value l = numericValue(o.left(), o);
    Value r = numericValue(o.right(), o);
    return arithmetic(op, l, r);
  }

  private static int code(String op) {
    switch (op) {
      case "+":
        return 0;
      case "-":
        return 1;
      case "*":
        return 2;
      case "/":
        return 3;
      case "^":
        return 4;
      case "==":
        return 5;
      case "!=":
        return 6;
      case "<":
        return 7;
      case "<=":
        return 8;
      case ">":
        return 9;
      case ">=":
        return 10;
      case "&":
        return 11;
      default:
        return 12;
    }
  }

  private static double op(int code, double a, double b) {
    switch (code) {
      case 0:
        return a + b;
      case 1:
        return a - b;
      case 2:
        return a * b;
      case 3:
        return a / b;
      case 4:
        return Math.pow(a, b);
      case 11:
        if ((a == 0) || (b == 0)) {
          return 0;
        }
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : 1;
      case 12:
        if ((a != 0 && !Double.isNaN(a)) || (b != 0 && !Double.isNaN(b))) {
          return 1;
        }
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : 0;
      default:
        if (Double.isNaN(a) || Double.isNaN(b)) {
          return Double.NaN;
        }
        return compare(code, Double.compare(a, b)) ? 1 : 0;
    }
  }

  private static boolean compare(int code, int c) {
    switch (code) {
      case 5:
        return c == 0;
      case 6:
        return c != 0;
      case 7:
        return c < 0;
      case 8:
        return c <= 0;
      case 9:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  private Value arithmetic(String opText, Value l, Value r) {
    int c = code(opText);
    if (l.isScalar && r.isScalar) {
      return Value.ofScalar(op(c, l.scalar, r.scalar));
    }
    double[] out = l.owned ? l.array : r.owned ? r.array : new double[n];
    if (l.isScalar) {
      double a = l.scalar;
      double[] y = r.array;
      if (c == 2) {
        for (int i = 0; i < n; i++) {
          out[i] = a * y[i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          out[i] = op(c, a, y[i]);
        }
      }
    } else if (r.isScalar) {
      double b = r.scalar;
      double[] x = l.array;
      if (c == 2) {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] * b;
        }
      } else if (c == 4 && b == 2) {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] * x[i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          out[i] = op(c, x[i], b);
        }
      }
    } else {
      double[] x = l.array;
      double[] y = r.array;
      switch (c) {
        case 0:
          for (int i = 0; i < n; i++) {
            out[i] = x[i] + y[i];
          }
          break;
        case 1:
          for (int i = 0; i < n; i++) {
            out[i] = x[i] - y[i];
          }
          break;
        case 2:
          for (int i = 0; i < n; i++) {
            out[i] = x[i] * y[i];
          }
          break;
        case 3:
          for (int i = 0; i < n; i++) {
            out[i] = x[i] / y[i];
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            out[i] = op(c, x[i], y[i]);
          }
          break;
      }
    }
    return Value.ofArray(out, true);
  }

  private static String flip(String op) {
    switch (op) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return op;
    }
  }

  /** Comparison involving a categorical column or a text literal. */
  private Value labelComparison(Term.Operation o, Value l, Value r) {
    String op = o.operator();
    if (l.categorical == null && r.categorical != null) {
      return labelComparison(new Term.Operation(flip(op), o.right(), o.left()), r, l);
    }
    int c = code(op);
    if (l.categorical != null && r.categorical != null) {
      if (c != 5 && c != 6) {
        throw new SpecificationException(
            "'" + o + "' in " + context + " compares two categorical columns; only == and != can");
      }
      double[] out = new double[n];
      CategoricalColumn a = l.categorical;
      CategoricalColumn b = r.categorical;
      List<String> la = a.levels();
      List<String> lb = b.levels();
      for (int i = 0; i < n; i++) {
        int ca = a.code(i);
        int cb = b.code(i);
        out[i] = ca < 0 || cb < 0 ? Double.NaN : la.get(ca).equals(lb.get(cb)) == (c == 5) ? 1 : 0;
      }
      return Value.ofArray(out, true);
    }
    if (l.categorical != null) {
      String literal;
      if (r.text != null) {
        literal = r.text;
      } else if (r.isScalar) {
        literal = Panel.numberLabel(r.scalar);
      } else {
        throw new SpecificationException(
            "'"
                + o
                + "' in "
                + context
                + " compares the categorical column '"
                + l.shown
                + "' with numbers; compare it with a label in quotes");
      }
      CategoricalColumn col = l.categorical;
      List<String> levels = col.levels();
      double[] byLevel = new double[levels.size()];
      for (int k = 0; k < byLevel.length; k++) {
        byLevel[k] = compare(c, compareLabels(levels.get(k), literal)) ? 1 : 0;
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        int k = col.code(i);
        out[i] = k < 0 ? Double.NaN : byLevel[k];
      }
      return Value.ofArray(out, true);
    }
    // a text literal against a number
    Value text = l.text != null ? l : r;
    double parsed;
    try {
      parsed = Double.parseDouble(text.text.trim());
    } catch (NumberFormatException e) {
      throw new SpecificationException(
          "'"
              + o
              + "' in "
              + context
              + " compares a number with the text "
              + Printer.quote(text.text)
              + "; compare numbers with numbers and categorical columns with labels");
    }
    Value num = Value.ofScalar(parsed);
    return l.text != null ? arithmetic(op, num, r) : arithmetic(op, l, num);
  }

  /** Compares labels: numerically when both are numbers, otherwise as text. */
  static int compareLabels(String a, String b) {
    if (Printer.isCanonicalNumber(a) || Printer.isCanonicalNumber(b)) {
      try {
        return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
      } catch (NumberFormatException e) {
        return a.compareTo(b);
      }
    }
    return a.compareTo(b);
  }
}
