package dev.ingot.template.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A known number of arbitrary precision. The decimal is stored without trailing zeros, so equal
 * numbers are equal values whatever their written scale ({@code 1.50 == 1.5}).
 */
public record NumberValue(BigDecimal value, boolean sensitive) implements Value {
  public NumberValue {
    Objects.requireNonNull(value, "number");
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  @Override
  public Type type() {
    return Type.NUMBER;
  }

  @Override
  public Value withSensitive(boolean s) {
    return new NumberValue(value, s);
  }

  /** Whether the number has no fractional part. */
  public boolean isInteger() {
    return value.scale() <= 0;
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
