package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.List;

/** Parses function calls, tuple and object constructors; {@code for} is in {@link ForParser}. */
final class CollectionParser {
  private final Parse p;
  private final TokenStream ts;
  private final ExprParser exprs;
  private final ForParser fors;

  CollectionParser(Parse p, ExprParser exprs) {
    this.p = p;
    this.ts = p.tokens;
    this.exprs = exprs;
    this.fors = new ForParser(p, exprs);
  }

  /** After the function name, at the opening parenthesis. */
  Expr call(Token name) {
    Token open = ts.read();
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    Token close = null;
    ts.pushNewlines(false);
    while (true) {
      if (ts.peek().type() == TokenType.CPAREN) {
        close = ts.read();
        break;
      }
      int mark = p.errors();
      args.add(exprs.expression());
      if (p.failedSince(mark)) {
        Token t = ts.recover(TokenType.CPAREN);
        close = t.type() == TokenType.CPAREN ? t : null;
        break;
      }
      Token sep = ts.read();
      if (sep.type() == TokenType.CPAREN) {
        close = sep;
        break;
      }
      if (sep.type() == TokenType.ELLIPSIS) {
        expand = true;
        if (ts.peek().type() != TokenType.CPAREN) {
          p.errorUnlessRecovering(
              "Missing closing parenthesis",
              "An expanded function argument (with ...) must be immediately followed by closing"
                  + " parentheses.",
              sep.range());
          close = ts.recover(TokenType.CPAREN);
        } else {
          close = ts.read();
        }
        break;
      }
      if (sep.type() != TokenType.COMMA) {
        if (sep.type() == TokenType.EOF) {
          p.error(
              "Unterminated function call",
              "There is no closing parenthesis for this function call before the end of the"
                  + " file. This may be caused by incorrect parenthesis nesting elsewhere in this"
                  + " file.",
              Ranges.between(name.range(), open.range()));
        } else {
          p.error(
              "Missing argument separator",
              "A comma is required to separate each function argument from the next.",
              sep.range());
        }
        close = ts.recover(TokenType.CPAREN);
        break;
      }
      if (ts.peek().type() == TokenType.CPAREN) {
        close = ts.read(); // trailing comma
        break;
      }
    }
    ts.popNewlines();
    Range closeRange = close == null ? ts.prevRange() : close.range();
    return new Expr.Call(
        name.text(),
        args,
        expand,
        Ranges.between(name.range(), closeRange),
        name.range(),
        open.range(),
        closeRange);
  }

  Expr tuple() {
    Token open = ts.read();
    ts.pushNewlines(false);
    try {
      if (ts.peek().isKeyword("for")) {
        return fors.forExpr(open);
      }
      List<Expr> items = new ArrayList<>();
      Token close;
      while (true) {
        if (ts.peek().type() == TokenType.CBRACK) {
          close = ts.read();
          break;
        }
        int mark = p.errors();
        items.add(exprs.expression());
        if (p.failedSince(mark)) {
          close = ts.recover(TokenType.CBRACK);
          break;
        }
        Token next = ts.peek();
        if (next.type() == TokenType.CBRACK) {
          close = ts.read();
          break;
        }
        if (next.type() != TokenType.COMMA) {
          if (next.type() == TokenType.EOF) {
            p.errorUnlessRecovering(
                "Unterminated tuple constructor expression",
                "There is no corresponding closing bracket before the end of the file. This may"
                    + " be caused by incorrect bracket nesting elsewhere in this file.",
                open.range());
          } else {
            p.errorUnlessRecovering(
                "Missing item separator",
                "Expected a comma to mark the beginning of the next item.",
                next.range());
          }
          close = ts.recover(TokenType.CBRACK);
          break;
        }
        ts.read();
      }
      return new Expr.TupleCons(items, Ranges.between(open.range(), close.range()));
    } finally {
      ts.popNewlines();
    }
  }

  Expr object() {
    Token open = ts.read();
    ts.pushNewlines(false);
    boolean isFor = ts.peek().isKeyword("for");
    ts.popNewlines();
    if (isFor) {
      ts.pushNewlines(false);
      try {
        return fors.forExpr(open);
      } finally {
        ts.popNewlines();
      }
    }
    ts.pushNewlines(true);
    try {
      List<ObjectItem> items = new ArrayList<>();
      Token close = objectItems(open, items);
      return new Expr.ObjectCons(items, Ranges.between(open.range(), close.range()));
    } finally {
      ts.popNewlines();
    }
  }

  private Token objectItems(Token open, List<ObjectItem> items) {
    while (true) {
      Token next = ts.peek();
      if (next.type() == TokenType.NEWLINE) {
        ts.read();
        continue;
      }
      if (next.type() == TokenType.CBRACE) {
        return ts.read();
      }
      if (next.type() == TokenType.EOF) {
        unterminatedObject(open);
        return ts.read();
      }
      int mark = p.errors();
      Expr key = exprs.expression();
      if (p.failedSince(mark)) {
        return ts.recover(TokenType.CBRACE);
      }
      next = ts.peek();
      if (next.type() != TokenType.EQUAL && next.type() != TokenType.COLON) {
        missingValue(open, next);
        return ts.recover(TokenType.CBRACE);
      }
      ts.read();
      Expr value = exprs.expression();
      items.add(new ObjectItem(key, value, Ranges.between(key.range(), value.range())));
      if (p.failedSince(mark)) {
        return ts.recover(TokenType.CBRACE);
      }
      next = ts.peek();
      if (next.type() == TokenType.CBRACE) {
        return ts.read();
      }
      if (next.type() != TokenType.COMMA && next.type() != TokenType.NEWLINE) {
        if (next.type() == TokenType.EOF) {
          unterminatedObject(open);
        } else {
          p.errorUnlessRecovering(
              "Missing attribute separator",
              "Expected a newline or comma to mark the beginning of the next attribute.",
              next.range());
        }
        return ts.recover(TokenType.CBRACE);
      }
      ts.read();
    }
  }

  private void missingValue(Token open, Token next) {
    switch (next.type()) {
      case NEWLINE, COMMA ->
          p.errorUnlessRecovering(
              "Missing attribute value",
              "Expected an attribute value, introduced by an equals sign (\"=\").",
              next.range());
      case IDENT ->
          p.errorUnlessRecovering(
              "Missing key/value separator",
              "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If"
                  + " you intended to give an attribute name containing periods or spaces, write"
                  + " the name in quotes to create a string literal.",
              next.range());
      case EOF -> unterminatedObject(open);
      default ->
          p.errorUnlessRecovering(
              "Missing key/value separator",
              "Expected an equals sign (\"=\") to mark the beginning of the attribute value.",
              next.range());
    }
  }

  private void unterminatedObject(Token open) {
    p.errorUnlessRecovering(
        "Unterminated object constructor expression",
        "There is no corresponding closing brace before the end of the file. This may be caused"
            + " by incorrect brace nesting elsewhere in this file.",
        open.range());
  }
}
