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
      case Expr.ScopeTraversal t -> {
        if (!bound.contains(t.rootName())) {
          out.add(t);
        }
        AstDepth.children(t).forEach(c -> walk(c, bound));
      }
      case Expr.Template t -> parts(t.parts(), bound);
      case Expr.ObjectCons o -> {
        for (ObjectItem item : o.items()) {
          if (item.literalKey().isEmpty()) {
            walk(item.key(), bound);
          }
          walk(item.value(), bound);
        }
      }
      case Expr.For f -> forExpr(f, bound);
      default -> AstDepth.children(e).forEach(c -> walk(c, bound));
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
