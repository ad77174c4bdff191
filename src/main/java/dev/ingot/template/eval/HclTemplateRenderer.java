package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.fn.Function;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.FunctionException;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.fn.TemplateRenderer;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code templatefile}'s renderer: parses the file text as a bare HCL template and evaluates it
 * with only the given variables (their names are checked by the {@code templatefile} function) (and
 * the functions, minus {@code templatefile} itself, so a template cannot recurse). Problems come
 * back as a {@link FunctionException} naming the place in the template file. Immutable and
 * thread-safe.
 */
public final class HclTemplateRenderer implements TemplateRenderer {
  private final Functions functions;
  private final FunctionContext functionContext;

  /** Templates may call {@code functions}, with {@code functionContext} (its renderer unused). */
  public HclTemplateRenderer(Functions functions, FunctionContext functionContext) {
    this.functions = functions;
    this.functionContext = functionContext;
  }

  @Override
  public Value render(String text, String filename, Map<String, Value> vars)
      throws FunctionException {
    HclParser.ExprResult parsed =
        HclParser.parseTemplate(text.getBytes(StandardCharsets.UTF_8), filename);
    if (parsed.diagnostics().hasErrors()) {
      throw failure(parsed.diagnostics().errors().get(0));
    }
    for (Expr.ScopeTraversal ref : parsed.expr().references()) {
      if (!vars.containsKey(ref.rootName())) {
        throw FunctionException.argument(
            1,
            "vars",
            "vars map does not contain key \""
                + ref.rootName()
                + "\", referenced at "
                + describe(ref.range()));
      }
    }
    Functions inner = functions.with(java.util.List.of(recursionGuard()));
    EvalContext ctx =
        EvalContext.of(vars, inner, functionContext.withRenderer(TemplateRenderer.NONE));
    EvalResult r = Evaluator.evaluate(parsed.expr(), ctx);
    if (r.hasErrors()) {
      throw failure(r.diagnostics().errors().get(0));
    }
    return r.value();
  }

  private static FunctionException failure(Diagnostic d) {
    String where = d.subject() == null ? "" : describe(d.subject()) + ": ";
    return FunctionException.failed("templatefile", where + d.summary() + "; " + d.detail());
  }

  private static String describe(Range r) {
    return r.filename()
        + ":"
        + r.start().line()
        + ","
        + r.start().column()
        + "-"
        + r.end().column();
  }

  private static Function recursionGuard() {
    return dev.ingot.template.fn.Fn.builder("templatefile", "Not available inside a template.")
        .param("path", dev.ingot.template.value.Type.STRING)
        .param("vars", dev.ingot.template.value.Type.DYNAMIC)
        .body(
            (args, ctx) -> {
              throw FunctionException.failed(
                  "templatefile",
                  "cannot recursively call templatefile from inside another templatefile call");
            });
  }
}
