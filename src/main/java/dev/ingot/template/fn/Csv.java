package dev.ingot.template.fn;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Go's encoding/csv reads it: quoted fields, doubled quotes, CRLF or LF, blank
 * lines skipped.
 */
final class Csv {
  private Csv() {}

  static final class CsvError extends Exception {
    CsvError(String message) {
      super(message);
    }
  }

  static List<List<String>> parse(String s) throws CsvError {
    List<List<String>> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    while (i < s.length()) {
      if (s.charAt(i) == '\n' || s.startsWith("\r\n", i)) {
        i += s.charAt(i) == '\n' ? 1 : 2;
        line++;
        continue;
      }
      List<String> row = new ArrayList<>();
      int rowLine = line;
      while (true) {
        StringBuilder f = new StringBuilder();
        if (i < s.length() && s.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= s.length()) {
              throw new CsvError(
                  "record on line " + rowLine + ": extraneous or missing \" in quoted-field");
            }
            char c = s.charAt(i++);
            if (c == '"') {
              if (i < s.length() && s.charAt(i) == '"') {
                f.append('"');
                i++;
              } else {
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              f.append(c);
            }
          }
          if (i < s.length()
              && s.charAt(i) != ','
              && s.charAt(i) != '\n'
              && !s.startsWith("\r\n", i)) {
            throw new CsvError(
                "record on line " + rowLine + ": extraneous or missing \" in quoted-field");
          }
        } else {
          while (i < s.length()
              && s.charAt(i) != ','
              && s.charAt(i) != '\n'
              && !s.startsWith("\r\n", i)) {
            char c = s.charAt(i++);
            if (c == '"') {
              throw new CsvError("record on line " + rowLine + ": bare \" in non-quoted-field");
            }
            f.append(c);
          }
        }
        row.add(f.toString());
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        break;
      }
      rows.add(row);
    }
    return rows;
  }
}
