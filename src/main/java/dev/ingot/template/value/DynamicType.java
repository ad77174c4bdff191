package dev.ingot.template.value;

/**
 * The dynamic pseudo-type ({@code any}): the type of a value whose type is not known yet, and the
 * type constraint that accepts every value.
 */
public enum DynamicType implements Type {
  DYNAMIC
}
