package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses templates: quoted strings, heredocs and bare templates, with interpolations, {@code if}
 * and {@code for} directives and {@code ~} strip markers. Also parses the plain quoted strings used
 * as block labels.
 */
final class TemplateParser {
  private static final String UNTERMINATED = "Unterminated template string";

  private final Parse p;
  private final TokenStream ts;
  private final ExprParser exprs;

  TemplateParser(Parse p, ExprParser exprs) {
    this.p = p;
    this.ts = p.tokens;
    this.exprs = exprs;
  }

  /** At {@code "} or {@code <<EOF}. */
  Expr templateExpr() {
    Token open = ts.read();
    boolean heredoc = open.type() == TokenType.OHEREDOC;
    TokenType closer = heredoc ? TokenType.CHEREDOC : TokenType.CQUOTE;
    List<TemplatePart> parts = parse(closer, heredoc && open.text().startsWith("<<-"));
    Range range = Ranges.between(open.range(), ts.prevRange());
    return new Expr.Template(parts, heredoc ? TemplateKind.HEREDOC : TemplateKind.QUOTED, range);
  }

  /** A whole input in template mode, up to the end of the file. */
  Expr.Template bare() {
    Range start = ts.nextRange();
    List<TemplatePart> parts = parse(TokenType.EOF, false);
    return new Expr.Template(parts, TemplateKind.BARE, Ranges.between(start, ts.prevRange()));
  }

  private List<TemplatePart> parse(TokenType closer, boolean flush) {
    ts.pushNewlines(true);
    List<TemplatePiece> pieces;
    try {
      pieces = pieces(closer);
    } finally {
      ts.popNewlines();
    }
    if (flush) {
      TemplateTree.flushHeredoc(pieces);
    }
    TemplateTree.meld(pieces);
    return new TemplateTree(p, pieces).root();
  }

  private List<TemplatePiece> pieces(TokenType end) {
    List<TemplatePiece> out = new ArrayList<>();
    Range start = ts.nextRange();
    Range endRange;
    boolean ltrimNext = false;
    boolean nextCanTrimPrev = false;
    while (true) {
      Token next = ts.read();
      if (next.type() == end) {
        endRange = next.range();
        break;
      }
      boolean ltrim = ltrimNext;
      boolean canTrimPrev = nextCanTrimPrev;
      ltrimNext = false;
      nextCanTrimPrev = false;
      if (next.type() == TokenType.QUOTED_LIT || next.type() == TokenType.STRING_LIT) {
        String s = StringLiterals.decode(next, next.type() == TokenType.QUOTED_LIT, p);
        out.add(new TemplatePiece.Lit(ltrim ? Spaces.trimLeft(s) : s, next.range()));
        nextCanTrimPrev = true;
      } else if (next.type() == TokenType.TEMPLATE_INTERP
          || next.type() == TokenType.TEMPLATE_CONTROL) {
        if (canTrimPrev
            && next.strips()
            && out.get(out.size() - 1) instanceof TemplatePiece.Lit l) {
          l.value = Spaces.trimRight(l.value);
        }
        ts.pushNewlines(false);
        try {
          ltrimNext =
              next.type() == TokenType.TEMPLATE_INTERP
                  ? interpolation(next, start, end, out)
                  : directive(next, start, out);
        } finally {
          ts.popNewlines();
        }
      } else {
        p.errorUnlessRecovering(
            UNTERMINATED, "No closing marker was found for the string.", next.range());
        endRange = next.type() == TokenType.EOF ? next.range() : ts.recover(end).range();
        break;
      }
    }
    if (out.isEmpty()) {
      out.add(new TemplatePiece.Lit("", Ranges.startOf(start)));
    }
    out.add(new TemplatePiece.End(endRange));
    return out;
  }

  /** After {@code ${}: the expression and the closing brace. Returns whether it ends with {@code ~}. */
  private boolean interpolation(Token open, Range start, TokenType end, List<TemplatePiece> out) {
    Expr expr = exprs.expression();
    Token close = ts.peek();
    boolean strip = false;
    if (close.type() != TokenType.TEMPLATE_SEQ_END) {
      if (close.type() == TokenType.EOF) {
        p.errorUnlessRecovering(
            "Unclosed template interpolation sequence",
            "There is no closing brace for this interpolation sequence before the end of the"
                + " file. This might be caused by incorrect nesting inside the given expression.",
            open.range());
      } else if (close.type() == TokenType.COLON) {
        p.errorUnlessRecovering(
            "Extra characters after interpolation expression",
            "Template interpolation doesn't expect a colon at this location. Did you intend this"
                + " to be a literal sequence to be processed as part of another language? If so,"
                + " you can escape it by starting with \"$${\" instead of just \"${\".",
            close.range());
      } else if ((close.type() == TokenType.CQUOTE || close.type() == TokenType.OQUOTE)
          && end == TokenType.CQUOTE) {
        p.errorUnlessRecovering(
            "Unclosed template interpolation sequence",
            "There is no closing brace for this interpolation sequence before the end of the"
                + " quoted template. This might be caused by incorrect nesting inside the given"
                + " expression.",
            open.range());
      } else {
        p.errorUnlessRecovering(
            "Extra characters after interpolation expression",
            "Expected a closing brace to end the interpolation expression, but found extra"
                + " characters.\n\nThis can happen when you include interpolation syntax for"
                + " another language, such as shell scripting, but forget to escape the"
                + " interpolation start token. If this is an embedded sequence for another"
                + " language, escape it by starting with \"$${\" instead of just \"${\".",
            close.range());
      }
      close = ts.recover(TokenType.TEMPLATE_SEQ_END);
    } else {
      ts.read();
      strip = close.strips();
    }
    out.add(new TemplatePiece.Interp(expr, Ranges.between(open.range(), close.range())));
    return strip;
  }

