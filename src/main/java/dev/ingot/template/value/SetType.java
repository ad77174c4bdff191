package dev.ingot.template.value;

import java.util.Objects;

/** An unordered collection of distinct values of one element type. */
public record SetType(Type element) implements Type {
  public SetType {
    Objects.requireNonNull(element, "element type");
  }
}
