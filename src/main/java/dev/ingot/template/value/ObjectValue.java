package dev.ingot.template.value;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A known object: named attributes (sorted by name), each with its own type. */
public record ObjectValue(SortedMap<String, Value> attributes, boolean sensitive) implements Value {
  public ObjectValue(Map<String, Value> attributes, boolean sensitive) {
    this(Construct.sortedCopy(attributes), sensitive);
  }

  public ObjectValue {
    attributes = Construct.sortedCopy(attributes);
  }

  @Override
  public Type type() {
    TreeMap<String, Type> types = new TreeMap<>();
    attributes.forEach((k, v) -> types.put(k, v.type()));
    return new ObjectType(types);
  }

  @Override
  public Value withSensitive(boolean s) {
    return new ObjectValue(attributes, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
