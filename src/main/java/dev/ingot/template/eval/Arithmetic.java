package dev.ingot.template.eval;

import dev.ingot.template.value.BinaryFloat;
import dev.ingot.template.value.Numbers;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * cty's arithmetic on big.Float: each operand is the 512-bit float its decimal stands for, and each
 * result is rounded once to 512 bits from the exact sum, product or quotient ({@code 10 / 3 * 3} is
 * 10, as in Packer). Stateless; thread-safe.
 */
final class Arithmetic {
  private static final int INT_PRECISION = 64;

  private Arithmetic() {}

  static BigDecimal add(BigDecimal a, BigDecimal b) {
    return inRange(Numbers.rounded(exact(a).add(exact(b))));
  }

  static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return inRange(Numbers.rounded(exact(a).subtract(exact(b))));
  }

  static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return inRange(Numbers.rounded(exact(a).multiply(exact(b))));
  }

  /** {@code a / b}; {@code b} is not zero. */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return inRange(BinaryFloat.quotient(a, b).toDecimal());
  }

  /**
   * {@code a % b} as cty's Modulo computes it: {@code q} is the 512-bit quotient truncated to an
   * integer, then {@code a - b*q} is worked out at q's big.Int precision (its bit length, at least
   * 64), so {@code 0.3 % 0.1} is -1.084202172485504434e-20 as in Packer. {@code b} is not zero.
   */
  static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    BigInteger q = BinaryFloat.quotient(a, b).truncated();
    int prec = Math.max(q.abs().bitLength(), INT_PRECISION);
    BinaryFloat product = BinaryFloat.of(exact(b).multiply(new BigDecimal(q)), prec);
    BigDecimal difference = exact(a).subtract(product.exact());
    return difference.signum() == 0
        ? BigDecimal.ZERO
        : inRange(BinaryFloat.of(difference, prec).toDecimal());
  }

  /**
   * Operands within 10^±10000 keep every result cheap to compute, but results must stay in that
   * range too, or a chain of squarings would build numbers of millions of digits.
   */
  private static BigDecimal inRange(BigDecimal r) {
    if (!Numbers.inRange(r)) {
      throw new ArithmeticException("result out of range");
    }
    return r;
  }

  private static BigDecimal exact(BigDecimal x) {
    return x.signum() == 0 ? BigDecimal.ZERO : BinaryFloat.of(x).exact();
  }
}
