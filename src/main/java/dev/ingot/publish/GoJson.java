package dev.ingot.publish;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * JSON written the way Go's {@code json.MarshalIndent(v, "", " ")} writes it, so that files Packer
 * users diff (packer-manifest.json) look the same: two-space indent, {@code "key": value}, empty
 * collections as {@code []}/{@code {}}, and &lt; &gt; &amp; U+2028 U+2029 escaped as {@code
 * \u003c}… (Go's HTML-safe default), except in the mask {@code <sensitive>}. Values: Map (in its
 * order), Collection, String, Number, Boolean, null.
 */
final class GoJson {
  private GoJson() {}

  static String write(Object v) {
    StringBuilder sb = new StringBuilder();
    value(sb, v, "");
    return sb.toString();
  }

  private static void value(StringBuilder sb, Object v, String indent) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> string(sb, s);
      case Boolean b -> sb.append(b);
      case BigDecimal d -> sb.append(d.toPlainString());
      case Number n -> sb.append(n);
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sb.append(indent).append("  ");
          string(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          value(sb, e.getValue(), indent + "  ");
          sb.append(++i < m.size() ? ",\n" : "\n");
        }
        sb.append(indent).append('}');
      }
      case Collection<?> c -> {
        if (c.isEmpty()) {
          sb.append("[]");
          return;
        }
        sb.append("[\n");
        int i = 0;
        for (Object o : c) {
          sb.append(indent).append("  ");
          value(sb, o, indent + "  ");
          sb.append(++i < c.size() ? ",\n" : "\n");
        }
        sb.append(indent).append(']');
      }
      default -> string(sb, v.toString());
    }
  }

  /**
   * The mask of sensitive values, written as is: a masked value then reads the same in every entry,
   * old or new. Packer never writes it, so no byte compatibility is at stake.
   */
  private static final String MASK = "<sensitive>";

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith(MASK, i)) {
        sb.append(MASK);
        i += MASK.length() - 1;
        continue;
      }
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
