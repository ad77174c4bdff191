package dev.ingot.diag;

import java.util.regex.Pattern;

/**
 * Jackson's reason for refusing a JSON text, fit to show a user: its words for a text cut short
 * ("Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])") become plain
 * ones, and the source-location clauses it appends go: the caller says file:line:col itself.
 *
 * <p>It takes the exception's original message, not the exception: this package uses the JDK only.
 */
public final class JsonReason {
  private static final Pattern LOCATION =
      Pattern.compile("\\s*\\((?:start marker at )?\\[Source: [^\\]]*\\]\\)|\\s*at \\[Source:.*$");

  private JsonReason() {}

  public static String of(String m) {
    if (m == null || m.isBlank()) {
      return "not valid JSON";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "the text ends before the JSON it opened is closed (is it cut short?)";
    }
    return LOCATION.matcher(m).replaceAll("");
  }
}
