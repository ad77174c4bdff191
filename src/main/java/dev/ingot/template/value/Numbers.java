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

  /**
   * Decimals 10^-150 apart are further apart than a 512-bit ulp (about 10^-154 of the number), so
   * one this short is alone within its float's half-ulp bounds and is the shortest printed.
   */
  private static final int FAST_DIGITS = 150;

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
      return inRange(d) ? Optional.of(rounded(d)) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code x} as cty holds it: the nearest 512-bit float, written as the shortest decimal Go prints
   * for that float ({@code 0.1} stays 0.1, {@code 1.0000…0001} past 155 digits becomes 1).
   */
  public static BigDecimal rounded(BigDecimal x) {
    BigDecimal d = x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros();
    // Up to 150 digits, x is the only decimal that short within half an ulp of its float.
    if (d.precision() <= FAST_DIGITS) {
      return d;
    }
    return BinaryFloat.of(d).toDecimal();
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
