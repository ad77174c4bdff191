package dev.ingot.template.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A binary float {@code mant × 2^exp} rounded to {@code prec} bits, as Go's big.Float holds cty's
 * numbers: literals and arithmetic results are the nearest 512-bit float (ties to even), so {@code
 * 1 / 3 * 3 == 1} as in Packer. Ingot stores a number as the shortest decimal that Go prints for
 * its float ({@link #toDecimal}); that decimal maps back to the same float, so the value is kept.
 * Immutable; thread-safe.
 *
 * @param mant the signed mantissa, exactly {@code prec} bits long, or zero
 * @param exp the binary exponent of the mantissa's last bit
 * @param prec the precision in bits
 */
public record BinaryFloat(BigInteger mant, long exp, int prec) {
  /** cty's precision for parsed numbers and arithmetic results. */
  public static final int PRECISION = 512;

  private static final BigInteger FIVE = BigInteger.valueOf(5);

  public BinaryFloat {
    if (mant.signum() != 0 && mant.abs().bitLength() != prec) {
      throw new IllegalArgumentException("mantissa must have " + prec + " bits");
    }
  }

  /** The 512-bit float nearest to {@code x}. */
  public static BinaryFloat of(BigDecimal x) {
    return of(x, PRECISION);
  }

  /** The {@code prec}-bit float nearest to {@code x}. */
  public static BinaryFloat of(BigDecimal x, int prec) {
    BigInteger u = x.unscaledValue();
    return x.scale() <= 0
        ? ofRational(u.multiply(BigInteger.TEN.pow(-x.scale())), BigInteger.ONE, 0, prec)
        : ofRational(u, BigInteger.TEN.pow(x.scale()), 0, prec);
  }

  /** The {@code prec}-bit float nearest to {@code num / den × 2^exp2}; {@code den > 0}. */
  static BinaryFloat ofRational(BigInteger num, BigInteger den, long exp2, int prec) {
    if (num.signum() == 0) {
      return new BinaryFloat(BigInteger.ZERO, 0, prec);
    }
    BigInteger n = num.abs();
    // q = floor(n * 2^k / den) must have exactly prec bits before rounding.
    long k = (long) prec - (n.bitLength() - den.bitLength());
    while (true) {
      BigInteger a = k >= 0 ? n.shiftLeft((int) k) : n;
      BigInteger b = k >= 0 ? den : den.shiftLeft((int) -k);
      BigInteger[] qr = a.divideAndRemainder(b);
      int bits = qr[0].bitLength();
      if (bits != prec) {
        k += bits > prec ? -1 : 1;
        continue;
      }
      int half = qr[1].shiftLeft(1).compareTo(b);
      BigInteger q = qr[0];
      if (half > 0 || (half == 0 && q.testBit(0))) {
        q = q.add(BigInteger.ONE);
      }
      if (q.bitLength() > prec) { // rounded up to a power of two
        q = q.shiftRight(1);
        k--;
      }
      return new BinaryFloat(num.signum() < 0 ? q.negate() : q, exp2 - k, prec);
    }
  }

  /** The 512-bit float nearest to {@code a / b}, rounded once from the exact quotient. */
  public static BinaryFloat quotient(BigDecimal a, BigDecimal b) {
    BinaryFloat x = of(a);
    BinaryFloat y = of(b);
    BigInteger num = y.mant.signum() < 0 ? x.mant.negate() : x.mant;
    return ofRational(num, y.mant.abs(), x.exp - y.exp, PRECISION);
  }

  /** This float rounded to {@code p} bits. */
  public BinaryFloat withPrecision(int p) {
    return ofRational(mant, BigInteger.ONE, exp, p);
  }

  /** The value rounded toward zero to an integer. */
  public BigInteger truncated() {
    if (exp >= 0) {
      return mant.shiftLeft((int) exp);
    }
    BigInteger t = mant.abs().shiftRight((int) Math.min(-exp, Integer.MAX_VALUE));
    return mant.signum() < 0 ? t.negate() : t;
  }

  /** The exact value. */
  public BigDecimal exact() {
    return exact(mant, exp);
  }

  /** The digits Go's {@code big.Float.Text('f', -1)} prints for this float. */
  public BigDecimal toDecimal() {
    return ShortestDecimal.of(this);
  }

  static BigDecimal exact(BigInteger m, long e) {
    if (e >= 0) {
      return new BigDecimal(m.shiftLeft((int) e));
    }
    return new BigDecimal(m.multiply(FIVE.pow((int) -e)), (int) -e);
  }
}
