package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** timestamp, formatdate and timeadd, on RFC 3339 strings as Terraform and Packer use them. */
final class DateFunctions {
  private DateFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder(
                "timestamp",
                "Returns the current time (from the build's clock) as an RFC 3339 string in UTC.")
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        Rfc3339.format(
                            OffsetDateTime.now(ctx.clock())
                                .withOffsetSameInstant(ZoneOffset.UTC)))),
        Fn.builder(
                "formatdate",
                "Formats an RFC 3339 timestamp with a format such as \"YYYY-MM-DD hh:mm\".")
            .param("format", Type.STRING)
            .param("time", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        formatdate(a.get(0).asString(), parse(a.get(1).asString(), 1, "time")))),
        Fn.builder(
                "timeadd",
                "Adds a duration such as \"1h30m\" or \"-10s\" to an RFC 3339 timestamp.")
            .param("timestamp", Type.STRING)
            .param("duration", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) -> {
                  OffsetDateTime t = parse(a.get(0).asString(), 0, "timestamp");
                  try {
                    return Value.string(
                        Rfc3339.format(t.plusNanos(GoDuration.parseNanos(a.get(1).asString()))));
                  } catch (GoDuration.BadDuration e) {
                    throw FunctionException.argument(
                        1, "duration", e.getMessage() + "; use units h, m, s, ms, us or ns");
                  }
                }));
  }

  private static OffsetDateTime parse(String s, int index, String param) throws FunctionException {
    try {
      return Rfc3339.parse(s);
    } catch (Rfc3339.BadTimestamp e) {
      throw FunctionException.argument(index, param, e.getMessage());
    }
  }

  /**
   * cty's formatdate: runs of one letter are verbs, 'quoted' text is literal, other text is kept.
   */
  static String formatdate(String format, OffsetDateTime t) throws FunctionException {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '\'') {
        int j = i + 1;
        StringBuilder lit = new StringBuilder();
        while (true) {
          if (j >= format.length()) {
            throw FunctionException.argument(0, "format", "unterminated literal '");
          }
          if (format.charAt(j) == '\'') {
            if (j + 1 < format.length() && format.charAt(j + 1) == '\'') {
              lit.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          lit.append(format.charAt(j++));
        }
        // A lone '' is a literal quote.
        b.append(j == i + 1 ? "'" : lit);
        i = j + 1;
        continue;
      }
      if (!isAsciiLetter(c)) {
        int j = i;
        while (j < format.length()
            && !isAsciiLetter(format.charAt(j))
            && format.charAt(j) != '\'') {
          j++;
        }
        b.append(format, i, j);
        i = j;
        continue;
      }
      int j = i;
      while (j < format.length() && format.charAt(j) == c) {
        j++;
      }
      b.append(verb(format.substring(i, j), t));
      i = j;
    }
    return b.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String verb(String tok, OffsetDateTime t) throws FunctionException {
    int n = tok.length();
    return switch (tok.charAt(0)) {
      case 'Y' ->
          n == 2
              ? two(Math.floorMod(t.getYear(), 100))
              : n == 4
                  ? String.format("%04d", t.getYear())
                  : bad(tok, "year must either be \"YY\" or \"YYYY\"");
      case 'M' ->
          switch (n) {
            case 1 -> Integer.toString(t.getMonthValue());
            case 2 -> two(t.getMonthValue());
            case 3 -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 4 -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            default -> bad(tok, "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
          };
      case 'D' -> oneOrTwo(tok, t.getDayOfMonth(), "day of month must either be \"D\" or \"DD\"");
      case 'E' ->
          n == 3
              ? t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
              : n == 4
                  ? t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                  : bad(tok, "day of week must either be \"EEE\" or \"EEEE\"");
      case 'h' -> oneOrTwo(tok, t.getHour(), "24-hour must either be \"h\" or \"hh\"");
      case 'H' ->
          oneOrTwo(
              tok,
              t.getHour() % 12 == 0 ? 12 : t.getHour() % 12,
              "12-hour must either be \"H\" or \"HH\"");
      case 'a', 'A' -> {
        if (n != 2) {
          yield bad(tok, "must be \"" + tok.charAt(0) + tok.charAt(0) + "\"");
        }
        String ampm = t.getHour() < 12 ? "am" : "pm";
        yield tok.charAt(0) == 'A' ? ampm.toUpperCase(Locale.ROOT) : ampm;
      }
      case 'm' -> oneOrTwo(tok, t.getMinute(), "minute must either be \"m\" or \"mm\"");
      case 's' -> oneOrTwo(tok, t.getSecond(), "second must either be \"s\" or \"ss\"");
      case 'Z' ->
          switch (n) {
            case 1 -> t.getOffset().getTotalSeconds() == 0 ? "Z" : t.getOffset().getId();
            case 3 ->
                t.getOffset().getTotalSeconds() == 0
                    ? "UTC"
                    : t.getOffset().getId().replace(":", "");
            case 4 ->
                t.getOffset().getTotalSeconds() == 0
                    ? "+0000"
                    : t.getOffset().getId().replace(":", "");
            case 5 -> t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
            default -> bad(tok, "timezone must be Z, ZZZZ, or ZZZZZ");
          };
      default ->
          throw FunctionException.argument(0, "format", "invalid date format verb \"" + tok + "\"");
    };
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String oneOrTwo(String tok, int v, String rule) throws FunctionException {
    return tok.length() == 1 ? Integer.toString(v) : tok.length() == 2 ? two(v) : bad(tok, rule);
  }

  private static String bad(String tok, String rule) throws FunctionException {
    throw FunctionException.argument(
        0, "format", "invalid date format verb \"" + tok + "\": " + rule);
  }
}
