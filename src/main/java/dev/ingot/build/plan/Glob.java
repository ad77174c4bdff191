package dev.ingot.build.plan;

import java.util.regex.Pattern;

/**
 * A glob as Packer 1.6 matches -only/-except (gobwas/glob without separators): {@code *} any run of
 * characters (dots included), {@code ?} one character, {@code [abc]}, {@code [a-z]}, {@code [!abc]}
 * classes, {@code {a,b}} alternatives (nestable), {@code \} escapes. Immutable.
 */
public record Glob(String pattern, Pattern regex) {
  /** Parses {@code pattern}; throws IllegalArgumentException with a reason when malformed. */
  public static Glob parse(String pattern) {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '\\' -> {
          if (++i >= pattern.length()) {
            throw new IllegalArgumentException("unexpected end of pattern after \\");
          }
          re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
        }
        case '[' -> i = charClass(pattern, i, re);
        case '{' -> {
          depth++;
          re.append("(?:");
        }
        case '}' -> {
          if (depth == 0) {
            throw new IllegalArgumentException("unexpected } at " + (i + 1));
          }
          depth--;
          re.append(')');
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unclosed {");
    }
    return new Glob(pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  private static int charClass(String p, int start, StringBuilder re) {
    int end = p.indexOf(']', start + 1);
    if (end < 0) {
      throw new IllegalArgumentException("unclosed [ at " + (start + 1));
    }
    String body = p.substring(start + 1, end);
    boolean negate = body.startsWith("!");
    if (negate) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty character class at " + (start + 1));
    }
    re.append('[').append(negate ? "^" : "");
    for (char ch : body.toCharArray()) {
      // Inside a class only these are special to java.util.regex; '-' keeps its range meaning.
      if ("\\^[]&".indexOf(ch) >= 0) {
        re.append('\\');
      }
      re.append(ch);
    }
    re.append(']');
    return end;
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
