package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.Type;
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

  /**
   * The value of the argument {@code attribute} converted to {@code type}, as HCL decodes a block's
   * arguments: a value that does not convert is "Incorrect attribute value type" on the expression
   * ("Inappropriate value for attribute "size": a number is required."), and the result is then an
   * unknown of {@code type}.
   */
  public static EvalResult evaluateAs(Expr expr, EvalContext ctx, Type type, String attribute) {
    EvalResult r = evaluate(expr, ctx);
    if (r.hasErrors()) {
      return new EvalResult(Value.unknown(type), r.diagnostics());
    }
    try {
      return new EvalResult(Convert.to(r.value(), type), r.diagnostics());
    } catch (ConversionException e) {
      Diagnostic d =
          Diagnostic.error(
              "Incorrect attribute value type",
              "Inappropriate value for attribute \"" + attribute + "\": " + e.getMessage() + ".",
              expr.range());
      return new EvalResult(Value.unknown(type), r.diagnostics().plus(d));
    }
  }
}
