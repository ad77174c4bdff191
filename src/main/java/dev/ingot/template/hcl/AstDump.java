package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.List;

/**
 * Renders a syntax tree as indented text, one node a line, for golden-file tests and debugging.
 * With {@code ranges} false the output is the same for any two trees that differ only in layout,
 * which is how the formatter's round trip is checked. Stateless and thread-safe.
 */
public final class AstDump {
  private final boolean ranges;
  private final StringBuilder out = new StringBuilder();

  private AstDump(boolean ranges) {
    this.ranges = ranges;
  }

  public static String of(Body body, boolean ranges) {
    AstDump d = new AstDump(ranges);
    d.body(body, 0);
    return d.out.toString();
  }

  public static String of(Expr expr, boolean ranges) {
    AstDump d = new AstDump(ranges);
    d.expr(expr, 0);
    return d.out.toString();
  }

  private void line(int depth, String text, Range r) {
    out.append("  ".repeat(depth)).append(text);
    if (ranges && r != null) {
      out.append(" @")
          .append(r.start().line())
          .append(':')
          .append(r.start().column())
          .append('-')
          .append(r.end().line())
          .append(':')
          .append(r.end().column());
    }
    out.append('\n');
  }

  private void body(Body b, int depth) {
    for (BodyItem item : b.items()) {
      switch (item) {
        case Attribute a -> {
          line(depth, "attribute " + a.name(), a.range());
          expr(a.expr(), depth + 1);
        }
        case Block blk -> {
          StringBuilder sb = new StringBuilder("block ").append(blk.type());
          for (Block.Label l : blk.labels()) {
            sb.append(' ').append(Strings.quote(l.value()));
          }
          line(depth, sb.toString(), blk.range());
          body(blk.body(), depth + 1);
        }
      }
    }
  }

  private void expr(Expr e, int d) {
    switch (e) {
      case Expr.Number n -> line(d, "number " + n.value().toPlainString(), n.range());
      case Expr.Bool b -> line(d, "bool " + b.value(), b.range());
      case Expr.Null n -> line(d, "null", n.range());
      case Expr.Invalid i -> line(d, "invalid", i.range());
      case Expr.SplatItem s -> line(d, "splat-item", s.range());
      case Expr.Template t -> {
        line(d, "template " + t.kind().name().toLowerCase(java.util.Locale.ROOT), t.range());
        parts(t.parts(), d + 1);
      }
      case Expr.TupleCons t -> {
        line(d, "tuple", t.range());
        t.items().forEach(i -> expr(i, d + 1));
      }
      case Expr.ObjectCons o -> {
        line(d, "object", o.range());
        for (ObjectItem item : o.items()) {
          line(d + 1, "item", item.range());
          expr(item.key(), d + 2);
          expr(item.value(), d + 2);
        }
      }
      case Expr.Unary u -> {
        line(d, "unary " + u.op().symbol(), u.range());
        expr(u.operand(), d + 1);
      }
      case Expr.Binary b -> {
        line(d, "binary " + b.op().symbol(), b.range());
        expr(b.left(), d + 1);
        expr(b.right(), d + 1);
      }
      case Expr.Conditional c -> {
        line(d, "conditional", c.range());
        expr(c.condition(), d + 1);
        expr(c.whenTrue(), d + 1);
        expr(c.whenFalse(), d + 1);
      }
      case Expr.ScopeTraversal t -> line(d, "traversal " + t, t.range());
      case Expr.RelativeTraversal t -> {
        line(d, "relative " + Step.render(t.steps()), t.range());
        expr(t.source(), d + 1);
      }
      case Expr.Index i -> {
        line(d, "index", i.range());
        expr(i.collection(), d + 1);
        expr(i.key(), d + 1);
      }
      case Expr.Splat s -> {
        line(d, s.attrOnly() ? "splat .*" : "splat [*]", s.range());
        expr(s.source(), d + 1);
        expr(s.each(), d + 1);
      }
      case Expr.For f -> forExpr(f, d);
      case Expr.Call c -> {
        line(d, "call " + c.name() + (c.expandFinal() ? " ..." : ""), c.range());
        c.args().forEach(a -> expr(a, d + 1));
      }
      case Expr.Paren p -> {
        line(d, "paren", p.range());
        expr(p.inner(), d + 1);
      }
    }
  }

  private void forExpr(Expr.For f, int d) {
    String vars = (f.keyVar() == null ? "" : f.keyVar() + ", ") + f.valueVar();
    String head = (f.object() ? "for-object " : "for-tuple ") + vars + (f.grouping() ? " ..." : "");
    line(d, head, f.range());
    expr(f.collection(), d + 1);
    if (f.keyExpr() != null) {
      line(d + 1, "key:", null);
      expr(f.keyExpr(), d + 2);
    }
    line(d + 1, "value:", null);
    expr(f.valueExpr(), d + 2);
    if (f.condition() != null) {
      line(d + 1, "if:", null);
      expr(f.condition(), d + 2);
    }
  }

  private void parts(List<TemplatePart> parts, int d) {
    for (TemplatePart part : parts) {
      switch (part) {
        case TemplatePart.Text t -> line(d, "text " + Strings.quote(t.value()), t.range());
        case TemplatePart.Interp i -> {
          line(d, "interp", i.range());
          expr(i.expr(), d + 1);
        }
        case TemplatePart.If i -> {
          line(d, "if", i.range());
          expr(i.condition(), d + 1);
          line(d + 1, "then:", null);
          parts(i.then(), d + 2);
          if (!i.otherwise().isEmpty()) {
            line(d + 1, "else:", null);
            parts(i.otherwise(), d + 2);
          }
        }
        case TemplatePart.For f -> {
          line(d, "for " + (f.keyVar() == null ? "" : f.keyVar() + ", ") + f.valueVar(), f.range());
          expr(f.collection(), d + 1);
          line(d + 1, "do:", null);
          parts(f.body(), d + 2);
        }
      }
    }
  }
}
