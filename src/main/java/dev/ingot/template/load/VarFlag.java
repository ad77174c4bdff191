package dev.ingot.template.load;

import dev.ingot.template.value.Type;

/**
 * A {@code -var 'name=value'} option split at its first "=", as Packer splits it; the value may
 * itself contain "=". Immutable.
 */
public record VarFlag(String name, String value) {
  public VarFlag {
    if (name == null || name.isEmpty() || value == null) {
      throw new IllegalArgumentException("a -var option needs a name and a value");
    }
  }

  /**
   * Parses the text after {@code -var}; IllegalArgumentException with a message for the user when
   * there is no "=" or no name.
   */
  public static VarFlag parse(String raw) {
    int eq = raw.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(
          "The -var option \"" + raw + "\" has no \"=\": write it as -var 'NAME=VALUE'.");
    }
    String name = raw.substring(0, eq).strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "The -var option \"" + raw + "\" has no variable name before \"=\".");
    }
    return new VarFlag(name, raw.substring(eq + 1));
  }

  /**
   * Whether a raw string for a variable of {@code type} (from -var or the environment) is read as
   * an HCL expression, as Packer does for lists, maps, objects and the like; strings, numbers,
   * bools and untyped variables take the text as it is (then converted to the type).
   */
  public static boolean readsAsExpression(Type type) {
    return !(type.isPrimitive() || type == Type.DYNAMIC);
  }
}
