package dev.ingot.template.fn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An RE2 pattern (the syntax of Go's {@code regexp}, which Packer and Terraform use) translated to
 * {@link java.util.regex}. The translation keeps RE2's meaning where Java differs: {@code $}
 * without {@code (?m)} matches only at the very end, {@code .} excludes only {@code \n}, {@code
 * (?P<name>…)} groups may use underscores, {@code [} and {@code &&} are literal inside classes,
 * POSIX classes such as {@code [[:alpha:]]} work, {@code (?i)} folds Unicode case, and a {@code {}
 * that is not a repetition is literal. Perl features RE2 refuses (backreferences, lookaround,
 * atomic groups) are refused too, so a template behaves the same under Packer. Immutable.
 */
record Re2(String source, Pattern pattern, List<String> groupNames) {
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"),
          Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("ascii", "\\p{ASCII}"),
          Map.entry("blank", "\\p{Blank}"),
          Map.entry("cntrl", "\\p{Cntrl}"),
          Map.entry("digit", "\\p{Digit}"),
          Map.entry("graph", "\\p{Graph}"),
          Map.entry("lower", "\\p{Lower}"),
          Map.entry("print", "\\p{Print}"),
          Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\s\\x0B"),
          Map.entry("upper", "\\p{Upper}"),
          Map.entry("word", "\\w"),
          Map.entry("xdigit", "\\p{XDigit}"));

  /** Thrown for a pattern RE2 would not accept; the message is in RE2's words. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message);
    }
  }

  /** Number of capture groups. */
  int groups() {
    return groupNames.size();
  }

  boolean hasNamedGroups() {
    return groupNames.stream().anyMatch(n -> n != null);
  }

  boolean hasUnnamedGroups() {
    return groupNames.stream().anyMatch(n -> n == null);
  }

  static Re2 compile(String re) throws SyntaxError {
    Translator t = new Translator(re);
    String translated = t.translate();
    try {
      return new Re2(
          re,
          Pattern.compile(translated, Pattern.UNIX_LINES | Pattern.UNICODE_CASE),
          java.util.Collections.unmodifiableList(new ArrayList<>(t.names)));
    } catch (PatternSyntaxException e) {
      throw new SyntaxError(e.getDescription());
    }
  }

  /**
   * The matches of the pattern in {@code s} as Go's {@code FindAll…} finds them: leftmost first,
   * not overlapping, and an empty match right after the previous match is skipped.
   */
  List<MatchResultView> findAll(String s, int limit) {
    List<MatchResultView> out = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    int prevEnd = -1;
    int from = 0;
    while (from <= s.length() && (limit < 0 || out.size() < limit) && m.find(from)) {
      int start = m.start();
      int end = m.end();
      if (start == end && start == prevEnd) {
        // Go ignores an empty match abutting the previous match; retry one character on.
        if (start >= s.length()) {
          break;
        }
        from = start + Character.charCount(s.codePointAt(start));
        continue;
      }
      String[] groups = new String[m.groupCount() + 1];
      for (int g = 0; g <= m.groupCount(); g++) {
        groups[g] = m.group(g);
      }
      out.add(new MatchResultView(start, end, groups));
      prevEnd = end;
      if (end == start) {
        if (end >= s.length()) {
          break;
        }
        from = end + Character.charCount(s.codePointAt(end));
      } else {
        from = end;
      }
    }
    return out;
  }

  /** One match: its bounds and its groups (group 0 is the whole match; null if unmatched). */
  record MatchResultView(int start, int end, String[] groups) {}

  /** {@code s} with every match replaced by {@code template} expanded as Go's {@code Expand}. */
  String replaceAll(String s, String template) {
    StringBuilder b = new StringBuilder();
    int last = 0;
    for (MatchResultView m : findAll(s, -1)) {
      b.append(s, last, m.start());
      expand(template, m, b);
      last = m.end();
    }
    return b.append(s.substring(last)).toString();
  }

  /**
   * Go's template expansion: {@code $1}, {@code $name}, {@code ${name}}; a name is the longest run
   * of letters, digits and underscores; unknown names expand to nothing; {@code $$} is a dollar.
   */
  private void expand(String template, MatchResultView m, StringBuilder b) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        b.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        b.append('$');
        i += 2;
        continue;
      }
      String name;
      int after;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        name = close < 0 ? "" : template.substring(i + 2, close);
        after = close + 1;
        if (close < 0 || name.isEmpty() || !isName(name)) {
          b.append('$');
          i++;
          continue;
        }
      } else {
        int j = i + 1;
        while (j < template.length() && isNameChar(template.charAt(j))) {
          j++;
        }
        name = template.substring(i + 1, j);
        after = j;
        if (name.isEmpty()) {
          b.append('$');
          i++;
          continue;
        }
      }
      String g = group(m, name);
      if (g != null) {
        b.append(g);
      }
      i = after;
    }
  }

  private String group(MatchResultView m, String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int n = Integer.parseInt(name);
        return n < m.groups().length ? m.groups()[n] : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    int idx = groupNames.indexOf(name);
    return idx < 0 ? null : m.groups()[idx + 1];
  }

  private static boolean isName(String s) {
    return s.chars().allMatch(c -> isNameChar((char) c));
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  /** Walks an RE2 pattern once, writing the equivalent Java pattern. */
  private static final class Translator {
    private final String re;
    private final StringBuilder out = new StringBuilder();
    private final List<String> names = new ArrayList<>();
    private final Deque<Boolean> multiline = new ArrayDeque<>();
    private int i;

    Translator(String re) {
      this.re = re;
      multiline.push(false);
    }

    String translate() throws SyntaxError {
      while (i < re.length()) {
        char c = re.charAt(i);
        switch (c) {
          case '\\' -> escape(false);
          case '[' -> charClass();
          case '(' -> group();
          case ')' -> {
            if (multiline.size() <= 1) {
              throw new SyntaxError("unexpected ): `" + re + "`");
            }
            multiline.pop();
            out.append(')');
            i++;
          }
          case '$' -> {
            out.append(multiline.peek() ? "(?=\\n|\\z)" : "\\z");
            i++;
          }
          case '{' -> {
            if (re.substring(i).matches("(?s)\\{[0-9]+(,[0-9]*)?}.*")) {
              int close = re.indexOf('}', i);
              out.append(re, i, close + 1);
              i = close + 1;
            } else {
              out.append("\\{");
              i++;
            }
          }
          default -> {
            out.append(c);
            i++;
          }
        }
      }
      if (multiline.size() > 1) {
        throw new SyntaxError("missing closing ): `" + re + "`");
      }
      return out.toString();
    }

    private void escape(boolean inClass) throws SyntaxError {
      if (i + 1 >= re.length()) {
        throw new SyntaxError("trailing backslash at end of expression");
      }
      char n = re.charAt(i + 1);
      if (n >= '1' && n <= '9') {
        throw new SyntaxError("invalid escape sequence: `\\" + n + "`");
      }
      switch (n) {
        case 'Z', 'G', 'R', 'X', 'h', 'H', 'V', 'k', 'K', 'e', 'c' ->
            throw new SyntaxError("invalid escape sequence: `\\" + n + "`");
        case 'C' -> out.append(inClass ? "\\x00-\\x{10FFFF}" : "(?s:.)");
        case 'Q' -> {
          int end = re.indexOf("\\E", i + 2);
          String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
          out.append(
              inClass
                  ? Pattern.quote(lit).replace("\\Q", "").replace("\\E", "")
                  : Pattern.quote(lit));
          i = end < 0 ? re.length() : end + 2;
          return;
        }
        case 'v' -> out.append("\\x0B");
        default -> out.append('\\').append(n);
      }
      i += 2;
    }

    private void charClass() throws SyntaxError {
      out.append('[');
      i++;
      if (i < re.length() && re.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      boolean first = true;
      while (true) {
        if (i >= re.length()) {
          throw new SyntaxError("missing closing ]: `" + re + "`");
        }
        char c = re.charAt(i);
        if (c == ']' && !first) {
          out.append(']');
          i++;
          return;
        }
        first = false;
        if (c == '[' && re.startsWith("[:", i)) {
          int end = re.indexOf(":]", i + 2);
          if (end > 0) {
            String name = re.substring(i + 2, end);
            boolean negate = name.startsWith("^");
            String cls = POSIX.get(negate ? name.substring(1) : name);
            if (cls == null) {
              throw new SyntaxError(
                  "invalid character class range: `" + re.substring(i, end + 2) + "`");
            }
            out.append(negate ? "[^" + cls + "]" : cls);
            i = end + 2;
            continue;
          }
        }
        switch (c) {
          case '\\' -> escape(true);
          case '[', ']', '&', '~' -> {
            out.append('\\').append(c);
            i++;
          }
          default -> {
            out.append(c);
            i++;
          }
        }
      }
    }

    private void group() throws SyntaxError {
      if (!re.startsWith("(?", i)) {
        names.add(null);
        multiline.push(multiline.peek());
        out.append('(');
        i++;
        return;
      }
      int nameStart =
          re.startsWith("(?P<", i)
              ? i + 4
              : re.startsWith("(?<", i) && !re.startsWith("(?<=", i) && !re.startsWith("(?<!", i)
                  ? i + 3
                  : -1;
      if (nameStart > 0) {
        int close = re.indexOf('>', nameStart);
        String name = close < 0 ? "" : re.substring(nameStart, close);
        if (close < 0 || name.isEmpty() || !isName(name)) {
          throw new SyntaxError(
              "invalid named capture: `" + re.substring(i, Math.max(close + 1, i + 3)) + "`");
        }
        if (names.contains(name)) {
          throw new SyntaxError("duplicate capture group name: `" + name + "`");
        }
        names.add(name);
        multiline.push(multiline.peek());
        out.append('(');
        i = close + 1;
        return;
      }
      // Flags: (?flags) or (?flags:...)
      int j = i + 2;
      boolean on = true;
      Boolean m = null;
      StringBuilder flags = new StringBuilder();
      while (j < re.length() && re.charAt(j) != ')' && re.charAt(j) != ':') {
        char f = re.charAt(j);
        switch (f) {
          case 'i', 's' -> flags.append(f);
          case 'm' -> {
            m = on;
            flags.append(f);
          }
          case '-' -> {
            if (!on) {
              throw new SyntaxError(
                  "invalid or unsupported Perl syntax: `" + re.substring(i, j + 1) + "`");
            }
            on = false;
            flags.append(f);
          }
          case 'U' -> throw new SyntaxError("the ungreedy flag (?U) is not supported");
          default ->
              throw new SyntaxError(
                  "invalid or unsupported Perl syntax: `" + re.substring(i, j + 1) + "`");
        }
        j++;
      }
      if (j >= re.length()) {
        throw new SyntaxError("missing closing ): `" + re + "`");
      }
      boolean scoped = re.charAt(j) == ':';
      if (!scoped && flags.isEmpty()) {
        throw new SyntaxError("missing argument to repetition operator: `?`");
      }
      if (scoped) {
        multiline.push(m == null ? multiline.peek() : m);
        out.append("(?").append(flags).append(':');
      } else {
        if (m != null) {
          multiline.pop();
          multiline.push(m);
        }
        out.append("(?").append(flags).append(')');
      }
      i = j + 1;
    }
  }
}
