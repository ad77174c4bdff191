package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function made of its signature and a body, built with {@link #builder}. Immutable and
 * thread-safe when the body is.
 */
public record Fn(
    String name,
    String description,
    List<Param> params,
    Optional<Param> variadic,
    ReturnType returns,
    Body body)
    implements Function {

  /** The body of a function: computes the result from checked arguments. */
  @FunctionalInterface
  public interface Body {
    Value apply(List<Value> args, FunctionContext ctx) throws FunctionException;
  }

  /** The result type for given arguments. */
  @FunctionalInterface
  public interface ReturnType {
    Type of(List<Value> args);
  }

  public Fn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    params = List.copyOf(params);
    Objects.requireNonNull(variadic, "variadic");
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(body, "body");
  }

  public static Builder builder(String name, String description) {
    return new Builder(name, description);
  }

  @Override
  public Type returnType(List<Value> args) {
    return returns.of(args);
  }

  @Override
  public Value call(List<Value> args, FunctionContext ctx) throws FunctionException {
    return body.apply(args, ctx);
  }

  /** Builds an {@link Fn}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String description;
    private final List<Param> params = new ArrayList<>();
    private Param variadic;
    private ReturnType returns = args -> Type.DYNAMIC;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    public Builder param(String paramName, Type type) {
      return param(Param.of(paramName, type));
    }

    public Builder param(Param p) {
      params.add(p);
      return this;
    }

    public Builder variadic(String paramName, Type type) {
      return variadic(Param.of(paramName, type));
    }

    public Builder variadic(Param p) {
      variadic = p;
      return this;
    }

    public Builder returns(Type type) {
      returns = args -> type;
      return this;
    }

    public Builder returns(ReturnType r) {
      returns = r;
      return this;
    }

    public Fn body(Body body) {
      return new Fn(name, description, params, Optional.ofNullable(variadic), returns, body);
    }
  }
}
