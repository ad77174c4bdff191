package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.Optional;

/**
 * One {@code key = value} (or {@code key : value}) of an object constructor. Immutable.
 *
 * @param key the key expression as parsed; a bare name is a literal key (see {@link #literalKey()})
 * @param value the value expression
 * @param range from the key to the value
 */
public record ObjectItem(Expr key, Expr value, Range range) {
  /**
   * The key as a literal name when it is written as a bare identifier (or {@code true}, {@code
   * false}, {@code null}), which HCL reads as a string rather than a variable; empty otherwise.
   * Write {@code (name)} to use a variable's value as the key.
   */
  public Optional<String> literalKey() {
    return switch (key) {
      case Expr.ScopeTraversal t when t.steps().size() == 1 -> Optional.of(t.rootName());
      case Expr.Bool b -> Optional.of(Boolean.toString(b.value()));
      case Expr.Null n -> Optional.of("null");
      default -> Optional.empty();
    };
  }
}
