package org.econ4j.panel.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {
  private static Term.Variable v(String name) {
    return new Term.Variable(name);
  }

  @Test
  void parsesTheBasicShape() {
    Formula f = Formula.parse("y ~ x1 + x2 | fe1 + fe2");
    assertThat(f.lhs()).isEqualTo(v("y"));
    assertThat(f.terms()).containsExactly(v("x1"), v("x2"));
    assertThat(f.fixedEffects()).containsExactly(FixedEffect.of("fe1"), FixedEffect.of("fe2"));
    assertThat(f.hasIntercept()).isTrue();
    assertThat(f.toString()).isEqualTo("y ~ x1 + x2 | fe1 + fe2");
    assertThat(f.source()).isEqualTo("y ~ x1 + x2 | fe1 + fe2");
  }

  @Test
  void parsesFunctionsAndTheResponseTransformation() {
    Formula f = Formula.parse("log(y) ~ log(x) + log1p(z) + exp(a) + sqrt(b) + abs(c)");
    assertThat(f.lhs()).isEqualTo(new Term.Function("log", v("y")));
    assertThat(f.terms())
        .containsExactly(
            new Term.Function("log", v("x")),
            new Term.Function("log1p", v("z")),
            new Term.Function("exp", v("a")),
            new Term.Function("sqrt", v("b")),
            new Term.Function("abs", v("c")));
    assertThat(f.toString()).isEqualTo("log(y) ~ log(x) + log1p(z) + exp(a) + sqrt(b) + abs(c)");
  }

  @Test
  void parsesIdentityArithmeticWithPrecedence() {
    Formula f = Formula.parse("y ~ I(x^2) + I(-a * (b + 1) / 2) + I(2^-1) + I(a - b - c)");
    Term sq = new Term.Identity(new Term.Operation("^", v("x"), new Term.Number(2)));
    assertThat(f.terms().get(0)).isEqualTo(sq);
    assertThat(f.terms().get(1))
        .isEqualTo(
            new Term.Identity(
                new Term.Operation(
                    "/",
                    new Term.Operation(
                        "*",
                        new Term.Negation(v("a")),
                        new Term.Operation("+", v("b"), new Term.Number(1))),
                    new Term.Number(2))));
    assertThat(f.toString())
        .isEqualTo("y ~ I(x^2) + I(-a * (b + 1) / 2) + I(2^(-1)) + I(a - b - c)");
    assertThat(Formula.parse("y ~ I(-x^2)").terms().get(0))
        .isEqualTo(
            new Term.Identity(
                new Term.Negation(new Term.Operation("^", v("x"), new Term.Number(2)))));
    assertThat(Formula.parse("y ~ I(a - (b - c))").toString()).isEqualTo("y ~ I(a - (b - c))");
    assertThat(Formula.parse("y ~ I(a^b^c)").toString()).isEqualTo("y ~ I(a^b^c)");
    assertThat(Formula.parse("y ~ I((a^b)^c)").toString()).isEqualTo("y ~ I((a^b)^c)");
    assertThat(Formula.parse("y ~ I(1.5e-3 * x)").toString()).isEqualTo("y ~ I(0.0015 * x)");
  }

  @Test
  void expandsProductsAndKeepsInteractions() {
    Formula f = Formula.parse("y ~ a*b + c:d");
    assertThat(f.terms())
        .containsExactly(
            v("a"),
            v("b"),
            new Term.Interaction(List.of(v("a"), v("b"))),
            new Term.Interaction(List.of(v("c"), v("d"))));
    assertThat(f.toString()).isEqualTo("y ~ a + b + a:b + c:d");
    assertThat(Formula.parse("y ~ a*b*c").toString())
        .isEqualTo("y ~ a + b + a:b + c + a:c + b:c + a:b:c");
    assertThat(Formula.parse("y ~ (a + b):c").toString()).isEqualTo("y ~ a:c + b:c");
    assertThat(Formula.parse("y ~ a*b - a:b").toString()).isEqualTo("y ~ a + b");
    assertThat(Formula.parse("y ~ x + x + x:x").terms()).containsExactly(v("x"));
  }

  @Test
  void parsesDummies() {
    Formula f =
        Formula.parse(
            "y ~ factor(year) + i(year, ref = 2003) + i(year, treat, ref = c(2003, 2004))"
                + " + factor(region, ref = 'Asia') + i(g)");
    assertThat(f.terms())
        .containsExactly(
            new Term.Factor("year", List.of()),
            new Term.Indicator("year", Optional.empty(), List.of("2003")),
            new Term.Indicator("year", Optional.of(v("treat")), List.of("2003", "2004")),
            new Term.Factor("region", List.of("Asia")),
            new Term.Indicator("g", Optional.empty(), List.of()));
    assertThat(f.toString())
        .isEqualTo(
            "y ~ factor(year) + i(year, ref = 2003) + i(year, treat, ref = c(2003, 2004))"
                + " + factor(region, ref = \"Asia\") + i(g)");
    assertThat(Formula.parse("y ~ i(t, ref = \"2003\")").terms().get(0))
        .isEqualTo(new Term.Indicator("t", Optional.empty(), List.of("2003")));
    assertThat(Formula.parse("y ~ i(t, ref = 2003.0)").toString())
        .isEqualTo("y ~ i(t, ref = 2003)");
  }

  @Test
  void indicatorTakesTheReferenceAsPositionalThirdArgumentAsFixestDoes() {
    assertThat(Formula.parse("y ~ i(period, treat, 5)").terms().get(0))
        .isEqualTo(new Term.Indicator("period", Optional.of(v("treat")), List.of("5")));
    assertThat(Formula.parse("y ~ i(period, treat, c(4, 5))").toString())
        .isEqualTo("y ~ i(period, treat, ref = c(4, 5))");
    assertThat(Formula.parse("y ~ i(g, x, 'a')").terms().get(0))
        .isEqualTo(new Term.Indicator("g", Optional.of(v("x")), List.of("a")));
    assertThatThrownBy(() -> Formula.parse("y ~ i(period, treat, 5, 6)"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "formula 'y ~ i(period, treat, 5, 6)' has a syntax error at position 24: expected"
                + " 'ref = ...' as the last argument of i()");
  }

  @Test
  void parsesTimeOperatorsAliasesAndRanges() {
    Formula f = Formula.parse("y ~ l(x, 1) + lag(z, 2) + f(x) + lead(x, 3) + d(x, 1) + diff(w)");
    assertThat(f.toString())
        .isEqualTo("y ~ l(x, 1) + l(z, 2) + f(x, 1) + f(x, 3) + d(x, 1) + d(w, 1)");
    assertThat(f.terms().get(0)).isEqualTo(new Term.Shift(Term.Shift.Kind.LAG, v("x"), 1));
    Formula r = Formula.parse("patents ~ l(log(rd), 0:2) + scisect");
    Term lrd = new Term.Function("log", v("rd"));
    assertThat(r.terms())
        .containsExactly(
            lrd,
            new Term.Shift(Term.Shift.Kind.LAG, lrd, 1),
            new Term.Shift(Term.Shift.Kind.LAG, lrd, 2),
            v("scisect"));
    assertThat(r.toString())
        .isEqualTo("patents ~ log(rd) + l(log(rd), 1) + l(log(rd), 2) + scisect");
    assertThat(Formula.parse("y ~ I(l(x, 1) * 2)").toString()).isEqualTo("y ~ I(l(x, 1) * 2)");
    assertThat(Formula.parse("y ~ l(x, 1:2):z").toString()).isEqualTo("y ~ l(x, 1):z + l(x, 2):z");
  }

  @Test
  void parsesFixedEffectsCombinationsAndSlopes() {
    Formula f = Formula.parse("y ~ x | Origin^Year + firm[t] + id[a, b]");
    assertThat(f.fixedEffects())
        .containsExactly(
            new FixedEffect(List.of("Origin", "Year"), List.of()),
            new FixedEffect(List.of("firm"), List.of("t")),
            new FixedEffect(List.of("id"), List.of("a", "b")));
    assertThat(f.fixedEffects().get(0).name()).isEqualTo("Origin^Year");
    assertThat(f.toString()).isEqualTo("y ~ x | Origin^Year + firm[t] + id[a, b]");
  }

  @Test
  void parsesInterceptMarkers() {
    assertThat(Formula.parse("y ~ x - 1").hasIntercept()).isFalse();
    assertThat(Formula.parse("y ~ x + 0").hasIntercept()).isFalse();
    assertThat(Formula.parse("y ~ 0 + x").hasIntercept()).isFalse();
    assertThat(Formula.parse("y ~ -1 + x").hasIntercept()).isFalse();
    assertThat(Formula.parse("y ~ x - 1 + 1").hasIntercept()).isTrue();
    assertThat(Formula.parse("y ~ 1").terms()).isEmpty();
    assertThat(Formula.parse("y ~ 1").toString()).isEqualTo("y ~ 1");
    assertThat(Formula.parse("y ~ 0 | g").toString()).isEqualTo("y ~ 0 | g");
    assertThat(Formula.parse("y ~ 0 + x").toString()).isEqualTo("y ~ x - 1");
  }

  @Test
  void backQuotesOddNames() {
    Formula f = Formula.parse("`log wage` ~ `my var` + log(`x-1`) | `the firm`");
    assertThat(f.lhs()).isEqualTo(v("log wage"));
    assertThat(f.terms().get(0)).isEqualTo(v("my var"));
    assertThat(f.fixedEffects().get(0).variables()).containsExactly("the firm");
    assertThat(f.toString()).isEqualTo("`log wage` ~ `my var` + log(`x-1`) | `the firm`");
    assertThat(Formula.parse("y ~ `log`").terms()).containsExactly(v("log"));
    assertThat(Formula.parse("y ~ `a\\`b`").terms()).containsExactly(v("a`b"));
    assertThat(Formula.parse("y ~ `a\\`b`").toString()).isEqualTo("y ~ `a\\`b`");
  }

  @Test
  void equalityIsStructural() {
    assertThat(Formula.parse("y~x1+x2|g")).isEqualTo(Formula.parse("y ~ x1 + x2 | g"));
    assertThat(Formula.parse("y~x1+x2|g").hashCode())
        .isEqualTo(Formula.parse("y ~ x1 + x2 | g").hashCode());
    assertThat(Formula.parse("y ~ x1 + x2")).isNotEqualTo(Formula.parse("y ~ x2 + x1"));
    assertThat(Formula.parse("y ~ x")).isNotEqualTo(Formula.parse("y ~ x - 1"));
    assertThat(Formula.parse("y ~ lag(x, 1)")).isEqualTo(Formula.parse("y ~ l(x)"));
  }

  @Test
  void ofBuildsAndWithReplaces() {
    Formula f = Formula.of(v("y"), List.of(v("x"), v("x")), List.of(FixedEffect.of("g")), true);
    assertThat(f).isEqualTo(Formula.parse("y ~ x | g"));
    assertThat(f.source()).isEqualTo("y ~ x | g");
    assertThat(f.withFixedEffects(List.of())).isEqualTo(Formula.parse("y ~ x"));
    assertThat(f.withTerms(List.of(v("z")))).isEqualTo(Formula.parse("y ~ z | g"));
    assertThatThrownBy(() -> Formula.of(v("y"), List.of(new Term.Number(2)), List.of(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("term '2' cannot stand alone in a formula; wrap it in I()");
  }

  @Test
  void syntaxErrorNamesPositionAndExpectation() {
    assertThatThrownBy(() -> Formula.parse("y ~ x +"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "formula 'y ~ x +' has a syntax error at position 7: expected a term after '+'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "y x => position 0: expected '~' between the response and the regressors (e.g. 'y ~ x')",
        "~ x => position 0: expected a response before '~'",
        "y ~ x + + z => position 8: expected a term after '+', found '+'",
        "y ~ log(x => position 9: expected ')' to close 'log(' at position 7",
        "y ~ log() => position 8: expected an argument to log()",
        "y ~ foo(x) => position 4: unknown function 'foo'; known functions: log, log1p, exp, sqrt,"
            + " abs, I, l, f, d, lag, lead, diff, factor, i",
        "y ~ x $ z => position 6: unexpected character '$'",
        "y ~ x ) => position 6: unexpected ')' without a matching '('",
        "y ~ x z => position 6: unexpected 'z'; expected '+', '-', ':', '*', '|' or the end",
        "y ~ x | => position 7: expected a fixed-effect column name after '|'",
        "y ~ x | log(g) => position 8: function 'log' is not allowed in the fixed-effect part;"
            + " create the column first (withColumn)",
        "y ~ x | g[ => position 10: expected a slope variable name after '['",
        "y ~ x | g[t => position 11: expected ']' to close '[' at position 9",
        "y ~ x | g h => position 10: unexpected 'h'; expected '+' or the end of the fixed effects",
        "y ~ 2 => position 4: unexpected number 2; only 0 and 1 (the intercept) may stand alone,"
            + " write numbers inside I()",
        "y ~ 1:x => position 5: the intercept marker 1 cannot be interacted",
        "y ~ I(x = 2) => position 8: unexpected '='; use '==' to compare",
        "y ~ log(factor(x)) => position 8: factor() is only allowed as a formula term (or part of"
            + " an interaction), not inside an expression",
        "y ~ factor(log(x)) => position 11: expected a column name as the first argument of"
            + " factor(), found a function call; create the column first (withColumn)",
        "y ~ factor(x, z) => position 14: expected 'ref = ...' as the second argument of factor()",
        "y ~ i(x, ref = ) => position 15: expected a reference level (a number or a quoted label)"
            + " after '=', found ')'",
        "y ~ 'x' => position 4: unexpected text '\"x\"'; expected a term",
        "y ~ `x => position 4: unclosed `; expected a closing `",
        "y ~ I(1e999) => position 6: number '1e999' is out of range",
        "y ~ I(l(x, 0:2)) => position 11: a lag order range is only allowed as a formula term,"
            + " not inside an expression",
        "y ~ l(x, a) => position 9: expected a lag order (an integer such as 1 or a range such as"
            + " 0:5) after ',', found 'a'",
        "y ~ _x => position 4: unexpected '_'; names start with a letter or '.' (back-quote others)",
      })
  void syntaxErrors(String formula, String message) {
    assertThatThrownBy(() -> Formula.parse(formula))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("formula '" + formula + "' has a syntax error at " + message);
  }

  @Test
  void lagOrderMustBeANonNegativeInteger() {
    assertThatThrownBy(() -> Formula.parse("y ~ l(x, -1)"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "lag order in 'l(x, -1)' must be a non-negative integer, got -1; use f(x, 1)"
                + " for a lead");
    assertThatThrownBy(() -> Formula.parse("y ~ lead(x, -2)"))
        .hasMessage(
            "lead order in 'lead(x, -2)' must be a non-negative integer, got -2; use"
                + " l(x, 2) for a lag");
    assertThatThrownBy(() -> Formula.parse("y ~ l(x, 1.5)"))
        .hasMessage(
            "lag order in 'l(x, 1.5)' must be a non-negative integer, got 1.5; write a"
                + " whole number of periods");
    assertThatThrownBy(() -> Formula.parse("y ~ d(x, 0)"))
        .hasMessage(
            "difference order in 'd(x, 0)' must be a positive integer, got 0; d(x, 0) is"
                + " identically zero");
    assertThatThrownBy(() -> Formula.parse("y ~ l(x, 3:1)"))
        .hasMessage("lag order range 3:1 in 'l(x, 3:1)' must be increasing; write 1:3");
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String deep = "y ~ I(" + "(".repeat(5000) + "x" + ")".repeat(5000) + ")";
    assertThatThrownBy(() -> Formula.parse(deep))
        .isInstanceOf(SpecificationException.class)
        .hasMessageContaining("nesting deeper than 200 levels");
  }

  @Test
  void termsRejectMisuse() {
    assertThatThrownBy(() -> new Term.Function("sin", v("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown function 'sin'");
    assertThatThrownBy(() -> new Term.Shift(Term.Shift.Kind.LAG, v("x"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shift order must be >= 1, got 0");
    assertThatThrownBy(() -> new Term.Interaction(List.of(v("x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Term.Operation("%", v("x"), v("y")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Term.Variable("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FixedEffect(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Formula.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
