package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing (issue 2 section 7): 2,000 seeded random strings and 2,000 mutated valid formulas fed to
 * {@link Formula#parse} (and, when they parse, to {@link Formula#bind}), plus random conditions to
 * {@code Panel.filter}: no exception other than {@link SpecificationException}.
 */
class FormulaFuzzTest {
  private static String randomString(Random r) {
    String alphabet = "yx1z ~+-*/^:|&!<>=()[],.'\"`%$_e0123456789loglagfdiIrefc";
    int len = r.nextInt(30);
    if (r.nextInt(4) == 0) {
      // raw random bytes
      byte[] b = new byte[len];
      r.nextBytes(b);
      return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
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
    FormulaProperties.Generator g = new FormulaProperties.Generator(99L);
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
    FormulaProperties.Generator g = new FormulaProperties.Generator(4L);
    for (int i = 0; i < 500; i++) {
      String c = i % 2 == 0 ? randomString(r) : mutate(g.condition(2), r);
      try {
        assertThat(p.filter(c).rows()).isBetween(0, p.rows());
      } catch (SpecificationException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
