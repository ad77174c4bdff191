package dev.ingot.template.fn;

import dev.ingot.template.value.BoolValue;
import dev.ingot.template.value.MapValue;
import dev.ingot.template.value.NullValue;
import dev.ingot.template.value.NumberValue;
import dev.ingot.template.value.ObjectValue;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * YAML in the style Terraform's and Packer's {@code yamlencode} write (go-cty-yaml on the libyaml
 * emitter): block style, keys and strings double-quoted, strings with line breaks as literal blocks
 * ({@code |}, {@code |-}, {@code |+}), long quoted strings folded at spaces past column 80, numbers
 * in full decimal form, a plain scalar document closed by {@code ...}. Not thread-safe; use one per
 * call.
 */
final class YamlEncoder {
  private static final int BEST_WIDTH = 80;
  private static final int INDENT = 2;

  private final StringBuilder out = new StringBuilder();
  private int column;

  static String encode(Value v) {
    YamlEncoder e = new YamlEncoder();
    e.root(v);
    return e.out.toString();
  }

  private void root(Value v) {
    if (isBlock(v)) {
      node(v, 0, false);
    } else {
      boolean plain = scalar(v, INDENT, false);
      newline();
      if (plain) {
        write("...");
      }
    }
    newline();
  }

  private static boolean isBlock(Value v) {
    return v.isComposite() && !v.elements().isEmpty();
  }

  /** A non-empty mapping or sequence whose first line continues the current line. */
  private void node(Value v, int indent, boolean inline) {
    if (v instanceof MapValue || v instanceof ObjectValue) {
      boolean first = true;
      for (Map.Entry<String, Value> e : v.attributes().entrySet()) {
        if (!(first && inline)) {
          newline();
          pad(indent);
        }
        first = false;
        entry(e.getKey(), e.getValue(), indent);
      }
    } else {
      boolean first = true;
      for (Value item : v.elements()) {
        if (!(first && inline)) {
          newline();
          pad(indent);
        }
        first = false;
        write("-");
        if (isBlock(item)) {
          write(" ");
          node(item, indent + INDENT, true);
        } else {
          write(" ");
          scalar(item, indent + INDENT, false);
        }
      }
    }
  }

  private void entry(String key, Value value, int indent) {
    boolean simple = !key.contains("\n") && key.getBytes(StandardCharsets.UTF_8).length <= 128;
    if (simple) {
      doubleQuoted(key, indent, false);
      write(":");
    } else {
      write("? ");
      scalar(Value.string(key), indent + INDENT, false);
      newline();
      pad(indent);
      write(":");
    }
    if (!isBlock(value)) {
      write(" ");
      scalar(value, indent + INDENT, false);
    } else if (!simple) {
      write(" "); // after "? key", a block value starts on the ":" line
      node(value, indent + INDENT, true);
    } else if (value instanceof MapValue || value instanceof ObjectValue) {
      node(value, indent + INDENT, false);
    } else {
      node(value, indent, false); // sequences in mappings are not indented
    }
  }

  /** Writes a scalar or empty collection; returns whether it was written in plain style. */
  private boolean scalar(Value v, int indent, boolean key) {
    switch (v) {
      case NullValue n -> write("null");
      case NumberValue n -> write(ValuePrinter.number(n.value()));
      case BoolValue b -> write(Boolean.toString(b.value()));
      case StringValue s -> {
        if (s.value().contains("\n") && blockAllowed(s.value())) {
          literal(s.value(), indent);
        } else {
          doubleQuoted(s.value(), indent, !key);
        }
        return false;
      }
      default -> {
        write(v instanceof MapValue || v instanceof ObjectValue ? "{}" : "[]");
        return false;
      }
    }
    return true;
  }

  /**
   * libyaml refuses a literal block for unprintable characters, a space before a break, or a
   * trailing space.
   */
  private static boolean blockAllowed(String s) {
    if (s.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!printable(c) || c == 0xFEFF) {
        return false;
      }
      if (c == ' ' && i + 1 < s.length() && isBreak(s.charAt(i + 1))) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean printable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }

  private static boolean isBreak(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private void literal(String s, int indent) {
    StringBuilder hints = new StringBuilder("|");
    if (s.startsWith(" ") || s.startsWith("\n")) {
      hints.append(INDENT);
    }
    if (!s.endsWith("\n")) {
      hints.append('-');
    } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
      hints.append('+');
    }
    write(hints.toString());
    write("\n");
    boolean lineStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        write("\n");
        lineStart = true;
      } else {
        if (lineStart) {
          pad(indent);
          lineStart = false;
        }
        out.append(c);
        column++;
      }
    }
  }

  private void doubleQuoted(String s, int indent, boolean allowBreaks) {
    write("\"");
    boolean spaces = false;
    List<Integer> cps = s.codePoints().boxed().toList();
    for (int i = 0; i < cps.size(); i++) {
      int c = cps.get(i);
      if (!printable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        write(escape(c));
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.size() - 1) {
          write("\n");
          pad(indent);
          if (cps.get(i + 1) == ' ') {
            write("\\");
          }
        } else {
          write(" ");
        }
        spaces = true;
      } else {
        out.appendCodePoint(c);
        column++;
        spaces = false;
      }
    }
    write("\"");
  }

  private static String escape(int c) {
    return switch (c) {
      case 0 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default ->
          c <= 0xFF
              ? String.format("\\x%02X", c)
              : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
  }

  private void pad(int n) {
    while (column < n) {
      out.append(' ');
      column++;
    }
  }

  private void newline() {
    if (column > 0) {
      write("\n");
    }
  }

  private void write(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c);
      column = c == '\n' ? 0 : Character.isLowSurrogate(c) ? column : column + 1;
    }
  }
}
