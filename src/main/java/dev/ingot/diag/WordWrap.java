package dev.ingot.diag;

/** Greedy word wrapping of diagnostic details, as HCL does for terminal output. */
final class WordWrap {
  private WordWrap() {}

  /**
   * Breaks each line of {@code text} at spaces so that no line is longer than {@code width} code
   * points, except single words that are longer on their own. Existing line breaks are kept. {@code
   * width <= 0} disables wrapping.
   */
  static String wrap(String text, int width) {
    if (width <= 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      wrapLine(lines[i], width, out);
    }
    return out.toString();
  }

  private static void wrapLine(String line, int width, StringBuilder out) {
    int lineLen = 0;
    boolean first = true;
    for (String word : line.split(" ", -1)) {
      int len = word.codePointCount(0, word.length());
      if (first) {
        out.append(word);
        lineLen = len;
        first = false;
      } else if (lineLen + 1 + len <= width) {
        out.append(' ').append(word);
        lineLen += 1 + len;
      } else {
        out.append('\n').append(word);
        lineLen = len;
      }
    }
  }
}
