package dev.ingot.template.value;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing and limits of HCL numbers. Stateless; thread-safe. */
public final class Numbers {
  /**
   * The largest decimal exponent accepted. cty's floats allow more, but a number like 1e999999999
   * would print as a gigabyte of digits; nothing real needs more than this.
   */
  public static final int MAX_EXPONENT = 10_000;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private Numbers() {}

  /**
   * A decimal number as cty parses one when converting a string ({@code "12"}, {@code "-1.5"},
   * {@code "1e3"}, {@code ".5"}); empty for anything else, including spaces, hex and infinities.
   */
  public static Optional<BigDecimal> parse(String s) {
    if (s.length() > 4096 || !DECIMAL.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      BigDecimal d = new BigDecimal(s);
      return inRange(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Whether the number's magnitude is within {@link #MAX_EXPONENT} decimal orders. */
  public static boolean inRange(BigDecimal d) {
    if (d.signum() == 0) {
      return true;
    }
    long exponent = (long) d.precision() - d.scale() - 1;
    return Math.abs(exponent) <= MAX_EXPONENT;
  }
}
