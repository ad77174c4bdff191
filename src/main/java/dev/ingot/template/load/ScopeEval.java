package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression in one scope of the template (for example: variables and locals, or those
 * plus {@code source} and {@code build} inside a build), with {@code extra} names bound on top (a
 * dynamic block's iterator). Problems are added to {@code diags}; the result is then an unknown
 * value. Implementations are immutable.
 */
@FunctionalInterface
interface ScopeEval {
  Value eval(Expr e, Map<String, Value> extra, List<Diagnostic> diags);
}
