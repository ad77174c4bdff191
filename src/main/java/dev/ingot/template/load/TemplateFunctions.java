package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.fn.Fn;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Set;

/**
 * The functions of each part of a template. As in Packer, {@code env()} may be called only in
 * variable defaults; elsewhere a call is reported by {@link #checkNoEnv} and evaluated by a
 * stand-in that gives an unknown string, so the one mistake gives one message. Also rejects {@code
 * source.*} and {@code build.*} outside builds. Stateless.
 */
final class TemplateFunctions {
  private TemplateFunctions() {}

  /** {@code functions} with env() replaced by the stand-in. */
  static Functions withoutEnv(Functions functions) {
    return functions.with(
        List.of(
            Fn.builder("env", "Not available here: env() may be used in variable defaults only.")
                .param("key", Type.STRING)
                .returns(Type.STRING)
                .body((args, ctx) -> Value.unknown(Type.STRING))));
  }

  /** Reports every env() call in {@code e}. */
  static void checkNoEnv(Expr e, List<Diagnostic> diags) {
    ExprWalker.each(
        e,
        x -> {
          if (x instanceof Expr.Call c && c.name().equals("env")) {
            diags.add(
                Diagnostic.error(
                    "Function \"env\" not allowed here",
                    "As in Packer, env() may be used only in the default of a variable. Declare"
                        + " variable \"NAME\" { default = env(\"...\") } and use var.NAME here.",
                    c.nameRange()));
          }
        });
  }

  private static final Set<String> BUILD_ONLY = Set.of("source", "build");

  /** Reports every reference to {@code source.*} or {@code build.*} in {@code e} (e.g. a local). */
  static void checkNoBuildReferences(Expr e, String where, List<Diagnostic> diags) {
    for (Expr.ScopeTraversal t : e.references()) {
      if (BUILD_ONLY.contains(t.rootName())) {
        diags.add(
            Diagnostic.error(
                "Invalid reference",
                t.rootName()
                    + ".* is only known inside a build: use it in a source, provisioner or"
                    + " post-processor block, not in "
                    + where
                    + ".",
                t.range()));
      }
    }
  }
}
