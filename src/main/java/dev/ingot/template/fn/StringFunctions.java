package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.Text;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/** String functions: case, trimming, substrings, splitting, joining and replacing. */
final class StringFunctions {
  private static final Pattern TRAILING_NEWLINES = Pattern.compile("(?:\r\n?|\n)*\\z");

  private StringFunctions() {}

  static List<Function> all() {
    return List.of(
        unary(
            "upper",
            "Converts all letters in the string to upper case.",
            s -> mapCodePoints(s, Character::toUpperCase)),
        unary(
            "lower",
            "Converts all letters in the string to lower case.",
            s -> mapCodePoints(s, Character::toLowerCase)),
        unary(
            "title",
            "Converts the first letter of each word in the string to upper case.",
            StringFunctions::title),
        unary(
            "trimspace",
            "Removes whitespace from the start and end of the string.",
            s -> trim(s, StringFunctions::isGoSpace)),
        unary(
            "chomp",
            "Removes newline characters at the end of the string.",
            s -> TRAILING_NEWLINES.matcher(s).replaceFirst("")),
        unary(
            "strrev",
            "Reverses the characters (grapheme clusters) of the string.",
            StringFunctions::reverse),
        Fn.builder("trim", "Removes the given characters from the start and end of the string.")
            .param("str", Type.STRING)
            .param("cutset", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  String cut = a.get(1).asString();
                  return Value.string(
                      trim(a.get(0).asString(), cp -> cut.indexOf(Character.toString(cp)) >= 0));
                }),
        Fn.builder(
                "trimprefix", "Removes the given prefix from the start of the string, if present.")
            .param("str", Type.STRING)
            .param("prefix", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  String s = a.get(0).asString();
                  String p = a.get(1).asString();
                  return Value.string(s.startsWith(p) ? s.substring(p.length()) : s);
                }),
        Fn.builder("trimsuffix", "Removes the given suffix from the end of the string, if present.")
            .param("str", Type.STRING)
            .param("suffix", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  String s = a.get(0).asString();
                  String p = a.get(1).asString();
                  return Value.string(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
                }),
        Fn.builder("indent", "Adds the given number of spaces after each newline in the string.")
            .param("spaces", Type.NUMBER)
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  long n = Args.whole(a.get(0), 0, "spaces");
                  if (n < 0 || n > 1024) {
                    throw FunctionException.argument(
                        0, "spaces", "the number of spaces must be between 0 and 1024, got " + n);
                  }
                  return Value.string(
                      a.get(1).asString().replace("\n", "\n" + " ".repeat((int) n)));
                }),
        Fn.builder("substr", "Extracts a substring by offset and length, counted in characters.")
            .param("str", Type.STRING)
            .param("offset", Type.NUMBER)
            .param("length", Type.NUMBER)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        substr(
                            a.get(0).asString(),
                            Args.index(a.get(1), 1, "offset"),
                            Args.index(a.get(2), 2, "length")))),
        Fn.builder(
                "join",
                "Concatenates the elements of the given lists, with the separator between them.")
            .param("separator", Type.STRING)
            .variadic(Param.of("lists", Type.list(Type.STRING)))
            .returns(Type.STRING)
            .body(StringFunctions::join),
        Fn.builder("split", "Divides the string into a list at each occurrence of the separator.")
            .param("separator", Type.STRING)
            .param("str", Type.STRING)
            .returns(Type.list(Type.STRING))
            .body((a, ctx) -> split(a.get(0).asString(), a.get(1).asString())),
        Fn.builder(
                "replace",
                "Replaces each occurrence of a substring, or of a /regular expression/, with a replacement.")
            .param("str", Type.STRING)
            .param("substr", Type.STRING)
            .param("replace", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  String s = a.get(0).asString();
                  String sub = a.get(1).asString();
                  String rep = a.get(2).asString();
                  if (sub.length() > 1 && sub.startsWith("/") && sub.endsWith("/")) {
                    return Value.string(
                        RegexFunctions.compile(sub.substring(1, sub.length() - 1), 1, "substr")
                            .replaceAll(s, rep));
                  }
                  return Value.string(replaceLiteral(s, sub, rep));
                }),
        Fn.builder(
                "regex_replace",
                "Replaces each match of a regular expression with a replacement ($1 and ${name} refer to groups).")
            .param("str", Type.STRING)
            .param("pattern", Type.STRING)
            .param("replace", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        RegexFunctions.compile(a.get(1).asString(), 1, "pattern")
                            .replaceAll(a.get(0).asString(), a.get(2).asString()))));
  }

  private interface StringOp {
    String apply(String s);
  }

  private static Function unary(String name, String description, StringOp op) {
    return Fn.builder(name, description)
        .param("str", Type.STRING)
        .returns(Type.STRING)
        .body((a, ctx) -> Value.string(op.apply(a.get(0).asString())));
  }

  /** Per code point, as Go's strings.ToUpper/ToLower do (no special casing such as ß to SS). */
  static String mapCodePoints(String s, IntUnaryOperator f) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(f.applyAsInt(cp)));
    return b.toString();
  }

  /** Go's strings.Title: the first letter after a separator goes to title case. */
  private static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      b.appendCodePoint(isTitleSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean isTitleSeparator(int r) {
    if (r <= 0x7F) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return isGoSpace(r);
  }

  /** Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space separators. */
  static boolean isGoSpace(int cp) {
    if (cp <= 0xFF) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    return Character.isSpaceChar(cp);
  }

  private static String trim(String s, java.util.function.IntPredicate drop) {
    int start = 0;
    int end = s.length();
    while (start < end && drop.test(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && drop.test(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static String reverse(String s) {
    List<String> g = Text.graphemes(s);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = g.size() - 1; i >= 0; i--) {
      b.append(g.get(i));
    }
    return b.toString();
  }

  /** cty's substr: grapheme clusters; a negative offset counts from the end; length -1 = rest. */
  static String substr(String s, int offset, int length) {
    List<String> g = Text.graphemes(s);
    int start = offset < 0 ? Math.max(0, g.size() + offset) : offset;
    if (start >= g.size()) {
      return "";
    }
    int end = length < 0 ? g.size() : (int) Math.min(g.size(), (long) start + length);
    return String.join("", g.subList(start, end));
  }

  private static Value join(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.size() < 2) {
      throw FunctionException.failed("join", "at least one list is required");
    }
    StringBuilder b = new StringBuilder();
    String sep = a.get(0).asString();
    int n = 0;
    for (int i = 1; i < a.size(); i++) {
      List<Value> elems = a.get(i).elements();
      for (int j = 0; j < elems.size(); j++) {
        Value e = elems.get(j);
        if (e.isNull()) {
          throw FunctionException.argument(
              i, "lists", "element " + j + " is null; cannot concatenate null values");
        }
        if (n++ > 0) {
          b.append(sep);
        }
        b.append(e.asString());
      }
    }
    return Value.string(b.toString());
  }

  /** Go's strings.Split: an empty separator splits into code points. */
  static Value split(String sep, String s) {
    List<Value> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(Value.string(Character.toString(cp))));
    } else {
      int from = 0;
      int at;
      while ((at = s.indexOf(sep, from)) >= 0) {
        parts.add(Value.string(s.substring(from, at)));
        from = at + sep.length();
      }
      parts.add(Value.string(s.substring(from)));
    }
    return new ListValue(Type.STRING, parts, false);
  }

  /** Go's strings.Replace with n = -1: an empty old string inserts around every code point. */
  private static String replaceLiteral(String s, String old, String rep) {
    if (!old.isEmpty()) {
      return s.replace(old, rep);
    }
    StringBuilder b = new StringBuilder(rep);
    s.codePoints().forEach(cp -> b.appendCodePoint(cp).append(rep));
    return b.toString();
  }
}
