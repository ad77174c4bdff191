package dev.ingot.template.value;

import java.util.List;

/** A fixed-length sequence of elements, each with its own type. */
public record TupleType(List<Type> elements) implements Type {
  public static final TupleType EMPTY = new TupleType(List.of());

  public TupleType {
    elements = List.copyOf(elements);
  }
}
