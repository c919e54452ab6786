package org.econ4j.panel.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;

/**
 * A model formula in fixest syntax: {@code response ~ terms | fixed effects}, for example {@code
 * log(copat) ~ log(pat_cn) + l(tech_prox, 1) + factor(year) | country + year}.
 *
 * <p>Parsed by {@link #parse(String)} with our own recursive-descent parser; the grammar, every
 * construct and the display names of design columns are in {@code docs/formula.md}. A formula is an
 * immutable value: {@link #equals} compares the response, the (expanded) terms in order, the fixed
 * effects and the intercept flag; {@link #toString()} gives canonical text that parses back to an
 * equal formula. {@code a*b} is stored expanded as {@code a + b + a:b}, ranges {@code l(x, 0:2)} as
 * {@code x + l(x, 1) + l(x, 2)}; repeated terms are kept once.
 *
 * <p>{@link #bind(Panel)} evaluates the formula on a panel into a {@link ModelFrame}, the single
 * place where rows with missing values are dropped (each cause recorded as a note).
 *
 * <p>Immutable and thread-safe. Pinned by {@code FormulaTest} and {@code FormulaProperties}.
 */
public final class Formula {
  private final Term lhs;
  private final List<Term> terms;
  private final List<FixedEffect> fixedEffects;
  private final boolean intercept;
  private final String source;

  private Formula(
      Term lhs,
      List<Term> terms,
      List<FixedEffect> fixedEffects,
      boolean intercept,
      String source) {
    this.lhs = lhs;
    this.terms = List.copyOf(terms);
    this.fixedEffects = List.copyOf(fixedEffects);
    this.intercept = intercept;
    this.source = source;
  }

  static Formula create(
      Term lhs, List<Term> terms, List<FixedEffect> fes, boolean intercept, String source) {
    return new Formula(lhs, terms, fes, intercept, source);
  }

  /**
   * Parses a formula.
   *
   * @param formula the text, e.g. {@code "y ~ x1 + x2 | fe1 + fe2"}
   * @return the formula
   * @throws SpecificationException on a syntax error; the message names the 0-based character
   *     position and what was expected, e.g. {@code formula 'y ~ x +' has a syntax error at
   *     position 7: expected a term after '+'}
   */
  public static Formula parse(String formula) {
    Objects.requireNonNull(formula, "formula");
    return Parser.formula(formula);
  }

  /**
   * Builds a formula from its parts (for code that generates formulas, e.g. event studies).
   *
   * @param response the left-hand side expression
   * @param terms the right-hand-side terms, in order (repeats are kept once): variables, functions,
   *     {@code I()}, shifts, factors, {@code i()} and interactions of those
   * @param fixedEffects the fixed effects
   * @param intercept whether the formula asks for an intercept (as if {@code - 1} were absent)
   * @return the formula
   * @throws IllegalArgumentException if a term is an expression node that cannot stand alone (a
   *     number, an operation: wrap it in {@link Term.Identity})
   */
  public static Formula of(
      Term response, List<Term> terms, List<FixedEffect> fixedEffects, boolean intercept) {
    Objects.requireNonNull(response, "response");
    List<Term> ts = new ArrayList<>();
    for (Term t : Objects.requireNonNull(terms, "terms")) {
      checkStandalone(Objects.requireNonNull(t, "term"));
      if (t instanceof Term.Interaction) {
        for (Term p : ((Term.Interaction) t).parts()) {
          checkStandalone(p);
        }
      }
      if (!ts.contains(t)) {
        ts.add(t);
      }
    }
    List<FixedEffect> fs = new ArrayList<>();
    for (FixedEffect f : Objects.requireNonNull(fixedEffects, "fixedEffects")) {
      if (!fs.contains(Objects.requireNonNull(f, "fixed effect"))) {
        fs.add(f);
      }
    }
    Formula f = new Formula(response, ts, fs, intercept, null);
    return new Formula(response, ts, fs, intercept, f.toString());
  }

