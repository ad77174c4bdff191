package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A function callable from templates, like {@code upper("x")}. Implementations are stateless and
 * thread-safe. The evaluator calls {@link #invoke}, which checks the number of arguments, converts
 * them to the parameter types and applies the rules of {@link Param} (nulls, unknowns, sensitive
 * values) before {@link #call}.
 */
public interface Function {
  String name();

  /** The fixed parameters, in order. */
  List<Param> params();

  /** The parameter that takes any number of further arguments, if the function has one. */
  Optional<Param> variadic();

  /** One sentence saying what the function does. */
  String description();

  /** The type of the result for these (converted) arguments, used for unknown results. */
  Type returnType(List<Value> args);

  /**
   * Computes the result. {@code args} are already converted to the parameter types, not null unless
   * the parameter allows it, wholly known unless it allows unknowns, and unmarked unless it allows
   * sensitive values.
   */
  Value call(List<Value> args, FunctionContext ctx) throws FunctionException;

  /** Checks and converts the arguments, then calls the function; see {@link Param}. */
  default Value invoke(List<Value> args, FunctionContext ctx) throws FunctionException {
    return Invoker.invoke(this, args, ctx);
  }
}
