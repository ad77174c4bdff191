package dev.ingot.template.value;

import java.util.List;
import java.util.Objects;

/** A known list: every element has exactly {@code elementType}. */
public record ListValue(Type elementType, List<Value> elements, boolean sensitive)
    implements Value {
  public ListValue {
    Objects.requireNonNull(elementType, "element type");
    elements = List.copyOf(elements);
    Construct.checkElements("list", elementType, elements);
  }

  @Override
  public Type type() {
    return new ListType(elementType);
  }

  @Override
  public Value withSensitive(boolean s) {
    return new ListValue(elementType, elements, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
