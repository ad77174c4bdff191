package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.math.BigDecimal;
import java.util.List;

/**
 * Parses the expression language: the conditional operator, binary operators by precedence, unary
 * operators, terms and the traversals (attribute access, index, splat) that follow a term.
 * Collections, {@code for} and calls are in {@link CollectionParser}, templates in {@link
 * TemplateParser}.
 */
final class ExprParser {
  /** Exponents beyond this are refused: such numbers would take gigabytes to print. */
  private static final int MAX_SCALE = 10_000;

  private final Parse p;
  private final TokenStream ts;
  private final CollectionParser collections;
  private final TemplateParser templates;

  ExprParser(Parse p) {
    this.p = p;
    this.ts = p.tokens;
    this.collections = new CollectionParser(p, this);
    this.templates = new TemplateParser(p, this);
  }

  TemplateParser templates() {
    return templates;
  }

  Expr expression() {
    if (!p.enter(ts.nextRange())) {
      return new Expr.Invalid(ts.nextRange());
    }
    try {
      return conditional();
    } finally {
      p.leave();
    }
  }

  private Expr conditional() {
    Range start = ts.nextRange();
    int mark = p.errors();
    Expr cond = binary(1);
    if (p.failedSince(mark)) {
      return cond;
    }
    Token question = ts.peek();
    if (question.type() != TokenType.QUESTION) {
      return cond;
    }
    ts.read();
    Expr whenTrue = expression();
    if (p.failedSince(mark)) {
      return cond;
    }
    Token colon = ts.peek();
    if (colon.type() != TokenType.COLON) {
      p.error(
          "Missing false expression in conditional",
          "The conditional operator (...?...:...) requires a false expression, delimited by a"
              + " colon.",
          colon.range());
      return cond;
    }
    ts.read();
    Expr whenFalse = expression();
    if (p.failedSince(mark)) {
      return cond;
    }
    return new Expr.Conditional(
        cond, whenTrue, whenFalse, Ranges.between(start, whenFalse.range()));
  }

  /**
   * Binary operators by precedence climbing: operators of at least {@code minLevel}, left
   * associative within a level (so {@code a - b - c} is {@code (a - b) - c}).
   */
  private Expr binary(int minLevel) {
    int mark = p.errors();
    Expr lhs = withTraversals();
    if (p.failedSince(mark)) {
      return lhs;
    }
    while (true) {
      Token next = ts.peek();
      BinaryOp op = BinaryOp.forToken(next.type());
      if (op == null || op.level() < minLevel) {
        return lhs;
      }
      ts.read();
      Expr rhs = binary(op.level() + 1);
      lhs = new Expr.Binary(op, lhs, rhs, Ranges.between(lhs.range(), rhs.range()), next.range());
      if (p.failedSince(mark)) {
        return lhs;
      }
    }
  }

  Expr withTraversals() {
    return new TraversalParser(p, this).traversals(term());
  }

  private Expr term() {
    Token start = ts.peek();
    switch (start.type()) {
      case OPAREN:
        return paren();
      case NUMBER:
        ts.read();
        return number(start);
      case IDENT:
        ts.read();
        if (ts.peek().type() == TokenType.OPAREN) {
          return collections.call(start);
        }
        return switch (start.text()) {
          case "true" -> new Expr.Bool(true, start.range());
          case "false" -> new Expr.Bool(false, start.range());
          case "null" -> new Expr.Null(start.range());
          default ->
              new Expr.ScopeTraversal(
                  List.of(new Step.Root(start.text(), start.range())), start.range());
        };
      case OQUOTE, OHEREDOC:
        return templates.templateExpr();
      case MINUS, BANG:
        ts.read();
        if (!p.enter(start.range())) {
          return new Expr.Invalid(start.range());
        }
        Expr operand;
        try {
          operand = withTraversals();
        } finally {
          p.leave();
        }
        UnaryOp op = start.type() == TokenType.MINUS ? UnaryOp.NEGATE : UnaryOp.NOT;
        return new Expr.Unary(
            op, operand, Ranges.between(start.range(), operand.range()), start.range());
      case OBRACK:
        return collections.tuple();
      case OBRACE:
        return collections.object();
      default:
        if (start.type() == TokenType.EOF) {
          p.errorUnlessRecovering(
              "Missing expression",
              "Expected the start of an expression, but found the end of the file.",
              start.range());
        } else {
          p.errorUnlessRecovering(
              "Invalid expression",
              "Expected the start of an expression, but found an invalid expression token.",
              start.range());
        }
        ts.recovery = true;
        return new Expr.Invalid(start.range());
    }
  }

  private Expr paren() {
    Token open = ts.read();
    ts.pushNewlines(false);
    try {
      int mark = p.errors();
      Expr inner = expression();
      if (p.errors() > mark) {
        Token close = ts.recover(TokenType.CPAREN);
        return new Expr.Paren(inner, Ranges.between(open.range(), close.range()));
      }
      Token close = ts.peek();
      if (close.type() != TokenType.CPAREN) {
        p.error(
            "Unbalanced parentheses",
            "Expected a closing parenthesis to terminate the expression.",
            close.range());
        ts.recovery = true;
      }
      ts.read();
      return new Expr.Paren(inner, Ranges.between(open.range(), close.range()));
    } finally {
      ts.popNewlines();
    }
  }

  Expr number(Token tok) {
    try {
      BigDecimal v = new BigDecimal(tok.text());
      if (Math.abs((long) v.scale()) > MAX_SCALE) {
        throw new NumberFormatException("exponent out of range");
      }
      return new Expr.Number(v, tok.range());
    } catch (NumberFormatException e) {
      // cty takes exponents up to about 10^646456992 (then +Inf); Ingot's numbers are finite and
      // stop at 10^10000 so that printing and arithmetic stay fast, so say which limit was hit.
      boolean huge = tok.text().matches("(?s).*[eE][+-]?[0-9]{5,}");
      p.error(
          "Invalid number literal",
          huge
              ? "Ingot accepts numbers up to 10000 decimal orders of magnitude; this exponent is"
                  + " beyond that."
              : "Failed to recognize the value of this number literal.",
          tok.range());
      return new Expr.Invalid(tok.range());
    }
  }
}
