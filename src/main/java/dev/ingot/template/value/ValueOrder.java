package dev.ingot.template.value;

import java.util.Comparator;

/**
 * The order of set elements, following cty where it defines one: strings by code point (the order
 * of their UTF-8 bytes), numbers ascending, false before true. Other elements (which cty orders by
 * hash) are ordered by their printed form so the order is stable; nulls and unknowns come last.
 */
enum ValueOrder implements Comparator<Value> {
  INSTANCE;

  @Override
  public int compare(Value a, Value b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (a) {
      case StringValue s when b instanceof StringValue t ->
          Text.compareCodePoints(s.value(), t.value());
      case NumberValue n when b instanceof NumberValue m -> n.value().compareTo(m.value());
      case BoolValue x when b instanceof BoolValue y -> Boolean.compare(x.value(), y.value());
      default -> Text.compareCodePoints(ValuePrinter.compact(a), ValuePrinter.compact(b));
    };
  }

  private static int rank(Value v) {
    return v.isNull() ? 1 : v.isKnown() ? 0 : 2;
  }
}