  private static void checkStandalone(Term t) {
    if (!(t instanceof Term.Variable
        || t instanceof Term.Function
        || t instanceof Term.Identity
        || t instanceof Term.Shift
        || t instanceof Term.Factor
        || t instanceof Term.Indicator
        || t instanceof Term.Interaction)) {
      throw new IllegalArgumentException(
          "term '" + t + "' cannot stand alone in a formula; wrap it in I()");
    }
  }

  /**
   * @return the left-hand side (response) expression
   */
  public Term lhs() {
    return lhs;
  }

  /**
   * @return the right-hand-side terms in order, expanded ({@code a*b} → {@code a, b, a:b})
   */
  public List<Term> terms() {
    return terms;
  }

  /**
   * @return the fixed effects (after {@code |}), possibly empty
   */
  public List<FixedEffect> fixedEffects() {
    return fixedEffects;
  }

  /**
   * Whether the formula asks for an intercept, i.e. has no {@code - 1} or {@code + 0}. The design
   * of a {@link ModelFrame} has an intercept column only when this is true and there are no fixed
   * effects ({@link ModelFrame#hasIntercept()}), as fixest.
   *
   * @return whether an intercept is requested
   */
  public boolean hasIntercept() {
    return intercept;
  }

  /**
   * @return a copy of this formula with other fixed effects
   * @param fixedEffects the new fixed effects
   */
  public Formula withFixedEffects(List<FixedEffect> fixedEffects) {
    return of(lhs, terms, fixedEffects, intercept);
  }

  /**
   * @return a copy of this formula with other right-hand-side terms
   * @param terms the new terms
   */
  public Formula withTerms(List<Term> terms) {
    return of(lhs, terms, fixedEffects, intercept);
  }

  /**
   * The text as the user wrote it (for messages), or the canonical text for formulas built by
   * {@link #of}.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  /**
   * Binds the formula to a panel with default options ({@link BindOptions#defaults()}).
   *
   * @param panel the data
   * @return the model frame
   * @throws SpecificationException for an unknown column (listing the known ones), a categorical
   *     column where a number is needed, a time operator without an index, an unknown reference
   *     level, a non-integer numeric fixed effect, or when no row is left
   */
  public ModelFrame bind(Panel panel) {
    return bind(panel, BindOptions.defaults());
  }

  /**
   * Binds the formula to a panel: evaluates the response and every term, encodes fixed effects,
   * drops rows with a missing or non-finite value in any of them (and in the weights, offset and
   * cluster columns of {@code options}), and records one note per cause. See {@link ModelFrame}.
   *
   * @param panel the data
   * @param options extra columns to carry along
   * @return the model frame
   * @throws SpecificationException as {@link #bind(Panel)}
   */
  public ModelFrame bind(Panel panel, BindOptions options) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(options, "options");
    return new Binder(this, panel, options).bind();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Formula)) {
      return false;
    }
    Formula f = (Formula) o;
    return intercept == f.intercept
        && lhs.equals(f.lhs)
        && terms.equals(f.terms)
        && fixedEffects.equals(f.fixedEffects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lhs, terms, fixedEffects, intercept);
  }

  /**
   * @return the canonical text, e.g. {@code log(y) ~ x1 + l(x2, 1) + factor(year) | id + year};
   *     {@code - 1} marks a formula without intercept ({@code y ~ 0} when there are no terms)
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(lhs).append(" ~ ");
    if (terms.isEmpty()) {
      sb.append(intercept ? "1" : "0");
    } else {
      for (int i = 0; i < terms.size(); i++) {
        if (i > 0) {
          sb.append(" + ");
        }
        sb.append(terms.get(i));
      }
      if (!intercept) {
        sb.append(" - 1");
      }
    }
    if (!fixedEffects.isEmpty()) {
      sb.append(" | ");
      for (int i = 0; i < fixedEffects.size(); i++) {
        if (i > 0) {
          sb.append(" + ");
        }
        sb.append(fixedEffects.get(i));
      }
    }
    return sb.toString();
  }
}
