package dev.ingot.template.eval;

import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.value.Value;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an expression may refer to: the root variables ({@code var}, {@code local}, {@code source},
 * {@code build}, {@code path}, {@code packer}, ...) as values, the function table and what
 * functions may use from outside. When {@code variablesAllowed} or {@code functionsAllowed} is
 * false, any reference or call is an error ("Variables not allowed"), as in places such as a
 * variable's default. Immutable and thread-safe.
 */
public record EvalContext(
    Map<String, Value> variables,
    Functions functions,
    FunctionContext functionContext,
    boolean variablesAllowed,
    boolean functionsAllowed) {
  public EvalContext {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(functionContext, "functionContext");
  }

  /** A context with these variables and functions, both allowed. */
  public static EvalContext of(
      Map<String, Value> variables, Functions functions, FunctionContext functionContext) {
    return new EvalContext(variables, functions, functionContext, true, true);
  }

  /** A context for constant expressions: no variables, no function calls. */
  public static EvalContext constant() {
    return new EvalContext(
        Map.of(), Functions.of(List.of()), FunctionContext.of(Path.of(".")), false, false);
  }

  /** A copy with {@code name} set (or replaced) to {@code value}. */
  public EvalContext withVariable(String name, Value value) {
    Map<String, Value> copy = new HashMap<>(variables);
    copy.put(name, value);
    return new EvalContext(copy, functions, functionContext, true, functionsAllowed);
  }

  public EvalContext withVariables(Map<String, Value> vars) {
    return new EvalContext(vars, functions, functionContext, true, functionsAllowed);
  }

  public EvalContext withFunctions(Functions fns) {
    return new EvalContext(variables, fns, functionContext, variablesAllowed, true);
  }

  public EvalContext withFunctionContext(FunctionContext fc) {
    return new EvalContext(variables, functions, fc, variablesAllowed, functionsAllowed);
  }
}
