package dev.ingot.template.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Checks and builders shared by the collection values and the {@link Value} factories. */
final class Construct {
  private Construct() {}

  static void checkElements(String kind, Type elementType, Collection<Value> elements) {
    for (Value v : elements) {
      if (v == null) {
        throw new IllegalArgumentException(kind + " elements must not be Java null");
      }
      if (!v.type().equals(elementType)) {
        throw new IllegalArgumentException(
            kind
                + " of "
                + elementType.typeExpr()
                + " cannot hold an element of type "
                + v.type().typeExpr());
      }
    }
  }

  static SortedMap<String, Value> sortedCopy(Map<String, Value> in) {
    TreeMap<String, Value> copy = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException("keys and values must not be Java null");
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  static SortedMap<String, Value> mapValues(Map<String, Value> in, UnaryOperator<Value> f) {
    TreeMap<String, Value> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, f.apply(v)));
    return out;
  }

  static Value list(List<Value> elements) {
    return list(unified(elements), elements);
  }

  static Value list(Type elementType, List<Value> elements) {
    return new ListValue(elementType, convertAll(elementType, elements), false);
  }

  static Value set(List<Value> elements) {
    return set(unified(elements), elements);
  }

  static Value set(Type elementType, List<Value> elements) {
    return new SetValue(elementType, convertAll(elementType, elements), false);
  }

  static Value map(Map<String, Value> entries) {
    return map(unified(List.copyOf(entries.values())), entries);
  }

  static Value map(Type elementType, Map<String, Value> entries) {
    TreeMap<String, Value> out = new TreeMap<>();
    entries.forEach((k, v) -> out.put(k, convert(elementType, v)));
    return new MapValue(elementType, out, false);
  }

  private static Type unified(List<Value> elements) {
    if (elements.isEmpty()) {
      throw new IllegalArgumentException(
          "an empty collection needs an element type (use Value.emptyList and friends)");
    }
    return Convert.unify(elements.stream().map(Value::type).toList())
        .orElseThrow(
            () -> new IllegalArgumentException("elements of different types do not unify"));
  }

  private static List<Value> convertAll(Type elementType, List<Value> elements) {
    List<Value> out = new ArrayList<>(elements.size());
    for (Value v : elements) {
      out.add(convert(elementType, v));
    }
    return out;
  }

  private static Value convert(Type elementType, Value v) {
    try {
      return Convert.to(v, elementType);
    } catch (ConversionException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
