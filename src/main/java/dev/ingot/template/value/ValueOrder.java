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
      case StringValue s when b instanceof StringValue t -> codePoints(s.value(), t.value());
      case NumberValue n when b instanceof NumberValue m -> n.value().compareTo(m.value());
      case BoolValue x when b instanceof BoolValue y -> Boolean.compare(x.value(), y.value());
      default -> codePoints(ValuePrinter.compact(a), ValuePrinter.compact(b));
    };
  }

  private static int rank(Value v) {
    return v.isNull() ? 1 : v.isKnown() ? 0 : 2;
  }

  /** Compares by Unicode code point, which is also the order of the UTF-8 encodings. */
  static int codePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
