package dev.ingot.template.value;

/** A known bool. */
public record BoolValue(boolean value, boolean sensitive) implements Value {
  @Override
  public Type type() {
    return Type.BOOL;
  }

  @Override
  public Value withSensitive(boolean s) {
    return new BoolValue(value, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
