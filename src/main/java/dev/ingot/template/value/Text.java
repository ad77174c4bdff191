package dev.ingot.template.value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text helpers with cty's idea of a character: a user-perceived character (an extended grapheme
 * cluster), so "é" written as e + combining accent has length 1. Stateless; thread-safe.
 */
public final class Text {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private Text() {}

  /** The string split into grapheme clusters. */
  public static List<String> graphemes(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public static int graphemeLength(String s) {
    int n = 0;
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Compares by Unicode code point, which is also the order of the UTF-8 encodings (Go's). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
