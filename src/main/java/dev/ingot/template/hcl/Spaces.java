package dev.ingot.template.hcl;

import dev.ingot.diag.Suggest;
import java.util.List;

/** White-space trimming with Unicode's notion of space (as HCL's strip markers use it). */
final class Spaces {
  static final List<String> DIRECTIVES = List.of("if", "for", "else", "endif", "endfor");

  private Spaces() {}

  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!isSpace(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return s.substring(i);
  }

  static String trimRight(String s) {
    int i = s.length();
    while (i > 0) {
      int c = s.codePointBefore(i);
      if (!isSpace(c)) {
        break;
      }
      i -= Character.charCount(c);
    }
    return s.substring(0, i);
  }

  /** Number of leading space code points. */
  static int leading(String s) {
    return s.codePointCount(0, s.length() - trimLeft(s).length());
  }

  /** " Did you mean "x"?" for a mistyped directive keyword, or "". */
  static String didYouMean(String given) {
    String s = Suggest.didYouMean(given, DIRECTIVES);
    return s.isEmpty() ? "" : " " + s;
  }
}