  /** After {@code %{}: the keyword, its operands and the closing brace. */
  private boolean directive(Token open, Range start, List<TemplatePiece> out) {
    Token kw = ts.peek();
    if (kw.type() != TokenType.IDENT) {
      p.errorUnlessRecovering(
          "Invalid template directive",
          "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a"
              + " %{ sequence.",
          kw.range());
      ts.recover(TokenType.TEMPLATE_SEQ_END);
      return false;
    }
    ts.read();
    switch (kw.text()) {
      case "if" -> {
        Expr cond = exprs.expression();
        out.add(new TemplatePiece.IfOpen(cond, Ranges.between(open.range(), ts.nextRange())));
      }
      case "else", "endif", "endfor" ->
          out.add(new TemplatePiece.Close(kw.text(), Ranges.between(open.range(), ts.nextRange())));
      case "for" -> {
        if (!forDirective(open, out)) {
          return false;
        }
      }
      default -> {
        p.errorUnlessRecovering(
            "Invalid template control keyword",
            Strings.quote(kw.text())
                + " is not a valid template control keyword."
                + Spaces.didYouMean(kw.text()),
            kw.range());
        ts.recover(TokenType.TEMPLATE_SEQ_END);
        return false;
      }
    }
    Token close = ts.peek();
    if (close.type() != TokenType.TEMPLATE_SEQ_END) {
      p.errorUnlessRecovering(
          "Extra characters in " + kw.text() + " marker",
          "Expected a closing brace to end the sequence, but found extra characters.",
          close.range());
      ts.recover(TokenType.TEMPLATE_SEQ_END);
      return false;
    }
    ts.read();
    return close.strips();
  }

  private boolean forDirective(Token open, List<TemplatePiece> out) {
    String invalid = "Invalid 'for' directive";
    if (ts.peek().type() != TokenType.IDENT) {
      p.errorUnlessRecovering(
          invalid, "For directive requires variable name after 'for'.", ts.nextRange());
      ts.recover(TokenType.TEMPLATE_SEQ_END);
      return false;
    }
    String keyVar = null;
    String valueVar = ts.read().text();
    if (ts.peek().type() == TokenType.COMMA) {
      ts.read();
      keyVar = valueVar;
      if (ts.peek().type() != TokenType.IDENT) {
        p.errorUnlessRecovering(
            invalid, "For directive requires value variable name after comma.", ts.nextRange());
        ts.recover(TokenType.TEMPLATE_SEQ_END);
        return false;
      }
      valueVar = ts.read().text();
    }
    if (!ts.peek().isKeyword("in")) {
      p.errorUnlessRecovering(
          invalid, "For directive requires 'in' keyword after names.", ts.nextRange());
      ts.recover(TokenType.TEMPLATE_SEQ_END);
      return false;
    }
    ts.read();
    Expr coll = exprs.expression();
    out.add(
        new TemplatePiece.ForOpen(
            keyVar, valueVar, coll, Ranges.between(open.range(), ts.nextRange())));
    return true;
  }

  /** A quoted string without interpolation, as used for block labels. */
  Block.Label quotedLabel() {
    Token open = ts.read();
    StringBuilder sb = new StringBuilder();
    Range endRange;
    ts.pushNewlines(true);
    try {
      while (true) {
        Token t = ts.read();
        if (t.type() == TokenType.CQUOTE) {
          endRange = t.range();
          break;
        } else if (t.type() == TokenType.QUOTED_LIT) {
          sb.append(StringLiterals.decode(t, true, p));
        } else if (t.type() == TokenType.TEMPLATE_INTERP
            || t.type() == TokenType.TEMPLATE_CONTROL) {
          String which = t.type() == TokenType.TEMPLATE_INTERP ? "$" : "%";
          p.error(
              "Invalid string literal",
              "Template sequences are not allowed in this string. To include a literal \""
                  + which
                  + "\", double it (as \""
                  + which
                  + which
                  + "\") to escape it.",
              t.range());
          sb.append(which).append("{ ... }");
          ts.recover(TokenType.TEMPLATE_SEQ_END);
        } else if (t.type() == TokenType.EOF) {
          p.error(
              "Unterminated string literal",
              "Unable to find the closing quote mark before the end of the file.",
              t.range());
          endRange = t.range();
          break;
        } else {
          p.error(
              "Invalid string literal", "This item is not valid in a string literal.", t.range());
          ts.recover(TokenType.CQUOTE);
          endRange = t.range();
          break;
        }
      }
    } finally {
      ts.popNewlines();
    }
    return new Block.Label(sb.toString(), Ranges.between(open.range(), endRange));
  }
}
