package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostics;
import dev.ingot.template.value.Value;

/**
 * The value of an expression and the problems found evaluating it. When there are errors the value
 * is a placeholder (usually an unknown of the dynamic type) so that callers can carry on and report
 * everything at once. Immutable.
 */
public record EvalResult(Value value, Diagnostics diagnostics) {
  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }
}
