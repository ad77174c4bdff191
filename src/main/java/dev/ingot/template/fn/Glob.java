package dev.ingot.template.fn;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The glob patterns of {@code fileset}, as Terraform documents them: {@code *} and {@code ?} within
 * one path segment, {@code **} across segments (also none), {@code {a,b}} alternatives, {@code
 * [class]} and {@code [^class]}, {@code \} escapes. Compiled to a regular expression over
 * slash-separated relative paths. Immutable.
 */
record Glob(String source, Pattern regex) {
  static final class GlobError extends Exception {
    GlobError(String message) {
      super(message);
    }
  }

  static Glob compile(String glob) throws GlobError {
    StringBuilder re = new StringBuilder();
    int braces = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          boolean dbl = glob.startsWith("**", i);
          boolean segStart = i == 0 || glob.charAt(i - 1) == '/';
          boolean segEnd = i + 2 >= glob.length() || glob.charAt(i + 2) == '/';
          if (dbl && segStart && segEnd) {
            if (i + 2 < glob.length()) {
              re.append("(?:[^/]*(?:/[^/]*)*/)?"); // "**/": zero or more directories
              i += 3;
            } else {
              re.append(".*");
              i += 2;
            }
            continue;
          }
          re.append("[^/]*");
          i += dbl ? 2 : 1;
          continue;
        }
        case '?' -> re.append("[^/]");
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw new GlobError("syntax error in pattern: unbalanced }");
          }
          braces--;
          re.append(')');
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            throw new GlobError("syntax error in pattern: unclosed [");
          }
          String cls = glob.substring(i + 1, end);
          boolean negate = cls.startsWith("^") || cls.startsWith("!");
          re.append(negate ? "[^/" : "[");
          re.append(
              cls.substring(negate ? 1 : 0)
                  .replace("\\", "\\\\")
                  .replace("[", "\\[")
                  .replace("&", "\\&"));
          re.append(']');
          i = end + 1;
          continue;
        }
        case '\\' -> {
          if (i + 1 >= glob.length()) {
            throw new GlobError("syntax error in pattern: trailing backslash");
          }
          re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
          i += 2;
          continue;
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    if (braces != 0) {
      throw new GlobError("syntax error in pattern: unbalanced {");
    }
    try {
      return new Glob(glob, Pattern.compile(re.toString()));
    } catch (PatternSyntaxException e) {
      throw new GlobError("syntax error in pattern: " + e.getDescription());
    }
  }

  boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }
}
