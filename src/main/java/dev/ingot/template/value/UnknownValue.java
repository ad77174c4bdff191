package dev.ingot.template.value;

import java.util.Objects;

/**
 * A value of a given type that is known only when the build runs (for example a source's output
 * during validation). Operations on unknowns give unknowns.
 */
public record UnknownValue(Type type, boolean sensitive) implements Value {
  public UnknownValue {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Value withSensitive(boolean s) {
    return new UnknownValue(type, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
