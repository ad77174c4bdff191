package dev.ingot.template.fn;

import dev.ingot.template.value.BinaryFloat;
import dev.ingot.template.value.BoolValue;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.NumberValue;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * cty's {@code format}: Go's fmt verbs applied to HCL values. {@code %v} (default form; JSON for
 * collections), {@code %#v} (JSON), {@code %t}, {@code %s}, {@code %q} (JSON string), {@code %d %b
 * %o %x %X} (integers), {@code %e %E %f %g %G} (floats), {@code %%}; flags {@code +-# 0}, width,
 * precision and argument indexes {@code %[2]s}. Stateless; thread-safe.
 */
final class GoFormat {
  private GoFormat() {}

  /**
   * A problem with the format or an argument; {@code argsParam} errors name the "args" parameter.
   */
  static final class Problem extends Exception {
    final boolean argsParam;
    final int argIndex;

    Problem(String message, boolean argsParam, int argIndex) {
      super(message);
      this.argsParam = argsParam;
      this.argIndex = argIndex;
    }
  }

  private record Spec(
      boolean plus,
      boolean minus,
      boolean sharp,
      boolean space,
      boolean zero,
      int width,
      int prec,
      char verb,
      int start,
      String text) {}

  static String format(String fmt, List<Value> args) throws Problem {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int used = 0; // how many arguments, from the first, the verbs reach
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
        out.append('%');
        i += 2;
        continue;
      }
      int start = i++;
      boolean plus = false, minus = false, sharp = false, space = false, zero = false;
      flags:
      while (i < fmt.length()) {
        switch (fmt.charAt(i)) {
          case '+' -> plus = true;
          case '-' -> minus = true;
          case '#' -> sharp = true;
          case ' ' -> space = true;
          case '0' -> zero = true;
          default -> {
            break flags;
          }
        }
        i++;
      }
      if (i < fmt.length() && fmt.charAt(i) == '[') {
        i++;
        if (i >= fmt.length()) {
          throw invalid(i);
        }
        if (fmt.charAt(i) < '1' || fmt.charAt(i) > '9') {
          throw unrecognized(fmt, i);
        }
        int n = 0;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          n = Math.min(n * 10 + fmt.charAt(i++) - '0', 1_000_000);
        }
        if (i >= fmt.length()) {
          throw invalid(i);
        }
        if (fmt.charAt(i) != ']') {
          throw unrecognized(fmt, i);
        }
        i++;
        next = n - 1;
      }
      int width = -1;
      while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
        width = Math.min(Math.max(width, 0) * 10 + fmt.charAt(i++) - '0', 1_000_000);
      }
      int prec = -1;
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        i++;
        prec = 0;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          prec = Math.min(prec * 10 + fmt.charAt(i++) - '0', 1_000_000);
        }
      }
      if (i >= fmt.length()) {
        throw invalid(i);
      }
      char verb = fmt.charAt(i);
      if (!Character.isLetter(verb)) {
        throw unrecognized(fmt, i);
      }
      i++;
      Spec spec =
          new Spec(
              plus, minus, sharp, space, zero, width, prec, verb, start, fmt.substring(start, i));
      if ("vtsqdboxXeEfgG".indexOf(verb) < 0) {
        throw new Problem(
            "unsupported format verb '" + verb + "' in \"" + spec.text + "\" at offset " + start,
            false,
            -1);
      }
      if (next >= args.size()) {
        throw new Problem(
            "not enough arguments for \""
                + spec.text
                + "\" at "
                + start
                + ": need index "
                + (next + 1)
                + " but have "
                + args.size()
                + " total",
            false,
            -1);
      }
      out.append(verb(spec, args.get(next), next));
      next++;
      used = Math.max(used, next);
    }
    // Explicit indexes may go back ("%[2]s %[1]s"): every argument up to the highest one counts.
    if (used < args.size()) {
      throw new Problem("too many arguments; only " + used + " used by format string", true, used);
    }
    return out.toString();
  }

  private static Problem invalid(int offset) {
    return new Problem("invalid format string starting at offset " + offset, false, -1);
  }

  private static Problem unrecognized(String fmt, int i) {
    return new Problem(
        "unrecognized format character '" + fmt.charAt(i) + "' at offset " + i, false, -1);
  }

  private static String verb(Spec s, Value arg, int argIndex) throws Problem {
    if (arg.isNull() && s.verb != 'v') {
      throw unsupported(s, "null value cannot be formatted", argIndex);
    }
    return switch (s.verb) {
      case 'v' -> {
        if (s.sharp) {
          yield pad(s, Json.encode(arg), false);
        }
        yield switch (arg) {
          case StringValue str -> pad(s, str.value(), false);
          // cty prints a number for %v in its shortest form: the width counts, the precision not.
          case NumberValue n ->
              floatVerb(
                  new Spec(
                      s.plus, s.minus, false, s.space, s.zero, s.width, -1, 'g', s.start, s.text),
                  n.value());
          case BoolValue b -> pad(s, Boolean.toString(b.value()), false);
          default -> pad(s, arg.isNull() ? "null" : Json.encode(arg), false);
        };
      }
      case 't' -> Boolean.toString(convert(s, arg, Type.BOOL, argIndex).asBool());
      case 's' -> pad(s, truncate(convert(s, arg, Type.STRING, argIndex).asString(), s.prec), true);
      case 'q' ->
          pad(
              s,
              Json.quote(truncate(convert(s, arg, Type.STRING, argIndex).asString(), s.prec)),
              true);
      case 'd', 'b', 'o', 'x', 'X' -> {
        BigDecimal n = convert(s, arg, Type.NUMBER, argIndex).asNumber();
        if (n.stripTrailingZeros().scale() > 0) {
          throw unsupported(s, "an integer is required", argIndex);
        }
        yield integer(s, n.toBigIntegerExact());
      }
      default -> floatVerb(s, convert(s, arg, Type.NUMBER, argIndex).asNumber());
    };
  }

  private static Value convert(Spec s, Value arg, Type t, int argIndex) throws Problem {
    try {
      return Convert.to(arg, t);
    } catch (ConversionException e) {
      throw unsupported(s, e.getMessage(), argIndex);
    }
  }

  private static Problem unsupported(Spec s, String why, int argIndex) {
    return new Problem(
        "unsupported value for \"" + s.text + "\" at " + s.start + ": " + why, false, argIndex);
  }

  /** cty applies a precision to %s and %q only when it is above zero ("%.0s" keeps all). */
  private static String truncate(String str, int prec) {
    if (prec <= 0 || str.codePointCount(0, str.length()) <= prec) {
      return str;
    }
    return str.substring(0, str.offsetByCodePoints(0, prec));
  }

  /** Go's padString: width in code points, on the right with '-', zeros with '0'. */
  private static String pad(Spec s, String str, boolean zeroAllowed) {
    int len = str.codePointCount(0, str.length());
    if (s.width <= len) {
      return str;
    }
    // Packer's Go pads with zeros even on the right ("%-05s" gives "ab000").
    String padding = ((s.zero && zeroAllowed) ? "0" : " ").repeat(s.width - len);
    return s.minus ? str + padding : padding + str;
  }

  /** big.Int's Format: [left pad][sign][prefix][zeros][digits][right pad]. */
  private static String integer(Spec s, BigInteger n) {
    int base =
        switch (s.verb) {
          case 'b' -> 2;
          case 'o' -> 8;
          case 'x', 'X' -> 16;
          default -> 10;
        };
    String sign = n.signum() < 0 ? "-" : s.plus ? "+" : s.space ? " " : "";
    String prefix =
        !s.sharp
            ? ""
            : switch (s.verb) {
              case 'b' -> "0b";
              case 'o' -> "0";
              case 'x' -> "0x";
              case 'X' -> "0X";
              default -> "";
            };
    String digits = n.abs().toString(base);
    if (s.verb == 'X') {
      digits = digits.toUpperCase(java.util.Locale.ROOT);
    }
    int zeros = 0;
    if (s.prec >= 0) {
      if (digits.length() < s.prec) {
        zeros = s.prec - digits.length();
      } else if (digits.equals("0") && s.prec == 0) {
        return "";
      }
    }
    int left = 0;
    int right = 0;
    int length = sign.length() + prefix.length() + zeros + digits.length();
    if (s.width > length) {
      int d = s.width - length;
      if (s.minus) {
        right = d;
      } else if (s.zero && s.prec < 0) {
        zeros = d;
      } else {
        left = d;
      }
    }
    return " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
  }

  /** big.Float's Format, on the 512-bit float nearest to the value. */
  private static String floatVerb(Spec s, BigDecimal x) {
    char v = s.verb;
    int prec = s.prec >= 0 ? s.prec : (v == 'g' || v == 'G') ? -1 : 6;
    BigDecimal exact = prec < 0 ? x : BinaryFloat.of(x).exact();
    String body =
        switch (v) {
          case 'e', 'E' -> FloatVerbs.e(exact, prec, v == 'E');
          case 'f' -> FloatVerbs.f(exact, prec);
          default -> FloatVerbs.g(exact, prec, v == 'G');
        };
    String sign = "";
    if (body.startsWith("-")) {
      sign = "-";
      body = body.substring(1);
    } else if (s.plus) {
      sign = "+";
    } else if (s.space) {
      sign = " ";
    }
    int padding = Math.max(0, s.width - sign.length() - body.length());
    if (s.zero) {
      return sign + "0".repeat(padding) + body;
    }
    if (s.minus) {
      return sign + body + " ".repeat(padding);
    }
    return " ".repeat(padding) + sign + body;
  }
}
