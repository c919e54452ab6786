package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.econ4j.core.Note;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded property tests: round trip of generated formulas and conditions; full dummy coding. The
 * fuzz tests are in {@link FormulaFuzzTest}.
 */
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

  @RepeatedTest(20)
  void bindingCommutesWithRowPermutation(RepetitionInfo info) {
    Random r = new Random(700L + info.getCurrentRepetition());
    int n = 40;
    double[] y = new double[n];
    double[] x = new double[n];
    String[] g = new String[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(12) == 0 ? Double.NaN : r.nextGaussian();
      x[i] = r.nextInt(8) == 0 ? 0 : r.nextDouble() * 3;
      g[i] = r.nextInt(15) == 0 ? null : "g" + r.nextInt(3);
      h[i] = r.nextInt(4);
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Panel p =
        Panel.builder().numeric("y", y).numeric("x", x).categorical("g", g).numeric("h", h).build();
    Panel q = p.selectRows(perm);
    Formula f = Formula.parse("y ~ log(x) + factor(h) + g:x | g^h");
    ModelFrame a = f.bind(p);
    ModelFrame b = f.bind(q);
    assertThat(b.columnNames()).isEqualTo(a.columnNames());
    assertThat(b.notes()).isEqualTo(a.notes());
    assertThat(b.nobs()).isEqualTo(a.nobs());
    // row k of b is panel row perm[keptRows_b[k]]; find it among a's kept rows
    int[] ka = a.keptRows();
    int[] kb = b.keptRows();
    int[] posInA = new int[n];
    java.util.Arrays.fill(posInA, -1);
    for (int k = 0; k < ka.length; k++) {
      posInA[ka[k]] = k;
    }
    for (int j = 0; j < a.columnCount(); j++) {
      double[] ca = a.column(j);
      double[] cb = b.column(j);
      for (int k = 0; k < kb.length; k++) {
        assertThat(cb[k]).isEqualTo(ca[posInA[perm[kb[k]]]]);
      }
    }
    GroupCodes fa = a.fixedEffects().get(0);
    GroupCodes fb = b.fixedEffects().get(0);
    for (int k = 0; k < kb.length; k++) {
      assertThat(fb.levels().get(fb.code(k)))
          .isEqualTo(fa.levels().get(fa.code(posInA[perm[kb[k]]])));
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
