package dev.ingot.template.load;

import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.ObjectItem;
import dev.ingot.template.hcl.Step;
import dev.ingot.template.hcl.TemplatePart;
import java.util.function.Consumer;

/** Visits an expression and every expression inside it, outermost first. Stateless. */
final class ExprWalker {
  private ExprWalker() {}

  static void each(Expr e, Consumer<Expr> visit) {
    visit.accept(e);
    switch (e) {
      case Expr.Number n -> {}
      case Expr.Bool b -> {}
      case Expr.Null n -> {}
      case Expr.Invalid i -> {}
      case Expr.SplatItem s -> {}
      case Expr.ScopeTraversal t -> steps(t.steps(), visit);
      case Expr.Template t -> t.parts().forEach(p -> part(p, visit));
      case Expr.TupleCons t -> t.items().forEach(i -> each(i, visit));
      case Expr.ObjectCons o -> {
        for (ObjectItem item : o.items()) {
          each(item.key(), visit);
          each(item.value(), visit);
        }
      }
      case Expr.Unary u -> each(u.operand(), visit);
      case Expr.Binary b -> {
        each(b.left(), visit);
        each(b.right(), visit);
      }
      case Expr.Conditional c -> {
        each(c.condition(), visit);
        each(c.whenTrue(), visit);
        each(c.whenFalse(), visit);
      }
      case Expr.RelativeTraversal t -> {
        each(t.source(), visit);
        steps(t.steps(), visit);
      }
      case Expr.Index i -> {
        each(i.collection(), visit);
        each(i.key(), visit);
      }
      case Expr.Splat s -> {
        each(s.source(), visit);
        each(s.each(), visit);
      }
      case Expr.For f -> {
        each(f.collection(), visit);
        if (f.keyExpr() != null) {
          each(f.keyExpr(), visit);
        }
        each(f.valueExpr(), visit);
        if (f.condition() != null) {
          each(f.condition(), visit);
        }
      }
      case Expr.Call c -> c.args().forEach(a -> each(a, visit));
      case Expr.Paren p -> each(p.inner(), visit);
    }
  }

  private static void steps(java.util.List<Step> steps, Consumer<Expr> visit) {
    for (Step s : steps) {
      if (s instanceof Step.Index i) {
        each(i.key(), visit);
      }
    }
  }

  private static void part(TemplatePart p, Consumer<Expr> visit) {
    switch (p) {
      case TemplatePart.Text t -> {}
      case TemplatePart.Interp i -> each(i.expr(), visit);
      case TemplatePart.If i -> {
        each(i.condition(), visit);
        i.then().forEach(x -> part(x, visit));
        i.otherwise().forEach(x -> part(x, visit));
      }
      case TemplatePart.For f -> {
        each(f.collection(), visit);
        f.body().forEach(x -> part(x, visit));
      }
    }
  }
}
