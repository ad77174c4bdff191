package dev.ingot.template.value;

import java.math.BigDecimal;

/**
 * Numbers as {@code packer console} prints them: an integer that fits in 64 bits in full, anything
 * else as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} (the shortest decimal that round-trips
 * through a float64, with an exponent when it is below -4 or 6 and above).
 */
final class GoFloat {
  private static final BigDecimal LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private GoFloat() {}

  static String shortest(BigDecimal n) {
    if (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(LONG) < 0) {
      return n.signum() == 0 ? "0" : n.toBigInteger().toString();
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return "0";
    }
    // Java's Double.toString gives the shortest round-trip digits (JDK 19+); reformat like Go.
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String es = exp < 0 ? "-" : "+";
      int ea = Math.abs(exp);
      return sign + mant + "e" + es + (ea < 10 ? "0" + ea : Integer.toString(ea));
    }
    return sign + shortest.abs().toPlainString();
  }
}
