package dev.ingot.template.value;

import java.util.Objects;

/** A null of a given type (HCL's {@code null} literal is a null of the dynamic pseudo-type). */
public record NullValue(Type type, boolean sensitive) implements Value {
  public NullValue {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Value withSensitive(boolean s) {
    return new NullValue(type, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
