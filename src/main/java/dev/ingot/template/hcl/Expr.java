package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.math.BigDecimal;
import java.util.List;

/**
 * An unevaluated expression of HCL's native syntax: the closed set of node types, each with its
 * source range. A syntax error leaves an {@link Invalid} placeholder so the tree stays whole. All
 * nodes are immutable records.
 */
public sealed interface Expr {
  Range range();

  /**
   * The variable references this expression makes, such as {@code var.a} or {@code local.b[0]}, in
   * source order. Names bound inside the expression ({@code for} variables) are left out.
   */
  default List<ScopeTraversal> references() {
    return References.of(this);
  }

  /** A number literal. */
  record Number(BigDecimal value, Range range) implements Expr {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, Range range) implements Expr {}

  /** {@code null}. */
  record Null(Range range) implements Expr {}

  /** A quoted string, heredoc or bare template made of literal text, interpolations, directives. */
  record Template(List<TemplatePart> parts, TemplateKind kind, Range range) implements Expr {
    public Template {
      parts = List.copyOf(parts);
    }

    /** True when the template is one {@code ${...}} and nothing else, which yields its value. */
    public boolean isSingleInterpolation() {
      return parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interp;
    }

    /** The text if this template is only literal text (no interpolation, no directive). */
    public java.util.Optional<String> literalText() {
      if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Text t) {
        return java.util.Optional.of(t.value());
      }
      return java.util.Optional.empty();
    }
  }

  /** {@code [a, b, c]}. */
  record TupleCons(List<Expr> items, Range range) implements Expr {
    public TupleCons {
      items = List.copyOf(items);
    }
  }

  /** {@code {a = 1, "b" = 2, (c) = 3}}. */
  record ObjectCons(List<ObjectItem> items, Range range) implements Expr {
    public ObjectCons {
      items = List.copyOf(items);
    }
  }

  /** {@code -x} or {@code !x}. */
  record Unary(UnaryOp op, Expr operand, Range range, Range opRange) implements Expr {}

  /** {@code a op b}. */
  record Binary(BinaryOp op, Expr left, Expr right, Range range, Range opRange) implements Expr {}

  /** {@code cond ? a : b}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Range range) implements Expr {}

  /** A variable and constant steps into it: {@code var.x.y[0]}; the first step is a root. */
  record ScopeTraversal(List<Step> steps, Range range) implements Expr {
    public ScopeTraversal {
      steps = List.copyOf(steps);
      if (steps.isEmpty() || !(steps.get(0) instanceof Step.Root)) {
        throw new IllegalArgumentException("a scope traversal starts with a root name");
      }
    }

    public String rootName() {
      return ((Step.Root) steps.get(0)).name();
    }

    /** The traversal as written in canonical form, e.g. {@code var.x["a"][0]}. */
    @Override
    public String toString() {
      return Step.render(steps);
    }
  }

  /** Constant steps applied to the result of another expression: {@code f(x).a[0]}. */
  record RelativeTraversal(Expr source, List<Step> steps, Range range) implements Expr {
    public RelativeTraversal {
      steps = List.copyOf(steps);
    }
  }

  /** {@code collection[key]} with a key that is not a constant. */
  record Index(Expr collection, Expr key, Range range, Range bracketRange) implements Expr {}

  /**
   * {@code source[*].each} or {@code source.*.each}: {@code each} is evaluated once per element,
   * with {@link SplatItem} standing for the element.
   */
  record Splat(Expr source, Expr each, boolean attrOnly, Range range, Range markerRange)
      implements Expr {}

  /** The element placeholder inside a {@link Splat}. */
  record SplatItem(Range range) implements Expr {}

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if
   * cond}}. {@code keyVar}, {@code keyExpr} and {@code condition} may be null.
   */
  record For(
      String keyVar,
      String valueVar,
      Expr collection,
      Expr keyExpr,
      Expr valueExpr,
      Expr condition,
      boolean grouping,
      boolean object,
      Range range,
      Range openRange,
      Range closeRange)
      implements Expr {}

  /** {@code name(args...)}, with {@code expandFinal} for a final {@code ...}. */
  record Call(
      String name,
      List<Expr> args,
      boolean expandFinal,
      Range range,
      Range nameRange,
      Range openParenRange,
      Range closeParenRange)
      implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code (inner)}. */
  record Paren(Expr inner, Range range) implements Expr {}

  /** Placeholder for an expression that could not be parsed (the error is already reported). */
  record Invalid(Range range) implements Expr {}
}
