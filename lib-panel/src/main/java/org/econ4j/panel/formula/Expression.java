package org.econ4j.panel.formula;

import java.util.Objects;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;

/**
 * An expression in the formula grammar, evaluated row by row on a panel outside a formula: new
 * columns ({@code "log(gdp)"}, {@code "exports / gdp * 100"}, {@code "l(x, 1)"}) and filter
 * conditions ({@code "year >= 2013 & region == 'Asia'"}).
 *
 * <p>Grammar (lowest to highest precedence): {@code |}, {@code &}, {@code !}, comparisons {@code ==
 * != < <= > >=}, {@code + -}, {@code * /}, unary {@code -}, {@code ^} (right-associative); atoms:
 * numbers, quoted text ({@code 'Asia'} or {@code "Asia"}), column names (back-quoted when odd:
 * {@code `my var`}), parentheses and the functions {@code log log1p exp sqrt abs I l f d lag lead
 * diff} (the time operators need the panel index). Comparisons and logical operators give 1 (true),
 * 0 (false) or NaN (missing), with R's three-valued logic ({@code NA & FALSE} is false, {@code NA |
 * TRUE} is true). A categorical column compares with text by label ({@code region == 'Asia'}; order
 * comparisons compare labels numerically when both are numbers, otherwise as text).
 *
 * <p>Immutable and thread-safe. Pinned by {@code ExpressionTest}.
 */
public final class Expression {
  private final Term term;
  private final String source;
  private final String what;

  private Expression(Term term, String source, String what) {
    this.term = term;
    this.source = source;
    this.what = what;
  }

  /**
   * Parses an expression.
   *
   * @param expression the text
   * @return the expression
   * @throws SpecificationException on a syntax error (naming the position and what was expected)
   */
  public static Expression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new Expression(Parser.expression(expression, "expression"), expression, "expression");
  }

  /**
   * Parses a filter condition (the same grammar; messages say "condition").
   *
   * @param condition the text, e.g. {@code "year >= 2013 & region == 'Asia'"}
   * @return the expression
   * @throws SpecificationException on a syntax error
   */
  public static Expression parseCondition(String condition) {
    Objects.requireNonNull(condition, "condition");
    return new Expression(Parser.expression(condition, "condition"), condition, "condition");
  }

  /**
   * @return the parsed term
   */
  public Term term() {
    return term;
  }

  /**
   * Evaluates the expression on every row.
   *
   * @param panel the data
   * @return one value per row (NaN = missing; comparisons give 1/0)
   * @throws SpecificationException for an unknown column (listing the known ones), a categorical
   *     column used as a number, or a time operator without an index
   */
  public double[] evaluate(Panel panel) {
    Objects.requireNonNull(panel, "panel");
    Evaluator ev = new Evaluator(panel, what + " '" + source + "'");
    double[] v = ev.numeric(term);
    return term instanceof Term.Variable ? v.clone() : v;
  }

  /**
   * Evaluates a condition: true where the value is neither 0 nor missing.
   *
   * @param panel the data
   * @return one flag per row
   * @throws SpecificationException as {@link #evaluate}
   */
  public boolean[] test(Panel panel) {
    double[] v = evaluate(panel);
    boolean[] keep = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      keep[i] = v[i] != 0 && !Double.isNaN(v[i]);
    }
    return keep;
  }

  /**
   * The rows of {@code panel} where {@code condition} is true; rows where it is false or missing
   * are dropped (as R's {@code subset}). The number dropped is {@code panel.rows() -
   * result.rows()}. This is what {@code Panel.filter(String)} calls.
   *
   * @param panel the data
   * @param condition e.g. {@code "year >= 2013 & region == 'Asia'"}
   * @return the filtered panel (index kept)
   * @throws SpecificationException for a syntax error or an unknown column ({@code unknown column
   *     'yeer' in condition 'yeer > 2000'; known columns: ...})
   */
  public static Panel filter(Panel panel, String condition) {
    Objects.requireNonNull(panel, "panel");
    return panel.selectRows(parseCondition(condition).test(panel));
  }

  /**
   * Adds or replaces a column computed from an expression (what {@code Panel.withColumn(String,
   * String)} calls). A bare categorical column name copies the categorical column.
   *
   * @param panel the data
   * @param name the new column's name
   * @param expression e.g. {@code "log(gdp)"}, {@code "exports / gdp * 100"}, {@code "l(x, 1)"}
   * @return the new panel
   * @throws SpecificationException as {@link #evaluate}
   */
  public static Panel withColumn(Panel panel, String name, String expression) {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(name, "name");
    Expression e = parse(expression);
    if (e.term instanceof Term.Variable) {
      String v = ((Term.Variable) e.term).name();
      if (panel.hasColumn(v) && panel.type(v) == ColumnType.CATEGORICAL) {
        return panel.withCategorical(name, panel.categorical(v));
      }
    }
    return panel.withColumn(name, e.evaluate(panel));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression && ((Expression) o).term.equals(term);
  }

  @Override
  public int hashCode() {
    return term.hashCode();
  }

  /**
   * @return the canonical text
   */
  @Override
  public String toString() {
    return term.toString();
  }
}
