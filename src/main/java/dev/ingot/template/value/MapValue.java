package dev.ingot.template.value;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/** A known map: string keys (sorted), every value of exactly {@code elementType}. */
public record MapValue(Type elementType, SortedMap<String, Value> entries, boolean sensitive)
    implements Value {
  public MapValue(Type elementType, Map<String, Value> entries, boolean sensitive) {
    this(elementType, Construct.sortedCopy(entries), sensitive);
  }

  public MapValue {
    Objects.requireNonNull(elementType, "element type");
    entries = Construct.sortedCopy(entries);
    Construct.checkElements("map", elementType, entries.values());
  }

  @Override
  public Type type() {
    return new MapType(elementType);
  }

  @Override
  public Value withSensitive(boolean s) {
    return new MapValue(elementType, entries, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
