package org.econ4j.panel.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;

/**
 * Recursive-descent parser for formulas, expressions and conditions (one token of look-ahead).
 * Positions in messages are 0-based character offsets (the number of characters before the
 * problem).
 */
final class Parser {
  private static final int MAX_DEPTH = 200;
  private static final int MAX_RANGE = 1000;
  private static final List<String> KNOWN_FUNCTIONS =
      List.of(
          "log", "log1p", "exp", "sqrt", "abs", "I", "l", "f", "d", "lag", "lead", "diff", "factor",
          "i");

  enum Kind {
    NAME,
    QUOTED_NAME,
    NUMBER,
    STRING,
    SYMBOL,
    END
  }

  static final class Token {
    final Kind kind;
    final String text;
    final int start;
    final int end;

    Token(Kind kind, String text, int start, int end) {
      this.kind = kind;
      this.text = text;
      this.start = start;
      this.end = end;
    }

    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String shown() {
      switch (kind) {
        case END:
          return "the end";
        case QUOTED_NAME:
          return "'" + Printer.name(text) + "'";
        case STRING:
          return "'" + Printer.quote(text) + "'";
        default:
          return "'" + text + "'";
      }
    }
  }

  private final String source;
  private final String what;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(String source, String what) {
    this.source = source;
    this.what = what;
    this.tokens = lex();
  }

  // ---------------------------------------------------------------- entry points

  static Formula formula(String source) {
    Parser p = new Parser(source, "formula");
    return p.parseFormula();
  }

  static Term expression(String source, String what) {
    Parser p = new Parser(source, what);
    Term t = p.parseOr();
    if (p.peek().kind != Kind.END) {
      throw p.error(
          p.peek(), "unexpected " + p.peek().shown() + "; expected an operator or the end");
    }
    return t;
  }

  // ---------------------------------------------------------------- errors

  SpecificationException error(Token at, String message) {
    return error(at.start, message);
  }

  SpecificationException error(int position, String message) {
    return new SpecificationException(
        what + " '" + source + "' has a syntax error at position " + position + ": " + message);
  }

  // ---------------------------------------------------------------- lexer

