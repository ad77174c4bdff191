package dev.ingot.template.value;

import java.util.Objects;

/** An ordered sequence of values of one element type. */
public record ListType(Type element) implements Type {
  public ListType {
    Objects.requireNonNull(element, "element type");
  }
}
