package dev.ingot.template.hcl;

import dev.ingot.diag.Pos;

/** The diagnostics for characters that are not part of the language, worded as HCL does. */
final class InvalidChars {
  private InvalidChars() {}

  /** How often each kind is reported per file, as HCL limits them, so one paste does not flood. */
  static int limit(String summary, String detail) {
    return summary.equals("Unsupported operator") || detail.startsWith("This character") ? 4 : 1;
  }

  static void report(int c, Lexer lexer, Pos start) {
    String bitwise = "Bitwise operators are not supported.";
    switch (c) {
      case '&' ->
          lexer.error(
              "Unsupported operator", bitwise + " Did you mean boolean AND (\"&&\")?", start);
      case '|' ->
          lexer.error(
              "Unsupported operator", bitwise + " Did you mean boolean OR (\"||\")?", start);
      case '~' ->
          lexer.error(
              "Unsupported operator", bitwise + " Did you mean boolean NOT (\"!\")?", start);
      case '^' -> lexer.error("Unsupported operator", bitwise, start);
      case ';' ->
          lexer.error(
              "Invalid character",
              "The \";\" character is not valid. Use newlines to separate arguments and blocks,"
                  + " and commas to separate items in collection values.",
              start);
      case '`' ->
          lexer.error(
              "Invalid character",
              "The \"`\" character is not valid. To create a multi-line string, use the"
                  + " \"heredoc\" syntax, like \"<<EOT\".",
              start);
      case '\'' ->
          lexer.error(
              "Invalid character",
              "Single quotes are not valid. Use double quotes (\") to enclose strings.",
              start);
      case Cursor.BAD -> badEncoding(lexer, start);
      default ->
          lexer.error(
              "Invalid character", "This character is not used within the language.", start);
    }
  }

  static void badEncoding(Lexer lexer, Pos start) {
    lexer.error(
        "Invalid character encoding",
        "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your"
            + " editor.",
        start);
  }
}