  private List<Token> lex() {
    List<Token> out = new ArrayList<>();
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
        while (i < n && Character.isDigit(source.charAt(i))) {
          i++;
        }
        if (i < n && source.charAt(i) == '.') {
          i++;
          while (i < n && Character.isDigit(source.charAt(i))) {
            i++;
          }
        }
        if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
          int j = i + 1;
          if (j < n && (source.charAt(j) == '+' || source.charAt(j) == '-')) {
            j++;
          }
          if (j < n && Character.isDigit(source.charAt(j))) {
            i = j;
            while (i < n && Character.isDigit(source.charAt(i))) {
              i++;
            }
          }
        }
        out.add(new Token(Kind.NUMBER, source.substring(start, i), start, i));
      } else if (Character.isLetter(c) || c == '.' || c == '_') {
        while (i < n
            && (Character.isLetterOrDigit(source.charAt(i))
                || source.charAt(i) == '.'
                || source.charAt(i) == '_')) {
          i++;
        }
        String name = source.substring(start, i);
        if (c == '_') {
          throw error(
              start, "unexpected '_'; names start with a letter or '.' (back-quote others)");
        }
        out.add(new Token(Kind.NAME, name, start, i));
      } else if (c == '`' || c == '"' || c == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = source.charAt(i);
          if (d == '\\' && i + 1 < n) {
            sb.append(source.charAt(i + 1));
            i += 2;
            continue;
          }
          if (d == c) {
            closed = true;
            i++;
            break;
          }
          sb.append(d);
          i++;
        }
        if (!closed) {
          throw error(start, "unclosed " + c + "; expected a closing " + c);
        }
        if (c == '`' && sb.length() == 0) {
          throw error(start, "empty back-quoted name");
        }
        out.add(new Token(c == '`' ? Kind.QUOTED_NAME : Kind.STRING, sb.toString(), start, i));
      } else {
        String two = i + 1 < n ? source.substring(i, i + 2) : "";
        if (two.equals("==")
            || two.equals("!=")
            || two.equals("<=")
            || two.equals(">=")
            || two.equals("&&")
            || two.equals("||")) {
          String sym = two.equals("&&") ? "&" : two.equals("||") ? "|" : two;
          out.add(new Token(Kind.SYMBOL, sym, start, i + 2));
          i += 2;
        } else if (c == '%') {
          int close = source.indexOf('%', i + 1);
          String op = close < 0 ? "%" : source.substring(i, close + 1);
          if (!op.equals("%in%")) {
            throw error(start, "unknown operator '" + op + "'; the only %-operator is %in%");
          }
          out.add(new Token(Kind.SYMBOL, op, start, close + 1));
          i = close + 1;
        } else if ("~+-*/^:|&!<>()[],=".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i + 1));
          i++;
        } else {
          throw error(start, "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token(Kind.END, "", n, n));
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind != Kind.END) {
      pos++;
    }
    return t;
  }

  private Token previous() {
    return pos == 0 ? null : tokens.get(pos - 1);
  }

  private String after() {
    Token p = previous();
    return p == null ? "" : " after " + p.shown();
  }

  private static String found(Token t) {
    return t.kind == Kind.END ? "" : ", found " + t.shown();
  }

  private Token expect(String symbol, String context) {
    Token t = peek();
    if (!t.is(symbol)) {
      throw error(t, "expected '" + symbol + "'" + context + found(t));
    }
    return next();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error(peek(), "nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private boolean isName(Token t) {
    return t.kind == Kind.NAME || t.kind == Kind.QUOTED_NAME;
  }

  // ---------------------------------------------------------------- formula

  private Formula parseFormula() {
    boolean hasTilde = false;
    for (Token t : tokens) {
      hasTilde |= t.is("~");
    }
    if (!hasTilde) {
      throw error(0, "expected '~' between the response and the regressors (e.g. 'y ~ x')");
    }
    if (peek().is("~")) {
      throw error(peek(), "expected a response before '~'");
    }
    Term lhs = parseAdditive();
    expect("~", " after the response");
    List<Term> terms = new ArrayList<>();
    boolean intercept = true;
    String sign = "+";
    if (peek().is("+") || peek().is("-")) {
      sign = next().text;
    }
    while (true) {
      Token start = peek();
      List<Term> items = parseProduct();
      if (items == null) {
        // an intercept marker 0 or 1
        boolean one = Double.parseDouble(start.text) == 1;
        intercept = sign.equals("+") == one;
      } else if (sign.equals("+")) {
        for (Term t : items) {
          if (!terms.contains(t)) {
            terms.add(t);
          }
        }
      } else {
        terms.removeAll(items);
      }
      if (peek().is("+") || peek().is("-")) {
        sign = next().text;
        continue;
      }
      break;
    }
    List<FixedEffect> fes = new ArrayList<>();
    if (peek().is("|")) {
      next();
      while (true) {
        FixedEffect fe = parseFixedEffect();
        if (!fes.contains(fe)) {
          fes.add(fe);
        }
        if (peek().is("+")) {
          next();
          continue;
        }
        break;
      }
    }
    Token t = peek();
    if (t.kind != Kind.END) {
      if (t.is(")")) {
        throw error(t, "unexpected ')' without a matching '('");
      }
      throw error(
          t,
          "unexpected "
              + t.shown()
              + (fes.isEmpty()
                  ? "; expected '+', '-', ':', '*', '|' or the end"
                  : "; expected '+' or the end of the fixed effects"));
    }
    return Formula.create(lhs, terms, fes, intercept, source);
  }

  private FixedEffect parseFixedEffect() {
    List<String> vars = new ArrayList<>();
    vars.add(feName());
    while (peek().is("^")) {
      next();
      vars.add(feName());
    }
    List<String> slopes = new ArrayList<>();
    if (peek().is("[")) {
      Token open = next();
      while (true) {
        Token t = peek();
        if (!isName(t)) {
          throw error(t, "expected a slope variable name" + after() + found(t));
        }
        next();
        if (!slopes.contains(t.text)) {
          slopes.add(t.text);
        }
        if (peek().is(",")) {
          next();
          continue;
        }
        break;
      }
      expect("]", " to close '[' at position " + open.start);
    }
    return new FixedEffect(vars, slopes);
  }

  private String feName() {
    Token t = peek();
    if (!isName(t)) {
      throw error(t, "expected a fixed-effect column name" + after() + found(t));
    }
    next();
    if (t.kind == Kind.NAME && peek().is("(")) {
      throw error(
          t,
          "function '"
              + t.text
              + "' is not allowed in the fixed-effect part; create the column first (withColumn)");
    }
    return t.text;
  }

  /** A product a*b*c, expanded; null for an intercept marker (0 or 1). */
  private List<Term> parseProduct() {
    Token start = peek();
    List<Term> acc = parseInteraction();
    if (acc == null) {
      if (peek().is("*") || peek().is(":")) {
        throw error(peek(), "the intercept marker " + start.text + " cannot be interacted");
      }
      return null;
    }
    while (peek().is("*")) {
      next();
      Token t = peek();
      List<Term> right = parseInteraction();
      if (right == null) {
        throw error(t, "the intercept marker " + t.text + " cannot be interacted");
      }
      List<Term> out = new ArrayList<>(acc);
      addAll(out, right);
      addAll(out, cross(acc, right));
      acc = out;
    }
    return acc;
  }

  private static void addAll(List<Term> out, List<Term> add) {
    for (Term t : add) {
      if (!out.contains(t)) {
        out.add(t);
      }
    }
  }

  private List<Term> parseInteraction() {
    Token start = peek();
    List<Term> acc = parseAtomTerm();
    if (acc == null) {
      return null;
    }
    while (peek().is(":")) {
      next();
      Token t = peek();
      List<Term> right = parseAtomTerm();
      if (right == null) {
        throw error(t, "the intercept marker " + t.text + " cannot be interacted");
      }
      acc = cross(acc, right);
    }
    if (acc.isEmpty()) {
      throw error(start, "empty term");
    }
    return acc;
  }

  private static List<Term> cross(List<Term> a, List<Term> b) {
    List<Term> out = new ArrayList<>();
    for (Term x : a) {
      for (Term y : b) {
        List<Term> parts = new ArrayList<>();
        addParts(parts, x);
        addParts(parts, y);
        Term t = parts.size() == 1 ? parts.get(0) : new Term.Interaction(parts);
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static void addParts(List<Term> parts, Term t) {
    if (t instanceof Term.Interaction) {
      for (Term p : ((Term.Interaction) t).parts()) {
        if (!parts.contains(p)) {
          parts.add(p);
        }
      }
    } else if (!parts.contains(t)) {
      parts.add(t);
    }
  }

  /** One term (several for a range or a parenthesised sum), or null for an intercept marker. */
  private List<Term> parseAtomTerm() {
    Token t = peek();
    if (t.kind == Kind.NUMBER) {
      next();
      double v = parseNumber(t);
      if (v == 0 || v == 1) {
        return null;
      }
      throw error(
          t,
          "unexpected number "
              + t.text
              + "; only 0 and 1 (the intercept) may stand alone, write numbers inside I()");
    }
    if (t.is("(")) {
      enter();
      next();
      List<Term> out = new ArrayList<>();
      while (true) {
        Token s = peek();
        List<Term> items = parseProduct();
        if (items == null) {
          throw error(s, "the intercept marker " + s.text + " is not allowed inside parentheses");
        }
        addAll(out, items);
        if (peek().is("+")) {
          next();
          continue;
        }
        break;
      }
      expect(")", " to close '(' at position " + t.start);
      depth--;
      return out;
    }
    if (t.kind == Kind.NAME && peek(1).is("(")) {
      return parseCall(true);
    }
    if (isName(t)) {
      next();
      return List.of(new Term.Variable(t.text));
    }
    if (t.kind == Kind.STRING) {
      throw error(t, "unexpected text " + t.shown() + "; expected a term");
    }
    throw error(t, "expected a term" + after() + found(t));
  }

  /** A function call; at the formula level (top) ranges, factor() and i() are allowed. */
  private List<Term> parseCall(boolean top) {
    enter();
    Token name = next();
    Token open = next(); // '('
    String fn = name.text;
    List<Term> out;
    switch (fn) {
      case "log":
      case "log1p":
      case "exp":
      case "sqrt":
      case "abs":
        {
          Term arg = parseArgument(fn);
          out = List.of(new Term.Function(fn, arg));
          break;
        }
      case "I":
        {
          Term arg = parseArgument(fn);
          out = List.of(new Term.Identity(arg));
          break;
        }
      case "l":
      case "lag":
      case "f":
      case "lead":
      case "d":
      case "diff":
        out = parseShift(name, open, top);
        depth--;
        return out;
      case "factor":
      case "i":
        if (!top) {
          throw error(
              name,
              fn
                  + "() is only allowed as a formula term (or part of an interaction), not inside"
                  + " an expression");
        }
        out = List.of(parseDummies(name));
        depth--;
        return out;
      default:
        throw error(
            name,
            "unknown function '"
                + fn
                + "'; known functions: "
                + String.join(", ", KNOWN_FUNCTIONS));
    }
    expect(")", " to close '" + fn + "(' at position " + open.start);
    depth--;
    return out;
  }

  private Term parseArgument(String fn) {
    if (peek().is(")")) {
      throw error(peek(), "expected an argument to " + fn + "()");
    }
    return parseOr();
  }

  private static Term.Shift.Kind shiftKind(String fn) {
    switch (fn) {
      case "l":
      case "lag":
        return Term.Shift.Kind.LAG;
      case "f":
      case "lead":
        return Term.Shift.Kind.LEAD;
      default:
        return Term.Shift.Kind.DIFF;
    }
  }

  private List<Term> parseShift(Token name, Token open, boolean top) {
    String fn = name.text;
    Term.Shift.Kind kind = shiftKind(fn);
    Term arg = parseArgument(fn);
    int from = 1;
    int to = 1;
    if (peek().is(",")) {
      next();
      Token ot = peek();
      from = parseOrder(name, ot);
      to = from;
      if (peek().is(":")) {
        next();
        to = parseOrder(name, peek());
        if (to < from) {
          throw new SpecificationException(
              "lag order range "
                  + from
                  + ":"
                  + to
                  + " in '"
                  + callText(name)
                  + "' must be increasing; write "
                  + to
                  + ":"
                  + from);
        }
        if (!top) {
          throw error(
              ot, "a lag order range is only allowed as a formula term, not inside an expression");
        }
        if (to - from + 1 > MAX_RANGE) {
          throw error(ot, "lag order range longer than " + MAX_RANGE);
        }
      }
    }
    expect(")", " to close '" + fn + "(' at position " + open.start);
    List<Term> out = new ArrayList<>();
    for (int k = from; k <= to; k++) {
      if (k == 0 && kind == Term.Shift.Kind.DIFF) {
        throw new SpecificationException(
            "difference order in '"
                + callText(name)
                + "' must be a positive integer, got 0; d(x, 0) is identically zero");
      }
      Term t = k == 0 ? asTerm(arg) : new Term.Shift(kind, arg, k);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** An expression as a formula term: itself when it can stand alone, otherwise inside I(). */
  private static Term asTerm(Term arg) {
    if (arg instanceof Term.Variable
        || arg instanceof Term.Function
        || arg instanceof Term.Identity
        || arg instanceof Term.Shift) {
      return arg;
    }
    return new Term.Identity(arg);
  }

  /** The source text of the call starting at {@code name} up to the current token. */
  private String callText(Token name) {
    int level = 0;
    int i = name.start;
    for (; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '(') {
        level++;
      } else if (c == ')') {
        level--;
        if (level == 0) {
          i++;
          break;
        }
      }
    }
    return source.substring(name.start, i);
  }

  private int parseOrder(Token name, Token at) {
    boolean negative = false;
    if (peek().is("-")) {
      next();
      negative = true;
    }
    Token t = peek();
    if (t.kind != Kind.NUMBER) {
      throw error(
          t,
          "expected a lag order (an integer such as 1 or a range such as 0:5)"
              + after()
              + found(t));
    }
    next();
    double v = parseNumber(t);
    if (negative) {
      v = -v;
    }
    Term.Shift.Kind kind = shiftKind(name.text);
    String kindText =
        kind == Term.Shift.Kind.LAG ? "lag" : kind == Term.Shift.Kind.LEAD ? "lead" : "difference";
    if (v < 0 || v != Math.rint(v) || v > 1_000_000) {
      throw new SpecificationException(
          kindText
              + " order in '"
              + callText(name)
              + "' must be a non-negative integer, got "
              + (negative ? "-" : "")
              + t.text
              + (v < 0 && kindText.equals("lag")
                  ? "; use f(x, " + Printer.number(-v) + ") for a lead"
                  : v < 0 && kindText.equals("lead")
                      ? "; use l(x, " + Printer.number(-v) + ") for a lag"
                      : "; write a whole number of periods"));
    }
    return (int) v;
  }

  private Term parseDummies(Token name) {
    String fn = name.text;
    Token v = peek();
    if (!isName(v)) {
      throw error(
          v, "expected a column name as the first argument of " + fn + "(), found " + v.shown());
    }
    next();
    if (v.kind == Kind.NAME && peek().is("(")) {
      throw error(
          v,
          "expected a column name as the first argument of "
              + fn
              + "(), found a function call; create the column first (withColumn)");
    }
    Optional<Term> with = Optional.empty();
    List<String> ref = List.of();
    while (peek().is(",")) {
      next();
      if (peek().kind == Kind.NAME && peek().text.equals("ref") && peek(1).is("=")) {
        if (!ref.isEmpty()) {
          throw error(peek(), "'ref' given twice");
        }
        next();
        next();
        ref = parseLevels();
      } else if (fn.equals("i") && with.isEmpty() && ref.isEmpty()) {
        with = Optional.of(parseOr());
      } else if (fn.equals("i") && with.isPresent() && ref.isEmpty() && isLevelStart(peek())) {
        // fixest's positional third argument: i(period, treat, 5) means ref = 5
        ref = parseLevels();
      } else {
        throw error(
            peek(),
            fn.equals("i")
                ? "expected 'ref = ...' as the last argument of i()"
                : "expected 'ref = ...' as the second argument of factor()");
      }
    }
    expect(")", " to close '" + fn + "('");
    return fn.equals("i") ? new Term.Indicator(v.text, with, ref) : new Term.Factor(v.text, ref);
  }

  private boolean isLevelStart(Token t) {
    return t.kind == Kind.NUMBER
        || t.kind == Kind.STRING
        || t.is("-")
        || (t.kind == Kind.NAME && t.text.equals("c") && peek(1).is("("));
  }

  private List<String> parseLevels() {
    List<String> out = new ArrayList<>();
    if (peek().kind == Kind.NAME && peek().text.equals("c") && peek(1).is("(")) {
      next();
      Token open = next();
      while (true) {
        String l = parseLevel();
        if (!out.contains(l)) {
          out.add(l);
        }
        if (peek().is(",")) {
          next();
          continue;
        }
        break;
      }
      expect(")", " to close 'c(' at position " + open.start);
    } else {
      out.add(parseLevel());
    }
    return out;
  }

  private String parseLevel() {
    boolean negative = false;
    if (peek().is("-")) {
      next();
      negative = true;
    }
    Token t = peek();
    if (t.kind == Kind.NUMBER) {
      next();
      double d = parseNumber(t);
      return Panel.numberLabel(negative ? -d : d);
    }
    if (t.kind == Kind.STRING && !negative) {
      next();
      return t.text;
    }
    throw error(t, "expected a reference level (a number or a quoted label)" + after() + found(t));
  }

  private double parseNumber(Token t) {
    double v;
    try {
      v = Double.parseDouble(t.text);
    } catch (NumberFormatException e) {
      throw error(t, "malformed number '" + t.text + "'");
    }
    if (!Double.isFinite(v)) {
      throw error(t, "number '" + t.text + "' is out of range");
    }
    return v;
  }

  // ---------------------------------------------------------------- expressions

  private Term parseOr() {
    enter();
    Term t = parseAnd();
    while (peek().is("|")) {
      next();
      t = new Term.Operation("|", t, operand(this::parseAnd));
    }
    depth--;
    return t;
  }

  private Term parseAnd() {
    Term t = parseNot();
    while (peek().is("&")) {
      next();
      t = new Term.Operation("&", t, operand(this::parseNot));
    }
    return t;
  }

  private Term parseNot() {
    if (peek().is("!")) {
      next();
      enter();
      Term t = new Term.Not(operand(this::parseNot));
      depth--;
      return t;
    }
    return parseComparison();
  }

  private Term parseComparison() {
    Term t = parseAdditive();
    while (true) {
      Token op = peek();
      if (op.kind == Kind.SYMBOL
          && (op.text.equals("==")
              || op.text.equals("!=")
              || op.text.equals("<")
              || op.text.equals("<=")
              || op.text.equals(">")
              || op.text.equals(">="))) {
        next();
        t = new Term.Operation(op.text, t, operand(this::parseAdditive));
      } else if (op.is("%in%")) {
        next();
        t = in(t);
      } else if (op.is("=")) {
        throw error(op, "unexpected '='; use '==' to compare");
      } else {
        return t;
      }
    }
  }

  /** {@code x %in% c(a, b)} is read as {@code x == a | x == b}. */
  private Term in(Term left) {
    List<Term> values = new ArrayList<>();
    if (peek().kind == Kind.NAME && peek().text.equals("c") && peek(1).is("(")) {
      next();
      Token open = next();
      while (true) {
        values.add(operand(this::parseAdditive));
        if (peek().is(",")) {
          next();
          continue;
        }
        break;
      }
      expect(")", " to close 'c(' at position " + open.start);
    } else {
      values.add(operand(this::parseAdditive));
    }
    Term t = new Term.Operation("==", left, values.get(0));
    for (int k = 1; k < values.size(); k++) {
      t = new Term.Operation("|", t, new Term.Operation("==", left, values.get(k)));
    }
    return t;
  }

  private Term parseAdditive() {
    Term t = parseMultiplicative();
    while (peek().is("+") || peek().is("-")) {
      String op = next().text;
      t = new Term.Operation(op, t, operand(this::parseMultiplicative));
    }
    return t;
  }

  private Term parseMultiplicative() {
    Term t = parseUnary();
    while (peek().is("*") || peek().is("/")) {
      String op = next().text;
      t = new Term.Operation(op, t, operand(this::parseUnary));
    }
    return t;
  }

  private Term parseUnary() {
    if (peek().is("-")) {
      next();
      enter();
      Term t = new Term.Negation(operand(this::parseUnary));
      depth--;
      return t;
    }
    if (peek().is("+")) {
      next();
      enter();
      Term t = operand(this::parseUnary);
      depth--;
      return t;
    }
    return parsePower();
  }

  private Term parsePower() {
    Term base = parsePrimary();
    if (peek().is("^")) {
      next();
      enter();
      Term exp = operand(this::parseUnary);
      depth--;
      return new Term.Operation("^", base, exp);
    }
    return base;
  }

  private interface Rule {
    Term parse();
  }

  /** Parses the operand after an operator, with "expected a term after 'op'" at the end. */
  private Term operand(Rule rule) {
    Token t = peek();
    if (t.kind == Kind.END || t.is(")") || t.is("~") || t.is(",")) {
      throw error(t, "expected a term" + after() + found(t));
    }
    return rule.parse();
  }

  private Term parsePrimary() {
    Token t = peek();
    switch (t.kind) {
      case NUMBER:
        next();
        return new Term.Number(parseNumber(t));
      case STRING:
        next();
        return new Term.Text(t.text);
      case QUOTED_NAME:
        next();
        return new Term.Variable(t.text);
      case NAME:
        if (peek(1).is("(")) {
          List<Term> r = parseCall(false);
          return r.get(0);
        }
        next();
        return new Term.Variable(t.text);
      default:
        break;
    }
    if (t.is("(")) {
      next();
      enter();
      Term inner = parseOr();
      expect(")", " to close '(' at position " + t.start);
      depth--;
      return inner;
    }
    throw error(t, "expected a term" + after() + found(t));
  }
}
