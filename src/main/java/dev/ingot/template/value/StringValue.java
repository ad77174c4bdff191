package dev.ingot.template.value;

import java.util.Objects;

/** A known string. */
public record StringValue(String value, boolean sensitive) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "string");
  }

  @Override
  public Type type() {
    return Type.STRING;
  }

  @Override
  public Value withSensitive(boolean s) {
    return new StringValue(value, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
