package dev.ingot.template.value;

import java.util.Objects;

/** A collection of values of one element type, keyed by strings. */
public record MapType(Type element) implements Type {
  public MapType {
    Objects.requireNonNull(element, "element type");
  }
}
