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
    Chain chain = new Chain(from);
    while (true) {
      Token next = ts.peek();
      if (next.type() == TokenType.DOT) {
        afterDot(from, chain);
      } else if (next.type() == TokenType.OBRACK) {
        afterBracket(from, chain);
      } else {
        return chain.build();
      }
    }
  }

  /**
   * The expression built so far: a base and the constant steps still to attach to it. Steps are
   * collected in one list so that a long chain {@code a.b.c...} takes linear time.
   */
  private static final class Chain {
    private Expr base;
    private final List<Step> steps = new ArrayList<>();
    private Range end;

    Chain(Expr base) {
      this.base = base;
    }

    void add(Step step) {
      steps.add(step);
      end = step.range();
    }

    /** Attaches the pending steps and returns the result, which becomes the new base. */
    Expr build() {
      if (!steps.isEmpty()) {
        base = attach(base, steps, end);
        steps.clear();
      }
      return base;
    }

    void replace(Expr e) {
      steps.clear();
      base = e;
    }
  }

  private void afterDot(Expr from, Chain chain) {
    Token dot = ts.read();
    Token name = ts.peek();
    switch (name.type()) {
      case IDENT -> {
        ts.read();
        chain.add(new Step.Attr(name.text(), Ranges.between(dot.range(), name.range())));
      }
      case NUMBER -> {
        ts.read();
        chain.add(legacyIndex(name, Ranges.between(dot.range(), name.range()), ""));
      }
      case STAR -> chain.replace(attrSplat(from, chain.build(), dot));
      default -> {
        p.error(
            "Invalid attribute name", "An attribute name is required after a dot.", name.range());
        ts.recovery = true;
        chain.replace(new Expr.Invalid(Ranges.between(from.range(), dot.range())));
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

  private void afterBracket(Expr from, Chain chain) {
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
      Expr ret = chain.build();
      Expr each = traversals(item);
      chain.replace(
          new Expr.Splat(ret, each, false, Ranges.between(from.range(), each.range()), marker));
      return;
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
      chain.add(new Step.Index(key, r));
      return;
    }
    Expr ret = chain.build();
    chain.replace(new Expr.Index(ret, key, Ranges.between(from.range(), r), r));
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

  /** Adds steps to a traversal, or starts a relative traversal from another expression. */
  private static Expr attach(Expr expr, List<Step> more, Range end) {
    return switch (expr) {
      case Expr.ScopeTraversal t ->
          new Expr.ScopeTraversal(concat(t.steps(), more), Ranges.between(t.range(), end));
      case Expr.RelativeTraversal t ->
          new Expr.RelativeTraversal(
              t.source(), concat(t.steps(), more), Ranges.between(t.range(), end));
      default -> new Expr.RelativeTraversal(expr, more, Ranges.between(expr.range(), end));
    };
  }

  private static List<Step> concat(List<Step> a, List<Step> b) {
    List<Step> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
