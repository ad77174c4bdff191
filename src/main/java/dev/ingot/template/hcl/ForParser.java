package dev.ingot.template.hcl;

import dev.ingot.diag.Range;

/** Parses {@code [for ...]} and {@code {for ...}} expressions (newlines are insignificant). */
final class ForParser {
  private static final String INVALID_FOR = "Invalid 'for' expression";

  private final Parse p;
  private final TokenStream ts;
  private final ExprParser exprs;

  ForParser(Parse p, ExprParser exprs) {
    this.p = p;
    this.ts = p.tokens;
    this.exprs = exprs;
  }

  /** After the opening bracket or brace, at the {@code for} keyword. */
  Expr forExpr(Token open) {
    ts.pushNewlines(false);
    try {
      return parse(open);
    } finally {
      ts.popNewlines();
    }
  }

  private Expr parse(Token open) {
    ts.read(); // "for"
    boolean object = open.type() == TokenType.OBRACE;
    TokenType closeType = object ? TokenType.CBRACE : TokenType.CBRACK;
    if (ts.peek().type() != TokenType.IDENT) {
      return fail(open, closeType, "For expression requires variable name after 'for'.");
    }
    String keyVar = null;
    String valueVar = ts.read().text();
    if (ts.peek().type() == TokenType.COMMA) {
      ts.read();
      keyVar = valueVar;
      if (ts.peek().type() != TokenType.IDENT) {
        return fail(open, closeType, "For expression requires value variable name after comma.");
      }
      valueVar = ts.read().text();
    }
    if (!ts.peek().isKeyword("in")) {
      return fail(
          open, closeType, "For expression requires the 'in' keyword after its name declarations.");
    }
    ts.read();
    int mark = p.errors();
    Expr coll = exprs.expression();
    if (p.failedSince(mark)) {
      return placeholder(open, closeType);
    }
    if (ts.peek().type() != TokenType.COLON) {
      return fail(
          open, closeType, "For expression requires a colon after the collection expression.");
    }
    ts.read();
    Expr keyExpr = null;
    Expr valueExpr = exprs.expression();
    if (ts.peek().type() == TokenType.FAT_ARROW) {
      ts.read();
      keyExpr = valueExpr;
      valueExpr = exprs.expression();
    }
    if (p.failedSince(mark)) {
      return placeholder(open, closeType);
    }
    Token ellipsis = null;
    if (ts.peek().type() == TokenType.ELLIPSIS) {
      ellipsis = ts.read();
    }
    Expr cond = null;
    if (ts.peek().isKeyword("if")) {
      ts.read();
      cond = exprs.expression();
      if (p.failedSince(mark)) {
        return placeholder(open, closeType);
      }
    }
    Token close;
    if (ts.peek().type() == closeType) {
      close = ts.read();
    } else {
      p.errorUnlessRecovering(
          INVALID_FOR, "Extra characters after the end of the 'for' expression.", ts.nextRange());
      close = ts.recover(closeType);
    }
    checkForm(object, keyExpr, valueExpr, ellipsis);
    return new Expr.For(
        keyVar,
        valueVar,
        coll,
        keyExpr,
        valueExpr,
        cond,
        ellipsis != null,
        object,
        Ranges.between(open.range(), close.range()),
        open.range(),
        close.range());
  }

  private void checkForm(boolean object, Expr keyExpr, Expr valueExpr, Token ellipsis) {
    if (!object) {
      if (keyExpr != null) {
        p.error(INVALID_FOR, "Key expression is not valid when building a tuple.", keyExpr.range());
      }
      if (ellipsis != null) {
        p.error(
            INVALID_FOR,
            "Grouping ellipsis (...) cannot be used when building a tuple.",
            ellipsis.range());
      }
    } else if (keyExpr == null) {
      p.error(
          INVALID_FOR, "Key expression is required when building an object.", valueExpr.range());
    }
  }

  private Expr fail(Token open, TokenType closeType, String detail) {
    p.errorUnlessRecovering(INVALID_FOR, detail, ts.nextRange());
    return placeholder(open, closeType);
  }

  private Expr placeholder(Token open, TokenType closeType) {
    Token close = ts.recover(closeType);
    Range r = Ranges.between(open.range(), close.range());
    return new Expr.Invalid(r);
  }
}
