package dev.ingot.template.fn;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Strict RFC 3339 timestamps as Go's {@code time.Parse(time.RFC3339, …)} reads them, with the error
 * messages cty gives ("not a valid RFC3339 timestamp: cannot use "x" as year"), and formatting back
 * without fractional seconds. Stateless; thread-safe.
 */
final class Rfc3339 {
  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private Rfc3339() {}

  static final class BadTimestamp extends Exception {
    BadTimestamp(String why) {
      super("not a valid RFC3339 timestamp: " + why);
    }
  }

  static String format(OffsetDateTime t) {
    return t.withNano(0).format(FORMAT);
  }

  static OffsetDateTime parse(String s) throws BadTimestamp {
    Cursor c = new Cursor(s);
    if (s.length() < 4 || !allDigits(s.substring(0, 4))) {
      throw c.cannot("year");
    }
    int year = Integer.parseInt(s.substring(0, 4));
    c.pos = 4;
    c.literal('-');
    int month = c.number(true, "month", 1, 12);
    c.literal('-');
    int day = c.number(true, "day of month", 0, 31);
    if (c.pos >= s.length() || s.charAt(c.pos) != 'T') {
      throw new BadTimestamp("missing required time introducer 'T'");
    }
    c.pos++;
    int hour = c.number(false, "hour", 0, 23);
    c.literal(':');
    int minute = c.number(true, "minute", 0, 59);
    c.literal(':');
    int second = c.number(true, "second", 0, 59);
    int nanos = 0;
    if (c.pos + 1 < s.length()
        && (s.charAt(c.pos) == '.' || s.charAt(c.pos) == ',')
        && Character.isDigit(s.charAt(c.pos + 1))) {
      int start = ++c.pos;
      while (c.pos < s.length() && Character.isDigit(s.charAt(c.pos))) {
        c.pos++;
      }
      String frac = (s.substring(start, Math.min(c.pos, start + 9)) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(frac);
    }
    ZoneOffset zone = c.offset();
    if (c.pos < s.length()) {
      throw c.cannot("timestamp segment");
    }
    try {
      LocalDate date = LocalDate.of(year, month, 1);
      if (day < 1 || day > date.lengthOfMonth()) {
        throw new BadTimestamp("day out of range");
      }
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, zone);
    } catch (DateTimeException e) {
      throw new BadTimestamp(e.getMessage());
    }
  }

  private static boolean allDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    BadTimestamp cannot(String what) {
      String rest = s.substring(Math.min(pos, s.length()));
      return new BadTimestamp(
          rest.isEmpty()
              ? "end of string before " + what
              : "cannot use \"" + rest + "\" as " + what);
    }

    void literal(char ch) throws BadTimestamp {
      if (pos >= s.length()) {
        throw new BadTimestamp("end of string where \"" + ch + "\" is expected");
      }
      if (s.charAt(pos) != ch) {
        throw new BadTimestamp(
            "found \"" + s.substring(pos) + "\" where \"" + ch + "\" is expected");
      }
      pos++;
    }

    /** Go's getnum: two digits when fixed, else one or two; then the range check. */
    int number(boolean fixed, String what, int min, int max) throws BadTimestamp {
      if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
        throw cannot(what);
      }
      int n;
      if (pos + 1 >= s.length() || !Character.isDigit(s.charAt(pos + 1))) {
        if (fixed) {
          throw cannot(what);
        }
        n = s.charAt(pos) - '0';
        pos += 1;
      } else {
        n = Integer.parseInt(s.substring(pos, pos + 2));
        pos += 2;
      }
      if (n < min || n > max) {
        throw cannot(what);
      }
      return n;
    }

    ZoneOffset offset() throws BadTimestamp {
      if (pos < s.length() && s.charAt(pos) == 'Z') {
        pos++;
        return ZoneOffset.UTC;
      }
      String rest = s.substring(Math.min(pos, s.length()));
      if (rest.length() < 6
          || rest.charAt(3) != ':'
          || (rest.charAt(0) != '+' && rest.charAt(0) != '-')
          || !allDigits(rest.substring(1, 3))
          || !allDigits(rest.substring(4, 6))) {
        throw cannot("UTC offset");
      }
      int h = Integer.parseInt(rest.substring(1, 3));
      int m = Integer.parseInt(rest.substring(4, 6));
      if (h > 18 || m > 59 || (h == 18 && m > 0)) {
        throw new BadTimestamp(
            "the UTC offset " + rest.substring(0, 6) + " is out of range (at most 18 hours)");
      }
      pos += 6;
      int sign = rest.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }
  }
}
