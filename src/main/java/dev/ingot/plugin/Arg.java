package dev.ingot.plugin;

/**
 * One argument of a plugin's schema. {@code defaultValue} is a plain Java value as in {@link
 * Config} or null. {@code block} is true when the argument is written as nested block(s), e.g.
 * {@code ignore { … }} (then the type is an object or a list of objects); {@code sensitive} masks
 * it in every output.
 */
public record Arg(
    String name,
    ArgType type,
    boolean required,
    Object defaultValue,
    String description,
    boolean block,
    boolean sensitive) {
  public Arg {
    if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("bad argument name: " + name);
    }
    description = description == null ? "" : description;
  }

  public static Arg required(String name, ArgType type, String description) {
    return new Arg(name, type, true, null, description, false, false);
  }

  public static Arg optional(String name, ArgType type, Object defaultValue, String description) {
    return new Arg(name, type, false, defaultValue, description, false, false);
  }

  /** Nested blocks, repeated: {@code name { … }} any number of times. */
  public static Arg blocks(String name, Schema schema, String description) {
    return new Arg(
        name, ArgType.listOf(ArgType.object(schema)), false, null, description, true, false);
  }

  public Arg asSensitive() {
    return new Arg(name, type, required, defaultValue, description, block, true);
  }
}
