package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostics;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Value;

/**
 * Evaluates HCL expressions over Ingot's value model with HCL's semantics and messages. Problems
 * are diagnostics placed on the exact sub-expression ("Unsupported attribute" on {@code .nmae},
 * "Invalid function argument" on the argument); evaluation carries on with an unknown placeholder,
 * so one call reports everything. Unknown inputs give unknown results (for validation before a
 * build), and a result computed from a sensitive value is sensitive. Stateless and thread-safe.
 */
public final class Evaluator {
  /** Deeper nesting than this is reported instead of overflowing the stack. */
  static final int MAX_DEPTH = 2000;

  private Evaluator() {}

  /** The value of {@code expr} in {@code ctx}, with any diagnostics. */
  public static EvalResult evaluate(Expr expr, EvalContext ctx) {
    Eval ev = new Eval(ctx);
    Value v = ev.eval(expr, Scope.root(ctx.variables()));
    return new EvalResult(v, new Diagnostics(ev.diags));
  }
}
