package dev.ingot.template.hcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the variable references of an expression, leaving out names bound by {@code for}. */
final class References {
  private final List<Expr.ScopeTraversal> out = new ArrayList<>();

  private References() {}

  static List<Expr.ScopeTraversal> of(Expr e) {
    References r = new References();
    r.walk(e, Set.of());
    return List.copyOf(r.out);
  }

  private void walk(Expr e, Set<String> bound) {
    switch (e) {
      case Expr.Number n -> {}
      case Expr.Bool b -> {}
      case Expr.Null n -> {}
      case Expr.Invalid i -> {}
      case Expr.SplatItem s -> {}
      case Expr.ScopeTraversal t -> {
        if (!bound.contains(t.rootName())) {
          out.add(t);
        }
        t.steps().forEach(s -> step(s, bound));
      }
      case Expr.Template t -> parts(t.parts(), bound);
      case Expr.TupleCons t -> t.items().forEach(i -> walk(i, bound));
      case Expr.ObjectCons o -> {
        for (ObjectItem item : o.items()) {
          if (item.literalKey().isEmpty()) {
            walk(item.key(), bound);
          }
          walk(item.value(), bound);
        }
      }
      case Expr.Unary u -> walk(u.operand(), bound);
      case Expr.Binary b -> {
        walk(b.left(), bound);
        walk(b.right(), bound);
      }
      case Expr.Conditional c -> {
        walk(c.condition(), bound);
        walk(c.whenTrue(), bound);
        walk(c.whenFalse(), bound);
      }
      case Expr.RelativeTraversal t -> {
        walk(t.source(), bound);
        t.steps().forEach(s -> step(s, bound));
      }
      case Expr.Index i -> {
        walk(i.collection(), bound);
        walk(i.key(), bound);
      }
      case Expr.Splat s -> {
        walk(s.source(), bound);
        walk(s.each(), bound);
      }
      case Expr.For f -> forExpr(f, bound);
      case Expr.Call c -> c.args().forEach(a -> walk(a, bound));
      case Expr.Paren p -> walk(p.inner(), bound);
    }
  }

  private void step(Step s, Set<String> bound) {
    if (s instanceof Step.Index i) {
      walk(i.key(), bound);
    }
  }

  private void forExpr(Expr.For f, Set<String> bound) {
    walk(f.collection(), bound);
    Set<String> inner = with(bound, f.keyVar(), f.valueVar());
    if (f.keyExpr() != null) {
      walk(f.keyExpr(), inner);
    }
    walk(f.valueExpr(), inner);
    if (f.condition() != null) {
      walk(f.condition(), inner);
    }
  }

  private void parts(List<TemplatePart> parts, Set<String> bound) {
    for (TemplatePart part : parts) {
      switch (part) {
        case TemplatePart.Text t -> {}
        case TemplatePart.Interp i -> walk(i.expr(), bound);
        case TemplatePart.If i -> {
          walk(i.condition(), bound);
          parts(i.then(), bound);
          parts(i.otherwise(), bound);
        }
        case TemplatePart.For f -> {
          walk(f.collection(), bound);
          parts(f.body(), with(bound, f.keyVar(), f.valueVar()));
        }
      }
    }
  }

  private static Set<String> with(Set<String> bound, String a, String b) {
    Set<String> s = new HashSet<>(bound);
    if (a != null) {
      s.add(a);
    }
    s.add(b);
    return s;
  }
}
