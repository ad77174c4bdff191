package dev.ingot.plugin;

/**
 * The type of a plugin argument. A closed set kept close to HCL types; values reach plugins as
 * plain Java values (see {@link Config}).
 */
public sealed interface ArgType {
  /** A string (numbers and bools convert to it, as HCL does). */
  record Str() implements ArgType {}

  /** A number (arbitrary precision). */
  record Num() implements ArgType {}

  record Bool() implements ArgType {}

  /** A list of elements of one type. */
  record ListOf(ArgType element) implements ArgType {}

  /** A map from string keys to elements of one type. */
  record MapOf(ArgType element) implements ArgType {}

  /** An object with its own schema (a nested block or an object value). */
  record Obj(Schema schema) implements ArgType {}

  /** Anything; the plugin checks it. */
  record Any() implements ArgType {}

  ArgType STRING = new Str();
  ArgType NUMBER = new Num();
  ArgType BOOL = new Bool();
  ArgType ANY = new Any();
  ArgType STRING_LIST = new ListOf(STRING);
  ArgType STRING_MAP = new MapOf(STRING);

  static ArgType listOf(ArgType t) {
    return new ListOf(t);
  }

  static ArgType mapOf(ArgType t) {
    return new MapOf(t);
  }

  static ArgType object(Schema s) {
    return new Obj(s);
  }

  /** The name used in diagnostics, in HCL's notation: "list(string)". */
  default String display() {
    return switch (this) {
      case Str s -> "string";
      case Num n -> "number";
      case Bool b -> "bool";
      case ListOf l -> "list(" + l.element().display() + ")";
      case MapOf m -> "map(" + m.element().display() + ")";
      case Obj o -> "object";
      case Any a -> "any";
    };
  }
}
