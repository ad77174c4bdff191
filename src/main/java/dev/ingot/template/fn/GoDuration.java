package dev.ingot.template.fn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Go's {@code time.ParseDuration}: "1h30m", "-10.5s", "250ms"; the result in nanoseconds. */
final class GoDuration {
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  static final class BadDuration extends Exception {
    BadDuration(String message) {
      super(message);
    }
  }

  static long parseNanos(String orig) throws BadDuration {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || Character.isDigit(c))) {
        throw invalid(orig);
      }
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      boolean pre = i > start;
      String intPart = s.substring(start, i);
      String fracPart = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int f = ++i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        fracPart = s.substring(f, i);
      }
      if (!pre && fracPart.isEmpty()) {
        throw invalid(orig);
      }
      int u = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == u) {
        throw new BadDuration("time: missing unit in duration \"" + orig + "\"");
      }
      String unit = s.substring(u, i);
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw new BadDuration("time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
      }
      BigDecimal n =
          new BigDecimal(
              (intPart.isEmpty() ? "0" : intPart) + (fracPart.isEmpty() ? "" : "." + fracPart));
      total = total.add(n.multiply(BigDecimal.valueOf(scale)));
      if (total.toBigInteger().compareTo(MAX) > 0) {
        throw invalid(orig);
      }
    }
    long nanos = total.toBigInteger().longValueExact();
    return neg ? -nanos : nanos;
  }

  private static BadDuration invalid(String orig) {
    return new BadDuration("time: invalid duration \"" + orig + "\"");
  }
}
