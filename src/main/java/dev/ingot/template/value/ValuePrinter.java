package dev.ingot.template.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Prints values in HCL syntax. Sensitive values print as {@code (sensitive value)}, so a printed
 * value never shows a secret. Stateless; thread-safe.
 */
public final class ValuePrinter {
  public static final String SENSITIVE = "(sensitive value)";

  private ValuePrinter() {}

  /**
   * One line: {@code ["a", 1]}, {@code {a = 1, b = true}}, {@code null}, {@code (known after
   * build)}.
   */
  public static String compact(Value v) {
    StringBuilder b = new StringBuilder();
    compact(v, b);
    return b.toString();
  }

  /**
   * The form {@code packer console} prints: multi-line, quoted keys, a comma after every list
   * element, numbers as Go prints a float64, a string at the top unquoted.
   */
  public static String console(Value v) {
    if (v instanceof StringValue s && !s.isSensitive()) {
      return s.value(); // the console prints a top-level string as it is
    }
    StringBuilder b = new StringBuilder();
    console(v, b, "");
    return b.toString();
  }

  /** A number the way cty turns it into a string: no exponent, no trailing zeros. */
  public static String number(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.signum() == 0 ? "0" : s.toPlainString();
  }

  /**
   * A string as an HCL quoted-string literal, as hclwrite writes one: quotes, backslashes and
   * template markers escaped, characters Go does not count as printable as {@code \}{@code uXXXX}.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      int c = s.codePointAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$', '%' -> {
          b.appendCodePoint(c);
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            b.appendCodePoint(c);
          }
        }
        default -> {
          if (goPrintable(c)) {
            b.appendCodePoint(c);
          } else {
            b.append(String.format(c < 0x10000 ? "\\u%04x" : "\\U%08x", c));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean goPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  private static void compact(Value v, StringBuilder b) {
    if (v.isSensitive()) {
      b.append(SENSITIVE);
      return;
    }
    switch (v) {
      case NullValue n -> b.append("null");
      case UnknownValue u -> b.append("(known after build)");
      case StringValue s -> b.append(quote(s.value()));
      case NumberValue n -> b.append(number(n.value()));
      case BoolValue x -> b.append(x.value());
      case ListValue l -> compactList(l.elements(), b);
      case SetValue s -> compactList(s.elements(), b);
      case TupleValue t -> compactList(t.elements(), b);
      case MapValue m -> compactMap(m.entries(), b);
      case ObjectValue o -> compactMap(o.attributes(), b);
    }
  }

  private static void compactList(List<Value> elements, StringBuilder b) {
    b.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      compact(elements.get(i), b);
    }
    b.append(']');
  }

  private static void compactMap(Map<String, Value> entries, StringBuilder b) {
    b.append('{');
    String sep = "";
    for (var e : entries.entrySet()) {
      b.append(sep).append(key(e.getKey())).append(" = ");
      compact(e.getValue(), b);
      sep = ", ";
    }
    b.append('}');
  }

  private static String key(String k) {
    return k.matches("[\\p{L}_][\\p{L}\\p{N}_-]*") ? k : quote(k);
  }

  /**
   * Go's {@code strconv.Quote}, which {@code packer console} uses for strings: no template escapes;
   * {@code \a \b \f \n \r \t \v}; {@code \x7f} below 0x80; else {@code \}{@code u}.
   */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      int c = s.codePointAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case 0x07 -> b.append("\\a");
        case 0x08 -> b.append("\\b");
        case 0x0C -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x0B -> b.append("\\v");
        default -> {
          if (goPrintable(c)) {
            b.appendCodePoint(c);
          } else if (c < 0x80) {
            b.append(String.format("\\x%02x", c));
          } else {
            b.append(String.format(c < 0x10000 ? "\\u%04x" : "\\U%08x", c));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void console(Value v, StringBuilder b, String indent) {
    if (v.isSensitive()) {
      b.append(SENSITIVE);
      return;
    }
    switch (v) {
      case StringValue s -> b.append(goQuote(s.value()));
      case NumberValue n -> b.append(GoFloat.shortest(n.value()));
      case ListValue l -> consoleList(l.elements(), b, indent);
      case SetValue s -> consoleList(s.elements(), b, indent);
      case TupleValue t -> consoleList(t.elements(), b, indent);
      case MapValue m -> consoleMap(m.entries(), b, indent);
      case ObjectValue o -> consoleMap(o.attributes(), b, indent);
      default -> compact(v, b);
    }
  }

  private static void consoleList(List<Value> elements, StringBuilder b, String indent) {
    if (elements.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append("[\n");
    for (Value e : elements) {
      b.append(indent).append("  ");
      console(e, b, indent + "  ");
      b.append(",\n");
    }
    b.append(indent).append(']');
  }

  private static void consoleMap(Map<String, Value> all, StringBuilder b, String indent) {
    // packer console leaves out null attributes
    Map<String, Value> entries = new java.util.TreeMap<>(all);
    entries.values().removeIf(v -> v.isNull() && !v.isSensitive());
    if (entries.isEmpty()) {
      b.append("{}");
      return;
    }
    b.append("{\n");
    for (var e : entries.entrySet()) {
      b.append(indent).append("  ").append(goQuote(e.getKey())).append(" = ");
      console(e.getValue(), b, indent + "  ");
      b.append('\n');
    }
    b.append(indent).append('}');
  }
}
