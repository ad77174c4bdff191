package dev.ingot.template.fn;

/**
 * Go's pure-Go {@code math.Log} and the integer-exponent part of {@code math.Pow}, so {@code log}
 * and {@code pow} give the same float64 as Packer, bit for bit. (Go's Log is a shortened form of
 * fdlibm's, so {@link StrictMath#log} can differ in the last bit.) Stateless; thread-safe.
 */
final class GoMath {
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double L1 = 6.666666666666735130e-01;
  private static final double L2 = 3.999999999940941908e-01;
  private static final double L3 = 2.857142874366239149e-01;
  private static final double L4 = 2.222219843214978396e-01;
  private static final double L5 = 1.818357216161805012e-01;
  private static final double L6 = 1.531383769920937332e-01;
  private static final double L7 = 1.479819860511658591e-01;
  private static final double SQRT2_HALF = Math.sqrt(2) / 2;

  private GoMath() {}

  static double log(double x) {
    if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (x < 0) {
      return Double.NaN;
    }
    if (x == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    int[] exp = new int[1];
    double f1 = frexp(x, exp);
    int ki = exp[0];
    if (f1 < SQRT2_HALF) {
      f1 *= 2;
      ki--;
    }
    double f = f1 - 1;
    double k = ki;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }

  /** x = frac * 2^exp with frac in [0.5, 1). */
  static double frexp(double x, int[] exp) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
      exp[0] = 0;
      return x;
    }
    int e = Math.getExponent(x);
    double m = x;
    int extra = 0;
    if (e == Double.MIN_EXPONENT - 1) { // subnormal: normalize first
      m = x * 0x1p52;
      extra = -52;
      e = Math.getExponent(m);
    }
    exp[0] = e + 1 + extra;
    return Math.scalb(m, -(e + 1));
  }

  /**
   * Go's Pow: exact cases first, then x^yi by repeated squaring of the mantissa (what Go does),
   * times x^yf for the fractional part (via exp/log, where Go's assembly Exp may differ from
   * StrictMath's by one bit).
   */
  static double pow(double x, double y) {
    if (y == 0 || x == 1) {
      return 1;
    }
    if (y == 1) {
      return x;
    }
    if (Double.isNaN(x)
        || Double.isNaN(y)
        || x == 0
        || Double.isInfinite(x)
        || Double.isInfinite(y)) {
      return StrictMath.pow(x, y);
    }
    if (y == 0.5) {
      return Math.sqrt(x);
    }
    if (y == -0.5) {
      return 1 / Math.sqrt(x);
    }
    double ay = Math.abs(y);
    double yi = Math.floor(ay);
    double yf = ay - yi;
    if (yf != 0 && x < 0) {
      return Double.NaN;
    }
    if (yi >= 0x1p63) {
      return StrictMath.pow(x, y);
    }
    double a1 = 1.0;
    int ae = 0;
    if (yf != 0) {
      if (yf > 0.5) {
        yf--;
        yi++;
      }
      a1 = StrictMath.exp(yf * log(x));
    }
    int[] e = new int[1];
    double x1 = frexp(x, e);
    int xe = e[0];
    for (long i = (long) yi; i != 0; i >>= 1) {
      if (xe < -(1 << 12) || (1 << 12) < xe) {
        ae += xe;
        break;
      }
      if ((i & 1) == 1) {
        a1 *= x1;
        ae += xe;
      }
      x1 *= x1;
      xe <<= 1;
      if (x1 < .5) {
        x1 += x1;
        xe--;
      }
    }
    if (y < 0) {
      a1 = 1 / a1;
      ae = -ae;
    }
    return ldexp(a1, ae);
  }

  /** a * 2^e, rounding once like Go's Ldexp (Math.scalb rounds subnormals the same way). */
  static double ldexp(double a, int e) {
    return Math.scalb(a, e);
  }
}
