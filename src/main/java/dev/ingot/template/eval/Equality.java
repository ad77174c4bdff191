package dev.ingot.template.eval;

import dev.ingot.template.value.Value;

/**
 * {@code ==} and {@code !=} as go-cty defines them: nulls are equal whatever their type, values of
 * different types are never equal, and anything not wholly known compares as unknown.
 */
final class Equality {
  private Equality() {}

  static Value equal(Value l, Value r, boolean negate) {
    boolean sensitive = l.containsSensitive() || r.containsSensitive();
    Value a = l.unmarkDeep();
    Value b = r.unmarkDeep();
    if (!a.isWhollyKnown() || !b.isWhollyKnown()) {
      if (a.isKnown()
          && b.isKnown()
          && !a.isNull()
          && !b.isNull()
          && !a.type().hasDynamic()
          && !b.type().hasDynamic()
          && !a.type().equals(b.type())) {
        return Value.bool(negate).markedIf(sensitive); // different types never become equal
      }
      return Value.unknown(dev.ingot.template.value.Type.BOOL).markedIf(sensitive);
    }
    boolean eq;
    if (a.isNull() || b.isNull()) {
      eq = a.isNull() && b.isNull();
    } else {
      eq = a.type().equals(b.type()) && a.equals(b);
    }
    return Value.bool(eq != negate).markedIf(sensitive);
  }
}
