package dev.ingot.template.hcl;

import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;

/** Decodes the text of literal tokens: backslash escapes (quoted only), {@code $${} and {@code %%{}. */
final class StringLiterals {
  private static final String INVALID_ESCAPE = "Invalid escape sequence";

  private StringLiterals() {}

  static String decode(Token tok, boolean quoted, Parse p) {
    String s = tok.text();
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted && c == '\\') {
        i = escape(tok, i, out, p);
      } else if ((c == '$' || c == '%') && s.startsWith(c + "{", i + 1)) {
        out.append(c).append('{');
        i += 3;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Decodes the escape starting at {@code i} (a backslash); returns the index after it. */
  private static int escape(Token tok, int i, StringBuilder out, Parse p) {
    String s = tok.text();
    if (i + 1 >= s.length()) {
      p.error(
          INVALID_ESCAPE,
          "Backslash must be followed by an escape sequence selector character.",
          sub(tok, i, i + 1));
      return i + 1;
    }
    char d = s.charAt(i + 1);
    switch (d) {
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'u', 'U' -> {
        return unicode(tok, i, d == 'u' ? 4 : 8, out, p);
      }
      default -> {
        int cp = s.codePointAt(i + 1);
        int end = i + 1 + Character.charCount(cp);
        p.error(
            INVALID_ESCAPE,
            "The symbol "
                + Strings.quote(new String(Character.toChars(cp)))
                + " is not a valid"
                + " escape sequence selector.",
            sub(tok, i, end));
        out.appendCodePoint(cp);
        return end;
      }
    }
    return i + 2;
  }

  private static int unicode(Token tok, int i, int digits, StringBuilder out, Parse p) {
    String s = tok.text();
    int j = i + 2;
    while (j < s.length() && j < i + 2 + digits && Character.digit(s.charAt(j), 16) >= 0) {
      j++;
    }
    if (j - (i + 2) != digits) {
      p.error(
          INVALID_ESCAPE,
          "The \\"
              + s.charAt(i + 1)
              + " escape sequence must be followed by "
              + (digits == 4 ? "four" : "eight")
              + " hexadecimal digits.",
          sub(tok, i, j));
      return j;
    }
    long cp = Long.parseLong(s.substring(i + 2, j), 16);
    if (cp > Character.MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff)) {
      p.error(
          INVALID_ESCAPE,
          String.format("Cannot encode character U+%04x in UTF-8.", cp),
          sub(tok, i, j));
      return j;
    }
    out.appendCodePoint((int) cp);
    return j;
  }

  /** The range of characters {@code [from, to)} of the token's text. */
  private static Range sub(Token tok, int from, int to) {
    String s = tok.text();
    Pos start = Ranges.advance(tok.range().start(), s.substring(0, from));
    Pos end = Ranges.advance(start, s.substring(from, Math.min(to, s.length())));
    return new Range(tok.range().filename(), start, end);
  }
}
