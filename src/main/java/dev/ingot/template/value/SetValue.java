package dev.ingot.template.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A known set: distinct elements of exactly {@code elementType}, kept in cty's order (strings by
 * code point, numbers ascending, false before true; other elements by their printed form).
 */
public record SetValue(Type elementType, List<Value> elements, boolean sensitive) implements Value {
  public SetValue {
    Objects.requireNonNull(elementType, "element type");
    Construct.checkElements("set", elementType, elements);
    List<Value> sorted = new ArrayList<>(elements);
    sorted.sort(ValueOrder.INSTANCE);
    List<Value> distinct = new ArrayList<>(sorted.size());
    for (Value v : sorted) {
      if (distinct.isEmpty() || !distinct.getLast().equals(v) || !v.isKnown()) {
        distinct.add(v);
      }
    }
    elements = List.copyOf(distinct);
  }

  @Override
  public Type type() {
    return new SetType(elementType);
  }

  @Override
  public Value withSensitive(boolean s) {
    return new SetValue(elementType, elements, s);
  }

  public boolean contains(Value v) {
    return elements.contains(v);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
