package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import java.util.Objects;

/**
 * A function parameter: its name (used in messages), the type arguments are converted to, and what
 * the function can take without the caller's help. Unless allowed, a null argument is an error, an
 * argument that is not wholly known makes the result unknown, and a sensitive argument is unmarked
 * for the call and makes the result sensitive. Immutable.
 */
public record Param(
    String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowSensitive) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Param of(String name, Type type) {
    return new Param(name, type, false, false, false);
  }

  public Param withAllowNull() {
    return new Param(name, type, true, allowUnknown, allowSensitive);
  }

  public Param withAllowUnknown() {
    return new Param(name, type, allowNull, true, allowSensitive);
  }

  public Param withAllowSensitive() {
    return new Param(name, type, allowNull, allowUnknown, true);
  }
}
