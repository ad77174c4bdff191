package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;

/**
 * {@code env(name)}: an environment variable, or "" when it is not set. As in Packer it may only be
 * used in a variable's default, so a template's inputs are declared in one place.
 */
final class EnvFunction {
  private EnvFunction() {}

  static Function function() {
    return Fn.builder(
            "env",
            "Returns the value of an environment variable (\"\" if unset); only allowed in variable defaults.")
        .param("key", Type.STRING)
        .returns(Type.STRING)
        .body(
            (a, ctx) -> {
              if (!ctx.envAllowed()) {
                throw FunctionException.failed(
                    "env",
                    "env() can only be used in the default value of a variable block; declare variable \"x\" { default = env(\""
                        + a.get(0).asString()
                        + "\") } and use var.x here");
              }
              return Value.string(ctx.env().getOrDefault(a.get(0).asString(), ""));
            });
  }
}
