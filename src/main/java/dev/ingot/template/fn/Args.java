package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.TupleValue;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.util.List;

/** Helpers for reading checked arguments inside function bodies. */
final class Args {
  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private Args() {}

  /** The argument as a whole number that fits in 64 bits (as Go's {@code int}). */
  static long whole(Value v, int index, String param) throws FunctionException {
    BigDecimal n = v.asNumber();
    if (n.stripTrailingZeros().scale() > 0
        || n.compareTo(MIN_LONG) < 0
        || n.compareTo(MAX_LONG) > 0) {
      throw FunctionException.argument(
          index,
          param,
          "value must be a whole number, between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
    return n.longValueExact();
  }

  /** {@link #whole} limited to what a Java int can index. */
  static int index(Value v, int index, String param) throws FunctionException {
    long n = whole(v, index, param);
    if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
      throw FunctionException.argument(index, param, "value is out of range: " + n);
    }
    return (int) n;
  }

  /** Whether the value is a list, set or tuple. */
  static boolean isSequence(Value v) {
    return v instanceof ListValue || v instanceof SetValue || v instanceof TupleValue;
  }

  /** The elements of a list, set or tuple argument, or an error naming what it got instead. */
  static List<Value> sequence(Value v, int index, String param) throws FunctionException {
    if (!isSequence(v)) {
      throw FunctionException.argument(
          index, param, "a list, set or tuple is required, got " + v.type().friendlyName());
    }
    return v.elements();
  }

  /** The bytes as UTF-8, refusing malformed input instead of replacing it. */
  static String strictUtf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
    return java.nio.charset.StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  static String kind(Value v) {
    return v.isNull() ? "null" : v.type().friendlyName();
  }
}
