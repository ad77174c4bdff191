package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.List;

/** One step of a traversal: the root name, an attribute name, or a constant index. */
public sealed interface Step {
  Range range();

  /** The variable a scope traversal starts from. */
  record Root(String name, Range range) implements Step {}

  /** {@code .name}. */
  record Attr(String name, Range range) implements Step {}

  /**
   * {@code [key]} with a literal key, or the legacy {@code .0}. The key is a {@link Expr.Number},
   * {@link Expr.Bool}, {@link Expr.Null} or literal-only {@link Expr.Template}.
   */
  record Index(Expr key, Range range) implements Step {}

  /** Renders steps as canonical source, e.g. {@code var.x["a"][0]}. */
  static String render(List<Step> steps) {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      switch (s) {
        case Root r -> sb.append(r.name());
        case Attr a -> sb.append('.').append(a.name());
        case Index i -> sb.append('[').append(renderKey(i.key())).append(']');
      }
    }
    return sb.toString();
  }

  private static String renderKey(Expr key) {
    return switch (key) {
      case Expr.Number n -> n.value().toPlainString();
      case Expr.Bool b -> Boolean.toString(b.value());
      case Expr.Template t -> Strings.quote(t.literalText().orElse(""));
      default -> "null";
    };
  }
}
