package dev.ingot.template.hcl;

import dev.ingot.diag.Range;

/**
 * The flat first stage of template parsing: literals (already stripped), interpolations and
 * directive markers, before {@link TemplateTree} nests the directives.
 */
sealed interface TemplatePiece {
  Range range();

  /** Literal text; mutable so that strip markers and {@code <<-} can trim it in place. */
  final class Lit implements TemplatePiece {
    String value;
    Range range;

    Lit(String value, Range range) {
      this.value = value;
      this.range = range;
    }

    @Override
    public Range range() {
      return range;
    }
  }

  record Interp(Expr expr, Range range) implements TemplatePiece {}

  record IfOpen(Expr condition, Range range) implements TemplatePiece {}

  record ForOpen(String keyVar, String valueVar, Expr collection, Range range)
      implements TemplatePiece {}

  /** {@code else}, {@code endif} or {@code endfor}. */
  record Close(String keyword, Range range) implements TemplatePiece {}

  /** The end of the template. */
  record End(Range range) implements TemplatePiece {}
}
