package dev.ingot.template.fn;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.EvalResult;
import dev.ingot.template.eval.Evaluator;
import dev.ingot.template.eval.HclTemplateRenderer;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a table case with the real HCL parser and evaluator, the standard library and two
 * test-only functions: {@code sensitive(x)} marks its argument, {@code unknown(x)} gives an unknown
 * of its argument's type. Immutable.
 */
record CaseEval(EvalContext ctx) {
  /** The outcome: a value, or the first error's detail. */
  record Outcome(Value value, String error) {}

  static CaseEval in(FunctionContext fctx) {
    Functions fns =
        Functions.standard()
            .with(
                List.of(
                    Fn.builder("sensitive", "Test helper: marks the value sensitive.")
                        .param(
                            Param.of("v", Type.DYNAMIC)
                                .withAllowNull()
                                .withAllowUnknown()
                                .withAllowSensitive())
                        .body((a, c) -> a.get(0).markSensitive()),
                    Fn.builder("unknown", "Test helper: an unknown of the value's type.")
                        .param(Param.of("v", Type.DYNAMIC).withAllowNull().withAllowUnknown())
                        .body((a, c) -> Value.unknown(a.get(0).type()))));
    FunctionContext withRenderer = fctx.withRenderer(new HclTemplateRenderer(fns, fctx));
    return new CaseEval(EvalContext.of(Map.of(), fns, withRenderer));
  }

  Outcome eval(String expr) {
    HclParser.ExprResult parsed =
        HclParser.parseExpression(expr.getBytes(StandardCharsets.UTF_8), "case.hcl");
    if (parsed.diagnostics().hasErrors()) {
      throw new IllegalArgumentException("the case does not parse: " + first(parsed.diagnostics()));
    }
    EvalResult r = Evaluator.evaluate(parsed.expr(), ctx);
    return r.hasErrors() ? new Outcome(null, first(r.diagnostics())) : new Outcome(r.value(), null);
  }

  private static String first(Diagnostics d) {
    Diagnostic e = d.errors().get(0);
    return e.summary() + ": " + e.detail();
  }
}
