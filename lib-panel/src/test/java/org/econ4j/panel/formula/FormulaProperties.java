package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Seeded property tests: round trip of generated formulas, and fuzzing of the parser. */
class FormulaProperties {
  private static final String[] VARS = {"y", "x", "x1", "z.2", "gdp_pc", "`my var`", "`a+b`"};
  private static final String[] COLS = {"x", "x1", "z", "w"};

  /** Generates valid formula text from the grammar. */
  static final class Generator {
    private final Random r;

    Generator(long seed) {
      r = new Random(seed);
    }

    String var() {
      return VARS[r.nextInt(VARS.length)];
    }

    String number() {
      switch (r.nextInt(4)) {
        case 0:
          return Integer.toString(r.nextInt(100));
        case 1:
          return r.nextInt(10) + "." + r.nextInt(1000);
        case 2:
          return "1e-" + (1 + r.nextInt(5));
        default:
          return "." + (1 + r.nextInt(9));
      }
    }

    String arith(int depth) {
      int k = depth <= 0 ? r.nextInt(2) : r.nextInt(9);
      switch (k) {
        case 0:
          return var();
        case 1:
          return number();
        case 2:
          return "-" + arith(depth - 1);
        case 3:
          return "(" + arith(depth - 1) + ")";
        case 4:
          return new String[] {"log", "log1p", "exp", "sqrt", "abs"}[r.nextInt(5)]
              + "("
              + arith(depth - 1)
              + ")";
        case 5:
          return "l(" + arith(depth - 1) + ", " + (1 + r.nextInt(3)) + ")";
        default:
          return arith(depth - 1)
              + " "
              + new String[] {"+", "-", "*", "/", "^"}[r.nextInt(5)]
              + " "
              + arith(depth - 1);
      }
    }

    String condition(int depth) {
      int k = depth <= 0 ? 0 : r.nextInt(5);
      switch (k) {
        case 0:
          return arith(1)
              + " "
              + new String[] {"==", "!=", "<", "<=", ">", ">="}[r.nextInt(6)]
              + " "
              + (r.nextBoolean() ? arith(1) : "'lab\"el'");
        case 1:
          return "!" + condition(depth - 1);
        case 2:
          return condition(depth - 1) + " & " + condition(depth - 1);
        case 3:
          return "(" + condition(depth - 1) + " | " + condition(depth - 1) + ")";
        default:
          return arith(depth);
      }
    }

    String level() {
      return r.nextBoolean() ? Integer.toString(r.nextInt(3000) - 5) : "'l" + r.nextInt(5) + "'";
    }

    String ref() {
      switch (r.nextInt(3)) {
        case 0:
          return "";
        case 1:
          return ", ref = " + level();
        default:
          return ", ref = c(" + level() + ", " + level() + ")";
      }
    }

    String atom() {
      switch (r.nextInt(10)) {
        case 0:
        case 1:
          return var();
        case 2:
          return new String[] {"log", "log1p", "exp", "sqrt", "abs"}[r.nextInt(5)]
              + "("
              + arith(2)
              + ")";
        case 3:
          return "I(" + (r.nextInt(4) == 0 ? condition(2) : arith(3)) + ")";
        case 4:
          {
            String fn = new String[] {"l", "f", "d", "lag", "lead", "diff"}[r.nextInt(6)];
            int a = r.nextInt(3);
            String order =
                r.nextBoolean() ? Integer.toString(1 + a) : a + ":" + (a + 1 + r.nextInt(3));
            if (fn.startsWith("d") && order.startsWith("0")) {
              order = "1";
            }
            return fn + "(" + arith(1) + (r.nextBoolean() ? ", " + order : "") + ")";
          }
        case 5:
          return "factor(" + var() + ref() + ")";
        case 6:
          return "i(" + var() + (r.nextBoolean() ? ", " + arith(1) : "") + ref() + ")";
        default:
          return var();
      }
    }

    String term() {
      switch (r.nextInt(6)) {
        case 0:
          return atom() + ":" + atom();
        case 1:
          return atom() + "*" + atom();
        case 2:
          return "(" + atom() + " + " + atom() + "):" + atom();
        default:
          return atom();
      }
    }

    String fe() {
      String s = var();
      if (r.nextInt(3) == 0) {
        s += "^" + var();
      }
      if (r.nextInt(4) == 0) {
        s += "[" + var() + (r.nextBoolean() ? ", " + var() : "") + "]";
      }
      return s;
    }

    String formula() {
      StringBuilder sb = new StringBuilder();
      sb.append(r.nextInt(3) == 0 ? "log(" + var() + ")" : r.nextInt(5) == 0 ? arith(2) : var());
      sb.append(r.nextBoolean() ? " ~ " : "~");
      int k = r.nextInt(5);
      if (r.nextInt(6) == 0) {
        sb.append("0 + ");
      }
      for (int i = 0; i <= k; i++) {
        if (i > 0) {
          sb.append(r.nextInt(8) == 0 ? " - " : " + ");
        }
        sb.append(term());
      }
      if (r.nextInt(6) == 0) {
        sb.append(r.nextBoolean() ? " - 1" : " + 0");
      }
      int nfe = r.nextInt(4);
      for (int i = 0; i < nfe; i++) {
        sb.append(i == 0 ? " | " : " + ").append(fe());
      }
      return sb.toString();
    }
  }

