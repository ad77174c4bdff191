package dev.ingot.diag;

/**
 * Strings from images and feeds made safe to print on a terminal. An image label, a package name or
 * a file name could hold escape sequences that recolour, move the cursor or forge lines, so control
 * characters and bidirectional overrides are shown as escapes; other Unicode is kept. Pure and
 * thread-safe.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code v} as text with C0 controls (newlines too), DEL and C1 controls shown as {@code \xNN},
   * and bidi embeddings, overrides and isolates (which reorder what follows) as {@code \}{@code
   * uNNNN}.
   */
  public static String of(Object v) {
    String s = String.valueOf(v);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) { // C0, DEL, C1
                b.append(String.format("\\x%02x", c));
              } else if (isBidiControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /**
   * JSON text with DEL, C1 controls and bidi controls written as {@code \}{@code uNNNN}: JSON
   * writers escape only C0 controls in strings, and leave these raw. They can stand only inside
   * strings, so the result is the same JSON value. C0 characters are left alone: outside strings
   * they are the writer's own line breaks.
   */
  public static String inJson(String json) {
    if (json.codePoints().noneMatch(Printable::escapesInJson)) {
      return json; // the common case: a report of megabytes is not copied
    }
    StringBuilder b = new StringBuilder(json.length() + 16);
    json.codePoints()
        .forEach(
            c -> {
              if (escapesInJson(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  private static boolean escapesInJson(int c) {
    return c >= 0x7f && escapes(c);
  }

  /** Whether {@link #of} shows {@code c} as an escape (JSON writers escape the same set). */
  public static boolean escapes(int c) {
    return Character.isISOControl(c) || isBidiControl(c);
  }

  // Embeddings, overrides and isolates, the directional marks (LRM, RLM, ALM), the line and
  // paragraph separators (a line break to a terminal) and the zero-width characters that hide
  // text: all change what a line shows without being seen.
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || (c >= 0x200B && c <= 0x200F)
        || c == 0x061C
        || c == 0x2028
        || c == 0x2029
        || c == 0x2060
        || c == 0xFEFF;
  }
}
