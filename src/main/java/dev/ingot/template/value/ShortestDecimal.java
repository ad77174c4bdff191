package dev.ingot.template.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Go's shortest decimal for a big.Float (math/big ftoa.go {@code roundShortest}): the fewest digits
 * that still lie within half an ulp of the float, the bounds allowed when the mantissa is even.
 * Reproduced step by step, including its symmetric bounds at powers of two, so Ingot prints the
 * digits Packer prints ({@code 1/3} ends in ...335). Stateless; thread-safe.
 */
final class ShortestDecimal {
  private ShortestDecimal() {}

  static BigDecimal of(BinaryFloat f) {
    if (f.mant().signum() == 0) {
      return BigDecimal.ZERO;
    }
    // mant2 has prec+1 bits, so its last bit is half an ulp.
    BigInteger mant2 = f.mant().abs().shiftLeft(1);
    long e2 = f.exp() - 1;
    Digits d = Digits.of(BinaryFloat.exact(mant2, e2));
    Digits lower = Digits.of(BinaryFloat.exact(mant2.subtract(BigInteger.ONE), e2));
    Digits upper = Digits.of(BinaryFloat.exact(mant2.add(BigInteger.ONE), e2));
    boolean inclusive = !mant2.testBit(1);
    Digits r = d;
    for (int i = 0; i < d.mant.length(); i++) {
      char m = d.mant.charAt(i);
      char l = lower.at(i);
      char u = upper.at(i);
      boolean okDown = l != m || inclusive && i + 1 == lower.mant.length();
      boolean okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.mant.length());
      if (okDown && okUp) {
        r = d.round(i + 1);
        break;
      } else if (okDown) {
        r = d.roundDown(i + 1);
        break;
      } else if (okUp) {
        r = d.roundUp(i + 1);
        break;
      }
    }
    BigDecimal out = r.value();
    return f.mant().signum() < 0 ? out.negate() : out;
  }

  /** Go's {@code decimal}: digits without trailing zeros, value {@code 0.mant × 10^dp}. */
  private record Digits(String mant, long dp) {
    static Digits of(BigDecimal x) {
      BigDecimal s = x.stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Digits(digits, (long) digits.length() - s.scale());
    }

    char at(int i) {
      return i < mant.length() ? mant.charAt(i) : '0';
    }

    Digits round(int n) {
      if (n >= mant.length()) {
        return this;
      }
      char c = mant.charAt(n);
      boolean up =
          c == '5' && n + 1 == mant.length()
              ? n > 0 && (mant.charAt(n - 1) - '0') % 2 != 0
              : c >= '5';
      return up ? roundUp(n) : roundDown(n);
    }

    Digits roundUp(int n) {
      if (n >= mant.length()) {
        return this;
      }
      int i = n;
      while (i > 0 && mant.charAt(i - 1) == '9') {
        i--;
      }
      if (i == 0) {
        return new Digits("1", dp + 1);
      }
      return new Digits(mant.substring(0, i - 1) + (char) (mant.charAt(i - 1) + 1), dp);
    }

    Digits roundDown(int n) {
      if (n >= mant.length()) {
        return this;
      }
      String s = mant.substring(0, n).replaceFirst("0+$", "");
      return s.isEmpty() ? new Digits("0", 1) : new Digits(s, dp);
    }

    BigDecimal value() {
      return new BigDecimal(new BigInteger(mant), Math.toIntExact(mant.length() - dp));
    }
  }
}