  @RepeatedTest(300)
  void toStringRoundTrips(RepetitionInfo info) {
    String text = new Generator(1000L + info.getCurrentRepetition()).formula();
    Formula f = Formula.parse(text);
    Formula g = Formula.parse(f.toString());
    assertThat(g).as(text).isEqualTo(f);
    assertThat(g.hashCode()).isEqualTo(f.hashCode());
    assertThat(g.toString()).isEqualTo(f.toString());
  }

  @RepeatedTest(100)
  void conditionsRoundTrip(RepetitionInfo info) {
    String text = new Generator(5000L + info.getCurrentRepetition()).condition(3);
    Expression e = Expression.parseCondition(text);
    assertThat(Expression.parseCondition(e.toString())).as(text).isEqualTo(e);
  }

  private static String randomString(Random r) {
    String alphabet = "yx1z ~+-*/^:|&!<>=()[],.'\"`%$_e0123456789loglagfdiIrefc";
    int len = r.nextInt(30);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      if (r.nextInt(10) == 0) {
        sb.append((char) r.nextInt(0x3000));
      } else {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return sb.toString();
  }

  private static String mutate(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int p = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0:
          sb.deleteCharAt(p);
          break;
        case 1:
          sb.insert(p, "~+-*:^|(),'`0![]=".charAt(r.nextInt(17)));
          break;
        default:
          if (p + 1 < sb.length()) {
            char c = sb.charAt(p);
            sb.setCharAt(p, sb.charAt(p + 1));
            sb.setCharAt(p + 1, c);
          }
          break;
      }
    }
    return sb.toString();
  }

  /** Parses and, when that succeeds, binds; only SpecificationException may escape. */
  private static int tryParseAndBind(String text, Panel panel) {
    try {
      Formula f = Formula.parse(text);
      assertThat(Formula.parse(f.toString())).as(text).isEqualTo(f);
      try {
        ModelFrame m = f.bind(panel);
        long dropped = 0;
        for (Note n : m.notes()) {
          dropped += n.count();
        }
        assertThat(dropped).isEqualTo(m.nobsOriginal() - m.nobs());
      } catch (SpecificationException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
      return 1;
    } catch (SpecificationException e) {
      assertThat(e.getMessage()).contains(text.isEmpty() ? "" : "'");
      return 0;
    }
  }

  private static Panel smallPanel() {
    Random r = new Random(7);
    int n = 12;
    double[] x = new double[n];
    double[] x1 = new double[n];
    double[] t = new double[n];
    String[] u = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(5) - 1;
      x1[i] = i == 3 ? Double.NaN : r.nextGaussian();
      t[i] = 2000 + i % 4;
      u[i] = "u" + (i / 4);
    }
    return Panel.builder()
        .numeric("y", x1.clone())
        .numeric("x", x)
        .numeric("x1", x1)
        .numeric("z.2", t.clone())
        .numeric("gdp_pc", x.clone())
        .numeric("my var", x.clone())
        .categorical("a+b", u.clone())
        .categorical("unit", u)
        .numeric("time", t)
        .build()
        .withIndex("unit", "time");
  }

  @Test
  void fuzzRandomStringsOnlyThrowSpecificationException() {
    Random r = new Random(20261123L);
    Panel p = smallPanel();
    int parsed = 0;
    for (int i = 0; i < 2000; i++) {
      parsed += tryParseAndBind(randomString(r), p);
    }
    assertThat(parsed).isLessThan(2000);
  }

  @Test
  void fuzzMutatedValidFormulasOnlyThrowSpecificationException() {
    Random r = new Random(42L);
    Panel p = smallPanel();
    Generator g = new Generator(99L);
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      valid.add(g.formula());
    }
    int parsed = 0;
    for (int i = 0; i < 2000; i++) {
      parsed += tryParseAndBind(mutate(valid.get(i % valid.size()), r), p);
    }
    assertThat(parsed).isGreaterThan(0);
  }

  @Test
  void fuzzConditionsOnlyThrowSpecificationException() {
    Random r = new Random(3L);
    Panel p = smallPanel();
    Generator g = new Generator(4L);
    for (int i = 0; i < 500; i++) {
      String c = i % 2 == 0 ? randomString(r) : mutate(g.condition(2), r);
      try {
        assertThat(p.filter(c).rows()).isBetween(0, p.rows());
      } catch (SpecificationException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  @RepeatedTest(20)
  void fullDummyCodingSumsToOneAndNotesAddUp(RepetitionInfo info) {
    Random r = new Random(info.getCurrentRepetition());
    int n = 30;
    double[] y = new double[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextGaussian();
      g[i] = r.nextInt(10) == 0 ? null : "g" + r.nextInt(4);
    }
    Panel p = Panel.builder().numeric("y", y).categorical("g", g).build();
    ModelFrame m = Formula.parse("y ~ factor(g) - 1").bind(p);
    double[][] cols = m.columns();
    for (int i = 0; i < m.nobs(); i++) {
      double s = 0;
      for (double[] c : cols) {
        s += c[i];
      }
      assertThat(s).isEqualTo(1.0);
    }
    long dropped = 0;
    for (Note note : m.notes()) {
      dropped += note.count();
    }
    assertThat(dropped).isEqualTo(n - m.nobs());
  }
}
