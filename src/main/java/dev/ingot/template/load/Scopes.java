package dev.ingot.template.load;

import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.EvalResult;
import dev.ingot.template.eval.Evaluator;

/** {@link ScopeEval}s over the HCL evaluator. Stateless. */
final class Scopes {
  private Scopes() {}

  /** Evaluates in {@code ctx} plus the extra names; diagnostics go to the caller's list. */
  static ScopeEval of(EvalContext ctx) {
    return (e, extra, diags) -> {
      EvalContext c = ctx;
      for (var x : extra.entrySet()) {
        c = c.withVariable(x.getKey(), x.getValue());
      }
      EvalResult r = Evaluator.evaluate(e, c);
      diags.addAll(r.diagnostics().all());
      return r.value();
    };
  }
}
