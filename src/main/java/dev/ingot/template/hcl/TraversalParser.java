package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses what may follow a term: {@code .name}, {@code .0}, {@code [key]}, {@code [*]}, {@code .*}.
 */
final class TraversalParser {
  private final Parse p;
  private final TokenStream ts;
  private final ExprParser exprs;

  TraversalParser(Parse p, ExprParser exprs) {
    this.p = p;
    this.ts = p.tokens;
    this.exprs = exprs;
  }

  Expr traversals(Expr from) {
    Expr ret = from;
    while (true) {
      Token next = ts.peek();
      if (next.type() == TokenType.DOT) {
        ret = afterDot(from, ret);
      } else if (next.type() == TokenType.OBRACK) {
        ret = afterBracket(from, ret);
      } else {
        return ret;
      }
    }
  }

  private Expr afterDot(Expr from, Expr ret) {
    Token dot = ts.read();
    Token name = ts.peek();
    switch (name.type()) {
      case IDENT -> {
        ts.read();
        Range r = Ranges.between(dot.range(), name.range());
        return extend(ret, new Step.Attr(name.text(), r), r);
      }
      case NUMBER -> {
        ts.read();
        Range r = Ranges.between(dot.range(), name.range());
        return extend(ret, legacyIndex(name, r, ""), r);
      }
      case STAR -> {
        return attrSplat(from, ret, dot);
      }
      default -> {
        p.error(
            "Invalid attribute name", "An attribute name is required after a dot.", name.range());
        ts.recovery = true;
        return new Expr.Invalid(Ranges.between(from.range(), dot.range()));
      }
    }
  }

  /** {@code .0}: HIL's old way of writing {@code [0]}; {@code .0.1} reads as a number. */
  private Step legacyIndex(Token num, Range r, String splatHint) {
    int dot = num.text().indexOf('.');
    if (dot >= 0) {
      String first = num.text().substring(0, dot);
      String second = num.text().substring(dot + 1);
      p.error(
          "Invalid legacy index syntax",
          "When using the legacy index syntax, chaining two indexes together is not permitted."
              + " Use the proper index syntax"
              + splatHint
              + " instead, like ["
              + first
              + "]["
              + second
              + "].",
          num.range());
      return new Step.Index(new Expr.Invalid(num.range()), r);
    }
    return new Step.Index(exprs.number(num), r);
  }

  private Expr attrSplat(Expr from, Expr ret, Token dot) {
    Token star = ts.read();
    Range marker = Ranges.between(dot.range(), star.range());
    Expr.SplatItem item = new Expr.SplatItem(marker);
    List<Step> steps = new ArrayList<>();
    Range last = star.range();
    while (ts.peek().type() == TokenType.DOT) {
      Token d = ts.read();
      Token t = ts.peek();
      if (t.type() == TokenType.NUMBER) {
        ts.read();
        Range r = Ranges.between(d.range(), t.range());
        steps.add(legacyIndex(t, r, " with a full splat expression [*]"));
        last = t.range();
      } else if (t.type() == TokenType.IDENT) {
        ts.read();
        steps.add(new Step.Attr(t.text(), Ranges.between(d.range(), t.range())));
        last = t.range();
      } else {
        if (t.type() == TokenType.STAR) {
          p.errorUnlessRecovering(
              "Nested splat expression not allowed",
              "A splat expression (*) cannot be used inside another attribute-only splat"
                  + " expression.",
              t.range());
        } else {
          p.errorUnlessRecovering(
              "Invalid attribute name", "An attribute name is required after a dot.", t.range());
        }
        ts.recovery = true;
        break;
      }
    }
    Expr each =
        steps.isEmpty()
            ? item
            : new Expr.RelativeTraversal(item, steps, Ranges.between(marker, last));
    return new Expr.Splat(ret, each, true, Ranges.between(from.range(), last), marker);
  }

  private Expr afterBracket(Expr from, Expr ret) {
    Token open = ts.read();
    if (ts.peek().type() == TokenType.STAR) {
      ts.read();
      Token close = ts.read();
      if (close.type() != TokenType.CBRACK && !ts.recovery) {
        p.error(
            "Missing close bracket on splat index",
            "The star for a full splat operator must be immediately followed by a closing bracket"
                + " (\"]\").",
            close.range());
        close = ts.recover(TokenType.CBRACK);
      }
      Range marker = Ranges.between(open.range(), close.range());
      Expr.SplatItem item = new Expr.SplatItem(marker);
      Expr each = traversals(item);
      return new Expr.Splat(ret, each, false, Ranges.between(from.range(), each.range()), marker);
    }
    ts.pushNewlines(false);
    Token close;
    int mark = p.errors();
    Expr key = exprs.expression();
    if (p.failedSince(mark)) {
      close = ts.recover(TokenType.CBRACK);
    } else {
      close = ts.read();
      if (close.type() != TokenType.CBRACK && !ts.recovery) {
        p.error(
            "Missing close bracket on index",
            "The index operator must end with a closing bracket (\"]\").",
            close.range());
        close = ts.recover(TokenType.CBRACK);
      }
    }
    ts.popNewlines();
    Range r = Ranges.between(open.range(), close.range());
    if (isConstantKey(key)) {
      return extend(ret, new Step.Index(key, r), r);
    }
    return new Expr.Index(ret, key, Ranges.between(from.range(), r), r);
  }

  private static boolean isConstantKey(Expr key) {
    return switch (key) {
      case Expr.Number n -> true;
      case Expr.Bool b -> true;
      case Expr.Null n -> true;
      case Expr.Template t -> t.literalText().isPresent();
      default -> false;
    };
  }

  /** Adds a step to a traversal, or starts a relative traversal from another expression. */
  static Expr extend(Expr expr, Step step, Range r) {
    return switch (expr) {
      case Expr.ScopeTraversal t ->
          new Expr.ScopeTraversal(append(t.steps(), step), Ranges.between(t.range(), r));
      case Expr.RelativeTraversal t ->
          new Expr.RelativeTraversal(
              t.source(), append(t.steps(), step), Ranges.between(t.range(), r));
      default -> new Expr.RelativeTraversal(expr, List.of(step), Ranges.between(expr.range(), r));
    };
  }

  private static List<Step> append(List<Step> steps, Step step) {
    List<Step> out = new ArrayList<>(steps);
    out.add(step);
    return out;
  }
}
