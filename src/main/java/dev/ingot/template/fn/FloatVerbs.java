package dev.ingot.template.fn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float verbs ({@code %e %f %g}) over the exact value of a number; GoFormat first rounds the
 * number to the 512-bit float cty holds (BinaryFloat), so {@code format("%.1f", 0.35)} gives "0.3"
 * as in Packer. Stateless; thread-safe.
 */
final class FloatVerbs {
  private FloatVerbs() {}

  /** Go's {@code %e}: {@code d.ddde±XX} with {@code prec} digits after the point. */
  static String e(BigDecimal x, int prec, boolean upper) {
    String mant;
    int exp;
    if (x.signum() == 0) {
      mant = "0".repeat(prec + 1);
      exp = 0;
    } else {
      BigDecimal r = x.abs().round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
      String digits = r.unscaledValue().toString();
      exp = r.precision() - r.scale() - 1;
      mant = (digits + "0".repeat(Math.max(0, prec + 1 - digits.length()))).substring(0, prec + 1);
    }
    return sign(x) + withPoint(mant, 1) + exponent(exp, upper);
  }

  /** Go's {@code %f}: {@code prec} digits after the point. */
  static String f(BigDecimal x, int prec) {
    BigDecimal r = x.setScale(prec, RoundingMode.HALF_EVEN);
    return (r.signum() == 0 && x.signum() < 0 ? "-" : "") + r.toPlainString();
  }

  /**
   * Go's {@code %g}: {@code prec} significant digits (shortest when negative), exponent form when
   * the exponent is below -4 or not below the precision (6 for shortest).
   */
  static String g(BigDecimal x, int prec, boolean upper) {
    if (x.signum() == 0) {
      return "0";
    }
    boolean shortest = prec < 0;
    BigDecimal d =
        shortest
            ? x.abs().stripTrailingZeros()
            : x.abs()
                .round(new MathContext(Math.max(prec, 1), RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
    String mant = d.unscaledValue().toString();
    int dexp = d.precision() - d.scale(); // value = 0.mant * 10^dexp
    int p = shortest ? mant.length() : Math.max(prec, 1);
    int eprec = p;
    if (eprec > mant.length() && mant.length() >= dexp) {
      eprec = mant.length();
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = dexp - 1;
    if (exp < -4 || exp >= eprec) {
      int digits = Math.min(p, mant.length());
      String m = mant.substring(0, digits);
      return sign(x) + withPoint(m, 1) + exponent(exp, upper);
    }
    if (p > dexp) {
      p = mant.length();
    }
    int frac = Math.max(p - dexp, 0);
    return sign(x) + d.setScale(frac, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String sign(BigDecimal x) {
    return x.signum() < 0 ? "-" : "";
  }

  private static String withPoint(String digits, int intDigits) {
    return digits.length() <= intDigits
        ? digits
        : digits.substring(0, intDigits) + "." + digits.substring(intDigits);
  }

  private static String exponent(int exp, boolean upper) {
    int a = Math.abs(exp);
    return (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
  }
}
