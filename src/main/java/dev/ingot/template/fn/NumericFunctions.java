package dev.ingot.template.fn;

import dev.ingot.template.value.BinaryFloat;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Numeric functions. abs, signum, max and min are exact; ceil, floor, log and pow use 64-bit floats
 * as cty does, with Go's algorithms (GoMath).
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static List<Function> all() {
    return List.of(
        unary("abs", "Returns the absolute value of a number.", BigDecimal::abs),
        rounding(
            "ceil",
            "Returns the closest whole number greater than or equal to the number.",
            Math::ceil),
        rounding(
            "floor",
            "Returns the closest whole number less than or equal to the number.",
            Math::floor),
        Fn.builder("signum", "Returns -1, 0 or 1 for a negative, zero or positive whole number.")
            .param("num", Type.NUMBER)
            .returns(Type.NUMBER)
            .body((a, ctx) -> Value.number(Long.signum(Args.whole(a.get(0), 0, "num")))),
        extreme("max", "Returns the greatest of the given numbers.", 1),
        extreme("min", "Returns the smallest of the given numbers.", -1),
        Fn.builder("log", "Returns the logarithm of a number in the given base.")
            .param("num", Type.NUMBER)
            .param("base", Type.NUMBER)
            .returns(Type.NUMBER)
            .body(
                (a, ctx) ->
                    finite(
                        "log",
                        GoMath.log(a.get(0).asNumber().doubleValue())
                            / GoMath.log(a.get(1).asNumber().doubleValue()))),
        Fn.builder("pow", "Raises a number to a power.")
            .param("num", Type.NUMBER)
            .param("power", Type.NUMBER)
            .returns(Type.NUMBER)
            .body(
                (a, ctx) ->
                    finite(
                        "pow",
                        GoMath.pow(
                            a.get(0).asNumber().doubleValue(), a.get(1).asNumber().doubleValue()))),
        Fn.builder("parseint", "Parses a string as an integer in the given base (2 to 62).")
            .param("number", Type.DYNAMIC)
            .param("base", Type.NUMBER)
            .returns(Type.NUMBER)
            .body(NumericFunctions::parseint));
  }

  private static Function unary(String name, String description, UnaryOperator<BigDecimal> op) {
    return Fn.builder(name, description)
        .param("num", Type.NUMBER)
        .returns(Type.NUMBER)
        .body((a, ctx) -> Value.number(op.apply(a.get(0).asNumber())));
  }

  /**
   * cty 1.6's ceil and floor: the number as a float64, rounded, then Go's {@code int64(f)}, which
   * on amd64 gives the smallest int64 for anything out of its range (floor(1e19) in Packer).
   */
  private static Function rounding(String name, String description, DoubleUnaryOperator op) {
    return Fn.builder(name, description)
        .param("num", Type.NUMBER)
        .returns(Type.NUMBER)
        .body(
            (a, ctx) -> {
              double d = BinaryFloat.of(a.get(0).asNumber()).exact().doubleValue();
              if (Double.isInfinite(d)) {
                String max = new BigDecimal(Double.MAX_VALUE).setScale(6).toPlainString();
                throw FunctionException.failed(
                    name, "value must be between -" + max + " and " + max + " inclusive");
              }
              double r = op.applyAsDouble(d);
              boolean fits = r >= -0x1p63 && r < 0x1p63;
              return Value.number(fits ? (long) r : Long.MIN_VALUE);
            });
  }

  private static Function extreme(String name, String description, int sign) {
    return Fn.builder(name, description)
        .variadic("numbers", Type.NUMBER)
        .returns(Type.NUMBER)
        .body(
            (a, ctx) -> {
              if (a.isEmpty()) {
                throw FunctionException.failed(name, "must pass at least one number");
              }
              BigDecimal best = a.get(0).asNumber();
              for (Value v : a) {
                if (v.asNumber().compareTo(best) * sign > 0) {
                  best = v.asNumber();
                }
              }
              return Value.number(best);
            });
  }

  private static Value finite(String name, double d) throws FunctionException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw FunctionException.failed(
          name,
          "the result is "
              + (Double.isNaN(d) ? "not a number" : "infinite")
              + "; Ingot numbers must be finite");
    }
    return Value.number(BigDecimal.valueOf(d));
  }

  private static Value parseint(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (!(a.get(0) instanceof dev.ingot.template.value.StringValue s)) {
      throw FunctionException.argument(
          0, "number", "first argument must be a string, not " + Args.kind(a.get(0)));
    }
    BigDecimal b = a.get(1).asNumber();
    if (b.stripTrailingZeros().scale() > 0
        || b.compareTo(BigDecimal.valueOf(2)) < 0
        || b.compareTo(BigDecimal.valueOf(62)) > 0) {
      throw FunctionException.argument(
          1, "base", "base must be a whole number between 2 and 62 inclusive");
    }
    int base = b.intValueExact();
    BigInteger n = parse(s.value(), base);
    if (n == null) {
      throw FunctionException.argument(
          0, "number", "cannot parse \"" + s.value() + "\" as a base " + base + " integer");
    }
    return Value.number(new BigDecimal(n));
  }

  /**
   * Go's big.Int SetString: optional sign; letters case-insensitive up to base 36, then a-z before
   * A-Z.
   */
  static BigInteger parse(String s, int base) {
    int i = 0;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= s.length() || s.length() > 10_000) {
      return null;
    }
    BigInteger big = BigInteger.valueOf(base);
    BigInteger n = BigInteger.ZERO;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = c - 'A' + (base <= 36 ? 10 : 36);
      } else {
        return null;
      }
      if (d >= base) {
        return null;
      }
      n = n.multiply(big).add(BigInteger.valueOf(d));
    }
    return neg ? n.negate() : n;
  }
}
