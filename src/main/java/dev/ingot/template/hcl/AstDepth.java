package dev.ingot.template.hcl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Measures how deep an expression tree is without recursing, so that trees too deep for the
 * recursive walkers (evaluation, dumps, references) are refused at parse time. A chain such as
 * {@code 1 + 1 + ... + 1} is shallow to parse but as deep as it is long.
 */
final class AstDepth {
  /** Deeper trees are refused. */
  static final int MAX = 1000;

  private AstDepth() {}

  private record Frame(Expr expr, int depth) {}

  static boolean tooDeep(Expr root) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, 1));
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      if (f.depth > MAX) {
        return true;
      }
      for (Expr c : children(f.expr)) {
        stack.push(new Frame(c, f.depth + 1));
      }
    }
    return false;
  }

  static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    switch (e) {
      case Expr.Number n -> {}
      case Expr.Bool b -> {}
      case Expr.Null n -> {}
      case Expr.Invalid i -> {}
      case Expr.SplatItem s -> {}
      case Expr.ScopeTraversal t -> steps(t.steps(), out);
      case Expr.RelativeTraversal t -> {
        out.add(t.source());
        steps(t.steps(), out);
      }
      case Expr.Template t -> parts(t.parts(), out);
      case Expr.TupleCons t -> out.addAll(t.items());
      case Expr.ObjectCons o ->
          o.items()
              .forEach(
                  i -> {
                    out.add(i.key());
                    out.add(i.value());
                  });
      case Expr.Unary u -> out.add(u.operand());
      case Expr.Binary b -> {
        out.add(b.left());
        out.add(b.right());
      }
      case Expr.Conditional c -> {
        out.add(c.condition());
        out.add(c.whenTrue());
        out.add(c.whenFalse());
      }
      case Expr.Index i -> {
        out.add(i.collection());
        out.add(i.key());
      }
      case Expr.Splat s -> {
        out.add(s.source());
        out.add(s.each());
      }
      case Expr.For f -> {
        out.add(f.collection());
        if (f.keyExpr() != null) {
          out.add(f.keyExpr());
        }
        out.add(f.valueExpr());
        if (f.condition() != null) {
          out.add(f.condition());
        }
      }
      case Expr.Call c -> out.addAll(c.args());
      case Expr.Paren p -> out.add(p.inner());
    }
    return out;
  }

  private static void steps(List<Step> steps, List<Expr> out) {
    for (Step s : steps) {
      if (s instanceof Step.Index i) {
        out.add(i.key());
      }
    }
  }

  /** Template parts count as one level each, like the expression nodes they hold. */
  private static void parts(List<TemplatePart> parts, List<Expr> out) {
    for (TemplatePart part : parts) {
      switch (part) {
        case TemplatePart.Text t -> {}
        case TemplatePart.Interp i -> out.add(i.expr());
        case TemplatePart.If i -> {
          out.add(i.condition());
          out.add(new Expr.Template(i.then(), TemplateKind.BARE, i.range()));
          out.add(new Expr.Template(i.otherwise(), TemplateKind.BARE, i.range()));
        }
        case TemplatePart.For f -> {
          out.add(f.collection());
          out.add(new Expr.Template(f.body(), TemplateKind.BARE, f.range()));
        }
      }
    }
  }
}
