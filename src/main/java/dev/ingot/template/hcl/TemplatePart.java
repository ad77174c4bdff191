package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.List;

/** A piece of a template: literal text, an interpolation, or an if/for directive. */
public sealed interface TemplatePart {
  Range range();

  /** Literal text with escapes decoded and strip markers already applied. */
  record Text(String value, Range range) implements TemplatePart {}

  /** {@code ${expr}}. */
  record Interp(Expr expr, Range range) implements TemplatePart {}

  /** {@code %{if cond}then%{else}otherwise%{endif}}; {@code otherwise} is empty without else. */
  record If(Expr condition, List<TemplatePart> then, List<TemplatePart> otherwise, Range range)
      implements TemplatePart {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code %{for k, v in coll}body%{endfor}}; {@code keyVar} may be null. */
  record For(String keyVar, String valueVar, Expr collection, List<TemplatePart> body, Range range)
      implements TemplatePart {
    public For {
      body = List.copyOf(body);
    }
  }
}
