package dev.ingot.template.hcl;

/** Character classes of the native syntax. */
final class Chars {
  private Chars() {}

  /** {@code ID_Start} or underscore. */
  static boolean isIdentStart(int c) {
    return c == '_' || (c >= 0 && Character.isUnicodeIdentifierStart(c));
  }

  /** {@code ID_Continue} or a dash; format controls such as NUL are not part of names. */
  static boolean isIdentPart(int c) {
    return c == '-'
        || (c >= 0 && Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
  }

  /** True if {@code s} is a valid identifier. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !isIdentStart(s.codePointAt(0))) {
      return false;
    }
    return s.codePoints().skip(1).allMatch(Chars::isIdentPart);
  }
}
