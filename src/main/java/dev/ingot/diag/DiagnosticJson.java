package dev.ingot.diag;

/**
 * Writes diagnostics as JSON for tools and editors: an array of objects with {@code severity}
 * ("error" or "warning"), {@code summary}, {@code detail}, an optional {@code context} (the
 * enclosing block header) and {@code range} ({@code filename}, {@code start} and {@code end}, each
 * with 1-based {@code line} and {@code column} in code points and a 0-based UTF-8 {@code byte}).
 * Written by hand so that this package needs only the JDK. Stateless and thread-safe.
 */
public final class DiagnosticJson {
  private DiagnosticJson() {}

  /** The JSON array for {@code diagnostics}; {@code sources} supplies contexts (may be empty). */
  public static String write(Diagnostics diagnostics, SourceSet sources) {
    SourceSet src = sources == null ? SourceSet.empty() : sources;
    StringBuilder out = new StringBuilder("[");
    boolean first = true;
    for (Diagnostic d : diagnostics.all()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append("{\"severity\":").append(d.isError() ? "\"error\"" : "\"warning\"");
      out.append(",\"summary\":");
      string(d.summary(), out);
      out.append(",\"detail\":");
      string(d.detail(), out);
      Range r = d.subject();
      if (r != null) {
        String context = src.contextAt(r.filename(), r.start().byteOffset());
        if (!context.isEmpty()) {
          out.append(",\"context\":");
          string(context, out);
        }
        out.append(",\"range\":{\"filename\":");
        string(r.filename(), out);
        out.append(",\"start\":");
        pos(r.start(), out);
        out.append(",\"end\":");
        pos(r.end(), out);
        out.append('}');
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  private static void pos(Pos p, StringBuilder out) {
    out.append("{\"line\":").append(p.line());
    out.append(",\"column\":").append(p.column());
    out.append(",\"byte\":").append(p.byteOffset()).append('}');
  }

  /** Appends {@code s} as a JSON string literal. */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
