package dev.ingot.template.value;

import java.util.List;

/** A known tuple: a fixed sequence of elements, each with its own type. */
public record TupleValue(List<Value> elements, boolean sensitive) implements Value {
  public TupleValue {
    elements = List.copyOf(elements);
  }

  @Override
  public Type type() {
    return new TupleType(elements.stream().map(Value::type).toList());
  }

  @Override
  public Value withSensitive(boolean s) {
    return new TupleValue(elements, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
