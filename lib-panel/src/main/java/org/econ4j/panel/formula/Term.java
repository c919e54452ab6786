package org.econ4j.panel.formula;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a formula: a right-hand-side term (a variable, a transformation, a factor, an
 * interaction, a time shift) or a node of an expression inside {@code I()}, a function argument,
 * the left-hand side or a filter condition.
 *
 * <p>Every term is an immutable record with structural equality; {@code toString()} gives the
 * canonical source text, which parses back to an equal term. That text is also the display name of
 * the design column a numeric term produces ({@code log(dist_km)}, {@code l(x, 1)}, {@code
 * I(x^2)}).
 */
public sealed interface Term
    permits Term.Variable,
        Term.Number,
        Term.Text,
        Term.Function,
        Term.Identity,
        Term.Operation,
        Term.Negation,
        Term.Not,
        Term.Interaction,
        Term.Factor,
        Term.Indicator,
        Term.Shift {

  /**
   * A column of the panel.
   *
   * @param name the column name (written back-quoted in formulas when it is not a plain name)
   */
  record Variable(String name) implements Term {
    /** Validates the name. */
    public Variable {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("variable name is empty");
      }
    }

    @Override
    public String toString() {
      return Printer.name(name);
    }
  }

  /**
   * A number literal inside an expression.
   *
   * @param value the value (finite or not)
   */
  record Number(double value) implements Term {
    @Override
    public String toString() {
      return Printer.number(value);
    }
  }

  /**
   * A text literal (in conditions such as {@code region == 'Asia'}).
   *
   * @param value the text
   */
  record Text(String value) implements Term {
    /** Validates the value. */
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return Printer.quote(value);
    }
  }

  /**
   * A mathematical function of one argument: {@code log}, {@code log1p}, {@code exp}, {@code sqrt},
   * {@code abs}. {@code log} and {@code log1p} of values outside their domain give a non-finite
   * value, which {@link Formula#bind} drops with a {@code NON_FINITE} note (as fixest).
   *
   * @param name the function name
   * @param argument the argument expression
   */
  record Function(String name, Term argument) implements Term {
    /** The supported function names. */
    public static final List<String> NAMES = List.of("log", "log1p", "exp", "sqrt", "abs");

    /** Validates the function name. */
    public Function {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(argument, "argument");
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown function '" + name + "'");
      }
    }

    @Override
    public String toString() {
      return name + "(" + argument + ")";
    }
  }

  /**
   * {@code I(expr)}: an arithmetic expression used as one regressor.
   *
   * @param expression the expression
   */
  record Identity(Term expression) implements Term {
    /** Validates the expression. */
    public Identity {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public String toString() {
      return "I(" + expression + ")";
    }
  }

  /**
   * A binary operation inside an expression: arithmetic {@code + - * / ^}, comparison {@code == !=
   * < <= > >=} (1 for true, 0 for false) and logical {@code & |}.
   *
   * @param operator the operator symbol
   * @param left left operand
   * @param right right operand
   */
  record Operation(String operator, Term left, Term right) implements Term {
    /** The supported operators, by increasing precedence group. */
    public static final List<String> OPERATORS =
        List.of("|", "&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "^");

    /** Validates the operator. */
    public Operation {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      if (!OPERATORS.contains(operator)) {
        throw new IllegalArgumentException("unknown operator '" + operator + "'");
      }
    }

    @Override
    public String toString() {
      return Printer.operation(this);
    }
  }

  /**
   * Unary minus inside an expression.
   *
   * @param operand the operand
   */
  record Negation(Term operand) implements Term {
    /** Validates the operand. */
    public Negation {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      return Printer.unary("-", operand);
    }
  }

  /**
   * Logical not ({@code !cond}) inside a condition.
   *
   * @param operand the operand
   */
  record Not(Term operand) implements Term {
    /** Validates the operand. */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      return Printer.unary("!", operand);
    }
  }

  /**
   * An interaction {@code a:b[:c...]}: the element-wise product of its parts' columns (every
   * combination when a part is a factor). {@code a*b} is expanded by the parser into {@code a + b +
   * a:b}. A factor part is coded by contrasts (first level dropped) when the interaction without it
   * is also a term of the formula (R's rule), fully otherwise.
   *
   * @param parts two or more parts, none an interaction itself
   */
  record Interaction(List<Term> parts) implements Term {
    /** Validates and copies the parts. */
    public Interaction {
      parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
      if (parts.size() < 2) {
        throw new IllegalArgumentException("an interaction needs at least two parts");
      }
      for (Term t : parts) {
        if (t instanceof Interaction) {
          throw new IllegalArgumentException("interaction parts must not be interactions");
        }
      }
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Term t : parts) {
        if (sb.length() > 0) {
          sb.append(':');
        }
        sb.append(t);
      }
      return sb.toString();
    }
  }

  /**
   * {@code factor(x)} or {@code factor(x, ref = ...)}: one dummy column per level of {@code x}
   * (levels sorted: numerically for a numeric column, lexicographically for labels). The first
   * level is the reference (no column) when the model has an intercept or fixed effects; levels in
   * {@code ref} never get a column. Display names {@code factor(x)2003}.
   *
   * @param variable the column
   * @param ref reference levels (labels; numbers written as in {@code 2003}), possibly empty
   */
  record Factor(String variable, List<String> ref) implements Term {
    /** Validates and copies. */
    public Factor {
      Objects.requireNonNull(variable, "variable");
      ref = List.copyOf(Objects.requireNonNull(ref, "ref"));
    }

    @Override
    public String toString() {
      return "factor(" + Printer.name(variable) + Printer.ref(ref) + ")";
    }
  }

  /**
   * fixest's {@code i(x)}, {@code i(x, v)} and their {@code ref =} forms: one dummy per level of
   * {@code x} (optionally multiplied by the numeric {@code v}); all levels are kept except those in
   * {@code ref} (as fixest; a collinear one is left to the estimator to drop). Display names {@code
   * x::2003} and {@code x::2003:v}.
   *
   * @param variable the factor column
   * @param with the numeric expression the dummies multiply, if any
   * @param ref reference levels, possibly empty
   */
  record Indicator(String variable, Optional<Term> with, List<String> ref) implements Term {
    /** Validates and copies. */
    public Indicator {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(with, "with");
      ref = List.copyOf(Objects.requireNonNull(ref, "ref"));
    }

    @Override
    public String toString() {
      return "i("
          + Printer.name(variable)
          + (with.isPresent() ? ", " + with.get() : "")
          + Printer.ref(ref)
          + ")";
    }
  }

  /**
   * A time shift through the panel index: {@code l(x, k)} (lag), {@code f(x, k)} (lead), {@code
   * d(x, k)} (difference x<sub>t</sub> − x<sub>t−k</sub>); aliases {@code lag}, {@code lead},
   * {@code diff}. By time value, never by row order: an absent period gives a missing value. The
   * argument may be any expression ({@code l(log(rd), 1)}); a range {@code l(x, 0:5)} is expanded
   * by the parser into one term per order, and {@code l(x, 0)} is {@code x} itself (an expression
   * argument becomes {@code I(expr)}).
   *
   * @param kind lag, lead or difference
   * @param argument the shifted expression
   * @param order the order k ≥ 1
   */
  record Shift(Kind kind, Term argument, int order) implements Term {
    /** The three time operators. */
    public enum Kind {
      /** {@code l()}: the value k steps earlier. */
      LAG("l"),
      /** {@code f()}: the value k steps later. */
      LEAD("f"),
      /** {@code d()}: the difference to the value k steps earlier. */
      DIFF("d");

      private final String symbol;

      Kind(String symbol) {
        this.symbol = symbol;
      }

      /**
       * @return the function name used in canonical text ({@code l}, {@code f}, {@code d})
       */
      public String symbol() {
        return symbol;
      }
    }

    /** Validates the order. */
    public Shift {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(argument, "argument");
      if (order < 1) {
        throw new IllegalArgumentException("shift order must be >= 1, got " + order);
      }
    }

    @Override
    public String toString() {
      return kind.symbol + "(" + argument + ", " + order + ")";
    }
  }
}
