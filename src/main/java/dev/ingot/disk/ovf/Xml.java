package dev.ingot.disk.ovf;

/** A tiny indenting XML writer with escaping, enough for OVF envelopes. Not thread-safe. */
final class Xml {
  private final StringBuilder s = new StringBuilder();
  private int depth;

  void raw(String text) {
    s.append(text);
  }

  void open(String name, String... attrs) {
    start(name, attrs);
    s.append(">\n");
    depth++;
  }

  void empty(String name, String... attrs) {
    start(name, attrs);
    s.append("/>\n");
  }

  void text(String name, String value) {
    indent();
    s.append('<')
        .append(name)
        .append('>')
        .append(escape(value))
        .append("</")
        .append(name)
        .append(">\n");
  }

  void close(String name) {
    depth--;
    indent();
    s.append("</").append(name).append(">\n");
  }

  private void start(String name, String... attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    indent();
    s.append('<').append(name);
    for (int i = 0; i < attrs.length; i += 2) {
      s.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
    }
  }

  private void indent() {
    s.append("  ".repeat(depth));
  }

  static String escape(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return s.toString();
  }
}
