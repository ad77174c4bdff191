package dev.ingot.template.value;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A structure of named attributes, each with its own type; attributes are sorted by name. */
public record ObjectType(SortedMap<String, Type> attributes) implements Type {
  public static final ObjectType EMPTY = new ObjectType(Map.of());

  public ObjectType(Map<String, Type> attributes) {
    this(sorted(attributes));
  }

  public ObjectType {
    attributes = sorted(attributes);
  }

  private static SortedMap<String, Type> sorted(Map<String, Type> in) {
    TreeMap<String, Type> copy = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException("object attribute names and types must be set");
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  public boolean hasAttribute(String name) {
    return attributes.containsKey(name);
  }
}
